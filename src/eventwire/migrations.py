"""Named, ordered schema migrations for each store dialect; a store applies the ones it has not recorded."""

from __future__ import annotations

# Migrations whose SQL is the same in both dialects.
COMMON_MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0004_incidents", """
        CREATE TABLE incidents (
          incident_id TEXT PRIMARY KEY, event_date TEXT, event_type TEXT NOT NULL, country_code TEXT NOT NULL,
          reports INTEGER NOT NULL, data TEXT NOT NULL, members TEXT NOT NULL, reasons TEXT NOT NULL
        );
        CREATE INDEX incidents_date ON incidents (event_date);
    """),
    ("0005_incident_members", """
        CREATE TABLE incident_members (event_id TEXT PRIMARY KEY, incident_id TEXT NOT NULL);
        CREATE INDEX incident_members_incident ON incident_members (incident_id);
    """),
)

SQLITE_MIGRATIONS: tuple[tuple[str, str], ...] = (
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
    *COMMON_MIGRATIONS,
)

# The same named migrations for PostgreSQL: the same tables and columns (`rowid` is a real column there),
# PostgreSQL's own types, and a trigram index (pg_trgm) where SQLite has FTS5.
POSTGRES_MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_articles_events_rejections", """
        CREATE TABLE articles (
          article_id TEXT PRIMARY KEY, url TEXT NOT NULL, origin TEXT NOT NULL, outlet TEXT NOT NULL,
          published TEXT, language TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
          drop_stage TEXT, drop_reason TEXT, drop_detail TEXT, stages TEXT NOT NULL
        );
        CREATE TABLE events (
          rowid BIGSERIAL UNIQUE, event_id TEXT PRIMARY KEY,
          article_id TEXT NOT NULL REFERENCES articles (article_id), event_date TEXT, event_type TEXT NOT NULL,
          sub_event_type TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL, location TEXT NOT NULL,
          latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, data TEXT NOT NULL
        );
        CREATE INDEX events_article ON events (article_id);
        CREATE TABLE rejections (
          article_id TEXT NOT NULL REFERENCES articles (article_id), stage TEXT NOT NULL, reason TEXT NOT NULL,
          detail TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
          PRIMARY KEY (article_id, stage, reason, start, "end")
        );
    """),
    ("0002_review_and_query_columns", """
        ALTER TABLE events ADD COLUMN actor1 TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN actor2 TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN country_code TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN fatalities INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE events ADD COLUMN search TEXT NOT NULL DEFAULT '';
        ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
        UPDATE events SET actor1 = data::jsonb ->> 'actor1', actor2 = data::jsonb ->> 'actor2',
          country_code = data::jsonb ->> 'country_code', fatalities = (data::jsonb ->> 'fatalities')::int,
          search = lower(concat_ws(' ', data::jsonb ->> 'actor1', data::jsonb ->> 'actor2', location, admin1,
                                   country, data::jsonb ->> 'notes'));
        CREATE TABLE reviews (
          review_id BIGSERIAL PRIMARY KEY, event_id TEXT NOT NULL, action TEXT NOT NULL, reviewer TEXT NOT NULL,
          at TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, note TEXT NOT NULL
        );
        CREATE INDEX reviews_event ON reviews (event_id);
    """),
    ("0003_events_small_columns_first_and_text_index", """
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX events_date ON events (event_date, actor1, actor2);
        CREATE INDEX events_type_date ON events (event_type, event_date);
        CREATE INDEX events_country_date ON events (country_code, event_date);
        CREATE INDEX events_status_date ON events (status, event_date);
        CREATE INDEX events_position ON events (latitude, longitude, event_date, fatalities, location, event_id);
        CREATE INDEX events_location ON events (location, event_id);
        CREATE INDEX events_fatalities ON events (fatalities, event_id);
        CREATE INDEX events_search ON events USING gin (search gin_trgm_ops);
    """),
    *COMMON_MIGRATIONS,
)


MIGRATIONS = {"sqlite": SQLITE_MIGRATIONS, "postgresql": POSTGRES_MIGRATIONS}
