"""Query side of the place index: name lookups, countries and demonyms, from SQLite on disk."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from eventwire import geodesy
from eventwire.errors import ResourceError
from eventwire.gazetteer.build import (
    SCHEMA_VERSION,
    build_index,
    build_version,
    read_demonyms,
    read_region_abbreviations,
    without_outliers,
)
from eventwire.gazetteer.names import normalize_name, query_keys, skeleton, vowel_blind
from eventwire.model import Place

_T = TypeVar("_T")
_ALIKE = 0.75  # difflib ratio of two spellings of one name: Mogoke/Mogok 0.91, Naushera/Nowshera 0.75
_ALIKE_VOWEL_BLIND = 0.9  # the same of their `vowel_blind` forms: Ein Issa/Ayn Isa 0.92, Hanley/Henlow 0.83
# a province's seat: a town named like it holds at least SEAT_SHARE of its largest town's people; else the largest
# town of the urban area (towns within URBAN_AREA_KM of one of its SEAT_CANDIDATES largest towns, of at least
# SEAT_CENTRE_SHARE of the largest's people) with the most people
SEAT_SHARE = 0.3  # Santa Fe (a third of Rosario) is Santa Fe province's seat; Oyo (a fifth of Ibadan) is not Oyo's
SEAT_CENTRE_SHARE = 0.5
URBAN_AREA_KM = 20.0
SEAT_CANDIDATES = 20

# in the order of Place's fields, so that a row builds a Place directly (SQLite gives str, float and int)
_PLACE_COLUMNS = ("p.name, p.country_code, COALESCE(c.name, ''), p.admin1, p.admin2, p.latitude, p.longitude, "
                  "p.feature_class, p.feature_code, p.population, p.geonameid")


@dataclass(frozen=True)
class Candidate:
    place: Place
    primary_name: bool


class Gazetteer:
    """Read-only handle on a built index; cheap lookups (one indexed SQLite query each)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._countries = dict(self._db.execute("SELECT code, name FROM countries").fetchall())
        self._isonumeric = dict(self._db.execute("SELECT code, isonumeric FROM countries").fetchall())
        self._demonyms = dict(self._db.execute("SELECT key, country_code FROM demonyms").fetchall())
        # news names the same places again and again: a repeated lookup costs a dictionary hit, not a query
        self._query = lru_cache(maxsize=16_384)(self._uncached)

    def lookup(self, name: str, limit: int = 40) -> list[Candidate]:
        """Places a name may refer to, most populous first."""
        return list(self._query(name, limit))

    def _uncached(self, name: str, limit: int) -> tuple[Candidate, ...]:
        keys = sorted(query_keys(name))
        if not keys:
            return ()
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT {_PLACE_COLUMNS}, MAX(n.primary_name) FROM names n JOIN places p USING (place_id) "
            f"LEFT JOIN countries c ON c.code = p.country_code WHERE n.key IN ({marks}) "
            f"GROUP BY p.place_id ORDER BY p.population DESC LIMIT ?",
            (*keys, limit),
        ).fetchall()
        return tuple(Candidate(_place(row[:-1]), bool(row[-1])) for row in rows)

    def abbreviated(self, text: str) -> list[Candidate]:
        """The province a reviewed abbreviation stands for, written with its periods ("Ky.", "W. Va.", "B.C."),
        or nothing."""
        target = read_region_abbreviations().get(text.replace(" ", ""))
        if target is None:
            return []
        code, name = target
        return [c for c in self.lookup(name) if c.place.feature_code == "ADM1" and c.place.country_code == code]

    def sounding_like(self, name: str, code: str, admin1: str, limit: int = 3) -> list[Candidate]:
        """Towns of province `admin1` of country `code` whose name is spelt differently but sounds alike
        (`names.skeleton`: "Mogoke" finds Mogok), most populous first: for a name the index lacks, read where
        the text says which province it is in."""
        key = skeleton(name)
        if not key:
            return []
        rows = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM skeletons s JOIN places p USING (place_id) "
            "JOIN countries c ON c.code = p.country_code "
            "WHERE s.skeleton = ? AND p.country_code = ? AND p.admin1 = ? ORDER BY p.population DESC",
            (key, code, admin1),
        ).fetchall()
        # the consonants agree; the whole spelling must be close too ("Hanley" is not "Henlow")
        written, blind = normalize_name(name), vowel_blind(name)
        alike = [row for row in rows
                 if SequenceMatcher(None, written, normalize_name(row[0])).ratio() >= _ALIKE
                 or SequenceMatcher(None, blind, vowel_blind(row[0])).ratio() >= _ALIKE_VOWEL_BLIND]
        return [Candidate(_place(row), False) for row in alike[:limit]]

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per index, kept for the process's life
    def country(self, code: str) -> Place | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM countries c JOIN places p USING (place_id) WHERE c.code = ?", (code,)
        ).fetchone()
        return _place(row) if row else None

    @lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per index, kept for the process's life
    def seat(self, code: str, admin1: str) -> Place | None:
        """The town a province-level event is coded to, as ACLED codes one to the province's capital (which the
        index does not mark): the town named like the province, where it is one of its larger towns (Mendoza,
        Kandahar); else the largest town of the province's largest urban area (Avellaneda, of Greater Buenos
        Aires, not Mar del Plata; Baqubah, not Khanaqin). The national capital is not the seat of the province
        around it (Ottawa, Pretoria)."""
        towns = [_place(row) for row in self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p JOIN countries c ON c.code = p.country_code "
            "WHERE p.country_code = ? AND p.admin1 = ? AND p.feature_class = 'P' "
            "ORDER BY p.population DESC", (code, admin1))]
        if not towns:
            return None
        key = normalize_name(admin1)
        namesake = next((t for t in towns if normalize_name(t.name) == key), None)
        if namesake is not None and namesake.population >= SEAT_SHARE * towns[0].population:
            return namesake

        def near(a: Place, b: Place) -> bool:
            return geodesy.km(a.point, b.point) <= URBAN_AREA_KM

        # the centres considered are towns of half the largest's people: a cluster of hamlets is no urban area
        centres = [t for t in towns[:SEAT_CANDIDATES] if t.population >= SEAT_CENTRE_SHARE * towns[0].population]
        centre = max(centres, key=lambda t: sum(o.population for o in towns if near(t, o)))
        return next(t for t in towns if near(centre, t))  # the most populous town of that area

    @lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per index, kept for the process's life
    def extent(self, code: str, admin1: str) -> tuple[float, float, float, float] | None:
        """(south, north, west, east): the box around a province's towns, less far outliers; None where it has no
        towns, or its towns lie across the antimeridian."""
        rows = self._db.execute("SELECT latitude, longitude FROM places WHERE country_code = ? AND admin1 = ? "
                                "AND feature_class = 'P'", (code, admin1)).fetchall()
        if not rows:
            return None
        lats, lons = without_outliers([r[0] for r in rows], [r[1] for r in rows])
        if max(lons) - min(lons) > 180:
            return None  # across the antimeridian (Chukotka, Fiji's Eastern): no box of this kind holds it
        return min(lats), max(lats), min(lons), max(lons)

    def country_name(self, code: str) -> str:
        return str(self._countries.get(code, ""))

    def iso_numeric(self, code: str) -> int:
        return int(self._isonumeric.get(code, 0))

    def demonym_country(self, word: str) -> str | None:
        """Country code for a demonym ("Iraqi" -> "IQ", "English" -> "GB"), or None ("European")."""
        reviewed = _reviewed_demonym(word)
        if reviewed is not None:
            return None if reviewed[0] == "-" else reviewed[0]
        found = _singular_or_plural(self._demonyms, word)
        return str(found) if found else None

    def demonym_place(self, word: str) -> Place | None:
        """The place a demonym names: its country ("Iraqi"), or the province or continent the reviewed demonyms
        give ("English": England, "European": Europe, "Central American": Central America); None for a word that
        is no demonym."""
        reviewed = _reviewed_demonym(word)
        if reviewed is not None and reviewed[1] != "*country":
            code, name = reviewed
            return next((c.place for c in self.lookup(name) if c.place.feature_code in ("ADM1", "CONT", "RGN")
                         and c.place.country_code == ("" if code == "-" else code)), None)
        country = self.demonym_country(word)
        return self.country(country) if country else None


def _reviewed_demonym(word: str) -> tuple[str, str] | None:
    return _singular_or_plural(read_demonyms(), word)


def _singular_or_plural(table: dict[str, _T], word: str) -> _T | None:
    """A demonym's entry in `table`, keyed by normalised name, for the word or its plural ("Syrians")."""
    key = normalize_name(word)
    return table.get(key) or (table.get(key[:-1]) if key.endswith("s") else None)


def _place(row: tuple[Any, ...]) -> Place:
    return Place(*row)


def default_index_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _is_current(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == build_version()


@cache
def open_gazetteer(index_path: str = "") -> Gazetteer:
    """Open the index, building it first (once, ~30 s) if it is missing or stale."""
    path = Path(index_path) if index_path else default_index_path()
    if not path.exists() or not _is_current(path):
        print(f"eventwire: building the place index at {path} (once; about a minute)...", file=sys.stderr)
        started = time.monotonic()
        try:
            build_index(path)
        except OSError as exc:
            raise ResourceError(f"cannot write the place index at {path}: {exc}; set geoparse.index_path") from exc
        print(f"eventwire: place index ready in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return Gazetteer(path)
