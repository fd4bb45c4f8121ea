"""Ingest end to end on hand-written articles: dedup across outlets, idempotence, resume after kill -9,
and identical output from 1 worker, 2 workers and a local Dask cluster."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.ingest import IngestPlan, ingest
from eventwire.settings import Settings
from eventwire.sources import read_inputs
from eventwire.store import Store

STORIES = Path(__file__).parent / "data" / "stories"
pytestmark = pytest.mark.slow


def _ingest(folder: Path, db: Path | str, plan: IngestPlan | None = None):
    store = Store(db)
    settings = Settings.load()
    return ingest(read_inputs([str(folder)], settings), settings, store, plan or IngestPlan()), store


def _snapshot(store: Store) -> tuple:
    events = sorted(json.dumps(r) for (r,) in store.db.execute("SELECT data FROM events"))
    incidents = sorted(json.dumps([json.loads(d), json.loads(m)]) for d, m in
                       store.db.execute("SELECT data, members FROM incidents"))
    return store.counts(), events, incidents


def test_three_outlets_one_event_and_two_attacks_stay_two(tmp_path) -> None:
    summary, store = _ingest(STORIES, tmp_path / "s.sqlite")
    assert summary.articles == 4 and summary.incidents == 3
    baghdad = [(e, members) for e, members, _ in store.incidents() if e.location == "Baghdad"]
    assert len(baghdad) == 1
    event, members = baghdad[0]
    assert event.sub_event_type == "Suicide bomb" and event.source == "afp; ap; reuters"
    articles = {store.event(m)[0].article_id for m in members}
    assert len(articles) == 3
    mosul = sorted(e.sub_event_type for e, _, _ in store.incidents() if e.location == "Mosul")
    assert mosul == ["Remote explosive/landmine/IED", "Suicide bomb"]


def test_reingesting_changes_nothing(store_location) -> None:
    _, store = _ingest(STORIES, store_location)
    before = _snapshot(store)
    again, store = _ingest(STORIES, store_location)
    assert again.articles == 0 and again.skipped == 4
    assert _snapshot(store) == before


def _many_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        for story in ("reuters", "ap", "afp", "two-attacks"):
            (folder / f"{story}-{number}.txt").write_text((STORIES / f"{story}.txt").read_text())
            meta = json.loads((STORIES / f"{story}.json").read_text())
            meta["url"] += f"/{number}"
            (folder / f"{story}-{number}.json").write_text(json.dumps(meta))


def _stored_articles(db: Path) -> int:
    """A plain read (no migrations): how many articles the running ingest has stored so far."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0


def test_kill_9_during_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path) -> None:
    folder = tmp_path / "many"
    _many_articles(folder, 8)
    _, whole = _ingest(folder, tmp_path / "whole.sqlite")
    expected = _snapshot(whole)
    db = tmp_path / "killed.sqlite"
    command = [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.exit(main())", "ingest",
               str(folder), "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            stored = _stored_articles(db)
            if stored >= 5:
                break
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed; give it more articles"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = Store(db).counts()
    assert 5 <= partial["articles"] < 32
    summary, resumed = _ingest(folder, db)
    assert summary.skipped == partial["articles"]
    assert _snapshot(resumed) == expected


def test_two_workers_and_dask_give_identical_output(tmp_path) -> None:
    folder = tmp_path / "many"
    _many_articles(folder, 2)
    _, one = _ingest(folder, tmp_path / "one.sqlite")
    _, two = _ingest(folder, tmp_path / "two.sqlite", IngestPlan(workers=2))
    assert _snapshot(two) == _snapshot(one)
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        plan = IngestPlan(engine="dask", scheduler=cluster.scheduler_address)
        _, dask = _ingest(folder, tmp_path / "dask.sqlite", plan)
    assert _snapshot(dask) == _snapshot(one)


def test_html_without_a_url_is_not_processed_again(tmp_path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    body = (STORIES / "reuters.txt").read_text().split("\n\n", 1)[1]
    (folder / "page.html").write_text(
        '<html><head><link rel="canonical" href="https://news.example/baghdad-market">'
        f"<title>Baghdad</title></head><body><article><p>{body}</p></article></body></html>")
    first, store = _ingest(folder, tmp_path / "h.sqlite")
    again, store = _ingest(folder, tmp_path / "h.sqlite")
    assert first.articles == 1 and again.articles == 0 and again.skipped == 1
    assert store.counts()["articles"] == 1
