"""The runs table (migration 5): written whole or updated by token, read newest first and
last per pipeline, folded per day beyond KEEP runs, carried across a restore, and
closed as interrupted when the process that ran it is gone."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from iris_desktop import paths
from iris_desktop.store import Store, process_identity
from iris_desktop.store import runs as run_table
from iris_desktop.store.interrupted_runs import INTERRUPTED
from iris_desktop.store.runs import RunValues
from iris_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION, content_problem, statements


def _run(token: str, pipeline: str = "backfill", outcome: str = "ok", **values) -> RunValues:
    values.setdefault("process", process_identity.current())
    return RunValues(token, pipeline, "cli", outcome, "2026-06-15T00:05:00.000Z", **values)


def _outcome(store: Store, token: str) -> str:
    return store.execute("SELECT outcome FROM runs WHERE token = ?", (token,)).fetchone()[0]


def test_a_run_is_inserted_then_updated_by_its_token(store):
    run_table.write(store, _run("a", outcome="running"))
    run_table.write(store, _run("a", outcome="ok", ended="2026-06-15T00:06:00.000Z", rows_in=3, rows_out=2))
    [run] = run_table.recent(store)
    assert (run.outcome, run.ended, run.rows_in, run.rows_out) == ("ok", "2026-06-15T00:06:00.000Z", 3, 2)
    assert run.as_json() == {
        "pipeline": "backfill",
        "trigger": "cli",
        "outcome": "ok",
        "started": "2026-06-15T00:05:00.000Z",
        "ended": "2026-06-15T00:06:00.000Z",
        "rows_in": 3,
        "rows_out": 2,
        "model_version": None,
        "message": "",
    }


def test_the_newest_runs_their_filters_and_the_last_per_pipeline(store):
    for i, (pipeline, outcome) in enumerate(
        [("backfill", "ok"), ("import", "failed"), ("catch-up", "ok"), ("import", "ok"), ("catch-up", "interrupted")]
    ):
        run_table.write(store, _run(f"t{i}", pipeline, outcome))
    assert [r.id for r in run_table.recent(store, 3)] == [5, 4, 3]
    assert [r.id for r in run_table.recent(store, pipeline="import")] == [4, 2]
    assert [r.outcome for r in run_table.recent(store, failed=True)] == ["interrupted", "failed"]
    last = run_table.last_per_pipeline(store)
    assert {name: run.id for name, run in last.items()} == {"backfill": 1, "import": 4, "catch-up": 5}
    assert run_table.last(store, "import").id == 4
    assert run_table.last(store, "import", trigger="scheduler") is None


def test_the_last_per_pipeline_reads_by_index_not_every_run(store):
    plan = store.execute(
        "EXPLAIN QUERY PLAN SELECT MAX(id) FROM runs WHERE pipeline = 'x'",
    ).fetchall()
    assert any("runs_by_pipeline" in str(row) for row in plan)


def test_runs_beyond_keep_are_folded_per_day(store, monkeypatch):
    monkeypatch.setattr(run_table, "KEEP", 10)
    monkeypatch.setattr(run_table, "FOLD_EVERY", 5)
    run_table.write(store, _run("alive", "catch-up", "running"))  # never folded while running
    for i in range(30):  # as the recorder writes them: running, then how it ended
        pipeline = "import" if i % 2 else "backfill"
        run_table.write(store, _run(f"r{i}", pipeline, "running"))
        run_table.write(store, _run(f"r{i}", pipeline, "ok", rows_in=1, rows_out=2))
    kept = store.execute("SELECT COUNT(*) FROM runs WHERE outcome != 'running'").fetchone()[0]
    assert 10 <= kept < 10 + 5 + 1
    assert _outcome(store, "alive") == "running"
    folded = run_table.days(store)
    assert sum(day.runs for day in folded) + kept == 30
    assert all(day.rows_out == 2 * day.runs and day.rows_in == day.runs for day in folded)
    assert {day.pipeline for day in folded} == {"backfill", "import"}


def test_migration_5_adds_the_tables_to_a_store_of_schema_4(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:4]:
        for statement in statements(script):
            conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('installation_seed', '7'), ('installation_id', 'abc')")
    conn.execute(
        "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source) "
        "VALUES (5.1, 3.5, 1.4, 0.2, 'setosa', 'backfill')"
    )
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 5
        assert store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0] == 1
        assert run_table.recent(store) == []
        assert content_problem(store.conn) is None
        run_table.write(store, _run("x"))
        assert content_problem(store.conn) is None


def test_a_runs_table_a_hand_edit_dropped_is_made_again(tmp_path):
    path = tmp_path / paths.DB_NAME
    with Store.open(path) as store:
        store.execute("DROP TABLE runs")
    with Store.open(path) as store:
        run_table.write(store, _run("again"))
        assert [r.pipeline for r in run_table.recent(store)] == ["backfill"]


def test_a_running_run_of_a_dead_process_is_closed_at_the_next_open(tmp_path):
    path = tmp_path / paths.DB_NAME
    child = subprocess.run(
        [sys.executable, "-c", "from iris_desktop.store import process_identity; print(process_identity.current())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = child.stdout.strip()  # that process has ended
    with Store.open(path) as store:
        run_table.write(store, _run("dead", outcome="running", process=dead))
        run_table.write(store, _run("mine", outcome="running"))  # this process: alive
        run_table.write(store, _run("foreign", outcome="running", process="written by something else"))
    with Store.open(path) as store:
        assert _outcome(store, "dead") == "interrupted"
        assert store.execute("SELECT message, ended FROM runs WHERE token = 'dead'").fetchone() == (INTERRUPTED, None)
        assert _outcome(store, "mine") == "running"
        assert _outcome(store, "foreign") == "running"  # cannot be told: left alone


def test_a_reused_pid_or_another_boot_is_not_the_process_that_ran(tmp_path):
    boot, pid, started = process_identity.current().split("|")
    assert process_identity.is_alive(f"{boot}|{pid}|{started}") is True
    assert process_identity.is_alive(f"{boot}|{pid}|{started}0") is False  # same pid, another start: reused
    assert process_identity.is_alive(f"another-boot|{pid}|{started}") is False
    assert process_identity.is_alive("not an identity") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_identity_is_this_boot_and_the_start_time_of_the_process():
    boot, pid, started = process_identity.current().split("|")
    assert int(pid) == os.getpid()
    with open("/proc/sys/kernel/random/boot_id") as f:
        assert boot == f.read().strip()
    assert started.isdigit()


def test_the_log_is_copied_whole_and_replaces_another(tmp_path):
    first = Store.open(tmp_path / "a" / paths.DB_NAME)
    run_table.write(first, _run("kept", "import", import_id=3, message="m"))
    first.close()
    log = run_table.read_log(tmp_path / "a" / paths.DB_NAME)
    with Store.open(tmp_path / "b" / paths.DB_NAME) as other:
        run_table.write(other, _run("theirs", "backfill", "running"))
        run_table.replace_log(other, log)
        [run] = run_table.recent(other)
        assert (run.pipeline, run.import_id, run.message) == ("import", 3, "m")
    assert run_table.read_log(tmp_path / "missing.sqlite3") is None


def test_without_a_log_to_carry_the_restored_running_runs_are_closed(store):
    run_table.write(store, _run("snap", "backup", "running"))
    run_table.replace_log(store, None)
    assert _outcome(store, "snap") == "interrupted"
