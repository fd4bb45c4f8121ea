import datetime as dt
import json

import pytest

from eventwire.errors import InputError
from eventwire.settings import Settings
from eventwire.sources import read_inputs
from eventwire.sources.files import Known, decode


def test_decode_handles_utf8_latin1_binary_and_empty() -> None:
    assert decode("café".encode()) == ("café", "")
    assert decode("café".encode("latin-1")) == ("café", "")
    assert decode(b"\x00\x01\x02binary") == (None, "binary input")
    assert decode(b"  \n") == (None, "empty input")


def test_folder_batch_keeps_going_past_bad_files(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Rebels attacked the town.")
    (tmp_path / "b.bin").write_bytes(b"\x00\xff" * 100)
    (tmp_path / "c.txt").write_bytes(b"")
    articles = list(read_inputs([str(tmp_path)], Settings.load()))
    assert [a.drop.reason if a.drop else None for a in articles] == [None, "binary input", "empty input"]


def test_oversized_input_is_dropped_with_reason(tmp_path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<html>" + b"x" * 2000 + b"</html>")
    (article,) = read_inputs([str(big)], Settings.load(overrides=["ingest.max_bytes=1000"]))
    assert article.drop is not None and article.drop.reason == "too large"


def test_sidecar_metadata_and_explicit_options(tmp_path) -> None:
    (tmp_path / "story.txt").write_text("Text.")
    (tmp_path / "story.json").write_text(json.dumps({"published": "2014-06-21", "outlet": "Paper"}))
    (article,) = read_inputs([str(tmp_path)], Settings.load())
    assert (article.published, article.outlet) == (dt.date(2014, 6, 21), "Paper")
    (article,) = read_inputs([str(tmp_path / "story.txt")], Settings.load(), Known(outlet="Other"))
    assert article.outlet == "Other"


def test_missing_path_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_inputs([str(tmp_path / "nope.txt")], Settings.load()))


def test_unreachable_url_is_a_drop() -> None:
    settings = Settings.load(overrides=["ingest.timeout=2.0"])
    (article,) = read_inputs(["http://127.0.0.1:9/none"], settings)
    assert article.drop is not None and article.drop.reason == "unreachable"
