"""clean: raw HTML or text -> main article text, metadata, removed boilerplate, language.

HTML goes through trafilatura (comments off) and then the same boilerplate filter as plain text.
Rejections: "empty after cleaning", "unsupported language", "extraction failed".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from eventwire.boilerplate import filter_text
from eventwire.errors import ResourceError
from eventwire.language import guess_language
from eventwire.model import Article, Drop, Removed
from eventwire.settings import Settings

NAME = "clean.v1"
REQUIRES = ("raw",)
PROVIDES = ("text", "title", "language", "removed", "credits")

_HTML_SIGNS = re.compile(r"<(?:!doctype html|html|head|body|div|p|article|meta|script)\b", re.IGNORECASE)


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_SIGNS.search(raw[:4096]))


@dataclasses.dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str = ""
    published: dt.date | None = None
    outlet: str = ""
    url: str = ""


def extract_html(raw: str) -> HtmlExtract:
    """Main text and metadata of an HTML page via trafilatura (imported lazily)."""
    try:
        import trafilatura
    except ImportError as exc:
        raise ResourceError("HTML input needs trafilatura: pip install 'eventwire[html]'") from exc
    doc: Any = trafilatura.bare_extraction(
        raw, include_comments=False, include_tables=True, with_metadata=True
    )
    if doc is None:
        return HtmlExtract(text="")
    published = None
    if getattr(doc, "date", None):
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    return HtmlExtract(
        text=doc.text or "",
        title=doc.title or "",
        published=published,
        outlet=doc.sitename or "",
        url=doc.url or "",
    )


def split_headline(text: str) -> tuple[str, str]:
    """(headline, body) of plain text whose first line reads as a headline: short, no closing punctuation,
    a blank line after it. The headline is metadata, not reporting: it repeats the story."""
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    line = first.strip()
    if not sep or not rest.startswith(("\n", "\r\n")) or not 0 < len(line) <= 150 or line[-1] in ".!?:;,\"'”":
        return "", text
    if len(line.split()) < 3 or not rest.strip():
        return "", text
    return line, rest.lstrip("\r\n")


def make(settings: Settings) -> Callable[[Article], Article]:
    min_words = int(settings.get("clean.min_words"))
    languages = frozenset(settings.get("clean.languages"))

    def clean(article: Article) -> Article:
        title = ""
        removed_html: tuple[Removed, ...] = ()
        published, outlet, url = article.published, article.outlet, article.url
        body = article.raw
        if looks_like_html(article.raw):
            page = extract_html(article.raw)
            body, title = page.text, page.title
            published = published or page.published
            outlet, url = outlet or page.outlet, url or page.url
            removed_html = (Removed("(markup, navigation and page furniture)", "removed by trafilatura"),)
        else:
            title, body = split_headline(body)
        filtered = filter_text(body)
        article = dataclasses.replace(
            article, text=filtered.text, title=title, published=published, outlet=outlet, url=url,
            removed=removed_html + filtered.removed, credits=filtered.credits,
        )
        words = len(filtered.text.split())
        if words < min_words:
            detail = f"{words} word(s) left, fewer than clean.min_words={min_words}"
            return dataclasses.replace(article, drop=Drop(NAME, "empty after cleaning", detail))
        language = guess_language(filtered.text)
        article = dataclasses.replace(article, language=language)
        if language not in languages:
            detail = f"detected {language!r}; clean.languages={sorted(languages)}"
            return dataclasses.replace(article, drop=Drop(NAME, "unsupported language", detail))
        return article

    return clean
