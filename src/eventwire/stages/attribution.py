"""attribution: who each event's claim comes from, with its span.

"according to security sources", "X said / reported / told", else the attribution of the last two
sentences (reporting usually keeps its source), else the article's credit line ("Additional reporting:
Reuters"). A bare "sources" is refined by an earlier, more specific mention ("security sources").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from eventwire.model import Article, Attribution, Event
from eventwire.parse import Parse
from eventwire.settings import Settings

NAME = "attribution.v1"
REQUIRES = ("events", "annotation", "credits")
PROVIDES = ("event_attribution",)

_SAY = frozenset({"say", "tell", "report", "claim", "confirm", "announce", "state", "add", "allege", "accuse"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})
_INHERIT_SENTENCES = 2


def sentence_attributions(parse: Parse) -> dict[int, Attribution]:
    """The attribution stated in each sentence, by sentence number."""
    found: dict[int, Attribution] = {}
    for index, token in enumerate(parse.tokens):
        if token.sent in found:
            continue
        source_head, kind = None, ""
        if token.lemma == "accord" and token.tag == "VBG":
            for to in parse.children(index, "prep"):
                source_head = next(iter(parse.children(to, "pobj")), None)
            kind = "according to"
        elif token.lemma in _SAY and token.pos == "VERB":
            source_head = next(iter(parse.children(index, "nsubj")), None)
            kind = "said"
        if source_head is None or parse.word(source_head).lower() in _PRONOUNS:
            continue
        words = parse.phrase(source_head)
        found[token.sent] = Attribution(parse.text_of(words).removeprefix("the ").strip(), parse.span_of(words), kind)
    return _refine(found)


def _refine(found: dict[int, Attribution]) -> dict[int, Attribution]:
    """Replace a bare "sources" / "officials" by an earlier mention with the same head and more words."""
    refined: dict[int, Attribution] = {}
    for sentence in sorted(found):
        attribution = found[sentence]
        if " " not in attribution.source:
            head = attribution.source.lower()
            earlier = [a for s, a in refined.items() if s < sentence and a.source.lower().endswith(" " + head)]
            if earlier:
                attribution = dataclasses.replace(earlier[-1], kind="refined")
        refined[sentence] = attribution
    return refined


def attribute(event: Event, sentence: int, stated: dict[int, Attribution],
              credits: tuple[Attribution, ...]) -> Event:
    attribution = stated.get(sentence)
    if attribution is None:
        previous = [s for s in stated if sentence - _INHERIT_SENTENCES <= s < sentence]
        if previous:
            attribution = dataclasses.replace(stated[max(previous)], kind="inherited")
    if attribution is None and credits:
        attribution = credits[0]
    if attribution is None:
        return event
    evidence = dataclasses.replace(event.evidence, attribution=attribution.span)
    return dataclasses.replace(event, attribution=attribution, evidence=evidence,
                               confidence=round(event.confidence + 0.1, 3))


def make(settings: Settings) -> Callable[[Article], Article]:
    def attribution(article: Article) -> Article:
        assert article.annotation is not None
        parse = Parse(article.annotation, article.text)
        stated = sentence_attributions(parse)
        events = []
        for event in article.events:
            index = parse.token_at(event.evidence.trigger.start)
            assert index is not None
            events.append(attribute(event, parse.tokens[index].sent, stated, article.credits))
        return dataclasses.replace(article, events=tuple(events))

    return attribution
