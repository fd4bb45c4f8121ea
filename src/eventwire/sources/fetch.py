"""A polite HTTP fetcher: a clear user agent, timeouts, retries with backoff, robots.txt, a per-host pace.

Failures are values (`FetchFailure` with a drop reason), not tracebacks, so a run goes on past them.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from eventwire.settings import Settings

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str


@dataclass(frozen=True)
class FetchFailure:
    reason: str  # the drop reason: "HTTP 404", "unreachable", "disallowed by robots.txt", "too large"
    detail: str


@dataclass
class Fetcher:
    settings: Settings
    sleep: object = time.sleep  # replaced in tests
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last_hit: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def agent(self) -> str:
        return str(self.settings.get("ingest.user_agent"))

    def get(self, url: str) -> Fetched | FetchFailure:
        """The body of `url` (at most ingest.max_bytes + 1 bytes), or why not."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return FetchFailure("unreachable", f"{url}: not an http(s) URL")
        if not self._allowed(url):
            return FetchFailure("disallowed by robots.txt", url)
        return self._get(url, int(self.settings.get("ingest.retries")))

    def _get(self, url: str, retries: int) -> Fetched | FetchFailure:
        max_bytes = int(self.settings.get("ingest.max_bytes"))
        delay = float(self.settings.get("ingest.backoff"))
        for attempt in range(retries + 1):
            self._pace(urlsplit(url).netloc)
            request = urllib.request.Request(url, headers={"User-Agent": self.agent, "Accept-Encoding": "identity"})
            try:
                with urllib.request.urlopen(request, timeout=float(self.settings.get("ingest.timeout"))) as response:
                    data = response.read(max_bytes + 1)
                    return Fetched(response.geturl(), data, response.headers.get("Content-Type", ""))
            except urllib.error.HTTPError as exc:
                failure = FetchFailure(f"HTTP {exc.code}", url)
                if exc.code not in RETRY_STATUS:
                    return failure
                wait = _retry_after(exc.headers.get("Retry-After", ""), delay * 2**attempt)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                failure = FetchFailure("unreachable", f"{url}: {getattr(exc, 'reason', exc)}")
                wait = delay * 2**attempt
            if attempt < retries:
                self.sleep(min(wait, 30.0))  # type: ignore[operator]
        return failure

    def _pace(self, host: str) -> None:
        """At most one request per `ingest.host_delay` seconds to each host."""
        gap = float(self.settings.get("ingest.host_delay"))
        with self._lock:
            now = time.monotonic()
            wait = self._last_hit.get(host, -1e9) + gap - now
            self._last_hit[host] = now + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)  # type: ignore[operator]

    def _allowed(self, url: str) -> bool:
        if not self.settings.get("ingest.robots"):
            return True
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._read_robots(root)
        rules = self._robots[root]
        return rules is None or rules.can_fetch(self.agent, url)

    def _read_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        fetched = self._get(root + "/robots.txt", retries=0)
        rules = urllib.robotparser.RobotFileParser(root + "/robots.txt")
        if isinstance(fetched, FetchFailure):
            if fetched.reason in ("HTTP 401", "HTTP 403"):
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            return None  # no robots.txt (404) or unreachable: allowed
        rules.parse(fetched.data.decode("utf-8", errors="replace").splitlines())
        return rules


def _retry_after(header: str, default: float) -> float:
    return float(header) if header.strip().isdigit() else default
