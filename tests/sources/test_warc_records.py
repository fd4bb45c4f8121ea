import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.settings import Settings
from eventwire.sources import read_inputs

PAGE = b"<html><body><p>Rebels seized the town of Kidal on Monday, residents said.</p></body></html>"


def _warc(path, records) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, media, body in records:
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", media)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("https://n.example/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))


def test_warc_responses_become_articles_and_the_rest_drops(tmp_path) -> None:
    path = tmp_path / "news.warc.gz"
    _warc(path, [("https://n.example/a", 200, "text/html; charset=utf-8", PAGE),
                 ("https://n.example/logo.png", 200, "image/png", b"\x89PNG"),
                 ("https://n.example/old", 404, "text/html", b"gone")])
    articles = list(read_inputs([str(path)], Settings.load()))
    assert [(a.url, a.drop.reason if a.drop else "ok") for a in articles] == [
        ("https://n.example/a", "ok"), ("https://n.example/logo.png", "not an article"),
        ("https://n.example/old", "HTTP 404")]
    assert articles[0].raw.startswith("<html>")


def test_a_broken_warc_is_a_drop_and_the_run_goes_on(tmp_path) -> None:
    good = tmp_path / "a-good.warc.gz"
    _warc(good, [("https://n.example/a", 200, "text/html", PAGE)])
    broken = tmp_path / "b-broken.warc.gz"
    broken.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort"))
    (tmp_path / "c.txt").write_text("Rebels seized the town of Kidal on Monday, residents said. " * 3)
    reasons = [a.drop.reason if a.drop else "ok" for a in read_inputs([str(tmp_path)], Settings.load())]
    assert reasons[0] == "ok" and reasons[-1] == "ok"
    assert "malformed WARC record" in reasons[1:-1]


def test_json_lines_records(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"url": "https://n.example/1", "text": "Rebels seized Kidal.", "published": "2015-03-03",
                         "outlet": "Wire"}), "{not json", json.dumps({"url": "https://n.example/2"}), "",
             json.dumps({"html": "<p>x</p>", "published": "2015-03-03T10:00:00Z"})]
    path.write_text("\n".join(lines))
    articles = list(read_inputs([str(path)], Settings.load()))
    assert [a.drop.reason if a.drop else "ok" for a in articles] == [
        "ok", "malformed JSON record", "malformed JSON record", "ok"]
    assert articles[0].outlet == "Wire" and articles[0].published.isoformat() == "2015-03-03"
    assert articles[3].published.isoformat() == "2015-03-03"
