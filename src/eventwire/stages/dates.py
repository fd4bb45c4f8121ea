"""dates: each event's date, resolved against the publication date, with ACLED's time precision.

Evidence: a date expression in the trigger's clause, else in its sentence, else a day named in the two
sentences before it. Weekdays, today/yesterday,
overnight, "late on Friday", explicit dates, "earlier this week" (precision 2) and months (precision 3).
An event is never dated after publication; with no date expression it takes the publication date at
precision 2.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from eventwire.model import Article, Drop, Event, EventDate, Span
from eventwire.parse import Parse
from eventwire.settings import Settings

NAME = "dates.v1"
REQUIRES = ("events", "annotation")
PROVIDES = ("event_dates",)

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}

_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)
_MONTH_ONLY = re.compile(rf"\b{_MONTH}(?:\s+(?P<year>\d{{4}}))?\b", re.I)
_DAYS_AGO = re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a)\s+days?\s+ago\b", re.I)
_TODAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today)\b", re.I)
_YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b", re.I)
_WEEK = re.compile(r"\b(earlier this week|this week|last week|past week|this weekend|last weekend|weekend)\b", re.I)
_LAST_MONTH = re.compile(r"\blast month\b", re.I)
_LAST = re.compile(r"\blast\s*$", re.I)
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)


def day_told(text: str, after: frozenset[str]) -> tuple[int, int] | None:
    """The month and day of the first day in `text` told right after one of the words `after` ("on 10 April",
    "Around April 13th"); None where there is none."""
    days = sorted((m for pattern in (_DAY_MONTH, _MONTH_DAY) for m in pattern.finditer(text)), key=lambda m: m.start())
    return next(((_MONTHS[m["month"].lower().rstrip(".")], int(m["day"])) for m in days
                 if text[: m.start()].rstrip().rpartition(" ")[2].lower() in after), None)


def _explicit(text: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    found = _ISO.search(text)
    if found:
        return dt.date(int(found["year"]), int(found["month"]), int(found["day"])), 1
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        found = pattern.search(text)
        if found:
            month, day = _MONTHS[found["month"].lower().rstrip(".")], int(found["day"])
            year = int(found["year"]) if found["year"] else _year_before(published, month, day)
            return (dt.date(year, month, day), 1) if year else None
    found = _MONTH_ONLY.search(text)
    if found and (found["year"] or published):
        month = _MONTHS[found["month"].lower().rstrip(".")]
        year = int(found["year"]) if found["year"] else _year_before(published, month, 1)
        if year and published and not found["year"] and month == published.month \
                and _LAST.search(text[: found.start()]):
            year -= 1  # "last March", told in March: a year before
        if not year:
            return None
        middle = dt.date(year, month, 15)  # "in March", told on 7 March: not after publication
        return (min(middle, published) if published and published.month == month and published.year == year
                else middle), 3
    return None


def _year_before(published: dt.date | None, month: int, day: int) -> int:
    """The year that puts month/day on or before publication (0 when unknown)."""
    if published is None:
        return 0
    return published.year if (month, day) <= (published.month, published.day) else published.year - 1


def _relative(text: str, published: dt.date) -> tuple[dt.date, int] | None:
    if _TODAY.search(text):
        return published, 1
    if _YESTERDAY.search(text):
        return published - dt.timedelta(days=1), 1
    found = _DAYS_AGO.search(text)
    if found:
        n = found["n"].lower()
        return published - dt.timedelta(days=int(n) if n.isdigit() else _NUMBER_WORDS[n]), 1
    found = _WEEKDAY.search(text)
    if found:
        back = (published.weekday() - _WEEKDAYS[found[1].lower()]) % 7
        return published - dt.timedelta(days=back), 1
    found = _WEEK.search(text)
    if found:
        back = 7 if found[1].lower().startswith(("last", "past")) else min(2, published.weekday())
        return published - dt.timedelta(days=back), 2
    if _LAST_MONTH.search(text):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=15), 3
    return None


def resolve_date(expression: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    """(date, time_precision) for a date expression, relative to `published`; None if unresolvable."""
    try:
        explicit = _explicit(expression, published)
    except ValueError:  # "31 February"
        explicit = None
    if explicit:
        return explicit
    return _relative(expression, published) if published else None


_FULL_DATES = (_ISO, _DAY_MONTH, _MONTH_DAY)
_APPROXIMATE = re.compile(r"\b(?:around|about|approximately|circa)\s*$", re.I)
_EARLIER_SENTENCES = 2  # an event with no date of its own takes the date the text last gave, this far back


def date_expressions(parse: Parse) -> list[Span]:
    """The article's date expressions, in text order: spelled-out dates the pattern finds ("22 March 2022",
    which the small model may split into a number and "March 2022"), then the model's other DATE/TIME spans."""
    found = [Span(m.start(), m.end()) for pattern in _FULL_DATES for m in pattern.finditer(parse.text)]
    found += [e.span for e in parse.annotation.entities if e.label in ("DATE", "TIME")
              and not any(e.span.overlaps(f) for f in found)]
    return sorted(found, key=lambda s: s.start)


def _starting_in(parse: Parse, expressions: list[Span], tokens: set[int]) -> list[Span]:
    return [s for s in expressions if parse.token_at(s.start) in tokens]


def _resolved(parse: Parse, span: Span, published: dt.date | None) -> EventDate | None:
    resolved = resolve_date(span.of(parse.text), published)
    if resolved is None:
        return None
    day, precision = resolved
    if precision == 1 and _APPROXIMATE.search(parse.text[max(0, span.start - 16) : span.start]):
        precision = 2  # "Around 22 March": ACLED keeps the day and marks it approximate
    return EventDate(day, precision, span)


def date_event(parse: Parse, expressions: list[Span], event: Event, published: dt.date | None) -> EventDate | None:
    """The event's date from the article's date `expressions` (see `date_expressions`)."""
    index = parse.token_at(event.evidence.trigger.start)
    assert index is not None
    clause = set(parse.subtree(index, skip=frozenset({"relcl", "advcl", "ccomp", "acl", "conj"})))
    number = parse.tokens[index].sent
    sentence = set(parse.sentence_tokens(number))
    for scope in (clause, sentence):
        for span in _starting_in(parse, expressions, scope):
            found = _resolved(parse, span, published)
            if found:
                return found
    # "On 4 May, militants attacked Gao. They burned the market." The second act happened on the day told.
    for earlier in range(number - 1, max(-1, number - 1 - _EARLIER_SENTENCES), -1):
        for span in reversed(_starting_in(parse, expressions, set(parse.sentence_tokens(earlier)))):
            found = _resolved(parse, span, published)
            if found and found.precision == 1:
                return found
    return EventDate(published, 2) if published else None


def make(settings: Settings) -> Callable[[Article], Article]:
    max_age = dt.timedelta(days=int(settings.get("dates.max_age_days")))

    def dates(article: Article) -> Article:
        assert article.annotation is not None
        parse = Parse(article.annotation, article.text)
        expressions = date_expressions(parse)
        kept, drops = [], []
        for event in article.events:
            found = date_event(parse, expressions, event, article.published)
            if found is None:
                kept.append(event)
                continue
            if article.published and found.date > article.published:
                drops.append(Drop(NAME, "dated after publication", found.date.isoformat(), event.evidence.trigger))
                continue
            confidence = event.confidence + (0.1 if found.span else 0.0)
            if article.published and article.published - found.date > max_age:
                confidence /= 2
            kept.append(dataclasses.replace(
                event, event_date=found.date, time_precision=found.precision, confidence=confidence,
                evidence=dataclasses.replace(event.evidence, date=found.span),
            ))
        return dataclasses.replace(article, events=tuple(kept), rejected=article.rejected + tuple(drops))

    return dates
