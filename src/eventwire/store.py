"""SQLite store: content-derived ids, idempotent upserts, named ordered migrations.

Saving the same article twice changes nothing; saving it again after the pipeline changed replaces its
events and rejections (the article is the unit of update).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import StoreError
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
)


class Store:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
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
            self.db.execute(f"DELETE FROM events WHERE article_id = ? AND event_id NOT IN ({marks})",
                            (article.article_id, *ids))
            self.db.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO UPDATE "
                "SET data = excluded.data, event_date = excluded.event_date, event_type = excluded.event_type, "
                "sub_event_type = excluded.sub_event_type, country = excluded.country, admin1 = excluded.admin1, "
                "location = excluded.location, latitude = excluded.latitude, longitude = excluded.longitude",
                [_event_row(e) for e in article.events])
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

    def counts(self) -> dict[str, int]:
        tables = ("articles", "events", "rejections")
        return {t: int(self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def close(self) -> None:
        self.db.close()


def _event_row(event: Event) -> tuple[object, ...]:
    return (event.event_id, event.article_id, event.event_date.isoformat() if event.event_date else None,
            event.event_type, event.sub_event_type, event.country, event.admin1, event.location,
            event.latitude, event.longitude, json.dumps(to_dict(event), sort_keys=True))
