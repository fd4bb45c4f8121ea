"""Loaders for the reviewed data files: the event lexicon, the actor dictionary and ACLED's taxonomy.

The files are data, not code: `data/events.toml`, `data/actors.toml`, `data/acled_categories.tsv`.
Each loader parses once per process and returns frozen records.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("eventwire").joinpath(f"data/{name}").read_text(encoding="utf-8")


# --- ACLED taxonomy -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Category:
    event_type: str
    sub_event_type: str
    disorder_type: str


@cache
def load_taxonomy() -> dict[str, Category]:
    """sub_event_type -> its event type and disorder type."""
    rows = [line.split("\t") for line in _read("acled_categories.tsv").splitlines() if line and line[0] != "#"]
    return {sub: Category(event, sub, disorder) for event, sub, disorder in rows}


# --- event lexicon ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    lemma: str
    needs_child: str
    pos: frozenset[str]
    sub_event_type: str
    territory: bool = False
    instruments: bool = False
    if_state_actor1: str = ""
    if_armed_group_actor1: str = ""  # the type when a non-state armed group does it (a detention: an abduction)
    if_civilian_target: str = ""
    if_armed_target: str = ""
    cues: tuple[tuple[str, str], ...] = ()
    needs_object: frozenset[str] = frozenset()
    crowd_only: bool = False
    or_purpose: bool = False  # a protest's purpose ("to demand", "to denounce") stands for the needed object


@dataclass(frozen=True)
class EventLexicon:
    triggers: dict[str, tuple[Trigger, ...]]
    modal: frozenset[str]
    not_asserted: frozenset[str]
    background: frozenset[str]
    occurrence: frozenset[str]
    support: frozenset[str]
    territory_nouns: frozenset[str]
    purposes: frozenset[str]
    demands: frozenset[str]
    protest_aims: frozenset[str]
    crowd_acts: frozenset[str]
    cues: dict[str, re.Pattern[str]]
    labels: dict[str, Category] = field(default_factory=dict)  # a note's opening label -> the act's category
    saying: frozenset[str] = frozenset()  # verbs of saying or thinking, whose clause tells no act done


_INSTRUMENT_TYPES = (
    ("suicide", "Suicide bomb"),
    ("chemical", "Chemical weapon"),
    ("air", "Air/drone strike"),
    ("shelling", "Shelling/artillery/missile attack"),  # before grenades: "grenade launchers" are artillery
    ("grenade", "Grenade"),
    ("ied", "Remote explosive/landmine/IED"),
)


def instrument_types() -> tuple[tuple[str, str], ...]:
    """Weapon cues in priority order, with the sub-event type each implies."""
    return _INSTRUMENT_TYPES


def _cue_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _trigger(entry: dict[str, Any], lemma: str) -> Trigger:
    base, _, child = lemma.partition("+")
    return Trigger(
        lemma=base, needs_child=child, pos=frozenset(entry.get("pos", ["VERB"])),
        sub_event_type=entry["sub_event_type"], territory=entry.get("territory", False),
        instruments=entry.get("instruments", False), if_state_actor1=entry.get("if_state_actor1", ""),
        if_armed_group_actor1=entry.get("if_armed_group_actor1", ""),
        if_civilian_target=entry.get("if_civilian_target", ""), if_armed_target=entry.get("if_armed_target", ""),
        cues=tuple((c, t) for c, t in entry.get("cues", [])), needs_object=frozenset(entry.get("needs_object", [])),
        crowd_only=entry.get("crowd_only", False), or_purpose=entry.get("or_purpose", False),
    )


@cache
def load_event_lexicon() -> EventLexicon:
    data = tomllib.loads(_read("events.toml"))
    taxonomy = load_taxonomy()
    triggers: dict[str, list[Trigger]] = {}
    for entry in data["trigger"]:
        for lemma in entry["lemmas"]:
            trigger = _trigger(entry, lemma)
            for sub in (trigger.sub_event_type, trigger.if_state_actor1, trigger.if_armed_group_actor1,
                        trigger.if_armed_target,
                        *(t for _, t in trigger.cues)):
                if sub and sub not in taxonomy:
                    raise ValueError(f"events.toml: unknown sub_event_type {sub!r}")
            triggers.setdefault(trigger.lemma, []).append(trigger)
    unknown = sorted(set(data["labels"].values()) - set(taxonomy))
    if unknown:
        raise ValueError(f"events.toml [labels]: unknown sub_event_type {unknown[0]!r}")
    filters = data["filters"]
    return EventLexicon(
        triggers={k: tuple(v) for k, v in triggers.items()},
        modal=frozenset(filters["modal"]), not_asserted=frozenset(filters["not_asserted"]),
        background=frozenset(filters["background"]), occurrence=frozenset(filters["occurrence"]),
        support=frozenset(filters["support"]), territory_nouns=frozenset(filters["territory_nouns"]),
        purposes=frozenset(filters["purposes"]), demands=frozenset(filters["demands"]),
        protest_aims=frozenset(filters["protest_aims"]), crowd_acts=frozenset(filters["crowd_acts"]),
        cues={name: _cue_pattern(words) for name, words in data["cue"].items()},
        labels={label: taxonomy[sub] for label, sub in data["labels"].items()},
        saying=frozenset(filters["saying"]),
    )


# --- actor dictionary -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorEntry:
    name: str
    inter: int
    kind: str
    generic: bool
    corefer: bool = False
    needs_demonym: bool = False
    # (country, name): where ACLED's coverage of a country names this description otherwise
    names_in: tuple[tuple[str, str], ...] = ()
    with_the: frozenset[str] = frozenset()  # countries named with "the" in "{the_country}" ("the Philippines")
    home: str = ""  # the ISO code of the one country the group acts in, if it acts in one

    def name_in(self, country: str) -> str:
        """The coded name of a generic description for an actor of `country`."""
        the_country = f"the {country}" if country in self.with_the else country
        return dict(self.names_in).get(country, self.name).format(country=country, the_country=the_country)


@dataclass(frozen=True)
class ActorMatch:
    entry: ActorEntry
    start: int
    end: int


_KIND_BY_INTER = {1: "state", 2: "armed_group", 3: "armed_group", 4: "armed_group", 5: "rioters",
                  6: "protesters", 7: "civilians", 8: "armed_group"}


_WORD = re.compile(r"\w+")


def _alias_pattern(alias: str) -> re.Pattern[str]:
    """An alias as a regex: spaces and hyphens interchangeable; aliases of up to five characters written with
    capitals ("IS", "Isis") match only as written, longer ones in any case."""
    exact_case = len(alias) <= 5 and any(c.isupper() for c in alias)
    body = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", alias))
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", 0 if exact_case else re.IGNORECASE)


@dataclass(frozen=True)
class Renaming:
    """ACLED's name for an actor in events of a country (any, where "") from a date on."""

    actor: str
    country: str
    since: dt.date
    name: str
    inter: int


@dataclass(frozen=True)
class ActorLexicon:
    # (first word of the alias, casefolded; its pattern; its actor): a text is searched only for the aliases
    # whose first word it contains, so the cost grows with the text, not with the dictionary
    named: tuple[tuple[str, re.Pattern[str], ActorEntry], ...]
    generic: re.Pattern[str]  # every head of every generic description, tried at each position
    generic_entries: tuple[ActorEntry, ...]  # the description of head group `g<index>`
    aliases: frozenset[str]
    renamings: tuple[Renaming, ...] = ()

    def as_coded(self, name: str, inter: int, country: str, date: dt.date | None) -> tuple[str, int]:
        """The (name, inter) an actor is coded with in an event of `country` on `date` (data/actors.toml,
        `renamed`): the Islamic State by its branch, the Taliban as Afghanistan's state forces since August 2021."""
        for renaming in self.renamings:
            if renaming.actor == name and renaming.country in ("", country) and date and date >= renaming.since:
                return renaming.name, renaming.inter
        return name, inter

    def find_named(self, text: str) -> list[ActorMatch]:
        """Named actors in `text`, longest match first where they overlap."""
        words = set(_WORD.findall(text.casefold()))
        found = [ActorMatch(e, m.start(), m.end()) for first, p, e in self.named if first in words
                 for m in p.finditer(text)]
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[ActorMatch] = []
        for match in found:
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return kept

    def generic_named(self, name: str) -> ActorEntry:
        """The generic description coded as `name` ("Unidentified Armed Group ({country})")."""
        return next(e for e in self.generic_entries if e.name == name)

    def find_generic(self, phrase: str) -> ActorMatch | None:
        """The generic description a noun phrase ends with ("Iraqi security forces" -> state): of the heads
        found (the longest at each position), the one ending last, the earliest of those."""
        best: ActorMatch | None = None
        for match in self.generic.finditer(phrase):
            name = str(match.lastgroup)
            start, end = match.start(name), match.end(name)
            if best is None or end > best.end or (end == best.end and start < best.start):
                best = ActorMatch(self.generic_entries[int(name[1:])], start, end)
        return best


@cache
def load_actor_lexicon() -> ActorLexicon:
    data = tomllib.loads(_read("actors.toml"))
    named = []
    for entry in data["actor"]:
        actor = ActorEntry(entry["name"], entry["inter"], _KIND_BY_INTER[entry["inter"]], generic=False,
                           home=entry.get("home", ""))
        for alias in entry["aliases"]:
            named.append((_WORD.findall(alias.casefold())[0], _alias_pattern(alias), actor))
    aliases = {alias.casefold() for entry in data["actor"] for alias in entry["aliases"]}
    heads: list[str] = []
    descriptions: list[ActorEntry] = []
    for entry in data["generic"]:
        actor = ActorEntry(entry["name"], entry["inter"], entry["kind"], generic=True,
                           corefer=entry.get("corefer", False), needs_demonym=entry.get("needs_demonym", False),
                           names_in=tuple(entry.get("names_in", {}).items()),
                           with_the=frozenset(data.get("named_with_the", [])))
        heads += entry["heads"]
        descriptions += [actor] * len(entry["heads"])
    ordered = sorted(range(len(heads)), key=lambda i: -len(heads[i]))
    # a lookahead at every position finds overlapping heads ("security forces" and "forces")
    generic = re.compile("(?=(?:" + "|".join(rf"\b(?P<g{i}>{re.escape(heads[i])})\b" for i in ordered) + "))",
                         re.IGNORECASE)
    renamings = tuple(Renaming(r["actor"], r.get("country", ""), r["since"], r["name"], r["inter"])
                      for r in data.get("renamed", []))
    return ActorLexicon(tuple(named), generic, tuple(descriptions), frozenset(aliases), renamings)
