"""The library's SQLite database: opening, the versioned schema, short transactions.

One file, ``library.sqlite3`` in the home folder, in WAL mode so a second reader or a
CLI run reads committed data while one of them writes. Every write is one short
``BEGIN IMMEDIATE`` transaction, never held across user input; a writer that finds the
database locked waits ``BUSY_SECONDS`` and then reports ``LibraryBusy``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DATABASE_NAME = "library.sqlite3"
# How long a write waits for another process's write to finish before giving up.
BUSY_SECONDS = 5.0

# MIGRATIONS[n] takes a database from schema n to n + 1; the schema's version is the
# database's ``user_version``. Never edit a shipped step: add the next one.
MIGRATIONS: tuple[str, ...] = (
    """
    -- Per-article analysis, keyed by the hash of the cleaned article (text, structure,
    -- metadata; not its id or path) and the engines' version.
    -- The article and its findings are kept apart so either can be read alone.
    CREATE TABLE analyses (
        input_hash BLOB NOT NULL,
        engine INTEGER NOT NULL,
        article BLOB NOT NULL,
        findings BLOB NOT NULL,
        stored_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0),
        PRIMARY KEY (input_hash, engine)
    ) WITHOUT ROWID;
    -- Corpus-wide results (actors, stories, merged findings) of one ordered set of
    -- articles: a pure function of them, so reused when a run has exactly those.
    CREATE TABLE corpora (
        corpus_key BLOB NOT NULL,
        engine INTEGER NOT NULL,
        result BLOB NOT NULL,
        stored_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0),
        PRIMARY KEY (corpus_key, engine)
    ) WITHOUT ROWID;
    -- What a folder held the last time it was read: each file's size and mtime and the
    -- analyses of its articles, so an unchanged folder is not read again.
    CREATE TABLE snapshots (
        folder_key BLOB PRIMARY KEY,
        engine INTEGER NOT NULL,
        files_key BLOB NOT NULL,
        entries BLOB NOT NULL,
        stored_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0)
    );
    -- One row per article the user has seen, keyed by the hash of its decoded text so a
    -- moved or renamed file keeps its state; the URL finds it when the text changed.
    -- Articles that are no files (feeds) will live here too, with no path.
    CREATE TABLE articles (
        content_hash BLOB PRIMARY KEY,
        url TEXT,
        path TEXT,
        title TEXT,
        read INTEGER NOT NULL DEFAULT 0,
        flagged INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        updated_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0)
    );
    CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
    -- Where the reader was: the folders it had open and the article under the cursor.
    CREATE TABLE session (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    """
    -- Feeds followed (``newsroom feeds add``), with what their server said last time so
    -- the next update can ask "changed since?" (ETag, Last-Modified).
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0),
        updated_at REAL
    );
    -- Articles fetched from feeds and pages (``feeds update``, ``newsroom url``): the
    -- decoded text as the HTML reader extracted it (or the feed's summary when the page
    -- gave less: summary_only, tried again on the next update). De-duplicated by guid,
    -- then URL, then the text's hash; feed_url is NULL for a page fetched alone.
    CREATE TABLE fetched (
        id INTEGER PRIMARY KEY,
        feed_url TEXT,
        guid TEXT,
        url TEXT NOT NULL,
        outlet TEXT,
        title TEXT,
        date TEXT,
        byline TEXT,
        text TEXT NOT NULL,
        content_hash BLOB NOT NULL,
        summary_only INTEGER NOT NULL DEFAULT 0,
        extracted INTEGER NOT NULL DEFAULT 0,
        fetched_at REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0)
    );
    CREATE INDEX fetched_by_guid ON fetched (guid) WHERE guid IS NOT NULL;
    CREATE INDEX fetched_by_url ON fetched (url);
    CREATE INDEX fetched_by_hash ON fetched (content_hash);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class LibraryError(Exception):
    """The library cannot be used; the message is one line for the user."""


class NewerSchema(LibraryError):
    """The database was written by a newer newsroom: left untouched."""


class LibraryBusy(LibraryError):
    """Another process held the database's write lock for longer than the timeout."""


class Library:
    """An open library database; safe to share between the threads of one process."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection
        # sqlite3 connections must not run two statements at once from two threads.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, home: Path, *, busy_seconds: float = BUSY_SECONDS) -> Library:
        """Open (creating or migrating) the database in ``home``.

        Raises:
            NewerSchema: The database's schema is newer than this version reads.
            LibraryBusy: Migrating had to wait for another writer too long.
            LibraryError: The folder or file cannot be used.
        """
        path = home / DATABASE_NAME
        try:
            home.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: every transaction here is opened and closed explicitly.
            connection = sqlite3.connect(path, timeout=busy_seconds, isolation_level=None,
                                         check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(f"cannot open the library {path}: {error}") from error
        library = cls(path, connection)
        try:
            library._prepare()
        except BaseException:
            connection.close()
            raise
        return library

    def _prepare(self) -> None:
        # Checked before anything writes: even switching to WAL changes the file.
        self._refuse_newer(self._schema_version())
        with self._guard():
            self._connection.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL loses no committed transaction on a process crash
            # (only, at worst, the last ones on a power cut) and syncs far less.
            self._connection.execute("PRAGMA synchronous=NORMAL")
        if self._schema_version() < SCHEMA_VERSION:
            with self.write() as db:
                # Read again inside the lock: another process may have migrated first.
                version = db.execute("PRAGMA user_version").fetchone()[0]
                self._refuse_newer(version)
                for step in MIGRATIONS[version:]:
                    for statement in _statements(step):
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _schema_version(self) -> int:
        with self._guard():
            return int(self._connection.execute("PRAGMA user_version").fetchone()[0])

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise NewerSchema(
                f"the library {self.path} has schema version {version}, newer than this "
                f"newsroom reads ({SCHEMA_VERSION}): upgrade newsroom, or give another "
                "folder with --home; the file was not changed"
            )

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Hold the thread lock and turn SQLite's errors into the library's."""
        with self._lock:
            try:
                yield
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    raise LibraryBusy(
                        f"the library {self.path} is busy: another newsroom is writing to "
                        "it; try again when it has finished"
                    ) from error
                raise LibraryError(f"library {self.path}: {error}") from error
            except sqlite3.DatabaseError as error:
                raise LibraryError(f"library {self.path}: {error}") from error

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with self._guard():
            connection = self._connection
            # IMMEDIATE takes the write lock now, so the busy timeout applies here and
            # not halfway through, when a deadlock could only be broken by failing.
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Reads that see one committed state of the database."""
        with self._guard():
            connection = self._connection
            connection.execute("BEGIN")
            try:
                yield connection
            finally:
                connection.execute("COMMIT")

    def vacuum(self) -> None:
        """Give the space of deleted rows back to the file system."""
        with self._guard():
            # VACUUM runs outside any transaction, and checkpointing first empties the log.
            self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._connection.execute("VACUUM")

    def size(self) -> int:
        """Bytes on disk: the database and its write-ahead log."""
        total = 0
        for suffix in ("", "-wal"):
            candidate = self.path.with_name(self.path.name + suffix)
            if candidate.exists():
                total += candidate.stat().st_size
        return total

    def close(self) -> None:
        """Close the connection (uncommitted work cannot exist: writes are blocks)."""
        with self._lock:
            self._connection.close()


def _statements(script: str) -> list[str]:
    """A migration's statements: ``executescript`` would commit the open transaction."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
