"""The polite fetcher and feeds against a real HTTP server on loopback (no internet)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from eventwire.settings import Settings
from eventwire.sources import read_inputs
from eventwire.sources.fetch import Fetched, Fetcher, FetchFailure

ARTICLE = b"<html><body><p>" + b"Militants attacked a police post in the town overnight. " * 5 + b"</p></body></html>"


class Site(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        port = self.server.server_address[1]
        pages = {
            "/robots.txt": (200, b"User-agent: *\nDisallow: /private\n"),
            "/news/1": (200, ARTICLE), "/news/2": (200, ARTICLE.replace(b"police", b"army")),
            "/private/x": (200, ARTICLE),
            "/feed": (200, f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
                <item><title>One</title><link>http://127.0.0.1:{port}/news/1</link>
                  <pubDate>Tue, 03 Mar 2015 10:00:00 GMT</pubDate></item>
                <item><title>Gone</title><link>http://127.0.0.1:{port}/gone</link></item>
                <item><title>No link</title></item></channel></rss>""".encode()),
            "/broken-feed": (200, b"<?xml version='1.0'?><rss><channel><item><title>x</title></rss>"),
        }
        if self.path == "/flaky" and self.hits[self.path] == 1:
            status, body = 503, b"busy"
        elif self.path == "/flaky":
            status, body = 200, ARTICLE
        else:
            status, body = pages.get(self.path, (404, b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml" if "feed" in self.path else "text/html")
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    Site.hits = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _fetcher(**values: object) -> tuple[Fetcher, list[float]]:
    waits: list[float] = []
    settings = Settings.load().with_values({"ingest.host_delay": 0.0, "ingest.backoff": 0.01, **values})
    return Fetcher(settings, sleep=waits.append), waits


def test_fetches_pages_and_reports_failures_as_reasons(site: str) -> None:
    fetcher, _ = _fetcher()
    page = fetcher.get(site + "/news/1")
    assert isinstance(page, Fetched) and page.data == ARTICLE
    assert fetcher.get(site + "/gone") == FetchFailure("HTTP 404", site + "/gone")
    assert fetcher.get(site + "/private/x").reason == "disallowed by robots.txt"
    assert fetcher.get("http://127.0.0.1:9/closed").reason == "unreachable"


def test_retries_with_backoff_then_succeeds(site: str) -> None:
    fetcher, waits = _fetcher()
    assert isinstance(fetcher.get(site + "/flaky"), Fetched)
    assert Site.hits["/flaky"] == 2 and waits == [0.01]


def test_paces_requests_to_one_host(site: str) -> None:
    fetcher, waits = _fetcher(**{"ingest.host_delay": 5.0})
    fetcher.get(site + "/news/1")
    fetcher.get(site + "/news/2")
    assert any(w > 4.0 for w in waits)  # the second request waited for the host's turn


def test_feeds_are_followed_and_bad_items_counted(site: str) -> None:
    fetcher, _ = _fetcher()
    articles = list(read_inputs([site + "/feed", site + "/broken-feed", site + "/missing"], Settings.load(),
                                fetcher=fetcher))
    reasons = [a.drop.reason if a.drop else "ok" for a in articles]
    assert reasons == ["ok", "HTTP 404", "malformed feed", "malformed feed", "HTTP 404"]
    first = articles[0]
    assert first.outlet == "Test Wire" and first.published is not None and first.published.isoformat() == "2015-03-03"
    assert first.url.endswith("/news/1")


def test_feed_items_already_stored_are_not_fetched(site: str) -> None:
    fetcher, _ = _fetcher()
    list(read_inputs([site + "/feed"], Settings.load(), fetcher=fetcher, skip_url=lambda url: True))
    assert "/news/1" not in Site.hits
