"""discourse: one place a name, all through an article.

A report names its town with a cue once ("NEWARK --", "in Winona", "Gainesville Police") and then bare, where the
small model tags it as a person or an organisation ("55 Gainesville residents", "Cornwall and Kent will see
decreases", "Sri Lanka's former president"). A name read as a place is that same place wherever else the article
writes it with a capital, unless it is a person's name there (a surname of a person named in full, a speaker, a
longer person's name), an actor's, or a government's ("the White House said"). Where it opens or ends a longer
name ("Georgia Modular Systems", "Historic Dublin"), it says whose, not where (`IN_NAME`).
"""

from __future__ import annotations

import dataclasses
import re

from eventwire.model import DEMONYM, IN_NAME, STREET, WITHIN, PlaceMention, Span
from eventwire.parse import Parse
from eventwire.stages.recognise import PLACE_LABELS, POSSESSIVES, government_seat
from eventwire.stages.relabel import PRESS, Candidacy, Relabel

# "near Pisky, Donetsk": the text locates the name there itself; where resolution left it out (the index has no
# Pisky in Donetsk), the reading of another occurrence is no reading of this one
_LOCATED = re.compile(r"\s*[,(]\s*[A-Z]")


def _in_a_longer_name(parse: Parse, tokens: list[int], span: Span) -> bool:
    """The tokens open or end a longer proper name: an entity of another kind around them, or a capitalised
    proper noun right before (within the sentence) or after them."""
    entity = parse.entity_covering(span)
    if entity is not None and entity.span != span and entity.label not in PLACE_LABELS:
        return True
    before, after = tokens[0] - 1, tokens[-1] + 1
    return (before >= 0 and parse.tokens[before].sent == parse.tokens[tokens[0]].sent
            and parse.tokens[before].pos == "PROPN" and parse.word(before)[:1].isupper()) \
        or (after < len(parse.tokens) and parse.tokens[after].pos == "PROPN" and parse.word(after)[:1].isupper())


def _a_newspaper(parse: Parse, tokens: list[int]) -> bool:
    """"the Los Angeles Times", "China Daily", "The New Zealand Herald": a newspaper, named after no place it
    reports on."""
    after = tokens[-1] + 1
    while after < len(parse.tokens) and after <= tokens[-1] + 3 and parse.word(after)[:1].isupper():
        if parse.word(after).lower() in PRESS:
            return True
        after += 1
    return False


def _a_persons_name(parse: Parse, tokens: list[int], span: Span) -> bool:
    """Inside a person's name longer than the name itself ("Andrew Jackson"); "Sri Lanka's" tagged as a person
    is the name alone."""
    entity = parse.entity_covering(span)
    if entity is None or entity.label != "PERSON":
        return False
    return len([i for i in parse.tokens_in(entity.span) if parse.word(i) not in POSSESSIVES]) > len(tokens)


def named_again(parse: Parse, found: tuple[PlaceMention, ...], relabel: Relabel, actor_spans: list[Span],
                surnames: set[str]) -> list[PlaceMention]:
    """The other capitalised occurrences of the names read as places in `found`, each as a mention of the same
    place."""
    sources: dict[str, PlaceMention] = {}
    for mention in found:
        if mention.cue not in (DEMONYM, STREET, WITHIN):  # no name the index lacks spreads
            sources.setdefault(mention.span.of(parse.text).casefold(), mention)
    if not sources:
        return []
    covered = bytearray(len(parse.text) + 1)  # the characters of mentions and actors: one look per occurrence
    for span in [m.span for m in found] + actor_spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    # one pass for all the names, the longest first where they overlap ("New York" before "York")
    names = "|".join(re.escape(key) for key in sorted(sources, key=len, reverse=True))
    again: list[PlaceMention] = []
    for match in re.finditer(rf"(?<!\w)(?:{names})(?!\w)", parse.text, re.IGNORECASE):
        span = Span(match.start(), match.end())
        source = sources.get(match.group().casefold())
        if source is None or not match.group()[:1].isupper() or any(covered[span.start : span.end]) \
                or _LOCATED.match(parse.text, span.end):
            continue
        tokens = parse.tokens_in(span)
        if not tokens or parse.span_of(tokens) != span or _a_persons_name(parse, tokens, span):
            continue
        candidacy = Candidacy(span, tuple(tokens), False, "")
        if relabel.surname(parse, candidacy, surnames) or relabel.speaker(parse, candidacy) \
                or government_seat(parse, candidacy):
            continue
        inside = _in_a_longer_name(parse, tokens, span)
        if inside and _a_newspaper(parse, tokens):
            continue
        again.append(dataclasses.replace(source, span=span, cue=IN_NAME if inside else "", qualifies=False))
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    return again
