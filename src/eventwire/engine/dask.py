"""Dask runner: the same pipeline on a Dask distributed cluster (`--engine dask --scheduler ADDRESS`).

Each worker builds the pipeline once (cached per worker process); articles travel in small batches and come
back in input order, so the output is identical to the local runner's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from eventwire.errors import ConfigError, ResourceError
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

BATCH = 8
IN_FLIGHT = 16  # batches submitted ahead, so memory stays bounded on long streams


_PIPELINES: dict[str, Pipeline] = {}  # per worker process, by settings


def _pipeline(settings: Settings) -> Pipeline:
    key = repr(sorted((section, sorted(table.items())) for section, table in settings.values.items()))
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


def _process_batch(batch: list[Article], settings: Settings) -> list[Article]:
    pipeline = _pipeline(settings)
    return [pipeline.run_safely(article) for article in batch]


def run_dask(articles: Iterable[Article], settings: Settings, scheduler: str) -> Iterator[Article]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise ResourceError("the dask engine needs dask[distributed]: pip install 'eventwire[dask]'") from exc
    if not scheduler:
        raise ConfigError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    try:
        client = Client(scheduler, timeout=30)  # type: ignore[no-untyped-call]
    except OSError as exc:
        raise ResourceError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        source = iter(articles)
        pending: list[Any] = []  # dask futures
        while True:
            while len(pending) < IN_FLIGHT and (batch := list(islice(source, BATCH))):
                pending.append(client.submit(_process_batch, batch, settings, pure=False))
            if not pending:
                break
            yield from pending.pop(0).result()
    finally:
        client.close()  # type: ignore[no-untyped-call]
