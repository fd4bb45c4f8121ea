"""One small interface over the two stores: SQLite (embedded, default) and PostgreSQL (for teams).

Store and query code is written once, with `?` parameters and portable SQL; this module turns it into each
driver's form. Where the engines differ for real (the text index, the schema DDL), callers branch on `dialect`.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from eventwire.errors import ResourceError, StoreError

POSTGRES_PREFIXES = ("postgresql://", "postgres://")
_WAL_PATIENCE = 10.0  # seconds a new SQLite store waits for its switch to write-ahead logging


class Cursor(Protocol):
    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...


class Database(Protocol):
    dialect: str  # "sqlite" or "postgresql"
    location: str

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor: ...
    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None: ...
    def executescript(self, script: str) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def changes(self) -> tuple[int, int]: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


class SqliteDatabase:
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.location = str(path)
        self.connection = sqlite3.connect(path, isolation_level=None)  # explicit transactions only
        for pragma in ("busy_timeout = 10000", "foreign_keys = ON", "cache_size = -65536", "mmap_size = 268435456"):
            self.connection.execute(f"PRAGMA {pragma}")
        self._write_ahead()

    def _write_ahead(self) -> None:
        """Switch a new file to write-ahead logging. Several processes opening one new store at once contend for
        the switch, and SQLite answers "database is locked" at once rather than wait its busy timeout: try again
        for up to `_WAL_PATIENCE` seconds."""
        deadline = time.monotonic() + _WAL_PATIENCE
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        return self.connection.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        self.connection.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        self.connection.executescript(script)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def rollback(self) -> None:
        """End a transaction a failed script left open."""
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    def changes(self) -> tuple[int, int]:
        """Moves whenever the database changes (others' commits, this connection's writes)."""
        return int(self.connection.execute("PRAGMA data_version").fetchone()[0]), self.connection.total_changes

    def close(self) -> None:
        self.connection.close()


_QMARK = re.compile(r"\?")


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise ResourceError("a PostgreSQL store needs psycopg: pip install 'eventwire[postgres]'") from exc
        self.location = re.sub(r"//[^@/]*@", "//***@", url)  # no password in messages
        try:
            self.connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.location}: {str(exc).strip()}") from exc

    @staticmethod
    def _sql(sql: str) -> str:
        return _QMARK.sub("%s", sql.replace("%", "%%"))

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        return self.connection.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(self._sql(sql), [tuple(r) for r in rows])

    def executescript(self, script: str) -> None:
        self.connection.execute(script)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    def rollback(self) -> None:
        self.connection.rollback()

    def changes(self) -> tuple[int, int]:
        return (0, 0)  # no cheap change counter: callers do not cache

    def close(self) -> None:
        self.connection.close()


def open_database(location: str | Path) -> Database:
    text = str(location)
    if text.startswith(POSTGRES_PREFIXES):
        return PostgresDatabase(text)
    return SqliteDatabase(Path(text))
