"""Ingest: sources → pipeline (local processes or Dask) → store → incidents. Incremental and idempotent.

An article already in the store (same canonical URL, or same content when there is no URL) is skipped
before any work, so re-ingesting changes nothing. Each article is saved in its own transaction as soon as it
is processed, so a run killed at any point (even `kill -9`) has lost nothing it reported and a rerun picks up
exactly the articles it had not stored. Incidents (cross-article dedup) are regrouped at the end of a run
from everything stored, so they are the same whatever order or in how many runs articles arrived.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from eventwire.dedup import DedupRules
from eventwire.engine import run_articles
from eventwire.model import Article
from eventwire.pipeline import RunSummary
from eventwire.settings import Settings
from eventwire.store import Store


@dataclass(frozen=True)
class IngestPlan:
    workers: int = 1
    engine: str = "local"
    scheduler: str = ""
    force: bool = False  # reprocess articles that are already stored


Progress = Callable[[RunSummary], None]


def _new_only(articles: Iterable[Article], store: Store, summary: RunSummary, force: bool) -> Iterator[Article]:
    seen: set[str] = set()
    for article in articles:
        key = article.article_id
        if key in seen or (not force and store.has_article(key)):
            summary.skipped += 1
            continue
        seen.add(key)
        yield article


def ingest(articles: Iterable[Article], settings: Settings, store: Store, plan: IngestPlan = IngestPlan(),
           progress: Progress | None = None) -> RunSummary:
    """Process and store the new articles; regroup incidents; the run's summary."""
    summary = RunSummary()
    started = time.monotonic()
    fresh = _new_only(articles, store, summary, plan.force)
    for article in run_articles(fresh, settings, plan.workers, plan.engine, plan.scheduler):
        store.save(article)
        summary.add(article)
        summary.seconds = time.monotonic() - started
        if progress is not None:
            progress(summary)
    rules = DedupRules(int(settings.get("dedup.window_days")), float(settings.get("dedup.max_km")))
    summary.incidents = store.rebuild_incidents(rules)
    summary.seconds = time.monotonic() - started
    return summary
