"""Opening the per-user SQLite file: WAL, foreign keys, busy timeout, migrations."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import ClassVar, overload

from iris_desktop.store.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    StoreBusyError,
    StoreContentError,
    StoreError,
    open_error,
    translate,
)
from iris_desktop.store.files import ensure_folder as ensure_folder  # (ui/app.py imports it from here)
from iris_desktop.store.files import make_store_private, remove_orphaned_temp_files
from iris_desktop.store.layout import check_database_file, check_folders, create_whole
from iris_desktop.store.open_checks import repair_counts
from iris_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION, statements

INSTALLATION_ID = "installation_id"  # meta key: a random id per installation (32 hex digits)


def utc_now() -> str:
    """The timestamp format of every created_at / predicted_at column."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


WAIT_NOTICE_S = 0.5  # after this long waiting for a lock, `on_wait` is told


class Store:
    """One connection to the database file plus the folder that holds model artifacts.

    A Store belongs to the thread that opened it (sqlite3 enforces it); a worker opens
    its own with `Store.open(store.path)` (WAL lets readers and one writer share the file).
    """

    # Called with an existing store before its schema is updated, to keep a copy as it
    # was (store/__init__.py sets it to the automatic backup: backups build on Store).
    before_migration: ClassVar[Callable[[Store], object] | None] = None
    # Called with a store just made where the folder shows earlier use, and what shows it
    # (store/__init__.py sets it to record a recovery note: notes build on Store).
    on_started_anew: ClassVar[Callable[[Store, str], object] | None] = None

    def __init__(self, conn: sqlite3.Connection, path: Path, models_dir: Path, timeout: float = 10.0):
        self.conn = conn
        self.path = path
        self.models_dir = models_dir
        self.timeout = timeout  # the longest a write waits for another connection's lock
        # called once when a write has waited WAIT_NOTICE_S for a lock
        self.on_wait: Callable[[], object] | None = None
        self._depth = 0  # 1 inside a transaction, more inside nested ones (savepoints)
        self._undo: list[list[Callable[[], object]]] = []  # on_rollback callbacks, one list per level

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], models_dir: str | os.PathLike[str] | None = None, timeout: float = 10.0
    ) -> Store:
        """Open (creating and migrating if needed); waits up to `timeout` s for a lock."""
        path = Path(path)
        ensure_folder(path.parent)
        models = Path(models_dir) if models_dir is not None else path.parent / "models"
        check_folders(path, models)  # models/ or backups/ a file, or read-only: said now, by every command
        check_database_file(path, models)  # zero-length where a store was: damaged, not new
        started_anew = create_whole(path, models)  # a missing one, made whole (why it is news)
        if path.resolve() not in _checked:  # once per file and process: a few stat calls
            make_store_private(path, models)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        store = cls(conn, path, models, timeout)
        remove_orphaned_temp_files(models)
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
            repair_counts(store.conn)
            _close_interrupted_runs(store)
            if started_anew is not None and Store.on_started_anew is not None:
                Store.on_started_anew(store, started_anew)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise open_error(path, exc) from exc
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
        """All writes inside commit together or not at all. A transaction opened inside
        another is a SAVEPOINT: if it fails, its own writes are undone (ROLLBACK TO) and
        the error goes on, so a caller that catches it keeps the outer transaction
        without the inner half-written rows; if it succeeds, its writes commit (or not)
        with the outer one. If COMMIT itself fails (a deferred constraint, a full disk),
        the transaction is rolled back, so the connection is clean for the next one."""
        if self._depth:
            with self._savepoint():
                yield self.conn
            return
        self._begin()
        self._depth = 1
        self._undo = [[]]
        committed = False
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            committed = True
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:  # SQLite may have rolled back already
                    pass
            if not committed:  # (an interrupt right after COMMIT must not undo files of committed rows)
                _run_all(self._undo)
            translated = translate(exc, self.path) if isinstance(exc, sqlite3.Error) else None
            if translated is not None:
                raise translated from exc
            raise
        finally:
            self._depth = 0
            self._undo = []  # on commit the callbacks are dropped: their rows are kept

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested transaction (see `transaction`), with its own rollback callbacks."""
        name = f"nested_{self._depth}"
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        self._undo.append([])
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                try:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                except sqlite3.Error:  # SQLite ended the transaction meanwhile: handled below
                    pass
            # SQLite may have rolled back the whole transaction (a full disk, an I/O
            # error): then every level's writes are gone, not only this one's.
            _run_all(self._undo[-1:] if self.conn.in_transaction else self._undo)
            self._undo.pop()
            raise
        else:
            done = self._undo.pop()
            self._undo[-1].extend(done)  # from now on undone only if the enclosing transaction is
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def on_rollback(self, callback: Callable[[], object]) -> None:
        """Call `callback` if the writes of the current transaction are undone: when it
        (or, for a nested one, any transaction enclosing it) rolls back; it is dropped
        when the outermost one commits. For what the database cannot undo itself, such
        as a file written for a row of this transaction. Callbacks run newest first;
        one that fails does not stop the others nor hide the error being handled."""
        if not self._depth:
            raise RuntimeError("on_rollback needs a transaction: there is nothing to roll back")
        self._undo[-1].append(callback)

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


def _run_all(levels: list[list[Callable[[], object]]]) -> None:
    """Run rollback callbacks, innermost level and newest first. A failing one is
    skipped: the rollback being handled is the error that matters."""
    for callbacks in reversed(levels):
        for callback in reversed(callbacks):
            with contextlib.suppress(Exception):
                callback()
        callbacks.clear()


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
    from iris_desktop.store.content import table_problem
    from iris_desktop.store.schema import content_problem

    found = content_problem(store.conn)
    if found:
        raise StoreContentError.found(store.path, found)
    bad_value = table_problem(store.conn, store.path)  # a JSON or typed column no version writes
    if bad_value is not None:
        raise bad_value
    _checked.add(store.path.resolve())


def _close_interrupted_runs(store: Store) -> None:
    """Runs left 'running' by a process that has died are closed as interrupted."""
    from iris_desktop.store.interrupted_runs import close_interrupted

    close_interrupted(store.conn, store.timeout)


def _check_not_newer(store: Store) -> int:
    version = store.schema_version()
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{store.path} was written by a newer Iris Desktop (schema {version}, "
            f"this version knows up to {SCHEMA_VERSION}); it was left untouched"
        )
    return version


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
                for statement in statements(MIGRATIONS[number - 1]):
                    conn.execute(statement)
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"migration {number} would break {len(broken)} references; nothing was changed")
                conn.execute(f"PRAGMA user_version = {number}")
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON")
    _seed(store)


def _seed(store: Store) -> None:
    """A new store's installation seed and id. One that has flowers and lost its seed is
    not given a new one: every day not yet made would then differ from the stored ones.
    The id (which installation wrote a backup) is added to a store of an older version."""
    seed, ident = store.meta("installation_seed") is None, store.meta(INSTALLATION_ID) is None
    if not (seed or ident):
        return
    import secrets

    if seed and store.conn.execute("SELECT EXISTS (SELECT 1 FROM flowers)").fetchone()[0]:
        raise StoreContentError.found(store.path, "the installation seed is missing")
    try:
        # OR IGNORE: if two processes create the database at once, the first values stay.
        with store.transaction() as conn:
            insert = "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)"
            conn.execute(insert, ("installation_seed", str(secrets.randbits(31))))
            conn.execute(insert, (INSTALLATION_ID, secrets.token_hex(16)))
    except StoreError:
        if seed:
            raise
        # only the id was missing, and the file is read-only or locked: its archives carry none
