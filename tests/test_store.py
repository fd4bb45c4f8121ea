import datetime as dt

from eventwire.model import Article, Drop, Event, Evidence, Span
from eventwire.store import MIGRATIONS, Store


def _article(sub: str = "Armed clash") -> Article:
    event = Event("e1", Article(raw="r").article_id, Evidence(Span(0, 4), Span(0, 4)), event_date=dt.date(2020, 1, 2),
                  sub_event_type=sub, event_type="Battles")
    return Article(raw="r", text="text", events=(event,), rejected=(Drop("events.v1", "negated", "", Span(0, 1)),))


def test_saving_twice_changes_nothing(tmp_path) -> None:
    store = Store(tmp_path / "s.sqlite")
    store.save(_article())
    before = store.counts(), list(store.events())
    store.save(_article())
    assert (store.counts(), list(store.events())) == before
    assert store.counts() == {"articles": 1, "events": 1, "rejections": 1}


def test_events_round_trip_through_the_store(tmp_path) -> None:
    store = Store(tmp_path / "s.sqlite")
    article = _article()
    store.save(article)
    assert list(store.events()) == list(article.events)


def test_migrations_are_recorded_once(tmp_path) -> None:
    path = tmp_path / "s.sqlite"
    Store(path).close()
    assert Store(path).migrate() == []
    assert [name for name, _ in MIGRATIONS] == sorted(name for name, _ in MIGRATIONS)
