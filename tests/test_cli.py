"""The CLI as a user meets it: the README's example, bad input, idempotent storage."""

import csv
import io
import json

import pytest

from eventwire.cli import main

from .conftest import EXAMPLE_TEXT, EXAMPLES

pytestmark = pytest.mark.slow


def _run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(args, out=out), out.getvalue()


def test_extract_prints_and_stores_events_idempotently(tmp_path) -> None:
    db = str(tmp_path / "e.sqlite")
    code, out = _run(["extract", str(EXAMPLE_TEXT), "--published", "2014-06-21", "--db", db, "--quiet"])
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["location"] for e in events} == {"Al Qa'im", "Rawah"}
    _run(["extract", str(EXAMPLE_TEXT), "--published", "2014-06-21", "--db", db, "--quiet"])
    code, stored = _run(["events", "--db", db])
    assert code == 0 and len(stored.splitlines()) == 2


def test_clean_removes_boilerplate_and_reports_it() -> None:
    code, out = _run(["clean", str(EXAMPLE_TEXT), "--show-removed"])
    record = json.loads(out)
    assert code == 0 and "Join our commenting forum" not in record["text"]
    assert {"text": "Comments", "reason": "navigation or widget label"} in record["removed"]
    assert record["credits"] == ["Reuters"]


def test_geoparse_prints_mentions() -> None:
    code, out = _run(["geoparse", str(EXAMPLE_TEXT)])
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {"al-Qaim", "Rawah", "Mosul"} <= {r["text"] for r in rows}
    assert all(r["text"] == EXAMPLE_TEXT.read_text()[0:0] or r["start"] < r["end"] for r in rows)


def test_bad_inputs_are_drops_and_the_batch_goes_on(tmp_path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "huge.html").write_bytes(b"<html><body>" + b"<div>x</div>" * 3_000_000 + b"</body></html>")
    (tmp_path / "latin1.txt").write_bytes(EXAMPLE_TEXT.read_text().replace("’", "'").encode("latin-1"))
    (tmp_path / "french.txt").write_text(
        "Des combattants sunnites ont pris le contrôle de deux villes à la frontière entre l'Irak et la Syrie, "
        "selon des sources de sécurité. Les militants ont saisi la ville d'al-Qaim vendredi.")
    code, out = _run(["extract", str(tmp_path), "--published", "2014-06-21", "--no-store"])
    summary = capsys.readouterr().err
    assert code == 0 and "Traceback" not in summary
    assert "binary input (1)" in summary and "empty input (1)" in summary and "too large (1)" in summary
    assert "unsupported language (1)" in summary
    assert {json.loads(line)["location"] for line in out.splitlines()} == {"Al Qa'im", "Rawah"}


def test_missing_file_is_one_line_error(tmp_path, capsys) -> None:
    code, _ = _run(["extract", str(tmp_path / "nope.txt")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("eventwire: error: no such file") and len(err.splitlines()) == 1


def test_ingest_export_and_control_commands(store_location, tmp_path, capsys) -> None:
    db = store_location
    assert main(["ingest", str(EXAMPLES), "--db", db, "--quiet"]) == 0
    out = io.StringIO()
    assert main(["export", "--db", db, "--format", "acled-csv", "--country", "IQ"], out=out) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sorted(r["location"] for r in rows) == ["Al Qa'im", "Rawah"]
    out = io.StringIO()
    assert main(["control", "--db", db, "--country", "IQ", "--on", "2014-06-20", "--format", "json"], out=out) == 0
    assert [p["location"] for p in json.loads(out.getvalue())] == ["Al Qa'im"]
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "none.sqlite")]) == 2
