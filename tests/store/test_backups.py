"""Backups are one archive (database + model files) and restore both; damage anywhere in
the file is found on open, moved aside with its WAL and recoverable from a backup."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile

import pytest

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.pipelines import registry
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import CorruptDatabaseError, Store, backups, database, schema
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import registry as model_rows
from tests.conftest import TODAY


def counts(store: Store) -> tuple[int, int]:
    return sum(flower_table.count_by_source(store).values()), len(model_rows.list_models(store))


def damage_page(path, table: str) -> None:
    """Overwrite the middle of `table`'s root page, as a failing disk would."""
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * size + 8)
        f.write(b"\xa5" * 300)
    database._checked.clear()  # as a new process would


def test_an_archive_holds_the_database_and_the_model_files_it_refers_to(trained_store, tmp_path):
    dest = backups.write_archive(trained_store, tmp_path / "b.zip")
    names = zipfile.ZipFile(dest).namelist()
    artifact = model_rows.active_model(trained_store).artifact
    assert set(names) == {"manifest.json", "iris.sqlite3", f"models/{artifact}"}
    info = backups.read_manifest(dest)
    assert (info.flowers, info.models, info.reason) == (*counts(trained_store), "manual")
    assert not list(tmp_path.glob("*.partial")) and not list(tmp_path.glob(".backup-*"))


def test_restore_brings_back_the_database_and_loadable_models(trained_store, tmp_path):
    archive = backups.write_archive(trained_store, tmp_path / "b.zip")
    before = counts(trained_store)
    train(trained_store, TrainingConfig(params={"n_neighbors": 9}), activate=True)
    for f in trained_store.models_dir.iterdir():
        f.unlink()  # the model files are gone too: the archive brings them back
    other = Store.open(trained_store.path, trained_store.models_dir)  # another connection, left open

    done = backups.restore(archive, trained_store.path, trained_store.models_dir)

    assert counts(other) == before and counts(trained_store) == before
    assert registry.load_active(other).version == 1
    assert done.saved_as is not None and backups.read_manifest(done.saved_as).models == 2  # undo
    other.close()


def test_a_damaged_archive_changes_nothing(trained_store, tmp_path):
    archive = backups.write_archive(trained_store, tmp_path / "b.zip")
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(damaged, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "iris.sqlite3":
                data = data[:4096] + b"\0" * (len(data) - 4096)  # every page but the first lost
            dst.writestr(info, data)
    before = counts(trained_store)
    with pytest.raises(backups.BackupError, match=r"damaged|does not hold"):
        backups.restore(damaged, trained_store.path, trained_store.models_dir)
    assert counts(trained_store) == before


def test_an_archive_with_a_foreign_member_is_refused_whole(trained_store, tmp_path):
    archive = backups.write_archive(trained_store, tmp_path / "b.zip")
    with zipfile.ZipFile(archive, "a") as z:
        z.writestr("models/../../evil.joblib", b"x")
    with pytest.raises(backups.BackupError, match=r"points outside the archive .*nothing was changed$"):
        backups.restore(archive, trained_store.path, trained_store.models_dir)
    assert not (tmp_path / "evil.joblib").exists()


def test_automatic_backups_keep_the_newest_seven_and_one_a_day(trained_store):
    start = dt.datetime(2026, 1, 1, 9)
    for day in range(10):
        assert backups.daily_backup(trained_store, start + dt.timedelta(days=day)) is not None
    assert backups.daily_backup(trained_store, start + dt.timedelta(days=9, hours=5)) is None
    kept = backups.list_backups(trained_store.path)
    assert [b.created.date() for b in kept] == [dt.date(2026, 1, 10 - i) for i in range(7)]
    manual = backups.automatic_backup(trained_store, "manual", start)  # made by hand: never pruned
    backups.automatic_backup(trained_store, "daily", start + dt.timedelta(days=20))
    assert manual.exists()


def test_an_update_backs_up_the_store_first(tmp_path):
    path = tmp_path / "iris.sqlite3"
    conn = sqlite3.connect(path)
    for statement in schema.statements(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    Store.open(path).close()
    (made,) = backups.list_backups(path)
    assert (made.reason, made.schema_version) == ("migration", 1)


def test_damage_past_the_first_pages_is_found_on_open(trained_store):
    path = trained_store.path
    trained_store.close()
    damage_page(path, "predictions")
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        Store.open(path)


def test_cli_moves_a_damaged_store_aside_and_brings_the_newest_backup_back(trained_store, capsys):
    path = trained_store.path
    backups.daily_backup(trained_store)
    before = counts(trained_store)
    trained_store.close()
    damage_page(path, "flowers")

    # A scheduler's catch-up: nobody is there to answer, the newest backup comes back.
    assert main(["history"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "moved to iris.sqlite3.damaged-" in err
    assert "the newest sound backup was restored" in err and "run the command again" in err
    assert list(path.parent.glob("iris.sqlite3.damaged-*"))
    with Store.open(path) as restored:
        assert counts(restored) == before
    assert main(["history"]) == 0


def test_cli_without_a_backup_says_a_new_database_starts(trained_store, capsys):
    path = trained_store.path
    trained_store.close()
    damage_page(path, "flowers")
    assert main(["info"]) == 2
    err = capsys.readouterr().err
    assert "moved to iris.sqlite3.damaged-" in err and "the next command starts a new database" in err
    assert not path.exists()


def test_restore_of_a_bare_database_file_from_an_older_backup(trained_store, tmp_path, capsys):
    copy = tmp_path / "old-backup.sqlite3"
    target = sqlite3.connect(copy)
    trained_store.conn.backup(target)
    target.close()
    before = counts(trained_store)
    train(trained_store, TrainingConfig(params={"n_neighbors": 3}), activate=True)
    assert main(["restore", str(copy)]) == 2  # nobody to ask, and a bare file says not whose it is
    assert "written by another Iris Desktop installation" in capsys.readouterr().err
    assert main(["restore", str(copy), "--yes"]) == 0
    assert counts(trained_store) == before
    assert paths.database_path() == trained_store.path


def test_restore_of_something_else_is_one_line(tmp_path, capsys):
    junk = tmp_path / "notes.txt"
    junk.write_text("secret first line\n")
    assert main(["restore", str(junk), "--yes"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not an Iris Desktop backup" in err and "secret" not in err
    assert main(["restore", "--yes"]) == 2  # no backups yet


def test_catch_up_makes_the_daily_backup(tmp_path, capsys):
    assert main(["catch-up", "--today", TODAY.isoformat()]) == 0
    (made,) = backups.list_backups(paths.database_path())
    assert made.reason == "daily" and made.models == 1
