"""WARC and WARC.gz files (Common Crawl News): each HTML response record becomes an article.

Records that are not article responses (requests, metadata, robots.txt, images, errors) and malformed
records become drops with a reason; a broken archive stops that file only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import ResourceError
from eventwire.model import Article, Drop
from eventwire.settings import Settings
from eventwire.sources.files import STAGE, decode

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def _drop(origin: str, reason: str, detail: str, url: str = "") -> Article:
    return Article(raw="", origin=origin, url=url, drop=Drop(STAGE, reason, detail))


def read_warc(path: Path, settings: Settings) -> Iterator[Article]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError as exc:
        raise ResourceError("reading WARC files needs warcio: pip install 'eventwire[ingest]'") from exc
    max_bytes = int(settings.get("ingest.max_bytes"))
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, ValueError, OSError, EOFError, AttributeError, KeyError, TypeError) as exc:
                # warcio fails on a broken archive in many ways; the rest of this file is unreadable
                yield _drop(f"{path}#{records.offset}", "malformed WARC record", f"{type(exc).__name__}: {exc}"[:200])
                return
            yield from _record(record, path, records.offset, max_bytes)


def _record(record: object, path: Path, offset: int, max_bytes: int) -> Iterator[Article]:
    origin = f"{path}#{offset}"
    kind = getattr(record, "rec_type", "")
    if kind != "response":
        return  # requests, warcinfo, metadata: not content, nothing lost
    url = record.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
    http = getattr(record, "http_headers", None)
    if http is None:
        yield _drop(origin, "malformed WARC record", "response without HTTP headers", url)
        return
    status = http.get_statuscode()
    media = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status != "200":
        yield _drop(origin, f"HTTP {status}", url, url)
        return
    if media and media not in ARTICLE_TYPES:
        yield _drop(origin, "not an article", f"{media}: {url}", url)
        return
    try:
        data = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    except Exception as exc:  # warcio raises several kinds on a broken payload
        yield _drop(origin, "malformed WARC record", f"{type(exc).__name__}: {exc}"[:200], url)
        return
    if len(data) > max_bytes:
        yield _drop(origin, "too large", f"{len(data) / 1e6:.1f} MB > ingest.max_bytes", url)
        return
    text, reason = decode(data)
    if text is None:
        yield _drop(origin, reason, url, url)
        return
    yield Article(raw=text, url=url, origin=origin)
