import pytest

from eventwire.errors import ConfigError
from eventwire.settings import Settings


def test_defaults_load_and_dotted_overrides_apply() -> None:
    settings = Settings.load(overrides=["geoparse.min_population=1000", "store.path=x.sqlite"])
    assert settings.get("geoparse.min_population") == 1000
    assert settings.get("store.path") == "x.sqlite"
    assert Settings.load().get("geoparse.min_population") == 500


def test_unknown_key_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown setting"):
        Settings.load(overrides=["geoparse.nope=1"])


def test_wrong_type_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="expects int"):
        Settings.load(overrides=["geoparse.min_population=lots"])


def test_config_file_overrides_defaults(tmp_path) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[clean]\nmin_words = 5\n")
    assert Settings.load(config).get("clean.min_words") == 5
