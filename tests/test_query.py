import datetime as dt

import pytest

from eventwire.errors import InputError
from eventwire.query import BBox, EventFilter, count_by_day, select_events, select_points
from eventwire.store import Store
from tests.factories import arrest, make_article, takeover

D = dt.date


@pytest.fixture
def store(store_location):
    store = Store(store_location)
    store.save(make_article("a", [takeover(D(2014, 6, 21)), arrest(D(2014, 6, 20))]))
    store.save(make_article("b", [takeover(D(2014, 6, 25), location="Hit")]))
    return store


def _locations(store, where, **options):
    return [row[0].split('"location": "')[1].split('"')[0] for row in select_events(store.db, where, **options).rows]


def test_filters_combine(store) -> None:
    assert select_events(store.db, EventFilter()).total == 3
    assert _locations(store, EventFilter(start=D(2014, 6, 21), end=D(2014, 6, 21))) == ["Rawah"]
    assert _locations(store, EventFilter(event_types=("Strategic developments",))) == ["Basra"]
    assert _locations(store, EventFilter(actor="police")) == ["Basra"]
    assert _locations(store, EventFilter(text="HIT")) == ["Hit"]
    assert select_events(store.db, EventFilter(country="IQ")).total == 3
    assert select_events(store.db, EventFilter(country="Syria")).total == 0
    assert _locations(store, EventFilter(bbox=BBox(45, 29, 50, 32))) == ["Basra"]


def test_sorting_and_paging(store) -> None:
    assert _locations(store, EventFilter(), sort="event_date") == ["Basra", "Rawah", "Hit"]
    page = select_events(store.db, EventFilter(), sort="-event_date", limit=1, offset=1)
    assert page.total == 3 and len(page.rows) == 1 and "Rawah" in page.rows[0][0]
    with pytest.raises(InputError):
        select_events(store.db, EventFilter(), sort="event_date; DROP TABLE events")


def test_filter_values_cannot_inject_sql(store) -> None:
    for hostile in ("' OR 1=1 --", "%", "_", "Hit'; DROP TABLE events; --"):
        assert select_events(store.db, EventFilter(text=hostile)).total == 0
        assert select_events(store.db, EventFilter(country=hostile, actor=hostile)).total == 0
    assert store.counts()["events"] == 3


def test_bbox_parsing_and_antimeridian() -> None:
    assert BBox.parse("170,-20,-170,20") == BBox(170, -20, -170, 20)
    clause, params = EventFilter(bbox=BBox(170, -20, -170, 20)).where()
    assert "OR" in clause and params == [-20, 20, 170, -170]
    for bad in ("1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10"):
        with pytest.raises(InputError):
            BBox.parse(bad)


def test_points_and_day_counts(store) -> None:
    total, points = select_points(store.db, EventFilter(), limit=2)
    assert total == 3 and len(points) == 2 and points[0][4] == "2014-06-25"
    days = count_by_day(store.db, EventFilter())
    assert [(d["day"], d["count"]) for d in days] == [("2014-06-20", 1), ("2014-06-21", 1), ("2014-06-25", 1)]
