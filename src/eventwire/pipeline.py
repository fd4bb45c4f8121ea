"""The pipeline: one explicit, ordered list of stages, checked when built.

A stage is a module in `eventwire.stages` with `NAME` (versioned, e.g. "geoparse.v1"), `REQUIRES` and
`PROVIDES` (names of `Article` facts) and `make(settings)`, which loads heavy resources once and returns
an `Article -> Article` function. A stage never raises for bad input: it returns the article with
`drop` set. Once an article is dropped the remaining stages are skipped.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType

from eventwire.errors import EventwireError, PipelineError
from eventwire.model import Article, Drop
from eventwire.settings import Settings
from eventwire.stages import (
    actors,
    annotate,
    attribution,
    clean,
    dates,
    events,
    fatalities,
    geoparse,
    locate,
    screen,
)

StageFn = Callable[[Article], Article]

# The order is the contract: each stage may only require what an earlier one provides.
STAGES: tuple[ModuleType, ...] = (clean, screen, annotate, geoparse, events, locate, dates, actors, fatalities,
                                  attribution)

# What an article holds before any stage runs.
INITIAL_FACTS = frozenset({"raw", "published", "url", "outlet"})


@dataclass(frozen=True)
class StageInfo:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]


def describe(module: ModuleType) -> StageInfo:
    return StageInfo(module.NAME, frozenset(module.REQUIRES), frozenset(module.PROVIDES))


def check_order(infos: Iterable[StageInfo]) -> None:
    """Raise `PipelineError` if a stage requires a fact that no earlier stage provides."""
    available = set(INITIAL_FACTS)
    for info in infos:
        missing = info.requires - available
        if missing:
            raise PipelineError(f"stage {info.name} requires {sorted(missing)}, provided by no earlier stage")
        available |= info.provides


@dataclass
class RunSummary:
    """Counts for a run: articles, events, and drops by `stage: reason`."""

    articles: int = 0
    events: int = 0
    drops: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    skipped: int = 0  # already stored, not processed again
    incidents: int = 0  # after cross-article dedup, when the run regrouped them
    seconds: float = 0.0

    def add(self, article: Article) -> None:
        self.articles += 1
        self.events += len(article.events)
        if article.drop is not None:
            self.drops[f"{article.drop.stage}: {article.drop.reason}"] += 1
        for rejection in article.rejected:
            self.rejected[f"{rejection.stage}: {rejection.reason}"] += 1

    def line(self) -> str:
        """One progress line: articles, events, drops by reason (the commonest three), rate."""
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        reasons = ", ".join(f"{reason.split(': ', 1)[-1]} {n}" for reason, n in self.drops.most_common(3))
        dropped = f"{sum(self.drops.values())} dropped" + (f" ({reasons})" if reasons else "")
        return (f"{self.articles} article(s), {self.events} event(s), {dropped}, {self.skipped} already stored, "
                f"{rate:.1f} articles/s")

    def render(self) -> str:
        lines = [f"{self.articles} article(s), {self.events} event(s)"]
        if self.skipped or self.incidents or self.seconds:
            lines[0] += (f", {self.skipped} already stored, {self.incidents} incident(s) after dedup, "
                         f"{self.seconds:.1f} s")
        for label, counts in (("dropped articles", self.drops), ("rejected candidates", self.rejected)):
            if counts:
                parts = ", ".join(f"{reason} ({n})" for reason, n in counts.most_common())
                lines.append(f"{label}: {parts}")
        return "\n".join(lines)


class Pipeline:
    """The stages, built once; `run` is cheap per article."""

    def __init__(self, settings: Settings, modules: tuple[ModuleType, ...] = STAGES) -> None:
        infos = [describe(m) for m in modules]
        check_order(infos)
        self.settings = settings
        self.names = tuple(info.name for info in infos)
        self._stages: list[tuple[str, StageFn]] = [(m.NAME, m.make(settings)) for m in modules]

    def run(self, article: Article) -> Article:
        if not article.key:
            article = dataclasses.replace(article, key=article.article_id)
        for name, stage in self._stages:
            if article.drop is not None:
                break
            article = stage(article)
            article = dataclasses.replace(article, stages=(*article.stages, name))
        if article.drop is None and not article.events:
            article = dataclasses.replace(article, drop=_no_event(article))
        stamped = tuple(dataclasses.replace(e, stages=article.stages) for e in article.events)
        return dataclasses.replace(article, events=stamped)

    def run_safely(self, article: Article) -> Article:
        """`run`, but a fault on one article becomes its drop so that a batch goes on."""
        try:
            return self.run(article)
        except EventwireError:
            raise
        except Exception as exc:  # a bug on odd input must not stop the batch; the drop records it
            detail = f"{type(exc).__name__}: {exc}"
            return dataclasses.replace(article, drop=Drop("pipeline", "internal error", detail))

    def run_many(self, articles: Iterable[Article], summary: RunSummary | None = None) -> Iterator[Article]:
        for article in articles:
            done = self.run_safely(article)
            if summary is not None:
                summary.add(done)
            yield done


def _no_event(article: Article) -> Drop:
    detail = f"{len(article.rejected)} candidate(s) rejected" if article.rejected else "no event trigger"
    return Drop("events", "no event", detail)
