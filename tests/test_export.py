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
    assert "GeoNames" in data["attribution"]
