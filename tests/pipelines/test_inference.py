"""Batch inference with catch-up, monitoring queries, backtests and the first run."""

from __future__ import annotations

import csv
import datetime as dt
import itertools

import numpy as np
import pytest

from iris_desktop.domain import Flower, Variety
from iris_desktop.pipelines import history_csv, registry
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.monitoring import accuracy_series, backtest, confusion, window_predictions
from iris_desktop.pipelines.operations import first_run
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import predictions as prediction_table
from iris_desktop.store import registry as rows
from iris_desktop.store.predictions import PredictionRow
from tests.pipelines.dumps import data_dump

TODAY = dt.date(2026, 6, 15)


def _counts(store) -> tuple[int, int]:
    flowers = store.execute("SELECT COUNT(*) FROM flowers WHERE source = 'daily'").fetchone()[0]
    return flowers, prediction_table.prediction_count(store)


def _dump(store) -> list[str]:
    return data_dump(store)


@pytest.fixture
def last_day(trained_store) -> dt.date:
    """The template's 'today': its last daily flower."""
    return flower_table.last_daily_day(trained_store)


def test_trained_store_shape(trained_store, last_day):
    assert last_day == TODAY
    assert _counts(trained_store) == (31, 31)
    assert rows.active_version(trained_store) == 1


def test_catch_up_400_missed_days(trained_store, last_day):
    registry._cache.clear()  # load the model from disk, as a fresh launch would
    later = last_day + dt.timedelta(days=400)
    summary = catch_up(trained_store, later)
    assert summary.days_added == 400 and summary.predictions_made == 400
    assert (summary.first_day, summary.last_day) == (last_day + dt.timedelta(days=1), later)
    assert summary.model_version == 1 and summary.pending == 0
    assert summary.message() == f"Caught up 400 missed days (from {summary.first_day} to {later})"
    assert _counts(trained_store) == (431, 431)
    # every daily flower has exactly one prediction from the active model
    assert prediction_table.daily_without_prediction(trained_store, 1) == []
    again = catch_up(trained_store, later)
    assert (again.days_added, again.predictions_made) == (0, 0)
    assert again.message() == "Up to date"
    assert _counts(trained_store) == (431, 431)


def test_catch_up_of_one_day(trained_store, last_day):
    summary = catch_up(trained_store, last_day + dt.timedelta(days=1))
    assert (summary.days_added, summary.predictions_made) == (1, 1)
    assert summary.message() == f"Caught up 1 missed day ({last_day + dt.timedelta(days=1)})"


def test_predictions_match_the_model(trained_store, last_day):
    model = registry.load_model(trained_store)
    preds = window_predictions(trained_store, model_version=1)
    X = np.array([p.flower.measurements for p in preds])
    proba = model.predict_proba(X)
    assert [p.predicted for p in preds] == model.predict(X)
    assert np.allclose([p.probabilities for p in preds], proba)
    # the true label is the flower's own variety, joined
    stored = {r.day: r.flower for r in flower_table.daily_flowers(trained_store)}
    assert all(p.actual is stored[p.day].variety for p in preds)


def test_without_active_model_flowers_only_then_fill_in(store):
    backfill(store)
    record = train(store, TrainingConfig(), activate=False)
    summary = catch_up(store, TODAY)
    assert summary.days_added == 31 and summary.predictions_made == 0
    assert summary.model_version is None and summary.pending == 31
    assert "31 predictions pending: no active model" in summary.message()
    assert _counts(store) == (31, 0)
    rows.set_active(store, record.version)
    filled = catch_up(store, TODAY)
    assert (filled.days_added, filled.predictions_made, filled.model_version) == (0, 31, record.version)
    assert filled.message() == "Predicted 31 daily flowers"
    assert _counts(store) == (31, 31)


def test_failure_mid_catch_up_keeps_nothing(trained_store, last_day, monkeypatch):
    before = _dump(trained_store)
    real = prediction_table.add_predictions

    def half_then_fail(store, version, batch):
        real(store, version, batch[: len(batch) // 2])
        raise RuntimeError("killed halfway")

    monkeypatch.setattr(prediction_table, "add_predictions", half_then_fail)
    later = last_day + dt.timedelta(days=20)
    with pytest.raises(RuntimeError, match="killed halfway"):
        catch_up(trained_store, later)
    assert _dump(trained_store) == before  # neither flowers nor predictions
    assert not trained_store.conn.in_transaction
    monkeypatch.undo()
    summary = catch_up(trained_store, later)  # the next run finishes the job
    assert (summary.days_added, summary.predictions_made) == (20, 20)


def test_failure_on_a_fresh_store_keeps_no_history_start(store, monkeypatch):
    backfill(store)
    train(store, TrainingConfig())
    monkeypatch.setattr(prediction_table, "add_predictions", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        catch_up(store, TODAY)
    assert _counts(store) == (0, 0)
    assert store.meta("history_start") is None


def test_catch_up_with_a_given_model(trained_store, last_day):
    record = train(trained_store, TrainingConfig(params={"n_neighbors": 3}), activate=False)
    model = registry.load_model(trained_store, record.version)
    summary = catch_up(trained_store, last_day, model=model)
    assert (summary.days_added, summary.predictions_made, summary.model_version) == (0, 31, 2)
    assert len(window_predictions(trained_store, model_version=2)) == 31


def test_confusion_is_3x3(trained_store):
    preds = window_predictions(trained_store)
    matrix = confusion(preds)
    assert matrix.shape == (3, 3) and matrix.dtype.kind == "i"
    assert matrix.sum() == len(preds) == 31
    assert np.trace(matrix) == sum(p.correct for p in preds)
    for p in preds[:5]:
        assert matrix[p.actual.index, p.predicted.index] >= 1
    assert confusion([]).tolist() == [[0] * 3] * 3


def _row(day: int, actual: Variety, predicted: Variety, version: int = 1) -> PredictionRow:
    return PredictionRow(
        flower_id=day,
        day=dt.date(2026, 1, day),
        flower=Flower(5.0, 3.0, 1.5, 0.2, actual),
        model_version=version,
        predicted=predicted,
        probabilities=(1.0, 0.0, 0.0),
        predicted_at="",
    )


def test_accuracy_series_by_hand():
    S, V, G = Variety.SETOSA, Variety.VERSICOLOR, Variety.VIRGINICA
    preds = [_row(1, S, S), _row(2, V, G), _row(3, G, G, 2), _row(4, G, G, 2), _row(5, V, S, 2), _row(6, S, S, 1)]
    series = accuracy_series(preds, window=3)
    assert series.days == [dt.date(2026, 1, d) for d in range(1, 7)]
    assert series.daily == [1, 0, 1, 1, 0, 1]
    assert series.cumulative == pytest.approx([1, 1 / 2, 2 / 3, 3 / 4, 3 / 5, 4 / 6])
    # mean over the last 3 days (fewer at the start)
    assert series.rolling == pytest.approx([1, 1 / 2, 2 / 3, 2 / 3, 2 / 3, 2 / 3])
    assert series.model_changes == [(dt.date(2026, 1, 1), 1), (dt.date(2026, 1, 3), 2), (dt.date(2026, 1, 6), 1)]
    assert series.window == 3
    wide = accuracy_series(preds, window=100)
    assert wide.rolling == pytest.approx(wide.cumulative)
    empty = accuracy_series([])
    assert (empty.days, empty.rolling, empty.cumulative) == ([], [], [])


def test_window_predictions_by_days_and_version(trained_store, last_day):
    all_rows = window_predictions(trained_store)
    assert [r.day for r in all_rows] == [last_day - dt.timedelta(days=30 - i) for i in range(31)]
    week = window_predictions(trained_store, days=7, today=last_day)
    assert [r.day for r in week] == [r.day for r in all_rows[-7:]]
    assert window_predictions(trained_store, days=1, today=last_day)[0].day == last_day
    assert window_predictions(trained_store, days=7, today=last_day + dt.timedelta(days=100)) == []

    # a second model, activated later, predicts the same days
    record = train(trained_store, TrainingConfig(params={"n_neighbors": 1}))
    assert catch_up(trained_store, last_day).predictions_made == 31
    v1 = window_predictions(trained_store, model_version=1)
    v2 = window_predictions(trained_store, model_version=record.version)
    assert len(v1) == len(v2) == 31
    assert {r.model_version for r in v1} == {1} and {r.model_version for r in v2} == {2}
    assert [r.day for r in v1] == [r.day for r in v2]
    # without a version: one row per day, the monitor as it happened (v1's)
    shown = window_predictions(trained_store)
    assert len(shown) == 31 and {r.model_version for r in shown} == {1}
    assert len(window_predictions(trained_store, days=7, model_version=2, today=last_day)) == 7
    # the next new day is v2's
    catch_up(trained_store, last_day + dt.timedelta(days=1))
    assert window_predictions(trained_store)[-1].model_version == 2


def test_history_csv(trained_store, tmp_path):
    path = tmp_path / "history.csv"
    assert history_csv.export_history_csv(trained_store, path) == 31
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    assert table[0] == history_csv.HISTORY_COLUMNS
    assert len(table) == 32
    first = window_predictions(trained_store)[0]
    assert table[1][0] == first.day.isoformat() and table[1][5] == first.actual.value


def test_backtest_stores_nothing(trained_store):
    before = _dump(trained_store)
    result = backtest(trained_store, 1)
    assert _dump(trained_store) == before
    assert result.version == 1 and result.n == 31 and len(result.days) == len(result.correct) == 31
    assert result.confusion.shape == (3, 3) and result.confusion.sum() == 31
    # on the days v1 predicted, the backtest agrees with the monitor
    monitor = window_predictions(trained_store, model_version=1)
    assert result.correct == [r.correct for r in monitor]
    assert result.accuracy == pytest.approx(np.mean(result.correct))
    assert np.array_equal(result.confusion, confusion(monitor))

    other = train(trained_store, TrainingConfig("tree"), activate=False)
    before = _dump(trained_store)
    assert backtest(trained_store, other.version).n == 31
    assert _dump(trained_store) == before


def test_backtest_without_daily_flowers(store):
    backfill(store)
    record = train(store, TrainingConfig())
    result = backtest(store, record.version)
    assert result.n == 0 and np.isnan(result.accuracy) and result.confusion.sum() == 0


def test_first_run_is_idempotent(trained_store, last_day):
    before = _dump(trained_store)
    summary = first_run(trained_store, today=last_day)
    assert (summary.days_added, summary.predictions_made) == (0, 0)
    assert _dump(trained_store) == before


def test_first_run_on_a_fresh_store(store):
    seen = []
    summary = first_run(store, today=TODAY, progress=lambda pct, text: seen.append(pct))
    assert (summary.days_added, summary.predictions_made, summary.model_version) == (31, 31, 1)
    assert seen[-1] == 100 and seen == sorted(seen)
    assert flower_table.count_by_source(store) == {"backfill": 150, "import": 0, "daily": 31}
    assert store.meta("history_start") == (TODAY - dt.timedelta(days=30)).isoformat()
    again = first_run(store, today=TODAY)
    assert (again.days_added, again.predictions_made) == (0, 0)
    assert len(rows.list_models(store)) == 1
    assert flower_table.count_by_source(store)["backfill"] == 150


def test_an_unusable_active_model_still_lets_the_days_be_generated(trained_store, last_day):
    record = rows.active_model(trained_store)
    (trained_store.models_dir / record.artifact).write_bytes(b"not a model")
    registry._cache.clear()
    summary = catch_up(trained_store, last_day + dt.timedelta(days=3))
    assert summary.days_added == 3 and summary.predictions_made == 0
    assert summary.model_version is None and summary.pending == 3
    assert "does not match the registry" in summary.model_error
    assert summary.message().endswith("3 predictions pending: the active model cannot be used")
    assert _counts(trained_store) == (34, 31)


def test_days_are_generated_when_the_data_lacks_a_variety(store):
    """Measured bounds of a variety with no stored flowers come from the bundled set."""
    from iris_desktop.pipelines.backfill import import_csv

    only = store.path.parent / "setosa.csv"
    only.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n5.0,3.4,1.5,0.2,setosa\n")
    import_csv(store, only)
    summary = catch_up(store, TODAY)
    assert summary.days_added == 31
    kinds = {r.flower.variety for r in flower_table.daily_flowers(store)}
    assert kinds == set(Variety)


# ---- catch-up in batches, the history's start, the first run from the command line ----


def test_a_long_catch_up_commits_in_batches_of_whole_days(tmp_path, monkeypatch):
    from iris_desktop.pipelines import inference
    from iris_desktop.store import Store

    stores = []
    for name in ("one", "batches"):
        s = Store.open(tmp_path / name / "iris.sqlite3")
        s.set_meta("installation_seed", "99")
        first_run(s, TODAY)
        stores.append(s)
    one, batches = stores
    later = TODAY + dt.timedelta(days=50)
    catch_up(one, later)
    monkeypatch.setattr(inference, "CHUNK_DAYS", 7)
    seen = []
    summary = catch_up(batches, later, progress=lambda pct, text: seen.append(pct))
    assert (summary.days_added, summary.predictions_made) == (50, 50)
    assert len(seen) == 7 and seen == sorted(seen)  # one report per batch after the first
    assert _dump_days(one) == _dump_days(batches)

    real = prediction_table.add_predictions
    calls = []

    def fail_in_the_third_batch(store, version, rows):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("killed")
        return real(store, version, rows)

    monkeypatch.setattr(prediction_table, "add_predictions", fail_in_the_third_batch)
    with pytest.raises(RuntimeError):
        catch_up(batches, later + dt.timedelta(days=30))
    assert _counts(batches) == (31 + 50 + 14, 31 + 50 + 14)  # two whole batches kept, each predicted
    monkeypatch.setattr(prediction_table, "add_predictions", real)
    catch_up(batches, later + dt.timedelta(days=30))  # the next run finishes the job
    catch_up(one, later + dt.timedelta(days=30))
    assert _dump_days(one) == _dump_days(batches)
    for s in stores:
        s.close()


def _dump_days(store) -> dict:
    return {r.day: r.flower for r in flower_table.daily_flowers(store)}


def test_the_history_can_start_earlier_and_stored_days_never_change(trained_store, last_day, monkeypatch):
    from iris_desktop.pipelines import daily, inference

    before = _dump_days(trained_store)
    first = min(before)
    with pytest.raises(ValueError, match="can only start earlier"):
        inference.extend_history(trained_store, first + dt.timedelta(days=3), last_day)
    monkeypatch.setattr(inference, "CHUNK_DAYS", 4)
    start = first - dt.timedelta(days=10)
    summary = inference.extend_history(trained_store, start, last_day)
    assert (summary.days_added, summary.predictions_made) == (10, 10)
    after = _dump_days(trained_store)
    assert {d: f for d, f in after.items() if d >= first} == before
    added = [start + dt.timedelta(days=i) for i in range(10)]
    assert [after[d] for d in added] == daily.generate(
        trained_store.installation_seed(), daily.settings_for(trained_store), added
    )
    assert trained_store.meta("history_start") == start.isoformat()
    assert prediction_table.unpredicted_daily_count(trained_store) == 0

    # stopped between batches: the newest batches are kept, without a gap
    stops = iter([False, True])
    with pytest.raises(inference.HistoryCancelled):
        inference.extend_history(
            trained_store, start - dt.timedelta(days=10), last_day, should_cancel=lambda: next(stops)
        )
    kept = sorted(_dump_days(trained_store))
    assert kept[0] == start - dt.timedelta(days=8) and len(kept) == len(after) + 8  # two batches of 4
    assert all((b - a).days == 1 for a, b in itertools.pairwise(kept))
    assert trained_store.meta("history_start") == start.isoformat()  # not reached yet


def test_catch_up_on_a_never_used_folder_does_the_first_run_from_the_command_line(capsys, tmp_path):
    from iris_desktop.cli import main
    from iris_desktop.store import Store

    folder = tmp_path / "never-used"
    code = main(["--data-dir", str(folder), "catch-up", "--today", TODAY.isoformat()])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Caught up 31 missed days (from {TODAY - dt.timedelta(days=30)} to {TODAY})."
    assert lines[1].startswith(
        "First run: stored the bundled Iris data set (150 flowers), trained and "
        "activated the default model v1 knn(n_neighbors=5"
    )
    assert lines[1].endswith(
        f"simulated the daily history from {TODAY - dt.timedelta(days=30)} with a "
        "per-variety multivariate normal (full covariance) fitted to the 150 stored flowers."
    )
    with Store.open(folder / "iris.sqlite3") as s:
        assert flower_table.count_by_source(s) == {"backfill": 150, "import": 0, "daily": 31}
        assert rows.active_version(s) == 1
        assert prediction_table.unpredicted_daily_count(s) == 0  # a prediction for every day
        assert len(window_predictions(s)) == 31
    # the next run is an ordinary catch-up
    assert main(["--data-dir", str(folder), "catch-up", "--today", (TODAY + dt.timedelta(days=1)).isoformat()]) == 0
    assert capsys.readouterr().out == f"Caught up 1 missed day ({TODAY + dt.timedelta(days=1)}).\n"


def test_catch_up_without_the_first_run_keeps_the_old_behaviour(capsys, tmp_path):
    from iris_desktop.cli import main
    from iris_desktop.store import Store

    folder = tmp_path / "bare"
    code = main(["--data-dir", str(folder), "catch-up", "--no-first-run", "--today", TODAY.isoformat()])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out == (
        f"Caught up 31 missed days (from {TODAY - dt.timedelta(days=30)} to {TODAY}); "
        "31 predictions pending: no active model.\n"
    )
    with Store.open(folder / "iris.sqlite3") as s:
        assert _counts(s) == (31, 0) and not rows.list_models(s)


def test_a_first_run_from_the_command_line_takes_the_generator_and_history_days(capsys, tmp_path):
    from iris_desktop.cli import main
    from iris_desktop.pipelines import daily
    from iris_desktop.store import Store

    folder = tmp_path / "chosen"
    code = main(
        [
            "--data-dir",
            str(folder),
            "catch-up",
            "--generator",
            "measured",
            "--history-days",
            "5",
            "--today",
            TODAY.isoformat(),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and out.startswith(f"Caught up 5 missed days (from {TODAY - dt.timedelta(days=4)}")
    assert "uniform within per-variety bounds measured on the 150 stored flowers" in out
    with Store.open(folder / "iris.sqlite3") as s:
        assert daily.settings_for(s).kind == "measured" and _counts(s) == (5, 5)


def test_generate_names_the_generator_it_really_used(capsys, tmp_path):
    from iris_desktop.cli import main

    folder = tmp_path / "gen"
    assert main(["--data-dir", str(folder), "generate", "--date", TODAY.isoformat()]) == 0
    empty = capsys.readouterr().out.splitlines()[0]
    assert (
        "not stored; generator: a per-variety multivariate normal (full covariance) fitted to the "
        "bundled Iris set's 150 flowers (none stored yet)" in empty
    )
    assert main(["--data-dir", str(folder), "catch-up", "--today", TODAY.isoformat()]) == 0
    assert main(["--data-dir", str(folder), "catch-up", "--generator", "original", "--today", TODAY.isoformat()]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "generate", "--date", TODAY.isoformat()]) == 0
    stored = capsys.readouterr().out.splitlines()[0]
    # the same flower as before it was stored (the bundled set is what got stored), and
    # the generator that made it, not the one chosen since
    assert stored.split()[:2] == empty.split()[:2]
    assert (
        "stored; generator: a per-variety multivariate normal (full covariance) fitted to the 150 stored flowers"
        in stored
    )
    assert main(["--data-dir", str(folder), "generate", "--date", (TODAY + dt.timedelta(days=1)).isoformat()]) == 0
    assert "not stored; generator: the original lab's per-variety bounds" in capsys.readouterr().out


def test_is_first_run(store, tmp_path):
    from iris_desktop.pipelines.inference import is_first_run
    from iris_desktop.store import Store

    with Store.open(tmp_path / "other" / "iris.sqlite3") as used:
        first_run(used, TODAY)
        assert not is_first_run(used)
    assert is_first_run(store)
    backfill(store)
    assert is_first_run(store)  # data alone is not a set-up store: the app would train too
