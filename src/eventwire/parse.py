"""Navigation over an `Annotation`: children, subtrees, sentences and entities of the parse."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

from eventwire.model import Annotation, Entity, Span, Token

_PHRASE_SKIP = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "prep", "advcl", "ccomp", "parataxis"})


class Parse:
    """Read-only helpers over one article's tokens; built once per stage call."""

    def __init__(self, annotation: Annotation, text: str) -> None:
        self.annotation = annotation
        self.text = text
        self.tokens: tuple[Token, ...] = annotation.tokens
        self._starts = [t.start for t in self.tokens]
        # entities by start; the model's never overlap, so the one covering a span is the last starting before it
        entities = self.annotation.entities
        self._entities_sorted = all(a.span.end <= b.span.start for a, b in itertools.pairwise(entities))
        self._entity_starts = [e.span.start for e in entities]
        self._children: list[list[int]] = [[] for _ in self.tokens]
        for index, token in enumerate(self.tokens):
            if token.head != index:
                self._children[token.head].append(index)
        self._sentence_ranges: list[tuple[int, int]] = []
        start = 0
        for index in range(1, len(self.tokens) + 1):
            if index == len(self.tokens) or self.tokens[index].sent != self.tokens[start].sent:
                self._sentence_ranges.append((start, index))
                start = index

    def word(self, index: int) -> str:
        token = self.tokens[index]
        return self.text[token.start : token.end]

    def children(self, index: int, *deps: str) -> list[int]:
        kids = self._children[index]
        return [k for k in kids if self.tokens[k].dep in deps] if deps else list(kids)

    def subtree(self, index: int, *, skip: frozenset[str] = frozenset()) -> list[int]:
        """Token indexes under `index` (inclusive), not descending into children with a dep in `skip`."""
        found, stack = [], [index]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(k for k in self._children[current] if self.tokens[k].dep not in skip)
        return sorted(found)

    def phrase(self, index: int) -> list[int]:
        """The core noun phrase headed by `index`: modifiers and compounds, no clauses or prepositions."""
        return self.subtree(index, skip=_PHRASE_SKIP)

    def ancestors(self, index: int) -> list[int]:
        chain: list[int] = []
        current = index
        while self.tokens[current].head != current and len(chain) < len(self.tokens):
            current = self.tokens[current].head
            chain.append(current)
        return chain

    def span_of(self, indexes: Iterable[int]) -> Span:
        ordered = sorted(indexes)
        return Span(self.tokens[ordered[0]].start, self.tokens[ordered[-1]].end)

    def text_of(self, indexes: Iterable[int]) -> str:
        return self.span_of(indexes).of(self.text)

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering character `offset`, if any."""
        position = bisect.bisect_right(self._starts, offset) - 1
        if position >= 0 and self.tokens[position].start <= offset < self.tokens[position].end:
            return position
        return None

    def tokens_in(self, span: Span) -> list[int]:
        first = bisect.bisect_left(self._starts, span.start)
        last = bisect.bisect_left(self._starts, span.end)
        return list(range(first, last))

    def sentence_tokens(self, sentence: int) -> range:
        start, end = self._sentence_ranges[sentence]
        return range(start, end)

    @property
    def sentence_count(self) -> int:
        return len(self.annotation.sentences)

    def sentence_span(self, sentence: int) -> Span:
        return self.annotation.sentences[sentence]

    def entity_covering(self, span: Span) -> Entity | None:
        if self._entities_sorted:
            position = bisect.bisect_right(self._entity_starts, span.start) - 1
            entity = self.annotation.entities[position] if position >= 0 else None
            return entity if entity is not None and entity.span.contains(span) else None
        return next((e for e in self.annotation.entities if e.span.contains(span)), None)


_RELATIVE = frozenset({"who", "which", "that"})
_DEVICES = frozenset({"mine", "landmine", "ied", "bomb", "device", "explosive", "grenade", "charge", "vbied"})


def doers(parse: Parse, index: int, depth: int = 0) -> list[int]:
    """Heads of the phrases that did the act of the trigger at `index`: its subject or "by" agent; else the
    subject it shares with the verb it is conjoined to ("militants killed a man and abducted..."); the noun
    a participle hangs on ("police forces arrested..." parsed as a reduced relative clause); for a nominal
    trigger, the subject of its support verb ("forces conducted an assault") or its "by" phrase."""
    token = parse.tokens[index]
    # "in Resistencia (Chaco), around 300 residents beat...": the small model takes the place for the subject and
    # the doers for its apposition
    subjects = [next((a for a in parse.children(s, "appos") if parse.tokens[a].pos == "NOUN"), s)
                if parse.tokens[s].pos == "PROPN" else s for s in parse.children(index, "nsubj")]
    # "a landmine planted by the military exploded": who planted the device did the act
    subjects = [next((p for acl in parse.children(s, "acl") for a in parse.children(acl, "agent")
                      for p in parse.children(a, "pobj")), s)
                if parse.tokens[s].lemma.lower() in _DEVICES else s for s in subjects]
    found = subjects + [p for a in parse.children(index, "agent") for p in parse.children(a, "pobj")]
    if not found and token.dep != "conj":  # "was beaten up and killed by residents": the agent of both verbs
        found = [p for c in parse.children(index, "conj") for a in parse.children(c, "agent")
                 for p in parse.children(a, "pobj")]
    if token.pos == "NOUN":
        found += [p for prep in parse.children(index, "prep") if parse.word(prep).lower() == "by"
                  for p in parse.children(prep, "pobj")]
    if token.dep == "relcl" and (not found or parse.word(found[0]).lower() in _RELATIVE):
        return [token.head]
    if found or depth > 3 or token.head == index:
        return found
    if token.dep in ("conj", "xcomp") or (token.pos == "NOUN" and token.dep == "compound") \
            or (token.dep == "advcl" and token.tag == "VBG"):  # "..., clashing with Ukrainian forces"
        return doers(parse, token.head, depth + 1)
    if token.dep == "acl" and token.pos == "VERB" and (token.tag == "VBD" or parse.children(index, "dobj") or any(
            parse.children(c, "dobj") for c in parse.children(index, "conj"))):  # "forces sealed and seized a house"
        return [token.head]
    if token.pos == "NOUN" and token.dep == "dobj":
        return doers(parse, token.head, depth + 1)
    return []


def aimed_at(parse: Parse, prep: int) -> list[int]:
    """What a preposition on an act names as its target: "at policemen", "towards the positions of the army",
    "in the direction of Azerbaijani positions"; "in" names a target only as "in the direction of"."""
    objects = parse.children(prep, "pobj")
    if parse.word(prep).lower() != "in":
        return objects
    return [o for d in objects if parse.tokens[d].lemma.lower() == "direction"
            for of in parse.children(d, "prep") if parse.word(of).lower() == "of" for o in parse.children(of, "pobj")]


def own_subject(parse: Parse, verb: int) -> bool:
    """The verb names a doer of its own: not a pronoun for the one before ("militants stormed the town and they
    killed five soldiers")."""
    return any(parse.tokens[s].pos != "PRON" for s in parse.children(verb, "nsubj", "nsubjpass"))
