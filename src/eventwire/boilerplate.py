"""Line- and sentence-level boilerplate filter for plain text (and trafilatura's output).

Rules are reviewed data (`data/boilerplate.toml`). The filter first splits sentences that scraping glued
together ("difference.Sunni"), then removes a line when a whole-line rule matches it or at least half of its
sentences match a rule (a list heading takes the headline list under it), drops a closing run of bulleted
headlines, and turns credit lines ("Additional reporting: Reuters") into attribution instead of text.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the stdlib's parser: what a pattern needs
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from eventwire.model import Attribution, Removed

# A sentence end glued to the next sentence: "difference.Sunni", "said.The" (but not "U.S." or "e.g.").
_GLUED = re.compile(r"(?<=[a-z0-9\)\"’”][a-z0-9\)\"’”][.!?])(?=[A-Z][a-z])")
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"’”)]))\s+(?=[\"“‘(]?[A-Z0-9])")


def _required(items: Any, ignore_case: bool) -> frozenset[str] | None:
    """Strings one of which occurs (lower-cased where `ignore_case`) in every text the parsed pattern matches, or
    None when nothing that cheap to test is certain: the longest literal run, or the alternatives of a group."""
    best: frozenset[str] | None = None

    def offer(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and min(map(len, found)) >= 3 and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    run = ""
    for op, arg in items:
        char = chr(arg) if op is sre_parse.LITERAL else ""
        if char and not (ignore_case and not char.isascii()):
            run += char.lower() if ignore_case else char
            continue
        offer(frozenset({run}) if run else None)
        run = ""
        if op is sre_parse.SUBPATTERN and not arg[1] and not arg[2]:  # a group that changes no flags
            offer(_required(arg[3], ignore_case))
        elif op is sre_parse.BRANCH:
            options = [_required(alternative, ignore_case) for alternative in arg[1]]
            offer(frozenset(lit for o in options if o for lit in o) if all(options) else None)
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and arg[0] >= 1:
            offer(_required(arg[2], ignore_case))
    offer(frozenset({run}) if run else None)
    return best


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """What a text must contain for `pattern` to match in it (see `_required`); None when unknown. Checking for
    a few substrings is many times cheaper than a search that starts with a word boundary."""
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    try:
        return _required(sre_parse.parse(pattern.pattern, pattern.flags), ignore_case)
    except (re.error, AttributeError, TypeError, ValueError):  # a parser that changed: fall back to searching
        return None


@dataclass(frozen=True)
class Rule:
    reason: str
    patterns: tuple[re.Pattern[str], ...]
    min_matches: int = 1
    opens_list: bool = False  # a heading ("Related stories"): the headline list under it goes too
    whole_line: bool = False  # matched against the whole line, not its sentences

    def matches(self, sentence: str, searchable: frozenset[re.Pattern[str]] | None = None) -> bool:
        """`searchable`: the patterns worth searching in `sentence` (`Rules.searchable`); all when None."""
        hits = 0
        for pattern in self.patterns:
            if (searchable is None or pattern in searchable) and pattern.search(sentence):
                hits += 1
                if hits >= self.min_matches:
                    return True
        return False


@dataclass(frozen=True)
class _Gates:
    """Which patterns each literal unlocks: a text is searched only with patterns whose required literals it has."""
    folded: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]  # literals of case-insensitive patterns
    exact: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]
    always: frozenset[re.Pattern[str]]  # patterns with no literal to test first


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

    @cached_property
    def _gates(self) -> _Gates:
        folded: dict[str, list[re.Pattern[str]]] = {}
        exact: dict[str, list[re.Pattern[str]]] = {}
        always: set[re.Pattern[str]] = set()
        for pattern in (p for rule in self.rules for p in rule.patterns):
            literals = required_literals(pattern)
            if literals is None:
                always.add(pattern)
            for literal in literals or ():
                (folded if pattern.flags & re.IGNORECASE else exact).setdefault(literal, []).append(pattern)
        return _Gates(tuple((k, tuple(v)) for k, v in folded.items()), tuple((k, tuple(v)) for k, v in exact.items()),
                      frozenset(always))

    @cached_property
    def _live(self) -> dict[frozenset[re.Pattern[str]], tuple[tuple[Rule, ...], tuple[Rule, ...]]]:
        return {}

    def live(self, searchable: frozenset[re.Pattern[str]]) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """(line rules, sentence rules) with a pattern in `searchable`, in order: the only ones that can match.
        Lines share few distinct sets, so each is worked out once."""
        found = self._live.get(searchable)
        if found is None:
            found = (tuple(r for r in self.line_rules if not searchable.isdisjoint(r.patterns)),
                     tuple(r for r in self.sentence_rules if not searchable.isdisjoint(r.patterns)))
            if len(self._live) < 4096:
                self._live[searchable] = found
        return found

    def gates_within(self, text: str) -> _Gates:
        """The gates whose literal occurs in `text`: all a part of `text` can unlock (`searchable(part, gates)`),
        so the lines of a page test a few literals each, not every one."""
        gates, lowered = self._gates, text.lower()
        return _Gates(tuple(g for g in gates.folded if g[0] in lowered), tuple(g for g in gates.exact if g[0] in text),
                      gates.always)

    def searchable(self, text: str, gates: _Gates | None = None) -> frozenset[re.Pattern[str]]:
        """The patterns that can match somewhere in `text` (or in any part of it), by their required literals;
        `gates`: those of a text that contains this one (`gates_within`)."""
        gates, lowered = gates or self._gates, text.lower()
        found = set(gates.always)
        for literal, patterns in gates.folded:
            if literal in lowered:
                found.update(patterns)
        for literal, patterns in gates.exact:
            if literal in text:
                found.update(patterns)
        return frozenset(found)


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


def classify_line(line: str, rules: Rules, gates: _Gates | None = None) -> Rule | None:
    """The rule that removes a line (the one most of its sentences match), or None when it is article text.
    `gates`: those of the page the line is from (`Rules.gates_within`), to test fewer literals."""
    searchable = rules.searchable(line, gates)  # what a line lacks, none of its sentences has
    line_rules, sentence_rules = rules.live(searchable)
    whole = next((r for r in line_rules if r.matches(line, searchable)), None)
    if whole is not None:
        return whole
    if not sentence_rules:
        return None
    sentences = split_sentences(line)
    if not sentences:
        return None
    found = [None if _QUOTED.search(s) else next((r for r in sentence_rules if r.matches(s.strip(), searchable)), None)
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
    gates = rules.gates_within(text)
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
            rule = classify_line(block, rules, gates)
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
