"""same_act: one act told by several triggers becomes one event, of the type ACLED gives the whole.

The events stage keeps every trigger that reports an act. Some acts are told in several clauses or sentences,
and ACLED codes the whole as one event of a type none of its triggers has alone:
- a demonstration whose crowd turns violent is one violent demonstration (`escalate`);
- an attack met by return fire, or told with a clash around it, is one armed clash (`clashes`);
- goods looted or weapons seized in the course of violence are part of it (`subsumed`);
- "the attack" told after a violent act refers back to it (`anaphora`);
- an arrest joined to an attack on the people held is that attack (`custody`);
- protesters arrested at a demonstration are its intervention (`interventions`);
- casualties told alone right after a violent act are its outcome (`casualties_alone`, read by the events stage).
The merged triggers are kept as drops ("same act as another trigger") with their spans.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from eventwire.lexicons import load_taxonomy
from eventwire.model import Article, Drop, Event, Span
from eventwire.parse import Parse, doers

# "set fire" is a rioting cue: "set up a camp" is not
RIOTING_ACTS = frozenset({"throw", "hurl", "pelt", "attack", "assault", "beat", "burn", "torch", "vandalize",
                          "vandalise", "smash", "break", "damage", "destroy", "loot", "storm", "clash", "kidnap",
                          "injure", "wound", "detain", "abduct", "chase"})
SAME_ACT = "same act as another trigger"
_DEMONSTRATIONS = frozenset({"Peaceful protest", "Protest with intervention"})
_MET_BY_FORCE = frozenset({"Protest with intervention", "Excessive force against protesters"})
# the people a demonstration's intervention arrests: its crowd
_ARRESTED_CROWD = re.compile(r"\b(?:protesters?|protestors?|demonstrators?|activists?|participants?|strikers?"
                             r"|organi[sz]ers?|them|people|persons)\b", re.I)
_CROWD_ACTS = frozenset({"Attack", "Looting/property destruction", "Mob violence", "Armed clash",
                         "Abduction/forced disappearance"})
_CROWD_REFERENCES = frozenset({"they", "group", "participant", "participants", "crowd", "protester", "protesters",
                               "demonstrator", "demonstrators", "protestor", "protestors"})
VIOLENT = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})  # event types
_DESTRUCTION = "Looting/property destruction"
_INCIDENTAL = frozenset({_DESTRUCTION, "Disrupted weapons use"})
# people hurt or killed: an attack that told of none and destroyed property is that destruction
_HURT = re.compile(r"\b(?:kill\w*|dead|died|death|injur\w*|wound\w*|hurt|casualt\w*|fatalit\w*|shot|beat\w*"
                   r"|tortur\w*|abduct\w*|kidnap\w*|rap(?:e|ed)|victims?|behead\w*|assault\w*|civilians?|missing"
                   r"|unaccounted|bod(?:y|ies)|hospitali[sz]\w*|lives|hostages?|hack\w*|stabb\w*|massacr\w*|lynch\w*"
                   r"|trapp\w*|residents|villagers|farmers|worshippers|passengers|children|women)\b", re.I)
_SHELLING = "Shelling/artillery/missile attack"
_FIGHTING = frozenset({"Attack", "Armed clash", _SHELLING})
_SCUFFLES = frozenset({"Armed clash"})  # a mob beating protesters is no violent demonstration
_DEMONSTRATORS = re.compile(r"\b(?:(?:counter-?)?(?:demonstrators?|protesters?|protestors?)|participants)\b", re.I)
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_WINDOW = 2  # sentences after the first trigger that may still tell the same act
_HELD_AGAIN = frozenset({"him", "her", "them"})
# what opens a sentence about another incident: "Separately, ...", "In another incident, ..."
_ANOTHER_INCIDENT = re.compile(r"^\W*(?:separately|meanwhile|elsewhere|in (?:an)?other|in a separate|later)\b",
                               re.IGNORECASE)


def event_id(article_id: str, trigger: Span, sub_event_type: str) -> str:
    """An event's id: its article, its trigger's span and its type."""
    basis = f"{article_id}:{trigger.start}:{trigger.end}:{sub_event_type}"
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


class SameAct:
    """Merges the events one article's triggers gave; `stage` names the stage the drops are recorded for."""

    def __init__(self, article: Article, parse: Parse, stage: str) -> None:
        self.article = article
        self.parse = parse
        self.stage = stage

    def sentence_of(self, event: Event) -> int:
        return self._sentence_at(event.evidence.trigger.start)

    def merged(self, kept: Event, act: Event) -> Drop:
        return Drop(self.stage, SAME_ACT, kept.evidence.trigger.of(self.article.text), act.evidence.trigger)

    def retyped(self, event: Event, sub_event_type: str) -> Event:
        category = load_taxonomy()[sub_event_type]
        if event.sub_event_type == category.sub_event_type:
            return event
        return dataclasses.replace(
            event, event_id=event_id(self.article.article_id, event.evidence.trigger, category.sub_event_type),
            disorder_type=category.disorder_type, event_type=category.event_type,
            sub_event_type=category.sub_event_type)

    def escalate(self, events: list[Event], drops: list[Drop]) -> list[Event]:
        """A demonstration whose crowd turns violent in the same or the next two sentences ("... blocked the
        avenue to demonstrate. The demonstrators attacked a vehicle") is one violent demonstration, as ACLED
        codes it: the demonstration takes that type and the violent act is dropped as the same event."""
        violent = [e for e in events if e.sub_event_type == "Violent demonstration" or self._by_the_crowd(e)]
        if not violent:
            return events
        kept: list[Event] = []
        merged: set[str] = set()
        for event in events:
            if event.event_id in merged:
                continue
            if event.sub_event_type in _DEMONSTRATIONS or event.sub_event_type == "Violent demonstration":
                start = self.sentence_of(event)
                later = [v for v in violent if v is not event and v.event_id not in merged
                         and start <= self.sentence_of(v) <= start + _WINDOW]
                for act in later:
                    merged.add(act.event_id)
                    drops.append(self.merged(event, act))
                if later:
                    event = self.retyped(event, "Violent demonstration")
            kept.append(event)
        return [e for e in kept if e.event_id not in merged]

    def interventions(self, events: list[Event], drops: list[Drop]) -> list[Event]:
        """Protesters arrested in a demonstration's sentence or the next two ("... blocked the intersection to
        protest. Police arrested 3 protesters"), at no place the demonstration's sentence does not name and not
        after a sentence that opens on another incident, are the intervention its type already says, not an event
        of their own ("In Timbuktu, soldiers arrested two journalists" is one)."""
        kept = list(events)
        for protest in [e for e in events if e.sub_event_type in _MET_BY_FORCE]:
            start = self.sentence_of(protest)
            for arrest in [e for e in kept if e.sub_event_type == "Arrests"
                           and start <= self.sentence_of(e) <= start + _WINDOW
                           and _ARRESTED_CROWD.search(e.evidence.sentence.of(self.article.text))
                           and self._places_in(e.evidence.sentence) <= self._places_in(protest.evidence.sentence)
                           and not any(another_incident(self.parse, n)
                                       for n in range(start + 1, self.sentence_of(e) + 1))]:
                kept.remove(arrest)
                drops.append(self.merged(protest, arrest))
        return kept

    def _places_in(self, sentence: Span) -> set[str]:
        """The places named in the sentence (not demonyms), by name as written."""
        return {m.span.of(self.article.text) for m in self.article.places if not m.is_demonym
                and sentence.start <= m.span.start and m.span.end <= sentence.end}

    def _by_the_crowd(self, event: Event) -> bool:
        """"They beat up three drivers", "The group also damaged...": an act of the demonstrators just told of."""
        index = self.parse.token_at(event.evidence.trigger.start)
        if index is None or event.sub_event_type not in _CROWD_ACTS:
            return False
        if event.sub_event_type in _SCUFFLES and _DEMONSTRATORS.search(event.evidence.sentence.of(self.article.text)):
            return True  # "There were isolated clashes with the police when demonstrators tried to force through"
        return self.parse.tokens[index].lemma.lower() in RIOTING_ACTS \
            and any(self.parse.tokens[d].lemma.lower() in _CROWD_REFERENCES for d in doers(self.parse, index))

    def clashes(self, events: list[Event], drops: list[Drop], return_fire: re.Pattern[str]) -> list[Event]:
        """An attack met by return fire ("... ambushed the police station. Police forces fired back"), or told
        with a clash in the same or the next two sentences ("conducted an assault, clashing with Ukrainian
        forces"; "repelled an attack by militiamen"), is one armed clash, as ACLED codes it. The first trigger
        told is kept, as an armed clash, so its doer stays actor 1; the clash triggers and the return fire
        are the same act."""
        answers = [Span(m.start(), m.end()) for m in return_fire.finditer(self.article.text)]
        retyped: dict[str, Event] = {}
        merged: set[str] = set()
        for event in sorted(events, key=lambda e: e.evidence.trigger.start):
            if event.event_id in merged or event.sub_event_type not in _FIGHTING:
                continue
            start = self.sentence_of(event)
            # shelling is one side's act unless answered or told with the clash in its own sentence ("fired
            # artillery and clashed with the Ukrainian army")
            reach = 0 if event.sub_event_type == _SHELLING else _WINDOW
            window = [e for e in events if e is not event and e.event_id not in merged
                      and e.event_id not in retyped and start <= self.sentence_of(e) <= start + reach]
            same = [e for e in window if e.sub_event_type == "Armed clash"
                    or (e.sub_event_type in _FIGHTING and any(a.overlaps(e.evidence.trigger) for a in answers))]
            answered = any(start <= self._sentence_at(a.start) <= start + _WINDOW for a in answers)
            if same or (answered and event.sub_event_type != "Armed clash"):
                for act in same:
                    merged.add(act.event_id)
                    drops.append(self.merged(event, act))
                retyped[event.event_id] = self.retyped(event, "Armed clash")
        return [retyped.get(e.event_id, e) for e in events if e.event_id not in merged]

    def subsumed(self, events: list[Event], drops: list[Drop]) -> list[Event]:
        """Goods taken or destroyed, or weapons seized, in the course of violence told within two sentences
        ("killed a civilian and also stole goods"; "exchanged fire with police... a pistol was seized") are
        part of that violent act, as ACLED codes it, not events of their own."""
        violent = [e for e in events if e.event_type in VIOLENT]
        kept: list[Event] = []
        retyped: dict[str, Event] = {}
        for event in events:
            if event.sub_event_type in _INCIDENTAL:
                at = self.sentence_of(event)
                act = next((v for v in violent if abs(self.sentence_of(v) - at) <= _WINDOW), None)
                if act is not None:
                    drops.append(self.merged(act, event))
                    if act.sub_event_type == "Attack" and event.sub_event_type == _DESTRUCTION \
                            and not self._hurt_near(act):
                        # "the military raided the village and set fire to houses": a raid that hurt no one is
                        # the destruction it did
                        retyped[act.event_id] = self.retyped(act, _DESTRUCTION)
                    continue
            kept.append(event)
        return [retyped.get(e.event_id, e) for e in kept]

    def _hurt_near(self, act: Event) -> bool:
        """People are told hurt in the act's sentence or the next two ("... set fire to four houses. The fire killed
        an 80-year-old civilian")."""
        start = self.sentence_of(act)
        return any(_HURT.search(self.parse.sentence_span(n).of(self.article.text))
                   for n in range(start, min(start + _WINDOW + 1, self.parse.sentence_count)))

    def custody(self, events: list[Event], drops: list[Drop]) -> list[Event]:
        """"were arrested and killed by the military", "detained a man ... and later tortured him": an arrest
        joined to an attack on the people held is one attack, as ACLED codes it."""
        attacks = {index: e for e in events if e.sub_event_type == "Attack"
                   and (index := self.parse.token_at(e.evidence.trigger.start)) is not None}
        kept: list[Event] = []
        for event in events:
            index = self.parse.token_at(event.evidence.trigger.start)
            if event.sub_event_type == "Arrests" and index is not None:
                token = self.parse.tokens[index]
                joined = [*self.parse.children(index, "conj"), *([token.head] if token.dep == "conj" else [])]
                act = next((attacks[j] for j in joined if j in attacks and self._the_held(index, j)), None)
                if act is not None:
                    drops.append(self.merged(act, event))
                    continue
            kept.append(event)
        return kept

    def _the_held(self, arrest: int, attack: int) -> bool:
        """The attack is on the people the arrest took: both passive with one subject ("were arrested and
        killed"), or the attack's object names them again ("detained a man ... and later tortured him")."""
        parse = self.parse
        if parse.children(arrest, "nsubjpass") and not parse.children(attack, "nsubj", "nsubjpass", "dobj"):
            return True
        return any(parse.word(o).lower() in _HELD_AGAIN for o in parse.children(attack, "dobj"))

    def anaphora(self, events: list[Event], drops: list[Drop]) -> list[Event]:
        """"BLF militants fired at a military post. One soldier was killed in the attack": a definite act noun
        after a violent act told earlier refers back to it, and is the same act."""
        kept: list[Event] = []
        for event in events:
            index = self.parse.token_at(event.evidence.trigger.start)
            earlier = [e for e in kept if e.event_type in VIOLENT | {"Riots"}
                       and 0 < self.sentence_of(event) - self.sentence_of(e) <= _WINDOW]
            if index is not None and earlier and event.event_type in VIOLENT | {"Riots"} \
                    and self.parse.tokens[index].pos == "NOUN" and any(
                        self.parse.word(d).lower() in _DEFINITE for d in self.parse.children(index, "det", "poss")):
                drops.append(self.merged(earlier[-1], event))
                continue
            kept.append(event)
        return kept

    def _sentence_at(self, offset: int) -> int:
        index = self.parse.token_at(offset)
        return self.parse.tokens[index].sent if index is not None else -1


def another_incident(parse: Parse, sentence: int) -> bool:
    """The sentence opens on another incident than the one before it ("Separately, ...", "In another incident,
    ...")."""
    return bool(_ANOTHER_INCIDENT.match(parse.sentence_span(sentence).of(parse.text)))


def casualties_alone(parse: Parse, index: int, places: list[Span]) -> bool:
    """A casualty verb that tells no act of its own: passive or a bare participle ("Three men were killed",
    "a child severely wounded"), with no doer ("by a landmine"), no place or time of its own ("in Kidal", "The
    next day") and not opening on another incident ("Separately, ...")."""
    token = parse.tokens[index]
    if parse.children(index, "agent") or not (parse.children(index, "auxpass") or (
            token.tag == "VBN" and not parse.children(index, "aux"))):
        return False
    if another_incident(parse, token.sent):
        return False
    sentence = parse.sentence_span(token.sent)
    if any(sentence.start <= place.start < sentence.end for place in places):
        return False
    return not any(sentence.start <= e.span.start < sentence.end and e.label in ("DATE", "TIME")
                   for e in parse.annotation.entities)
