import pytest

from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.web.context import parse_tokens
from eventwire.web.serve import prepare


@pytest.mark.slow
def test_an_empty_store_gets_the_example_and_a_one_off_token(tmp_path) -> None:
    path = tmp_path / "new.sqlite"
    settings, token = prepare(Settings.load(), path)
    assert len(token) >= 16
    assert parse_tokens(settings.get("web.write_tokens")) == {token: "local"}
    assert Store(path).counts()["events"] == 2
    again, _ = prepare(Settings.load().with_values({"web.write_tokens": ["ann:configured-token"]}), path)
    assert again.get("web.write_tokens") == ["ann:configured-token"]
    assert Store(path).counts()["articles"] == 1  # not loaded twice


def test_no_example_when_switched_off(tmp_path) -> None:
    path = tmp_path / "off.sqlite"
    prepare(Settings.load().with_values({"web.load_example": False}), path)
    assert Store(path).counts()["events"] == 0


def test_token_entries_are_checked() -> None:
    from eventwire.errors import ConfigError

    for bad in ("no-colon-token", ":anonymous-token", "ann:short"):
        with pytest.raises(ConfigError):
            parse_tokens([bad])
