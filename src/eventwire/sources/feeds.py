"""RSS 2.0 and Atom feeds: the items' links, dates, titles and the feed's name as outlet."""

from __future__ import annotations

import datetime as dt
import email.utils
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class FeedItem:
    url: str
    published: dt.date | None
    title: str
    outlet: str


class FeedError(ValueError):
    """The bytes are not a well-formed RSS or Atom feed."""


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def parse_feed(data: bytes) -> list[FeedItem]:
    """The items of an RSS or Atom feed, in feed order; `FeedError` when it is malformed."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError(f"malformed XML: {exc}") from None
    if root.tag == f"{ATOM}feed":
        outlet = (root.findtext(f"{ATOM}title") or "").strip()
        items = []
        for entry in root.iter(f"{ATOM}entry"):
            links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
            url = links[0].get("href", "") if links else ""
            published = _date(entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated"))
            items.append(FeedItem(url.strip(), published, (entry.findtext(f"{ATOM}title") or "").strip(), outlet))
        return items
    channel = root.find("channel")
    if root.tag.lower() not in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}rdf") or channel is None:
        raise FeedError(f"not an RSS or Atom feed (root element <{root.tag}>)")
    outlet = (channel.findtext("title") or "").strip()
    return [FeedItem((item.findtext("link") or "").strip(), _date(item.findtext("pubDate")),
                     (item.findtext("title") or "").strip(), outlet) for item in root.iter("item")]
