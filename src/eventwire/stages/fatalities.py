"""fatalities.v1: the number of people killed in each event, with its evidence span.

Reads death expressions in the event's sentence and the sentences after it, up to the next sentence with an event
of another type:
a death verb with its victims ("killing two soldiers", "three people were killed", "a man died", "shot dead one
soldier and one policeman"), or a count noun ("12 dead", "1 fatality", "the death toll rose to 9"). Numbers are
read as ACLED does, conservatively: "at least 12" is 12, "12-15" is 12, "a dozen" and "dozens" are 12,
"hundreds" is 100; a singular victim ("a man") is 1; a plural with no number counts nothing. Victims joined by
"and" add up. An event takes the highest figure in its scope; none found is 0.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from eventwire.model import Article, Event, Span
from eventwire.parse import Parse
from eventwire.settings import Settings
from eventwire.stages.same_act import another_incident

NAME = "fatalities.v1"
REQUIRES = ("events", "annotation")
PROVIDES = ("event_fatalities",)

DEATH_VERBS = frozenset({"kill", "die", "murder", "slay", "execute", "behead", "massacre", "assassinate", "lynch",
                         "perish"})
COUNT_NOUNS = frozenset({"fatality", "dead", "death", "body", "corpse", "toll"})
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 12,
         "hundreds": 100}
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})*|\d+)(?:[-–]\d+)?$")


def read_number(word: str) -> int:
    """The value of a number word or numeral (the lower end of a range); 0 when it is not one."""
    word = word.lower().strip()
    match = _DIGITS.match(word)
    if match:
        return int(match.group(1).replace(",", ""))
    if "-" in word:  # twenty-five
        parts = [WORDS.get(p, 0) for p in word.split("-")]
        return sum(parts) if all(parts) else 0
    return WORDS.get(word, 0)


def _count(parse: Parse, head: int) -> tuple[int, int]:
    """(people, token holding the number) for one victim phrase."""
    if parse.word(head).lower() in ("none", "nobody") or any(
            parse.word(c).lower() in ("no", "none") for c in parse.children(head)):
        return 0, head  # "no one was killed"
    for child in parse.children(head, "nummod"):
        value = read_number(parse.word(child))
        if value:
            return value, child
    word = parse.word(head).lower()
    if read_number(word):  # "two were killed", "one of them"
        return read_number(word), head
    token = parse.tokens[head]
    determiners = [parse.word(d).lower() for d in parse.children(head, "det")]
    if token.tag in ("NN", "NNP") and (determiners or token.tag == "NNP"):
        return (1, head) if not determiners or determiners[0] in ("a", "an", "the", "one") else (0, head)
    return 0, head


def _victims(parse: Parse, index: int) -> list[int]:
    lemma = parse.tokens[index].lemma.lower()
    deps = ("nsubj", "nsubjpass") if lemma in ("die", "perish") else ("nsubjpass", "dobj")
    heads = parse.children(index, *deps)
    if not heads and parse.tokens[index].dep == "conj":  # "was shot and killed": the subject is the first verb's
        heads = parse.children(parse.tokens[index].head, *deps)
    if parse.tokens[index].dep in ("acl", "relcl") and not heads:  # "two soldiers killed in the attack"
        heads = [parse.tokens[index].head]
    found = []
    for head in heads:
        found.append(head)
        found.extend(parse.children(head, "conj"))
    return found


def death_counts(parse: Parse, sentence: int) -> list[tuple[int, Span]]:
    """Every death figure in one sentence, with the span of its number."""
    figures = []
    for index in parse.sentence_tokens(sentence):
        token = parse.tokens[index]
        lemma = token.lemma.lower()
        shot_dead = lemma == "shoot" and any(parse.word(c).lower() == "dead" for c in parse.children(index))
        if token.pos == "VERB" and (lemma in DEATH_VERBS or shot_dead):
            counts = [_count(parse, v) for v in _victims(parse, index)]
            total = sum(n for n, _ in counts)
            if total:
                where = [t for n, t in counts if n]
                figures.append((total, parse.span_of(where)))
        elif token.pos in ("NOUN", "ADJ") and lemma in COUNT_NOUNS:
            numbers = [c for c in parse.children(index, "nummod") if read_number(parse.word(c))]
            if lemma == "toll":  # "the death toll rose to 9"
                numbers = [t for t in parse.sentence_tokens(sentence) if t > index and parse.tokens[t].pos == "NUM"
                           and read_number(parse.word(t))][:1]
            if numbers:
                figures.append((read_number(parse.word(numbers[0])), parse.span_of(numbers[:1])))
    return figures


def count_fatalities(parse: Parse, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Each event's figure, from its sentence up to the next sentence holding an event of another type, or one
    that opens on another incident ("In another incident, a man was killed in Kidal"); a later sentence about the
    same kind of act, "They killed two civilians", still tells this event."""
    sentence_types: dict[int, set[str]] = {}
    for other in events:
        at = parse.token_at(other.evidence.trigger.start)
        if at is not None:
            sentence_types.setdefault(parse.tokens[at].sent, set()).add(other.event_type)
    coded = []
    for event in events:
        index = parse.token_at(event.evidence.trigger.start)
        if index is None:
            coded.append(event)
            continue
        first = parse.tokens[index].sent
        # the next sentence with an act of another type, or with any act where it opens on another incident
        later = [s for s, kinds in sorted(sentence_types.items()) if s > first and (
            kinds - {event.event_type} or another_incident(parse, s))]
        last = later[0] - 1 if later else len(parse.annotation.sentences) - 1
        figures = [f for s in range(first, last + 1) for f in death_counts(parse, s)]
        if not figures:
            coded.append(event)
            continue
        number, span = max(figures, key=lambda f: (f[0], -f[1].start))
        coded.append(dataclasses.replace(event, fatalities=number,
                                         evidence=dataclasses.replace(event.evidence, fatalities=span)))
    return tuple(coded)


def make(settings: Settings) -> Callable[[Article], Article]:
    def fatalities(article: Article) -> Article:
        assert article.annotation is not None
        parse = Parse(article.annotation, article.text)
        return dataclasses.replace(article, events=count_fatalities(parse, article.events))

    return fatalities
