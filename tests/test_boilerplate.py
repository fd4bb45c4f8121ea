import re

import pytest

from eventwire.boilerplate import filter_text, load_rules, required_literals, split_glued


def test_glued_sentences_are_split_but_abbreviations_are_not() -> None:
    assert split_glued("Your support makes all the difference.Sunni fighters have captured two towns.") == [
        "Your support makes all the difference.", "Sunni fighters have captured two towns."]
    assert split_glued("The U.S. said so.") == ["The U.S. said so."]


def test_appeals_and_prompts_are_removed_and_reporting_kept() -> None:
    text = ("Please support our journalism. Your donation keeps us going.\n"
            "Rebels attacked a police post in the north on Monday, officials said.\n"
            "Join our commenting forum\nComments")
    result = filter_text(text)
    assert result.text == "Rebels attacked a police post in the north on Monday, officials said."
    assert {r.reason for r in result.removed} == {
        "donation or subscription appeal", "comment-forum prompt", "navigation or widget label"}


@pytest.mark.parametrize("sentence", [
    "Renal patients protested outside the Governor's Office to demand a resumption of the organ donation system.",
    "The government donated 100 tonnes of food to flood victims in the north on Monday.",
])
def test_news_about_donations_is_no_appeal(sentence) -> None:
    assert filter_text(sentence).text == sentence


@pytest.mark.parametrize("appeal", [
    "Donate now to keep our reporters in the field.",
    "Please consider making a one-off donation.",
    "We need your help: donations keep this site free.",
])
def test_donation_appeals_are_removed(appeal) -> None:
    assert filter_text(appeal).text == ""


def test_credit_line_becomes_attribution_not_text() -> None:
    result = filter_text("Troops clashed with gunmen near the border town.\nAdditional reporting: Reuters")
    assert "Reuters" not in result.text
    assert [c.source for c in result.credits] == ["Reuters"]


def test_a_related_heading_takes_its_headline_list_with_it() -> None:
    text = ("Rebels shelled the airport on Monday, the army said.\n"
            "You may also like...\n"
            "Who will make the Rock Hall in 2020?\n"
            "Dave Matthews Band takes over Rock Hall Fan Vote\n"
            "The shelling stopped after two hours, residents said, and flights resumed on Tuesday.")
    result = filter_text(text)
    assert result.text.splitlines() == ["Rebels shelled the airport on Monday, the army said.",
                                        "The shelling stopped after two hours, residents said, and flights resumed "
                                        "on Tuesday."]
    assert {r.reason for r in result.removed} == {"related or read-more link"}


def test_a_closing_list_of_bulleted_headlines_goes_but_reporting_bullets_stay() -> None:
    body = [f"Paragraph {i} of the report on the fighting near the border, officials said." for i in range(9)]
    links = ["- 15 Amazing Images of Stars", "- 11 Fascinating Facts About Our Milky Way Galaxy",
             "- The Biggest Unanswered Questions About Dark Matter"]
    result = filter_text("\n".join(body + links))
    assert result.text.splitlines() == body
    facts = ["- Three soldiers were killed in the attack.", "- Two villages were burned.", "- Aid is blocked."]
    assert filter_text("\n".join(body + facts)).text.splitlines() == body + facts


def test_capitals_promotions_go_but_short_subheadings_stay() -> None:
    text = ("Troops entered the town on Friday, officials said.\n"
            "GET FOX BUSINESS ON THE GO BY CLICKING HERE\n"
            "WHAT HAPPENS NEXT\n"
            "|---|---|---|\n"
            "The talks resume next week.")
    result = filter_text(text)
    assert result.text.splitlines() == ["Troops entered the town on Friday, officials said.", "WHAT HAPPENS NEXT",
                                        "The talks resume next week."]
    assert {r.reason for r in result.removed} == {"promotional headline in capitals", "layout residue"}


@pytest.mark.parametrize("line", [
    "Thanks for signing up!",
    "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
    "If you buy something through this post, IGN may get a share of the sale.",
    "Filed under: Syria |",
    "Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com.",
    "Copyright 2019 The Daily. All rights reserved.",
    "Updated at 1:23 p.m.",
    "Get access to the fastest growing subscriptions service for as little as Rs 599 for the first year.",
    "The Times is committed to publishing a diversity of letters to the editor.",
])
def test_page_furniture_lines_are_removed(line: str) -> None:
    result = filter_text(f"Gunmen attacked a checkpoint near the city on Sunday, police said.\n{line}")
    assert result.text == "Gunmen attacked a checkpoint near the city on Sunday, police said."


@pytest.mark.parametrize(("line", "source"), [
    ("(Reporting by Greg Roumeliotis; Editing by Martin Howell)", "Greg Roumeliotis"),
    ("Keith Bradsher contributed reporting from Hong Kong.", "Keith Bradsher"),
    ("SOURCE: Al Jazeera News", "Al Jazeera News"),
])
def test_credit_lines_in_their_common_forms(line: str, source: str) -> None:
    result = filter_text(f"Troops clashed with gunmen near the border town.\n{line}")
    assert result.text == "Troops clashed with gunmen near the border town."
    assert [c.source for c in result.credits] == [source]


def test_reporting_that_mentions_clicks_and_subscriptions_stays() -> None:
    text = ("The ministry said the subscription to the bond issue was strong.\n"
            '"We need more support from our partners," the governor said.')
    assert filter_text(text).text == text


@pytest.mark.parametrize(("pattern", "flags", "literals"), [
    (r"\b(subscribe|paywalls?)\b", re.IGNORECASE, {"subscribe", "paywall"}),
    (r"\bSign (up|in)\b.*\bnewsletter\b", re.IGNORECASE, {"newsletter"}),
    (r"^Tell us what (you|YOU) think", 0, {"Tell us what "}),  # case kept where the pattern keeps it
    (r"\b\d+ issues for\b", re.IGNORECASE, {" issues for"}),
    (r"^[^\w]*$", 0, None),  # nothing literal: always searched
    (r"^(copyright|©)\s", re.IGNORECASE, None),  # one alternative too short to test for
    (r"(?i:Donate)", 0, None),  # a group that changes flags is not read
])
def test_required_literals_are_what_every_match_contains(pattern: str, flags: int, literals: set[str] | None) -> None:
    found = required_literals(re.compile(pattern, flags))
    assert (None if found is None else set(found)) == literals


SAMPLE_LINES = [
    "Sign up for our daily newsletter to get the news in your inbox.", "Subscribe now: 12 issues for $1",
    "PLEASE SUPPORT INDEPENDENT JOURNALISM WITH A DONATION TODAY", "Copyright 2014 The Independent",
    "Photo: AP Photo", "[Related: Rebels advance]", "Share this on Facebook", "We use cookies on this site.",
    "Rebels attacked a police post in the north on Monday, officials said.",
    "The minister said the subscription to the bond issue was closed.", "More:", "Follow Reuters on Twitter",
    "- 15 Amazing Images of Stars", "Tell us what YOU think", "We'd love to hear from you.",
]


@pytest.mark.parametrize("line", SAMPLE_LINES)
def test_the_literal_gate_never_changes_a_rule_verdict(line: str) -> None:
    rules = load_rules()
    searchable = rules.searchable(line)
    for rule in rules.rules:
        assert rule.matches(line, searchable) == rule.matches(line), rule.reason
