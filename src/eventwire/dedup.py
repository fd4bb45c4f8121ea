"""Cross-article dedup: reports of the same real event merge into one incident that lists every source.

A corpus step (many events in, incidents out). Two reports are the same event when they have the same event and
sub-event type, dates within `window_days` (the same day within one article), places within `max_km` (or the
same GeoNames place, or the same named admin2) and compatible actors (the same actor1, or one side unnamed or
unidentified). Within one article this is ACLED's own rule (one event per type, place, day and actors: an
article telling one bombing twice, or two of the same kind in one town that day, gives one event); across
articles it is the same story from several outlets. Grouping is complete-linkage over the reports sorted by a
canonical key, so the result does not depend on input order, and every merge keeps its reason. Fatalities
are reconciled conservatively: each article's highest figure, then the lowest of those across articles
(reports that give none do not count).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire import geodesy
from eventwire.model import Event

UNNAMED = ("", "Unidentified Armed Group", "Unidentified")


@dataclass(frozen=True)
class DedupRules:
    window_days: int = 2
    max_km: float = 25.0


@dataclass(frozen=True)
class Incident:
    """One real-world event: the merged record, its reports, their articles, and why they were merged."""

    incident_id: str
    event: Event
    reports: tuple[Event, ...]
    reasons: tuple[str, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(sorted({r.article_id for r in self.reports}))


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    assert a.latitude is not None and a.longitude is not None and b.latitude is not None and b.longitude is not None
    return geodesy.km((a.latitude, a.longitude), (b.latitude, b.longitude))


def _same_place(a: Event, b: Event, rules: DedupRules) -> str | None:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same place"
    km = distance_km(a, b)
    if km is not None and km <= rules.max_km:
        return f"{km:.0f} km apart"
    if a.admin2 and a.admin2 == b.admin2 and a.country_code == b.country_code:
        return f"same district ({a.admin2})"
    if km is None and a.location and a.location == b.location and a.country_code == b.country_code:
        return "same place name"
    return None


def _actor_root(name: str) -> str:
    return name.split(" (")[0].strip()


def _same_actors(a: Event, b: Event) -> str | None:
    if _actor_root(a.actor1) == _actor_root(b.actor1) and a.actor1:
        return "same actor1"
    if _actor_root(a.actor1) in UNNAMED or _actor_root(b.actor1) in UNNAMED:
        return "actor1 unnamed in one report"
    return None


def same_event(a: Event, b: Event, rules: DedupRules = DedupRules()) -> str | None:
    """Why two reports describe the same event, or None when they may not."""
    if a.event_type != b.event_type or a.sub_event_type != b.sub_event_type:
        return None
    if a.event_date is None or b.event_date is None:
        return None
    days = abs((a.event_date - b.event_date).days)
    if days > (0 if a.article_id == b.article_id else rules.window_days):
        return None
    place = _same_place(a, b, rules)
    actors = _same_actors(a, b) if place else None
    if place is None or actors is None:
        return None
    return f"{a.event_id}~{b.event_id}: {a.sub_event_type}, {days} day(s) apart, {place}, {actors}"


def _merge(reports: list[Event]) -> Event:
    best = max(reports, key=lambda e: (e.confidence, e.geo_precision == 1, -(e.time_precision or 9), e.event_id))
    dates = Counter(e.event_date for e in reports if e.event_date is not None)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else best.event_date
    per_article: dict[str, int] = {}
    for e in reports:
        per_article[e.article_id] = max(per_article.get(e.article_id, 0), e.fatalities)
    given = [n for n in per_article.values() if n > 0]
    sources = sorted({e.source for e in reports if e.source})
    return dataclasses.replace(best, event_date=date, fatalities=min(given) if given else 0,
                               source="; ".join(sources) or best.source)


def group_events(events: Iterable[Event], rules: DedupRules = DedupRules()) -> list[Incident]:
    """Incidents of every event; an event that matches no other is an incident of one report."""
    ordered = sorted(events, key=lambda e: (e.event_date or dt.date.min, e.event_id))
    clusters: list[tuple[list[Event], list[str]]] = []
    open_by_type: dict[tuple[str, str], list[int]] = {}
    for event in ordered:
        key = (event.event_type, event.sub_event_type)
        if event.event_date is not None:  # a cluster whose first report is too old can take no more
            horizon = event.event_date - dt.timedelta(days=rules.window_days)
            open_by_type[key] = [i for i in open_by_type.get(key, [])
                                 if (clusters[i][0][0].event_date or dt.date.min) >= horizon]
        best: tuple[float, int, list[str]] | None = None
        for index in open_by_type.get(key, []):
            members, _ = clusters[index]
            found = [same_event(member, event, rules) for member in members]
            why = [reason for reason in found if reason]
            if len(why) == len(found):
                km = min(distance_km(m, event) or 0.0 for m in members)
                if best is None or (km, index) < best[:2]:
                    best = (km, index, why)
        if best is None:
            clusters.append(([event], []))
            if event.event_date is not None:  # an undated report can never merge: no need to keep it open
                open_by_type.setdefault(key, []).append(len(clusters) - 1)
        else:
            clusters[best[1]][0].append(event)
            clusters[best[1]][1].append(best[2][0])
    incidents = []
    for members, merged_because in clusters:
        ids = sorted(m.event_id for m in members)
        incident_id = hashlib.sha256("|".join(ids).encode()).hexdigest()[:16]
        merged = dataclasses.replace(_merge(members), event_id=incident_id)
        incidents.append(Incident(incident_id, merged, tuple(sorted(members, key=lambda m: m.event_id)),
                                  tuple(merged_because)))
    return sorted(incidents, key=lambda i: (i.event.event_date or dt.date.min, i.incident_id))
