import datetime as dt

from eventwire.migrations import SQLITE_MIGRATIONS as MIGRATIONS
from eventwire.model import Article, Drop, Event, Evidence, Span
from eventwire.store import Store


def _article(sub: str = "Armed clash") -> Article:
    event = Event("e1", Article(raw="r").article_id, Evidence(Span(0, 4), Span(0, 4)), event_date=dt.date(2020, 1, 2),
                  sub_event_type=sub, event_type="Battles")
    return Article(raw="r", text="text", events=(event,), rejected=(Drop("events.v1", "negated", "", Span(0, 1)),))


def test_saving_twice_changes_nothing(store_location) -> None:
    store = Store(store_location)
    store.save(_article())
    before = store.counts(), list(store.events())
    store.save(_article())
    assert (store.counts(), list(store.events())) == before
    assert store.counts() == {"articles": 1, "events": 1, "rejections": 1, "incidents": 0}


def test_events_round_trip_through_the_store(store_location) -> None:
    store = Store(store_location)
    article = _article()
    store.save(article)
    assert list(store.events()) == list(article.events)


def test_migrations_are_recorded_once(store_location) -> None:
    from eventwire.migrations import MIGRATIONS as BY_DIALECT

    first = Store(store_location)
    assert [name for name, _ in BY_DIALECT[first.dialect]] == [name for name, _ in MIGRATIONS]
    first.close()
    assert Store(store_location).migrate() == []
    assert [name for name, _ in MIGRATIONS] == sorted(name for name, _ in MIGRATIONS)


def test_review_is_audited_and_survives_a_new_extraction(store_location) -> None:
    from tests.factories import make_article, takeover

    store = Store(store_location)
    article = make_article("r", [takeover(dt.date(2014, 6, 21)), takeover(dt.date(2014, 6, 21), location="Hit")])
    store.save(article)
    first, second = (e.event_id for e in article.events)
    edited, status = store.review(first, "edit", "ann", {"fatalities": 3, "location": "Rawah town"}, "from photo")
    assert (edited.fatalities, edited.location, status) == (3, "Rawah town", "edited")
    store.review(second, "reject", "bob")
    store.save(article)  # the pipeline runs again on the same article
    assert store.event(first)[0].fatalities == 3 and store.event(first)[1] == "edited"
    assert store.event(second)[1] == "rejected"
    accepted = make_article("r", [takeover(dt.date(2014, 6, 21)), takeover(dt.date(2014, 6, 22), location="Hit")])
    store.save(accepted)  # a new extraction moves the second event's date: reviewed events keep what was reviewed
    assert store.event(second)[0].event_date == dt.date(2014, 6, 21)
    history = store.history(first)
    assert history[0]["reviewer"] == "ann" and history[0]["note"] == "from photo"
    assert history[0]["before"] == {"status": "pending", "fatalities": 0, "location": "Rawah"}
    assert history[0]["after"] == {"status": "edited", "fatalities": 3, "location": "Rawah town"}


def test_review_rejects_bad_edits(store_location) -> None:
    import pytest

    from eventwire.errors import InputError, NotFoundError
    from tests.factories import make_article, takeover

    store = Store(store_location)
    article = make_article("r", [takeover(dt.date(2014, 6, 21))])
    store.save(article)
    event_id = article.events[0].event_id
    for fields in ({"event_id": "x"}, {"fatalities": -1}, {"fatalities": "many"}, {"latitude": 91.0},
                   {"event_date": "yesterday"}, {}):
        with pytest.raises(InputError):
            store.review(event_id, "edit", "ann", fields)
    with pytest.raises(InputError):
        store.review(event_id, "approve", "ann")
    with pytest.raises(NotFoundError):
        store.review("missing", "accept", "ann")
    assert store.history(event_id) == []


def test_migrations_0002_and_0003_carry_old_rows_over(tmp_path) -> None:
    import json
    import sqlite3

    from eventwire.model import to_dict
    from tests.factories import make_article, takeover

    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY)")
    db.executescript(MIGRATIONS[0][1])
    db.execute("INSERT INTO migrations VALUES (?)", (MIGRATIONS[0][0],))
    article = make_article("r", [takeover(dt.date(2014, 6, 21))])
    event = article.events[0]
    db.execute("INSERT INTO articles VALUES (?, '', '', '', NULL, '', '', 't', NULL, NULL, NULL, '[]')",
               (article.article_id,))
    db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (event.event_id, article.article_id, "2014-06-21", event.event_type, event.sub_event_type,
                event.country, event.admin1, event.location, event.latitude, event.longitude,
                json.dumps(to_dict(event))))
    db.commit()
    db.close()
    store = Store(path)
    row = store.db.execute("SELECT actor1, country_code, status, search FROM events").fetchone()
    assert row[:3] == ("Islamic State (ISIS)", "IQ", "pending") and "rawah" in row[3]
    hits = store.db.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH 'search : \"rawah\"'").fetchall()
    assert len(hits) == 1


def test_an_input_that_failed_to_read_is_tried_again(store_location) -> None:
    from eventwire.model import Drop

    store = Store(store_location)
    failed = Article(raw="", url="https://n.example/a", drop=Drop("ingest", "HTTP 503", "busy"))
    store.save(failed)
    assert not store.has_article(failed.article_id)
    store.save(Article(raw="<p>x</p>", url="https://n.example/a", text="x", drop=Drop("events", "no event", "")))
    assert store.has_article(failed.article_id)


def test_many_processes_can_open_a_new_store_at_once(tmp_path) -> None:
    import subprocess
    import sys

    path = tmp_path / "shared.sqlite"
    code = "import sys; from eventwire.store import Store; Store(sys.argv[1]).close()"
    workers = [subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE) for _ in range(6)]
    errors = [w.communicate()[1].decode() for w in workers]
    assert all(w.returncode == 0 for w in workers), errors
    assert Store(path).migrate() == []
