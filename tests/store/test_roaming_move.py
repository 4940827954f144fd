"""The data folder is in the local profile, not the roaming one (a network share on
managed PCs, where SQLite's WAL does not work); a store a version up to 0.2 left in the
roaming profile moves once, its old folder kept as the backup. Windows' two profiles are
simulated (tests/windows_sim.py); on Linux and macOS they are one folder."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.pipelines import registry
from iris_desktop.store import Store, relocation
from tests import windows_sim
from tests.store.test_backups import counts


@pytest.fixture
def profiles(monkeypatch, tmp_path):
    return windows_sim.two_profiles(monkeypatch, tmp_path / "home")


@pytest.fixture
def roaming_store(profiles, _trained_template) -> tuple[Path, Path, tuple[int, int]]:
    """A first-run store with a backup, where version 0.2 put it; (roaming, local, counts)."""
    roaming, local = profiles
    shutil.copytree(_trained_template, roaming)
    with Store.open(roaming / paths.DB_NAME, roaming / "models") as store:
        from iris_desktop.store import backups

        backups.daily_backup(store)
        before = counts(store)
    return roaming, local, before


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_data_folder_is_the_local_one(profiles):
    roaming, local = profiles
    assert paths.data_dir() == local and paths.roaming_data_dir() == roaming
    assert paths.models_dir() == local / "models"


def test_one_place_where_there_is_one_profile(monkeypatch, tmp_path):
    """Linux and macOS: platformdirs gives the same folder either way; an override wins."""
    assert paths.roaming_data_dir() is None  # the tests' override
    monkeypatch.delenv(paths.ENV_VAR)
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "share" / "iris-desktop"))
    assert paths.roaming_data_dir() is None and paths.data_dir() == tmp_path / "share" / "iris-desktop"


def test_a_roaming_store_moves_to_the_local_profile_once(roaming_store, capsys):
    roaming, local, before = roaming_store
    models, backups_made = _files(roaming / "models"), _files(roaming / "backups")

    assert main(["info"]) == 0
    out, err = capsys.readouterr()
    assert f"data folder:    {local}" in out
    assert len(err.strip().splitlines()) == 1 and "the data moved from" in err and "delete it when you wish" in err
    (kept,) = roaming.parent.glob("iris-desktop.moved-*")
    assert not roaming.exists() and str(kept) in err
    assert _files(local / "models") == models and _files(local / "backups") == backups_made
    with Store.open(local / paths.DB_NAME, local / "models") as store:
        assert counts(store) == before
        assert registry.load_active(store).version == 1  # its file came along, hash and all
    with Store.open(kept / paths.DB_NAME, kept / "models") as old:
        assert counts(old) == before  # the old folder is the backup: untouched

    assert main(["info"]) == 0
    assert capsys.readouterr().err == ""  # once


def test_a_move_that_fails_leaves_nothing_and_this_run_uses_the_old_folder(roaming_store, monkeypatch, capsys):
    roaming, local, _before = roaming_store
    copy = relocation._copy_database

    def disk_full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(relocation, "_copy_database", disk_full)
    assert main(["info"]) == 0
    out, err = capsys.readouterr()
    assert f"data folder:    {roaming}" in out
    assert "could not be moved" in err and "No space left on device" in err
    assert not (local / paths.DB_NAME).exists() and not [p for p in local.rglob("*") if p.is_file()]
    assert roaming.is_dir()

    monkeypatch.setattr(relocation, "_copy_database", copy)  # the disk has room again
    paths.set_data_dir(None)  # the next run is a new process
    assert main(["info"]) == 0
    assert f"data folder:    {local}" in capsys.readouterr().out


def test_another_process_that_moved_first_wins(roaming_store, monkeypatch):
    roaming, local, _before = roaming_store
    copy = relocation._copy_database

    def raced(source, target):
        copy(source, target)
        shutil.copyfile(target, local / paths.DB_NAME)  # the other process placed its copy meanwhile

    monkeypatch.setattr(relocation, "_copy_database", raced)
    assert relocation.move_store(roaming, local) is None
    assert roaming.is_dir() and (local / paths.DB_NAME).is_file()
    assert not list(local.glob(".moving-*"))


def test_an_old_folder_that_cannot_be_renamed_is_left_and_said(roaming_store, monkeypatch):
    roaming, local, _before = roaming_store

    def in_use(source, target):
        raise windows_sim.sharing_violation(source)

    monkeypatch.setattr(os, "rename", in_use)
    moved = relocation.move_store(roaming, local)
    assert moved is not None and moved.kept is None and "it could not be renamed" in moved.message()
    assert (local / paths.DB_NAME).is_file() and roaming.is_dir()
    assert relocation.move_store(roaming, local) is None  # never twice: the local store is the one
