"""Issue 31: what a newcomer meets in the first hour, from the command line. A dry run
and the import give one verdict; predict checks plausibility as imports do; backups
never overwrite each other; `info` only looks; hints that fit; no '1 flowers'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from iris_desktop import paths
from iris_desktop.store import backups
from tests.cli.test_cli import assert_user_error, run

ROOT = Path(__file__).resolve().parents[2]
HEADER = "sepal_length,sepal_width,petal_length,petal_width,variety"


@pytest.fixture
def trained(trained_store) -> Path:
    folder = trained_store.path.parent
    trained_store.close()
    return folder


def _new_rows(n: int) -> list[str]:
    """Rows of the bundled data moved by 0.05 cm: plausible flowers none of which is stored."""
    rows = (ROOT / "resources" / "iris.csv").read_text().splitlines()[1 : n + 1]
    return [",".join([*(f"{float(x) + 0.05:.2f}" for x in r.split(",")[:4]), r.split(",")[4]]) for r in rows]


def _with(rows: list[str], row: int, column: int, value: str) -> list[str]:
    cells = rows[row].split(",")
    cells[column] = value
    return [*rows[:row], ",".join(cells), *rows[row + 1 :]]


FILES = {
    "plausible": _new_rows(30),
    "a sepal length of 0.4": _with(_new_rows(30), 3, 0, "0.4"),
    "one petal width of 9.9": _with(_new_rows(30), 5, 3, "9.9"),
    "a single row with a petal width of 9.9": _with(_new_rows(1), 0, 3, "9.9"),
    "a whole file in millimetres": [
        ",".join([*(f"{float(x) * 10:g}" for x in r.split(",")[:4]), r.split(",")[4]]) for r in _new_rows(30)
    ],
    "only rows already stored": (ROOT / "resources" / "iris.csv").read_text().splitlines()[1:21],
}


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("again", [False, True], ids=["first", "second time"])
def test_the_dry_run_and_the_import_give_one_verdict(capsys, trained, tmp_path, name, again):
    path = tmp_path / "flowers.csv"
    path.write_text("\n".join([HEADER, *FILES[name]]) + "\n")
    if again:
        run(capsys, "--data-dir", trained, "import", path, "--accept-outliers", "--unit", "cm")
    dry_code, _dry_out, dry_err = run(capsys, "--data-dir", trained, "import", path, "--dry-run")
    code, _out, err = run(capsys, "--data-dir", trained, "import", path)
    assert (dry_code, dry_err) == (code, err)
    assert "Traceback" not in err


def test_the_unit_is_the_files_not_one_values(capsys, trained, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("\n".join([HEADER, *FILES["a single row with a petal width of 9.9"]]) + "\n")
    assert_user_error(*run(capsys, "--data-dir", trained, "import", path), "import", "9.9 cm is not a plausible")
    path.write_text(f"{HEADER}\n51,35,14,2,setosa\n")  # a whole row in millimetres is one
    assert_user_error(*run(capsys, "--data-dir", trained, "import", path), "import", "look like millimetres")


def test_predict_warns_of_millimetres_and_strict_refuses(capsys, trained):
    code, out, err = run(capsys, "--data-dir", trained, "predict", "51", "35", "14", "2")
    assert code == 0 and out.splitlines()[0].endswith("(model v1)")
    assert err.startswith("iris-desktop predict: warning: 51 cm is not a plausible sepal length")
    assert "In centimetres they are 5.1 3.5 1.4 0.2" in err
    assert_user_error(
        *run(capsys, "--data-dir", trained, "predict", "51", "35", "14", "2", "--strict"), "predict", "51 cm"
    )
    assert run(capsys, "--data-dir", trained, "predict", "5.1", "3.5", "1.4", "0.2")[2] == ""


def test_two_backups_in_the_same_instant_are_two_files(trained_store):
    now = dt.datetime(2026, 6, 15, 12, 0, 0, 250_000)
    first = backups.automatic_backup(trained_store, "restore", now)
    second = backups.automatic_backup(trained_store, "restore", now)  # the same microsecond even
    assert first != second and first.is_file() and second.is_file()
    assert [b.path for b in backups.list_backups(trained_store.path)] == [second, first]  # newest first


def test_backups_made_in_one_second_sort_by_time(trained_store):
    made = [
        backups.automatic_backup(trained_store, reason, dt.datetime(2026, 6, 15, 12, 0, 0, micro))
        for reason, micro in (("restore", 100), ("manual", 200), ("daily", 300))
    ]
    assert [b.path for b in backups.list_backups(trained_store.path)] == made[::-1]


def test_info_on_a_new_folder_makes_nothing(capsys, tmp_path):
    folder = tmp_path / "new"
    code, out, err = run(capsys, "--data-dir", folder, "info")
    assert (code, err) == (0, "") and "none yet" in out
    assert not folder.exists()


def test_history_hints_what_would_make_predictions(capsys, trained, tmp_path):
    empty = tmp_path / "empty"
    run(capsys, "--data-dir", empty, "backfill")
    assert "train one (`iris-desktop train`)" in run(capsys, "--data-dir", empty, "history")[1]
    run(capsys, "--data-dir", empty, "train")
    assert "no daily flowers yet" in run(capsys, "--data-dir", empty, "history")[1]
    for model in (empty / "models").iterdir():
        model.unlink()
    out = run(capsys, "--data-dir", empty, "history")[1]
    assert "the file of the active model v1 is missing" in out and "iris-desktop retrain 1" in out


def test_a_generator_change_is_confirmed(capsys, trained):
    code, out, err = run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-15", "--generator", "original")
    assert code == 0 and "Up to date" in out
    assert "the days after 2026-06-15 are made by the original lab's per-variety bounds" in err


def test_one_flower_is_one_flower(capsys, trained, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("\n".join([HEADER, *_new_rows(1)]) + "\n")
    out = run(capsys, "--data-dir", trained, "import", path, "--dry-run")[1]
    assert out.splitlines()[0].startswith("one.csv: 1 row;") and "would add 1 flower." in out
    out = run(capsys, "--data-dir", trained, "import", path)[1]
    assert out.startswith(f"Imported 1 flower from {path}")
    assert paths.DB_NAME  # (the data folder is the test's own)
