"""The `runs` table: one row per run of a pipeline (backfill, import, catch-up, training,
activation, backup, restore, removals), written by pipelines/runs.py as the run starts
('running') and again as it ends. The newest KEEP runs are kept whole; older ones are
folded into `run_days`, one row per (local day, pipeline, outcome).

A run whose process died (killed, a power cut) stays 'running' until the next open of
the store finds its process gone and closes it as 'interrupted' (interrupted_runs.py)."""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iris_desktop.store.content import decoded
from iris_desktop.store.database import Store

RUNNING = "running"
OUTCOMES = (RUNNING, "ok", "failed", "cancelled", "nothing-to-do", "interrupted")
FAILURES = ("failed", "interrupted")  # what `runs --failed` shows
TRIGGERS = ("app", "cli", "scheduler", "first-run")
KEEP = 10_000  # runs kept whole
FOLD_EVERY = 500  # runs beyond KEEP before they are folded (a few ms, once in FOLD_EVERY runs)

_COLUMNS = "id, pipeline, trigger, outcome, started, ended, rows_in, rows_out, model_version, import_id, message"
_ALL = "token, process, " + _COLUMNS  # what a copy of the log carries


@dataclass(frozen=True)
class RunRecord:
    id: int
    pipeline: str
    trigger: str
    outcome: str
    started: str  # UTC, ISO 8601 with Z
    ended: str | None  # None: still running, or interrupted (when it died is not known)
    rows_in: int | None  # rows the run read (None: not a figure for this pipeline)
    rows_out: int | None  # rows it wrote (for a removal: removed)
    model_version: int | None
    import_id: int | None
    message: str

    JSON_KEYS = (
        "pipeline",
        "trigger",
        "outcome",
        "started",
        "ended",
        "rows_in",
        "rows_out",
        "model_version",
        "message",
    )

    def as_json(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in self.JSON_KEYS}


@dataclass(frozen=True)
class RunDay:
    """The runs folded out of `runs`: how many of one pipeline ended one way on one day."""

    day: str
    pipeline: str
    outcome: str
    runs: int
    rows_in: int
    rows_out: int


@dataclass(frozen=True)
class RunValues:
    """What a recorder writes: the whole row, as it stands."""

    token: str
    pipeline: str
    trigger: str
    outcome: str
    started: str
    ended: str | None = None
    rows_in: int | None = None
    rows_out: int | None = None
    model_version: int | None = None
    import_id: int | None = None
    message: str = ""
    process: str = ""


_WRITE = (
    "INSERT INTO runs (token, pipeline, trigger, outcome, started, ended, rows_in, rows_out, model_version, "
    "import_id, message, process) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (token) DO UPDATE SET outcome = excluded.outcome, ended = excluded.ended, "
    "rows_in = excluded.rows_in, rows_out = excluded.rows_out, model_version = excluded.model_version, "
    "import_id = excluded.import_id, message = excluded.message"
)


def write(store: Store, run: RunValues) -> None:
    """Insert the run, or update its row (found by token). A row that has gone (a restore
    replaced the database meanwhile) is inserted again, whole."""
    values = (
        run.token,
        run.pipeline,
        run.trigger,
        run.outcome,
        run.started,
        run.ended,
        run.rows_in,
        run.rows_out,
        run.model_version,
        run.import_id,
        # A file name that is not UTF-8 (bytes Python keeps as surrogates) is stored
        # escaped: SQLite takes UTF-8 only, and a run's message must never fail its run.
        None if run.message is None else run.message.encode("utf-8", "backslashreplace").decode("utf-8"),
        run.process,
    )
    with store.transaction() as conn:
        conn.execute(_WRITE, values)
        if run.outcome == RUNNING:
            _fold_old(conn)


def _fold_old(conn: sqlite3.Connection) -> None:
    """Once FOLD_EVERY runs beyond KEEP have accumulated, fold every run but the newest
    KEEP (and any still running) into run_days. Two rowid look-ups otherwise."""
    low, high = conn.execute("SELECT (SELECT MIN(id) FROM runs), (SELECT MAX(id) FROM runs)").fetchone()
    if high - low < KEEP + FOLD_EVERY:  # ids only grow: the span bounds the count
        return
    cutoff = conn.execute("SELECT id FROM runs ORDER BY id DESC LIMIT 1 OFFSET ?", (KEEP - 1,)).fetchone()
    if cutoff is None:
        return
    old = "id < ? AND outcome != 'running'"
    conn.execute(
        "INSERT INTO run_days (day, pipeline, outcome, runs, rows_in, rows_out) "
        "SELECT date(started, 'localtime'), pipeline, outcome, COUNT(*), COALESCE(SUM(rows_in), 0), "
        f"COALESCE(SUM(rows_out), 0) FROM runs WHERE {old} GROUP BY 1, 2, 3 "
        "ON CONFLICT (day, pipeline, outcome) DO UPDATE SET runs = runs + excluded.runs, "
        "rows_in = rows_in + excluded.rows_in, rows_out = rows_out + excluded.rows_out",
        cutoff,
    )
    conn.execute(f"DELETE FROM runs WHERE {old}", cutoff)


# ---- reading ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)  # a run log's view asks for the same cells on every paint
def local_time(stamp: str) -> dt.datetime:
    """A run's UTC timestamp ('2026-06-15T00:05:00.123Z') as a local aware datetime."""
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()


def _records(store: Store, rows: list[Any]) -> list[RunRecord]:
    """Rows as records, each value of the type we write (store/content.py: a hand edit is
    a StoreContentError naming the run and the column, not a TypeError in a report)."""
    for row in rows:
        for column, value in zip(_COLUMNS.split(", "), row):
            decoded(store.path, "runs", row[0], column, value)
    return [RunRecord(*row) for row in rows]


def recent(store: Store, limit: int = 50, pipeline: str | None = None, failed: bool = False) -> list[RunRecord]:
    """The newest `limit` runs, newest first; of one pipeline, or only the failures
    (failed and interrupted). On the rowid (or the pipeline's index): a few rows read."""
    where, params = _filter(pipeline, failed)
    sql = f"SELECT {_COLUMNS} FROM runs {where} ORDER BY id DESC LIMIT ?"
    return _records(store, store.execute(sql, (*params, limit)).fetchall())


def _filter(pipeline: str | None, failed: bool) -> tuple[str, tuple[str, ...]]:
    clauses, params = [], []
    if pipeline is not None:
        clauses.append("pipeline = ?")
        params.append(pipeline)
    if failed:
        clauses.append(f"outcome IN ({', '.join('?' * len(FAILURES))})")
        params += FAILURES
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def last_per_pipeline(store: Store) -> dict[str, RunRecord]:
    """The newest run of every pipeline that ran. The pipelines are walked on their index
    (one seek each, not a scan of every run), whichever names the table holds."""
    sql = (
        "WITH RECURSIVE names(name) AS (SELECT MIN(pipeline) FROM runs "
        "UNION ALL SELECT (SELECT MIN(pipeline) FROM runs WHERE pipeline > names.name) FROM names "
        "WHERE names.name IS NOT NULL) "
        f"SELECT {_COLUMNS} FROM runs WHERE id IN "
        "(SELECT (SELECT MAX(id) FROM runs WHERE pipeline = names.name) FROM names WHERE names.name IS NOT NULL)"
    )
    return {run.pipeline: run for run in _records(store, store.execute(sql).fetchall())}


def last(store: Store, pipeline: str, trigger: str | None = None) -> RunRecord | None:
    """The newest run of `pipeline` (started by `trigger`, if given)."""
    sql = f"SELECT {_COLUMNS} FROM runs WHERE pipeline = ?{' AND trigger = ?' if trigger else ''} ORDER BY id DESC"
    row = store.execute(sql + " LIMIT 1", (pipeline, trigger) if trigger else (pipeline,)).fetchone()
    return _records(store, [row])[0] if row else None


def days(store: Store, pipeline: str | None = None) -> list[RunDay]:
    """The folded runs, newest day first."""
    where, params = _filter(pipeline, False)
    sql = f"SELECT day, pipeline, outcome, runs, rows_in, rows_out FROM run_days {where} ORDER BY day DESC, 2, 3"
    return [RunDay(*row) for row in store.execute(sql, params)]


# ---- across a restore ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RunLog:
    """A copy of the whole log (runs and run_days), to carry it across a restore."""

    runs: list[tuple[Any, ...]]
    days: list[tuple[Any, ...]]


def read_log(db_path: Path) -> RunLog | None:
    """The log of the database at `db_path`, read on a read-only connection of its own;
    None if there is no such file, or no log in it (an older schema), or it cannot be read."""
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5.0)
    except sqlite3.Error:
        return None
    try:
        runs = conn.execute(f"SELECT {_ALL} FROM runs ORDER BY id").fetchall()
        folded = conn.execute("SELECT day, pipeline, outcome, runs, rows_in, rows_out FROM run_days").fetchall()
        return RunLog(runs, folded)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def replace_log(store: Store, log: RunLog | None) -> None:
    """Make `log` the store's log (the installation's history, not the restored data's).
    With no log (the replaced database had none, or was damaged), the restored log is
    kept and its runs left 'running' by the backup's snapshot are closed: none of them
    is running in this database."""
    with store.transaction() as conn:
        if log is None:
            conn.execute(
                "UPDATE runs SET outcome = 'interrupted', message = ? WHERE outcome = 'running'",
                ("running when the backup was made",),
            )
            return
        conn.execute("DELETE FROM runs")
        conn.execute("DELETE FROM run_days")
        conn.executemany(f"INSERT INTO runs ({_ALL}) VALUES ({', '.join('?' * 13)})", log.runs)
        conn.executemany("INSERT INTO run_days VALUES (?, ?, ?, ?, ?, ?)", log.days)
