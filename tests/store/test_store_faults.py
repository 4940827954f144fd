"""Faults of the database itself become typed errors with a plain message: a lock held
too long by another process (with a notice while waiting), a read-only file, damage."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.store import CorruptDatabaseError, Store, StoreBusyError, StoreError
from iris_desktop.store import flowers as flower_table

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def hold_lock(path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_lock_held_too_long_is_a_busy_error_after_a_notice(tmp_path):
    store = Store.open(tmp_path / "iris.sqlite3", timeout=1.0)
    waits = []
    store.on_wait = lambda: waits.append(time.monotonic())
    holder = hold_lock(store.path, 5)
    try:
        start = time.monotonic()
        with pytest.raises(StoreBusyError, match="busy"):
            backfill(store)
        assert 0.9 < time.monotonic() - start < 3
        assert len(waits) == 1 and waits[0] - start < 0.9  # told early, once
        assert not store.conn.in_transaction
    finally:
        holder.kill()
        holder.wait()
    assert backfill(store) == 150  # usable again once the lock is gone
    store.close()


def test_a_short_lock_is_waited_for(tmp_path):
    store = Store.open(tmp_path / "iris.sqlite3", timeout=10.0)
    holder = hold_lock(store.path, 1.0)
    assert backfill(store) == 150
    holder.wait()
    store.close()


def test_the_cli_says_it_waits_then_explains_in_one_line(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "imports"]) == 0  # (makes the database: `info` only looks)
    capsys.readouterr()
    monkeypatch.setattr(Store, "open", _with_timeout(Store.open, 1.5))
    holder = hold_lock(data / paths.DB_NAME, 6)
    try:
        assert main(["--data-dir", str(data), "backfill"]) == 2
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0] == "iris-desktop backfill: waiting for another Iris Desktop process to finish writing…"
    assert err[1].startswith("iris-desktop backfill: iris.sqlite3 is busy") and len(err) == 2


def _with_timeout(open_, seconds):
    def opened(path, models_dir=None, timeout=10.0):
        return open_(path, models_dir, timeout=seconds)

    return staticmethod(opened).__func__


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write to read-only files")
def test_a_read_only_database_says_so(tmp_path):
    path = tmp_path / "iris.sqlite3"
    Store.open(path).close()
    os.chmod(path, stat.S_IRUSR)
    with Store.open(path) as store, pytest.raises(StoreError, match="read-only"):
        backfill(store)


def test_damage_past_the_first_pages_is_a_corrupt_database_error(tmp_path):
    path = tmp_path / "iris.sqlite3"
    with Store.open(path) as store:
        backfill(store)
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = store.execute("PRAGMA page_count").fetchone()[0]
    with open(path, "r+b") as f:  # scribble over every page after the schema
        size = 4096
        for page in range(2, pages):
            f.seek(page * size)
            f.write(os.urandom(size))
    with pytest.raises(CorruptDatabaseError, match="malformed"), Store.open(path) as store:
        flower_table.count_by_source(store)


def test_a_data_folder_is_private(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    Store.open(tmp_path / "new" / "iris.sqlite3").close()
    assert stat.S_IMODE(os.stat(tmp_path / "new").st_mode) == 0o700


def test_a_model_file_left_half_written_is_removed_on_open(tmp_path):
    models = tmp_path / "models"
    models.mkdir()
    old, fresh = models / ".tmp-dead.joblib", models / ".tmp-writing.joblib"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    Store.open(tmp_path / "iris.sqlite3", models).close()
    assert not old.exists() and fresh.exists()  # one another process may still be writing stays


def test_sqlite_errors_that_are_not_faults_are_not_hidden(tmp_path):
    with Store.open(tmp_path / "iris.sqlite3") as store, pytest.raises(sqlite3.OperationalError):
        store.execute("SELECT nonsense FROM nowhere")


CATCH_UP, NEW_DAY, STORED_DAY = (
    ["catch-up", "--today", "2026-06-20"],
    ["generate", "--date", "2026-07-01"],
    ["generate", "--date", "2026-06-10"],
)


@pytest.mark.parametrize(
    "edit, words, commands",
    [
        (
            "UPDATE meta SET value = 'abc' WHERE key = 'installation_seed'",
            "installation seed = 'abc'",
            [CATCH_UP, NEW_DAY],
        ),
        (
            "UPDATE meta SET value = '{bad' WHERE key = 'daily_settings'",
            "daily generator settings = '{bad'",
            [CATCH_UP, NEW_DAY],
        ),
        (
            'UPDATE generators SET settings = \'{"kind": "measured", "low": [1]}\'',
            "generators row 1, column settings",
            [STORED_DAY],
        ),
        (
            "UPDATE flowers SET variety = 'rosea' WHERE id = 3",
            "never writes (CHECK constraint failed in flowers)",
            [CATCH_UP, ["info"]],
        ),
        (
            "UPDATE flowers SET day = '2026-13-45' WHERE day = '2026-06-15'",
            "day is '2026-13-45', not a date",
            [CATCH_UP, ["info"], ["history"]],
        ),
        ("DROP TABLE predictions", "the table predictions is missing", [CATCH_UP, ["info"], ["history"]]),
        (
            "UPDATE flowers SET sepal_width = 'abc' WHERE id = 7",
            "flower 7 has a measurement that is not a number",
            [["train"]],
        ),
        ("UPDATE model_aliases SET version = 999", "a row of model_aliases refers to a row of models", [["models"]]),
        ("DELETE FROM meta WHERE key = 'installation_seed'", "the installation seed is missing", [CATCH_UP]),
    ],
)
def test_hand_edited_contents_are_one_line_errors(trained_store, capsys, edit, words, commands):
    """Valid SQLite with contents Iris Desktop never writes: a typed error naming the
    value, never a traceback; the file stays where it is (it is not damaged)."""
    trained_store.conn.execute("PRAGMA ignore_check_constraints = ON")
    trained_store.conn.execute("PRAGMA foreign_keys = OFF")
    trained_store.execute(edit)
    trained_store.close()
    from iris_desktop.store import database

    database._checked.clear()  # as a new process would
    for argv in commands:
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and words in err and "Traceback" not in err
        database._checked.clear()
    assert not list(trained_store.path.parent.glob("*.damaged-*"))
