"""Shared fixtures. Tests that load spaCy or the place index are marked `slow` (CI runs them too)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_TEXT = EXAMPLES / "independent-2014-06-21-iraq-border-towns.txt"
EXAMPLE_GOLD = EXAMPLES / "independent-2014-06-21-iraq-border-towns.json"


@pytest.fixture(scope="session")
def example_gold() -> dict:
    return json.loads(EXAMPLE_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings.load())


@pytest.fixture(scope="session")
def example_article(pipeline, example_gold):
    from eventwire.model import Article

    raw = EXAMPLE_TEXT.read_text(encoding="utf-8")
    published = dt.date.fromisoformat(example_gold["published"])
    return pipeline.run(Article(raw=raw, published=published, outlet=example_gold["outlet"]))
