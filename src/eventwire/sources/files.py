"""Files and standard input as articles (the dispatcher over every kind of source is `sources.dispatch`).

Bytes are decoded as UTF-8, else the charset an HTML page declares, else Windows-1252. Binary, empty and
oversized inputs become articles with a `Drop` (stage "ingest") so a batch always goes on. A `NAME.json`
beside `NAME.txt` / `NAME.html` may give `published`, `outlet` and `url`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from eventwire.model import Article, Drop

STAGE = "ingest"
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class Known:
    """What the caller knows about the inputs (command-line options override sidecar files)."""

    published: dt.date | None = None
    outlet: str = ""
    url: str = ""


def decode(data: bytes) -> tuple[str | None, str]:
    """(text, "") or (None, reason) for bytes that are not text."""
    if not data.strip():
        return None, "empty input"
    head = data[:8192]
    if b"\x00" in head or sum(b in _CONTROL for b in head) > len(head) * 0.05:
        return None, "binary input"
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(head)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace"), ""
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace"), ""


def _sidecar(path: Path) -> Known:
    meta = path.with_suffix(".json")
    if meta == path or not meta.is_file():
        return Known()
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    except (OSError, ValueError, TypeError, AttributeError):
        return Known()
    return Known(published, str(data.get("outlet") or ""), str(data.get("url") or ""))


def merge_known(known: Known, found: Known) -> Known:
    return Known(known.published or found.published, known.outlet or found.outlet, known.url or found.url)


def article_from_bytes(data: bytes, origin: str, known: Known, max_bytes: int) -> Article:
    """An article of raw bytes (decoded), or one with the drop that says why not."""
    base = Article(raw="", origin=origin, published=known.published, outlet=known.outlet, url=known.url)
    if len(data) > max_bytes:
        detail = f"{len(data) / 1e6:.1f} MB > ingest.max_bytes={max_bytes}"
        return _dropped(base, "too large", detail)
    text, reason = decode(data)
    if text is None:
        return _dropped(base, reason, origin)
    return Article(raw=text, origin=origin, published=known.published, outlet=known.outlet, url=known.url)


def _dropped(article: Article, reason: str, detail: str) -> Article:
    return dataclasses.replace(article, drop=Drop(STAGE, reason, detail))


def _read_limited(handle: BinaryIO, max_bytes: int) -> bytes:
    return handle.read(max_bytes + 1)


def files_under(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    content = {p.with_suffix("") for p in files if p.suffix != ".json"}
    return [p for p in files if not (p.suffix == ".json" and p.with_suffix("") in content)]


def read_file(file: Path, known: Known, max_bytes: int) -> Article:
    """One plain file (HTML or text) as an article; its NAME.json sidecar adds metadata."""
    try:
        with file.open("rb") as handle:
            data = _read_limited(handle, max_bytes)
    except OSError as exc:
        return _dropped(Article(raw="", origin=str(file)), "unreadable", str(exc))
    return article_from_bytes(data, str(file), merge_known(known, _sidecar(file)), max_bytes)


def read_stdin(known: Known, max_bytes: int) -> Article:
    return article_from_bytes(_read_limited(sys.stdin.buffer, max_bytes), "<stdin>", known, max_bytes)
