"""events: find event triggers in the parse and type them with ACLED's taxonomy.

A trigger is a word of the reviewed lexicon (`data/events.toml`) in a role that reports an act (`reported`).
Every candidate that is not a new event is kept as a `Drop` with its span and the reason: negated, hypothetical
or future, background (past perfect, "since"), a description ("territory seized by Isis"), not asserted
("offered advisers to help recapture"), a nominal mention, a summary of several events ("two towns").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from eventwire.lexicons import (
    ActorLexicon,
    Category,
    EventLexicon,
    Trigger,
    instrument_types,
    load_actor_lexicon,
    load_event_lexicon,
    load_taxonomy,
)
from eventwire.model import Article, Drop, Event, Evidence, Span
from eventwire.parse import Parse, aimed_at, doers, own_subject
from eventwire.settings import Settings
from eventwire.stages.dates import day_told
from eventwire.stages.labels import CONFIDENCE as LABELLED
from eventwire.stages.labels import labelled_act
from eventwire.stages.recognise import QUALIFIER_GAP
from eventwire.stages.reported import OUTCOME_LEMMAS, Reported
from eventwire.stages.same_act import RIOTING_ACTS, SAME_ACT, VIOLENT, SameAct, casualties_alone, event_id
from eventwire.stages.sides import ARMED, MEMBERS, Sides

NAME = "events.v1"
REQUIRES = ("annotation", "places")
PROVIDES = ("events", "rejected")

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "several": 3, "many": 3, "both": 2, "dozens": 24}


@dataclass(frozen=True)
class Judgement:
    """The outcome for one trigger candidate: a sub-event type, or a rejection reason."""

    sub_event_type: str = ""
    reason: str = ""
    detail: str = ""


def new_event(article: Article, sentence: Span, trigger: Span, category: Category, confidence: float) -> Event:
    return Event(
        event_id=event_id(article.article_id, trigger, category.sub_event_type),
        article_id=article.article_id, evidence=Evidence(sentence=sentence, trigger=trigger),
        disorder_type=category.disorder_type, event_type=category.event_type,
        sub_event_type=category.sub_event_type, notes=sentence.of(article.text).strip(),
        source=article.outlet, confidence=confidence,
    )


class EventFinder:
    def __init__(self, lexicon: EventLexicon, actors: ActorLexicon) -> None:
        self.lexicon = lexicon
        self.actors = actors
        self.sides = Sides(actors)
        self.reported = Reported(lexicon)

    def match_triggers(self, parse: Parse, index: int) -> list[Trigger]:
        """The lexicon's readings of the word, in the order to try them: two-word triggers first, then as
        listed ("seized": territory, then weapons, then looting)."""
        token = parse.tokens[index]
        options = self.lexicon.triggers.get(token.lemma.lower(), ())
        child_lemmas = {parse.tokens[c].lemma.lower() for c in parse.children(index)}
        if token.dep == "amod" and token.head == index + 1 and token.pos == "VERB":
            # "an arsonist set fire to the building": the verb misread as the modifier of its object
            child_lemmas.add(parse.tokens[index + 1].lemma.lower())
        # "carried out an LGBT Pride March", "participated in the Immortal Regiment march": a demonstration's name,
        # which the small model tags a proper noun, told as done by the sentence's own verb; not a month ("the vote
        # took place in March"), nor a past event named in a clause about people ("relatives who took part in the
        # Long March", "soldiers who died in the Battle of Kyiv")
        # ("carried out the LGBT Pride March": the name's last word misread as in apposition to its first)
        own = token.head if token.dep == "appos" and parse.tokens[token.head].dep == "dobj" else index
        head = parse.tokens[own]
        verb = head.head if head.dep == "dobj" else parse.tokens[head.head].head
        named_act = token.pos == "PROPN" and (head.dep == "dobj" or (head.dep == "pobj" and (
            parse.word(own).islower() or parse.children(own, "det", "poss", "compound")))) \
            and parse.tokens[verb].dep not in ("relcl", "acl") and self.reported.nominal(parse, own)
        return [trigger for trigger in sorted(options, key=lambda t: not t.needs_child)
                if (token.pos in trigger.pos or (named_act and "NOUN" in trigger.pos
                                                 and trigger.sub_event_type in _PROTESTS))
                and (not trigger.needs_child or trigger.needs_child in child_lemmas)]

    def arguments(self, parse: Parse, index: int, deps: tuple[str, ...]) -> list[int]:
        """Heads of the trigger's arguments with the given deps (through "by" agents and xcomp subjects)."""
        found = []
        for child in parse.children(index):
            dep = parse.tokens[child].dep
            if (dep == "agent" and "agent" in deps) or (dep == "prep" and "pobj" in deps):
                found.extend(parse.children(child, "pobj"))
            elif dep in deps:
                found.append(child)
        return found

    def territory_reason(self, parse: Parse, index: int, places: list[Span]) -> str:
        # what was taken: the object, or "control of X"; not where it happened ("captured a robber in X")
        objects = self.arguments(parse, index, ("dobj", "nsubjpass", "attr", "oprd")) + [
            obj for prep in parse.children(index, "prep") if parse.word(prep).lower() in ("of", "over")
            for obj in parse.children(prep, "pobj")]
        if parse.tokens[index].lemma.lower() == "fall":
            objects = self.arguments(parse, index, ("nsubj",))
        for obj in objects:
            words = parse.phrase(obj)
            span = parse.span_of(words)
            count = max((_number(parse, w) for w in words), default=0)
            if count > 1 and parse.tokens[obj].tag in ("NNS", "NNPS"):
                return "summary of several events"
            if any(span.overlaps(p) for p in places) or _qualified_name(parse, obj, span, places):
                return ""  # a place, or a name qualified by one: "captured Starohnativka, Donetsk"
            if any(parse.tokens[w].lemma.lower() in self.lexicon.territory_nouns for w in words):
                return ""
        return "no territory taken"

    def judge(self, parse: Parse, index: int, trigger: Trigger, places: list[Span]) -> Judgement:
        reason, detail = self.reported.reason(parse, index, trigger.sub_event_type in _PROTESTS)
        if not reason and trigger.territory:
            reason = self.territory_reason(parse, index, places)
        if not reason and (trigger.needs_object or trigger.or_purpose):
            # a nominal act's object may hang on its verb: "held a press conference | with a banner"
            scope = parse.tokens[index].head if parse.tokens[index].pos == "NOUN" else index
            words = {parse.tokens[w].lemma.lower() for w in parse.subtree(scope) if w != index}
            wanted = trigger.needs_object | (self.lexicon.purposes if trigger.or_purpose else frozenset())
            if trigger.or_purpose:
                words |= self._told_next(parse, index) | _purpose_after(parse, index)
            if not words & wanted:
                reason = "no matching object"
        if not reason and trigger.sub_event_type == "Looting/property destruction" and {
                parse.tokens[o].lemma.lower() for o in self.arguments(parse, index, ("dobj", "nsubjpass"))} & _SYMBOLS:
            reason = "symbolic act"  # "burned effigies", "burned the flag": a protest's form, no damage
        if not reason and trigger.lemma == "fire" and parse.children(index, "auxpass") and not any(
                parse.word(c).lower() in _TARGET_PREPOSITIONS for c in parse.children(index, "prep")):
            reason = "dismissal"  # "employees who were fired from City Hall"; "shots were fired at" stays
        if not reason and trigger.crowd_only and {self.sides.kind_of(parse, d) for d in doers(parse, index)} & ARMED:
            reason = "not a crowd's act"
        if reason:
            return Judgement(reason=reason, detail=detail)
        return Judgement(sub_event_type=self.type_of(parse, index, trigger))

    def demanding(self, parse: Parse, verb: int) -> bool:
        """The act at `verb` is a crowd's physical act done for a protest's aim: "neighbors surrounded the theatre to
        demand its reopening", "residents erected tents outside the town hall to demand water", not "civilians
        remained trapped, demanding a corridor" nor "families flew to Manila to demand justice"."""
        if parse.tokens[verb].lemma.lower() not in self.lexicon.crowd_acts:
            return False
        return bool(_purpose_after(parse, verb) & self.lexicon.protest_aims) or any(
            parse.tokens[c].tag == "VBG" and parse.tokens[c].lemma.lower() in _DEMANDING
            for c in parse.children(verb, "advcl", "xcomp", "conj"))

    @staticmethod
    def _told_next(parse: Parse, index: int) -> set[str]:
        """The lemmas of the next sentence when "they" do it ("...gathered in front of the school. They
        denounced the attempts to expel a family"), else none."""
        following = parse.tokens[index].sent + 1
        if following >= parse.sentence_count:
            return set()
        words = parse.sentence_tokens(following)
        if not any(parse.tokens[w].dep == "nsubj" and parse.word(w).lower() == "they" for w in words):
            return set()
        return {parse.tokens[w].lemma.lower() for w in words}

    def told_as_act(self, parse: Parse, cue: re.Pattern[str], sentence_number: int) -> bool:
        """The cue occurs in the sentence as something done, not as what a protest is about ("protested
        against the stone pelting", "to denounce the violent attacks", "demanded the repair of damaged roads")."""
        span = parse.sentence_span(sentence_number)
        for match in cue.finditer(span.of(parse.text)):
            at = parse.token_at(span.start + match.start())
            if at is None or not self._topic(parse, at):
                return True
        return False

    def _topic(self, parse: Parse, index: int) -> bool:
        if any(parse.word(c).lower() in ("wherein", "whereby") for c in parse.children(index)):
            return True  # "in protest of a recent attack wherein a party member was assaulted"
        child = index
        for ancestor in parse.ancestors(index):
            if parse.tokens[child].dep != "conj" and (parse.tokens[ancestor].lemma.lower() in self.lexicon.purposes
                                                      or parse.word(ancestor).lower() in _ABOUT):
                return True
            child = ancestor
        return False

    def cued_type(self, parse: Parse, index: int, trigger: Trigger) -> str:
        """The type a demonstration's violence or the trigger's cues give it ("passengers demonstrated and
        destroyed some facilities", "Police intervened, detaining 20"); "" where none does."""
        sentence_number = parse.tokens[index].sent
        if trigger.sub_event_type == "Peaceful protest" and any(
                parse.tokens[c].lemma.lower() in RIOTING_ACTS and parse.tokens[c].tag in ("VBD", "VBZ", "VBP", "VBG")
                and not {parse.tokens[o].lemma.lower() for o in parse.children(c, "dobj")} & _SYMBOLS
                for c in [*parse.children(index, "conj"), *(a for a in parse.children(index, "advcl")
                                                             if parse.tokens[a].tag == "VBG")]):
            # "passengers demonstrated and destroyed some facilities", "students demonstrated ..., burning down a hut"
            return "Violent demonstration"
        # What happened to a crowd is often told in the sentence after it ("Police intervened, detaining 20").
        told = (sentence_number, sentence_number + 1, sentence_number + 2) \
            if trigger.sub_event_type == "Peaceful protest" else (sentence_number,)
        return next((sub_event_type for cue, sub_event_type in trigger.cues
                     if any(self.told_as_act(parse, self.lexicon.cues[cue], n)
                            for n in told if n < parse.sentence_count)), "")

    def targets(self, parse: Parse, index: int) -> list[int]:
        """Whom or what the act at `index` was done to: its objects (and those of the verb after it, "shot and
        killed a Mara Salvatrucha member", even where the parse gives it one of its own, "... 1 fatality" read
        as the object of "shot"), what it was aimed at ("opened fire at policemen", "an attack against troops"),
        and their conjuncts ("fired at a polio team and policemen")."""
        found = [*self.arguments(parse, index, ("dobj", "nsubjpass")),
                 *(o for c in parse.children(index, "conj") if not own_subject(parse, c)
                   for o in parse.children(c, "dobj"))] or _shared_object(parse, index)
        found += [obj for prep in parse.children(index, "prep") if parse.word(prep).lower() in _AIMING_PREPOSITIONS
                  for obj in aimed_at(parse, prep)]
        return found + [c for t in found for c in parse.children(t, "conj")]

    def type_of(self, parse: Parse, index: int, trigger: Trigger) -> str:
        sentence = parse.sentence_span(parse.tokens[index].sent).of(parse.text)
        clause = parse.text_of(parse.subtree(index, skip=frozenset({"relcl", "advcl", "ccomp"})))
        cued = self.cued_type(parse, index, trigger)
        if cued:
            return cued
        instrument = ""
        if trigger.instruments:
            instrument = next((sub_event_type for cue, sub_event_type in instrument_types()
                               if self.lexicon.cues[cue].search(clause)
                               or self.lexicon.cues[cue].search(parse.word(index))), "")
            if instrument and not (instrument in _WITH_GUNS_A_CLASH and _SMALL_ARMS.search(sentence)):
                return instrument
        subjects = doers(parse, index)
        targets = self.targets(parse, index)
        if trigger.if_state_actor1 and any(self.sides.kind_of(parse, s) == "state" for s in subjects):
            return trigger.if_state_actor1
        if trigger.if_armed_group_actor1 and any(self.sides.kind_of(parse, s) == "armed_group" for s in subjects):
            return trigger.if_armed_group_actor1
        subject_kinds = {self.sides.kind_of(parse, s) for s in subjects}
        # who acted with the doers: "troops and militia members burned..." is no crowd's act
        partner_kinds = {self.sides.kind_of(parse, c) for s in subjects for c in parse.children(s, "conj")}
        # "two Barrio 18 members shot and killed a man", "three armed men opened fire on him": people who attack
        # with guns are an armed group, not a crowd (but "armed rioters fired shots" are rioters)
        gunmen = bool(_GUNS.search(clause)) and (
            (trigger.sub_event_type == "Attack" and not subject_kinds & {"rioters", "protesters"})
            or (bool(subjects) and all(parse.tokens[s].lemma.lower() in MEMBERS for s in subjects)))
        # "an unidentified group set ablaze a butchery": arson by people unknown is property destruction
        clandestine = trigger.sub_event_type == "Looting/property destruction" \
            and any(self.sides.unidentified(parse, s) for s in subjects)
        # a crowd's violence during its demonstration is ACLED's violent demonstration, not mob violence (but
        # protesters beaten during it were attacked)
        mob = "Violent demonstration" if _DEMONSTRATING.search(sentence) and "protesters" not in {
            self.sides.target_kind(parse, t) for t in targets} else "Mob violence"
        if trigger.sub_event_type in _CROWD_VIOLENCE and subject_kinds & _CROWD_KINDS \
                and not (subject_kinds | partner_kinds) & ARMED and not gunmen and not clandestine \
                and not (trigger.sub_event_type == "Armed clash" and _FIREARMS.search(sentence)):
            # residents, students, rioters beating, fighting or burning: ACLED's mob violence; a protest's
            # crowd doing it is a violent demonstration
            return "Violent demonstration" if subject_kinds == {"protesters"} else mob
        if trigger.sub_event_type == "Attack" and trigger.lemma in _BY_HAND and not _FIREARMS.search(sentence) \
                and not _KILLING.search(sentence) and any(self.sides.loose_band(parse, s) for s in subjects):
            return mob  # "four assailants assaulted two BJP supporters", "settlers attacked... with stones"
        target_kinds = {self.sides.target_kind(parse, t) for t in targets}
        if instrument:
            # "fired artillery, mortars, and small arms at the positions of the DPR", "attacked soldiers via
            # firearms, remote explosives and heavy guns": fought with guns as well, against an armed side (not
            # the weapons fired)
            hit = {self.sides.target_kind(parse, t) for t in targets if not _SMALL_ARMS.search(parse.word(t))
                   and not any(self.lexicon.cues[c].search(parse.word(t)) for c, _ in instrument_types())}
            return "Armed clash" if hit & ARMED and subject_kinds & ARMED else instrument
        if trigger.sub_event_type == "Armed clash":
            sides = subject_kinds | partner_kinds | target_kinds | {
                self.sides.kind_of(parse, p) for p in _between(parse, index)}
            if sides & _CROWD_KINDS and not sides & ARMED and not _FIREARMS.search(sentence):
                # "clashes erupted between rioters", "locals clashed with party members"; with guns ("two
                # groups exchanged fire", "villagers armed with rifles clashed") it is communal militias' clash
                return mob
            if sides & {"protesters"} and sides - {"protesters", "rioters", ""} <= {"police", "state"}:
                return "Violent demonstration"  # "demonstrators and police officers clashed"
            if sides & _CROWD_KINDS and sides - _CROWD_KINDS - {""} <= {"police", "state"} \
                    and not _FIREARMS.search(sentence):
                return mob  # "a clash between the state police and merchants"
        if trigger.sub_event_type in _PROTESTS and subject_kinds & {"rioters"}:
            return "Violent demonstration"
        if trigger.if_armed_target and target_kinds & ARMED:
            return trigger.if_armed_target
        if trigger.if_armed_target and parse.tokens[index].lemma.lower() == "fire" and not subjects and not targets \
                and _SMALL_ARMS.search(sentence) and not _KILLING.search(sentence):
            return trigger.if_armed_target  # "observed a total of 25 bursts of fire involving small arms near X"
        # people, not their homes ("burned the homes of three civilians" destroyed property)
        if trigger.if_civilian_target and "civilians" in {self.sides.target_kind(parse, t, owned=False)
                                                          for t in targets}:
            return trigger.if_civilian_target
        return trigger.sub_event_type

    def find(self, article: Article) -> tuple[list[Event], list[Drop]]:
        assert article.annotation is not None
        parse = Parse(article.annotation, article.text)
        places = [m.span for m in article.places if not m.is_demonym]  # "Syrian soldiers" are no territory
        taxonomy = load_taxonomy()
        events: list[Event] = []
        drops: list[Drop] = []
        kept_heads: dict[int, str] = {}
        kept_sentences: set[int] = set()
        acted_in: set[int] = set()  # sentences with a kept act that casualties there are the outcome of
        killed_in: set[int] = set()  # sentences whose act killed people
        fought_in: set[int] = set()  # sentences with a kept violent act
        # Casualty verbs ("killing 12", "were killed when...") go last: next to an act in their sentence they
        # are its outcome, as ACLED codes them, not a second event.
        order = sorted(range(len(parse.tokens)), key=lambda i: parse.tokens[i].lemma.lower() in OUTCOME_LEMMAS)
        parts: set[int] = set()  # the "fire" of "opened fire": part of its trigger, no act of its own
        for index in order:
            readings = self.match_triggers(parse, index)
            if not readings:
                continue
            span = Span(parse.tokens[index].start, parse.tokens[index].end)
            if index in parts:
                drops.append(Drop(NAME, SAME_ACT, "part of a trigger of two words", span))
                continue
            trigger = readings[0]
            parts.update(c for c in parse.children(index) if parse.tokens[c].lemma.lower() == trigger.needs_child)
            sentence_number = parse.tokens[index].sent
            if trigger.lemma in OUTCOME_LEMMAS and sentence_number in acted_in:
                drops.append(Drop(NAME, SAME_ACT, "outcome of an act in this sentence", span))
                if trigger.lemma == "kill" and not self.judge(parse, index, trigger, places).reason:
                    killed_in.add(sentence_number)  # not "threatened to kill him", "no one was killed"
                continue
            if trigger.lemma in OUTCOME_LEMMAS and sentence_number - 1 in fought_in \
                    and casualties_alone(parse, index, places):
                # "there was an armed clash between armed men. Three men were killed.": casualties told without
                # a doer, a place or a time of their own right after a violent act are its outcome (the
                # fatalities stage counts them for it)
                drops.append(Drop(NAME, SAME_ACT, "outcome of the act in the sentence before", span))
                continue
            trigger, judgement = self.first_holding(parse, index, readings, places)
            if judgement.reason:
                drops.append(Drop(NAME, judgement.reason, judgement.detail or parse.word(index), span))
                continue
            category = taxonomy[judgement.sub_event_type]
            linked = _linked(parse, index, kept_heads, category.event_type)
            if linked:
                kept_heads[index] = category.event_type  # a chain of words for one act stays one event
                drops.append(Drop(NAME, SAME_ACT, parse.word(linked[0]), span))
                continue
            fought = self.fought_back(parse, index, category.sub_event_type, events)
            if fought is not None:
                # "attacked and clashed with pro-Hadi forces": one act, and a clash, as ACLED codes it
                drops.append(Drop(NAME, SAME_ACT, events[fought].evidence.trigger.of(
                    article.text), events[fought].evidence.trigger))
                del events[fought]
            kept_heads[index] = category.event_type
            kept_sentences.add(sentence_number)
            if category.event_type != "Strategic developments":  # "killed a civilian and stole goods": a killing
                acted_in.add(sentence_number)
            if category.event_type in VIOLENT:
                fought_in.add(sentence_number)
            events.append(new_event(article, parse.sentence_span(sentence_number), span, category,
                                    _confidence(parse, index, trigger, category)))
        events += self.crowds_acting(article, parse, kept_sentences)
        return self.merged(article, parse, events, drops, killed_in), drops

    def first_holding(self, parse: Parse, index: int, readings: list[Trigger],
                      places: list[Span]) -> tuple[Trigger, Judgement]:
        """The first reading of the trigger that holds, with its judgement; else the first reading's reason."""
        trigger, judgement = readings[0], self.judge(parse, index, readings[0], places)
        for other in readings[1:]:
            if not judgement.reason:
                break
            second = self.judge(parse, index, other, places)
            if not second.reason:
                trigger, judgement = other, second
        return trigger, judgement

    def merged(self, article: Article, parse: Parse, events: list[Event], drops: list[Drop],
               killed_in: set[int]) -> list[Event]:
        """The events that tell one act made one (`same_act`); `killed_in`: the sentences whose act killed."""
        same_act = SameAct(article, parse, NAME)
        # "killed a man and abducted a tailor": an abduction told with a killing is an attack, as ACLED codes it
        events = [same_act.retyped(e, "Attack") if e.sub_event_type == "Abduction/forced disappearance"
                  and same_act.sentence_of(e) in killed_in else e for e in events]
        events = same_act.escalate(events, drops)
        events = same_act.clashes(events, drops, self.lexicon.cues["return_fire"])
        events = same_act.anaphora(events, drops)
        events = same_act.custody(events, drops)
        events = same_act.interventions(events, drops)
        return same_act.subsumed(events, drops)

    @staticmethod
    def fought_back(parse: Parse, index: int, sub_event_type: str, events: list[Event]) -> int | None:
        """The position of a kept one-sided attack conjoined with this clash (same doer) or part of its name
        ("shoot" of "shoot-out"), or None."""
        if sub_event_type != "Armed clash":
            return None
        token = parse.tokens[index]
        partners = set(parse.children(index, "conj", "compound")) | ({token.head} if token.dep == "conj" else set())
        for position, event in enumerate(events):
            if event.sub_event_type == "Attack" and parse.token_at(event.evidence.trigger.start) in partners:
                return position
        return None

    def crowds_acting(self, article: Article, parse: Parse, kept_sentences: set[int]) -> list[Event]:
        """"Protesters demanded justice in X": a sentence with no act of its own whose subject is a crowd of
        protesters reports a demonstration, the crowd word its trigger."""
        found: list[Event] = []
        taxonomy = load_taxonomy()
        category = taxonomy["Peaceful protest"]
        for position, token in enumerate(parse.tokens):
            if token.sent in kept_sentences or token.dep != "nsubj":
                continue
            verb = token.head
            if token.lemma.lower() not in _CROWD_WORDS and not (
                    self.sides.kind_of(parse, position) in _PEOPLE and self.demanding(parse, verb)):
                continue
            if self.reported.reason(parse, verb)[0] or parse.tokens[verb].pos not in ("VERB", "AUX"):
                continue
            kept_sentences.add(token.sent)
            sentence = parse.sentence_span(token.sent)
            acts = {parse.tokens[v].lemma.lower() for v in (verb, *parse.children(verb, "conj"))}
            # "Demonstrators threw bottles and used pyrotechnics at police officers"
            rioting = self.lexicon.cues["rioting"].search(sentence.of(article.text)) or acts & RIOTING_ACTS
            found.append(new_event(article, sentence, Span(token.start, token.end),
                                   taxonomy["Violent demonstration"] if rioting else category, 0.4))
        return found


_PEOPLE = frozenset({"civilians", "crowd", "protesters"})  # kinds of doers whose act with a demand is a protest
_DEMANDING = frozenset({"demand", "protest"})  # "occupied the premises demanding"; not "returned, denouncing"
_CROWD_WORDS = frozenset({"protester", "protestor", "demonstrator", "protesters", "demonstrators", "protestors"})
CONSEQUENCE_DEPS = frozenset({"advcl", "xcomp", "acl"})
_TARGET_PREPOSITIONS = frozenset({"at", "on", "against", "upon", "toward", "towards"})
_AIMING_PREPOSITIONS = _TARGET_PREPOSITIONS | {"in"}  # "in the direction of"


_CROWD_VIOLENCE = frozenset({"Attack", "Armed clash", "Looting/property destruction"})
_CROWD_KINDS = frozenset({"civilians", "protesters", "rioters", "crowd"})


_PROTESTS = frozenset({"Peaceful protest"})
_SYMBOLS = frozenset({"effigy", "effigies", "flag", "flags", "copy", "copies", "photo", "photos", "picture",
                      "pictures", "poster", "posters", "candle", "candles"})  # burned in protest, not rioting
# the words a day an act is told on follows ("on 10 April"), and those of a lead's ("Around 13 April 2022, ...")
_ON, _LEAD_WORDS = frozenset({"on"}), frozenset({"on", "around"})
_PHRASE_END = re.compile(r"\s*(?:[.;)]|,(?!\s*and\b)|$)")  # the place ends the phrase: not "Texas officials"
# beating, stabbing, hacking: what a band of people does by hand (with guns it is an armed attack)
_BY_HAND = frozenset({"assault", "beat", "attack", "stab", "hack", "whip", "flog", "torture", "lynch", "injure",
                      "hit"})
_KILLING = re.compile(r"\b(?:kill\w*|murder\w*|dead|died)\b", re.I)
_ABOUT = frozenset({"over", "about", "against"})
# "clashed with soldiers during the weekly anti-settlement demonstration", "hurled stones ... in demonstration
# against", "blocked the highway while demonstrating": violence done in the course of a demonstration (a march,
# not March)
_DEMONSTRATING = re.compile(r"\b(?:(?:during|amid|in the course of)\s+(?:an?|the|their|its|this)?\s*"
                            r"(?:[\w'-]+\s+){0,3}?(?:demonstrations?|protests?|rally|rallies|(?-i:march(?:es)?)|sit-ins?)\b"
                            r"|in\s+(?:a\s+)?demonstration\b|while\s+(?:demonstrating|protesting))", re.IGNORECASE)
# shelling or explosives used with small arms against an armed side: a clash, as ACLED codes it
_WITH_GUNS_A_CLASH = frozenset({"Shelling/artillery/missile attack", "Remote explosive/landmine/IED"})
_SMALL_ARMS = re.compile(r"\b(?:small arms|small-arms|firearms?|heavy arms|rifles?|gunfire"
                         r"|exchanged fire|exchange of fire)\b", re.I)
_GUN_WORDS = r"guns?|gunfire|gunshots?|gunmen|rifles?|firearms?|fired|shots?|shooting|pistols?|AK-?47s?"
# guns, not fire ("set fire to his house") nor any arms ("a mob armed with machetes")
_GUNS = re.compile(rf"\b(?:armed (?:men|man|individuals?|assailants?|persons?|people|gunmen|group)|opened fire"
                   rf"|{_GUN_WORDS})\b", re.I)
# any sign of firearms in a sentence, fire and shoot-outs included
_FIREARMS = re.compile(rf"\b(?:armed|fire|shoot-?outs?|{_GUN_WORDS})\b", re.I)


def _qualified_name(parse: Parse, obj: int, span: Span, places: list[Span]) -> bool:
    """"captured Starohnativka, Donetsk": a name the index lacks, qualified by the place that ends the phrase (not
    "captured John Smith, Texas officials said", "seized Chevron, Lagos, and took workers hostage"); not a person
    the model names ("captured Abu Omar, Mosul, a senior commander"). The small model tags such villages as
    organisations as often as not, so those stay."""
    entity = parse.entity_covering(span)
    if parse.tokens[obj].tag != "NNP" or (entity is not None and entity.label == "PERSON"):
        return False
    return any(QUALIFIER_GAP.match(parse.text[span.end : p.start]) and _PHRASE_END.match(parse.text, p.end)
               for p in places if p.start > span.end)


def _linked(parse: Parse, index: int, kept_heads: dict[int, str], event_type: str) -> list[int]:
    """The same act: a kept trigger of the same event type next to this one in the tree, or a consequence clause
    ("..., killing 12") hanging on a kept trigger of any type, or a kept act that is the subject of this verb ("an
    air raid targeted the district")."""
    token = parse.tokens[index]
    linked = [h for h in (token.head, *parse.children(index)) if kept_heads.get(h) == event_type]
    if not linked and token.dep in CONSEQUENCE_DEPS and token.head in kept_heads:
        linked = [token.head]
    return linked or [s for s in parse.children(index, "nsubj", "nsubjpass") if s in kept_heads]


def _confidence(parse: Parse, index: int, trigger: Trigger, category: Category) -> float:
    """How sure the trigger is the act reported: less for a casualty report alone, people displaced or arriving,
    or an act told in a relative clause, which describes someone ("relatives of a child who was shot to death
    carried out a protest"); least for an act after the first sentence told on another day than the first
    sentence tells."""
    described = any(parse.tokens[a].dep == "relcl" for a in (index, *parse.ancestors(index)))
    sentence = parse.tokens[index].sent
    lead = day_told(parse.sentence_span(0).of(parse.text), _LEAD_WORDS) if sentence else None
    own = day_told(parse.sentence_span(sentence).of(parse.text), _ON) if lead else None
    if lead and own and own != lead:
        return 0.3  # "On 13 April, ... was killed. The victim was abducted on 10 April": another day's act
    return 0.4 if trigger.lemma in OUTCOME_LEMMAS or category.sub_event_type == "Other" or described else 0.5


def _shared_object(parse: Parse, index: int) -> list[int]:
    """"shot and killed a soldier": the object of the verb this one is conjoined with; "a member was shot and
    killed", where the small model hung "a member" elsewhere: the noun right before the passive; "killed in a
    drive-by shooting": the victims of the verb a nominal act is told under."""
    token = parse.tokens[index]
    partners = parse.children(index, "conj") + ([token.head] if token.dep == "conj" else [])
    found = [o for p in partners for o in parse.children(p, "dobj", "nsubjpass")]
    for verb in (index, *partners):
        passive = parse.children(verb, "auxpass")
        if passive and not parse.children(verb, "nsubjpass") and passive[0] > 0 \
                and parse.tokens[passive[0] - 1].pos in ("NOUN", "PROPN"):
            found.append(passive[0] - 1)
    if token.pos == "NOUN" and token.dep == "pobj" and parse.tokens[token.head].dep == "prep":
        verb = parse.tokens[token.head].head
        if parse.tokens[verb].lemma.lower() in OUTCOME_LEMMAS:
            found += parse.children(verb, "nsubjpass", "dobj")
    return found


def _between(parse: Parse, index: int) -> list[int]:
    """Parties named with "between X and Y" or "with X" on the trigger or, for "clashes erupted between...",
    on the verb it is the subject of, or the verb that describes it ("a clash ensued between...")."""
    token = parse.tokens[index]
    holders = [index, *parse.children(index, "acl", "relcl")] + (
        [token.head] if token.dep in ("nsubj", "nsubjpass") else [])
    found = []
    for holder in holders:
        for prep in parse.children(holder, "prep"):
            if parse.word(prep).lower() in ("between", "with", "among"):
                for obj in parse.children(prep, "pobj"):
                    found += [obj, *parse.children(obj, "conj")]
    return found


def _number(parse: Parse, index: int) -> int:
    token = parse.tokens[index]
    word = parse.word(index).lower()
    if token.dep != "nummod" and word not in ("both", "several"):
        return 0
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word, 0)


def _purpose_after(parse: Parse, index: int) -> set[str]:
    """The infinitives later in the act's clause ("activists gathered in Derry (Derry City and Strabane, ...)
    to call for climate action"), which the parse may hang elsewhere than on the act; up to the next verb with a
    subject of its own ("gathered at the market when police arrived to ask")."""
    found = set()
    for word in (w for w in parse.sentence_tokens(parse.tokens[index].sent) if w > index):
        token = parse.tokens[word]
        if token.pos in ("VERB", "AUX") and parse.children(word, "nsubj", "nsubjpass"):
            break
        if token.pos == "VERB" and parse.word(word - 1).lower() == "to" and parse.tokens[word - 1].pos == "PART":
            found.add(token.lemma.lower())
    return found


def make(settings: Settings) -> Callable[[Article], Article]:
    finder = EventFinder(load_event_lexicon(), load_actor_lexicon())

    def events(article: Article) -> Article:
        found, drops = finder.find(article)
        act = None if found else labelled_act(article, finder.reported, drops)
        if act is not None:  # "Property destruction: On 6 March 2022, Israeli forces installed poles ..."
            found = [new_event(article, *act, LABELLED)]
        return dataclasses.replace(article, events=tuple(found), rejected=article.rejected + tuple(drops))

    return events
