"""Importing a folder says what it is, on every system: Windows refuses to open a folder
("Permission denied", simulated in tests/windows_sim.py), where POSIX opens it and the
reader's own check finds it is not a regular file."""

from __future__ import annotations

import pytest

from iris_desktop.cli import main
from iris_desktop.pipelines.csv_reader import CsvImportError, read_file
from tests import windows_sim


def test_a_folder_is_not_a_regular_file_where_opening_it_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "flowers.csv"
    folder.mkdir()
    windows_sim.folders_refuse_open(monkeypatch)
    with pytest.raises(CsvImportError, match="not a regular file") as refused:
        read_file(folder)
    assert "Permission denied" not in str(refused.value)


def test_the_cli_says_a_folder_is_not_a_file(tmp_path, monkeypatch, capsys, store):
    windows_sim.folders_refuse_open(monkeypatch)
    assert main(["import", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not a regular file" in err and "Permission denied" not in err
