import pytest

from eventwire.errors import PipelineError
from eventwire.model import Article, Drop
from eventwire.pipeline import STAGES, RunSummary, StageInfo, check_order, describe


def test_declared_stage_order_is_consistent() -> None:
    check_order(describe(m) for m in STAGES)
    names = [describe(m).name for m in STAGES]
    assert all("." in n and n.split(".")[1].startswith("v") for n in names)


def test_a_stage_requiring_what_nobody_provides_is_refused() -> None:
    with pytest.raises(PipelineError, match="requires"):
        check_order([StageInfo("x.v1", frozenset({"annotation"}), frozenset())])


def test_summary_counts_drops_by_reason() -> None:
    summary = RunSummary()
    summary.add(Article(raw="", drop=Drop("ingest", "binary input")))
    summary.add(Article(raw="", drop=Drop("ingest", "binary input")))
    summary.add(Article(raw="x", rejected=(Drop("events.v1", "negated"),)))
    assert summary.drops["ingest: binary input"] == 2
    assert "events.v1: negated (1)" in summary.render()
