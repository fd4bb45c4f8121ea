"""The one data model: every record that crosses a module boundary.

The article owns the text; every extracted value keeps the `Span` it came from, so that
`article.text[span.start:span.end]` is the evidence. All records are frozen dataclasses and
round-trip through plain JSON dictionaries (`to_dict` / `event_from_dict` / `article_from_dict`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True)
class Span:
    """Half-open character range `[start, end)` into `Article.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Drop:
    """A rejection recorded as data: which stage, why, and (for candidates) where."""

    stage: str
    reason: str
    detail: str = ""
    span: Span | None = None


@dataclass(frozen=True)
class Removed:
    """A block of boilerplate the cleaner removed, and why (raw text, not `Article.text`)."""

    text: str
    reason: str


@dataclass(frozen=True)
class Token:
    """One token of the parse; `head` and `sent` are indexes into `Annotation`."""

    start: int
    end: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    sent: int
    ent: str = ""


@dataclass(frozen=True)
class Entity:
    span: Span
    label: str


@dataclass(frozen=True)
class Annotation:
    sentences: tuple[Span, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    model: str = ""


@dataclass(frozen=True)
class Place:
    """A gazetteer entry. `geonameid` is None for entries derived from GeoNames (admin areas)."""

    name: str
    country_code: str
    country: str
    admin1: str
    admin2: str
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    population: int
    geonameid: int | None = None

    @property
    def point(self) -> tuple[float, float]:
        """(latitude, longitude), for `geodesy.km`."""
        return self.latitude, self.longitude

    @property
    def geo_precision(self) -> int:
        """ACLED geo_precision: 1 town, 2 region, 3 province/country."""
        if self.feature_class == "P":
            return 1
        if self.feature_code in ("ADM2", "ADMD"):  # a district; a township, woreda or other smaller unit
            return 2
        return 3


DEMONYM = "demonym"  # the cue of a country mention made by its adjective
ROUTE_END = "route end"  # the cue of a place named for a road it ends ("the Santa Cruz-Cochabamba highway")
IN_NAME = "in a name"  # the cue of a place that opens or ends an organisation's name ("Kentucky State Police")
DATELINE = "dateline"  # the cue of the town a report is filed from, in capitals before a dash ("BEIRUT (Reuters) -")
WITHIN = "within"  # the cue of a place the index lacks, placed on the one that qualifies it ("Kalo (Djugu, Ituri)")
STREET = "street"  # the cue of a street the index lacks, placed on the town the text names before it ("Main Street")


@dataclass(frozen=True)
class PlaceMention:
    span: Span
    place: Place
    confidence: float
    cue: str = ""
    qualifies: bool = False  # the Y of "X (Y)", "X, Y district": it locates the place named just before it

    @property
    def is_demonym(self) -> bool:
        """A country named by its adjective ("Syrian"): says whose, never where an event happened."""
        return self.cue == DEMONYM

    @property
    def says_where(self) -> bool:
        """The mention can say where an event happened: not "Russian" (whose), not "Kentucky" of "Kentucky State
        Police" (whose), not "Europe" (of no country), not a dateline (where the report was filed: `locate` falls
        back on it only where the event's sentence names no place)."""
        return self.cue not in (DEMONYM, IN_NAME, DATELINE) and bool(self.place.country_code)


@dataclass(frozen=True)
class Actor:
    name: str
    inter: int
    span: Span | None = None
    country: str = ""


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    precision: int
    span: Span | None = None


@dataclass(frozen=True)
class Attribution:
    source: str
    span: Span | None = None
    kind: str = ""


@dataclass(frozen=True)
class Evidence:
    """Where each coded value of an event came from in the article text."""

    sentence: Span
    trigger: Span
    actor1: Span | None = None
    actor2: Span | None = None
    place: Span | None = None
    date: Span | None = None
    fatalities: Span | None = None
    attribution: Span | None = None


@dataclass(frozen=True)
class Event:
    """An ACLED-shaped event plus what ACLED lacks: evidence, attribution, confidence, provenance."""

    event_id: str
    article_id: str
    evidence: Evidence
    event_date: dt.date | None = None
    time_precision: int = 0
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int = 0
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 0
    source: str = ""
    notes: str = ""
    fatalities: int = 0
    attribution: Attribution | None = None
    confidence: float = 0.0
    geonameid: int | None = None
    country_code: str = ""
    stages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """A news article as it moves through the pipeline; stages return updated copies."""

    raw: str
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None
    language: str = ""
    text: str = ""
    title: str = ""
    author: str = ""
    drop: Drop | None = None
    origin: str = ""
    removed: tuple[Removed, ...] = ()
    credits: tuple[Attribution, ...] = ()
    annotation: Annotation | None = None
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()
    rejected: tuple[Drop, ...] = ()
    stages: tuple[str, ...] = field(default=())
    key: str = ""  # the id fixed when the article entered the pipeline (see `article_id`)

    @property
    def article_id(self) -> str:
        """Content-derived id: the URL when there is one, else the raw content (else, for input that could not
        be read, where it came from)."""
        if self.key:  # stages may fill in the URL (from the page's metadata); identity stays what came in
            return self.key
        basis = canonical_url(self.url) or self.raw or f"origin:{self.origin}"
        return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def canonical_url(url: str) -> str:
    """The URL that identifies an article: scheme and host lower-cased, no fragment, no tracking parameters,
    no trailing slash; the same story fetched with ?utm_source=... is the same article."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith(_TRACKING))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def to_dict(record: Any) -> Any:
    """A JSON-ready dictionary of any model record (dates as ISO strings)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, tuple | list):
        return [to_dict(item) for item in record]
    if isinstance(record, dt.date):
        return record.isoformat()
    return record


def _span(value: Any) -> Span | None:
    return Span(value["start"], value["end"]) if value else None


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def attribution_from_dict(data: dict[str, Any] | None) -> Attribution | None:
    if not data:
        return None
    return Attribution(source=data["source"], span=_span(data.get("span")), kind=data.get("kind", ""))


def event_from_dict(data: dict[str, Any]) -> Event:
    """Inverse of `to_dict` for events."""
    values = dict(data)
    spans = {k: _span(v) for k, v in data["evidence"].items()}
    sentence, trigger = spans.pop("sentence"), spans.pop("trigger")
    assert sentence is not None and trigger is not None, "an event always has its sentence and trigger"
    values["evidence"] = Evidence(sentence=sentence, trigger=trigger, **spans)
    values["event_date"] = _date(data.get("event_date"))
    values["attribution"] = attribution_from_dict(data.get("attribution"))
    values["stages"] = tuple(data.get("stages", ()))
    return Event(**values)


def drop_from_dict(data: dict[str, Any]) -> Drop:
    return Drop(data["stage"], data["reason"], data.get("detail", ""), _span(data.get("span")))


def article_from_dict(data: dict[str, Any]) -> Article:
    """Inverse of `to_dict` for articles (annotation and places are not restored)."""
    return Article(
        raw=data.get("raw", ""),
        url=data.get("url", ""),
        outlet=data.get("outlet", ""),
        published=_date(data.get("published")),
        language=data.get("language", ""),
        text=data.get("text", ""),
        title=data.get("title", ""),
        drop=drop_from_dict(data["drop"]) if data.get("drop") else None,
        origin=data.get("origin", ""),
        key=data.get("key", ""),
        removed=tuple(Removed(**r) for r in data.get("removed", ())),
        credits=tuple(a for a in map(attribution_from_dict, data.get("credits", ())) if a),
        events=tuple(event_from_dict(e) for e in data.get("events", ())),
        rejected=tuple(drop_from_dict(d) for d in data.get("rejected", ())),
        stages=tuple(data.get("stages", ())),
    )
