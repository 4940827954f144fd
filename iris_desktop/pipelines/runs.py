"""Recording the runs of the pipelines: `with recorded(store, "training") as run:` writes
a 'running' row before the work and its outcome after, so the command line and the
app's jobs record alike (store/runs.py holds the table).

Who started a run (its trigger) is a property of the process, not of each call: the
command line is `cli` unless told otherwise, the app's jobs say `app` (ui/runtime/jobs.py),
the scheduled command line `scheduler` (`catch-up --scheduled`), and a first run marks
the runs it makes `first-run`. A context variable holds it, so passing it through every
operation's signature (and every caller remembering to) is not needed, a scope ends
with its `with` block (tests and the app's worker threads never see another's), and a
thread starts at the default.

The rows are written on the store's own connection, outside the operation's
transaction: the 'running' row commits before the work starts, the outcome after the
operation's transaction committed or rolled back, so a failed import still records
'failed'. (Inside a caller's transaction the rows are part of it, and are undone with
it.) Recording never makes an operation fail: a full disk or a busy store while
recording is said (on stderr in the command line) when the operation succeeded, and
only logged when it failed: its own error is the one line the user is told. Nor does
recording make an operation wait longer: the 'running' row is skipped if another
process holds the lock (the run is then written whole at its end), and a run that
failed because the store was busy does not wait again to say so.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from iris_desktop.errors import Cancelled, InvalidValue, user_message
from iris_desktop.store import Store, StoreBusyError, StoreError, process_identity
from iris_desktop.store import runs as run_table
from iris_desktop.store.database import utc_now
from iris_desktop.store.runs import RUNNING, TRIGGERS, RunValues

# What each pipeline is, in words (the Pipelines tab and `runs` show these names).
PIPELINES = {
    "backfill": "Backfill: store the bundled data set",
    "import": "Import a CSV file",
    "catch-up": "Daily catch-up: generate the missed days' flowers and predict them",
    "extend-history": "Daily generation: extend the history back",
    "training": "Training: train and register a model",
    "activation": "Activation: make a model the active one and predict every day with it",
    "backup": "Backup",
    "restore": "Restore from a backup",
    "recovery": "Recovery: the database was started anew where an earlier one was (store/recovery_notes.py)",
    "import-removal": "Remove imported flowers",
    "model-deletion": "Delete a model version",
    "future-days-removal": "Remove days stored after today",
}
DEFAULT_TRIGGER = "cli"
MESSAGE_CHARS = 500
BRIEF_WAIT_S = 0.1  # the longest the 'running' row, or the end of a run the lock failed, waits for the lock

_trigger: contextvars.ContextVar[str] = contextvars.ContextVar("iris_desktop_trigger", default=DEFAULT_TRIGGER)
log = logging.getLogger(__name__)


def current_trigger() -> str:
    return _trigger.get()


@contextlib.contextmanager
def triggered(trigger: str) -> Iterator[None]:
    """Runs recorded inside (in this thread) were started by `trigger`."""
    if trigger not in TRIGGERS:
        raise InvalidValue(f"a run's trigger is one of {', '.join(TRIGGERS)}, not {trigger!r}")
    token = _trigger.set(trigger)
    try:
        yield
    finally:
        _trigger.reset(token)


@dataclasses.dataclass
class Run:
    """A run being recorded; the operation fills in what it read, wrote and used."""

    pipeline: str
    trigger: str
    started: str
    token: str = dataclasses.field(default_factory=lambda: os.urandom(16).hex())
    rows_in: int | None = None
    rows_out: int | None = None
    model_version: int | None = None
    import_id: int | None = None
    message: str = ""
    outcome: str | None = None  # set to say how it ended other than ok (nothing-to-do, failed)

    def nothing_to_do(self, message: str = "") -> None:
        self.outcome = "nothing-to-do"
        self.message = message or self.message

    def failed(self, message: str) -> None:
        """The run ended without an exception but did not do its job (the CLI exits 2)."""
        self.outcome = "failed"
        self.message = message

    def values(self, outcome: str, ended: str | None) -> RunValues:
        return RunValues(
            self.token,
            self.pipeline,
            self.trigger,
            outcome,
            self.started,
            ended,
            self.rows_in,
            self.rows_out,
            self.model_version,
            self.import_id,
            _one_line(self.message),
            process_identity.current(),
        )


@contextlib.contextmanager
def recorded(store: Store, pipeline: str) -> Iterator[Run]:
    """Record one run of `pipeline` around the block: 'running' now, then ok (or the
    outcome the block set), 'failed' with the error's text, or 'cancelled'."""
    if pipeline not in PIPELINES:  # a name the Pipelines tab and `runs --pipeline` know
        raise ValueError(f"unknown pipeline {pipeline!r}")
    run = Run(pipeline, current_trigger(), utc_now())
    _write(store, run, RUNNING, BRIEF_WAIT_S)  # (not written: the end writes the row whole)
    try:
        yield run
    except BaseException as exc:
        _record_end(store, run, exc)
        raise
    _say(run, _write(store, run, run.outcome or "ok"))


def _record_end(store: Store, run: Run, exc: BaseException) -> None:
    """The outcome of a block that raised `exc`: work the user stopped (Cancel, Ctrl+C)
    is 'cancelled'; anything else 'failed', with the line the user is shown. If this
    cannot be recorded either (the store is full, read-only, busy), that is only logged:
    the operation's own error is what the user is told, in one line."""
    if isinstance(exc, (Cancelled, KeyboardInterrupt)):
        run.message = str(exc) or "cancelled"
        error = _write(store, run, "cancelled")
    else:
        run.message = user_message(exc) or f"{type(exc).__name__}: {exc}"
        error = _write(store, run, "failed", BRIEF_WAIT_S if isinstance(exc, StoreBusyError) else None)
    if error is not None:
        log.info("iris-desktop: the %s run could not be recorded (%s)", run.pipeline, error)


def _say(run: Run, error: str | None) -> None:
    """A run that succeeded but could not be recorded: said (on stderr in the command
    line, in the log in the app), never raised."""
    if error is not None:
        log.warning("iris-desktop: the %s run could not be recorded (%s)", run.pipeline, error)


def _write(store: Store, run: Run, outcome: str, wait: float | None = None) -> str | None:
    """Write the run's row, waiting for the lock up to `wait` s (None: the store's own
    timeout), without the store's waiting notice: the operation gives that one. Returns
    why it could not be written (None: written)."""
    notice, store.on_wait = store.on_wait, None
    try:
        if wait is not None:
            store.set_busy_timeout(min(wait, store.timeout))
        run_table.write(store, run.values(outcome, None if outcome == RUNNING else utc_now()))
    except (StoreError, sqlite3.Error, OSError) as exc:
        return user_message(exc) or str(exc)
    finally:
        store.on_wait = notice
        if wait is not None:
            _restore_timeout(store)
    return None


def _restore_timeout(store: Store) -> None:
    try:
        store.set_busy_timeout(store.timeout)
    except sqlite3.Error:  # a closed or broken connection: the operation says so itself
        pass


@contextlib.contextmanager
def recorded_restore(db: Path, models: Path) -> Iterator[Run]:
    """A restore replaces the database, runs table and all: the run log is the
    installation's history, not the data's, so the log of the database replaced is
    carried into the restored one, and the run recorded there. Nothing is recorded (nor a
    database made for it) where there was no database and the restore failed."""
    run = Run("restore", current_trigger(), utc_now())
    before = run_table.read_log(db)
    if before is not None:
        with _opened(db, models) as store:
            if store is not None:
                _write(store, run, RUNNING, BRIEF_WAIT_S)
        before = run_table.read_log(db)  # with the restore's own row
    try:
        yield run
    except BaseException as exc:
        if db.is_file():
            with _opened(db, models) as store:
                if store is not None:
                    _record_end(store, run, exc)
        raise
    with _opened(db, models) as store:  # the restored database (migrated if it was older)
        if store is None:
            _say(run, "the restored database could not be opened")
            return
        try:
            run_table.replace_log(store, before)
        except (StoreError, sqlite3.Error) as exc:
            log.warning("iris-desktop: the run log could not be carried across the restore (%s)", exc)
        _say(run, _write(store, run, run.outcome or "ok"))


@contextlib.contextmanager
def _opened(db: Path, models: Path) -> Iterator[Store | None]:
    """The store at `db`, or None if it cannot be opened (the restore says why, if it matters)."""
    try:
        store = Store.open(db, models)
    except (StoreError, sqlite3.Error, OSError):
        yield None
        return
    with store:
        yield store


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MESSAGE_CHARS else line[: MESSAGE_CHARS - 1] + "…"
