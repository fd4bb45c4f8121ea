"""nesting: chains of qualifiers in the geoparse stage ("Pirque (Cochabamba)", "Hangu city (Hangu, KPK)").

A place name followed by the province or district it lies in is one chain: the readings of its names agree on
a country and a province; a list of countries or provinces is no chain ("Romania, Bulgaria"); a name read once
with the province that locates it is that place wherever else the article names it alone.

`best` is the geoparser's working list of readings, one per candidacy, which these functions settle in place;
`final` scores a reading of a candidacy with all the document's evidence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from eventwire import geodesy
from eventwire.gazetteer import Candidate
from eventwire.gazetteer.names import normalize_name
from eventwire.model import ROUTE_END, Place
from eventwire.stages.recognise import ADMIN_WORDS, CLOSED_OF_GAP, CONTAINED_GAP, QUALIFIER_GAP
from eventwire.stages.relabel import Candidacy

Chosen = list[tuple[Candidacy, list[Candidate]]]
# "X in Y", "X airport in Y", where Y read as a town
IN_A_TOWN = re.compile(r"^\s+(?:(?:airport|station|camp|market|square|stadium|hospital|university|prison|port"
                        r"|base|bridge|district|neighbou?rhood|area)\s+)?in\s+$", re.IGNORECASE)
_IN_GAP = re.compile(r"^\s+in\s+(?:the\s+)?$", re.IGNORECASE)  # "Kamianka in (the) Donetsk region"
# "in Gaviao located in Vila Nova de Famalicao", "Sawla, which is located in ..."
_LOCATED_GAP = re.compile(r"^,?\s+(?:(?:which|that)\s+is\s+)?(?:located|situated)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
PART_GAP = re.compile(r"^ [-–] $")  # a spaced dash between a city and a part of it ("Caracas - Libertador")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?-i:[A-Z])|and\s|or\s)")  # matched where the second name ends
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")  # between two names of a list
Scorer = Callable[[Candidate, Candidacy], float]
InBox = Callable[[Candidate, Candidate], bool]  # (town, province): the town lies in the box of the province's towns
LIST_CITY = 100_000  # a city this large is not a place the index lacks in another town ("Kiev, Minsk")
TOWN_REACH_KM = 50.0  # how far from a town a place it qualifies may lie ("San Martin, San Salvador")
_NEAR = frozenset({"near", "around", "outside", "vicinity of"})  # cues of a place the act was by, not in
# the part of a city that is its centre, by the words that name it so ("Rome - City Center")
_CITY_CENTRES = frozenset({"centro", "center", "centre", "city center", "city centre", "downtown", "central"})


def namesake_towns(options: list[Candidate], division: Place, written: str = "") -> list[Candidate]:
    """The readings of a name that are towns of `division`'s country bearing its name ("Bari" the city of
    Bari province), or the name as `written` ("Bamyan", the town, where GeoNames spells the province Bamian)."""
    names = {normalize_name(division.name), normalize_name(written)} - {""}
    return [o for o in options if o.place.feature_class == "P" and o.place.country_code == division.country_code
            and normalize_name(o.place.name) in names]


def _is_province_list(first: list[Candidate], second: list[Candidate]) -> bool:
    """"Alabama, California", "Hunan, Hainan": two names of provinces of one country, where no reading of the
    first lies in the second, are a list of provinces."""
    for one in (o for o in first if o.place.feature_code == "ADM1"):
        for other in (o for o in second if o.place.feature_code == "ADM1"
                      and o.place.country_code == one.place.country_code and o.place.admin1 != one.place.admin1):
            if not any(_same_province(o, other) for o in first):
                return True
    return False


def _is_city_list(text: str, position: int, chosen: Chosen, best: list[Candidate | None], final: Scorer) -> bool:
    """"Moscow, Kiev, Minsk and Riga": two names that each have a reading of a city of `LIST_CITY` people, and
    no pair of readings of which lies one in or near the other, are two cities of a list; so are three such names
    in a row, though two of them have namesakes that nest ("London, Paris, Kiev and Berlin" are not two towns of
    Ontario)."""
    if not all(_big_city(options) for _, options in chosen[position : position + 2]):
        return False
    third = chosen[position + 2] if position + 2 < len(chosen) else None
    # not a country third: "Xalapa, Veracruz, Mexico" is a town, its state and its country
    listed = third is not None and (reading := best[position + 2]) is not None \
        and reading.place.feature_code not in ("PCLI", "CONT", "RGN") and _big_city(third[1]) \
        and bool(_LIST_GAP.match(text[chosen[position + 1][0].span.end : third[0].span.start]))
    return listed or _best_pair(position, chosen, final, _lies_in) is None


def _big_city(options: list[Candidate]) -> bool:
    """A reading of the name is a city of `LIST_CITY` people."""
    return any(o.place.feature_class == "P" and o.place.population >= LIST_CITY for o in options)


def _same_province(place: Candidate | None, of: Candidate | None) -> bool:
    """`place`, a town or district, lies in the province that `of` is or lies in (a town's district is known
    only from GeoNames' nearest point, so this is as close as a district can surely locate a town)."""
    return place is not None and of is not None and place.place.feature_code != "ADM1" \
        and (place.place.country_code, place.place.admin1) == (of.place.country_code, of.place.admin1)


def read_chains(text: str, chosen: Chosen, best: list[Candidate | None], final: Scorer,
                in_box: InBox) -> set[int]:
    """Settle every place and the name that qualifies it ("X (Y)", "X, Y", "X town in Y") and every part of a city
    ("Caracas - Libertador"); the positions of the qualifiers. `in_box` tells whether a town lies in the box
    around the towns of a province."""
    qualifiers: set[int] = set()
    parts: set[int] = set()  # the parts of a city read as such ("Ciudad de Mexico - Cuauhtemoc")
    for position in range(len(chosen) - 1):
        inner, outer = chosen[position], chosen[position + 1]
        gap = text[inner[0].span.end : outer[0].span.start]
        if position in parts:
            continue  # "Ciudad de Mexico - Cuauhtemoc, Mexico": the country, not the State of Mexico, after it
        # "X in Y region" as "X, Y region": a place said to be in a province lies in it ("the village of Kamianka
        # in Donetsk region", not Russia's Kamenka)
        in_a_province = bool(_IN_GAP.match(gap)) and outer[0].cue in ADMIN_WORDS
        if (QUALIFIER_GAP.match(gap) or CONTAINED_GAP.match(gap) or in_a_province or _LOCATED_GAP.match(gap)) \
                and _nest(text, position, chosen, best, final, in_box):
            qualifiers.add(position + 1)
            town, around = best[position], best[position + 1]
            if _LOCATED_GAP.match(gap) and town is not None and around is not None \
                    and around.place.feature_class == "P" \
                    and geodesy.km(town.place.point, around.place.point) > TOWN_REACH_KM:
                best[position] = None  # "Gaviao located in Vila Nova de Famalicao": not the Gaviao 250 km off
        elif IN_A_TOWN.match(gap):
            _inside_the_town(position, chosen, best, final)
        # a part of a city after a spaced dash, but not the other end of a road ("the Onitsha - Enugu expressway")
        elif PART_GAP.match(gap) and outer[0].cue != ROUTE_END and _part_of_the_town(text, position, chosen, best):
            parts.add(position + 1)
    for position in sorted(qualifiers, reverse=True):
        if position < 2 or position - 1 not in qualifiers:
            continue
        # "Hangu city (Hangu, KPK)": the district its province located locates the town in turn
        town, district, province = best[position - 2], best[position - 1], best[position]
        if province is not None and province.place.feature_code == "ADM1" \
                and _same_province(district, province) and not _same_province(town, district):
            stray = town is not None and town.place.feature_class == "P" and not _same_province(town, province)
            best[position - 2] = max((o for o in chosen[position - 2][1] if _same_province(o, district)),
                                     key=lambda o: final(o, chosen[position - 2][0]), default=None if stray else town)
    return qualifiers


def spread_located(text: str, chosen: Chosen, best: list[Candidate | None], qualifiers: set[int]) -> None:
    """"Gainesville, Ga. ... Gainesville residents": a name read once with the province that locates it is that
    place wherever else the article names it alone."""
    located = {normalize_name(chosen[p - 1][0].span.of(text)): town for p in sorted(qualifiers)
               if (town := best[p - 1]) is not None and (region := best[p]) is not None
               and town.place.feature_class == "P" and region.place.feature_code in ("ADM1", "ADM2")
               and (town.place.country_code, town.place.admin1) == (region.place.country_code, region.place.admin1)}
    for position, (candidacy, options) in enumerate(chosen):
        reading = located.get(normalize_name(candidacy.span.of(text)))
        if reading is not None and position + 1 not in qualifiers:
            best[position] = next((o for o in options if o.place == reading.place), best[position])


def lying_in(text: str, chosen: Chosen, best: list[Candidate | None], qualifiers: set[int],
             position: int) -> Candidate | None:
    """"Kalo (Djugu, Ituri)", "Taji, Iraq": the province or country that locates a place named at `position`
    which the chain left unread (the index lacks it, or holds it only elsewhere); None where the name was not
    found as a place (a person's name before a comma) or the two names begin a list."""
    candidacy = chosen[position][0]
    area = best[position + 1] if position + 1 in qualifiers else None
    if best[position] is not None or area is None or area.place.feature_class != "A" \
            or not (candidacy.from_ner or candidacy.cue) or _LIST_GOES_ON.match(text, chosen[position + 1][0].span.end):
        return None
    return area


def _nest(text: str, position: int, chosen: Chosen, best: list[Candidate | None], final: Scorer,
          in_box: InBox) -> bool:
    """"Pirque (Cochabamba)", "Cordoba (Andalucia)": the first place lies in the second. Pick the best pair
    of readings in one country; where no pair agrees, the smaller of the two is a local place the index
    lacks (or another place of that name) and is left out, as is a second name cued as a district and read
    as a town abroad. False, with nothing changed, where the first is a country or the two are provinces of
    one country: a list, not a place and its container ("Romania, Bulgaria", "Alaska, Hawaii")."""
    inner, outer = best[position], best[position + 1]
    # a national capital read twice stays ("Santiago, Santiago" is Chile's, whose region has another name)
    if inner is not None and inner == outer and inner.place.feature_class == "P" \
            and inner.place.feature_code != "PPLC" and _town_and_its_province(text, position, chosen, best, final):
        return True
    if _no_chain(text, position, chosen, best, final):
        return False
    if inner is not None and inner.place.feature_class == "A":
        # "in Cordoba (Cordoba)", "Kidal (Kidal, Kidal)": the first name is the town, the second its province
        best[position] = inner = next(iter(namesake_towns(chosen[position][1], inner.place,
                                                          chosen[position][0].span.of(text))), inner)
    if inner is not None and outer is not None and outer.place.feature_class == "P":
        # "Benito Juarez, Nuevo Leon": a province that bears the second name as its own, a hundred times the size
        # of the hamlet read for it, is the one named; the first is a town of it, or one the index lacks
        province = _province_over(outer, position, chosen)
        if province is not None:
            best[position], best[position + 1] = _town_of(position, chosen, final, province)
            return True
        # "Olmue (Valparaiso)": the second name is the province Olmue lies in, not the city of that name
        region = next((o for o in chosen[position + 1][1] if o.place.feature_code == "ADM1"
                       and o.place.country_code == inner.place.country_code
                       and o.place.admin1 == inner.place.admin1), None)
        if region is None and inner.place.country_code == outer.place.country_code \
                and not _lies_in(inner, outer) and inner.place.population < outer.place.population \
                and not _LIST_GOES_ON.match(text, chosen[position + 1][0].span.end):
            # "Baranivka, Sumy", "Kartal town, Istanbul": where a smaller first name lies outside the city's
            # province, the second names the province, and the first a place of it the index lacks; not in a list
            # of cities ("Mosul, Kirkuk and Baghdad")
            region = next((o for o in chosen[position + 1][1] if o.place.feature_code == "ADM1"
                           and o.place.country_code == outer.place.country_code
                           and o.place.admin1 == outer.place.admin1), None)
        best[position + 1] = outer = region or outer
    if inner is not None and outer is not None and inner.place.country_code == outer.place.country_code:
        # "Dawbon township (Yangon-East district, Yangon region)": of several towns of the name, the one in
        # the province of the place that locates it; where the index has none there and that place is the
        # province itself ("Baranivka, Sumy"), not another one; a province does not lie in itself ("in Colima,
        # Colima" is the town), while a town standing for its district does ("Udaipur city (Udaipur, Rajasthan)")
        inner_c = chosen[position][0]
        inside = [o for o in chosen[position][1] if o.place.country_code == inner.place.country_code
                  and (o.place.admin1 == outer.place.admin1 or _unit_in(o, outer, in_box))
                  and (o.place != outer.place or outer.place.feature_class != "A")]
        nested = None if inside else _nested_pair(position, chosen, final)
        if nested is not None:
            # "Nejapa, San Salvador" read as two Mexican towns, "Rosario (Santa Fe)" as two Brazilian ones: no
            # reading of the first lies in the second, but another pair of readings nests
            best[position], best[position + 1] = nested
            return True
        if not inside and outer.place.feature_code == "ADM1":
            # "Jan Kempdorp (..., Northern Cape)": the one town of the name in the country, inside the box around
            # the province's towns, though GeoNames codes it to the next province (North-West, before 1994)
            towns = [o for o in chosen[position][1] if o.place.country_code == outer.place.country_code
                     and o.place.feature_class == "P"]
            inside = towns if len(towns) == 1 and in_box(towns[0], outer) else []
        # a province, or a town named as the district it stands for and lying in the province named after it
        # ("Htantabin township (Taungoo district, Bago-East region)"), holds no reading of the first: a place of it
        # the index lacks, not one of another province
        holds = outer.place.feature_code == "ADM1" or (
            chosen[position + 1][0].cue in ADMIN_WORDS and _held_by_next(text, position + 1, chosen, best, in_box))
        best[position] = max(inside, key=lambda o: final(o, inner_c), default=None if holds else inner)
        return True
    if inner is not None and outer is not None:
        _settle_abroad(text, position, chosen, best, final, inner, outer, in_box)
    return True


_HAMLET_RATIO = 100  # times the population of a hamlet that a province of its name has, to be the one named
_OVERWHELMING = 1_000  # ... and to be the one named though the first name has no reading in its country
# the fewest people a hamlet is taken to have: GeoNames gives seats and units none (cities500 holds towns of 500)
UNCOUNTED_SEAT = 1_000


def _province_over(hamlet: Candidate, position: int, chosen: Chosen) -> Candidate | None:
    """"Benito Juarez, Nuevo Leon": the largest province among the readings of the qualifier at `position` + 1 that
    bears its name as its own, is a hundred times the size of the hamlet or unit read for it, and lies in the
    hamlet's country or one the first name has a reading in, or is a thousand times its size ("Monte Grande
    municipality (Buenos Aires)" is in Argentina's province, not by a hamlet of Chiapas); None if none (Florida,
    USA, does not overshadow Uruguay's town of Florida in "Sarandi Grande (Florida)")."""
    if hamlet.place.feature_class != "P" and hamlet.place.feature_code != "ADMD":
        return None
    size = max(hamlet.place.population, UNCOUNTED_SEAT)
    countries = {hamlet.place.country_code} | {o.place.country_code for o in chosen[position][1]}
    return max((o for o in chosen[position + 1][1] if o.place.feature_code == "ADM1" and o.primary_name
                and o.place.population >= _HAMLET_RATIO * size
                and (o.place.country_code in countries or o.place.population >= _OVERWHELMING * size)),
               key=lambda o: o.place.population, default=None)


def _town_of(position: int, chosen: Chosen, final: Scorer,
             province: Candidate) -> tuple[Candidate | None, Candidate]:
    """The best reading of the name at `position` that is a town of `province`, with the province; where none is,
    a town of it the index lacks (None)."""
    pair = _best_pair(position, chosen, final, lambda i, o: o == province and (
        i.place.feature_class == "P" or i.place.feature_code == "ADMD") and _lies_in(i, o))
    return pair or (None, province)


def _inside_the_town(position: int, chosen: Chosen, best: list[Candidate | None], final: Scorer) -> None:
    """"near Union Station in Los Angeles", "in University Heights in San Diego": a place said to be in a town
    lies within `TOWN_REACH_KM` of it; where no reading does, it is a place of the town the index lacks."""
    place, town = best[position], best[position + 1]
    if place is None or town is None or town.place.feature_class != "P" or place.place.feature_class != "P":
        return
    candidacy, options = chosen[position]
    near = [o for o in options if o.place.feature_class == "P" and o.place.country_code == town.place.country_code
            and geodesy.km(o.place.point, town.place.point) <= TOWN_REACH_KM]
    best[position] = max(near, key=lambda o: final(o, candidacy), default=None)


def _part_of_the_town(text: str, position: int, chosen: Chosen, best: list[Candidate | None]) -> bool:
    """"Ciudad de Mexico - Cuauhtemoc", "Caracas - Libertador": the name after a city and a spaced dash is a part
    of it: the reading nearest it, within `TOWN_REACH_KM` of it or, where the city is read as its province, in
    it; False where no reading is."""
    town = best[position]
    if town is None or not (town.place.feature_class == "P" or town.place.feature_code == "ADM1"):
        return False
    if normalize_name(chosen[position + 1][0].span.of(text)) in _CITY_CENTRES and town.place.feature_class == "P":
        best[position + 1] = town  # "Ciudad de Mexico - Centro": the city's own centre, not a town called Centro
        return True
    near = [o for o in chosen[position + 1][1] if o.place.country_code == town.place.country_code
            and (geodesy.km(o.place.point, town.place.point) <= TOWN_REACH_KM
                 or (town.place.feature_code == "ADM1" and o.place.admin1 == town.place.admin1))]
    if not near:
        return False
    best[position + 1] = min(near, key=lambda o: geodesy.km(o.place.point, town.place.point))
    return True


def _town_and_its_province(text: str, position: int, chosen: Chosen, best: list[Candidate | None],
                           final: Scorer) -> bool:
    """"in San Jose, San Jose" read twice as one town: a town does not qualify itself, so the second is the
    province of the name and the first its town (San Jose, Costa Rica, not California): the best province of the
    name with a town of the name in it, then that town. False, with nothing changed, where there is none."""
    (inner_c, inner_options), (outer_c, outer_options) = chosen[position], chosen[position + 1]
    areas = [o for o in outer_options if o.place.feature_code in ("ADM1", "ADM2")]
    towns = {id(area): [i for i in inner_options if i.place.feature_class == "P" and (
        i.place.country_code, i.place.admin1) == (area.place.country_code, area.place.admin1)] for area in areas}
    province = max((a for a in areas if towns[id(a)]), key=lambda a: final(a, outer_c), default=None)
    if province is None:
        # no province of the name is in the index, but its town's province bears it ("San Fernando, San
        # Fernando": the town of the City of San Fernando, Trinidad, not the Philippines' larger one)
        name = normalize_name(inner_c.span.of(text))
        seats = [i for i in inner_options if i.place.feature_class == "P"
                 and re.search(rf"\b{re.escape(name)}\b", normalize_name(i.place.admin1))]
        if not seats:
            return False
        best[position] = best[position + 1] = max(seats, key=lambda i: final(i, inner_c))
        return True
    best[position + 1] = province
    best[position] = max(towns[id(province)], key=lambda i: final(i, inner_c))
    return True


def _no_chain(text: str, position: int, chosen: Chosen, best: list[Candidate | None], final: Scorer) -> bool:
    """The name at `position` and the next are no place and its container: a country lies in no other, nor a
    continent or a region unless a reading of it does ("Sahel, Burkina Faso" is the province); two provinces
    of one country, or two cities after a comma, are a list (a name in parentheses qualifies the one before)."""
    inner, outer = best[position], best[position + 1]
    if inner is not None and outer is not None \
            and normalize_name(inner.place.name) != normalize_name(outer.place.name):
        if inner.place.feature_code == "PCLI" or _is_province_list(chosen[position][1], chosen[position + 1][1]):
            return True
        if inner.place.feature_code in ("CONT", "RGN") and _best_pair(position, chosen, final, _lies_in) is None:
            return True
    gap = text[chosen[position][0].span.end : chosen[position + 1][0].span.start]
    # "Saida town in Ar Raqqa countryside" is a place and its container, whatever cities bear the two names
    return "(" not in gap and not CONTAINED_GAP.match(gap) and _is_city_list(text, position, chosen, best, final)


def _settle_abroad(text: str, position: int, chosen: Chosen, best: list[Candidate | None], final: Scorer,
                   inner: Candidate, outer: Candidate, in_box: InBox) -> None:
    """A place and its qualifier read in two countries: the best pair of readings where one lies in the other,
    else one of them is a place the index lacks."""
    # "near Sasabe (Arizona)": near, not in, the one town of the name, across the border inside the box around the
    # province's towns (but "in Avsuyu (Idlib governorate)" is no Turkish village)
    towns = [o for o in chosen[position][1] if o.place.feature_class == "P"] \
        if chosen[position][0].cue in _NEAR else []
    pair = _best_pair(position, chosen, final, _lies_in) \
        or _best_pair(position, chosen, final, lambda i, o: _unit_in(i, o, in_box))
    across = None if pair else _best_pair(position, chosen, final, lambda i, o: o.place.feature_code == "ADM1"
                                          and in_box(i, o) and towns == [i])
    if across is not None:  # the town's point, in the province's country ("near Kilis (Aleppo)" is in Syria)
        town, area = across
        pair = dataclasses.replace(town, place=dataclasses.replace(
            town.place, country_code=area.place.country_code, country=area.place.country,
            admin1=area.place.admin1, admin2="")), area
    province = _province_over(pair[1], position, chosen) if pair is not None else None
    if province is not None:
        # "Benito Juarez, Nuevo Leon" read in Guatemala: not the pair of hamlets in Chiapas, but Nuevo Leon
        best[position], best[position + 1] = _town_of(position, chosen, final, province)
    elif pair is not None:
        best[position], best[position + 1] = pair
    elif outer.place.feature_class == "P" and _best_pair(position, chosen, final, _one_country) is not None:
        # "in El Alto (La Paz)", "Pisky, Donetsk": no reading of the first lies in or near the town named after
        # it (El Alto in Mexico, La Paz in Baja California): the first is a place the index lacks, and the second
        # the largest place of its name, or the town that a largest province of the name is named for
        best[position] = None
        best[position + 1] = _largest_reading(chosen[position + 1][1], text, chosen[position + 1][0]) or outer
    elif _held_by_next(text, position + 1, chosen, best, in_box):
        # "Kalo (Djugu, Ituri)", "Daba village (..., Ludhiana district, Punjab)": the second lies in the area named
        # after it, so the first is a village the index lacks
        best[position] = None
    elif chosen[position + 1][0].cue in ADMIN_WORDS and outer.place.feature_class == "P":
        best[position + 1] = None  # "Ghorahi city (Dang district)": a district the index lacks, not a town abroad
    elif inner.place.population <= outer.place.population:
        best[position] = None
    else:
        best[position + 1] = None


def _one_country(inner: Candidate, outer: Candidate) -> bool:
    """The two readings are of one country."""
    return inner.place.country_code == outer.place.country_code


def _lies_in(inner: Candidate, outer: Candidate) -> bool:
    """`inner` may lie in `outer`: in its country, and in the province that `outer` is or lies in, or (where
    `outer` is a town) within `TOWN_REACH_KM` of it, since a suburb may lie across a provincial border (San
    Martin, in Cuscatlan, is a town of greater San Salvador); in a district as `_in_district` tells."""
    if inner.place.country_code != outer.place.country_code:
        return False
    if outer.place.feature_class == "P":
        return inner.place.admin1 == outer.place.admin1 \
            or geodesy.km(inner.place.point, outer.place.point) <= TOWN_REACH_KM
    if outer.place.feature_code == "ADM2":
        return _in_district(inner, outer)
    return outer.place.feature_code != "ADM1" or inner.place.admin1 == outer.place.admin1


def _unit_in(unit: Candidate, area: Candidate, in_box: InBox) -> bool:
    """An administrative unit lies in `area` though its province, that of the GeoNames town nearest its point,
    differs: near a provincial border that town can lie across it ("Myaung township (Sagaing district, Sagaing
    region)", whose nearest town is in Mandalay). It does where it lies in the box around the towns of the
    province `area` is, or within `TOWN_REACH_KM` of the town or district `area` is."""
    if unit.place.feature_code != "ADMD" or unit.place.country_code != area.place.country_code:
        return False
    if area.place.feature_code == "ADM1":
        return in_box(unit, area)
    return area.place.feature_code != "PCLI" and geodesy.km(unit.place.point, area.place.point) <= TOWN_REACH_KM


def _in_district(inner: Candidate, district: Candidate) -> bool:
    """`inner` lies in the district: in its province, and in the district GeoNames' nearest point gives it or
    within `TOWN_REACH_KM` of the district's point."""
    return inner.place.admin1 == district.place.admin1 and (
        inner.place.admin2 == district.place.admin2
        or geodesy.km(inner.place.point, district.place.point) <= TOWN_REACH_KM)


def _largest_reading(options: list[Candidate], text: str, candidacy: Candidacy) -> Candidate | None:
    """The most populous reading of a name; where that is a province, the town of its name in it (Donetsk
    oblast's city of Donetsk)."""
    largest = max(options, key=lambda o: o.place.population, default=None)
    if largest is None or largest.place.feature_class != "A":
        return largest
    return next(iter(namesake_towns(options, largest.place, candidacy.span.of(text))), largest)


def _held_by_next(text: str, position: int, chosen: Chosen, best: list[Candidate | None], in_box: InBox) -> bool:
    """The place at `position` lies in the province that the area named right after it as its qualifier is or
    lies in (a town's district is known only from GeoNames' nearest point; a unit's province, from the town
    nearest its point, may lie across the border: `_unit_in`); or, after a closed parenthesis and "of" or "in",
    in the province of the town named for it ("(Al Amadiya district) of Duhok")."""
    if position + 1 >= len(chosen):
        return False
    gap = text[chosen[position][0].span.end : chosen[position + 1][0].span.start]
    closed = bool(CLOSED_OF_GAP.match(gap))
    place, area = best[position], best[position + 1]
    if not (closed or QUALIFIER_GAP.match(gap)) or place is None or area is None:
        return False
    # the area's best reading, or, where that is a town, a province the name is too ("Mala (Harib, Marib)": the
    # province of Marib, not yet settled against the town of Marib)
    areas = [area] if closed or area.place.feature_class == "A" else [
        o for o in chosen[position + 1][1] if o.place.feature_code == "ADM1" and o.primary_name]
    return any(place.place.country_code == a.place.country_code if a.place.feature_code == "PCLI"
               else _same_province(place, a) or _unit_in(place, a, in_box) for a in areas)


def _nested_pair(position: int, chosen: Chosen, final: Scorer) -> tuple[Candidate, Candidate] | None:
    """The best pair of readings of a place and its qualifier where the first lies in the second: the second a
    country, or an area of the first's province (a hamlet that shares a province's name locates nothing); None
    where none nests."""
    return _best_pair(position, chosen, final, lambda i, o: o.place.feature_class == "A"
                      and i.place.country_code == o.place.country_code and i.place != o.place
                      and i.place.feature_code not in ("PCLI", "ADM1")
                      and (o.place.feature_code == "PCLI" or o.place.admin1 == i.place.admin1)
                      and (o.place.feature_code != "ADM2" or _in_district(i, o)))


def _best_pair(position: int, chosen: Chosen, final: Scorer,
               fits: Callable[[Candidate, Candidate], bool]) -> tuple[Candidate, Candidate] | None:
    """The best-scoring pair of readings of a place and the name after it that `fits`; None where none does."""
    (inner_c, inner_options), (outer_c, outer_options) = chosen[position], chosen[position + 1]
    pairs = [(final(i, inner_c) + final(o, outer_c), i, o) for i in inner_options for o in outer_options if fits(i, o)]
    if not pairs:
        return None
    _, inner, outer = max(pairs, key=lambda pair: pair[0])
    return inner, outer
