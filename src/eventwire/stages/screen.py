"""screen.v1: a cheap test that keeps articles with no conflict vocabulary away from the parser.

Most news is not about conflict; parsing it is the expensive part of the pipeline. An article goes on only
when its cleaned text holds `screen.min_cues` different cues from `data/screen.toml` (event words and actor
words, matched as word prefixes); a short text (a brief, a wire flash) is cheap to parse and always goes on.
Others are dropped with reason "no conflict vocabulary" and the cues found.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Callable
from importlib import resources

from eventwire.model import Article, Drop
from eventwire.settings import Settings

NAME = "screen.v1"
REQUIRES = ("text",)
PROVIDES = ("screened",)


def cue_pattern() -> re.Pattern[str]:
    data = tomllib.loads(resources.files("eventwire").joinpath("data", "screen.toml").read_text(encoding="utf-8"))
    stems = sorted({s.lower() for s in (*data["events"], *data["actors"])}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")", re.IGNORECASE)


def make(settings: Settings) -> Callable[[Article], Article]:
    pattern = cue_pattern()
    most = int(settings.get("screen.min_cues"))
    short = int(settings.get("screen.short_words"))

    def screen(article: Article) -> Article:
        if most <= 0 or len(article.text.split()) < short:
            return article
        found: set[str] = set()
        for match in pattern.finditer(article.text):
            found.add(match.group(1).lower())
            if len(found) >= most:
                return article
        detail = f"{len(found)} cue(s): {', '.join(sorted(found))}" if found else "no cue"
        return dataclasses.replace(article, drop=Drop(NAME, "no conflict vocabulary", detail))

    return screen
