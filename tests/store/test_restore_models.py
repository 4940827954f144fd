"""Which model files a restore writes: a .skops file whose bytes match its registry row
(after every check, renamed into place at the end), never an archive's .joblib pickle
(its version is returned, to be retrained), nothing left behind when a later step fails."""

from __future__ import annotations

import os
import pickle

import pytest

from iris_desktop.store import backups
from iris_desktop.store import registry as model_rows
from tests.store.zips import sha256, skops_like, state, with_database


class Evil:
    """A pickle that creates a file when it is loaded."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture
def good(trained_store, tmp_path):
    return backups.write_archive(trained_store, tmp_path / "good.zip")


@pytest.fixture
def art(trained_store):
    return model_rows.active_model(trained_store).artifact


def forged(good, art, tmp_path, name: str, data: bytes, digest: str | None = None):
    """`good` whose model v1 is `name` with the SHA-256 of `data` (or `digest`), holding `data`."""
    sql = f"UPDATE models SET artifact = '{name}', sha256 = '{digest or sha256(data)}' WHERE version = 1"
    return with_database(
        good, tmp_path / f"forged-{name}.zip", sql, drop=(f"models/{art}",), add=[(f"models/{name}", data)]
    )


def leftovers(folder):
    return [p.name for p in folder.rglob("*") if p.name.startswith((".tmp-", ".restore-"))]


def test_an_archive_s_pickle_is_never_written_and_its_version_is_returned(trained_store, good, art, tmp_path):
    marker = tmp_path / "pwned"
    archive = forged(good, art, tmp_path, "old.joblib", pickle.dumps(Evil(marker)))

    done = backups.restore(archive, trained_store.path, trained_store.models_dir)

    assert done.legacy_versions == (1,) and done.unmatched_versions == ()
    assert model_rows.get_model(trained_store, 1).artifact == "old.joblib"  # the database was restored
    assert not (trained_store.models_dir / "old.joblib").exists() and not marker.exists()
    assert "model v1 is in the format before 0.2 and must be retrained" in done.message()
    assert not leftovers(trained_store.path.parent)


def test_an_old_file_of_ours_already_in_models_is_kept_and_not_counted(trained_store, good, art, tmp_path):
    data = b"our own old model"
    (trained_store.models_dir / "ours.joblib").write_bytes(data)
    done = backups.restore(
        forged(good, art, tmp_path, "ours.joblib", data), trained_store.path, trained_store.models_dir
    )
    assert done.legacy_versions == () and (trained_store.models_dir / "ours.joblib").read_bytes() == data


def test_a_pickle_under_a_skops_name_is_refused(trained_store, good, art, tmp_path):
    marker = tmp_path / "pwned"
    before = state(trained_store)
    archive = forged(good, art, tmp_path, "evil.skops", pickle.dumps(Evil(marker)))
    with pytest.raises(backups.BackupError, match=r"'models/evil\.skops' is not a skops model file"):
        backups.restore(archive, trained_store.path, trained_store.models_dir)
    assert state(trained_store) == before and not marker.exists()


def test_a_skops_file_is_written_private_once_everything_is_checked(trained_store, good, art, tmp_path):
    data = skops_like()
    done = backups.restore(forged(good, art, tmp_path, "new.skops", data), trained_store.path, trained_store.models_dir)
    written = trained_store.models_dir / "new.skops"
    assert written.read_bytes() == data and done.legacy_versions == () == done.unmatched_versions
    if os.name == "posix":
        assert written.stat().st_mode & 0o777 == 0o600
    assert not leftovers(trained_store.path.parent)


def test_a_skops_file_that_does_not_match_its_row_is_left_out(trained_store, good, art, tmp_path):
    archive = forged(good, art, tmp_path, "new.skops", skops_like(), digest="0" * 64)
    done = backups.restore(archive, trained_store.path, trained_store.models_dir)
    assert done.unmatched_versions == (1,) and not (trained_store.models_dir / "new.skops").exists()
    assert "damaged in the backup" in done.message() and not leftovers(trained_store.path.parent)


def test_a_file_already_there_with_the_same_bytes_is_not_rewritten(trained_store, good, art):
    ours = trained_store.models_dir / art
    os.utime(ours, (1_000_000_000, 1_000_000_000))
    backups.restore(good, trained_store.path, trained_store.models_dir)
    assert ours.stat().st_mtime == 1_000_000_000


def test_a_missing_model_file_is_refused(trained_store, good, art, tmp_path):
    sql = "UPDATE models SET artifact = 'gone.skops' WHERE version = 1"
    archive = with_database(good, tmp_path / "missing.zip", sql, drop=(f"models/{art}",))
    with pytest.raises(backups.BackupError, match=r"lacks the model file gone\.skops; nothing was changed"):
        backups.restore(archive, trained_store.path, trained_store.models_dir)


def test_a_failure_after_the_checks_leaves_nothing_behind(trained_store, good, art, tmp_path, monkeypatch):
    """The copy into the live database fails (another writer kept its lock): the model
    files renamed into models/ are taken out again, the one they replaced put back."""
    clash = trained_store.models_dir / "new.skops"
    clash.write_bytes(b"a file of ours with that name")
    archive = forged(good, art, tmp_path, "new.skops", skops_like())
    before = state(trained_store)

    def busy(*args):
        assert (trained_store.models_dir / "new.skops").read_bytes() == skops_like()  # in place by now
        raise backups.BackupError("iris.sqlite3 is busy; nothing was changed")

    monkeypatch.setattr(backups, "_replace_database", busy)
    with pytest.raises(backups.BackupError, match="busy"):
        backups.restore(archive, trained_store.path, trained_store.models_dir)
    assert state(trained_store) == before and clash.read_bytes() == b"a file of ours with that name"
    assert not leftovers(trained_store.path.parent)


def test_a_bare_database_file_is_streamed_under_its_cap(trained_store, tmp_path, monkeypatch):
    from iris_desktop.store import archives

    bare = tmp_path / "old.sqlite3"
    bare.write_bytes(trained_store.path.read_bytes())
    monkeypatch.setattr(archives, "MAX_DATABASE_BYTES", 4096)
    before = state(trained_store)
    with pytest.raises(backups.BackupError, match=r"'old.sqlite3' is a database of [\d,]+ bytes, over the 4,096 cap"):
        backups.restore(bare, trained_store.path, trained_store.models_dir)
    assert state(trained_store) == before
