import datetime as dt

from eventwire.control import territorial_control
from tests.factories import arrest, make_article, takeover

D = dt.date


def _events(*specs):
    return list(make_article("r", list(specs)).events)


def test_the_latest_change_on_or_before_the_date_decides() -> None:
    events = _events(takeover(D(2014, 6, 21)),
                     takeover(D(2014, 7, 1), actor1="Military Forces of Iraq",
                              sub_event_type="Government regains territory"))
    before = territorial_control(events, on=D(2014, 6, 25))
    assert [(c.location, c.controller, c.since) for c in before] == [("Rawah", "Islamic State (ISIS)", D(2014, 6, 21))]
    after = territorial_control(events, on=D(2014, 7, 2))
    assert after[0].controller == "Military Forces of Iraq"
    assert [c.previous for c in after[0].changes] == ["", "Islamic State (ISIS)"]
    assert territorial_control(events, on=D(2014, 6, 1)) == []


def test_since_is_the_start_of_the_current_hold() -> None:
    events = _events(takeover(D(2014, 6, 1)), takeover(D(2014, 6, 10)))
    assert territorial_control(events)[0].since == D(2014, 6, 1)


def test_non_territory_events_and_other_countries_are_left_out() -> None:
    events = _events(takeover(D(2014, 6, 21)), arrest(D(2014, 6, 20)))
    assert [c.location for c in territorial_control(events, country="IQ")] == ["Rawah"]
    assert territorial_control(events, country="SY") == []


def test_the_view_does_not_depend_on_event_order() -> None:
    events = _events(takeover(D(2014, 6, 21)), takeover(D(2014, 7, 1), actor1="Kurdish Regional Government"),
                     takeover(D(2014, 6, 2), location="Hit", geonameid=None))
    assert territorial_control(events) == territorial_control(list(reversed(events)))
