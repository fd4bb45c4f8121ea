"""Runners of the same pipeline: in this process, in local worker processes, or on a Dask cluster.

Every runner takes articles in and yields processed articles in the same order, so their output is identical.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.errors import ConfigError
from eventwire.model import Article
from eventwire.settings import Settings


def run_articles(articles: Iterable[Article], settings: Settings, workers: int = 1, engine: str = "local",
                 scheduler: str = "") -> Iterator[Article]:
    """Processed articles, in input order, from the chosen engine."""
    if engine == "dask":
        from eventwire.engine.dask import run_dask

        return run_dask(articles, settings, scheduler)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}; use local or dask")
    from eventwire.engine.local import run_local

    return run_local(articles, settings, workers)
