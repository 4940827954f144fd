"""Explaining a day: the same facts as the predictions stored, flips that really flip,
neighbours marked, importances computed once; `explain` on the command line agrees."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import numpy as np
import pytest

from iris_desktop.cli import main
from iris_desktop.domain import FEATURE_NAMES, VARIETIES
from iris_desktop.pipelines import explain, registry
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.store import predictions as prediction_table
from tests.conftest import TODAY


@pytest.fixture
def longer(trained_store):
    """The first-run store with a year of days: some predicted wrong."""
    catch_up(trained_store, TODAY + dt.timedelta(days=365))
    return trained_store


def _wrong_day(store) -> prediction_table.PredictionRow:
    rows = prediction_table.daily_predictions(store)
    return next(r for r in rows if not r.correct)


def test_a_wrong_day_is_explained_with_the_facts_stored(longer):
    row = _wrong_day(longer)
    facts = explain.explain_day(longer, row.day)
    assert facts.at_the_time and facts.model_version == row.model_version
    assert (facts.predicted, facts.actual) == (row.predicted, row.actual) and not facts.correct
    assert facts.headline().startswith(f"Day {row.day}: predicted {row.predicted.value}, actually {row.actual.value}")
    model = registry.load_model(longer, row.model_version)
    assert np.allclose(facts.probabilities, model.predict_proba(row.flower.measurements)[0], atol=1e-12)
    assert np.allclose(facts.probabilities, row.probabilities, atol=1e-12)
    assert len(facts.neighbours) == explain.NEIGHBOURS
    distances = [n.distance for n in facts.neighbours]
    assert distances == sorted(distances)
    trained = {tuple(r) for r in np.round(model.X_train, 6)}
    for n in facts.neighbours:
        assert n.in_training == (tuple(np.round(n.measurements, 6)) in trained)


def test_a_flip_changes_the_prediction_and_a_bit_less_does_not(longer):
    row = _wrong_day(longer)
    facts = explain.explain_day(longer, row.day)
    model = registry.load_model(longer, facts.model_version)
    x = np.array(facts.measurements)
    moved_any = False
    for f, flip in enumerate(facts.flips):
        assert flip.feature == FEATURE_NAMES[f]
        if flip.change is None:
            continue
        moved_any = True
        for share, expected in ((1.0, flip.becomes), (0.99, facts.predicted)):
            y = x.copy()
            y[f] += flip.change * share
            assert VARIETIES[int(model.predict_proba(y).argmax())] is expected, (flip, share)
    assert moved_any


def test_importances_are_computed_once_and_kept(longer, monkeypatch):
    row = _wrong_day(longer)
    first = explain.explain_day(longer, row.day).importances
    assert first is not None and set(first) == set(FEATURE_NAMES)
    assert max(first, key=lambda k: first[k]).startswith("petal")  # what the iris data teaches

    def never(*_a, **_k):
        raise AssertionError("computed again")

    monkeypatch.setattr("sklearn.inspection.permutation_importance", never)
    assert explain.explain_day(longer, row.day).importances == first


def test_by_another_model(longer):
    from iris_desktop.pipelines.training import TrainingConfig, train

    second = train(longer, TrainingConfig("tree"), activate=False)
    row = _wrong_day(longer)
    facts = explain.explain_day(longer, row.day, second.version)
    assert not facts.at_the_time and facts.model_version == second.version
    assert "(asked for)" in facts.headline()


def test_the_command_line_says_the_same(longer, capsys):
    row = _wrong_day(longer)
    facts = explain.explain_day(longer, row.day)
    assert main(["explain", "--date", row.day.isoformat(), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(facts.as_json()))
    assert main(["explain", "--date", row.day.isoformat()]) == 0
    assert capsys.readouterr().out.splitlines() == facts.lines()
    # and what the history lists as wrong, explain names the same way
    assert main(["history", "--csv", "-"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith(row.day.isoformat()))
    assert f"{row.actual.value},{row.predicted.value}" in line


def test_a_day_without_a_flower_is_one_line(trained_store, capsys):
    assert main(["explain", "--date", "2001-01-01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no daily flower is stored for 2001-01-01" in err


def test_a_flower_with_no_neighbours_in_range_says_none(longer):
    row = _wrong_day(longer)
    model = registry.load_model(longer, row.model_version)
    x = np.array(row.flower.measurements, dtype=float)
    one_point = x[None, :]  # the data range is the flower itself: nothing to move into
    flips = explain.flips(model, x, one_point)
    assert all(f.change is None and f.becomes is None for f in flips)
    text = dataclasses.replace(explain.explain_day(longer, row.day), flips=flips).lines()
    assert sum("none within the data range" in line for line in text) == 4
