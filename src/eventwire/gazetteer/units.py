"""Administrative units GeoNames' towns do not name: the townships, woredas, local government areas and
municipalities news and ACLED place events in ("Myaing township", "Chilga woreda", "Igalamela LGA") when the
village itself is too small for any gazetteer.

Each unit comes from `data/units.tsv.gz` (geoBoundaries, CC BY 4.0: its name and a point for it) and takes the
country and province of the GeoNames town nearest that point. A unit whose name a place of its country already
bears nearby is that place, and is left out.
"""

from __future__ import annotations

import gzip
import math
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from importlib import resources
from typing import Any

import numpy as np
from scipy.spatial import cKDTree

from eventwire import geodesy
from eventwire.gazetteer.names import name_keys, normalize_name

# a unit with no GeoNames town within this distance has no country the index can vouch for
_NEAREST_TOWN_KM = 100.0
# difflib ratio of a unit's name and a near town's that names the town another way: Namhkan/Namhkam 0.86 (but
# Paikoro LGA is not Paiko town, 0.83)
_ALIKE = 0.85
# the words of a unit named for its part of something ("Central", "North East")
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "central", "centre", "center", "northern", "southern", "eastern", "western", "middle"})
# a place of the unit's name and country this near is the unit's own town or district ("Kale", "Al Jubah")
_SAME_PLACE_KM = 30.0


@dataclass(frozen=True)
class Unit:
    name: str
    country_code: str
    province: str
    latitude: float
    longitude: float


def read_units() -> Iterator[tuple[str, float, float]]:
    """The vendored units: name, latitude, longitude."""
    with resources.files("eventwire").joinpath("data/units.tsv.gz").open("rb") as raw, \
            gzip.open(raw, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                continue
            name, lat, lon = line.rstrip("\n").split("\t")
            yield name, float(lat), float(lon)


def _on_sphere(lats: list[float], lons: list[float]) -> Any:
    """Points as unit vectors, so that the nearest by straight line is the nearest on the globe."""
    lat, lon = np.radians(np.asarray(lats)), np.radians(np.asarray(lons))
    return np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))


def locate_units(cities: list[dict[str, Any]], province_of: dict[tuple[str, str], str]) -> Iterator[Unit]:
    """Each vendored unit with the country and province of the town of `cities` nearest its point; none far from
    every town, and none a town near it is named like (`spelt_alike`). `province_of`: (country code, GeoNames
    admin1 code) -> province name."""
    units = list(read_units())
    tree = cKDTree(_on_sphere([c["latitude"] for c in cities], [c["longitude"] for c in cities]))
    points = _on_sphere([u[1] for u in units], [u[2] for u in units])
    distances, nearest = tree.query(points, distance_upper_bound=_chord(_NEAREST_TOWN_KM))
    around = tree.query_ball_point(points, r=_chord(_SAME_PLACE_KM))
    for (name, lat, lon), distance, index, near in zip(units, distances, nearest, around, strict=True):
        if math.isinf(distance) or len(normalize_name(name)) < 3 \
                or any(spelt_alike(name, cities[i]["name"]) for i in near):
            continue  # far from any town, no name ("D" for a Hungarian district), or the town's own
        town = cities[int(index)]
        cc = town["countrycode"]
        yield Unit(name, cc, province_of.get((cc, town["admin1code"]), ""), lat, lon)


# Ukraine's councils and communities are named with the adjective of their centre ("Ustynivska" of Ustynivka,
# "Zarichnenska" of Zarichne, "Kvitneva" of Kvitneve), which news names instead: the endings of the adjective and
# those of the names it can come from (every ending that fits: "Petrivska" is of a Petrivka or a Petrivske)
_CENTRE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nenska", ("ne",)),
    ("kivska", ("kivka", "ke", "kove")),
    ("ivska", ("ivka", "iv", "ove", "eve")),
    ("atska", ("ate",)),
    ("ska", ("ske", "ka")),
    ("va", ("ve",)),
    ("na", ("ne",)),
)


def centre_names(name: str, country_code: str) -> set[str]:
    """The names a Ukrainian unit's centre may bear, from the unit's adjectival name ("Petrivska": Petrivka,
    Petriv, Petrove, Petreve, Petrivske); none for a unit of another country or of several words ("Lymanska
    Druha")."""
    if country_code != "UA" or " " in name.strip():
        return set()
    names = {name[: len(name) - len(ending)] + source for ending, sources in _CENTRE_ENDINGS
             if name.endswith(ending) and len(name) - len(ending) >= 3 for source in sources}
    # "ia" and "ya" both transliterate "я" after a consonant (Kamianka, Kamyanka), "ai" and "ay" "ай"
    # (Novomykhailivka, Novomykhaylivka)
    names |= {n.replace("ia", "ya") for n in names}
    return names | {n.replace("ai", "ay") for n in names}


def _chord(km: float) -> float:
    """The straight-line distance between two points on the unit sphere `km` apart on the globe."""
    return 2 * math.sin(km / geodesy.EARTH_RADIUS_KM / 2)


def spelt_alike(unit: str, town: str) -> bool:
    """A unit named for a town near it: as spelt another way ("Namhkan" township, Namhkam town; "Ras al Ain",
    Ra's al 'Ayn), with a word before ("Nad Ali" district, Hukumat-e Nad 'Ali) or a side after ("Awka North")."""
    a, b = normalize_name(unit), normalize_name(town)
    head, _, side = a.rpartition(" ")
    if a == b or b.endswith(f" {a}") or b.startswith(f"{a} ") or (side in COMPASS_WORDS and head == b):
        return True  # "Awka North", "Ludhiana (East)": the town's too, as news and ACLED name it
    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= _ALIKE


def _places_named(db: sqlite3.Connection, name: str, country_code: str) -> list[tuple[float, float, int, str]]:
    """Latitude, longitude, population and feature code of each place of the country that bears the name."""
    keys = sorted(name_keys(name))
    return db.execute(
        f"SELECT p.latitude, p.longitude, p.population, p.feature_code FROM names n JOIN places p USING (place_id) "
        f"WHERE n.key IN ({','.join('?' * len(keys))}) AND p.country_code = ?", (*keys, country_code)).fetchall()


def town_named(db: sqlite3.Connection, name: str, country_code: str, population: int) -> bool:
    """A place of the country bears the name and has at least `population` people (or is a province)."""
    return any(people >= population or feature == "ADM1"
               for _, _, people, feature in _places_named(db, name, country_code))


def named_nearby(db: sqlite3.Connection, unit: Unit) -> bool:
    """A place of the unit's country already bears its name near its point."""
    return any(geodesy.km((lat, lon), (unit.latitude, unit.longitude)) <= _SAME_PLACE_KM
               for lat, lon, _, _ in _places_named(db, unit.name, unit.country_code))
