import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.model import (
    Article,
    Attribution,
    Drop,
    Event,
    Evidence,
    Span,
    article_from_dict,
    event_from_dict,
    to_dict,
)

spans = st.builds(lambda a, b: Span(min(a, b), max(a, b)), st.integers(0, 10_000), st.integers(0, 10_000))
optional_spans = st.none() | spans
events = st.builds(
    Event,
    event_id=st.text(min_size=1, max_size=16),
    article_id=st.text(min_size=1, max_size=16),
    evidence=st.builds(Evidence, sentence=spans, trigger=spans, actor1=optional_spans, place=optional_spans),
    event_date=st.none() | st.dates(),
    time_precision=st.integers(0, 3),
    actor1=st.text(max_size=30),
    latitude=st.none() | st.floats(-90, 90),
    attribution=st.none() | st.builds(Attribution, source=st.text(max_size=20), span=optional_spans),
    stages=st.lists(st.text(max_size=12), max_size=4).map(tuple),
)


@given(events)
def test_event_round_trips_through_json(event: Event) -> None:
    assert event_from_dict(json.loads(json.dumps(to_dict(event)))) == event


def test_article_round_trips_with_drop_and_events() -> None:
    event = Event("e1", "a1", Evidence(Span(0, 5), Span(1, 2)), event_date=dt.date(2014, 6, 20))
    article = Article(raw="x", text="hello", published=dt.date(2014, 6, 21), events=(event,),
                      drop=Drop("clean.v1", "empty after cleaning", "1 word"),
                      rejected=(Drop("events.v1", "negated", "killed", Span(1, 3)),))
    assert article_from_dict(json.loads(json.dumps(to_dict(article)))) == article


def test_span_rejects_reversed_bounds() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)


def test_article_id_is_content_derived() -> None:
    assert Article(raw="same").article_id == Article(raw="same").article_id
    assert Article(raw="same").article_id != Article(raw="other").article_id
    assert Article(raw="a", url="http://x/1").article_id == Article(raw="b", url="http://x/1").article_id


def test_canonical_urls_identify_articles() -> None:
    from eventwire.model import Article, canonical_url

    assert canonical_url("HTTPS://News.Example/World/story/?utm_source=x&id=7&fbclid=y#top") == \
        "https://news.example/World/story?id=7"
    same = [Article(raw="a", url="https://news.example/story"), Article(raw="b", url="https://news.example/story/"),
            Article(raw="c", url="https://news.example/story?utm_medium=rss")]
    assert len({a.article_id for a in same}) == 1
    assert Article(raw="x").article_id != Article(raw="y").article_id
    assert Article(raw="", origin="a.bin").article_id != Article(raw="", origin="b.bin").article_id
