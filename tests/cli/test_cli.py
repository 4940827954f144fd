"""The headless command line, run in-process through cli.main (and once as a subprocess)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from iris_desktop import __version__, paths
from iris_desktop.cli import main
from iris_desktop.pipelines.history_csv import HISTORY_COLUMNS
from iris_desktop.store import SCHEMA_VERSION, Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import registry as rows

ROOT = Path(__file__).resolve().parents[2]
GOOD_CSV = (
    "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species\n"
    "1,5.1,3.5,1.4,0.2,Iris-setosa\n2,7.0,3.2,4.7,1.4,Iris-versicolor\n3,6.3,3.3,6.0,2.5,Iris-virginica\n"
)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_user_error(code: int, out: str, err: str, command: str, *words: str) -> None:
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"iris-desktop {command}: ")
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0]


@pytest.fixture
def data(tmp_path) -> Path:
    """An empty data folder, given to every command with --data-dir."""
    return tmp_path / "cli-data"


@pytest.fixture
def trained(trained_store) -> Path:
    """The folder of a first-run store (150 flowers, v1 active, 31 days predicted)."""
    return trained_store.path.parent


def _count(folder: Path, sql: str) -> int:
    with Store.open(folder / paths.DB_NAME) as s:
        return s.execute(sql).fetchone()[0]


def test_backfill_uses_the_data_dir(capsys, data):
    code, out, err = run(capsys, "--data-dir", data, "backfill")
    assert (code, out, err) == (0, "Backfilled 150 flowers.\n", "")
    assert (data / paths.DB_NAME).is_file()
    assert not (Path(os.environ[paths.ENV_VAR]) / paths.DB_NAME).exists()  # --data-dir wins
    code, out, _ = run(capsys, "--data-dir", data, "backfill")
    assert code == 0 and "already stored" in out
    assert _count(data, "SELECT COUNT(*) FROM flowers") == 150


def test_import_good_and_bad(capsys, data, tmp_path):
    good = tmp_path / "kaggle.csv"
    good.write_text(GOOD_CSV)
    code, out, err = run(capsys, "--data-dir", data, "import", good)
    assert code == 0 and err == ""
    assert out == f"Imported 3 flowers from {good} (1 setosa, 1 versicolor, 1 virginica) as batch 1.\n"

    bad = tmp_path / "bad.csv"
    bad.write_text(GOOD_CSV + "4,5.0,-3.0,1.4,0.2,Iris-setosa\n")
    assert_user_error(
        *run(capsys, "--data-dir", data, "import", bad), "import", "bad.csv", "line 5", "SepalWidthCm", "-3.0"
    )
    assert_user_error(*run(capsys, "--data-dir", data, "import", tmp_path / "nope.csv"), "import", "nope.csv")
    assert _count(data, "SELECT COUNT(*) FROM flowers") == 3


def test_info(capsys, trained):
    code, out, err = run(capsys, "--data-dir", trained, "info")
    assert code == 0 and err == ""
    lines = dict(line.split(":", 1) for line in out.splitlines()[1:])
    assert out.splitlines()[0] == f"Iris Desktop {__version__}"
    assert Path(lines["data folder"].strip()) == trained
    assert Path(lines["database"].strip()) == trained / paths.DB_NAME
    assert Path(lines["models folder"].strip()) == trained / "models"
    assert Path(lines["logs folder"].strip()) == trained / "logs"
    assert (Path(lines["resources"].strip()) / "iris.csv").is_file()
    assert lines["schema version"].strip().startswith(f"{SCHEMA_VERSION} (this build: {SCHEMA_VERSION})")
    assert lines["flowers"].strip() == "150 backfill, 0 import, 31 daily (181 in all)"
    assert lines["models"].strip().startswith("1, active: v1 knn(n_neighbors=5")
    assert lines["predictions"].strip() == "31"
    assert lines["last daily day"].strip() == "2026-06-15"


def test_info_on_an_unusable_database(capsys, data):
    data.mkdir()
    (data / paths.DB_NAME).write_bytes(b"garbage " * 100)
    assert_user_error(*run(capsys, "--data-dir", data, "info"), "info", "not a usable")


def test_catch_up(capsys, trained):
    code, out, err = run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-25")
    assert (code, err) == (0, "")
    assert out == "Caught up 10 missed days (from 2026-06-16 to 2026-06-25).\n"
    code, out, _ = run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-25")
    assert out == "Up to date.\n"
    assert _count(trained, "SELECT COUNT(*) FROM predictions") == 41


def test_train_models_activate(capsys, trained):
    code, out, err = run(capsys, "--data-dir", trained, "train", "--k", "7", "--weights", "distance")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Registered v2 knn(n_neighbors=7, weights=distance, metric=minkowski, p=2) (active)"
    assert "test accuracy" in out and "119 train / 30 test rows" in out
    assert out.splitlines()[-1] == "It predicted 31 stored daily flowers."  # as the app's training does

    code, out, err = run(
        capsys, "--data-dir", trained, "train", "--algorithm", "logreg", "--c", "10", "--standardize", "--no-activate"
    )
    assert (code, err) == (0, "")
    assert out.startswith("Registered v3 logreg(C=10.0, max_iter=1000)\n")

    code, out, _ = run(capsys, "--data-dir", trained, "models")
    table = out.splitlines()
    assert code == 0 and "version" in table[0] and len(table) == 4
    assert [line.lstrip("* ").split()[0] for line in table[1:]] == ["1", "2", "3"]
    assert [line.startswith("*") for line in table[1:]] == [False, True, False]

    code, out, _ = run(capsys, "--data-dir", trained, "activate", "3")
    assert (
        code == 0 and out == "Active model: v3 logreg(C=10.0, max_iter=1000)\nIt predicted 31 stored daily flowers.\n"
    )
    with Store.open(trained / paths.DB_NAME) as s:
        assert rows.active_version(s) == 3
        predicted = "SELECT COUNT(*) FROM predictions WHERE model_version = 3"
        assert s.execute(predicted).fetchone()[0] == 31  # every daily flower, as in the app
    assert_user_error(*run(capsys, "--data-dir", trained, "activate", "42"), "activate", "no model version 42")
    with Store.open(trained / paths.DB_NAME) as s:
        assert rows.active_version(s) == 3


def test_train_user_errors(capsys, trained, data):
    assert_user_error(*run(capsys, "--data-dir", trained, "train", "--k", "0"), "train", "n_neighbors")
    assert_user_error(*run(capsys, "--data-dir", trained, "train", "--test-fraction", "1.5"), "train", "test-fraction")
    assert_user_error(
        *run(capsys, "--data-dir", trained, "train", "--algorithm", "deep-net"), "train", "invalid choice"
    )
    assert _count(trained, "SELECT COUNT(*) FROM models") == 1


def test_models_when_there_are_none(capsys, data):
    code, out, _ = run(capsys, "--data-dir", data, "models")
    assert code == 0 and "No models yet" in out


def test_predict(capsys, trained, data):
    code, out, err = run(capsys, "--data-dir", trained, "predict", "5.1", "3.5", "1.4", "0.2")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "setosa  (model v1)"
    assert [line.split()[0] for line in lines[1:]] == ["setosa", "versicolor", "virginica"]
    assert sum(float(line.split()[1].rstrip("%")) for line in lines[1:]) == pytest.approx(100, abs=0.2)
    code, out, _ = run(capsys, "--data-dir", trained, "predict", "6.9", "3.1", "5.4", "2.1")
    assert out.startswith("virginica")
    assert_user_error(
        *run(capsys, "--data-dir", trained, "predict", "5.1", "-3.5", "1.4", "0.2"),
        "predict",
        "sepal_width",
        "greater than 0",
    )
    assert_user_error(
        *run(capsys, "--data-dir", trained, "predict", "5.1", "3.5", "0", "0.2"), "predict", "petal_length"
    )
    assert_user_error(
        *run(capsys, "--data-dir", data, "predict", "5.1", "3.5", "1.4", "0.2"), "predict", "no active model"
    )
    assert_user_error(
        *run(capsys, "--data-dir", trained, "predict", "5.1", "wide", "1.4", "0.2"), "predict", "sepal_width", "'wide'"
    )
    for typo in ("5_1", "1e1", "inf", "nan", "0x5"):  # float() would take most of these
        assert_user_error(
            *run(capsys, "--data-dir", trained, "predict", typo, "3.5", "1.4", "0.2"),
            "predict",
            "sepal_length",
            "plain decimal",
            repr(typo),
        )


def test_history_table_and_csv(capsys, data, tmp_path):
    """A real day-to-day use: set up, catch up to the real today, look at the history."""
    for argv in (("backfill",), ("train",), ("catch-up",)):
        assert run(capsys, "--data-dir", data, *argv)[0] == 0
    code, out, err = run(capsys, "--data-dir", data, "history")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["day", "actual", "predicted", "ok", "model"]
    body = lines[1:-1]
    assert len(body) == 31  # the whole history by default, like File ▸ Export history
    assert body[-1].startswith(dt.date.today().isoformat())
    assert all(line.split()[3] in ("✓", "✗") and line.endswith("v1") for line in body)
    right = sum(line.split()[3] == "✓" for line in body)
    assert lines[-1].startswith(f"accuracy {right}/31 = ")
    assert len(run(capsys, "--data-dir", data, "history", "--days", "3")[1].splitlines()) == 5

    target = tmp_path / "history.csv"
    code, out, _ = run(capsys, "--data-dir", data, "history", "--days", "7", "--csv", target)
    assert code == 0 and out == f"Wrote 7 predictions to {target}\n"
    with open(target, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0] == HISTORY_COLUMNS and len(table) == 8
    assert table[-1][0] == dt.date.today().isoformat()
    assert table[-1][7] in ("yes", "no") and float(table[-1][1]) > 0

    assert_user_error(*run(capsys, "--data-dir", data, "history", "--days", "0"), "history", "--days")
    assert_user_error(
        *run(capsys, "--data-dir", data, "history", "--csv", tmp_path / "no" / "dir" / "h.csv"), "history"
    )


def test_history_when_empty(capsys, data):
    code, out, _ = run(capsys, "--data-dir", data, "history")
    assert code == 0 and "No predictions yet" in out


def test_generate_is_repeatable(capsys, trained):
    first = run(capsys, "--data-dir", trained, "generate", "--date", "2027-02-03")
    second = run(capsys, "--data-dir", trained, "generate", "--date", "2027-02-03")
    assert first == second
    code, out, err = first
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("2027-02-03: ") and lines[0].split()[1] in ("setosa", "versicolor", "virginica")
    assert [line.split()[0] for line in lines[1:]] == ["Sepal", "Sepal", "Petal", "Petal"]
    assert all(line.rstrip().endswith("cm") for line in lines[1:])
    other = run(capsys, "--data-dir", trained, "generate", "--date", "2027-02-04")
    assert other[1] != out
    # nothing was stored
    with Store.open(trained / paths.DB_NAME) as s:
        assert flower_table.daily_flower(s, dt.date(2027, 2, 3)) is None
    # the stored flower of a past day is the one `generate` shows
    shown = run(capsys, "--data-dir", trained, "generate", "--date", "2026-06-01")[1]
    with Store.open(trained / paths.DB_NAME) as s:
        stored = flower_table.daily_flower(s, dt.date(2026, 6, 1)).flower
    assert shown.split()[1] == stored.variety.value
    assert [float(line.split()[2]) for line in shown.splitlines()[1:]] == list(stored.measurements)


@pytest.mark.parametrize("bad", ["2027-02-30", "tomorrow", "03/02/2027"])
def test_generate_bad_date(capsys, data, bad):
    assert_user_error(*run(capsys, "--data-dir", data, "generate", "--date", bad), "generate", "not a date")
    assert not (data / paths.DB_NAME).exists()


def test_version_subprocess(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"iris-desktop {__version__}"


def test_catch_up_with_a_tampered_model_stores_the_days_and_exits_2(capsys, trained):
    with Store.open(trained / paths.DB_NAME) as s:
        record = rows.active_model(s)
    (trained / "models" / record.artifact).write_bytes(b"tampered")
    code, out, err = run(capsys, "--data-dir", trained, "catch-up", "--today", "2026-06-18")
    assert code == 2
    assert out.startswith("Caught up 3 missed days") and "pending: the active model cannot be used" in out
    assert "does not match the registry" in err and "Traceback" not in err
    assert _count(trained, "SELECT COUNT(*) FROM flowers WHERE source = 'daily'") == 34


def test_catch_up_history_days(capsys, data):
    code, out, _ = run(capsys, "--data-dir", data, "catch-up", "--history-days", "5", "--today", "2026-06-15")
    assert code == 0 and out.startswith("Caught up 5 missed days (from 2026-06-11 to 2026-06-15)")  # N days: N
    # A cron line keeps the flag for ever: once the history started it is noted, and the
    # catch-up still happens.
    code, out, err = run(capsys, "--data-dir", data, "catch-up", "--history-days", "9", "--today", "2026-06-17")
    assert code == 0 and out.startswith("Caught up 2 missed days (from 2026-06-16 to 2026-06-17)")
    assert err == "note: --history-days ignored: the daily history already starts on 2026-06-11\n"


def test_a_saved_history_length_out_of_range_does_not_stop_catch_up(capsys, data):
    code, *_ = run(capsys, "--data-dir", data, "backfill")
    with Store.open(data / paths.DB_NAME) as s:
        s.set_meta("history_days", "800000")  # saved by an older version that did not check
    code, out, err = run(capsys, "--data-dir", data, "catch-up", "--today", "2026-06-15")
    assert code == 0 and "missed days (from 2016-" in out
    code, out, err = run(capsys, "--data-dir", data, "catch-up", "--history-days", "800000")
    assert_user_error(code, out, err, "catch-up", "800000 is outside 1..3650")


def test_days_stored_while_the_clock_was_ahead(capsys, data):
    run(capsys, "--data-dir", data, "catch-up", "--today", "2026-06-15")
    run(capsys, "--data-dir", data, "catch-up", "--today", "2029-01-01")  # the clock jumps forward
    code, out, err = run(capsys, "--data-dir", data, "catch-up", "--today", "2026-06-20")  # and back
    assert code == 0 and out == "Up to date.\n"
    assert err.startswith("note: 926 stored days lie after today (2026-06-21 to 2029-01-01)")
    code, out, _ = run(capsys, "--data-dir", data, "history", "--today", "2026-06-20")
    assert out.splitlines()[-2].startswith("2026-06-20")  # never a day after today
    code, out, _ = run(capsys, "--data-dir", data, "history", "--today", "2026-06-20", "--csv", "-")
    assert out.splitlines()[-1].startswith("2026-06-20")
    with Store.open(data / paths.DB_NAME) as s:
        kept = flower_table.daily_flower(s, dt.date(2026, 6, 25))
    code, out, _ = run(capsys, "--data-dir", data, "remove-future-days", "--today", "2026-06-20", "--yes")
    assert code == 0 and out.startswith("Removed 926 daily flowers stored for 2026-06-21 to 2029-01-01")
    code, out, err = run(capsys, "--data-dir", data, "catch-up", "--today", "2026-06-25")
    assert out.startswith("Caught up 5 missed days") and err == ""
    with Store.open(data / paths.DB_NAME) as s:  # made again, identically
        assert flower_table.daily_flower(s, dt.date(2026, 6, 25)).flower == kept.flower


def test_train_any_parameter_by_name(capsys, data):
    run(capsys, "--data-dir", data, "backfill")
    code, out, _ = run(
        capsys,
        "--data-dir",
        data,
        "train",
        "--algorithm",
        "tree",
        "-P",
        "criterion=entropy",
        "-P",
        "max_depth=3",
        "--cv-folds",
        "3",
    )
    assert code == 0 and "tree(max_depth=3, min_samples_leaf=1, criterion=entropy)" in out
    with Store.open(data / paths.DB_NAME) as s:
        assert len(rows.active_model(s).metrics["cv_scores"]) == 3
    code, out, err = run(capsys, "--data-dir", data, "train", "-P", "depth=3")
    assert_user_error(code, out, err, "train", "no parameter(s) depth")
    code, out, err = run(capsys, "--data-dir", data, "train", "-P", "criterion=gini")
    assert_user_error(code, out, err, "train", "no parameter(s) criterion")


def test_catch_up_generator_applies_to_the_days_to_come(capsys, data):
    from iris_desktop.pipelines.daily import ORIGINAL_BOUNDS

    code, _, _ = run(capsys, "--data-dir", data, "catch-up", "--today", "2026-06-15")
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", data, "catch-up", "--generator", "original", "--today", "2026-09-22")
    assert code == 0 and out.startswith("Caught up 99 missed days")
    with Store.open(data / paths.DB_NAME) as s:
        later = flower_table.daily_flowers(s, start=dt.date(2026, 6, 16))
    assert len(later) == 99
    for row in later:  # every new day inside the original lab's bounds of its variety
        bounds = ORIGINAL_BOUNDS[row.flower.variety]
        for name, value in zip(("sepal_length", "sepal_width", "petal_length", "petal_width"), row.flower.measurements):
            assert bounds[name][0] - 1e-9 <= value <= bounds[name][1] + 1e-9
    code, out, _ = run(capsys, "--data-dir", data, "generate", "--date", "2026-09-23")
    assert "original lab's per-variety bounds" in out


def test_import_of_the_same_content_needs_again(capsys, data, tmp_path):
    path = tmp_path / "good.csv"
    path.write_text(GOOD_CSV)
    assert run(capsys, "--data-dir", data, "import", path)[0] == 0
    code, out, err = run(capsys, "--data-dir", data, "import", path)
    assert_user_error(code, out, err, "import", "already imported", "--again")
    code, out, _ = run(capsys, "--data-dir", data, "import", "--again", "--keep-duplicates", path)
    assert code == 0 and out.startswith("Imported 3 flowers")
    assert _count(data, "SELECT COUNT(*) FROM flowers WHERE source = 'import'") == 6
