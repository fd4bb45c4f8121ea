"""Exporters: every format writes an iterable of events to a text stream through one interface.

Formats share one mapping (`event_record`) from an event to flat ACLED-named fields plus evidence.
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from eventwire.acled import ACLED_COLUMNS, acled_row
from eventwire.errors import ResourceError
from eventwire.gazetteer.build import PLACE_CREDIT
from eventwire.model import Event, to_dict

Exporter = Callable[[Iterable[Event], TextIO], int]

FLAT_FIELDS = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
    "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities", "attribution", "confidence", "article_id", "geonameid", "evidence",
)


def event_record(event: Event) -> dict[str, Any]:
    """Flat fields: attribution as its source text, evidence spans as "name=start:end" pairs."""
    data = to_dict(event)
    data["attribution"] = event.attribution.source if event.attribution else ""
    spans = [f"{name}={span['start']}:{span['end']}" for name, span in data["evidence"].items() if span]
    data["evidence"] = " ".join(spans)
    return {name: data[name] for name in FLAT_FIELDS}


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(to_dict(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(event_record(event))
        count += 1
    return count


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    features = [
        {"type": "Feature", "id": e.event_id,
         "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]}
         if e.latitude is not None and e.longitude is not None else None,
         "properties": event_record(e)}
        for e in events
    ]
    json.dump({"type": "FeatureCollection", "attribution": PLACE_CREDIT, "features": features},
              out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    """ACLED's columns in ACLED's order, so the file concatenates with ACLED downloads."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    stamp = int(time.time())
    count = 0
    for event in events:
        writer.writerow(acled_row(event, stamp))
        count += 1
    return count


EXPORTERS: dict[str, Exporter] = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson,
                                  "acled-csv": write_acled_csv}


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """A Parquet file of the flat fields (what `csv` holds), typed, with the GeoNames credit in its metadata."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ResourceError("Parquet export needs pyarrow: pip install 'eventwire[ingest]'") from exc
    rows = [event_record(e) for e in events]
    columns = {name: [row[name] for row in rows] for name in FLAT_FIELDS}
    table = pa.table(columns) if rows else pa.table({name: pa.array([], pa.string()) for name in FLAT_FIELDS})
    table = table.replace_schema_metadata({"attribution": PLACE_CREDIT})
    pq.write_table(table, path)
    return len(rows)
