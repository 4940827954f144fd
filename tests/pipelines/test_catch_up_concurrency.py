"""Catch-up and history extension by several writers at once: each batch works out what
is missing inside its own write transaction, so no day is made twice and none is lost.

In one process (two connections, one thread: the other writer runs between two batches,
through the progress callback, which is called outside the write transaction), then with
real CLI processes started at the same moment."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from iris_desktop import paths
from iris_desktop.pipelines import inference
from iris_desktop.pipelines.inference import CHUNK_DAYS, catch_up, extend_history
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def _daily_problems(db: Path) -> list[str]:
    """Days unique and contiguous, each predicted by the active model, counts exact."""
    conn = sqlite3.connect(db)
    try:
        problems = []
        n, distinct, first, last = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT day), MIN(day), MAX(day) FROM flowers WHERE day IS NOT NULL"
        ).fetchone()
        if n != distinct:
            problems.append(f"{n - distinct} day(s) stored twice")
        span = conn.execute("SELECT julianday(?) - julianday(?) + 1", (last, first)).fetchone()[0]
        if span != distinct:
            problems.append(f"{distinct} days from {first} to {last}: not contiguous")
        unpredicted = conn.execute(
            "SELECT COUNT(*) FROM flowers f WHERE f.day IS NOT NULL AND NOT EXISTS (SELECT 1 FROM predictions p "
            "WHERE p.flower_id = f.id AND p.model_version = (SELECT version FROM model_aliases WHERE alias = 'active'))"
        ).fetchone()[0]
        if unpredicted:
            problems.append(f"{unpredicted} daily flower(s) not predicted by the active model")
        stored = dict(conn.execute("SELECT name, n FROM row_counts"))
        exact = dict(conn.execute("SELECT source, COUNT(*) FROM flowers GROUP BY source"))
        exact["predictions"] = conn.execute("SELECT COUNT(*) FROM predictions").fetchone()[0]
        if any(stored[k] != v for k, v in exact.items()):
            problems.append(f"row_counts {stored} != {exact}")
        return problems
    finally:
        conn.close()


@pytest.fixture
def other(trained_store):
    """A second connection to the same store: another writer."""
    with Store.open(trained_store.path, trained_store.models_dir) as s:
        yield s


def test_catch_up_shares_the_days_with_a_writer_between_its_batches(trained_store, other):
    """Before this, the days were listed once: another writer's batch in between made
    the next batch fail on `UNIQUE constraint failed: flowers.day`."""
    target = TODAY + dt.timedelta(days=3 * CHUNK_DAYS + 10)
    theirs = []
    reports = []

    def progress(pct, text):
        reports.append((pct, text))
        if len(reports) == 1:  # after our first batch: the other makes the next CHUNK_DAYS and a few
            theirs.append(catch_up(other, TODAY + dt.timedelta(days=2 * CHUNK_DAYS + 5)))

    ours = catch_up(trained_store, target, progress=progress)
    assert theirs[0].days_added == CHUNK_DAYS + 5
    assert ours.days_added + theirs[0].days_added == 3 * CHUNK_DAYS + 10  # every day made once, by one of us
    assert ours.predictions_made == ours.days_added and ours.last_day == target
    assert _daily_problems(trained_store.path) == []
    # progress: from the estimate made once (3,010 days), outside the write lock
    assert reports[0] == (33, f"Generating and predicting the days after {TODAY + dt.timedelta(days=CHUNK_DAYS)}")
    assert all(0 <= pct < 100 for pct, _ in reports)
    assert [pct for pct, _ in reports] == sorted(pct for pct, _ in reports)


def test_catch_up_stops_when_another_writer_made_the_rest(trained_store, other):
    target = TODAY + dt.timedelta(days=2 * CHUNK_DAYS + 10)
    theirs = []
    ours = catch_up(
        trained_store, target, progress=lambda pct, text: theirs.append(catch_up(other, target)) if not theirs else None
    )
    assert (ours.days_added, theirs[0].days_added) == (CHUNK_DAYS, CHUNK_DAYS + 10)
    assert flower_table.last_daily_day(trained_store) == target
    assert _daily_problems(trained_store.path) == []


def test_extend_history_shares_the_days_with_a_writer_between_its_batches(trained_store, other):
    first = TODAY - dt.timedelta(days=30)  # the template's history start
    start = first - dt.timedelta(days=2 * CHUNK_DAYS + 20)
    theirs = []

    def progress(pct, text):
        if pct and not theirs:  # after our first (newest) batch, the other goes further back than us
            theirs.append(extend_history(other, start - dt.timedelta(days=5), TODAY))

    ours = extend_history(trained_store, start, TODAY, progress=progress)
    assert ours.days_added == CHUNK_DAYS  # the newest batch; the other made the rest, and 5 days more
    assert theirs[0].days_added == CHUNK_DAYS + 25
    assert flower_table.daily_flowers(trained_store)[0].day == start - dt.timedelta(days=5)
    # the other started the history earlier: ours, later, does not move it forward
    assert trained_store.meta("history_start") == (start - dt.timedelta(days=5)).isoformat()
    assert _daily_problems(trained_store.path) == []


def test_extend_history_cancelled_names_the_first_stored_day(trained_store):
    first = TODAY - dt.timedelta(days=30)
    start = first - dt.timedelta(days=2 * CHUNK_DAYS + 20)
    with pytest.raises(inference.HistoryCancelled, match=str(first - dt.timedelta(days=CHUNK_DAYS))):
        extend_history(trained_store, start, TODAY, should_cancel=lambda: True)
    assert flower_table.daily_flowers(trained_store)[0].day == first - dt.timedelta(days=CHUNK_DAYS)
    assert _daily_problems(trained_store.path) == []


# ---- real processes -------------------------------------------------------------------------

PROCESSES = 3
TRIALS = 10
DAYS = 20_000  # 20 batches of CHUNK_DAYS
_WAITING = "waiting for another Iris Desktop process"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != paths.ENV_VAR}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"))
    env.update(USERPROFILE=str(home), APPDATA=str(home / "roaming"), LOCALAPPDATA=str(home / "local"))  # Windows
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"), PYTHONDONTWRITEBYTECODE="1")
    return env


class _Run:
    """A CLI process whose stderr is read as it comes (to see it wait for the lock)."""

    def __init__(self, argv: list[str], env: dict[str, str]):
        self.proc = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.stderr: list[str] = []
        self.waiting = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace")
            self.stderr.append(line)
            if _WAITING in line:
                self.waiting.set()

    def finish(self, timeout: float) -> tuple[int, str, str]:
        try:
            out = self.proc.stdout.read().decode("utf-8", "replace")
            rc = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        self._reader.join(timeout=10)
        return rc, out, "".join(self.stderr)


@pytest.mark.slow
def test_three_cli_catch_ups_at_once(tmp_path, _trained_template):
    """Three `catch-up --today <today + 20,000 days>` processes on one store, ten times.
    They are started while this test holds the write lock and all let go at once when
    each says it waits for it, so every trial has them contend for the first batch."""
    today = (TODAY + dt.timedelta(days=DAYS)).isoformat()
    env = _env(tmp_path / "home")
    started = time.monotonic()
    for trial in range(TRIALS):
        data = tmp_path / f"trial-{trial}"
        shutil.copytree(_trained_template, data)
        db = data / paths.DB_NAME
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            argv = [sys.executable, "-m", "iris_desktop", "--data-dir", str(data), "catch-up", "--today", today]
            runs = [_Run(argv, env) for _ in range(PROCESSES)]
            # Each waits up to 10 s for the lock in all: let go well before, even if one is slow to start.
            deadline = time.monotonic() + 6
            for run in runs:
                run.waiting.wait(timeout=max(0.0, deadline - time.monotonic()))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        results = [run.finish(timeout=120) for run in runs]
        for rc, out, err in results:
            assert rc == 0 and "Traceback" not in err, f"trial {trial}: exit {rc}\n{out}\n{err}"
        added = [re.search(r"Caught up (\d+) missed day", out) for _, out, _ in results]
        assert sum(int(m.group(1)) for m in added if m) == DAYS, [out for _, out, _ in results]
        assert _daily_problems(db) == [], f"trial {trial}"
        with Store.open(db, data / "models") as s:
            assert flower_table.last_daily_day(s).isoformat() == today
        shutil.rmtree(data)
    print(f"\n{TRIALS} trials of {PROCESSES} processes: {time.monotonic() - started:.1f} s")
