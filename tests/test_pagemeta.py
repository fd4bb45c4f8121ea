import datetime as dt

import lxml.html
import pytest

from eventwire.pagemeta import date_in_url, parse_date, read_json_ld, read_page_meta


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-11-19T10:00:00-05:00", dt.date(2019, 11, 19)),
    ("20191118", dt.date(2019, 11, 18)),
    ("1574156649", dt.date(2019, 11, 19)),
    ("Fri 6:45 PM, Feb 16, 2018", dt.date(2018, 2, 16)),
    ("Nov. 19, 2019 5:50 PM", dt.date(2019, 11, 19)),
    ("19 November 2019", dt.date(2019, 11, 19)),
    ("publiziert am 25. September 2018", dt.date(2018, 9, 25)),
    ("0001-01-01T00:00:00", None),  # a placeholder, not a date
    ("2019-02-30", None),
    ("yesterday", None),
])
def test_dates_are_read_from_the_forms_pages_use(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_a_date_after_the_latest_allowed_is_refused() -> None:
    assert parse_date("2031-01-01") is None
    assert parse_date("2020-01-01", latest=dt.date(2019, 12, 31)) is None


def test_dates_in_news_urls() -> None:
    assert date_in_url("https://www.nytimes.com/2019/11/19/opinion/x.html") == dt.date(2019, 11, 19)
    assert date_in_url("https://example.com/news/20191118/story") == dt.date(2019, 11, 18)
    assert date_in_url("https://example.com/story-11574168580") is None


def _meta(head: str, body: str = "<p>Text.</p>", url: str = "") -> object:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_page_meta(lxml.html.fromstring(html), url, read_json_ld(html))


def test_metadata_comes_from_meta_tags_json_ld_and_canonical_link() -> None:
    meta = _meta(
        '<title>Rebels take town | The Daily</title><meta property="og:title" content="Rebels take town">'
        '<meta property="og:site_name" content="The Daily"><meta name="author" content="Jane Roe">'
        '<link rel="canonical" href="https://daily.example/world/rebels">'
        '<meta name="description" content="The town fell on Friday.">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2014-06-21T09:00:00+03:00",'
        ' "author": {"@type": "Person", "name": "Jane Roe"}}</script>'
        '<meta property="article:published_time" content="2014-06-20T09:00:00+03:00">')
    assert meta.title == "Rebels take town"
    assert meta.outlet == "The Daily"
    assert meta.author == "Jane Roe"
    assert meta.url == "https://daily.example/world/rebels"
    assert meta.description == "The town fell on Friday."
    assert (meta.published, meta.published_from) == (dt.date(2014, 6, 21), "json-ld datePublished")
    assert "Rebels take town | The Daily" in meta.headlines


def test_a_small_hours_utc_timestamp_gives_way_to_the_local_date_the_page_names() -> None:
    meta = _meta('<meta property="article:published_time" content="2019-11-20T01:50:59Z">',
                 url="https://www.latimes.com/2019-11-19/story")
    assert meta.published == dt.date(2019, 11, 19)
    assert meta.published_from.startswith("url")
    alone = _meta('<meta property="article:published_time" content="2019-11-20T01:50:59Z">')
    assert alone.published == dt.date(2019, 11, 20)


def test_visible_dates_are_the_last_resort() -> None:
    meta = _meta("", '<span class="storyDate">Posted: <span itemprop="datePublished">Fri 6:45 PM, Feb 16, 2018'
                     '</span></span><p>Text.</p>')
    assert meta.published == dt.date(2018, 2, 16)
    dated = _meta("", '<div class="article-date">Updated</div><div class="Post-Date">March 3, 2017</div>')
    assert dated.published == dt.date(2017, 3, 3)
    assert _meta("").published is None


def test_broken_json_ld_is_skipped() -> None:
    meta = _meta('<script type="application/ld+json">{"@type": "NewsArticle", </script>'
                 '<meta name="pubdate" content="2020-05-01">')
    assert meta.published == dt.date(2020, 5, 1)
