"""localities: parts of towns, villages and streets, read against the towns their sentence names.

A part of a town lies near a town its sentence names; a village, farm or sector in the province of one; a street
or landmark the index lacks is placed on the place named right after it, else on one named before it.
"""

from __future__ import annotations

import re

from eventwire import geodesy
from eventwire.model import DATELINE, STREET, PlaceMention, Span
from eventwire.parse import Parse
from eventwire.stages.readings import contained
from eventwire.stages.relabel import Candidacy

_STREETS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "drive", "boulevard", "blvd", "lane", "parkway",
                      "highway", "square", "plaza", "pike"})
# landmarks of a town that gazetteers of places name as places; not schools, halls, hospitals or centres, which
# most news corpora do not
_LANDMARKS = frozenset({"airport", "park", "stadium", "arena", "tower", "church", "cathedral", "mosque", "temple",
                        "courthouse", "canal", "railroad", "bridge", "prison", "palace"})
# what lies between a street or landmark and the place it is in, named right after it: " in ", " near the ", ", "
_WHERE_AFTER = re.compile(r"^(?:\s+(?:in|near|at|outside|of)\s+(?:the\s+)?|\s*,\s*|\s*\(\s*)$", re.IGNORECASE)
_PART_OF_TOWN = re.compile(r"^\s+(?:area|neighbou?rhoods?|suburbs?|quarter"
                           r"|district\s+(?:of|in)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2}\s+city)\b",
                           re.IGNORECASE)
_LOCAL_TOWN = 50_000  # a village, farm or sector reading of this size in the country is a town, kept
# a local place: "in Angico village", "in Campo Novo farm", "near Bellavista and San Ana sectors", "between Mendoza
# and Santa Fe Streets"
_LOCAL = re.compile(r"^(?:\s+and\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?"
                    r"\s+(?:villages?|hamlets?|farms?|ranch|estates?|sectors?|streets|avenues|roads)\b", re.IGNORECASE)


def near_their_town(parse: Parse, mentions: tuple[PlaceMention, ...],
                     region_keys: frozenset[str]) -> tuple[PlaceMention, ...]:
    """"in Cariacica, residents of the Oriente neighborhood", "the Dalston area of London", "the Almaly district of
    Almaty city": a part of a town lies near the towns its sentence names, so a reading of it more than 50 km from
    all of them is another place of that name, and is left out. A village, farm or sector ("in the rural area of
    Curaca (Bahia) ... in Angico village") lies in the province of a town its sentence names, so a reading in
    another province, or another country, that the article names nowhere is another place of that name (the index
    lacks most villages)."""
    def kinds(mention: PlaceMention) -> tuple[bool, bool]:
        after = parse.text[mention.span.end : mention.span.end + 80]  # enough for the words that follow
        return bool(_PART_OF_TOWN.match(after)), bool(_LOCAL.match(after))

    kind = {m.span: kinds(m) for m in mentions}

    def stray(mention: PlaceMention) -> bool:
        part, local = kind[mention.span]
        if not (part or local):
            return False
        others = [m.place for m in mentions if m.place.feature_class == "P" and m.place != mention.place
                  and _sentence(parse, m.span) == _sentence(parse, mention.span) and not any(kind[m.span])]
        here = mention.place
        if part:
            return bool(others) and all(geodesy.km(here.point, t.point) > 50
                                        for t in others)
        # a town of some size at home stays ("the Bakhmut and Avdiivka sectors"): only a small place, or one abroad
        return bool(others) and all((t.country_code, t.admin1) != (here.country_code, here.admin1) for t in others) \
            and not contained(here.admin1, here.admin2, mention.span.of(parse.text), region_keys) \
            and (here.population < _LOCAL_TOWN or all(t.country_code != here.country_code for t in others))

    return tuple(m for m in mentions if not stray(m))


def _sentence(parse: Parse, span: Span) -> int:
    index = parse.token_at(span.start)
    return parse.tokens[index].sent if index is not None else -1


def streets(parse: Parse, unknown: list[Candidacy], found: tuple[PlaceMention, ...]) -> list[PlaceMention]:
    """"Police closed Main Street", "a rally in Tahrir Square", "missiles hit the Antonovsky Bridge in Kherson
    region": a street or landmark the index lacks is a mention placed on the place named right after it ("in
    Kherson region", not the dateline's town), else on the place its sentence last names before it ("police in
    Mombasa said that in Nairobi county, protesters rallied at Uhuru Park": Nairobi county), else on the town
    last named in an earlier sentence, else on the next town its sentence names."""
    places = [m for m in found if m.says_where or m.cue == DATELINE]
    placed = []
    for candidacy in unknown:
        word = parse.word(candidacy.tokens[-1]).lower().rstrip(".")
        if len(candidacy.tokens) < 2 or word not in _STREETS | _LANDMARKS:
            continue
        sentence = _sentence(parse, candidacy.span)
        named_after = next((m for m in places if m.span.start >= candidacy.span.end
                            and _WHERE_AFTER.match(parse.text[candidacy.span.end : m.span.start])), None)
        before = [m for m in places if m.span.end <= candidacy.span.start]
        here = [m for m in before if _sentence(parse, m.span) == sentence]
        earlier = [m for m in before if m.place.feature_class == "P" and _sentence(parse, m.span) != sentence]
        after = [m for m in places if m.span.start >= candidacy.span.end and m.place.feature_class == "P"
                 and _sentence(parse, m.span) == sentence]
        where = named_after or (here[-1] if here else earlier[-1] if earlier else after[0] if after else None)
        if where is not None:
            placed.append(PlaceMention(candidacy.span, where.place, 0.5, STREET))
    return placed
