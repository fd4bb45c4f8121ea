"""A real browser (Debian's Chromium, driven by Playwright) against `eventwire serve` on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.settings import Settings

TOKEN = "browser-test-token"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _chromium() -> str:
    path = os.environ.get("EVENTWIRE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser test: install Debian's chromium (see .ci/run)")
    pytest.skip("no Chromium here (apt-get install chromium)")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    from eventwire.web.app import create_app
    from eventwire.web.serve import prepare

    path = tmp_path_factory.mktemp("serve") / "events.sqlite"
    settings, _ = prepare(Settings.load().with_values({"web.write_tokens": [f"tester:{TOKEN}"]}), path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings, path), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_workbench_map_filter_event_and_review(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("requestfailed", lambda request: errors.append(f"request failed: {request.url}"))
        started = time.monotonic()
        page.goto(server + "/")
        markers = page.locator("#markers .marker")
        expect(markers).to_have_count(2, timeout=3000)  # the example's two towns, within 3 s of opening
        expect(page.locator("#countries path[data-code='IQ']")).to_have_count(1, timeout=3000)
        assert time.monotonic() - started < 3, "the events and the map of Iraq must show within 3 s"
        expect(page.locator("#credits")).to_contain_text("GeoNames")

        page.get_by_label("Battles").uncheck()
        expect(markers).to_have_count(0)
        expect(page.locator("#map-status")).to_contain_text("0 event(s)")
        page.get_by_label("Battles").check()
        expect(markers).to_have_count(2)

        markers.first.click()
        expect(page.locator(".evidence mark.f-trigger")).to_have_count(1)
        expect(page.locator("#event-panel")).to_contain_text("Islamic State (ISIS)")
        expect(page.locator("#event-status")).to_have_text("pending")

        page.fill("#token", TOKEN)
        page.locator("#token").dispatch_event("change")
        page.click("#accept")
        expect(page.locator("#event-status")).to_have_text("accepted")
        expect(page.locator("#event-panel .history")).to_contain_text("tester: accept")
        expect(page.locator("#queue-count")).to_have_text("(1)")

        shot = tmp_path / "workbench.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        browser.close()
    assert errors == []
