"""Line- and sentence-level boilerplate filter for plain text (and trafilatura's output).

Rules are reviewed data (`data/boilerplate.toml`). The filter first splits sentences that scraping glued
together ("difference.Sunni"), then removes a line when a whole-line rule matches it or at least half of its
sentences match a rule (a list heading takes the headline list under it), drops a closing run of bulleted
headlines, and turns credit lines ("Additional reporting: Reuters") into attribution instead of text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
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
    opens_list: bool = False  # a heading ("Related stories"): the headline list under it goes too
    whole_line: bool = False  # matched against the whole line, not its sentences

    def matches(self, sentence: str) -> bool:
        if self.min_matches == 1:
            return any(p.search(sentence) for p in self.patterns)
        return sum(1 for p in self.patterns if p.search(sentence)) >= self.min_matches


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    credits: tuple[re.Pattern[str], ...]

    @cached_property  # split once: classify_line runs on every line
    def line_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.whole_line)

    @cached_property
    def sentence_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if not r.whole_line)


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
        Rule(r["reason"], tuple(re.compile(p, 0 if r.get("case_sensitive") else re.IGNORECASE) for p in r["patterns"]),
             int(r.get("min_matches", 1)), bool(r.get("opens_list", False)), bool(r.get("whole_line", False)))
        for r in data["rule"]
    )
    credits = tuple(re.compile(p, re.IGNORECASE) for p in data["credit"]["patterns"])
    return Rules(rules, credits)


def split_glued(line: str) -> list[str]:
    """Split a line where two sentences were glued with no space; each part becomes its own block."""
    return [part for part in _GLUED.split(line) if part]


def split_sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE.split(line.strip()) if s]


def classify_line(line: str, rules: Rules) -> Rule | None:
    """The rule that removes a line (the one most of its sentences match), or None when it is article text."""
    whole = next((r for r in rules.line_rules if r.matches(line)), None)
    if whole is not None:
        return whole
    sentences = split_sentences(line)
    if not sentences:
        return None
    sentence_rules = rules.sentence_rules
    found = [None if _QUOTED.search(s) else next((r for r in sentence_rules if r.matches(s.strip())), None)
             for s in sentences]
    flagged = [r for r in found if r is not None]
    if len(flagged) * 2 >= len(sentences):
        return max(flagged, key=flagged.count)
    return None


_LIST_ITEM = re.compile(r"^[-•*–]\s")


def reads_as_link(line: str) -> bool:
    """A line of a headline list: a "- " item, or a short line that does not end as a sentence does."""
    if _LIST_ITEM.match(line):
        return True
    return len(line.split()) <= 16 and not line.rstrip("\"'’”)").endswith((".", "!", ":", ";", ","))


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
    open_list: str | None = None  # the reason of a list heading just seen ("Related stories")
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
            if open_list and reads_as_link(block):
                removed.append(Removed(block, open_list))
                continue
            rule = classify_line(block, rules)
            open_list = rule.reason if rule is not None and rule.opens_list else None
            if rule is not None:
                removed.append(Removed(block, rule.reason))
            else:
                kept.append(block)
    kept, tail = _drop_closing_link_list(kept)
    return FilterResult("\n".join(kept), tuple(removed) + tail, tuple(credits))


def _drop_closing_link_list(lines: list[str]) -> tuple[list[str], tuple[Removed, ...]]:
    """A run of three or more bulleted headlines ("- 15 Amazing Images of Stars") in the last quarter of an
    article is a list of links to other stories whose heading the extractor dropped."""
    items = [bool(_LIST_ITEM.match(line)) and len(line.split()) <= 14 and reads_as_link(line[2:]) for line in lines]
    end = len(lines)
    while end > len(lines) * 3 // 4:
        while end > 0 and not items[end - 1]:
            end -= 1
        start = end
        while start > 0 and items[start - 1]:
            start -= 1
        if end - start >= 3 and start >= len(lines) * 3 // 4:
            links = tuple(Removed(line, "related or read-more link") for line in lines[start:end])
            return lines[:start] + lines[end:], links
        end = start
    return lines, ()
