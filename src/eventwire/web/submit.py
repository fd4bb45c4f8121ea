"""POST /articles: read a size-limited submission, run the pipeline off the event loop, store the result."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from eventwire.model import Article, to_dict
from eventwire.web.context import ApiError, WebContext


@dataclass(frozen=True)
class Submission:
    text: str
    url: str = ""
    outlet: str = ""
    published: dt.date | None = None


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 past `limit` bytes (declared or streamed)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the body is {int(declared)} bytes; the limit here is {limit}")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiError(413, f"the body is over the limit of {limit} bytes")
    return bytes(body)


def _decode(body: bytes) -> str:
    if b"\x00" in body[:4096]:
        raise ApiError(400, "the submission looks binary; send HTML or text")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "the submission is not UTF-8 text") from None


def _parse_json(body: bytes) -> Submission:
    try:
        data = json.loads(_decode(body))
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"the JSON body is malformed: {exc.msg} at character {exc.pos}") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ApiError(422, "the JSON body must be an object with a 'text' string (HTML or plain text)")
    for key in ("url", "outlet", "published"):
        if not isinstance(data.get(key, ""), str | None):
            raise ApiError(422, f"'{key}' must be a string")
    try:
        published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    except ValueError:
        raise ApiError(422, "'published' must be a date as YYYY-MM-DD") from None
    return Submission(data["text"], data.get("url") or "", data.get("outlet") or "", published)


async def read_submission(request: Request, limit: int) -> Submission:
    """A JSON object {text, url, outlet, published}, or a raw text/html body with the same as query fields."""
    body = await read_limited(request, limit)
    if not body.strip():
        raise ApiError(400, "the submission is empty")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        submission = _parse_json(body)
    elif media in ("text/html", "text/plain", ""):
        params = request.query_params
        try:
            published = dt.date.fromisoformat(params["published"]) if params.get("published") else None
        except ValueError:
            raise ApiError(422, "'published' must be a date as YYYY-MM-DD") from None
        submission = Submission(_decode(body), params.get("url", ""), params.get("outlet", ""), published)
    else:
        raise ApiError(415, f"send application/json, text/html or text/plain, not {media!r}")
    if not submission.text.strip():
        raise ApiError(400, "the submission has no text")
    return submission


async def run_submission(context: WebContext, submission: Submission) -> dict[str, object]:
    """Extract and store; the answer lists the events, or the drop reason."""
    def work() -> dict[str, object]:
        article = context.run_article(Article(
            raw=submission.text, url=submission.url, outlet=submission.outlet, published=submission.published,
            origin=submission.url or "POST /articles"))
        context.store().save(article)
        return {"article_id": article.article_id, "drop": to_dict(article.drop) if article.drop else None,
                "events": to_dict(article.events), "rejected": to_dict(article.rejected)}
    return await run_in_threadpool(work)
