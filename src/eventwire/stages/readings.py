"""readings: how each reading of a place name is scored against the article's evidence.

A reading's score is its population prior, the weight of its country in the article (`Context.focus`), the
feature class its cue implies, a named country's capital, and the province or district the article names that it
lies in; a village that bears a city's name is scored below the city (`overshadowed`), and a province's own name in
an article about its country is the province (`province_named`). `geoparse` picks among the readings of each name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from eventwire import geodesy
from eventwire.gazetteer import Candidate
from eventwire.gazetteer.names import normalize_name, strip_admin_suffix
from eventwire.model import DATELINE
from eventwire.stages.nesting import UNCOUNTED_SEAT, namesake_towns
from eventwire.stages.recognise import ADMIN_WORDS, DISTRICT_WORDS, QUALIFIER, REGION_QUALIFIER, TOWN_WORDS

CAPITAL = 1.0  # the bonus of a named country's capital
# below a town of the name, a district named without its unit's word and not as a qualifier ("in Vienne" is the
# town, not the department; "York" the city, not the Ontario region)
BARE_DISTRICT = 0.5


_AREAS_OF_COUNTRIES = frozenset({"PCLI", "CONT", "RGN"})  # a country, a continent, a region of countries


@dataclass
class Context:
    """Document-level evidence used to resolve every mention."""

    focus: Counter[str]
    accepted_keys: set[str]
    region_keys: frozenset[str] = frozenset()
    countries_named: dict[str, str] = field(default_factory=dict)  # name -> the country it names

    def share(self, country: str) -> float:
        total = sum(self.focus.values())
        return self.focus[country] / total if total else 0.0


def reading_score(candidate: Candidate, text: str, cue: str, context: Context) -> float:
    place = candidate.place
    # a town GeoNames gives no population is in cities500 as a seat of its area: a town of some size, not none
    people = place.population or (UNCOUNTED_SEAT if place.feature_class == "P" else 0)
    score = math.log10(people + 1) / 7 + 2.0 * context.share(place.country_code)
    if candidate.primary_name:
        score += 0.3
    if place.feature_code == "PPLC" and place.country_code in context.countries_named.values() \
            and normalize_name(text) not in context.countries_named:
        # the capital of a country the article names ("flights to Moscow" beside "Russia"), but not the
        # country's own name ("Mexico")
        score += CAPITAL
    if place.feature_code in _AREAS_OF_COUNTRIES and normalize_name(place.name) == normalize_name(text):
        score += 2.0  # a country, continent or region by its own name, over a town of that name ("Middle East, Md.")
    unit = cue.partition(" ")[0]  # "town" of "town of", "district" of "district of"
    if place.feature_code == "ADM1" and cue in ADMIN_WORDS:
        score += 1.5
    if place.feature_code in ("ADM2", "ADMD") and cue not in {QUALIFIER, REGION_QUALIFIER} \
            and unit not in DISTRICT_WORDS \
            and normalize_name(text).rpartition(" ")[2] not in DISTRICT_WORDS:
        score -= BARE_DISTRICT
    if place.feature_class == "P" and ((cue.endswith(" of") and unit not in DISTRICT_WORDS) or cue in TOWN_WORDS
                                       or cue == DATELINE):
        score += 0.5
    if contained(place.admin1, place.admin2, text, context.region_keys):
        # the article names its province somewhere: evidence, not proof (1.5 made "Marco Rubio of Florida" the
        # New York hamlet wherever New York was named); "X (Province)" itself is settled by `nesting._nest`
        score += 1.0
    return score


_OVERSHADOWED = 100  # times the population of a village known by another's name that the city of the name has
_OVERSHADOW_PENALTY = 2.0  # the weight of an article wholly about the village's country
_METROPOLIS, _DWARFED = 1_000_000, 1_000  # a city of a million overshadows a village of its own name 1,000x smaller


_AREA_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:de|del|do|da|la|el)\s+)?[A-Z][\w'’-]*)*")  # "Surigao del Sur"
NAMED_NEXT = re.compile(r"\s*[,(]\s*((?:[A-Z][\w'’-]*\s?){1,4})")  # the name just after a place, qualifying it


def own_name_city(options: list[Candidate]) -> tuple[int, int]:
    """The population of the largest city of 100,000 among the readings that bears the name as its own, and of the
    largest province or country that does; 0 if none."""
    city = max((o.place.population for o in options if o.primary_name and o.place.feature_class == "P"
                and o.place.population >= 100_000), default=0)
    area = max((o.place.population for o in options if o.primary_name and o.place.feature_code in ("ADM1", "PCLI")),
               default=0)
    return city, area


def overshadowed(candidate: Candidate, text: str, end: int, named: tuple[int, int],
                 region_keys: frozenset[str]) -> float:
    """"Paris", "Kaluga": a small place that bears the name only as an alternate (a Ukrainian village once called
    Paris) is read below a city that bears it as its own name and is a hundred times larger, however much the
    article is about the small place's country; not where its province qualifies the name ("Santiago, Nayarit" is
    Santiago Ixcuintla, not Santiago de Chile). So is it below a province or country of that name a hundred times
    larger ("a Delaware company" is no company of West Point, Virginia, once called Delaware). `named`: the
    populations `own_name_city` gives; `end`: where the name ends in `text`."""
    place = candidate.place
    city = named[0] if candidate.primary_name else max(named)
    if place.feature_class != "P" or not city:
        return 0.0
    if candidate.primary_name and not (city >= _METROPOLIS and city >= place.population * _DWARFED
                                       and not contained(place.admin1, place.admin2, "", region_keys)):
        # "Berlin" in news of the war in Ukraine: not the Russian village of that very name either; but "London"
        # in an article that names Kentucky is London, Kentucky
        return 0.0
    # "Santiago, Nayarit", "Bagsac (Madrid, Surigao del Sur, Caraga)": any of the areas that follow
    areas = {strip_admin_suffix(a.removeprefix("Province of ")) for a in (place.admin1, place.admin2)} - {""}
    if NAMED_NEXT.match(text, end):
        chain = re.split(r"[,(]", re.split(r"[).;]", text[end : end + 120])[0])[1:4]
        names = [found.group().strip() for part in chain if (found := _AREA_NAME.match(part.strip()))]
        if any(strip_admin_suffix(name) in areas for name in names):
            return 0.0
    return _OVERSHADOW_PENALTY if city >= place.population * _OVERSHADOWED else 0.0


def province_named(candidate: Candidate, text: str, options: list[Candidate], context: Context) -> float:
    """"Marco Rubio of Florida": in an article about its country, a name that is a province's own is that
    province, not a hamlet of the name near the other places named, unless the country has a city of the name a
    tenth its size ("Washington"). Not a province abroad: "in Sofia" is no Malagasy region."""
    place = candidate.place
    if place.feature_code != "ADM1" or strip_admin_suffix(place.name) != strip_admin_suffix(text) \
            or not context.share(place.country_code):
        return 0.0
    cities = [o for o in namesake_towns(options, place) if o.place.population >= place.population / 10]
    return 0.0 if cities else 1.5


def contained(admin1: str, admin2: str, text: str, region_keys: frozenset[str]) -> bool:
    """The article names the province or district the candidate lies in ("Pirque (Cochabamba)")."""
    own = strip_admin_suffix(text)
    return any(key and key != own and key in region_keys
               for key in (strip_admin_suffix(admin1), strip_admin_suffix(admin2)))


# a stray reading's largest population, by its own name or by another ("Najran" is no name of Arak, Iran, nor
# "Singu" of Xinyu); a city of a million is not lost by an old name however little the article says of its country
STRAY_SIZE = {True: 50_000, False: 1_000_000}


def stray(best: Candidate, name: str, readings: list[tuple[str, Candidate]], context: Context) -> bool:
    """A small place abroad, far from every other place the article names, in a country it never mentions:
    the name is more likely a local place missing from the index (a district, a market) than that one. So is a
    city known by another name ("Tanda", once a name of Tanta, among places of Nord-Kivu). `readings`: the names
    and their readings."""
    place = best.place
    small = STRAY_SIZE[best.primary_name]
    if place.population >= small or context.share(place.country_code) > 0:
        return False
    # countries named are topics ("a protest in Volkach against the war in Ukraine"), not neighbours
    # ... and other mentions of the same name ("Kale town of Kale township", another La Noria) are no evidence
    others = [f.place for own, f in readings if own != name and f.place != place and f.place.country_code
              and f.place.feature_code != "PCLI"]
    if not others:
        return False
    named = Counter(o.country_code for o in others)
    if not any(context.share(code) > 0 or count >= 2 for code, count in named.items()):
        return False  # nothing says the article is about the other places' country either
    if any(o.country_code == place.country_code for o in others):
        return False
    return all(geodesy.km(place.point, o.point) > 500 for o in others)


_OUTSIZED = 10  # times the population of a place named with a direction that the place without it has


def with_direction(whole: list[Candidate], part: list[Candidate], context: Context) -> list[Candidate]:
    """The readings of a name written with a lowercase direction the index knows whole ("east Naples": East Naples,
    Florida), given `part`, those of the name without it: the whole where its country is one the article is about,
    or the article is about none and the name without the direction is no place ten times larger ("east London" is
    London's east, not East London, South Africa; "east Berlin" in an article about Germany is Berlin's)."""
    inside = [o for o in whole if context.share(o.place.country_code)]
    if not inside and context.focus.total():
        return part
    kept = inside or whole
    largest = max((o.place.population for o in kept), default=0)
    return part if any(o.place.population >= _OUTSIZED * max(largest, 1) for o in part if o.primary_name) else kept
