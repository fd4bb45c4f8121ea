"""JSON and JSON Lines files of articles: objects with the page in `html`, `text`, `content` or `body`, and
optional `url`, `published` (YYYY-MM-DD or ISO time), `outlet`. A malformed record becomes a drop."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.model import Article, Drop
from eventwire.sources.files import STAGE

BODY_FIELDS = ("html", "text", "content", "body")


def _article(data: Any, origin: str) -> Article:
    if not isinstance(data, dict):
        return Article(raw="", origin=origin, drop=Drop(STAGE, "malformed JSON record", "not an object"))
    body = next((data[f] for f in BODY_FIELDS if isinstance(data.get(f), str) and data[f].strip()), None)
    url = str(data.get("url") or "")
    if body is None:
        return Article(raw="", origin=origin, url=url,
                       drop=Drop(STAGE, "malformed JSON record", f"no {'/'.join(BODY_FIELDS)} field"))
    published = None
    if data.get("published"):
        try:
            published = dt.date.fromisoformat(str(data["published"])[:10])
        except ValueError:
            published = None
    return Article(raw=body, origin=origin, url=url, outlet=str(data.get("outlet") or ""), published=published)


def read_records(path: Path) -> Iterator[Article]:
    """Articles of a .jsonl/.ndjson file (one object a line) or a .json file (an object or a list)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        yield Article(raw="", origin=str(path), drop=Drop(STAGE, "unreadable", str(exc)))
        return
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Article(raw="", origin=str(path), drop=Drop(STAGE, "malformed JSON record", exc.msg))
            return
        for number, item in enumerate(data if isinstance(data, list) else [data], 1):
            yield _article(item, f"{path}#{number}")
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Article(raw="", origin=f"{path}:{number}", drop=Drop(STAGE, "malformed JSON record", exc.msg))
            continue
        yield _article(item, f"{path}:{number}")
