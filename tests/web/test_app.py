import csv
import datetime as dt
import io
import json

import pytest
from fastapi.testclient import TestClient

from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.web.app import create_app
from tests.factories import arrest, make_article, takeover

D = dt.date
TOKEN = "s3cret-token-for-tests"
WRITE = {"Authorization": f"Bearer {TOKEN}"}


def _client(location, **values) -> tuple[TestClient, Store]:
    path = location
    store = Store(path)
    store.save(make_article("a", [takeover(D(2014, 6, 21)), arrest(D(2014, 6, 20))], url="https://example.org/a"))
    store.save(make_article("b", [takeover(D(2014, 7, 1), location="Rawah", actor1="Military Forces of Iraq",
                                           sub_event_type="Government regains territory")]))
    settings = Settings.load().with_values({"web.write_tokens": [f"ann:{TOKEN}"], **values})
    return TestClient(create_app(settings, path)), store


@pytest.fixture
def client(store_location) -> TestClient:
    return _client(store_location)[0]


def _error(response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["code"]
    return body["error"]["message"]


def test_events_filters_paging_and_sorting(client) -> None:
    page = client.get("/events", params={"limit": 2, "sort": "event_date"}).json()
    assert page["total"] == 3 and page["limit"] == 2 and [e["event_date"] for e in page["events"]] == [
        "2014-06-20", "2014-06-21"]
    assert all(e["review_status"] == "pending" for e in page["events"])
    only = client.get("/events", params={"event_type": "Strategic developments", "country": "IQ"}).json()
    assert [e["location"] for e in only["events"]] == ["Basra"]
    boxed = client.get("/events", params={"bbox": "40,33,43,35", "start": "2014-06-21", "end": "2014-06-30"})
    assert [e["event_date"] for e in boxed.json()["events"]] == ["2014-06-21"]
    assert client.get("/events", params={"actor": "military forces"}).json()["total"] == 1


def test_geojson_points_and_download_carry_credit(client) -> None:
    geo = client.get("/events", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and "GeoNames" in geo["attribution"]
    assert geo["features"][0]["geometry"]["type"] == "Point"
    points = client.get("/events/points").json()
    assert points["total"] == 3 and len(points["points"][0]) == len(points["fields"])
    download = client.get("/events/download", params={"format": "csv", "event_type": "Battles"})
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [r["location"] for r in rows] == ["Rawah", "Rawah"] and "GeoNames" in download.headers["X-Data-Credit"]


def test_provenance_gives_the_evidence_of_every_field(client) -> None:
    event_id = client.get("/events", params={"actor": "police"}).json()["events"][0]["event_id"]
    detail = client.get(f"/events/{event_id}").json()
    assert detail["evidence"]["sentence"] == "Police arrested 12 protesters in Basra on Friday."
    trigger = next(f for f in detail["evidence"]["fields"] if f["field"] == "trigger")
    assert trigger["text"] == "arrested"
    assert detail["sources"][0]["outlet"] == "Test Wire" and "GeoNames" in detail["credits"]
    assert "no event" in _error(client.get("/events/nope"), 404)


def test_stats_and_control(client) -> None:
    stats = client.get("/stats").json()
    assert stats["total"] == 3 and stats["by_type"] == {"Battles": 2, "Strategic developments": 1}
    control = client.get("/control", params={"country": "IQ", "on": "2014-06-22"}).json()
    assert [(p["location"], p["controller"]) for p in control["places"]] == [("Rawah", "Islamic State (ISIS)")]
    later = client.get("/control", params={"on": "2014-07-02"}).json()["places"][0]
    assert later["controller"] == "Military Forces of Iraq" and len(later["changes"]) == 2
    _error(client.get("/control", params={"on": "June"}), 400)


def test_bad_filters_get_a_clear_4xx(client) -> None:
    assert "bbox" in _error(client.get("/events", params={"bbox": "1,2"}), 400)
    assert "sort" in _error(client.get("/events", params={"sort": "event_date desc; DROP TABLE events"}), 400)
    assert "status" in _error(client.get("/events", params={"status": "approved"}), 400)
    _error(client.get("/events", params={"limit": "many"}), 422)
    _error(client.get("/events", params={"start": "2014-13-01"}), 400)
    _error(client.get("/events", params={"offset": 10**20}), 422)
    assert "NUL" in _error(client.get("/events", params={"q": "\x00abc"}), 400)


def test_filters_cannot_inject_sql(store_location) -> None:
    client, store = _client(store_location)
    for hostile in ("' OR '1'='1", "x'; DROP TABLE events; --", "%' OR 1=1 --", "\\"):
        for name in ("country", "actor", "q", "admin1", "event_type", "sub_event_type"):
            response = client.get("/events", params={name: hostile})
            assert response.status_code == 200 and response.json()["total"] == 0, (name, hostile)
    assert store.counts()["events"] == 3


def test_writes_need_a_valid_token(store_location) -> None:
    client, _ = _client(store_location)
    event_id = client.get("/events").json()["events"][0]["event_id"]
    _error(client.post(f"/events/{event_id}/review", json={"action": "accept"}), 401)
    _error(client.post(f"/events/{event_id}/review", json={"action": "accept"},
                       headers={"Authorization": "Bearer wrong-token"}), 403)
    _error(client.post("/articles", json={"text": "Fighters seized the town."}), 401)
    # the token is checked before a body is even read: garbage or a huge body without one is still 401
    _error(client.post(f"/events/{event_id}/review", content=b"{" * 200_000), 401)
    _error(client.post(f"/events/{event_id}/review", content=b"x" * 200_000, headers=WRITE), 413)
    closed, _ = _client(store_location, **{"web.write_tokens": []})
    assert "no write token" in _error(closed.post("/articles", content=b"text", headers=WRITE), 403)


def test_closed_reads_need_a_token(store_location) -> None:
    client, _ = _client(store_location, **{"web.open_reads": False})
    _error(client.get("/events"), 401)
    _error(client.get("/events", headers={"Authorization": "Bearer nope-nope"}), 403)
    assert client.get("/events", headers={"X-Eventwire-Token": TOKEN}).json()["total"] == 3
    assert client.get("/").status_code == 200  # the page itself loads, and asks for a token


def test_review_accept_edit_and_audit_trail(client) -> None:
    event_id = client.get("/events", params={"actor": "police"}).json()["events"][0]["event_id"]
    accepted = client.post(f"/events/{event_id}/review", json={"action": "accept"}, headers=WRITE).json()
    assert accepted["event"]["review_status"] == "accepted"
    edited = client.post(f"/events/{event_id}/review", headers=WRITE,
                         json={"action": "edit", "fields": {"fatalities": 2, "event_date": "2014-06-19"},
                               "note": "second source"}).json()
    assert edited["event"]["fatalities"] == 2 and edited["event"]["event_date"] == "2014-06-19"
    assert [(h["action"], h["reviewer"]) for h in edited["history"]] == [("accept", "ann"), ("edit", "ann")]
    assert edited["history"][1]["before"]["event_date"] == "2014-06-20"
    assert client.get("/events", params={"status": "edited"}).json()["total"] == 1
    assert "cannot be edited" in _error(client.post(f"/events/{event_id}/review", headers=WRITE, json={
        "action": "edit", "fields": {"article_id": "x"}}), 400)
    _error(client.post(f"/events/{event_id}/review", headers=WRITE, json={"action": "approve"}), 422)


def test_submissions_are_size_limited_and_validated(store_location) -> None:
    client, _ = _client(store_location, **{"web.max_submit_bytes": 1000})
    assert "limit" in _error(client.post("/articles", content=b"x" * 2000, headers=WRITE), 413)
    assert "malformed" in _error(client.post("/articles", content=b"{not json",
                                             headers={**WRITE, "Content-Type": "application/json"}), 400)
    _error(client.post("/articles", json=["a list"], headers=WRITE), 422)
    _error(client.post("/articles", json={"text": "x", "published": "June"}, headers=WRITE), 422)
    _error(client.post("/articles", content=b"%PDF\x00\x01", headers={**WRITE, "Content-Type": "text/plain"}), 400)
    _error(client.post("/articles", content=b"<x/>", headers={**WRITE, "Content-Type": "image/png"}), 415)
    _error(client.post("/articles", content=b"   ", headers=WRITE), 400)


def test_meta_outlines_openapi_and_page(client) -> None:
    meta = client.get("/meta").json()
    assert "Battles" in meta["event_types"] and any("GeoNames" in c and "geoBoundaries" in c for c in meta["credits"])
    outlines = json.loads(client.get("/outlines").content)
    iraq = next(f for f in outlines["features"] if f["id"] == "IQ")
    assert iraq["geometry"]["type"] in ("Polygon", "MultiPolygon")
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/stats", "/control", "/articles"} <= set(spec["paths"])
    page = client.get("/").text
    assert "/static/app.js" in page and "http" not in page.replace("http-equiv", "")
    assert client.get("/static/map.js").status_code == 200


@pytest.mark.slow
def test_submitting_the_example_stores_its_events(store_location, example_gold) -> None:
    from tests.conftest import EXAMPLE_TEXT

    client, _ = _client(store_location)
    response = client.post("/articles", headers=WRITE, json={
        "text": EXAMPLE_TEXT.read_text(encoding="utf-8"), "published": example_gold["published"],
        "url": "https://example.org/iraq"})
    assert response.status_code == 201, response.text
    assert sorted(e["location"] for e in response.json()["events"]) == ["Al Qa'im", "Rawah"]
    assert client.get("/events", params={"q": "qa'im"}).json()["total"] == 1


def test_an_event_lists_every_source_of_its_incident(store_location) -> None:
    from eventwire.dedup import DedupRules

    client, store = _client(store_location)
    store.save(make_article("c", [takeover(D(2014, 6, 22))], url="https://example.org/c"))  # same takeover, a day on
    store.rebuild_incidents(DedupRules())
    page = client.get("/events", params={"start": "2014-06-21", "end": "2014-06-22", "sort": "event_date"}).json()
    detail = client.get(f"/events/{page['events'][0]['event_id']}").json()
    assert [s["url"] for s in detail["sources"]] == ["https://example.org/a", "https://example.org/c"]
    assert len(detail["incident"]["reports"]) == 2 and "same actor1" in detail["incident"]["reasons"][0]
