"""The store: SQLite by default, PostgreSQL through the same code (`--db postgresql://...`).

Content-derived ids, idempotent upserts, named ordered migrations (`migrations.py`). Saving the same article
twice changes nothing; saving it again after the pipeline changed replaces its events and rejections (the
article is the unit of update), except events a person reviewed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventwire.database import open_database
from eventwire.dedup import DedupRules, group_events
from eventwire.errors import EventwireError, InputError, NotFoundError, StoreError
from eventwire.migrations import MIGRATIONS
from eventwire.model import Article, Event, event_from_dict, to_dict


class Store:
    def __init__(self, location: Path | str) -> None:
        self.location = str(location)
        self.probe_cache: dict[tuple[object, ...], list[int] | None] = {}  # see query.sql_where
        try:
            self.db = open_database(location)
            self.dialect = self.db.dialect
            self.migrate()
        except EventwireError:
            raise
        except Exception as exc:  # sqlite3.Error, psycopg.Error: the driver's own fault types
            raise StoreError(f"cannot open the store {self.location}: {exc}; check the path or use --db") from exc

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied, in order, each in its own transaction; return their names.

        Safe when several processes open a new store at once: PostgreSQL serialises them with an advisory
        lock; on SQLite the second waits for the first's write lock, and a migration that fails because the
        first applied it meanwhile is skipped."""
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)")
        if self.dialect == "postgresql":
            with self.db.transaction():
                self.db.execute("SELECT pg_advisory_xact_lock(4242424242)")
                return self._apply_pending()
        applied = []
        for name, script in MIGRATIONS["sqlite"]:
            if name in self._done():
                continue
            try:  # executescript cannot run inside our transaction(): it commits first
                self.db.executescript(f"BEGIN IMMEDIATE; {script}; INSERT INTO migrations VALUES ('{name}'); COMMIT;")
            except Exception:
                self.db.rollback()
                if name in self._done():
                    continue  # another process applied it while we waited
                raise
            applied.append(name)
        return applied

    def _done(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT name FROM migrations")}

    def _apply_pending(self) -> list[str]:
        done, applied = self._done(), []
        for name, script in MIGRATIONS[self.dialect]:
            if name not in done:
                self.db.executescript(script)
                self.db.execute("INSERT INTO migrations VALUES (?)", (name,))
                applied.append(name)
        return applied

    def save(self, article: Article) -> None:
        """Upsert an article with its events and rejections, in one transaction."""
        drop = article.drop
        row = (article.article_id, article.url, article.origin, article.outlet,
               article.published.isoformat() if article.published else None, article.language, article.title,
               article.text, drop.stage if drop else None, drop.reason if drop else None,
               drop.detail if drop else None, json.dumps(article.stages))
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE "
                "SET url = excluded.url, origin = excluded.origin, outlet = excluded.outlet, "
                "published = excluded.published, language = excluded.language, title = excluded.title, "
                "text = excluded.text, drop_stage = excluded.drop_stage, drop_reason = excluded.drop_reason, "
                "drop_detail = excluded.drop_detail, stages = excluded.stages", row)
            ids = [e.event_id for e in article.events]
            keep = f" AND event_id NOT IN ({','.join('?' * len(ids))})" if ids else ""
            # Events a person reviewed stay; an edited event is not overwritten by a new extraction.
            self.db.execute(f"DELETE FROM events WHERE article_id = ? AND status = 'pending'{keep}",
                            (article.article_id, *ids))
            self.db.executemany(
                f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({','.join('?' * len(EVENT_COLUMNS.split(',')))}) "
                "ON CONFLICT (event_id) DO UPDATE SET data = excluded.data, event_date = excluded.event_date, "
                "event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, "
                "country = excluded.country, admin1 = excluded.admin1, location = excluded.location, "
                "latitude = excluded.latitude, longitude = excluded.longitude, actor1 = excluded.actor1, "
                "actor2 = excluded.actor2, country_code = excluded.country_code, "
                "fatalities = excluded.fatalities, search = excluded.search WHERE events.status = 'pending'",
                [event_row(e) for e in article.events])
            self.db.execute("DELETE FROM rejections WHERE article_id = ?", (article.article_id,))
            self.db.executemany(
                "INSERT INTO rejections VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(article.article_id, d.stage, d.reason, d.detail, d.span.start if d.span else -1,
                  d.span.end if d.span else -1) for d in article.rejected])

    def events(self, limit: int | None = None) -> Iterator[Event]:
        query = "SELECT data FROM events ORDER BY event_date NULLS LAST, event_id"
        rows = self.db.execute(query + " LIMIT ?", (limit,)) if limit else self.db.execute(query)
        for (data,) in rows:
            yield event_from_dict(json.loads(data))

    def event(self, event_id: str, for_update: bool = False) -> tuple[Event, str]:
        """One event and its review status ("pending", "accepted", "rejected", "edited"); `for_update` locks the
        row on PostgreSQL (inside a transaction; SQLite's write transaction already holds the database)."""
        lock = " FOR UPDATE" if for_update and self.dialect == "postgresql" else ""
        row = self.db.execute(f"SELECT data, status FROM events WHERE event_id = ?{lock}", (event_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no event {event_id!r} in the store")
        return event_from_dict(json.loads(row[0])), str(row[1])

    def article(self, article_id: str) -> dict[str, Any]:
        """The stored article row (text, url, outlet, title, published, drop) as a dictionary."""
        cursor = self.db.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,))
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in the store")
        names = [getattr(c, "name", None) or c[0] for c in cursor.description]
        return dict(zip(names, row, strict=True))

    def review(self, event_id: str, action: str, reviewer: str, fields: Mapping[str, Any] | None = None,
               note: str = "") -> tuple[Event, str]:
        """Accept, reject or edit an event; every change is logged with who, when, before and after."""
        if action not in REVIEW_STATUS:
            raise InputError(f"unknown review action {action!r}; use one of {', '.join(REVIEW_STATUS)}")
        changes = validate_edit(fields or {}) if action == "edit" else {}
        if action == "edit" and not changes:
            raise InputError("an edit needs at least one field to change")
        at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db.transaction():  # read and write in one transaction: concurrent reviews cannot undo each other
            event, status = self.event(event_id, for_update=True)
            edited = dataclasses.replace(event, **changes)
            before = {"status": status, **{k: to_dict(getattr(event, k)) for k in changes}}
            after = {"status": REVIEW_STATUS[action], **{k: to_dict(v) for k, v in changes.items()}}
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
        """Stored and read: an article whose fetch or read failed (an "ingest" drop) is tried again."""
        row = self.db.execute("SELECT drop_stage FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None and row[0] != "ingest"

    def rebuild_incidents(self, rules: DedupRules | None = None) -> int:
        """Regroup every non-rejected report into incidents (one transaction); the number of incidents."""
        reports = (event_from_dict(json.loads(data)) for (data,) in
                   self.db.execute("SELECT data FROM events WHERE status != 'rejected'"))
        incidents = group_events(reports, rules or DedupRules())
        with self.db.transaction():
            self.db.execute("DELETE FROM incidents")
            self.db.execute("DELETE FROM incident_members")
            self.db.executemany("INSERT INTO incident_members VALUES (?, ?)",
                                [(r.event_id, i.incident_id) for i in incidents for r in i.reports])
            self.db.executemany("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
                (i.incident_id, i.event.event_date.isoformat() if i.event.event_date else None, i.event.event_type,
                 i.event.country_code, len(i.reports), json.dumps(to_dict(i.event), sort_keys=True),
                 json.dumps([r.event_id for r in i.reports]), json.dumps(i.reasons)) for i in incidents])
        return len(incidents)

    def incidents(self) -> Iterator[tuple[Event, list[str], list[str]]]:
        """Merged events in date order, each with its report event ids and merge reasons."""
        rows = self.db.execute(
            "SELECT data, members, reasons FROM incidents ORDER BY event_date NULLS LAST, incident_id")
        for data, members, reasons in rows:
            yield event_from_dict(json.loads(data)), json.loads(members), json.loads(reasons)

    def incident_of(self, event_id: str) -> tuple[Event, list[str], list[str]] | None:
        """The incident a report belongs to (merged event, its reports' ids, merge reasons), if grouped yet."""
        row = self.db.execute(
            "SELECT i.data, i.members, i.reasons FROM incident_members m JOIN incidents i "
            "ON i.incident_id = m.incident_id WHERE m.event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        return event_from_dict(json.loads(row[0])), json.loads(row[1]), json.loads(row[2])

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
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1_000_000:
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
