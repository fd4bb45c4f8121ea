"""Metadata of an HTML page: title, publication date, outlet, author, canonical URL, description.

Read from one parsed tree in one pass over its `<meta>`, `<link>`, JSON-LD, `<time>` and `<h1>` elements, then the
URL. Cheap on purpose (no date search over the whole page): it runs on every page the clean stage sees.
The publication date comes from, in order: JSON-LD `datePublished`, publication `<meta>` tags, a `<time>` marked
as the publication time, a date in the canonical URL or page URL, the first `<time datetime>` in the page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "article.published", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime", "displaydate", "originalpublicationdate",
    "citation_publication_date", "rnews:datepublished", "article_date_original", "og:pubdate", "pub_date",
    "content_publish_date", "dc.date.published", "release_date", "datecreated", "created",
)
_PUBLISHED_RANK = {name: rank for rank, name in enumerate(_PUBLISHED_META)}
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "byline")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site")
_TITLE_META = ("og:title", "twitter:title", "headline", "title")
_DESCRIPTION_META = ("og:description", "description", "twitter:description")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage", "report",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting")

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|\d|$)")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)|/((?:19|20)\d{2})(\d{2})(\d{2})/")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), start=1)}
_WORDY_DATE = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b"  # 19 November 2019
                         r"|\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")  # Nov. 19, 2019
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_UTC = re.compile(r"(?:T|\s)(\d{2}):\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:Z|\+00:?00|UTC|GMT)\s*$", re.IGNORECASE)
_DATE_CLASS_WORDS = ("date", "publish", "posted", "time")


@dataclass(frozen=True)
class PageMeta:
    title: str = ""
    headlines: tuple[str, ...] = ()  # every headline-like string (og:title, <title>, h1, JSON-LD headline)
    description: str = ""
    published: dt.date | None = None
    published_from: str = ""  # which signal gave the date, e.g. "json-ld", "meta article:published_time"
    outlet: str = ""
    author: str = ""
    url: str = ""


def parse_date(value: str, latest: dt.date | None = None) -> dt.date | None:
    """A calendar date from an ISO timestamp, a compact 20191119 stamp, an epoch, or "Nov 19, 2019" / "19 November
    2019"; the date as written (no timezone shift). None when unreadable or implausible (before 1990, or after
    `latest`, default today + 1 day)."""
    value = value.strip()
    if not value:
        return None
    found: dt.date | None = None
    if _EPOCH.match(value):
        found = dt.datetime.fromtimestamp(int(value[:10]), tz=dt.UTC).date()
    elif (iso := _ISO_DATE.search(value[:40])) is not None:
        found = _make_date(iso.group(1), iso.group(2), iso.group(3))
    elif (compact := _COMPACT_DATE.match(value)) is not None:
        found = _make_date(compact.group(1), compact.group(2), compact.group(3))
    elif (wordy := _WORDY_DATE.search(value[:80])) is not None:
        day, month, year = (wordy.group(1), wordy.group(2), wordy.group(3)) if wordy.group(1) else (
            wordy.group(5), wordy.group(4), wordy.group(6))
        number = _MONTHS.get(month.lower()[:3])
        found = _make_date(year, str(number), day) if number else None
    ceiling = latest or dt.date.today() + dt.timedelta(days=1)
    if found is None or found.year < 1990 or found > ceiling:
        return None
    return found


def _make_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_in_url(url: str) -> dt.date | None:
    """The date in a news URL path: /2019/11/19/, /2019-11-19-, /20191119/."""
    found = _URL_DATE.search(url)
    if not found:
        return None
    groups = found.groups()
    year, month, day = groups[0:3] if groups[0] else groups[3:6]
    return parse_date(f"{year}-{int(month):02d}-{int(day):02d}")


def _text(node: Any) -> str:
    return " ".join("".join(node.itertext()).split())


def _json_ld_items(blocks: tuple[str, ...]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(items) < 50:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                items.append(node)
                if isinstance(node.get("@graph"), list):
                    stack.extend(node["@graph"])
    return items


def _name_of(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(n for n in (_name_of(v) for v in value[:4]) if n)
    if isinstance(value, dict):
        value = value.get("name", "")
    return " ".join(value.split()) if isinstance(value, str) else ""


def _is_article(item: dict[str, Any]) -> bool:
    kind = item.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


@dataclass
class _Collected:
    meta: dict[str, str]
    published: list[tuple[int, str, str]]  # (rank, signal, value)


def _collect_meta(tree: Any) -> _Collected:
    meta: dict[str, str] = {}
    published: list[tuple[int, str, str]] = []
    for node in tree.iterfind(".//meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        content = (node.get("content") or "").strip()
        if not key or not content:
            continue
        meta.setdefault(key, content)
        if key in _PUBLISHED_RANK:
            published.append((_PUBLISHED_RANK[key], f"meta {key}", content))
    return _Collected(meta, published)


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((" ".join(meta[k].split()) for k in keys if meta.get(k)), "")


def read_json_ld(raw: str) -> tuple[str, ...]:
    """The JSON-LD blocks of a page, read from its source (scripts are stripped before parsing)."""
    return tuple(m.group(1) for m in _JSON_LD.finditer(raw))


def read_page_meta(tree: Any, url: str = "", json_ld: tuple[str, ...] = ()) -> PageMeta:
    """Metadata of a parsed (lxml.html) page; `url` is where it came from, when known; `json_ld` the page's
    JSON-LD blocks (`read_json_ld`)."""
    collected = _collect_meta(tree)
    meta = collected.meta
    items = _json_ld_items(json_ld)
    articles = [item for item in items if _is_article(item)] or items
    ld = articles[0] if articles else {}

    canonical = next((link.get("href", "") for link in tree.iterfind(".//link[@rel='canonical']")), "")
    page_url = (canonical or meta.get("og:url", "") or url).strip()
    published, source = _published(tree, collected, articles, (page_url, url))

    title_node = tree.find(".//title")
    page_title = _text(title_node) if title_node is not None else ""
    h1s = [_text(h) for h in tree.iterfind(".//h1")][:3]
    ld_headline = ld.get("headline", "") if isinstance(ld.get("headline", ""), str) else ""
    title = _first(meta, _TITLE_META) or ld_headline or (h1s[0] if h1s else "") or page_title
    headlines = tuple(dict.fromkeys(h for h in (title, ld_headline, page_title, *h1s, meta.get("twitter:title", ""))
                                    if h))
    outlet = _first(meta, _OUTLET_META) or _name_of(ld.get("publisher"))
    author = _name_of(ld.get("author")) or _first(meta, _AUTHOR_META)
    if author.startswith(("http://", "https://")):
        author = ""
    ld_description = ld.get("description", "") if isinstance(ld.get("description", ""), str) else ""
    return PageMeta(
        title=title, headlines=headlines, description=_first(meta, _DESCRIPTION_META) or ld_description,
        published=published, published_from=source, outlet=outlet.lstrip("@"), author=author, url=page_url,
    )


def _published(tree: Any, collected: _Collected, articles: list[dict[str, Any]],
               urls: tuple[str, ...]) -> tuple[dt.date | None, str]:
    """The first signal that gives a date, in the order of the module docstring; a UTC timestamp of the small
    hours gives way to another signal naming the day before (the page's local date: 01:19 UTC on the 19th is
    the evening of the 18th in New York)."""
    signals = _date_signals(tree, collected, articles, urls)  # lazy: the costly signals come last
    seen: list[tuple[str, str]] = []
    for signal, value in signals:
        seen.append((signal, value))
        found = parse_date(value)
        if found is None:
            continue
        utc = _UTC.search(value)
        if utc and int(utc.group(1)) < 12:
            day_before = found - dt.timedelta(days=1)
            for other_signal, other in [*seen, *signals]:
                if not _UTC.search(other) and parse_date(other) == day_before:
                    return day_before, f"{other_signal} (local date of {signal})"
        return found, signal
    return None, ""


def _dated_elements(tree: Any, limit: int = 20) -> list[Any]:
    """The first `limit` body elements whose class names a date ("date", "publish", "posted", "time", any case) or
    whose id has "date" (filtered here, not in XPath: translate() over every element costs ~10 ms a page)."""
    found = []
    for node in tree.xpath("//body//*[@class or @id]"):
        label = node.get("class", "").lower()
        if any(word in label for word in _DATE_CLASS_WORDS) or "date" in node.get("id", ""):
            found.append(node)
            if len(found) == limit:
                break
    return found


def _date_signals(tree: Any, collected: _Collected, articles: list[dict[str, Any]],
                  urls: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for item in articles:
        value = item.get("datePublished") or item.get("dateCreated")
        if isinstance(value, str):
            yield "json-ld datePublished", value
    for _rank, signal, value in sorted(collected.published):
        yield signal, value
    times = list(tree.iterfind(".//time"))
    for node in times:
        if node.get("itemprop", "").lower() == "datepublished" or node.get("pubdate") is not None:
            yield "time datePublished", node.get("datetime") or _text(node)
    for node in tree.xpath("//body//*[@itemprop='datePublished']")[:3]:
        yield "itemprop datePublished", node.get("content") or node.get("datetime") or _text(node)
    for url in urls:
        if url and (found := date_in_url(url)):
            yield "url", found.isoformat()
    for node in times:
        if node.get("datetime"):
            yield "time element", node.get("datetime", "")
    for node in _dated_elements(tree):
        label = (node.get("class", "") + node.get("id", "")).lower()
        text = _text(node)
        if "update" not in label and "modif" not in label and 0 < len(text) <= 120:
            yield "dated element", text
