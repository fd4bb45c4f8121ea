"""ACLED's export layout: its column names and order, and its region names, so our CSV concatenates with
ACLED downloads (`acled-csv`)."""

from __future__ import annotations

from functools import cache
from typing import Any

from eventwire.errors import ResourceError
from eventwire.gazetteer.countryinfo import countryinfo_by_iso
from eventwire.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
_SPECIAL = {"AM": "Caucasus and Central Asia", "AZ": "Caucasus and Central Asia", "GE": "Caucasus and Central Asia",
            "IR": "Middle East"}
_SUBREGIONS = {"Northern Africa": "Northern Africa", "Northern America": "North America",
               "Central Asia": "Caucasus and Central Asia", "Western Asia": "Middle East",
               "Southern Asia": "South Asia", "South-eastern Asia": "Southeast Asia", "Eastern Asia": "East Asia"}


@cache
def _regions() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 -> (ISO alpha-3, ACLED region), from the countryinfo package's UN regions."""
    try:
        records = countryinfo_by_iso()
    except ResourceError:
        return {}
    table = {}
    for code, data in records.items():
        region, sub, middle = data.get("region", ""), data.get("subregion", ""), data.get("intermediateregion", "")
        if region in ("Europe", "Oceania"):
            name = region
        elif sub in ("Sub-Saharan Africa", "Latin America and the Caribbean"):
            name = middle
        else:
            name = _SUBREGIONS.get(sub, "")
        table[code] = ((data.get("ISO") or {}).get("alpha3", ""), _SPECIAL.get(code, name))
    return table


def acled_row(event: Event, timestamp: int) -> dict[str, Any]:
    """One event in ACLED's columns; ids are prefixed with the ISO alpha-3 code as ACLED's are."""
    alpha3, region = _regions().get(event.country_code, ("", ""))
    return {
        "event_id_cnty": f"{alpha3 or 'XXX'}EW{event.event_id}",
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision, "disorder_type": event.disorder_type,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type, "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1, "inter1": event.inter1, "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2, "inter2": event.inter2, "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting, "iso": event.iso or "", "region": region,
        "country": event.country, "admin1": event.admin1, "admin2": event.admin2, "admin3": event.admin3,
        "location": event.location, "latitude": event.latitude if event.latitude is not None else "",
        "longitude": event.longitude if event.longitude is not None else "", "geo_precision": event.geo_precision,
        "source": event.source, "source_scale": "", "notes": event.notes, "fatalities": event.fatalities,
        "tags": "eventwire", "timestamp": timestamp,
    }
