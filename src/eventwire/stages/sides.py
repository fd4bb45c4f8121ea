"""sides: which side of a conflict a noun phrase of the parse names: state forces, police, an armed group,
civilians, protesters, rioters or a crowd.

A phrase is read through the reviewed actor lexicon (`data/actors.toml`) and the words around it: "a group of
villagers" is of its members' kind, "IS members" of the name before them, "army positions" are held by forces.
The events stage types an act by the kinds of its doers and its targets.
"""

from __future__ import annotations

import re

from eventwire.lexicons import ActorLexicon
from eventwire.parse import Parse

_HELD_BY_FORCES = frozenset({"position", "positions", "checkpoint", "barracks", "outpost", "garrison", "brigade",
                             "battalion", "regiment", "platoon", "troop"})
_HELD_IF_ARMED = frozenset({"base", "camp", "post", "station", "vehicle", "convoy", "patrol", "boat", "bus", "unit",
                            "headquarters", "member", "members", "commander", "officer", "officers"})
_ARMED_WORDS = re.compile(r"\b(?:military|army|police|regime|security|armed|militia|rebels?|soldiers?|customs|"
                          r"gendarmerie|resistance|guerrillas?|insurgents?|militants?|fighters?|gangs?|cartels?|"
                          r"traffick\w*|criminals?|tribesm[ae]n|dahalo)\b", re.I)
_LOOSE_BANDS = frozenset({"assailant", "attacker", "settler", "supporter", "cadre", "man", "people", "individual",
                          "person", "youth", "villager", "resident", "local", "member", "worker", "activist",
                          "student", "relative", "neighbor", "neighbour", "citizen"})
_UNKNOWN = re.compile(r"\b(?:unidentified|unknown)\b", re.I)
_OFF_DUTY = re.compile(r"\boff[- ]duty\b", re.I)
_PLAIN_PEOPLE = frozenset({"man", "men", "individual", "person", "people", "suspect"})
_COLLECTIVES = frozenset({"faction", "factions", "cadre", "cadres", "group", "groups", "number", "crowd", "band",
                          "dozens", "hundreds", "thousands", "mob",
                          "member", "members"})  # "members of an Islamist militia": of the kind of the militia
MEMBERS = frozenset({"member", "members"})
_COUNTS = frozenset({"number", "dozens", "hundreds", "thousands"})  # "a number of sites" are no people
ARMED = frozenset({"state", "police", "armed_group"})
_PROTESTING = frozenset({"demonstrate", "protest", "march", "strike"})


class Sides:
    """Reads the side a noun phrase names, through the actor lexicon."""

    def __init__(self, actors: ActorLexicon) -> None:
        self.actors = actors

    def kind_of(self, parse: Parse, index: int, owned: bool = True) -> str:
        """Actor kind of a noun phrase ("state", "armed_group", "civilians"...), or ""; "a group of villagers"
        is of the kind of its members; `owned`: a thing is of the kind of its owner ("the vehicle of a
        commander")."""
        head = parse.tokens[index].lemma.lower()
        collective = head in _COLLECTIVES
        if collective:
            members = _of_objects(parse, index)
            kind = self.kind_of(parse, members[0]) if members else self._kind_after_of(parse, index)
            if kind:
                return kind
            if members and head not in MEMBERS | _COUNTS:
                return "crowd"  # "a group of people"; but "members of the union" read on: "members" are protesters
        if any(parse.tokens[c].lemma.lower() in _PROTESTING for c in parse.children(index, "amod")):
            return "protesters"  # "the demonstrating locals"
        text = parse.text_of(parse.phrase(index))
        if head in MEMBERS:
            # "IS members attacked", where the small model reads "IS" as a verb: the name just before "members"
            # (its modifiers, capitalised words and numbers; not "police arrested two members")
            start = index
            while start > max(0, index - 4) and parse.tokens[start - 1].sent == parse.tokens[index].sent and (
                    parse.word(start - 1)[:1].isupper() or parse.word(start - 1)[:1].isdigit()
                    or parse.word(start - 1) == "-" or parse.tokens[start - 1].head in (index, start)):
                start -= 1
            text = parse.text_of(range(start, index + 1))
        named = self.actors.find_named(text)
        if named:
            return named[0].entry.kind
        generic = self.actors.find_generic(text)
        if generic:
            return generic.entry.kind
        if head in _HELD_BY_FORCES or (head in _HELD_IF_ARMED and _ARMED_WORDS.search(text)):
            return "state"  # "attacked army positions", "a police station", "a military convoy": armed targets
        if collective and not _ARMED_WORDS.search(text) and head not in MEMBERS | _COUNTS:
            return "crowd"  # "a group set fire to the house", "a clash between two groups": people, unarmed
        # "the vehicle of a commander of the Sultan Murad Division", "a Lieutenant Colonel of the Chechen
        # Battalion": a word that names no side is of the side it belongs to
        owners = _of_objects(parse, index) if owned else []
        return self.kind_of(parse, owners[0]) if owners and not collective else ""

    def target_kind(self, parse: Parse, index: int, owned: bool = True) -> str:
        """The kind of a victim: "two men were shot" are people, not the armed men the word names as doers;
        an off-duty officer is a civilian, as ACLED codes one. `owned`: as for `kind_of`."""
        text = parse.text_of(parse.phrase(index))
        if _OFF_DUTY.search(text):
            return "civilians"
        kind = self.kind_of(parse, index, owned)
        if kind == "armed_group" and parse.tokens[index].lemma.lower() in _PLAIN_PEOPLE \
                and not _ARMED_WORDS.search(text):
            return "civilians"
        return kind

    def _kind_after_of(self, parse: Parse, index: int) -> str:
        """"members of an unidentified gang" where the parse hung "of ..." elsewhere: the kind the next words
        after "of" name, or ""."""
        if index + 2 >= len(parse.tokens) or parse.word(index + 1).lower() != "of":
            return ""
        after = parse.text_of(range(index + 2, min(len(parse.tokens), index + 7)))
        found = next(iter(self.actors.find_named(after)), None) or self.actors.find_generic(after)
        return found.entry.kind if found is not None else ""

    def unidentified(self, parse: Parse, index: int) -> bool:
        """The phrase names its people as unknown: "an unidentified group", "unknown persons", "members of an
        unknown far-left group"; not "villagers angry at unidentified attackers"."""
        return unidentified(parse, index)

    def loose_band(self, parse: Parse, index: int) -> bool:
        """Several people of no armed organisation: "assailants", "a group of settlers", "his supporters"; not
        "Taliban members", "cadres of the Zomi Revolutionary Army"."""
        words = parse.text_of(parse.subtree(index))
        if _UNKNOWN.search(words) or any(m.entry.kind in ARMED for m in self.actors.find_named(words)) \
                or (parse.tokens[index].lemma.lower() in MEMBERS and self.kind_of(parse, index) in ARMED):
            return False  # unidentified attackers are coded as an armed group, as ACLED does
        head = index
        if parse.tokens[head].lemma.lower() in _COLLECTIVES:
            members = _of_objects(parse, head)
            head = members[0] if members else head
        token = parse.tokens[head]
        return token.tag in ("NNS", "NNPS") and token.lemma.lower() in _LOOSE_BANDS


def _of_objects(parse: Parse, index: int) -> list[int]:
    """"members of an Islamist militia", "a commander of the X Division": the nouns the word is "of"."""
    return [o for prep in parse.children(index, "prep") if parse.word(prep).lower() == "of"
            for o in parse.children(prep, "pobj")]


def unidentified(parse: Parse, index: int) -> bool:
    """The words before the noun at `index`, or before the noun it is "of" where it names a collective ("members
    of an unknown far-left group"), call its people unknown."""
    heads = [index, *(_of_objects(parse, index) if parse.tokens[index].lemma.lower() in _COLLECTIVES else [])]
    return any(_UNKNOWN.search(parse.word(c)) for head in heads for c in parse.children(head) if c < head)
