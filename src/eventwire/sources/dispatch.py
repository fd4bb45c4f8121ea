"""Every kind of source to articles: files, folders, stdin, URLs, RSS/Atom feeds, WARC, JSON/JSONL.

A source that cannot be read at all (a missing path) is an `InputError` before anything runs; everything
else that goes wrong (404, unreachable host, malformed feed or record) is an article with a drop, so the run
goes on and the summary counts it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.model import Article, Drop
from eventwire.settings import Settings
from eventwire.sources.feeds import FeedError, looks_like_feed, parse_feed
from eventwire.sources.fetch import Fetcher, FetchFailure
from eventwire.sources.files import STAGE, Known, article_from_bytes, files_under, read_file, read_stdin
from eventwire.sources.records import read_records
from eventwire.sources.warc import read_warc

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


SkipUrl = Callable[[str], bool]


def read_inputs(targets: list[str], settings: Settings, known: Known | None = None,
                fetcher: Fetcher | None = None, skip_url: SkipUrl | None = None) -> Iterator[Article]:
    """Articles from every target, in order; feed items for which `skip_url` is true are not fetched."""
    known = known or Known()
    skip = skip_url or (lambda _: False)
    missing = [t for t in targets if t != "-" and not is_url(t) and not Path(t).exists()]
    if missing:
        raise InputError(f"no such file or folder: {missing[0]}")
    fetcher = fetcher or Fetcher(settings)
    max_bytes = int(settings.get("ingest.max_bytes"))
    for target in targets:
        if target == "-":
            yield read_stdin(known, max_bytes)
        elif is_url(target):
            yield from read_url(target, settings, known, fetcher, skip)
        else:
            path = Path(target)
            for file in files_under(path) if path.is_dir() else [path]:
                yield from _read_path(file, settings, known, fetcher, skip)


def _read_path(file: Path, settings: Settings, known: Known, fetcher: Fetcher, skip: SkipUrl) -> Iterator[Article]:
    name = file.name.lower()
    if name.endswith((".warc", ".warc.gz", ".arc.gz")):
        yield from read_warc(file, settings)
    elif file.suffix.lower() in RECORD_SUFFIXES:
        yield from read_records(file)
    elif file.suffix.lower() in FEED_SUFFIXES and looks_like_feed(file.read_bytes()[:4096]):
        yield from read_feed(file.read_bytes(), str(file), settings, fetcher, skip)
    else:
        yield read_file(file, known, int(settings.get("ingest.max_bytes")))


def _failed(origin: str, failure: FetchFailure, known: Known) -> Article:
    return Article(raw="", origin=origin, url=origin, published=known.published, outlet=known.outlet,
                   drop=Drop(STAGE, failure.reason, failure.detail))


def read_url(url: str, settings: Settings, known: Known, fetcher: Fetcher, skip: SkipUrl) -> Iterator[Article]:
    """A page, or every item of a feed."""
    fetched = fetcher.get(url)
    if isinstance(fetched, FetchFailure):
        yield _failed(url, fetched, known)
        return
    if looks_like_feed(fetched.data):
        yield from read_feed(fetched.data, url, settings, fetcher, skip)
        return
    max_bytes = int(settings.get("ingest.max_bytes"))
    article = article_from_bytes(fetched.data, url, dataclasses.replace(known, url=known.url or fetched.url),
                                 max_bytes)
    yield article


def read_feed(data: bytes, origin: str, settings: Settings, fetcher: Fetcher, skip: SkipUrl) -> Iterator[Article]:
    """Fetch every linked article of a feed, with the item's date and the feed's name as outlet."""
    try:
        items = parse_feed(data)
    except FeedError as exc:
        yield Article(raw="", origin=origin, drop=Drop(STAGE, "malformed feed", str(exc)[:200]))
        return
    for item in items:
        if not is_url(item.url):
            yield Article(raw="", origin=f"{origin} item {item.title!r}",
                          drop=Drop(STAGE, "malformed feed", f"item without an http(s) link: {item.url!r}"))
            continue
        if not skip(item.url):
            yield from read_url(item.url, settings, Known(item.published, item.outlet, item.url), fetcher, skip)
