"""Territorial control: who holds which place since when, derived from territory events.

A corpus step (many events in, a view out): every takeover, regain or non-violent transfer hands the place to
its actor1; the latest change on or before the query date decides the controller. Each place lists the
changes behind it, so the view is explainable event by event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.model import Event

TERRITORY_EVENTS = frozenset({
    "Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory",
})


@dataclass(frozen=True)
class ControlChange:
    event_id: str
    date: dt.date
    controller: str
    previous: str
    sub_event_type: str


@dataclass(frozen=True)
class Control:
    """The controller of one place on the query date, with every change up to that date."""

    place: str
    location: str
    country: str
    country_code: str
    admin1: str
    latitude: float | None
    longitude: float | None
    controller: str
    since: dt.date
    changes: tuple[ControlChange, ...]


def _place_key(event: Event) -> str:
    if event.geonameid is not None:
        return f"geonames:{event.geonameid}"
    return f"{event.country_code or event.country}:{event.location.casefold()}"


def territorial_control(events: Iterable[Event], on: dt.date | None = None, country: str = "") -> list[Control]:
    """Control of every place touched by a dated territory event on or before `on` (default: all dates).

    `country` filters by ISO alpha-2 code or country name. Places are sorted by country, then location.
    """
    chosen = sorted(
        (e for e in events if e.sub_event_type in TERRITORY_EVENTS and e.event_date is not None and e.location
         and (on is None or e.event_date <= on) and (not country or country in (e.country_code, e.country))),
        key=lambda e: (e.event_date or dt.date.min, e.event_id),
    )
    history: dict[str, list[Event]] = {}
    for event in chosen:
        history.setdefault(_place_key(event), []).append(event)
    view = []
    for key, place_events in history.items():
        changes: list[ControlChange] = []
        previous = ""
        for event in place_events:
            assert event.event_date is not None
            changes.append(ControlChange(event.event_id, event.event_date, event.actor1, previous,
                                         event.sub_event_type))
            previous = event.actor1
        last = place_events[-1]
        since = next(c.date for c in changes if c.controller == last.actor1 and
                     all(later.controller == last.actor1 for later in changes[changes.index(c):]))
        view.append(Control(key, last.location, last.country, last.country_code, last.admin1, last.latitude,
                            last.longitude, last.actor1, since, tuple(changes)))
    return sorted(view, key=lambda c: (c.country, c.location, c.place))
