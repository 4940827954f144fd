"""Opening the per-user SQLite file: WAL, foreign keys, busy timeout, migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import ClassVar, overload

from iris_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION


def utc_now() -> str:
    """The timestamp format of every created_at / predicted_at column."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class StoreError(Exception):
    """The database cannot be used; the message says why in words a user understands."""


class NewerSchemaError(StoreError):
    pass


class CorruptDatabaseError(StoreError):
    pass


class StoreContentError(StoreError):
    """Contents Iris Desktop never writes (the file was edited); the file itself is sound."""

    RESTORE = (
        "it was changed outside Iris Desktop; restore a backup (`iris-desktop restore`, or File ▸ Restore from backup…)"
    )

    @classmethod
    def value(cls, path: Path, what: str, value: object, why: str) -> StoreContentError:
        return cls(f"{path.name} holds {what} = {str(value)[:60]!r}, which {why}: {cls.RESTORE}")

    @classmethod
    def found(cls, path: Path, problem: str) -> StoreContentError:
        return cls(f"{path.name} holds what Iris Desktop never writes ({problem}): {cls.RESTORE}")


class StoreBusyError(StoreError):
    """Another connection held the write lock for longer than we wait."""


WAIT_NOTICE_S = 0.5  # after this long waiting for a lock, `on_wait` is told


def translate(exc: sqlite3.Error, path: Path) -> StoreError | None:
    """The StoreError a user should see for a failure of the database itself (locked,
    damaged, read-only, disk full); None for anything else (a bug, a constraint)."""
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11+; older: read the message
    text = str(exc).lower()
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or "database is locked" in text:
        return StoreBusyError(
            f"{path.name} is busy: another Iris Desktop (or another program) kept it "
            "locked while writing; nothing was changed, try again"
        )
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return CorruptDatabaseError(f"{path} is damaged ({exc}); nothing more was written to it")
    if name == "SQLITE_READONLY" or "readonly" in text:
        return StoreError(f"{path} is read-only: Iris Desktop cannot save anything there ({exc})")
    if name == "SQLITE_FULL" or "disk is full" in text or "database or disk is full" in text:
        return StoreError(f"the disk holding {path.parent} is full; nothing was changed")
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreError(f"{path} could not be read or written ({exc}); nothing was changed")
    if name == "SQLITE_CANTOPEN" or "unable to open" in text:
        return StoreError(f"{path} cannot be opened ({exc})")
    return None


class Store:
    """One connection to the database file plus the folder that holds model artifacts.

    A Store belongs to the thread that opened it (sqlite3 enforces it); a worker opens
    its own with `Store.open(store.path)` (WAL lets readers and one writer share the file).
    """

    # Called with an existing store before its schema is updated, to keep a copy as it
    # was (store/__init__.py sets it to the automatic backup: backups build on Store).
    before_migration: ClassVar[Callable[[Store], object] | None] = None

    def __init__(self, conn: sqlite3.Connection, path: Path, models_dir: Path, timeout: float = 10.0):
        self.conn = conn
        self.path = path
        self.models_dir = models_dir
        self.timeout = timeout  # the longest a write waits for another connection's lock
        # called once when a write has waited WAIT_NOTICE_S for a lock
        self.on_wait: Callable[[], object] | None = None
        self._depth = 0

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], models_dir: str | os.PathLike[str] | None = None, timeout: float = 10.0
    ) -> Store:
        """Open (creating and migrating if needed); waits up to `timeout` s for a lock."""
        path = Path(path)
        ensure_folder(path.parent)
        models = Path(models_dir) if models_dir is not None else path.parent / "models"
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        store = cls(conn, path, models, timeout)
        _remove_orphaned_temp_files(models)
        try:
            # Refuse a newer schema before anything (journal_mode = WAL) writes to the file.
            _check_not_newer(store)
            store._configure(timeout)
            checked = _checked_before(store)
            if not checked:
                _check_pages(store)
            migrate(store)
            if not checked:
                _check_contents(store)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _open_error(path, exc) from exc
        except StoreError:
            conn.close()
            raise
        return store

    def _configure(self, timeout: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside commit together or not at all. Nesting joins the outer one.
        If COMMIT itself fails (a deferred constraint, a full disk), the transaction is
        rolled back, so the connection is clean for the next one."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:  # SQLite may have rolled back already
                    pass
            translated = translate(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if translated is not None:
                raise translated from exc
            raise
        finally:
            self._depth = 0

    def _begin(self) -> None:
        """BEGIN IMMEDIATE (the write lock). If another connection holds it, say so after
        WAIT_NOTICE_S (on_wait) and keep waiting up to `timeout` in all."""
        try:
            if self.on_wait is not None:
                self.set_busy_timeout(min(WAIT_NOTICE_S, self.timeout))
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if self.on_wait is None or not isinstance(translate(exc, self.path), StoreBusyError):
                    raise
            self.on_wait()
            self.set_busy_timeout(max(0.0, self.timeout - WAIT_NOTICE_S))
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise (translate(exc, self.path) or exc) from exc
        finally:
            if self.on_wait is not None:
                self.set_busy_timeout(self.timeout)

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Reads inside see one snapshot of the database (a read transaction)."""
        if self._depth or self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("ROLLBACK")  # nothing was written: just end the snapshot

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a statement waits for another connection's lock before failing."""
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def data_version(self) -> int:
        """Changes whenever another connection commits (PRAGMA data_version): microseconds
        to read, so a timer can poll it to notice other processes' writes."""
        version: int = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return version

    def execute(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            translated = translate(exc, self.path)
            if translated is None:
                raise
            raise translated from exc

    def schema_version(self) -> int:
        version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    @overload
    def meta(self, key: str) -> str | None: ...
    @overload
    def meta(self, key: str, default: str) -> str: ...
    @overload
    def meta(self, key: str, default: str | None) -> str | None: ...
    def meta(self, key: str, default: str | None = None) -> str | None:
        """The value stored under `key` (the column is NOT NULL), else `default`."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        value: str | None = row[0] if row else default
        return value

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def installation_seed(self) -> int:
        """A random seed chosen once per installation; daily flowers derive from it."""
        value = self.meta("installation_seed")
        try:
            return int(value)  # type: ignore[arg-type]  # None too: int() refuses it, as below
        except (TypeError, ValueError):
            raise StoreContentError.value(self.path, "the installation seed", value, "is not a whole number") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_checked: set[Path] = set()  # files this process found sound


def _checked_before(store: Store) -> bool:
    return store.path.resolve() in _checked


def _check_pages(store: Store) -> None:
    """PRAGMA quick_check the first time this process opens a file: damage anywhere in
    it (a table's root page, the last page) is found now, not by some later read.
    Damaged pages are CorruptDatabaseError (the file is moved aside); rows that break a
    constraint are a hand edit in a sound file, StoreContentError (it stays)."""
    from iris_desktop.store.recovery import is_content_problem, problem

    found = problem(store.conn)
    if found and is_content_problem(found):
        raise StoreContentError.found(store.path, found)
    if found:
        raise CorruptDatabaseError(f"{store.path} is damaged ({found})")


def _check_contents(store: Store) -> None:
    """After the migrations: what a hand edit can leave that quick_check does not see."""
    from iris_desktop.store.schema import content_problem

    found = content_problem(store.conn)
    if found:
        raise StoreContentError.found(store.path, found)
    _checked.add(store.path.resolve())


def _check_not_newer(store: Store) -> int:
    version = store.schema_version()
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{store.path} was written by a newer Iris Desktop (schema {version}, "
            f"this version knows up to {SCHEMA_VERSION}); it was left untouched"
        )
    return version


ORPHAN_AGE_S = 3600  # a model file still being written is minutes old at most


def _remove_orphaned_temp_files(models: Path) -> None:
    """A process killed while writing a model leaves a `.tmp-*` file: remove those old
    enough that no process can still be writing them."""
    import time

    try:
        for leftover in models.glob(".tmp-*"):
            if time.time() - leftover.stat().st_mtime > ORPHAN_AGE_S:
                leftover.unlink(missing_ok=True)
    except OSError:
        pass  # a folder we cannot tidy is not a reason to refuse to open


def ensure_folder(folder: Path) -> None:
    """Create the data folder if needed (readable by its owner only: it holds what the
    user imported); StoreError if it cannot hold our files."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder}: {exc.strerror}") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"the data folder {folder} is not writable")


_CORRUPT = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    """Only a file that is not (or no longer) a database counts as corrupt; a locked or
    unreadable one is left alone and said so."""
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11+; older: read the message
    text = str(exc)
    if name in _CORRUPT or (not name and ("not a database" in text or "malformed" in text)):
        return CorruptDatabaseError(f"{path} is not a usable Iris Desktop database ({exc})")
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED") or (not name and "locked" in text):
        return StoreError(f"{path} is in use by another program and stayed locked ({exc})")
    return StoreError(f"{path} cannot be read ({exc})")


def migrate(store: Store) -> None:
    """Run the migrations the file lacks, each in its own transaction. Foreign keys are
    off meanwhile (a migration may rebuild a table others refer to: with them on,
    dropping the old table would delete its dependants) and checked before each commit."""
    version = _check_not_newer(store)
    if version == SCHEMA_VERSION:
        return _seed(store)
    if version and Store.before_migration is not None:  # an existing store: keep a copy as it was
        Store.before_migration(store)
    store.conn.execute("PRAGMA foreign_keys = OFF")  # no effect inside a transaction
    try:
        for number in range(version + 1, SCHEMA_VERSION + 1):
            with store.transaction() as conn:
                if store.schema_version() >= number:  # another process got there first
                    continue
                for statement in _statements(MIGRATIONS[number - 1]):
                    conn.execute(statement)
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"migration {number} would break {len(broken)} references; nothing was changed")
                conn.execute(f"PRAGMA user_version = {number}")
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON")
    _seed(store)


def _seed(store: Store) -> None:
    """A new store's installation seed. One that has flowers and lost its seed is not
    given a new one: every day not yet made would then differ from the stored ones."""
    if store.meta("installation_seed") is None:
        import secrets

        if store.conn.execute("SELECT EXISTS (SELECT 1 FROM flowers)").fetchone()[0]:
            raise StoreContentError.found(store.path, "the installation seed is missing")

        # OR IGNORE: if two processes create the database at once, the first seed stays.
        with store.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('installation_seed', ?)", (str(secrets.randbits(31)),)
            )


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction; split on complete statements instead.
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    return statements
