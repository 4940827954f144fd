"""The start-up opens, checks and migrates the store in a worker: on a store written by
the previous version with 200,000 flowers, the window shows what it is doing while the
event loop keeps turning, the data survives and a backup of the old file is kept."""

from __future__ import annotations

import sqlite3

import numpy as np
from PySide6.QtCore import QTimer

from iris_desktop import paths
from iris_desktop.store import SCHEMA_VERSION, backups
from iris_desktop.store.schema import MIGRATIONS, statements
from tests.conftest import TODAY
from tests.ui.conftest import read

FLOWERS = 200_000


def _previous_version_store() -> None:
    """What the previous version left: its migrations only, 200,000 daily flowers up to
    the day before TODAY (no model yet: the start-up's first run predicts them)."""
    db = paths.database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN")
        for script in MIGRATIONS[:-1]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
        conn.execute("INSERT INTO meta (key, value) VALUES ('installation_seed', '7')")
        rng = np.random.default_rng(0)
        X = np.round(rng.uniform([4.5, 2.2, 1.2, 0.2], [7.5, 4.2, 6.5, 2.4], size=(FLOWERS, 4)), 1)
        names = ("setosa", "versicolor", "virginica")
        first = np.datetime64(TODAY, "D") - FLOWERS
        days = (first + np.arange(FLOWERS)).astype(str).tolist()
        conn.executemany(
            "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source, day) "
            "VALUES (?, ?, ?, ?, ?, 'daily', ?)",
            ((*row, names[i % 3], day) for i, (row, day) in enumerate(zip(X.tolist(), days))),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_a_migration_at_start_up_shows_progress_and_the_window_keeps_answering(make_window, qtbot):
    _previous_version_store()
    window = make_window(today=TODAY)
    said, turns = [], []
    window.runner.progress.connect(lambda pct, text: said.append(text))
    heartbeat = QTimer(window)
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(lambda: turns.append(window.runner.running("start-up") is not None))
    heartbeat.start()
    window.show()
    window.start_loading()
    qtbot.waitUntil(lambda: window.state.ready, timeout=180_000)
    heartbeat.stop()

    assert any(f"Updating the database (schema {SCHEMA_VERSION - 1} to {SCHEMA_VERSION}" in t for t in said), said
    assert sum(turns) >= 10  # the GUI thread turned again and again while the worker migrated
    from iris_desktop.store import flowers

    assert read(window, flowers.count_by_source)["daily"] == FLOWERS + 1  # and today's
    assert any(b.reason == "migration" for b in backups.list_backups(paths.database_path()))
