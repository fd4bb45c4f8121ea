"""The canonical example coded exactly as its .json says (the foundation's acceptance test)."""

import datetime as dt
import math

import pytest

from eventwire.gazetteer.names import normalize_name

pytestmark = pytest.mark.slow


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _matches(event, gold) -> bool:
    types = gold.get("event_type_any", [gold.get("event_type")])
    subs = gold.get("sub_event_type_any", [gold.get("sub_event_type")])
    return (event.event_type in types and event.sub_event_type in subs
            and event.actor1 == gold["actor1"] and event.actor2 == gold["actor2"]
            and normalize_name(event.location) == normalize_name(gold["location"])
            and event.country == gold["country"] and event.admin1 == gold["admin1"]
            and _km((event.latitude, event.longitude), tuple(gold["near"])) <= gold["within_km"]
            and event.event_date == dt.date.fromisoformat(gold["event_date"])
            and event.time_precision == gold["time_precision"]
            and event.attribution is not None and event.attribution.source == gold["attribution"])


def test_must_have_events_are_found(example_article, example_gold) -> None:
    for gold in example_gold["expected"]["must_have_events"]:
        assert any(_matches(e, gold) for e in example_article.events), gold["location"]


def test_exactly_the_two_events_and_none_of_the_traps(example_article) -> None:
    events = example_article.events
    assert len(events) == 2
    assert not any(e.location == "Mosul" for e in events)
    assert not any(e.country_code == "US" for e in events)


def test_nothing_comes_from_the_boilerplate(example_article, example_gold) -> None:
    for line in example_gold["expected"]["boilerplate_lines"]:
        assert line not in example_article.text
    assert example_article.text.startswith("Sunni fighters have captured two towns")


def test_every_evidence_span_lies_in_the_cleaned_text(example_article) -> None:
    text = example_article.text
    for event in example_article.events:
        for name, span in vars(event.evidence).items():
            if span is not None:
                assert 0 <= span.start < span.end <= len(text), name
                assert span.of(text).strip(), name
        assert event.evidence.sentence.contains(event.evidence.trigger)
        assert event.notes == event.evidence.sentence.of(text).strip()
