"""eventwire: news pages in, structured, geolocated conflict events out.

    >>> import eventwire
    >>> events = eventwire.extract(html_or_text, published="2014-06-21")
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from eventwire.model import Article, Event
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Pipeline", "Settings", "extract", "run_article"]


@cache
def _default_pipeline() -> Pipeline:
    return Pipeline(Settings.load())


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def run_article(text_or_html: str, *, published: dt.date | str | None = None, url: str = "", outlet: str = "",
                pipeline: Pipeline | None = None) -> Article:
    """Run the whole pipeline on one page; the article carries events, places, drops and removed text."""
    article = Article(raw=text_or_html, published=_as_date(published), url=url, outlet=outlet)
    return (pipeline or _default_pipeline()).run(article)


def extract(text_or_html: str, *, published: dt.date | str | None = None, url: str | None = None,
            outlet: str | None = None) -> list[Event]:
    """The events of one news page (HTML or text), dated relative to `published`."""
    article = run_article(text_or_html, published=published, url=url or "", outlet=outlet or "")
    return list(article.events)
