"""clean: raw HTML or text -> main article text, metadata, removed boilerplate, language.

HTML is stripped of scripts and styles, parsed once, read for metadata (`pagemeta`) and for text (trafilatura,
fast mode, comments off), then goes through the same boilerplate filter as plain text.
Rejections: "page too large", "empty after cleaning", "unsupported language".
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import Any

from eventwire.boilerplate import filter_text
from eventwire.errors import ResourceError
from eventwire.language import guess_language
from eventwire.model import Article, Drop, Removed
from eventwire.pagemeta import PageMeta, read_json_ld, read_page_meta
from eventwire.settings import Settings

NAME = "clean.v1"
REQUIRES = ("raw",)
PROVIDES = ("text", "title", "author", "language", "removed", "credits")

_HTML_SIGNS = re.compile(r"<(?:!doctype html|html|head|body|div|p|article|meta|script)\b", re.IGNORECASE)


def looks_like_html(raw: str) -> bool:
    return bool(_HTML_SIGNS.search(raw[:4096]))


_SHORT_UNDETERMINED = 40  # words: below this, an undetermined language is not a reason to drop

# Element contents that are never article text; removed before parsing, which bounds the cost of pages that are
# mostly script (a 30 MB page of inline JavaScript parses as a few kilobytes).
# Written as "unrolled loops" (runs of [^<] between checks) rather than lazy `.*?`: four times faster on pages
# that are mostly script.
_NEVER_TEXT = re.compile(r"<(script|style|svg|noscript|template)\b[^>]*>[^<]*(?:<(?!/\1\s*>)[^<]*)*</\1\s*>"
                         r"|<!--[^-]*(?:-(?!->)[^-]*)*-->", re.IGNORECASE)


# Elements the extractor deletes with all their text anyway (its `MANUALLY_CLEANED` list, less those it sometimes
# keeps: forms that wrap a whole page, figures that hold a table). Taken out as soon as the metadata is read, they
# no longer slow every one of its tree passes; output is unchanged on all 88 gold pages.
_FURNITURE = ("head", "nav", "aside", "footer", "menu", "iframe", "object", "embed", "video", "audio", "canvas",
              "picture", "map", "button", "select", "option", "input", "textarea", "label", "link")


@functools.cache
def _parser() -> Any:
    """An HTML parser with trafilatura's options whose elements are all `HtmlElement`, looked up in C: lxml.html's
    own parser asks a Python method for the class of every element the extractor touches (~10 % of its time)."""
    import lxml.html
    from lxml import etree

    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                              remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity))
    return parser


def _fromstring(page: str | bytes) -> Any:
    import lxml.html
    from lxml import etree

    try:
        return lxml.html.fromstring(page, parser=_parser())
    except (ValueError, etree.LxmlError):  # ValueError: a str that declares its encoding
        return None


def parse_html(page: str) -> Any:
    """The page's lxml tree, or None when it is not HTML: trafilatura's `load_html` with a faster parser (same
    repairs, same retry as UTF-8 bytes, same rejection of a page that neither names "html" near its start nor
    parses into two elements)."""
    from trafilatura.utils import repair_faulty_html

    beginning = page[:50].lower()
    page = repair_faulty_html(page, beginning)
    tree = _fromstring(page)
    if tree is None or len(tree) < 1:
        tree = _fromstring(page.encode("utf-8", "surrogatepass"))
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None
    return tree


@dataclasses.dataclass(frozen=True)
class HtmlExtract:
    text: str
    meta: PageMeta = dataclasses.field(default_factory=PageMeta)
    too_large: bool = False


def _strip_never_text(raw: str) -> str:
    """The page without scripts, styles, SVG and comments (JSON-LD is read from the source first)."""
    return _NEVER_TEXT.sub(" ", raw)


def extract_html(raw: str, max_chars: int, url: str = "") -> HtmlExtract:
    """Main text and metadata of an HTML page: trafilatura (imported lazily, fast mode, comments off, tables kept)
    for the text, `pagemeta` for the metadata, both from one parse. Pages still over `max_chars` once their
    scripts and styles are gone are not parsed (`too_large`)."""
    try:
        import trafilatura
        from lxml import etree
    except ImportError as exc:
        raise ResourceError("HTML input needs trafilatura: pip install 'eventwire[html]'") from exc
    page = _strip_never_text(raw)
    if len(page) > max_chars:
        return HtmlExtract(text="", too_large=True)
    tree = parse_html(page)
    if tree is None:
        return HtmlExtract(text="")
    meta = read_page_meta(tree, url, read_json_ld(raw[:max_chars]))
    etree.strip_elements(tree, *_FURNITURE, with_tail=False)
    doc: Any = trafilatura.bare_extraction(
        tree, url=meta.url or None, fast=True, include_comments=False, include_tables=True, with_metadata=False
    )
    text = (doc.text or "") if doc is not None else ""
    rest = continued_body(tree, text)
    return HtmlExtract(text="\n".join((text, *rest)) if rest else text, meta=meta)


def _words_key(text: str) -> str:
    return " ".join(text.split()[:12])


def continued_body(tree: Any, text: str) -> list[str]:
    """Paragraphs of an article body that the page split into several containers of one class around
    advertisements (`<div class="body__container">` ... ad ... `<div class="body__container">`), where the
    extractor kept only the first: the paragraphs of the later containers, to append."""
    containers: dict[Any, list[str]] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None or not parent.get("class"):
            continue
        line = " ".join(" ".join(paragraph.itertext()).split())
        if line:
            containers.setdefault(parent, []).append(line)
    groups: dict[tuple[str, str], list[list[str]]] = {}
    for parent, lines in containers.items():
        prose = [line for line in lines if line.endswith((".", "?", "!", "\"", "”")) and len(line.split()) >= 8]
        if len(prose) >= 2 and sum(len(line.split()) for line in prose) >= 40:
            groups.setdefault((parent.tag, parent.get("class", "")), []).append(prose)
    flat = " ".join(text.split())
    missing: list[str] = []
    for members in groups.values():
        if len(members) < 2 or _words_key(members[0][0]) not in flat:
            continue
        for lines in members[1:]:
            absent = [line for line in lines if _words_key(line) not in flat]
            if len(absent) >= 2:
                missing.extend(absent)
    return missing


def _headline_key(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def remove_headlines(text: str, meta: PageMeta) -> tuple[str, tuple[Removed, ...]]:
    """Drop the page's headline, and the standfirst right under it, where the extractor left them at the top of
    the body: they repeat the story (the title is kept as metadata). A standfirst that opens the body without a
    headline above it is often the lead paragraph, and stays."""
    headlines = {_headline_key(h) for h in meta.headlines} - {""}
    standfirst = _headline_key(meta.description)
    lines = text.split("\n")
    removed: list[Removed] = []
    for index in range(min(3, len(lines))):
        key = _headline_key(lines[index])
        is_headline = bool(key) and any(key == k or (len(key) > 20 and k.startswith(key)) for k in headlines)
        if not is_headline and not (removed and key and key == standfirst):
            break
        removed.append(Removed(lines[index], "headline or standfirst repeated in the body"))
    return "\n".join(lines[len(removed):]), tuple(removed)


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
    max_chars = int(settings.get("clean.max_html_chars"))

    def clean(article: Article) -> Article:
        title, author = "", article.author
        removed_html: tuple[Removed, ...] = ()
        published, outlet, url = article.published, article.outlet, article.url
        body = article.raw
        if looks_like_html(article.raw):
            page = extract_html(article.raw, max_chars, url)
            if page.too_large:
                detail = f"over clean.max_html_chars={max_chars} characters without its scripts and styles"
                return dataclasses.replace(article, drop=Drop(NAME, "page too large", detail))
            meta = page.meta
            body, headlines = remove_headlines(page.text, meta)
            title, author = meta.title, author or meta.author
            published = published or meta.published
            outlet, url = outlet or meta.outlet, url or meta.url
            removed_html = (Removed("(markup, navigation and page furniture)", "removed by trafilatura"), *headlines)
        else:
            title, body = split_headline(body)
        filtered = filter_text(body)
        article = dataclasses.replace(
            article, text=filtered.text, title=title, published=published, outlet=outlet, url=url, author=author,
            removed=removed_html + filtered.removed, credits=filtered.credits,
        )
        words = len(filtered.text.split())
        if words < min_words:
            detail = f"{words} word(s) left, fewer than clean.min_words={min_words}"
            return dataclasses.replace(article, drop=Drop(NAME, "empty after cleaning", detail))
        language = guess_language(filtered.text)
        article = dataclasses.replace(article, language=language)
        # A brief with too few function words to tell ("FARDC regains all M23 territory in Rutshuru") goes on;
        # a longer text that matches none of the known languages is one we cannot read.
        if language not in languages and not (language == "und" and words < _SHORT_UNDETERMINED):
            detail = f"detected {language!r}; clean.languages={sorted(languages)}"
            return dataclasses.replace(article, drop=Drop(NAME, "unsupported language", detail))
        return article

    return clean
