"""Shared fixtures. Tests that load spaCy or the place index are marked `slow` (CI runs them too)."""

from __future__ import annotations

import datetime as dt
import json
import os
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
def brief_pipeline():
    """The pipeline as it reads one-sentence briefs (event notes, wire flashes): no minimum length."""
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings.load().with_overrides(["clean.min_words=3"]))


@pytest.fixture(scope="session")
def example_article(pipeline, example_gold):
    from eventwire.model import Article

    raw = EXAMPLE_TEXT.read_text(encoding="utf-8")
    published = dt.date.fromisoformat(example_gold["published"])
    return pipeline.run(Article(raw=raw, published=published, outlet=example_gold["outlet"]))


POSTGRES_URL = os.environ.get("EVENTWIRE_TEST_POSTGRES", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path) -> str:
    """A fresh, empty store location of each dialect. PostgreSQL runs where EVENTWIRE_TEST_POSTGRES names a
    server (`.ci/run` starts one, so CI always runs both); elsewhere its cases are skipped."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must test the PostgreSQL store: set EVENTWIRE_TEST_POSTGRES (see .ci/run)")
        pytest.skip("no PostgreSQL server (set EVENTWIRE_TEST_POSTGRES, e.g. from .ci/postgres.sh)")
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return POSTGRES_URL
