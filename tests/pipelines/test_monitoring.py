"""The monitor's column queries, accuracy with its interval, the two views of the past,
the CSV round trip, and the `history` command that shows them."""

from __future__ import annotations

import csv
import datetime as dt
import io

import numpy as np
import pytest

from iris_desktop.cli import main
from iris_desktop.pipelines import history_csv, monitoring
from iris_desktop.pipelines.history_csv import read_history_csv, write_history_csv
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.monitoring import (
    accuracy_columns,
    backtest,
    confusion_counts,
    history_columns,
    model_switches,
    version_history,
    wilson_interval,
    window_predictions,
)
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import predictions as prediction_table
from tests.conftest import TODAY

DAY = dt.timedelta(days=1)


def test_first_per_day_columns_match_the_rows(trained_store):
    train(trained_store, TrainingConfig(params={"n_neighbors": 1}))  # v2 predicts every day again
    catch_up(trained_store, TODAY + 3 * DAY)
    columns = history_columns(trained_store)
    rows = window_predictions(trained_store)
    assert len(columns) == len(rows) == 34
    assert [d.item() for d in columns.day] == [r.day for r in rows]
    assert columns.version.tolist() == [r.model_version for r in rows] == [1] * 31 + [2] * 3
    assert columns.predicted.tolist() == [r.predicted.index for r in rows]
    assert columns.actual.tolist() == [r.actual.index for r in rows]
    assert columns.correct.tolist() == [r.correct for r in rows]
    assert np.allclose(columns.X, [r.flower.measurements for r in rows])
    assert np.allclose(columns.proba, [r.probabilities for r in rows])
    assert model_switches(columns) == [(TODAY + DAY, 2)]
    v2 = history_columns(trained_store, model_version=2)
    assert len(v2) == 34 and set(v2.version.tolist()) == {2}
    assert len(prediction_table.prediction_columns(trained_store)) == 31 + 34


def test_version_history_fills_the_days_a_version_never_saw_and_equals_a_backtest(trained_store):
    record = train(trained_store, TrainingConfig("tree"), activate=False)
    before = prediction_table.prediction_count(trained_store)
    view = version_history(trained_store, record.version)
    assert prediction_table.prediction_count(trained_store) == before  # nothing stored
    assert len(view) == 31 and not view.stored.any()
    result = backtest(trained_store, record.version)
    assert [d.item() for d in view.day] == result.days
    assert np.array_equal(view.predicted, result.predicted) and view.correct.tolist() == result.correct
    assert np.allclose(view.proba, result.proba)

    # the active v1 predicted them all: stored, and the same as its backtest
    v1 = version_history(trained_store, 1)
    assert v1.stored.all() and v1.correct.tolist() == backtest(trained_store, 1).correct

    with pytest.raises(monitoring.registry.ModelLoadError, match="no model version 9"):
        version_history(trained_store, 9)


def test_wilson_interval_reads_small_samples_honestly():
    low, high = wilson_interval(np.array([7, 5, 0, 0]), np.array([7, 7, 0, 10]))
    assert low[0] == pytest.approx(0.646, abs=1e-3) and high[0] == 1.0
    assert low[1] == pytest.approx(0.359, abs=1e-3) and high[1] == pytest.approx(0.918, abs=1e-3)
    assert low[1] < low[0] < high[1]  # 5 of 7 and 7 of 7 overlap: not a collapse
    assert (low[2], high[2]) == (0.0, 1.0)  # nothing known
    assert low[3] == 0.0 and 0 < high[3] < 0.35


def test_accuracy_columns_by_hand():
    days = np.array(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-06"], dtype="datetime64[D]")
    correct = np.array([1, 0, 1, 1, 0], dtype=bool)
    acc = accuracy_columns(days, correct, window=3)
    # calendar windows of 3 days: Jan 4 had no prediction and counts nothing
    assert acc.rolling_n.tolist() == [1, 2, 3, 2, 2]
    assert acc.rolling == pytest.approx([1, 1 / 2, 2 / 3, 1, 1 / 2])
    assert acc.cumulative == pytest.approx([1, 1 / 2, 2 / 3, 3 / 4, 3 / 5])
    assert (acc.low <= acc.rolling).all() and (acc.rolling <= acc.high).all()
    empty = accuracy_columns(np.zeros(0, "datetime64[D]"), np.zeros(0, bool))
    assert len(empty.rolling) == 0


def test_confusion_counts_are_always_3x3():
    assert confusion_counts([], []).tolist() == [[0] * 3] * 3
    counts = confusion_counts([0, 0, 2], [0, 1, 1])
    assert counts.tolist() == [[1, 1, 0], [0, 0, 0], [0, 1, 0]]


def test_csv_round_trip_and_windows(trained_store, tmp_path):
    path = tmp_path / "h.csv"
    history = history_columns(trained_store)
    assert write_history_csv(history, path) == 31
    back = read_history_csv(path)
    assert np.array_equal(back.day, history.day) and np.array_equal(back.predicted, history.predicted)
    assert np.allclose(back.X, history.X) and np.allclose(back.proba, history.proba, atol=5e-5)
    # the old row-based export and the column one write the same text
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[1:] == [[str(v) for v in r] for r in history_csv.history_table(window_predictions(trained_store))]
    out = io.StringIO()
    assert history_csv.export_history_csv(trained_store, out, days=7, today=TODAY) == 7
    assert history_csv.export_history_csv(trained_store, io.StringIO(), model_version=1) == 31
    (tmp_path / "bad.csv").write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="not a history export"):
        read_history_csv(tmp_path / "bad.csv")


# ---- the history command --------------------------------------------------------------------


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_history_command_default_window_matches_the_export(capsys, trained_store):
    folder = trained_store.path.parent
    code, out, err = run(capsys, "--data-dir", folder, "history")
    body = out.splitlines()[1:-1]
    assert (code, err) == (0, "") and len(body) == 31  # every simulated day, like the export
    code, out, _ = run(capsys, "--data-dir", folder, "history", "--csv", "-")
    table = list(csv.reader(io.StringIO(out)))
    assert code == 0 and table[0] == history_csv.HISTORY_COLUMNS and len(table) == 32
    assert not (folder.parent / "-").exists() and not (folder / "-").exists()


def test_history_command_by_model(capsys, trained_store):
    record = train(trained_store, TrainingConfig(params={"n_neighbors": 1}), activate=False)
    folder = trained_store.path.parent
    code, out, err = run(capsys, "--data-dir", folder, "history", "--model", record.version)
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert all(line.endswith(f"v{record.version} (predicted now)") for line in lines[1:32])
    assert lines[-1].startswith(f"31 of these days were never predicted by v{record.version}")
    expected = backtest(trained_store, record.version)
    assert lines[32].startswith(f"accuracy {sum(expected.correct)}/31 = ")
    code, out, _ = run(capsys, "--data-dir", folder, "history", "--model", 1, "--csv", "-")
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert len(rows) == 31 and {r[8] for r in rows} == {"1"}

    code, out, err = run(capsys, "--data-dir", folder, "history", "--model", 7)
    assert code == 2 and out == "" and err.startswith("iris-desktop history: ") and "no model version 7" in err
