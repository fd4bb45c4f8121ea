import time
from collections.abc import Callable

import pytest

from eventwire.model import Article
from eventwire.settings import Settings
from eventwire.stages import clean
from eventwire.stages.clean import continued_body, parse_html

REPORT = ("<p>Islamic State fighters captured the town of Rawah on Saturday, security sources said, after "
          "government troops withdrew from their positions overnight.</p>"
          "<p>The fighters had taken the border crossing at al-Qaim on Friday, residents told reporters, and "
          "hundreds of families fled towards the provincial capital.</p>")


Stage = Callable[[Article], Article]


@pytest.fixture(scope="module")
def stage() -> Stage:
    return clean.make(Settings.load())


def _page(head: str, body: str) -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_html_metadata_and_a_repeated_headline(stage: Stage) -> None:
    html = _page(
        '<meta property="og:title" content="Militants seize second Iraqi town">'
        '<meta property="og:site_name" content="The Daily"><meta name="author" content="Jane Roe">'
        '<meta name="description" content="The advance continues along the Euphrates.">'
        '<meta property="article:published_time" content="2014-06-21T10:00:00+03:00">'
        '<link rel="canonical" href="https://daily.example/2014/06/21/iraq">',
        "<article><h1>Militants seize second Iraqi town</h1><p>The advance continues along the Euphrates.</p>"
        f"{REPORT}</article>")
    article = stage(Article(raw=html))
    assert article.drop is None
    assert article.title == "Militants seize second Iraqi town"
    assert (article.outlet, article.author, article.url) == ("The Daily", "Jane Roe", "https://daily.example/2014/06/21/iraq")
    assert article.published is not None and article.published.isoformat() == "2014-06-21"
    assert article.text.startswith("Islamic State fighters captured")
    reasons = [r.reason for r in article.removed]
    assert reasons.count("headline or standfirst repeated in the body") == 2


def test_a_lead_paragraph_that_repeats_the_description_stays(stage: Stage) -> None:
    first = "Islamic State fighters captured the town of Rawah on Saturday"
    html = _page(f'<meta name="description" content="{first}, security sources said, after government troops '
                 'withdrew from their positions overnight.">', f"<article>{REPORT}</article>")
    assert stage(Article(raw=html)).text.startswith(first)


def test_a_body_split_around_an_advert_is_read_whole() -> None:
    import lxml.html

    second = ("<p>Later that day the fighters moved on to the nearby villages along the river, where they met little "
              "resistance from the remaining police units and local tribal forces.</p><p>Officials in Baghdad said "
              "reinforcements would be sent to the province within days, but they gave no further details about "
              "the size of the force.</p>")
    tree = lxml.html.fromstring(_page("", f'<div class="body">{REPORT}</div><div class="ad">Advertisement</div>'
                                          f'<div class="body">{second}</div>'))
    text = "\n".join(" ".join(p.text_content().split()) for p in tree.iterfind(".//div[@class='body'][1]/p"))
    rest = continued_body(tree, text)
    assert [line.split()[0] for line in rest] == ["Later", "Officials"]
    assert continued_body(tree, text + "\n" + "\n".join(rest)) == []


def test_parse_html_reads_pages_as_trafilatura_would() -> None:
    tree = parse_html(_page("<title>T</title>", REPORT))
    assert tree is not None and tree.find(".//p").text_content().startswith("Islamic State fighters")
    declared = '<?xml version="1.0" encoding="utf-8"?>' + _page("", "<p>Caf\u00e9 owners protested.</p>")
    tree = parse_html(declared)  # lxml refuses a str that declares its encoding: read as UTF-8 bytes
    assert tree is not None and tree.find(".//p").text_content() == "Caf\u00e9 owners protested."
    assert parse_html("just a line of text") is None  # no "html" near the start and not two elements
    assert parse_html("") is None


def test_page_furniture_never_reaches_the_text(stage: Stage) -> None:
    html = _page('<meta property="og:title" content="Militants seize second Iraqi town">',
                 "<nav><a href='/'>Home</a> World Politics Sport</nav><aside>Most read: ten things to know</aside>"
                 f"<article>{REPORT}<footer>Share this story on Facebook</footer></article>"
                 "<form><label>Email</label><input name='e'><button>Sign up to our newsletter</button></form>")
    article = stage(Article(raw=html))
    assert article.title == "Militants seize second Iraqi town"  # read before the head is taken out
    assert article.text.startswith("Islamic State fighters captured")
    for furniture in ("Home", "Most read", "Share this", "Email", "Sign up"):
        assert furniture not in article.text


HOSTILE = {
    "script-only page of 30 MB": _page("", "<script>" + "var a = 1;" * 3_000_000 + "</script>"),
    "30 MB of markup": _page("", REPORT * 70_000),
    "100,000 nested tags": _page("", "<div>" * 100_000 + REPORT + "</div>" * 100_000),
    "broken encoding": _page("", "<p>" + "\ufffd\udc80 abc \x00" * 5_000 + "</p>"),
    "empty body": _page("<title>Nothing</title>", ""),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_html_ends_as_a_drop_with_a_reason_in_bounded_time(stage: Stage, name: str) -> None:
    started = time.perf_counter()
    article = stage(Article(raw=HOSTILE[name]))
    # The bound is clean.max_html_chars (2 M characters once scripts are stripped, about 3 s on a slow core);
    # 20 s leaves room for a loaded CI machine while still catching an unbounded parse.
    assert time.perf_counter() - started < 20
    assert article.drop is not None and article.drop.reason in {"empty after cleaning", "page too large"}
    assert article.drop.detail


def test_a_page_over_the_size_limit_is_dropped_before_parsing() -> None:
    small = clean.make(Settings.load().with_overrides(["clean.max_html_chars=10000"]))
    article = small(Article(raw=_page("", REPORT * 100)))
    assert article.drop is not None and article.drop.reason == "page too large"
    assert "clean.max_html_chars=10000" in article.drop.detail
