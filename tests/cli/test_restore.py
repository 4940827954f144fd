"""`restore` from the command line: one rule for replacing data (asked on a terminal,
`--yes` otherwise), an archive of another installation said so first, and an archive's
models in the format before 0.2 trained again from their settings, never unpickled."""

from __future__ import annotations

import joblib
import pytest

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.store import Store, backups
from iris_desktop.store import registry as rows
from tests.pipelines.test_legacy_models import OLD_VERSIONS, old_store  # noqa: F401 (a fixture)


def test_an_old_archive_restores_with_its_models_trained_again(old_store, tmp_path, capsys, monkeypatch):  # noqa: F811
    archive = backups.write_archive(old_store, tmp_path / "lab-of-a-friend.zip")
    old_store.close()
    paths.set_data_dir(tmp_path / "elsewhere")

    def never(*_args, **_kwargs):
        raise AssertionError("an archive's model file was unpickled")

    monkeypatch.setattr(joblib, "load", never)
    assert main(["restore", str(archive)]) == 2  # nobody to ask
    err = capsys.readouterr().err
    assert "another Iris Desktop installation" in err and "--yes" in err
    assert not paths.database_path().exists()

    assert main(["restore", str(archive), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "trained again from their settings" in out
    with Store.open(paths.database_path(), paths.models_dir()) as store:
        records = rows.list_models(store)
        assert len(records) == 1 + len(OLD_VERSIONS)
        assert all(r.artifact.endswith(".skops") for r in records)
    assert not list(paths.models_dir().glob("*.joblib"))
    assert main(["predict", "5.1", "3.5", "1.4", "0.2"]) == 0


@pytest.mark.parametrize("answer, code", [("y", 0), ("n", 1)])
def test_on_a_terminal_restore_asks(trained_store, tmp_path, capsys, monkeypatch, answer, code):
    archive = backups.write_archive(trained_store, tmp_path / "mine.zip")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    asked: list[str] = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    assert main(["restore", str(archive)]) == code
    out = capsys.readouterr().out
    assert ("Restored" in out) == (code == 0) and ("Nothing was changed" in out) == (code == 1)
    assert asked[0].startswith("Replace the data in") and "another" not in asked[0]  # our own archive
