"""Row counts a hand edit broke, made again when the store opens (on the connection
alone: this module is below database.py)."""

from __future__ import annotations

import sqlite3

from iris_desktop.store.schema import COUNTS_MIGRATION, COUNTS_TRIGGERS, MIGRATIONS, counts_problem, statements


def repair_counts(conn: sqlite3.Connection) -> None:
    """The row counts (migration 4) are derived data: if a hand edit broke them, make
    them again (table, triggers, every row counted) instead of refusing the file. Checked
    at every open, in microseconds, since a hand edit can come while the app runs; with
    a trigger left and its table gone, every insert would fail."""
    if counts_problem(conn) is None:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return  # read-only or locked: summary.read_summary counts the rows itself meanwhile
    try:
        if counts_problem(conn) is None:  # another process repaired them meanwhile
            conn.execute("ROLLBACK")
            return
        for name in COUNTS_TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute("DROP TABLE IF EXISTS row_counts")
        for statement in statements(MIGRATIONS[COUNTS_MIGRATION - 1]):
            conn.execute(statement)
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # a full disk or a read-only file: counted from the rows meanwhile
