"""locate: the place where each event happened, never just the first place named.

Order of evidence: places in the trigger's own clause (one named with its qualifier first, then the finest, then
the nearest: `_pick`), or a town in the clause of the verb whose object names the act ("held a protest ... in
Kale town") where the act's own clause names none,
then places in its sentence that no other act claims, then the article's main place with a coarser
`geo_precision`. A qualifier stands for the place it qualifies ("Mariupol, Donetsk"); a country named as an owner
("Armenia's president") says no place; a country or province the clause names gives way to a finer place inside
it that the sentence names; the place the doers are from comes after the place they acted in, and a country of
theirs gives way to a town of their sentence; a country the act is against or about is a topic. Last, an
event placed on a city goes to the part of it named after a spaced dash ("Johannesburg - Diepsloot"), and an
ACLED-style note's own word of where the event is coded ("(coded to Dovhenke)") moves the events it is about.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable

from eventwire import geodesy
from eventwire.gazetteer import Gazetteer, open_gazetteer
from eventwire.gazetteer.names import ascii_name
from eventwire.model import DATELINE, IN_NAME, ROUTE_END, STREET, Article, Event, Place, PlaceMention
from eventwire.parse import Parse
from eventwire.settings import Settings
from eventwire.stages.nesting import PART_GAP, TOWN_REACH_KM
from eventwire.stages.recognise import QUALIFIER_GAP, ROUTES
from eventwire.stages.topics import RECALLING, act_topics, topic_word

NAME = "locate.v1"
REQUIRES = ("events", "places", "rejected")
PROVIDES = ("event_places",)

# cues of where an act came from or was going, or of a road's far end, not of where it was ("abducted a boy from
# Melitopol at a checkpoint in Vasylivka")
_HEADING = frozenset({"from", "to", "toward", "towards", "into", ROUTE_END})
_GAP_REACH = 200  # characters between a place and its qualifier, units between included
# what a country's possessive names in it ("Russia's capital", "Syria's north")
_PARTS_OF_A_COUNTRY = frozenset({"capital", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                                 "southwest", "centre", "center", "border", "borders", "coast", "region", "regions",
                                 "province", "provinces", "city", "cities", "town", "towns", "territory", "side",
                                 "countryside", "interior", "heartland", "frontier", "port", "ports"})
_CROWD_TYPES = frozenset({"Protests", "Riots"})
_CLAUSE_SKIP = frozenset({"relcl", "advcl", "ccomp", "acl", "xcomp", "conj", "parataxis"})
# a coder's own word of where the event is placed: "(coded to Dovhenke)", "Location coded as Paukkhaung township",
# "coded to the nearest town, Ginchi"; not where the fatalities of another event are ("fatalities coded to
# Kalinovo event")
_CODED = re.compile(r"\bcoded\s+(?:to|as|at)\s+(?:the\s+(?:nearby|nearest)\s+[\w ]{3,30}?,\s*)?$", re.IGNORECASE)
_NOT_CODED = re.compile(r"(?:fatalit|casualt|death|killed)[^.;()]*$", re.IGNORECASE)
_OTHER_EVENT = re.compile(r"[\w'’ -]{0,30}\b(?:events?|separately)\b")
# the qualifiers of the place a note in parentheses follows: "Pekon township (coded as Pekon) (Taunggyi district"
_CHAIN_AFTER = re.compile(r"[)\]]?\s*[(\[]")
# Rejected candidates that are still acts in the text: their places are theirs, not another event's.
_ACTS = ("background (past perfect)", "background", "description, not a report", "not asserted",
         "hypothetical or future", "negated")


def _clause_tokens(parse: Parse, index: int) -> set[int]:
    return set(parse.subtree(index, skip=_CLAUSE_SKIP))


def _verb_clause(parse: Parse, index: int) -> set[int]:
    """For an act named by the object of a verb ("locals held a protest against the Myanmar coup in Kale"), the
    words of that verb's clause, less its subject ("people from Remuna village staged a protest"); else none."""
    token = parse.tokens[index]
    if token.pos != "NOUN" or token.dep != "dobj" or parse.tokens[token.head].pos != "VERB":
        return set()
    subject = {k for child in parse.children(token.head, "nsubj", "nsubjpass") for k in parse.subtree(child)}
    return _clause_tokens(parse, token.head) - subject


def _not_topics(parse: Parse, index: int, mentions: list[PlaceMention], crowd: bool) -> list[PlaceMention]:
    """For a crowd's act, less a country it is against, about or during ("protesting against ... the war of Russia
    against Ukraine") and any place of what it recalls or sides with ("demonstrated in Kosti in honor of the
    victims of the Khartoum sit-in massacre"); a town it is against stays ("protested against the demolition of
    the market in Kano"). An armed act's "against" is its target ("airstrikes against PKK positions in Iraq")."""
    if not crowd:
        return mentions
    own_topics = act_topics(parse, index)

    def topic(mention: PlaceMention) -> bool:
        word = _topic_of(parse, mention)
        if mention.place.feature_code == "PCLI":
            return bool(word) or parse.token_at(mention.span.start) in own_topics
        return word in RECALLING

    return [m for m in mentions if not topic(m)]


def _topic_of(parse: Parse, mention: PlaceMention) -> str:
    """What makes the mention part of what something is against, about or recalls (`topics.topic_word`), or ""."""
    last = parse.token_at(mention.span.end - 1)
    return topic_word(parse, last) if last is not None else ""


def _own_place(parse: Parse, index: int, tokens: set[int], places: tuple[PlaceMention, ...],
               crowd: bool = False) -> PlaceMention | None:
    """The place the act's own clause names, less its topics; a town its verb's clause names beats a coarser one
    (or none)."""
    own = _pick(parse, index, _not_topics(parse, index, _mentions_in(parse, tokens, places), crowd), crowd)
    if own is not None and own.place.geo_precision == 1:
        return own
    wider = _pick(parse, index, _not_topics(parse, index, _mentions_in(parse, _verb_clause(parse, index), places),
                                            crowd), crowd)
    return wider if wider is not None and wider.place.geo_precision == 1 else own


def _qualified(text: str, mention: PlaceMention, places: tuple[PlaceMention, ...]) -> PlaceMention:
    """"in Yerevan, Armenia", "Mariupol, Donetsk": a qualifier says where the place named just before it lies,
    so an act whose clause reaches only the qualifier happened at that place."""
    if not mention.qualifies:
        return mention
    before = [m for m in places if m.span.end <= mention.span.start
              and (m.says_where or (m.cue == IN_NAME and m.place.country_code == mention.place.country_code))
              and mention.span.start - m.span.end <= _GAP_REACH
              and QUALIFIER_GAP.match(text[m.span.end : mention.span.start])]
    head = max(before, key=lambda m: m.span.start, default=mention)
    # along a chain of qualifiers, to the place they all locate: "in Myo Haung village (Palaw township, Myeik
    # district, Tanintharyi region)" stands for Palaw, the first the index holds
    return _qualified(text, head, places) if head is not mention else mention


def _mentions_in(parse: Parse, tokens: set[int], places: tuple[PlaceMention, ...]) -> list[PlaceMention]:
    return [_qualified(parse.text, m, places) for m in places
            if parse.token_at(m.span.start) in tokens and m.says_where and not _owner(parse, m)]


def _owner(parse: Parse, mention: PlaceMention) -> bool:
    """"in front of Armenia's president's office", "a US military patrol took place in Qahtaniyyah": a country
    named as an owner, or as the noun before a noun, says whose, not where; but "in Russia's capital", "in
    Syria's north", "the Syria border" are in the country."""
    if mention.place.feature_code != "PCLI":
        return False
    if parse.text.startswith(("'s", "’s"), mention.span.end):
        after = parse.text[mention.span.end + 2 : mention.span.end + 40].split(maxsplit=1)
        return not after or after[0].lower().strip(".,;") not in _PARTS_OF_A_COUNTRY
    last = parse.token_at(mention.span.end - 1)
    if last is None or parse.tokens[last].dep not in ("compound", "nmod", "amod"):
        return False
    head = parse.tokens[last].head
    return parse.tokens[head].pos in ("NOUN", "PROPN") and parse.word(head).lower() not in _PARTS_OF_A_COUNTRY


def _size(place: Place) -> tuple[int, bool]:
    """Finer first: a town, a district, a province, then a country."""
    return place.geo_precision, place.feature_code == "PCLI"


def _fineness(mention: PlaceMention) -> tuple[int, int]:
    """Finer first: a town, a district, a province, then an end of the road the act was on ("along the
    Oyo-Ibadan expressway, Akinyele LGA": the act was somewhere along it), then a country."""
    if mention.cue == ROUTE_END:
        return 3, 1
    return mention.place.geo_precision, 2 if mention.place.feature_code == "PCLI" else 0


def _finer_inside(parse: Parse, index: int, coarse: PlaceMention, tokens: set[int],
                  places: tuple[PlaceMention, ...]) -> PlaceMention:
    """"demolished the venue of the Ford Kenya rally at Kwa Mwango in Kilifi": where the act's clause names only
    a country, a province or a district, a finer place inside it that its sentence names, and no other act
    claims, is where the act happened."""
    area = coarse.place
    if area.feature_code not in ("PCLI", "ADM1", "ADM2"):
        return coarse
    inside = [m for m in _mentions_in(parse, tokens, places)
              if _size(m.place) < _size(area) and m.place.country_code == area.country_code
              and (area.feature_code == "PCLI" or m.place.admin1 == area.admin1)
              and (area.feature_code != "ADM2" or m.place.admin2 == area.admin2)]
    return _pick(parse, index, inside) or coarse


def _doers(parse: Parse, index: int) -> set[int]:
    found = {k for child in parse.children(index, "nsubj", "nsubjpass") for k in parse.subtree(child)}
    if not found and parse.tokens[index].dep == "acl":
        # "in Oaxaca de Juarez, Oaxaca, a group of residents of Montoya municipality protested": the small model
        # hangs the verb on its doers as if it described them
        found = set(parse.subtree(parse.tokens[index].head)) - set(parse.subtree(index))
    return found


def _pick(parse: Parse, index: int, mentions: list[PlaceMention], crowd: bool = False) -> PlaceMention | None:
    if not mentions:
        return None
    origin = parse.tokens[index].start
    doers = _doers(parse, index)

    def theirs(mention: PlaceMention) -> bool:
        return parse.token_at(mention.span.start) in doers

    # a place named with the qualifier that locates it ("to Kairouan (Kairouan Nord, Kairouan)") is listed twice,
    # for itself and for its qualifier (`_qualified`); not one of the doers ("protesters in Minneapolis,
    # Minnesota, rallied outside the courthouse in St. Paul")
    located = {m for m in mentions if mentions.count(m) > 1 and not theirs(m)}
    # so: a place named with its qualifier before one named bare ("the road connecting Siliana to Kairouan
    # (Kairouan Nord, ...)"; "in Banandur village (Ramanagara district, Karnataka) ... water for Bengaluru"); then
    # finest first; of two towns, "La Plata (Buenos Aires)", the one the other qualifies; a place the act was at
    # before one it was headed for ("near Arajuno ... blocked the highway to Puyo"), and, for a crowd's march, that
    # before one it set out from (not for an attack on travellers "from Djibo to Ouagadougou"); before the one its
    # doers are of ("in Oaxaca, residents of Montoya municipality protested"), a town named before a street or
    # landmark placed on the town last named ("blocked the highway in Cascabel Bridge"); then the nearest
    return min(mentions, key=lambda m: (m not in located, _fineness(m), m.qualifies, m.cue in _HEADING,
                                        crowd and _sets_out(parse, m), m.cue == STREET, theirs(m),
                                        not m.cue and not _acted_on(parse, m), abs(m.span.start - origin)))


def _acted_on(parse: Parse, mention: PlaceMention) -> bool:
    """The place is what was hit or taken, the object or passive subject of a verb ("drones hit Kyiv, officials
    in Lviv said"; "Kyiv was shelled"): with no preposition, as much where the act was as a place cued by one."""
    last = parse.token_at(mention.span.end - 1)
    return last is not None and parse.tokens[last].dep in ("dobj", "nsubjpass")


def _sets_out(parse: Parse, mention: PlaceMention) -> bool:
    """Where a march set out from, or an end of the road a crowd blocked: it comes after the place the crowd
    headed for ("marched from Colombo to Kandy" happened in Kandy; "blocked the road from Sofia to Velingrad" did
    not)."""
    if mention.cue == "from":
        return True
    first = parse.token_at(mention.span.start)
    if mention.cue != "to" or first is None:
        return False
    start = next((k for k in range(first - 2, max(0, first - 8), -1) if parse.word(k).lower() == "from"), 0)
    return start > 0 and parse.word(start - 1).lower() in ROUTES


def _people_from(parse: Parse, mention: PlaceMention) -> bool:
    """"armed men from Katsina", "migrants from Ethiopia": the place says where people are from, not where an act
    was ("evacuated from Avdiivka" was in Avdiivka)."""
    first = parse.token_at(mention.span.start)
    if mention.cue != "from" or first is None or first == 0 or parse.word(first - 1).lower() != "from":
        return False
    return parse.tokens[parse.tokens[first - 1].head].pos in ("NOUN", "PROPN")


def _coded(parse: Parse, places: tuple[PlaceMention, ...], events: list[Event], gazetteer: Gazetteer) -> list[Event]:
    """The events a coder's note places ("(coded to Dovhenke)", "Location coded as Paukkhaung township"), moved
    to the place it names.

    The place must lie, at town or unit precision, in the province of another name of the text ("Dalian city,
    Liaoning (coded to Xigang)" is no Xigang of Ningxia, "coded as Tenkasi, Kerala" no province for a name the
    index lacks), and the note must not be about another event's fatalities ("fatalities coded to Kalinovo
    event"). A note that is a sentence of its own places every event; one inside a sentence, only the events
    placed on the name it follows or on the qualifiers after it ("in Zangon Kataf (coded to Kafanchan) and in
    Kauru" leaves Kauru's attack where it is)."""
    text = parse.text
    for mention in places:
        before = text[max(0, mention.span.start - 80) : mention.span.start]
        found = _CODED.search(before)
        if not found or _NOT_CODED.search(before[: found.start()]) or _OTHER_EVENT.match(text, mention.span.end):
            continue
        name, place = mention.span.of(text), mention.place
        if place.geo_precision < 3 and place.admin1 and any(
                (m.place.country_code, m.place.admin1) == (place.country_code, place.admin1)
                and m.span.of(text) != name for m in places):
            break
    else:
        return events
    note = mention.span.start - len(before) + found.start()
    sentence = parse.tokens[parse.token_at(note) or 0].sent
    triggers = {parse.tokens[parse.token_at(e.evidence.trigger.start) or 0].sent for e in events}
    previous = max((m.span.start for m in places if m.span.end <= note), default=note)
    moved = []
    for event in events:
        at = event.evidence.place
        referred = at is not None and (previous <= at.start < note or (
            at.start >= mention.span.end and _CHAIN_AFTER.match(text[mention.span.end : at.start].strip())))
        if sentence not in triggers or referred:
            event = place_event(event, mention, place.geo_precision, gazetteer)
        moved.append(event)
    return moved


def _into_parts(text: str, places: tuple[PlaceMention, ...], events: list[Event], gazetteer: Gazetteer) -> list[Event]:
    """Each event placed on a city, moved to the part of it named after a spaced dash ("in Johannesburg -
    Diepsloot"), where that part is read as a town of its own near it (`nesting._part_of_the_town`); not the other
    end of a road ("the Onitsha - Enugu expressway") nor another city ("the Paris - London train", "in Tijuana - San
    Diego")."""
    moved = []
    for event in events:
        at = next((m for m in places if m.span == event.evidence.place), None)
        part = at and next((m for m in places if PART_GAP.match(text[at.span.end : m.span.start])
                            and m.place.feature_class == "P" and m.place != at.place and m.cue != ROUTE_END
                            and m.place.country_code == at.place.country_code
                            and geodesy.km(m.place.point, at.place.point) <= TOWN_REACH_KM), None)
        moved.append(place_event(event, part, part.place.geo_precision, gazetteer) if part else event)
    return moved


def _related(parse: Parse, index: int) -> list[int]:
    """The words whose act the one at `index` shares a place with, nearest first: its conjuncts ("arrested and
    killed") and the verbs it is told under ("killed after he was beaten")."""
    return [*parse.children(index, "conj"), *parse.ancestors(index)]


def _article_focus(parse: Parse, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """The article's main place: its most named town, else its most named area, and of two named as often the
    one named with its qualifier; not a country named as what something is against or about ("holding up signs
    against Russia's invasion of Ukraine"), nor a qualifier of a place named before it ("in Dedaye town (Pyapon
    district, ...)": the township, not the district's town; "Lyon, France" names Lyon once)."""
    located = {_qualified(parse.text, m, places) for m in places if m.qualifies}
    places = tuple(m for m in places if m.says_where and _qualified(parse.text, m, places) is m
                   and not (m.place.feature_code == "PCLI" and _topic_of(parse, m)))
    if not places:
        return None
    counts = Counter((m.place.name, m.place.country_code) for m in places)
    return max(places, key=lambda m: (-m.place.geo_precision, counts[(m.place.name, m.place.country_code)],
                                      m in located))


def place_event(event: Event, mention: PlaceMention, precision: int, gazetteer: Gazetteer) -> Event:
    place = mention.place
    if place.feature_code == "ADM1":
        # a province-level event is coded, as ACLED codes it, to the province's capital at precision 3
        place = gazetteer.seat(place.country_code, place.admin1) or place
        precision = 3
    return dataclasses.replace(
        event, location=ascii_name(place.name), country=place.country, country_code=place.country_code,
        iso=gazetteer.iso_numeric(place.country_code), admin1=place.admin1, admin2=place.admin2,
        latitude=place.latitude, longitude=place.longitude, geo_precision=precision, geonameid=place.geonameid,
        evidence=dataclasses.replace(event.evidence, place=mention.span),
    )


def make(settings: Settings) -> Callable[[Article], Article]:
    gazetteer = open_gazetteer(str(settings.get("geoparse.index_path")))

    def locate(article: Article) -> Article:
        assert article.annotation is not None
        parse = Parse(article.annotation, article.text)
        acts = [parse.token_at(e.evidence.trigger.start) for e in article.events]
        triggers = acts + [parse.token_at(d.span.start) for d in article.rejected if d.span and d.reason in _ACTS]
        claims = {t: _clause_tokens(parse, t) for t in triggers if t is not None}
        focus = _article_focus(parse, article.places)
        dateline = next((m for m in article.places if m.cue == DATELINE and m.place.country_code), None)
        # crowds' acts, whose "against" names a topic, not a target
        crowds = {parse.token_at(e.evidence.trigger.start) for e in article.events if e.event_type in _CROWD_TYPES}
        owns = {t: _own_place(parse, t, tokens, article.places, t in crowds) for t, tokens in claims.items()}
        placed = []
        for event in article.events:
            index = parse.token_at(event.evidence.trigger.start)
            assert index is not None
            # "was arrested and killed in Piaxtla", "arrested ... after he was beaten": an act with no place of its
            # own happened where the act it is conjoined with or told under did
            # (kept acts only: a rejected background act lends no place)
            own = owns[index] or next((owns[t] for t in _related(parse, index) if t in acts and owns.get(t)), None)
            others = set().union(*(tokens for t, tokens in claims.items() if t != index))
            sentence = set(parse.sentence_tokens(parse.tokens[index].sent)) - others
            if own is not None and _people_from(parse, own):
                # "arrested migrants from Ethiopia who were on their way ... in Sanjo in the district of Misungwi":
                # where the act's doers or objects are from gives way to a place its sentence says the act was at
                there = _pick(parse, index, _not_topics(parse, index, _mentions_in(parse, sentence, article.places),
                                                        index in crowds), index in crowds)
                own = there if there is not None and there.cue not in _HEADING else own
            if own is not None:
                if own.place.geo_precision > 1:
                    own = _finer_inside(parse, index, own, sentence, article.places)
                if own.place.geo_precision > 1 and parse.token_at(own.span.start) in _doers(parse, index):
                    # "protesters against Russia's invasion of Ukraine rallied and marched in Athens": a country
                    # of the doers gives way to a finer place of their sentence, a province of theirs ("Niger
                    # militiamen") to one in its country
                    area = own.place
                    own = _pick(parse, index, [m for m in _mentions_in(parse, sentence, article.places)
                                               if m.place.geo_precision < area.geo_precision and (
                                                   area.feature_code == "PCLI"
                                                   or m.place.country_code == area.country_code)]) or own
                placed.append(place_event(event, own, own.place.geo_precision, gazetteer))
                continue
            near = _pick(parse, index, _not_topics(parse, index, _mentions_in(parse, sentence, article.places),
                                                   index in crowds), index in crowds)
            if near is not None:
                placed.append(place_event(event, near, near.place.geo_precision, gazetteer))
            elif dateline is not None:  # "KABUL — A suicide bomber struck a market": filed from where it happened
                placed.append(place_event(event, dateline, max(2, dateline.place.geo_precision), gazetteer))
            elif focus is not None:
                placed.append(place_event(event, focus, max(2, focus.place.geo_precision), gazetteer))
            elif index in crowds and (theirs := _pick(parse, index, [
                    m for m in article.places if m.cue == IN_NAME
                    and parse.token_at(m.span.start) in _doers(parse, index)])):
                # "members of the Patras Bar Association protested": where the doers are from, where nothing
                # else says where they acted
                placed.append(place_event(event, theirs, max(2, theirs.place.geo_precision), gazetteer))
            else:
                placed.append(event)
        placed = _into_parts(parse.text, article.places, placed, gazetteer)
        return dataclasses.replace(article, events=tuple(_coded(parse, article.places, placed, gazetteer)))

    return locate
