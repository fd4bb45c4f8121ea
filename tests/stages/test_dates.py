import datetime as dt

import pytest

from eventwire.stages.dates import resolve_date

SATURDAY = dt.date(2014, 6, 21)


@pytest.mark.parametrize(("expression", "expected"), [
    ("Friday", (dt.date(2014, 6, 20), 1)),
    ("late on Friday", (dt.date(2014, 6, 20), 1)),
    ("today", (SATURDAY, 1)),
    ("yesterday", (dt.date(2014, 6, 20), 1)),
    ("overnight", (dt.date(2014, 6, 20), 1)),
    ("Monday", (dt.date(2014, 6, 16), 1)),
    ("three days ago", (dt.date(2014, 6, 18), 1)),
    ("20 June 2014", (dt.date(2014, 6, 20), 1)),
    ("June 20", (dt.date(2014, 6, 20), 1)),
    ("25 December", (dt.date(2013, 12, 25), 1)),
    ("earlier this week", (dt.date(2014, 6, 19), 2)),
    ("last week", (dt.date(2014, 6, 14), 2)),
    ("May", (dt.date(2014, 5, 15), 3)),
])
def test_resolves_relative_to_publication(expression, expected) -> None:
    assert resolve_date(expression, SATURDAY) == expected


def test_relative_dates_need_a_publication_date_but_explicit_ones_do_not() -> None:
    assert resolve_date("Friday", None) is None
    assert resolve_date("8 June 2022", None) == (dt.date(2022, 6, 8), 1)


def test_impossible_dates_are_unresolved() -> None:
    assert resolve_date("31 February", SATURDAY) is None


def test_weekday_dates_never_fall_after_publication() -> None:
    for offset in range(14):
        published = SATURDAY + dt.timedelta(days=offset)
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
            resolved = resolve_date(day, published)
            assert resolved is not None and published - dt.timedelta(days=6) <= resolved[0] <= published


def test_a_month_told_within_it_never_falls_after_publication() -> None:
    # "in March", published on 7 March: the month so far, not its middle after the article
    assert resolve_date("March", dt.date(2020, 3, 7)) == (dt.date(2020, 3, 7), 3)
    assert resolve_date("March", dt.date(2020, 3, 20)) == (dt.date(2020, 3, 15), 3)
    assert resolve_date("March 2019", dt.date(2020, 3, 7)) == (dt.date(2019, 3, 15), 3)
    assert resolve_date("last March", dt.date(2020, 3, 7)) == (dt.date(2019, 3, 15), 3)  # a year before


def _dated(pipeline, text: str):
    from eventwire.model import Article

    return [(e.event_date, e.time_precision) for e in pipeline.run(Article(raw=text)).events]


@pytest.mark.slow
def test_an_approximate_day_keeps_its_day_at_week_precision(brief_pipeline) -> None:
    dated = _dated(brief_pipeline, "Around 22 March 2022 (as reported), gunmen attacked the village of Gao.")
    assert dated == [(dt.date(2022, 3, 22), 2)]


@pytest.mark.slow
def test_an_act_with_no_date_of_its_own_takes_the_day_told_just_before(brief_pipeline) -> None:
    dated = _dated(brief_pipeline, "On 4 May 2022, residents gathered in Gao. Later, gunmen attacked the market "
                                   "of Gao and looted shops.")
    assert dated and all(found == (dt.date(2022, 5, 4), 1) for found in dated)
