"""Writing many rows at once."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterable, Sequence

# Bulk inserts put this many rows in one INSERT statement (see insert_rows), kept
# under 999 bound values: the limit of SQLite before 3.32, which some systems still ship.
MAX_BOUND_VALUES = 999


def insert_rows(
    conn: sqlite3.Connection,
    head: str,
    rows: Iterable[Sequence[object]],
    width: int,
    after: Callable[[int], object] | None = None,
) -> int:
    """`head` (`INSERT INTO t (columns)`) for every row of `rows` (`width` values each),
    many rows per statement. Why: with the row_counts triggers, each statement inside a
    nested transaction (a SAVEPOINT) writes its pages to a statement journal; one
    statement per row made a 200,000-row import 3 times slower. Fewer statements are
    faster anyway: 200,000 flowers, triggers and all, take about 0.45 s where one
    statement per row without triggers took 0.65 s (tests/bench/bench_summary.py).

    Returns the rows inserted (those an `INSERT OR IGNORE` skipped not counted): the
    statements' own changes. (`conn.total_changes` would count the triggers' too.)
    `after(inserted)` runs after each statement: progress, and a cancel (it raises, and
    the caller's transaction rolls back)."""
    per = max(1, MAX_BOUND_VALUES // width)
    one = "(" + ", ".join("?" * width) + ")"
    full = f"{head} VALUES {', '.join([one] * per)}"
    it = iter(rows)
    inserted = 0
    while True:
        values = list(itertools.chain.from_iterable(itertools.islice(it, per)))
        if len(values) < per * width:
            if values:
                inserted += conn.execute(f"{head} VALUES {', '.join([one] * (len(values) // width))}", values).rowcount
            return inserted
        inserted += conn.execute(full, values).rowcount
        if after is not None:
            after(inserted)
