from eventwire.boilerplate import filter_text, split_glued


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


def test_credit_line_becomes_attribution_not_text() -> None:
    result = filter_text("Troops clashed with gunmen near the border town.\nAdditional reporting: Reuters")
    assert "Reuters" not in result.text
    assert [c.source for c in result.credits] == ["Reuters"]
