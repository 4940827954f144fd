"""The user's data is theirs alone (POSIX): the database and its -wal/-shm 0600, the data
folder, models/ and backups/ 0700, backups 0600; looser ones of an older version are
tightened when the store is opened."""

from __future__ import annotations

import os
import stat

import pytest

from iris_desktop import paths
from iris_desktop.store import Store, backups, database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0)  # the most permissive umask: only our own modes hold
    yield
    os.umask(old)


def test_a_new_store_is_private_whatever_the_umask(tmp_path, loose_umask):
    data = tmp_path / "data"
    with Store.open(data / "iris.sqlite3") as store:
        store.execute("CREATE TABLE t (x)")  # a write: the -wal and -shm exist now
        archive = backups.automatic_backup(store, "manual")
        assert mode(data) == 0o700 and mode(data / "models") == 0o700 and mode(data / "backups") == 0o700
        for name in ("iris.sqlite3", "iris.sqlite3-wal", "iris.sqlite3-shm"):
            assert mode(data / name) == 0o600, name
        assert mode(archive) == 0o600
        assert mode(backups.write_archive(store, tmp_path / "elsewhere.zip")) == 0o600


def test_a_restored_store_is_private(trained_store, tmp_path, loose_umask):
    archive = backups.write_archive(trained_store, tmp_path / "b.zip")
    target = tmp_path / "new" / "iris.sqlite3"
    backups.restore(archive, target, target.parent / "models")
    assert mode(target) == 0o600 and mode(target.parent) == 0o700 and mode(target.parent / "models") == 0o700
    for model in (target.parent / "models").iterdir():
        assert mode(model) == 0o600


def test_looser_files_of_an_older_version_are_tightened_on_open(trained_store):
    data = trained_store.path.parent
    archive = backups.automatic_backup(trained_store, "manual")
    trained_store.close()
    loose = [data, data / "models", data / "backups"]
    for folder in loose:
        os.chmod(folder, 0o755)
    files = [trained_store.path, archive, *[p for p in [data / "iris.sqlite3-wal"] if p.exists()]]
    for file in files:
        os.chmod(file, 0o644)
    database._checked.clear()  # as a new process would

    with Store.open(trained_store.path, data / "models"):
        assert [mode(f) for f in loose] == [0o700] * 3
        assert [mode(f) for f in files] == [0o600] * len(files)


def test_a_file_we_cannot_change_is_no_reason_to_refuse(tmp_path, monkeypatch):
    def refuse(*args):
        raise PermissionError(1, "Operation not permitted")

    data = tmp_path / "data"
    data.mkdir()
    os.chmod(data, 0o755)
    monkeypatch.setattr(paths.os, "chmod", refuse)  # not the owner
    with Store.open(data / "iris.sqlite3") as store:
        assert store.meta("installation_id")
    assert mode(data) == 0o755
