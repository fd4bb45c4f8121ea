"""Local runner: the pipeline in this process (1 worker) or in N worker processes, each built once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

_worker_pipeline: Pipeline | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings)


def _process(article: Article) -> Article:
    assert _worker_pipeline is not None, "worker not initialised"
    return _worker_pipeline.run_safely(article)


def run_local(articles: Iterable[Article], settings: Settings, workers: int = 1) -> Iterator[Article]:
    """Processed articles in input order; dropped-at-ingest articles pass through without a worker trip."""
    if workers <= 1:
        pipeline: Pipeline | None = None
        for article in articles:
            pipeline = pipeline or Pipeline(settings)  # built on the first article, not for an empty run
            yield pipeline.run_safely(article)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    source = iter(articles)  # read here, in the caller's thread (it may hold a SQLite connection)
    size = workers * 4
    with context.Pool(workers, initializer=_start_worker, initargs=(settings,)) as pool:
        pending = pool.map_async(_process, list(islice(source, size)), chunksize=1)
        while True:
            following = list(islice(source, size))  # the next batch is sent while this one is worked on
            upcoming = pool.map_async(_process, following, chunksize=1) if following else None
            yield from pending.get()
            if upcoming is None:
                return
            pending = upcoming
