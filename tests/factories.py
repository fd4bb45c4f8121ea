"""Small hand-built articles and events for store, query, control and web tests (no spaCy, no gazetteer)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from eventwire.model import Article, Event, Evidence, Span

TEXT = ("Islamic State fighters seized the town of Rawah on Saturday, according to security sources. "
        "Police arrested 12 protesters in Basra on Friday.")


def span_of(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


@dataclass(frozen=True)
class Spec:
    trigger: str
    sub_event_type: str
    event_type: str
    day: dt.date
    location: str
    latitude: float
    longitude: float
    actor1: str = "Islamic State (ISIS)"
    actor2: str = "Military/security forces of Iraq"
    country_code: str = "IQ"
    country: str = "Iraq"
    admin1: str = "Anbar"
    geonameid: int | None = None


def make_article(raw: str, specs: list[Spec], text: str = TEXT, url: str = "") -> Article:
    """An article whose events point at the first sentence holding their trigger."""
    article = Article(raw=raw, text=text, url=url, title=raw[:40], outlet="Test Wire",
                      published=max((s.day for s in specs), default=None))
    events = []
    for number, spec in enumerate(specs):
        trigger = span_of(text, spec.trigger)
        end = text.find(". ", trigger.start)
        start = text.rfind(". ", 0, trigger.start)
        sentence = Span(0 if start < 0 else start + 2, len(text) if end < 0 else end + 1)
        events.append(Event(
            event_id=f"{article.article_id}-{number}", article_id=article.article_id,
            evidence=Evidence(sentence=sentence, trigger=trigger), event_date=spec.day, time_precision=1,
            event_type=spec.event_type, sub_event_type=spec.sub_event_type, actor1=spec.actor1, actor2=spec.actor2,
            country=spec.country, country_code=spec.country_code, admin1=spec.admin1, location=spec.location,
            latitude=spec.latitude, longitude=spec.longitude, geo_precision=1, geonameid=spec.geonameid,
            notes=sentence.of(text)))
    return dataclasses.replace(article, events=tuple(events))


def takeover(day: dt.date, location: str = "Rawah", actor1: str = "Islamic State (ISIS)",
             sub_event_type: str = "Non-state actor overtakes territory", geonameid: int | None = 92004) -> Spec:
    return Spec("seized", sub_event_type, "Battles", day, location, 34.48, 41.92, actor1=actor1, geonameid=geonameid)


def arrest(day: dt.date) -> Spec:
    return Spec("arrested", "Arrests", "Strategic developments", day, "Basra", 30.51, 47.78,
                actor1="Police Forces of Iraq", actor2="Protesters (Iraq)", admin1="Basra")
