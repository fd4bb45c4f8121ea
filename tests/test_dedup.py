import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.dedup import group_events, same_event
from eventwire.model import Event, Evidence, Span

D = dt.date(2015, 3, 3)


def report(article: str, number: int = 0, *, day: dt.date = D, sub: str = "Suicide bomb", lat: float = 33.31,
           lon: float = 44.36, actor1: str = "Islamic State (ISIS)", fatalities: int = 0, source: str = "") -> Event:
    event_type = "Explosions/Remote violence" if sub in ("Suicide bomb", "Remote explosive/landmine/IED") else "Battles"
    return Event(f"{article}-{number}", article, Evidence(Span(0, 5), Span(0, 3)), event_date=day,
                 event_type=event_type, sub_event_type=sub, actor1=actor1, latitude=lat, longitude=lon,
                 location="Baghdad", country_code="IQ", fatalities=fatalities, source=source or article)


def test_three_outlets_make_one_incident_with_three_sources() -> None:
    reports = [report("reuters", fatalities=12), report("ap", day=D + dt.timedelta(days=1), fatalities=14),
               report("afp", actor1="", lat=33.35, lon=44.40)]
    [incident] = group_events(reports)
    assert incident.article_ids == ("afp", "ap", "reuters")
    assert incident.event.fatalities == 12  # the lowest figure given
    assert incident.event.event_date == D
    assert incident.event.source == "afp; ap; reuters"
    assert len(incident.reasons) == 2 and all("Suicide bomb" in r for r in incident.reasons)


def test_different_events_stay_apart() -> None:
    base = report("a")
    assert same_event(base, report("a", 1, day=D + dt.timedelta(days=1))) is None  # one article, two days
    assert same_event(base, report("b", sub="Remote explosive/landmine/IED")) is None
    assert same_event(base, report("b", day=D + dt.timedelta(days=5))) is None
    assert same_event(base, report("b", lat=36.34, lon=43.13)) is None  # Mosul
    assert same_event(base, report("b", actor1="Military Forces of Iraq")) is None


def test_two_attacks_in_one_town_on_one_day_stay_two() -> None:
    incidents = group_events([report("a", 0), report("a", 1, sub="Remote explosive/landmine/IED"),
                              report("b", 0), report("b", 1, sub="Remote explosive/landmine/IED")])
    assert sorted(len(i.reports) for i in incidents) == [2, 2]
    assert {i.event.sub_event_type for i in incidents} == {"Suicide bomb", "Remote explosive/landmine/IED"}


def test_one_article_telling_one_act_twice_gives_one_event_with_its_highest_figure() -> None:
    [incident] = group_events([report("a", 0, fatalities=14), report("a", 1), report("b", 0, fatalities=15)])
    assert len(incident.reports) == 3 and incident.article_ids == ("a", "b")
    assert incident.event.fatalities == 14  # a: max(14, 0); b: 15; the lowest of the two


reports_strategy = st.lists(
    st.builds(report, article=st.sampled_from("abcdef"), number=st.integers(0, 3),
              day=st.dates(D, D + dt.timedelta(days=6)), lat=st.floats(33.0, 33.6), lon=st.floats(44.0, 44.6),
              actor1=st.sampled_from(["", "Islamic State (ISIS)", "Military Forces of Iraq"]),
              fatalities=st.integers(0, 20)),
    max_size=25, unique_by=lambda e: e.event_id)


@settings(max_examples=60, deadline=None)
@given(reports_strategy, st.randoms())
def test_grouping_is_order_independent_and_idempotent(reports: list[Event], rng: random.Random) -> None:
    incidents = group_events(reports)
    shuffled = reports[:]
    rng.shuffle(shuffled)
    assert group_events(shuffled) == incidents
    assert sorted(e.event_id for i in incidents for e in i.reports) == sorted(e.event_id for e in reports)
    for incident in incidents:  # complete linkage: every two reports of an incident are the same event
        members = incident.reports
        assert all(same_event(a, b) for a in members for b in members if a is not b)
