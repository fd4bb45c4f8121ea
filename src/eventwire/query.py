"""Filtered, sorted, paged reads of stored events; the one place that turns filters into SQL.

Every filter value travels as a bound parameter; column names come only from fixed tables here, so a
filter cannot inject SQL. Used by the HTTP API and by exports.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from eventwire.database import Database
from eventwire.errors import InputError

SORTS = {
    "event_date": "event_date NULLS LAST, event_id", "-event_date": "event_date DESC NULLS LAST, event_id DESC",
    "fatalities": "fatalities, event_id", "-fatalities": "fatalities DESC, event_id DESC",
    "location": "location, event_id", "-location": "location DESC, event_id DESC",
    "event_type": "event_type, event_date NULLS LAST, event_id",
    "-event_type": "event_type DESC, event_date DESC NULLS LAST, event_id",
}
ALWAYS = "1 = 1"  # the empty filter, valid in every dialect
STATUSES = ("pending", "accepted", "rejected", "edited")


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """`west,south,east,north` in degrees, as GeoJSON orders a bbox."""
        try:
            west, south, east, north = (float(part) for part in text.split(","))
        except ValueError:
            raise InputError(f"bbox must be west,south,east,north in degrees, got {text!r}") from None
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise InputError(f"bbox {text!r} is outside the globe or has south above north")
        return cls(west, south, east, north)


@dataclass(frozen=True)
class EventFilter:
    """What a user can filter events on; empty fields do not filter."""

    start: dt.date | None = None
    end: dt.date | None = None
    bbox: BBox | None = None
    country: str = ""
    admin1: str = ""
    event_types: tuple[str, ...] = ()
    sub_event_type: str = ""
    sub_event_types: tuple[str, ...] = ()
    actor: str = ""
    text: str = ""
    statuses: tuple[str, ...] = field(default=())
    article_id: str = ""

    def where(self) -> tuple[str, list[object]]:
        """A SQL WHERE clause (always valid, `ALWAYS` when empty) and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        if self.start:
            clauses.append("event_date >= ?")
            params.append(self.start.isoformat())
        if self.end:
            clauses.append("event_date <= ?")
            params.append(self.end.isoformat())
        if self.bbox:
            box = self.bbox
            clauses.append("latitude BETWEEN ? AND ?")
            params += [box.south, box.north]
            if box.west <= box.east:
                clauses.append("longitude BETWEEN ? AND ?")
                params += [box.west, box.east]
            else:  # the box crosses the antimeridian
                clauses.append("(longitude >= ? OR longitude <= ?)")
                params += [box.west, box.east]
        if self.country:
            column = "country_code" if len(self.country) == 2 and self.country.isupper() else "country"
            clauses.append(f"{column} = ?")
            params.append(self.country)
        for column, value in (("admin1", self.admin1), ("sub_event_type", self.sub_event_type),
                              ("article_id", self.article_id)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        for column, values in (("event_type", self.event_types), ("sub_event_type", self.sub_event_types)):
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                params += list(values)
        if self.statuses:
            clauses.append(f"status IN ({','.join('?' * len(self.statuses))})")
            params += list(self.statuses)
        # Actor names come from a small vocabulary, so one often matches a large share of events: a scan
        # narrowed by the other (indexed) filters is the fast way. Free text is added by `sql_where`.
        if self.actor:
            escaped = _escape_like(self.actor)
            clauses.append("(lower(actor1) LIKE ? ESCAPE '\\' OR lower(actor2) LIKE ? ESCAPE '\\')")
            params += [f"%{escaped.lower()}%"] * 2
        return (" AND ".join(clauses) or ALWAYS), params


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Where:
    clause: str
    params: list[object]
    over_cap: bool = False  # known to match more than the count cap (no need to count)


ProbeCache = dict[tuple[object, ...], list[int] | None]


def _probe_text(db: Database, text: str, cap: int, cache: ProbeCache | None) -> list[int] | None:
    """The rows whose text contains `text`, or None when more than `cap` do. On SQLite through the FTS5 trigram
    index, cached per connection until the database changes; on PostgreSQL through the pg_trgm index."""
    if db.dialect == "postgresql":
        cache = None
        pattern = f"%{_escape_like(text.lower())}%"
        rows = db.execute("SELECT rowid FROM events WHERE search LIKE ? ESCAPE '\\' LIMIT ?", (pattern, cap + 1))
        hits = [row[0] for row in rows]
        return hits if len(hits) <= cap else None
    key = (text, cap, *db.changes())
    if cache is not None and key in cache:
        return cache[key]
    phrase = '"' + text.replace('"', '""') + '"'
    hits = [row[0] for row in db.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?",
                                         (f"search : {phrase}", cap + 1))]
    found = hits if len(hits) <= cap else None
    if cache is not None:
        if len(cache) >= 256:
            cache.clear()
        cache[key] = found
    return found


def sql_where(db: Database, where: EventFilter, cap: int = 10_000, cache: ProbeCache | None = None) -> Where:
    """The full WHERE clause, free text included.

    Text of three characters or more is looked up in the trigram index first (a phrase query, quotes doubled,
    stopping after `cap` + 1 hits): a selective text becomes the list of its rows; a text that matches more
    than `cap` events is checked row by row with LIKE instead, which the other filters and the sort order
    narrow and stop early. Shorter text always uses LIKE.
    """
    clause, params = where.where()
    text = where.text
    if not text:
        return Where(clause, params)
    over_cap = False
    if len(text) >= 3:
        hits = _probe_text(db, text, cap, cache)
        if hits is not None:
            if db.dialect == "postgresql":
                return Where(f"{clause} AND rowid = ANY(?)", [*params, hits])
            return Where(f"{clause} AND rowid IN (SELECT value FROM json_each(?))", [*params, json.dumps(hits)])
        over_cap = clause == ALWAYS
    return Where(f"{clause} AND search LIKE ? ESCAPE '\\'", [*params, f"%{_escape_like(text.lower())}%"], over_cap)


def check_statuses(values: tuple[str, ...]) -> tuple[str, ...]:
    for value in values:
        if value not in STATUSES:
            raise InputError(f"unknown review status {value!r}; use one of {', '.join(STATUSES)}")
    return values


@dataclass(frozen=True)
class Page:
    total: int
    exact: bool  # False when more than `count_cap` events match: `total` is then a lower bound
    rows: list[tuple[str, str]]  # (event data JSON, review status)


def _count(db: Database, clause: str, params: list[object], cap: int) -> tuple[int, bool]:
    """How many events match, counted up to `cap` (past it the count is a lower bound: exact is False)."""
    found = int(db.execute(f"SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE {clause} LIMIT ?) AS hits",
                           [*params, cap + 1]).fetchone()[0])
    return min(found, cap), found <= cap


def select_events(db: Database, where: EventFilter, sort: str = "-event_date", limit: int = 100,
                  offset: int = 0, count_cap: int = 10_000, cache: ProbeCache | None = None) -> Page:
    """One page of events (stored JSON and review status) and how many match (see `count_events`).

    The page is chosen on the small columns first and only its rows' JSON is read, so sorting thousands of
    matches never copies their JSON around.
    """
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    full = sql_where(db, where, count_cap, cache)
    clause, params = full.clause, full.params
    total, exact = (count_cap, False) if full.over_cap else _count(db, clause, params, count_cap)
    order = SORTS[sort]
    rows = db.execute(f"SELECT data, status FROM events WHERE rowid IN (SELECT rowid FROM events WHERE {clause} "
                      f"ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}", [*params, limit, offset]).fetchall()
    return Page(total, exact, [(str(d), str(s)) for d, s in rows])


def iter_events(db: Database, where: EventFilter, sort: str = "event_date") -> Iterator[str]:
    """Every matching event's stored JSON, in order, without loading them all."""
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    full = sql_where(db, where)
    clause, params = full.clause, full.params
    for (data,) in db.execute(f"SELECT data FROM events WHERE {clause} ORDER BY {SORTS[sort]}", params):
        yield str(data)


def select_points(db: Database, where: EventFilter, limit: int) -> tuple[int, list[list[object]]]:
    """Compact map points `[event_id, longitude, latitude, event_type, event_date, status]` of located events."""
    full = sql_where(db, where)
    clause, params = full.clause, full.params
    total = int(db.execute(f"SELECT COUNT(*) FROM events WHERE {clause}", params).fetchone()[0])
    rows = db.execute(
        f"SELECT event_id, longitude, latitude, event_type, event_date, status FROM events WHERE {clause} "
        "AND latitude IS NOT NULL ORDER BY event_date DESC NULLS LAST, event_id LIMIT ?", [*params, limit]).fetchall()
    return total, [list(row) for row in rows]


def count_by_day(db: Database, where: EventFilter) -> list[dict[str, object]]:
    """Event counts per day and event type (undated events are left out)."""
    full = sql_where(db, where)
    clause, params = full.clause, full.params
    rows = db.execute(f"SELECT event_date, event_type, COUNT(*) FROM events WHERE {clause} "
                      "AND event_date IS NOT NULL GROUP BY event_date, event_type ORDER BY event_date", params)
    return [{"day": day, "event_type": kind, "count": count} for day, kind, count in rows]
