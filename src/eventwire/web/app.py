"""The HTTP API and the map page, thin over the store, `query` and `control`.

Reads: GET /events, /events/points, /events/download, /events/{id}, /stats, /control, /outlines, /meta.
Writes (token): POST /articles, POST /events/{id}/review. Every error has one JSON shape (see `context`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__
from eventwire.control import TERRITORY_EVENTS, territorial_control
from eventwire.errors import EventwireError, InputError, NotFoundError
from eventwire.export import EXPORTERS
from eventwire.gazetteer.build import PLACE_CREDIT
from eventwire.lexicons import load_taxonomy
from eventwire.model import event_from_dict, to_dict
from eventwire.query import (
    BBox,
    EventFilter,
    Page,
    check_statuses,
    count_by_day,
    iter_events,
    select_events,
    select_points,
)
from eventwire.settings import Settings
from eventwire.web.context import ApiError, WebContext, error_body
from eventwire.web.outlines import OUTLINE_CREDIT, country_outlines
from eventwire.web.submit import read_limited, read_submission, run_submission

STATIC = resources.files("eventwire.web").joinpath("static")
REVIEW_BODY_LIMIT = 64_000


class ReviewRequest(BaseModel):
    action: Literal["accept", "reject", "edit"]
    fields: dict[str, Any] = Field(default_factory=dict, description="for 'edit': field -> new value")
    note: str = Field(default="", max_length=2000)


def _token(authorization: str, x_eventwire_token: str) -> str:
    if authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return x_eventwire_token.strip()


AuthHeader = Annotated[str, Header(description="Bearer TOKEN")]
TokenHeader = Annotated[str, Header(description="alternative to Authorization")]


def _filters(start: str, end: str, bbox: str, country: str, admin1: str, event_type: list[str],
             sub_event_type: str, actor: str, q: str, status: list[str]) -> EventFilter:
    if any("\x00" in value for value in (start, end, bbox, country, admin1, sub_event_type, actor, q,
                                           *event_type, *status)):
        raise InputError("filters cannot hold NUL characters")
    try:
        first = dt.date.fromisoformat(start) if start else None
        last = dt.date.fromisoformat(end) if end else None
    except ValueError:
        raise InputError("start and end must be dates as YYYY-MM-DD") from None
    return EventFilter(start=first, end=last, bbox=BBox.parse(bbox) if bbox else None, country=country.strip(),
                       admin1=admin1, event_types=tuple(t for t in event_type if t), sub_event_type=sub_event_type,
                       actor=actor.strip(), text=q.strip(), statuses=check_statuses(tuple(s for s in status if s)))


class FilterParams:
    """The shared filter query parameters, documented once for every read endpoint."""

    def __init__(self, start: str = Query("", description="first event date, YYYY-MM-DD"),
                 end: str = Query("", description="last event date, YYYY-MM-DD"),
                 bbox: str = Query("", description="west,south,east,north in degrees"),
                 country: str = Query("", description="ISO alpha-2 code or country name"),
                 admin1: str = "", event_type: Annotated[list[str] | None, Query()] = None,
                 sub_event_type: str = "", actor: str = Query("", description="part of actor1 or actor2"),
                 q: str = Query("", description="text in actors, place or notes"),
                 status: Annotated[list[str] | None, Query(description="review status")] = None) -> None:
        self.value = _filters(start, end, bbox, country, admin1, event_type or [], sub_event_type, actor, q,
                              status or [])


def _events_json(page: Page, limit: int, offset: int) -> bytes:
    """Stored event JSON spliced with its review status, without parsing every event again."""
    events = ",".join(f'{data[:-1]},"review_status":"{status}"}}' for data, status in page.rows)
    exact = "true" if page.exact else "false"
    return (f'{{"total":{page.total},"total_exact":{exact},"limit":{limit},"offset":{offset},'
            f'"events":[{events}]}}').encode()


def create_app(settings: Settings, store_path: str | Path) -> FastAPI:
    """The API and page over the store at `store_path` (created if missing)."""
    context = WebContext.create(settings, store_path)
    context.store()
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news, with the evidence behind every field. "
                              f"{PLACE_CREDIT}. {OUTLINE_CREDIT}")
    app.state.context = context
    _add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    # the listing routes come before "/events/{event_id}", which would otherwise take "/events/points"
    for routes in (_listing_routes, _detail_routes, _writing_routes):
        app.include_router(routes(context, settings))
    return app


def _listing_routes(context: WebContext, settings: Settings) -> APIRouter:
    """The page, its metadata and outlines, and the filtered events as pages, map points and downloads."""
    router = APIRouter()

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(STATIC.joinpath("index.html").read_text(encoding="utf-8"))

    @router.get("/meta", summary="Version, credits, taxonomy and store counts")
    def meta(authorization: AuthHeader = "", x_eventwire_token: TokenHeader = "") -> dict[str, Any]:
        context.require_reader(_token(authorization, x_eventwire_token))
        taxonomy = load_taxonomy()
        return {"version": __version__, "credits": [PLACE_CREDIT, OUTLINE_CREDIT],
                "event_types": sorted({c.event_type for c in taxonomy.values()}),
                "sub_event_types": {s: c.event_type for s, c in sorted(taxonomy.items())},
                "counts": context.store().counts(), "open_reads": bool(settings.get("web.open_reads")),
                "writable": bool(context.tokens)}

    @router.get("/outlines", summary="Country outlines (GeoJSON) for the map")
    def outlines() -> Response:
        return Response(country_outlines(), media_type="application/geo+json",
                        headers={"Cache-Control": "max-age=86400"})

    @router.get("/events", summary="Filtered, sorted, paged events")
    def events(filters: Annotated[FilterParams, Depends()], sort: str = "-event_date",
               limit: Annotated[int, Query(ge=0, le=100_000)] = 0,
               offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
               format: Literal["json", "geojson"] = "json", authorization: AuthHeader = "",
               x_eventwire_token: TokenHeader = "") -> Response:
        context.require_reader(_token(authorization, x_eventwire_token))
        size = min(limit or settings.get("web.page_size"), settings.get("web.max_page_size"))
        store = context.store()
        page = select_events(store.db, filters.value, sort, size, offset, settings.get("web.count_cap"),
                             store.probe_cache)
        if format == "json":
            return Response(_events_json(page, size, offset), media_type="application/json")
        out = io.StringIO()
        EXPORTERS["geojson"]((event_from_dict(json.loads(data)) for data, _ in page.rows), out)
        return Response(out.getvalue(), media_type="application/geo+json")

    @router.get("/events/points", summary="Compact map points of the filtered events")
    def points(filters: Annotated[FilterParams, Depends()], authorization: AuthHeader = "",
               x_eventwire_token: TokenHeader = "") -> dict[str, Any]:
        context.require_reader(_token(authorization, x_eventwire_token))
        cap = int(settings.get("web.max_points"))
        total, rows = select_points(context.store().db, filters.value, cap)
        return {"total": total, "fields": ["event_id", "longitude", "latitude", "event_type", "event_date",
                                           "review_status"], "points": rows, "capped": total > cap}

    @router.get("/events/download", summary="The whole filtered selection as a file")
    def download(filters: Annotated[FilterParams, Depends()], format: Literal["csv", "geojson", "jsonl"] = "csv",
                 authorization: AuthHeader = "", x_eventwire_token: TokenHeader = "") -> StreamingResponse:
        context.require_reader(_token(authorization, x_eventwire_token))
        rows = iter_events(context.store().db, filters.value)
        cap = int(settings.get("web.max_download"))
        chosen = [event_from_dict(json.loads(data)) for _, data in zip(range(cap), rows, strict=False)]
        out = io.StringIO()
        EXPORTERS[format](chosen, out)
        media = {"csv": "text/csv", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}[format]
        name = f"eventwire-events.{format}"
        return StreamingResponse(iter([out.getvalue()]), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"',
                                          "X-Data-Credit": PLACE_CREDIT})

    return router


def _detail_routes(context: WebContext, settings: Settings) -> APIRouter:
    """One event's provenance, counts by day and type, and territorial control."""
    router = APIRouter()

    @router.get("/events/{event_id}", summary="One event with its provenance and review history")
    def event(event_id: str, authorization: AuthHeader = "", x_eventwire_token: TokenHeader = "") -> dict[str, Any]:
        context.require_reader(_token(authorization, x_eventwire_token))
        return _provenance(context, event_id)

    @router.get("/stats", summary="Event counts by day and type for the filtered events")
    def stats(filters: Annotated[FilterParams, Depends()], authorization: AuthHeader = "",
              x_eventwire_token: TokenHeader = "") -> dict[str, Any]:
        context.require_reader(_token(authorization, x_eventwire_token))
        by_day = count_by_day(context.store().db, filters.value)
        by_type: dict[str, int] = {}
        for row in by_day:
            by_type[str(row["event_type"])] = by_type.get(str(row["event_type"]), 0) + int(str(row["count"]))
        return {"total": sum(by_type.values()), "by_type": by_type, "by_day": by_day}

    @router.get("/control", summary="Who controls which place on a date, from territory events")
    def control(country: str = "", on: str = Query("", description="YYYY-MM-DD; default: latest"),
                authorization: AuthHeader = "", x_eventwire_token: TokenHeader = "") -> dict[str, Any]:
        context.require_reader(_token(authorization, x_eventwire_token))
        try:
            day = dt.date.fromisoformat(on) if on else None
        except ValueError:
            raise InputError("on must be a date as YYYY-MM-DD") from None
        where = EventFilter(statuses=("pending", "accepted", "edited"), sub_event_types=tuple(sorted(TERRITORY_EVENTS)))
        territory = (event_from_dict(json.loads(data)) for data in iter_events(context.store().db, where))
        places = territorial_control(territory, day, country.strip())
        return {"on": day.isoformat() if day else None, "places": to_dict(places)}

    return router


def _writing_routes(context: WebContext, settings: Settings) -> APIRouter:
    """Submitting pages and reviewing events, for holders of a writer's token."""
    router = APIRouter()

    @router.post("/articles", status_code=201, summary="Submit a page (HTML or text) for extraction",
              openapi_extra={"requestBody": {"content": {
                  "application/json": {"schema": {"type": "object", "required": ["text"], "properties": {
                      "text": {"type": "string"}, "url": {"type": "string"}, "outlet": {"type": "string"},
                      "published": {"type": "string", "format": "date"}}}},
                  "text/html": {"schema": {"type": "string"}}, "text/plain": {"schema": {"type": "string"}}}}})
    async def submit(request: Request, authorization: AuthHeader = "",
                     x_eventwire_token: TokenHeader = "") -> JSONResponse:
        context.require_writer(_token(authorization, x_eventwire_token))
        submission = await read_submission(request, int(settings.get("web.max_submit_bytes")))  # 413 past it
        return JSONResponse(await run_submission(context, submission), status_code=201)

    @router.post("/events/{event_id}/review", summary="Accept, reject or edit an event (audited)",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": ReviewRequest.model_json_schema()}}}})
    async def review(event_id: str, request: Request, authorization: AuthHeader = "",
                     x_eventwire_token: TokenHeader = "") -> dict[str, Any]:
        # The token is checked before the body is read, and the body is size-limited.
        reviewer = context.require_writer(_token(authorization, x_eventwire_token))
        raw = await read_limited(request, REVIEW_BODY_LIMIT)
        try:
            body = ReviewRequest.model_validate_json(raw)
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
            raise ApiError(422, f"invalid review: {problems}") from None

        def apply() -> dict[str, Any]:
            context.store().review(event_id, body.action, reviewer, body.fields, body.note)
            return _provenance(context, event_id)

        return await run_in_threadpool(apply)

    return router


def _provenance(context: WebContext, event_id: str) -> dict[str, Any]:
    store = context.store()
    event, status = store.event(event_id)
    article = store.article(event.article_id)
    text: str = article["text"]
    spans = to_dict(event.evidence)
    fields = [{"field": name, "start": span["start"], "end": span["end"],
               "text": text[span["start"]:span["end"]]} for name, span in spans.items() if span]
    sentence = spans["sentence"]
    grouped = store.incident_of(event_id)
    reports = [store.event(other)[0] for other in grouped[1]] if grouped else [event]
    sources: list[dict[str, Any]] = []
    for report in sorted(reports, key=lambda r: r.article_id != event.article_id):
        if any(s["article_id"] == report.article_id for s in sources):
            continue
        row = article if report.article_id == event.article_id else store.article(report.article_id)
        sources.append({"article_id": report.article_id, "url": row["url"], "outlet": row["outlet"],
                        "title": row["title"], "published": row["published"], "origin": row["origin"]})
    return {
        "event": {**to_dict(event), "review_status": status},
        "sources": sources,
        "incident": {"incident_id": grouped[0].event_id, "reports": grouped[1], "reasons": grouped[2],
                     "fatalities": grouped[0].fatalities, "event_date": to_dict(grouped[0].event_date)}
        if grouped else None,
        "evidence": {"sentence": text[sentence["start"]:sentence["end"]], "offset": sentence["start"],
                     "fields": fields},
        "history": store.history(event_id),
        "credits": PLACE_CREDIT,
    }


def _add_error_handlers(app: FastAPI) -> None:
    def answer(status: int, message: str) -> JSONResponse:
        return JSONResponse(error_body(status, message), status_code=status)

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return answer(exc.status, exc.message)

    @app.exception_handler(NotFoundError)
    async def not_found(_: Request, exc: NotFoundError) -> JSONResponse:
        return answer(404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(_: Request, exc: InputError) -> JSONResponse:
        return answer(400, str(exc))

    @app.exception_handler(EventwireError)
    async def fault(_: Request, exc: EventwireError) -> JSONResponse:
        return answer(500, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        return answer(422, f"invalid request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return answer(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        return answer(500, f"internal error: {type(exc).__name__}; see the server log")

