"""What every request handler shares: settings, per-thread store connections, tokens, the lazy pipeline.

Also the one JSON error shape: `{"error": {"status": 404, "code": "not_found", "message": "..."}}`.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Store

ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "not_allowed",
               413: "too_large", 415: "unsupported_media_type", 422: "invalid", 500: "internal_error"}


class ApiError(Exception):
    """An error answered with the JSON error shape and an HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict[str, dict[str, object]]:
    return {"error": {"status": status, "code": ERROR_CODES.get(status, "error"), "message": message}}


def parse_tokens(entries: list[str]) -> dict[str, str]:
    """`name:token` entries to a token -> name map."""
    tokens: dict[str, str] = {}
    for entry in entries:
        name, sep, token = entry.partition(":")
        if not sep or not name.strip() or len(token.strip()) < 8:
            raise ConfigError(f"web.write_tokens entry {entry!r} must look like name:token (token ≥ 8 characters)")
        tokens[token.strip()] = name.strip()
    return tokens


def one_off_token() -> str:
    return f"local:{secrets.token_urlsafe(18)}"


@dataclass
class WebContext:
    settings: Settings
    store_path: str | Path
    tokens: dict[str, str]
    _local: threading.local = field(default_factory=threading.local)
    _pipeline: Pipeline | None = None
    _pipeline_lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def create(cls, settings: Settings, store_path: str | Path) -> WebContext:
        return cls(settings, store_path, parse_tokens(list(settings.get("web.write_tokens"))))

    def store(self) -> Store:
        """This thread's connection to the store (SQLite connections stay in their thread)."""
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.store_path)
            self._local.store = store
        return store

    def run_article(self, article: Article) -> Article:
        """The pipeline (built on first use) on one article; one article at a time, since the spaCy model is
        shared by every request thread."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.settings)
            return self._pipeline.run_safely(article)

    def who(self, token: str) -> str | None:
        for known, name in self.tokens.items():
            if hmac.compare_digest(known.encode(), token.encode()):
                return name
        return None

    def require_writer(self, token: str) -> str:
        """The reviewer's name for a valid write token; 401 without one, 403 with a wrong one."""
        if not self.tokens:
            raise ApiError(403, "writes are disabled: no write token is configured (web.write_tokens)")
        if not token:
            raise ApiError(401, "this request writes: send a token as 'Authorization: Bearer TOKEN'")
        name = self.who(token)
        if name is None:
            raise ApiError(403, "the token is not valid for writing")
        return name

    def require_reader(self, token: str) -> None:
        if self.settings.get("web.open_reads"):
            return
        if not token:
            raise ApiError(401, "reads are closed on this server: send a token as 'Authorization: Bearer TOKEN'")
        if self.who(token) is None:
            raise ApiError(403, "the token is not valid on this server")
