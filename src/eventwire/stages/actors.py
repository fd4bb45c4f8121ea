"""actors: actor 1 and actor 2 of each event, normalised through the reviewed dictionary.

Named groups are matched by alias ("Isis", "ISIL", "Daesh" -> one name). Generic descriptions become
ACLED's country-specific names ("security forces" -> "Military/security forces of Iraq"); generic armed
actors ("militants") stand for the named armed group the clause or the preceding text names.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from eventwire.gazetteer import Gazetteer, open_gazetteer
from eventwire.lexicons import ActorLexicon, ActorMatch, load_actor_lexicon
from eventwire.model import Actor, Article, Event, Span
from eventwire.parse import Parse, doers
from eventwire.settings import Settings
from eventwire.stages.sides import unidentified

NAME = "actors.v1"
REQUIRES = ("events", "event_places", "event_dates")  # names may depend on where and when (renamed)
PROVIDES = ("event_actors",)

_TERRITORY = frozenset({"Non-state actor overtakes territory", "Government regains territory",
                        "Non-violent transfer of territory"})
_CRIME = re.compile(r"\b(?:gangs?|drug[- ]traffick\w*|cartels?|criminal)\b", re.IGNORECASE)
_ARMED_GROUP = "Unidentified Armed Group ({country})"  # the data/actors.toml descriptions a doerless act takes
_GANG = "Unidentified Gang ({country})"
_UNCLAIMED = frozenset({"Violence against civilians", "Explosions/Remote violence"})
_DOER_BEFORE = _UNCLAIMED | {"Battles"}  # acts whose doer a misparse may hide right before them
_DESTRUCTION = "Looting/property destruction"
_OPPONENT_PREPOSITIONS = frozenset({"from", "against", "with", "on", "between"})
_UNARMED = frozenset({5, 6, 7})  # rioters, protesters, civilians: inter codes that are never an armed doer


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: both inter codes, smaller first; a lone actor is inter * 10."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# sub-event type -> (crowd name, inter code, 1 when the crowd acts, 2 when it is the target)
_CROWDS = {
    "Peaceful protest": ("Protesters", 6, 1), "Protest with intervention": ("Protesters", 6, 1),
    "Excessive force against protesters": ("Protesters", 6, 2), "Violent demonstration": ("Rioters", 5, 1),
    "Mob violence": ("Rioters", 5, 1),
}


_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)")
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "det", "punct"})
_OWN_CLAUSES = frozenset({"acl", "relcl", "advcl", "conj"})  # clauses and conjuncts name other actors


class ActorResolver:
    def __init__(self, lexicon: ActorLexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer

    def demonym_in(self, phrase: str) -> str:
        """The country code of the first demonym in `phrase` ("Turkish artillery" -> "TR"), or ""."""
        return next((c for c in (self.gazetteer.demonym_country(w.strip(",.()")) for w in phrase.split()) if c), "")

    def country_of(self, phrase: str, full: str, event: Event, focus: str) -> str:
        """The country a generic actor belongs to: a demonym in its phrase ("Ukrainian citizens"), a country
        it is "of" ("military forces of Russia"), else the event's country, else the article's."""
        code = self.demonym_in(phrase)
        if code:
            return self.gazetteer.country_name(code)
        owner = _OF_COUNTRY.search(full)
        if owner:
            found = self.gazetteer.lookup(owner[1], limit=1)
            if found and found[0].place.feature_code == "PCLI":
                return self.gazetteer.country_name(found[0].place.country_code)
        return event.country or focus

    def resolve(self, parse: Parse, head: int, event: Event, focus: str, *,
                modifiers_only: bool = False) -> Actor | None:
        """The actor a noun phrase names; with `modifiers_only`, only the words before the head count (the
        trigger noun itself: "a Taliban attack" names its doer, "an attack on Taliban positions" does not)."""
        core = parse.phrase(head)
        if modifiers_only:
            core = [i for i in core if i == head or (i < head and parse.tokens[i].dep in _MODIFIERS)]
        phrase = parse.text_of(core)
        span = parse.span_of(core)
        full = span if modifiers_only else parse.span_of(parse.subtree(head, skip=_OWN_CLAUSES))
        named = self.lexicon.find_named(full.of(parse.text))
        if named:
            match = named[0]
            return Actor(match.entry.name, match.entry.inter, Span(full.start + match.start, full.start + match.end))
        generic = self.lexicon.find_generic(phrase)
        if generic is None or (generic.entry.needs_demonym and not self.demonym_in(phrase)):
            return None
        if generic.entry.corefer:
            antecedent = self.antecedent(parse.text, span.start)
            if antecedent is not None:
                return Actor(antecedent.entry.name, antecedent.entry.inter, span)
        country = self.country_of(phrase, full.of(parse.text), event, focus)
        name = generic.entry.name_in(country or "unknown country")
        return Actor(name, generic.entry.inter, span, country)

    def antecedent(self, text: str, before: int) -> ActorMatch | None:
        """The last named non-state armed group mentioned before `before`."""
        armed = [m for m in self.lexicon.find_named(text[:before]) if m.entry.kind == "armed_group"]
        return armed[-1] if armed else None

    def opponents(self, parse: Parse, index: int) -> list[int]:
        found = parse.children(index, "dobj", "nsubjpass")
        token = parse.tokens[index]
        # "fighting broke out between the military and the KNLA": the parties hang on the verb the act is subject of
        holders = [index, token.head] if token.dep in ("nsubj", "nsubjpass") and token.head != index else [index]
        for prep in (p for holder in holders for p in parse.children(holder, "prep")):
            if parse.word(prep).lower() in _OPPONENT_PREPOSITIONS:
                objects = parse.children(prep, "pobj")
                found.extend(objects)
                for obj in objects:
                    found.extend(parse.children(obj, "conj"))
        return found

    def code(self, parse: Parse, event: Event, focus: str) -> Event:
        index = parse.token_at(event.evidence.trigger.start)
        assert index is not None
        subjects = doers(parse, index)
        actor1 = next((a for a in (self.resolve(parse, s, event, focus) for s in subjects) if a), None)
        if actor1 is None and parse.tokens[index].pos == "NOUN":
            # "a Taliban attack", "a Saudi-led coalition air raid", "Iraqi airstrikes"
            actor1 = self.resolve(parse, index, event, focus, modifiers_only=True)
        actor2 = None
        for head in self.opponents(parse, index):
            candidate = self.resolve(parse, head, event, focus)
            if candidate and (actor1 is None or candidate.name != actor1.name):
                if actor1 is None and parse.tokens[index].pos == "NOUN":
                    actor1 = candidate
                    continue
                actor2 = candidate
                break
        if actor1 is None and event.event_type in _DOER_BEFORE:
            actor1 = self.adjacent_doer(parse, index, event, focus)
        if (actor1 is None and event.event_type in _UNCLAIMED and event.sub_event_type != "Air/drone strike") \
                or (event.sub_event_type == _DESTRUCTION and (actor1 is None or actor1.inter in _UNARMED) and (
                    not subjects or any(unidentified(parse, s) for s in subjects))):
            # an attack or a blast told without its doer ("a man was shot dead"), or property destroyed by people
            # unknown or by no one named ("unknown persons set vehicles on fire", "the car was set on fire"):
            # ACLED's unidentified armed group of the country; the evidence is the act told without one
            country = event.country or focus or "unknown country"
            sentence = event.evidence.sentence.of(parse.text)
            entry = self.lexicon.generic_named(_GANG if _CRIME.search(sentence) else _ARMED_GROUP)
            actor1 = Actor(entry.name_in(country), entry.inter, event.evidence.trigger, country)
        if actor2 is None and event.sub_event_type in _TERRITORY:
            actor2 = self.sentence_state_force(parse, index, event, focus, actor1)
        crowd = _CROWDS.get(event.sub_event_type)
        if crowd is None:
            return self.with_actors(event, actor1, actor2)
        # ACLED names a crowd by its country ("Protesters (Chile)"); a named group in it (a union, a party)
        # becomes its associated actor. Where the crowd is the target, it is actor2.
        name, inter, role = crowd
        subject_span = parse.span_of(parse.phrase(subjects[0])) if subjects else None
        member = actor1 if role == 1 else actor2
        # the crowd's own nationality where the text gives it ("Belarusian activists rallied in Bialystok")
        country = (member.country if member is not None and member.country else "") \
            or event.country or focus or "unknown country"
        is_crowd = member is not None and member.inter == inter
        # the crowd's evidence: its own words, else the act itself ("…protested in Mosul" tells of protesters)
        evidence = (member.span if member else None) or subject_span or event.evidence.trigger
        grouped = Actor(f"{name} ({country})", inter, evidence, country)
        assoc = member.name if member is not None and not is_crowd and role == 1 else ""
        if role == 1:
            coded = self.with_actors(event, grouped, actor2)
            return dataclasses.replace(coded, assoc_actor_1=assoc)
        return self.with_actors(event, actor1, grouped)

    def adjacent_doer(self, parse: Parse, index: int, event: Event, focus: str) -> Actor | None:
        """The armed doer a misparse hid: an actor phrase right before the act, with no other verb or clause
        break between ("the military shot and killed a man", parsed as the noun "shot"; "the military's
        battalion fired artillery rounds", parsed with "rounds" as the verb)."""
        token = parse.tokens[index]
        if token.dep in ("acl", "relcl"):
            return None  # "the body of a soldier killed in ...": the noun before the act is its victim
        chain = {index, token.head} if token.dep == "conj" else {index}
        for position in range(index - 1, max(-1, index - 7), -1):
            before = parse.tokens[position]
            if before.sent != token.sent or parse.word(position) in (",", ";", ":", "(", ")"):
                return None
            if position in chain:
                continue
            if before.pos in ("VERB", "AUX"):
                return None
            if before.pos in ("NOUN", "PROPN", "ADJ"):
                actor = self.resolve(parse, position, event, focus)
                if actor is not None and actor.inter not in _UNARMED:
                    return actor
        return None

    def sentence_state_force(self, parse: Parse, index: int, event: Event, focus: str,
                             actor1: Actor | None) -> Actor | None:
        """For territory changes: the state force the sentence names as having held the place."""
        for token in parse.sentence_tokens(parse.tokens[index].sent):
            if parse.tokens[token].dep not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue
            actor = self.resolve(parse, token, event, focus)
            if actor and actor.inter == 1 and (actor1 is None or actor.name != actor1.name):
                return actor
        return None

    def with_actors(self, event: Event, actor1: Actor | None, actor2: Actor | None) -> Event:
        actor1, actor2 = self.as_coded(event, actor1), self.as_coded(event, actor2)
        return self._with_actors(event, actor1, actor2)

    def as_coded(self, event: Event, actor: Actor | None) -> Actor | None:
        if actor is None:
            return None
        name, inter = self.lexicon.as_coded(actor.name, actor.inter, event.country, event.event_date)
        return dataclasses.replace(actor, name=name, inter=inter)

    @staticmethod
    def _with_actors(event: Event, actor1: Actor | None, actor2: Actor | None) -> Event:
        inter1 = actor1.inter if actor1 else 0
        inter2 = actor2.inter if actor2 else 0
        evidence = dataclasses.replace(event.evidence, actor1=actor1.span if actor1 else None,
                                       actor2=actor2.span if actor2 else None)
        return dataclasses.replace(
            event, actor1=actor1.name if actor1 else "", inter1=inter1, actor2=actor2.name if actor2 else "",
            inter2=inter2, interaction=interaction(inter1, inter2) if inter1 else 0,
            civilian_targeting="Civilian targeting" if inter2 == 7 else "", evidence=evidence,
            confidence=event.confidence + (0.1 if actor1 else 0.0),
        )


def make(settings: Settings) -> Callable[[Article], Article]:
    resolver = ActorResolver(load_actor_lexicon(), open_gazetteer(str(settings.get("geoparse.index_path"))))

    def actors(article: Article) -> Article:
        assert article.annotation is not None
        parse = Parse(article.annotation, article.text)
        countries = [m.place.country for m in article.places if not m.is_demonym and m.place.country]
        focus = max(set(countries), key=countries.count) if countries else ""
        coded = tuple(resolver.code(parse, event, focus) for event in article.events)
        return dataclasses.replace(article, events=coded)

    return actors
