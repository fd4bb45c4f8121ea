"""SQLite store: content-derived ids, idempotent upserts, named ordered migrations.

Saving the same article twice changes nothing; saving it again after the pipeline changed replaces its
events and rejections (the article is the unit of update).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.dedup import DedupRules, group_events
from eventwire.errors import InputError, NotFoundError, StoreError
from eventwire.model import Article, Event, event_from_dict, to_dict

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_articles_events_rejections", """
        CREATE TABLE articles (
          article_id TEXT PRIMARY KEY, url TEXT NOT NULL, origin TEXT NOT NULL, outlet TEXT NOT NULL,
          published TEXT, language TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
          drop_stage TEXT, drop_reason TEXT, drop_detail TEXT, stages TEXT NOT NULL
        );
        CREATE TABLE events (
          event_id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles (article_id),
          event_date TEXT, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, country TEXT NOT NULL,
          admin1 TEXT NOT NULL, location TEXT NOT NULL, latitude REAL, longitude REAL, data TEXT NOT NULL
        );
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_date ON events (event_date);
        CREATE TABLE rejections (
          article_id TEXT NOT NULL REFERENCES articles (article_id), stage TEXT NOT NULL, reason TEXT NOT NULL,
          detail TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
          PRIMARY KEY (article_id, stage, reason, start, end)
        );
    """),
    ("0002_review_and_query_columns", """
        ALTER TABLE events ADD COLUMN actor1 TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN actor2 TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN country_code TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN fatalities INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
        UPDATE events SET actor1 = json_extract(data, '$.actor1'), actor2 = json_extract(data, '$.actor2'),
          country_code = json_extract(data, '$.country_code'), fatalities = json_extract(data, '$.fatalities'),
          search = lower(json_extract(data, '$.actor1') || ' ' || json_extract(data, '$.actor2') || ' ' ||
                         location || ' ' || admin1 || ' ' || country || ' ' || json_extract(data, '$.notes'));
        CREATE INDEX events_type_date ON events (event_type, event_date);
        CREATE INDEX events_country_date ON events (country_code, event_date);
        CREATE INDEX events_status_date ON events (status, event_date);
        CREATE INDEX events_position ON events (latitude, longitude);
        CREATE TABLE reviews (
          review_id INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, action TEXT NOT NULL,
          reviewer TEXT NOT NULL, at TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, note TEXT NOT NULL
        );
        CREATE INDEX reviews_event ON reviews (event_id);
    """),
    # Small columns first and the JSON last: SQLite reads a row's columns in order, so a column stored after a
    # large value costs overflow-page reads on every filter and sort. Then the text index and sort indexes.
    ("0003_events_small_columns_first_and_text_index", """
        CREATE TABLE events_v3 (
          event_id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles (article_id), event_date TEXT,
          event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, country TEXT NOT NULL,
          country_code TEXT NOT NULL DEFAULT '', admin1 TEXT NOT NULL, location TEXT NOT NULL, latitude REAL,
          longitude REAL, actor1 TEXT NOT NULL DEFAULT '', actor2 TEXT NOT NULL DEFAULT '',
          fatalities INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'pending',
          search TEXT NOT NULL DEFAULT '', data TEXT NOT NULL
        );
        INSERT INTO events_v3 (
          event_id, article_id, event_date, event_type, sub_event_type, country, country_code, admin1,
          location, latitude, longitude, actor1, actor2, fatalities, status, search, data)
        SELECT
          event_id, article_id, event_date, event_type, sub_event_type, country, country_code, admin1,
          location, latitude, longitude, actor1, actor2, fatalities, status, search, data
        FROM events;
        DROP TABLE events;
        ALTER TABLE events_v3 RENAME TO events;
        CREATE INDEX events_article ON events (article_id);
        CREATE INDEX events_date ON events (event_date, actor1, actor2);
        CREATE INDEX events_type_date ON events (event_type, event_date);
        CREATE INDEX events_country_date ON events (country_code, event_date);
        CREATE INDEX events_status_date ON events (status, event_date);
        CREATE INDEX events_position ON events (latitude, longitude, event_date, fatalities, location, event_id);
        CREATE INDEX events_location ON events (location, event_id);
        CREATE INDEX events_fatalities ON events (fatalities, event_id);
        CREATE VIRTUAL TABLE events_fts USING fts5(
          actor1, actor2, search, content = 'events', content_rowid = 'rowid', tokenize = 'trigram');
        CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
          INSERT INTO events_fts (rowid, actor1, actor2, search) VALUES (new.rowid, new.actor1, new.actor2, new.search);
        END;
        CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
          INSERT INTO events_fts (events_fts, rowid, actor1, actor2, search)
            VALUES ('delete', old.rowid, old.actor1, old.actor2, old.search);
        END;
        CREATE TRIGGER events_fts_update AFTER UPDATE ON events BEGIN
          INSERT INTO events_fts (events_fts, rowid, actor1, actor2, search)
            VALUES ('delete', old.rowid, old.actor1, old.actor2, old.search);
          INSERT INTO events_fts (rowid, actor1, actor2, search) VALUES (new.rowid, new.actor1, new.actor2, new.search);
        END;
        INSERT INTO events_fts (events_fts) VALUES ('rebuild');
    """),
    ("0004_incidents", """
        CREATE TABLE incidents (
          incident_id TEXT PRIMARY KEY, event_date TEXT, event_type TEXT NOT NULL, country_code TEXT NOT NULL,
          reports INTEGER NOT NULL, data TEXT NOT NULL, members TEXT NOT NULL, reasons TEXT NOT NULL
        );
        CREATE INDEX incidents_date ON incidents (event_date);
    """),
)


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.probe_cache: dict[tuple[object, ...], list[int] | None] = {}  # see query.sql_where
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 10000")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MiB of page cache for filtered reads
            self.db.execute("PRAGMA mmap_size = 268435456")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path}: {exc}; check the path or use --db") from exc

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied, in order; return their names."""
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)")
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, script in MIGRATIONS:
            if name not in done:
                with self.db:
                    self.db.executescript(f"BEGIN; {script}; INSERT INTO migrations VALUES ('{name}'); COMMIT;")
                applied.append(name)
        return applied

    def save(self, article: Article) -> None:
        """Upsert an article with its events and rejections, in one transaction."""
        drop = article.drop
        row = (article.article_id, article.url, article.origin, article.outlet,
               article.published.isoformat() if article.published else None, article.language, article.title,
               article.text, drop.stage if drop else None, drop.reason if drop else None,
               drop.detail if drop else None, json.dumps(article.stages))
        with self.db:
            self.db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE "
                "SET url = excluded.url, origin = excluded.origin, outlet = excluded.outlet, "
                "published = excluded.published, language = excluded.language, title = excluded.title, "
                "text = excluded.text, drop_stage = excluded.drop_stage, drop_reason = excluded.drop_reason, "
                "drop_detail = excluded.drop_detail, stages = excluded.stages", row)
            ids = [e.event_id for e in article.events]
            marks = ",".join("?" * len(ids))
            # Events a person reviewed stay; an edited event is not overwritten by a new extraction.
            self.db.execute(f"DELETE FROM events WHERE article_id = ? AND status = 'pending' "
                            f"AND event_id NOT IN ({marks})", (article.article_id, *ids))
            self.db.executemany(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({','.join('?' * len(EVENT_COLUMNS.split(',')))}) "
                "ON CONFLICT (event_id) DO UPDATE SET data = excluded.data, event_date = excluded.event_date, "
                "event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, "
                "country = excluded.country, admin1 = excluded.admin1, location = excluded.location, "
                "latitude = excluded.latitude, longitude = excluded.longitude, actor1 = excluded.actor1, "
                "actor2 = excluded.actor2, country_code = excluded.country_code, "
                "fatalities = excluded.fatalities, search = excluded.search WHERE events.status != 'edited'",
                [event_row(e) for e in article.events])
            self.db.execute("DELETE FROM rejections WHERE article_id = ?", (article.article_id,))
            self.db.executemany(
                "INSERT OR IGNORE INTO rejections VALUES (?, ?, ?, ?, ?, ?)",
                [(article.article_id, d.stage, d.reason, d.detail, d.span.start if d.span else -1,
                  d.span.end if d.span else -1) for d in article.rejected])

    def events(self, limit: int | None = None) -> Iterator[Event]:
        query = "SELECT data FROM events ORDER BY event_date, event_id"
        rows = self.db.execute(query + " LIMIT ?", (limit,)) if limit else self.db.execute(query)
        for (data,) in rows:
            yield event_from_dict(json.loads(data))

    def event(self, event_id: str) -> tuple[Event, str]:
        """One event and its review status ("pending", "accepted", "rejected", "edited")."""
        row = self.db.execute("SELECT data, status FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no event {event_id!r} in the store")
        return event_from_dict(json.loads(row[0])), str(row[1])

    def article(self, article_id: str) -> dict[str, Any]:
        """The stored article row (text, url, outlet, title, published, drop) as a dictionary."""
        cursor = self.db.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,))
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in the store")
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def review(self, event_id: str, action: str, reviewer: str, fields: Mapping[str, Any] | None = None,
               note: str = "") -> tuple[Event, str]:
        """Accept, reject or edit an event; every change is logged with who, when, before and after."""
        event, status = self.event(event_id)
        if action not in REVIEW_STATUS:
            raise InputError(f"unknown review action {action!r}; use one of {', '.join(REVIEW_STATUS)}")
        changes = validate_edit(fields or {}) if action == "edit" else {}
        if action == "edit" and not changes:
            raise InputError("an edit needs at least one field to change")
        edited = dataclasses.replace(event, **changes)
        before = {"status": status, **{k: to_dict(getattr(event, k)) for k in changes}}
        after = {"status": REVIEW_STATUS[action], **{k: to_dict(v) for k, v in changes.items()}}
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db:
            if changes:
                self.db.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
                self.db.execute(f"INSERT INTO events ({EVENT_COLUMNS}, status) VALUES "
                                f"({','.join('?' * (EVENT_COLUMNS.count(',') + 2))})",
                                (*event_row(edited), REVIEW_STATUS[action]))
            else:
                self.db.execute("UPDATE events SET status = ? WHERE event_id = ?", (REVIEW_STATUS[action], event_id))
            self.db.execute(
                "INSERT INTO reviews (event_id, action, reviewer, at, before, after, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event_id, action, reviewer, at, json.dumps(before), json.dumps(after), note))
        return edited, REVIEW_STATUS[action]

    def history(self, event_id: str) -> list[dict[str, Any]]:
        """The audit trail of an event's reviews, oldest first."""
        rows = self.db.execute("SELECT action, reviewer, at, before, after, note FROM reviews WHERE event_id = ? "
                               "ORDER BY review_id", (event_id,))
        return [{"action": a, "reviewer": r, "at": at, "before": json.loads(b), "after": json.loads(af), "note": n}
                for a, r, at, b, af, n in rows]

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone() is not None

    def rebuild_incidents(self, rules: DedupRules | None = None) -> int:
        """Regroup every non-rejected report into incidents (one transaction); the number of incidents."""
        reports = (event_from_dict(json.loads(data)) for (data,) in
                   self.db.execute("SELECT data FROM events WHERE status != 'rejected'"))
        incidents = group_events(reports, rules or DedupRules())
        with self.db:
            self.db.execute("DELETE FROM incidents")
            self.db.executemany("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                (i.incident_id, i.event.event_date.isoformat() if i.event.event_date else None, i.event.event_type,
                 i.event.country_code, len(i.reports), json.dumps(to_dict(i.event), sort_keys=True),
                 json.dumps([r.event_id for r in i.reports]), json.dumps(i.reasons)) for i in incidents])
        return len(incidents)

    def incidents(self) -> Iterator[tuple[Event, list[str], list[str]]]:
        """Merged events in date order, each with its report event ids and merge reasons."""
        rows = self.db.execute("SELECT data, members, reasons FROM incidents ORDER BY event_date, incident_id")
        for data, members, reasons in rows:
            yield event_from_dict(json.loads(data)), json.loads(members), json.loads(reasons)

    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "rejections", "incidents")
        return {t: int(self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def close(self) -> None:
        self.db.close()


REVIEW_STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
EDITABLE: dict[str, type] = {
    "event_date": dt.date, "time_precision": int, "disorder_type": str, "event_type": str, "sub_event_type": str,
    "actor1": str, "assoc_actor_1": str, "actor2": str, "assoc_actor_2": str, "country": str, "admin1": str,
    "admin2": str, "location": str, "latitude": float, "longitude": float, "geo_precision": int, "fatalities": int,
    "notes": str,
}


def validate_edit(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Typed values of a reviewer's edit; unknown fields and wrong types are an `InputError`."""
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        kind = EDITABLE.get(name)
        if kind is None:
            raise InputError(f"field {name!r} cannot be edited; editable: {', '.join(sorted(EDITABLE))}")
        try:
            if kind is dt.date:
                changes[name] = dt.date.fromisoformat(str(value))
            elif kind is float:
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise ValueError(value)
                changes[name] = float(value)
            elif kind is int:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise ValueError(value)
                changes[name] = value
            elif not isinstance(value, str):
                raise ValueError(value)
            else:
                changes[name] = value.strip()
        except ValueError:
            raise InputError(f"field {name!r} expects {kind.__name__}, got {value!r}") from None
    for name, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
        if name in changes and not low <= changes[name] <= high:
            raise InputError(f"{name} must lie between {low} and {high}")
    return changes


EVENT_COLUMNS = ("event_id,article_id,event_date,event_type,sub_event_type,country,admin1,location,latitude,"
                 "longitude,data,actor1,actor2,country_code,fatalities,search")


def event_row(event: Event) -> tuple[object, ...]:
    """The `events` row of an event, in `EVENT_COLUMNS` order."""
    search = " ".join((event.actor1, event.actor2, event.location, event.admin1, event.country, event.notes)).lower()
    return (event.event_id, event.article_id, event.event_date.isoformat() if event.event_date else None,
            event.event_type, event.sub_event_type, event.country, event.admin1, event.location,
            event.latitude, event.longitude, json.dumps(to_dict(event), sort_keys=True), event.actor1,
            event.actor2, event.country_code, event.fatalities, search)
