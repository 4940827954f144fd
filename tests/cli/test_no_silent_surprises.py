"""Issue 28: a damaged, emptied or hand-edited store is explained, every time, until the
user has seen it. Each path of the issue reproduced through the command line, and a
property test that writes garbage into every column of every table in turn."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from iris_desktop import paths
from iris_desktop.store.recovery_notes import KEY
from tests.cli.test_cli import assert_user_error, run

ROOT = Path(__file__).resolve().parents[2]
READS = [
    ["info"],
    ["models"],
    ["history"],
    ["imports"],
    ["runs", "--last", "5"],
    ["predict", "5.1", "3.5", "1.4", "0.2"],
    ["explain", "--date", "2026-06-15"],
]


@pytest.fixture
def trained(trained_store) -> Path:
    """The data folder of a first-run store (model v1, 31 days), with one backup made."""
    folder = trained_store.path.parent
    trained_store.close()
    return folder


def _edit(folder: Path, sql: str, *args: object) -> None:
    conn = sqlite3.connect(folder / paths.DB_NAME)
    with conn:
        conn.execute(sql, args)
    conn.close()


def _note(folder: Path) -> str | None:
    conn = sqlite3.connect(folder / paths.DB_NAME)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None


@pytest.mark.parametrize("column", ["params", "metrics", "sources", "library_versions"])
@pytest.mark.parametrize("argv", [["info"], ["models"], ["predict", "5.1", "3.5", "1.4", "0.2"]])
def test_garbled_json_in_the_registry_is_one_line(capsys, trained, column, argv):
    _edit(trained, f"UPDATE models SET {column} = 'nope'")
    assert_user_error(
        *run(capsys, "--data-dir", trained, *argv), argv[0], f"models row 1, column {column} = 'nope'", "restore"
    )


def test_a_zero_length_database_with_a_backup_is_damaged_not_a_first_run(capsys, trained):
    assert run(capsys, "--data-dir", trained, "backup")[0] == 0
    (trained / paths.DB_NAME).write_bytes(b"")
    code, out, err = run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-16")
    assert code == 2 and "Traceback" not in err
    assert "empty (0 bytes)" in err and "backups folder holds iris-" in err and "was restored" in err
    assert "First run" not in out
    # The backup came back (31 days, model v1), and the next commands still say what happened.
    code, out, err = run(capsys, "--data-dir", trained, "info")
    assert code == 0 and "31 daily" in out
    assert err.startswith("iris-desktop info: note: on ") and "empty (0 bytes)" in err and "--ack-recovery" in err
    assert "note:" in run(capsys, "--data-dir", trained, "history")[2]
    code, out, err = run(capsys, "--data-dir", trained, "info", "--ack-recovery")
    assert code == 0 and out.startswith("Seen: ") and err == ""
    assert run(capsys, "--data-dir", trained, "info")[2] == ""
    assert run(capsys, "--data-dir", trained, "info", "--ack-recovery")[1] == "There is no recovery to acknowledge.\n"


def test_the_restore_after_damage_is_a_run(capsys, trained):
    run(capsys, "--data-dir", trained, "backup")
    (trained / paths.DB_NAME).write_bytes(b"")
    run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-16")
    runs = json.loads(run(capsys, "--data-dir", trained, "runs", "--json")[1])
    assert runs[0]["pipeline"] == "restore" and runs[0]["outcome"] == "ok"
    assert "empty (0 bytes)" in runs[0]["message"]
    # The backup's own run was still going when the archive was made: not carried back as
    # 'interrupted'.
    assert not [r for r in runs if r["outcome"] == "interrupted"]


def test_a_zero_length_database_in_an_unused_folder_is_a_first_run(capsys, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    (folder / paths.DB_NAME).write_bytes(b"")
    code, _out, err = run(capsys, "--data-dir", folder, "info")
    assert (code, err) == (0, "")


def test_a_missing_database_beside_backups_starts_anew_and_names_the_newest(capsys, trained):
    run(capsys, "--data-dir", trained, "backup")
    newest = sorted((trained / "backups").glob("*.zip"))[-1]
    for name in (paths.DB_NAME, paths.DB_NAME + "-wal", paths.DB_NAME + "-shm"):
        (trained / name).unlink(missing_ok=True)
    code, out, err = run(capsys, "--data-dir", trained, "info")  # a look: nothing made yet
    assert (code, err) == (0, "") and f"`iris-desktop restore {newest}`" in out
    assert not (trained / paths.DB_NAME).exists()
    for _ in range(2):  # said by every command, not only the first
        code, out, err = run(capsys, "--data-dir", trained, "history")
        assert code == 0
        lines = err.splitlines()
        assert len(lines) == 1 and "a new, empty database was started" in lines[0]
        assert f"iris-desktop restore {newest}" in lines[0]
    code, out, _ = run(capsys, "--data-dir", trained, "runs", "--json")
    assert '"pipeline": "recovery"' in out


def test_a_move_aside_without_a_backup_is_remembered(capsys, trained):
    (trained / paths.DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    for name in (paths.DB_NAME + "-wal", paths.DB_NAME + "-shm"):
        (trained / name).unlink(missing_ok=True)
    code, _, err = run(capsys, "--data-dir", trained, "info")
    assert code == 2 and "moved to" in err
    out = run(capsys, "--data-dir", trained, "info")[1]  # a look makes nothing, but says it
    assert "the database is missing, yet a damaged database was moved aside" in out
    for command in (["history"], ["info"], ["models"]):  # the next commands too, on the new store
        err = run(capsys, "--data-dir", trained, *command)[2]
        assert "note:" in err and "damaged database was moved aside as iris.sqlite3.damaged-" in err
    assert _note(trained) is not None


def test_a_file_where_the_models_folder_should_be_is_said_by_every_command(capsys, trained):
    shutil.rmtree(trained / "models")
    (trained / "models").write_text("not a folder")
    for argv in (["info"], ["history"], ["catch-up", "--today", "2026-06-16"]):
        assert_user_error(*run(capsys, "--data-dir", trained, *argv), argv[0], "is not a folder", "model files")


def test_a_file_where_the_backups_folder_should_be(capsys, trained):
    (trained / "backups").write_text("not a folder")
    assert_user_error(*run(capsys, "--data-dir", trained, "info"), "info", "backups", "is not a folder")


def test_backup_refuses_a_folder_that_does_not_exist(capsys, trained, tmp_path):
    target = tmp_path / "no" / "such" / "b.zip"
    assert_user_error(*run(capsys, "--data-dir", trained, "backup", target), "backup", str(target.parent), "not exist")
    assert not (tmp_path / "no").exists()


def test_a_backup_that_cannot_be_written_names_the_users_path(capsys, trained, tmp_path):
    target = tmp_path / "taken.zip"
    target.mkdir()  # a folder of that name: the archive cannot take its place
    code, out, err = run(capsys, "--data-dir", trained, "backup", target)
    assert_user_error(code, out, err, "backup", str(target))
    assert ".partial" not in err and ".backup-" not in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["taken.zip"]  # nothing left


def test_an_import_that_adds_nothing_records_no_batch(capsys, trained, tmp_path):
    part = tmp_path / "again.csv"
    part.write_text("\n".join((ROOT / "resources" / "iris.csv").read_text().splitlines()[:21]) + "\n")
    code, out, err = run(capsys, "--data-dir", trained, "import", part)
    assert (code, err) == (0, "")
    assert out == f"{part}: nothing new: all 20 rows are already stored; no batch was recorded.\n"
    assert run(capsys, "--data-dir", trained, "imports")[1].startswith("No imports yet")
    code, out, _ = run(capsys, "--data-dir", trained, "runs", "--pipeline", "import", "--json")
    assert '"outcome": "nothing-to-do"' in out


def _columns() -> list[tuple[str, str]]:
    """Every column of every table a store has (its own schema, read from a new store)."""
    import tempfile

    from iris_desktop.store import Store

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / paths.DB_NAME) as store:
        tables = [r[0] for r in store.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return [
            (table, row[1])
            for table in tables
            if table not in ("sqlite_sequence", "row_counts")  # SQLite's own; derived counts
            for row in store.execute(f"PRAGMA table_info({table})")
        ]


COLUMNS = _columns()
# Tried in turn until the schema lets one in: text where a number goes, bytes where text
# goes, a number where JSON goes.
GARBAGE = ("nope", b"\x00\xff", -1)


@pytest.mark.parametrize("column", COLUMNS, ids=[f"{t}.{c}" for t, c in COLUMNS])
def test_garbage_in_any_column_is_never_a_traceback(capsys, _trained_template, tmp_path, column):
    """Each column of each table in turn (tests/reliability/content.py runs more values)."""
    folder = tmp_path / "garbled"
    shutil.copytree(_trained_template, folder)
    table, name = column
    conn = sqlite3.connect(folder / paths.DB_NAME)
    try:
        with conn:  # an import batch and a day of folded runs: rows to garble in every table
            conn.execute(
                "INSERT INTO imports (sha256, file_name, rows, options) "
                "VALUES (lower(hex(randomblob(32))), 'a.csv', 1, '{}')"
            )
            conn.execute("UPDATE flowers SET source = 'import', import_id = 1 WHERE id = 1")
            conn.execute(
                "INSERT INTO run_days (day, pipeline, outcome, runs, rows_in, rows_out) "
                "VALUES ('2026-06-01', 'catch-up', 'ok', 3, 0, 0)"
            )
        updates = [
            f"UPDATE {table} SET {name} = ? WHERE rowid = (SELECT MAX(rowid) FROM {table})",
            f"UPDATE {table} SET {name} = ?",
        ]  # (a table without rowid: every row)
        garbage = next((g for g in GARBAGE if any(_accepted(conn, sql, g) for sql in updates)), None)
    finally:
        conn.close()
    if garbage is None:
        pytest.skip(f"the schema refuses every garbage value in {table}.{name}")
    for argv in [*READS, ["catch-up", "--today", "2026-06-17"]]:
        code, _out, err = run(capsys, "--data-dir", folder, *argv)
        assert code in (0, 2), (argv, err)
        assert "Traceback" not in err
        if code == 2:
            errors = [line for line in err.splitlines() if ": note: " not in line]
            assert len(errors) == 1 and errors[0].startswith(f"iris-desktop {argv[0]}: "), err


def _accepted(conn: sqlite3.Connection, sql: str, value: object) -> bool:
    try:
        with conn:
            return conn.execute(sql, (value,)).rowcount > 0
    except sqlite3.Error:
        return False  # a constraint refuses it: SQLite itself keeps this one out
