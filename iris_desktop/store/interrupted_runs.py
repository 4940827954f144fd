"""Runs left 'running' by a process that died (killed, a power cut): every open of the
store closes them as 'interrupted' once their process is gone (process_identity.py says
which are). Works on the bare connection, as Store.open runs it before the store is
handed out."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from iris_desktop.store import process_identity
from iris_desktop.store.schema import MIGRATIONS, RUNS_MIGRATION, statements

INTERRUPTED = "the process running it ended before it did (killed, or the computer stopped)"
SWEEP_WAIT_S = 0.5  # the sweep never keeps an open waiting: a busy store is swept at a later open


def close_interrupted(conn: sqlite3.Connection, timeout: float) -> int:
    """Close as 'interrupted' every 'running' run whose process has ended; returns how
    many. An indexed look-up (microseconds) when none is running. It never fails the
    open: a read-only or busy store is left for a later one; a runs table a hand edit
    dropped is made again, empty. `timeout`: the connection's busy timeout, put back."""
    try:
        rows = conn.execute("SELECT id, process FROM runs WHERE outcome = 'running'").fetchall()
    except sqlite3.OperationalError:
        _write(conn, timeout, lambda: _make_tables(conn))
        return 0
    dead = [(INTERRUPTED, run_id) for run_id, process in rows if process_identity.is_alive(process) is False]
    if dead:
        sql = "UPDATE runs SET outcome = 'interrupted', message = ? WHERE id = ? AND outcome = 'running'"
        if not _write(conn, timeout, lambda: conn.executemany(sql, dead)):
            return 0
    return len(dead)


def _make_tables(conn: sqlite3.Connection) -> None:
    for statement in statements(MIGRATIONS[RUNS_MIGRATION - 1]):  # (IF NOT EXISTS)
        conn.execute(statement)


def _write(conn: sqlite3.Connection, timeout: float, work: Callable[[], object]) -> bool:
    """Run `work` in a write transaction of its own, waiting SWEEP_WAIT_S at most for the
    lock; False if it could not be done."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(min(SWEEP_WAIT_S, timeout) * 1000)}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            work()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return True
    except sqlite3.Error:
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
