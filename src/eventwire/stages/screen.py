"""screen.v1: a cheap test that keeps articles with no conflict vocabulary away from the parser.

Most news is not about conflict; parsing it is the expensive part of the pipeline. An article goes on only
when the distinct cues of `data/screen.toml` in its cleaned text weigh `screen.min_score` (strong cues 1,
weak ones 0.5); a short text (a brief, a wire flash) is cheap to parse and always goes on. Others are dropped
with reason "no conflict vocabulary" and the cues found.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

from eventwire.model import Article, Drop
from eventwire.settings import Settings

NAME = "screen.v1"
REQUIRES = ("text",)
PROVIDES = ("screened",)


def _cue_regex(cue: str) -> str:
    words = re.escape(cue.rstrip("*").lower()).replace("\\ ", r"\s+")
    return words + (r"\w*" if cue.endswith("*") else r"(?:e?s)?\b")


@cache
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """One pattern for each tier (strong, weak); group 0 of a match is the cue's text."""
    data = tomllib.loads(resources.files("eventwire").joinpath("data", "screen.toml").read_text(encoding="utf-8"))
    return {tier: re.compile(r"\b(?:" + "|".join(_cue_regex(c) for c in sorted(data[tier], key=len, reverse=True))
                             + ")", re.IGNORECASE) for tier in ("strong", "weak")}


def score_text(text: str, patterns: dict[str, re.Pattern[str]]) -> tuple[float, list[str]]:
    """The weight of the distinct cues in `text`, and the cues."""
    strong = {m.group(0).lower() for m in patterns["strong"].finditer(text)}
    weak = {m.group(0).lower() for m in patterns["weak"].finditer(text)} - strong
    return len(strong) + 0.5 * len(weak), sorted(strong) + sorted(weak)


def make(settings: Settings) -> Callable[[Article], Article]:
    patterns = cue_patterns()
    needed = float(settings.get("screen.min_score"))
    short = int(settings.get("screen.short_words"))

    def screen(article: Article) -> Article:
        if needed <= 0 or len(article.text.split()) < short:
            return article
        score, cues = score_text(article.text, patterns)
        if score >= needed:
            return article
        detail = f"score {score:g}: {', '.join(cues)}" if cues else "no cue"
        return dataclasses.replace(article, drop=Drop(NAME, "no conflict vocabulary", detail))

    return screen
