import datetime as dt

import pytest

from eventwire.model import Article
from eventwire.stages.fatalities import read_number


def test_numbers_are_read_conservatively() -> None:
    assert [read_number(w) for w in ("12", "1,200", "12-15", "twenty-five", "Dozens", "hundreds", "a", "many")] == [
        12, 1200, 12, 25, 12, 100, 0, 0]


CASES = [
    ("A suicide bomber killed at least 12 people and wounded 30 in Baghdad on Tuesday.", 12),
    ("Two policemen and one polio worker were killed when gunmen attacked a checkpoint in Peshawar on Monday.", 3),
    ("A man was shot and killed by armed men in Veracruz on Friday.", 1),
    ("Militants attacked a village in Borno on Sunday. They killed two civilians and burnt houses.", 2),
    ("Gunmen attacked a police post in Kano on Monday, police said. No one was killed.", 0),
    ("Rebels clashed with the army near Goma on Monday. The death toll rose to 9.", 9),
]


@pytest.fixture(scope="module")
def short_pipeline():
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    return Pipeline(Settings.load().with_overrides(["clean.min_words=3"]))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fatalities_of_an_event(short_pipeline, text: str, expected: int) -> None:
    article = short_pipeline.run(Article(raw=text, published=dt.date(2022, 3, 10)))
    assert article.events, article.rejected
    best = max(article.events, key=lambda e: e.fatalities)
    assert best.fatalities == expected
    if expected:
        span = best.evidence.fatalities
        assert span is not None and article.text[span.start:span.end].strip()


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "On 2 February 2022, in Las Ordenitas, there was an armed clash between armed men. Three men were killed.",
    "On 23 June 2022, gunmen attacked a camp near Tiloa. Six herders were killed and a child severely wounded.",
])
def test_casualties_told_without_a_doer_after_an_act_are_its_own(short_pipeline, text: str) -> None:
    article = short_pipeline.run(Article(raw=text, published=dt.date(2022, 7, 1)))
    assert [(e.event_type, e.fatalities > 0) for e in article.events] == [(article.events[0].event_type, True)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # another incident, with its own place, date, marker or doer, stays an event of its own
    "On 3 May 2022, gunmen attacked a village near Gao. In another incident, a man was killed in Kidal.",
    "On 3 May 2022, gunmen attacked a village near Gao. On 5 May 2022, a man was killed.",
    "On 3 May 2022, gunmen attacked a village near Gao. Militants have killed three traders in Kidal.",
    "On 3 May 2022, protesters marched in Bamako. Two people were killed in Kidal on the same day.",
])
def test_casualties_of_another_incident_are_their_own_event(short_pipeline, text: str) -> None:
    article = short_pipeline.run(Article(raw=text, published=dt.date(2022, 7, 1)))
    assert len(article.events) == 2


@pytest.mark.slow
@pytest.mark.parametrize("opening", ["In another incident,", "Separately,", "Elsewhere,"])
def test_an_earlier_event_does_not_take_the_dead_of_another_incident(short_pipeline, opening: str) -> None:
    text = f"On 3 May 2022, gunmen attacked a village near Gao. {opening} gunmen killed a man in Kidal."
    article = short_pipeline.run(Article(raw=text, published=dt.date(2022, 7, 1)))
    assert sorted((e.location, e.fatalities) for e in article.events) == [("Gao", 0), ("Kidal", 1)]
