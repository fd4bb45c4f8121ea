"""Line- and sentence-level boilerplate filter for plain text (and trafilatura's output).

Rules are reviewed data (`data/boilerplate.toml`). The filter first splits sentences that scraping glued
together ("difference.Sunni"), then removes a line when at least half of its sentences match a rule, and
turns credit lines ("Additional reporting: Reuters") into attribution instead of text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventwire.model import Attribution, Removed

# A sentence end glued to the next sentence: "difference.Sunni", "said.The" (but not "U.S." or "e.g.").
_GLUED = re.compile(r"(?<=[a-z0-9\)\"’”][a-z0-9\)\"’”][.!?])(?=[A-Z][a-z])")
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"’”)]))\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Rule:
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    min_matches: int = 1

    def matches(self, sentence: str) -> bool:
        return sum(1 for p in self.patterns if p.search(sentence)) >= self.min_matches


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    credits: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class FilterResult:
    text: str
    removed: tuple[Removed, ...]
    credits: tuple[Attribution, ...]


_QUOTED = re.compile(r"[\"“”].{12,}[\"“”]|\b(said|says|told)\b")


@cache
def load_rules() -> Rules:
    raw = resources.files("eventwire").joinpath("data/boilerplate.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    rules = tuple(
        Rule(r["reason"], tuple(re.compile(p, re.IGNORECASE) for p in r["patterns"]), int(r.get("min_matches", 1)))
        for r in data["rule"]
    )
    credits = tuple(re.compile(p, re.IGNORECASE) for p in data["credit"]["patterns"])
    return Rules(rules, credits)


def split_glued(line: str) -> list[str]:
    """Split a line where two sentences were glued with no space; each part becomes its own block."""
    return [part for part in _GLUED.split(line) if part]


def split_sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE.split(line.strip()) if s]


def classify_line(line: str, rules: Rules) -> str | None:
    """The removal reason for a line, or None when it is article text."""
    sentences = split_sentences(line)
    if not sentences:
        return None
    reasons = [None if _QUOTED.search(s) else next((r.reason for r in rules.rules if r.matches(s.strip())), None)
               for s in sentences]
    flagged = [r for r in reasons if r]
    if len(flagged) * 2 >= len(sentences):
        return max(set(flagged), key=flagged.count)
    return None


def match_credit(line: str, rules: Rules) -> str | None:
    stripped = line.strip()
    for pattern in rules.credits:
        found = pattern.match(stripped)
        if found:
            return found.group("source").strip()
    return None


def filter_text(text: str) -> FilterResult:
    """Remove boilerplate lines from plain text; keep reporting lines verbatim (whitespace-trimmed)."""
    rules = load_rules()
    kept: list[str] = []
    removed: list[Removed] = []
    credits: list[Attribution] = []
    for raw_line in text.splitlines():
        for block in split_glued(raw_line.strip()):
            block = block.strip()
            if not block:
                continue
            source = match_credit(block, rules)
            if source:
                credits.append(Attribution(source=source, kind="credit"))
                removed.append(Removed(block, "credit line (kept as attribution)"))
                continue
            reason = classify_line(block, rules)
            if reason:
                removed.append(Removed(block, reason))
            else:
                kept.append(block)
    return FilterResult("\n".join(kept), tuple(removed), tuple(credits))
