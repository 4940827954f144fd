"""A damaged database held open, with Windows' rule simulated (tests/windows_sim.py): a
file any handle holds open cannot be renamed. Moving it aside then is said in a sentence
(never a raw OSError), and a restore goes ahead by copying it aside and overwriting it
in place, which the connections holding it survive."""

from __future__ import annotations

import sqlite3

import pytest

from iris_desktop.cli import main
from iris_desktop.store import Store, backups, recovery
from tests import windows_sim
from tests.store.test_backups import counts, damage_page

pytestmark = windows_sim.linux_only


@pytest.fixture
def damaged(trained_store):
    """The path of a first-run store whose flowers table is damaged, with a backup."""
    backups.daily_backup(trained_store)
    path = trained_store.path
    trained_store.close()
    damage_page(path, "flowers")
    return path


def test_the_simulation_refuses_what_windows_refuses(tmp_path, monkeypatch):
    refused = windows_sim.lock_open_files(monkeypatch)
    held, free = tmp_path / "held.sqlite3", tmp_path / "free.sqlite3"
    conn = sqlite3.connect(held)
    free.write_bytes(b"")
    with pytest.raises(PermissionError) as caught:
        held.rename(tmp_path / "elsewhere")
    assert caught.value.winerror == windows_sim.SHARING_VIOLATION and refused == [str(held)]
    free.rename(tmp_path / "moved")  # a file nobody holds moves as ever
    conn.close()
    held.rename(tmp_path / "elsewhere")


def test_a_damaged_file_held_open_is_explained_and_left_in_place(damaged, monkeypatch):
    refused = windows_sim.lock_open_files(monkeypatch)
    holder = sqlite3.connect(damaged)  # the app's window, in another process on Windows
    try:
        with pytest.raises(recovery.FileInUse, match="while a program has it open"):
            recovery.quarantine(damaged)
    finally:
        holder.close()
    assert refused and damaged.exists() and not list(damaged.parent.glob("*.damaged-*"))
    assert recovery.quarantine(damaged).name.startswith("iris.sqlite3.damaged-")  # once nothing holds it


def test_the_cli_says_why_it_cannot_move_a_damaged_file_held_open(damaged, monkeypatch, capsys):
    windows_sim.lock_open_files(monkeypatch)
    holder = sqlite3.connect(damaged)
    try:
        assert main(["history"]) == 2
    finally:
        holder.close()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err and "WinError" not in err
    assert "is damaged" in err and "cannot be moved aside while a program has it open" in err
    assert damaged.exists() and not list(damaged.parent.glob("*.damaged-*"))
    assert main(["history"]) == 2  # nothing holds it now: moved aside, the backup restored
    assert "the newest sound backup was restored" in capsys.readouterr().err


def test_restore_over_a_damaged_file_held_open_copies_it_aside_and_overwrites_it(damaged, trained_store, monkeypatch):
    (backup,) = backups.list_backups(damaged)
    before = backups.read_manifest(backup.path).flowers
    refused = windows_sim.lock_open_files(monkeypatch)
    watcher = sqlite3.connect(damaged, isolation_level=None)  # the window's change watcher
    try:
        done = backups.restore(backup.path, damaged, trained_store.models_dir)
        assert refused, "the move aside was tried first"
        assert watcher.execute("SELECT COUNT(*) FROM flowers").fetchone()[0] == before  # it sees the restore
    finally:
        watcher.close()
    aside = done.damaged_moved_to
    assert aside is not None and aside.name.startswith("iris.sqlite3.damaged-") and aside.exists()
    assert recovery.file_problem(aside) is not None  # the damaged data, kept for a rescue
    assert recovery.file_problem(damaged) is None
    with Store.open(damaged, trained_store.models_dir) as store:
        assert counts(store)[0] == before
