import csv
import io
import json

from eventwire.export import EXPORTERS, FLAT_FIELDS
from eventwire.model import Event, Evidence, Span

EVENT = Event("e1", "a1", Evidence(Span(0, 4), Span(1, 3), place=Span(5, 9)), location="Rawah",
              latitude=34.48, longitude=41.92, sub_event_type="Armed clash")


def test_every_format_writes_every_event() -> None:
    for name, exporter in EXPORTERS.items():
        out = io.StringIO()
        assert exporter([EVENT, EVENT], out) == 2, name


def test_csv_has_acled_columns_and_evidence() -> None:
    out = io.StringIO()
    EXPORTERS["csv"]([EVENT], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(FLAT_FIELDS)
    assert rows[0]["evidence"] == "sentence=0:4 trigger=1:3 place=5:9"


def test_geojson_has_point_geometry_and_geonames_credit() -> None:
    out = io.StringIO()
    EXPORTERS["geojson"]([EVENT], out)
    data = json.loads(out.getvalue())
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [41.92, 34.48]}
    assert "GeoNames" in data["attribution"] and "geoBoundaries" in data["attribution"]


def test_acled_csv_has_acleds_columns_in_acleds_order() -> None:
    import dataclasses
    import datetime as dt

    from eventwire.acled import ACLED_COLUMNS

    event = dataclasses.replace(EVENT, event_date=dt.date(2014, 6, 21), country_code="IQ", country="Iraq", iso=368)
    out = io.StringIO()
    assert EXPORTERS["acled-csv"]([event], out) == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(header) == ACLED_COLUMNS and header[:3] == ["event_id_cnty", "event_date", "year"]
    record = dict(zip(header, row, strict=True))
    assert record["event_id_cnty"].startswith("IRQ") and record["region"] == "Middle East"
    assert record["year"] == "2014" and record["location"] == "Rawah"


def test_parquet_round_trips_through_pyarrow(tmp_path) -> None:
    import pyarrow.parquet as pq

    from eventwire.export import write_parquet

    path = tmp_path / "events.parquet"
    assert write_parquet([EVENT, EVENT], path) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2 and table.column("location").to_pylist() == ["Rawah", "Rawah"]
    attribution = table.schema.metadata[b"attribution"]
    assert b"GeoNames" in attribution and b"geoBoundaries" in attribution
    assert write_parquet([], tmp_path / "empty.parquet") == 0
