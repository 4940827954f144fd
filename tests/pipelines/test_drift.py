"""Drift of the daily flowers against a model's training flowers: KS, PSI and verdicts."""

from __future__ import annotations

import numpy as np
import pytest

from iris_desktop.pipelines import drift


def _iris_like(rng, n: int, shift=(0.0, 0.0, 0.0, 0.0), shift_variety: int | None = None):
    """n flowers of three varieties, roughly the classic set's means and spreads."""
    means = np.array([[5.0, 3.4, 1.5, 0.25], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
    sds = np.array([[0.35, 0.38, 0.17, 0.1], [0.5, 0.3, 0.47, 0.2], [0.64, 0.32, 0.55, 0.27]])
    y = rng.integers(0, 3, n)
    X = means[y] + rng.standard_normal((n, 4)) * sds[y]
    moved = np.ones(n, bool) if shift_variety is None else y == shift_variety
    X[moved] += np.asarray(shift)
    return np.round(np.maximum(X, 0.1), 1), y


def test_the_same_distribution_is_stable():
    rng = np.random.default_rng(1)
    ref, ref_y = _iris_like(rng, 120)
    cur, cur_y = _iris_like(rng, 365)
    report = drift.compare(ref, ref_y, cur, cur_y)
    assert not report.flagged and report.level in ("stable", "slight")
    assert "look like the model's training flowers" in report.summary()
    assert all(f.verdict for f in report.features) and report.n_current == 365


def test_a_shift_of_every_flower_is_drift():
    rng = np.random.default_rng(2)
    ref, ref_y = _iris_like(rng, 120)
    cur, cur_y = _iris_like(rng, 200, shift=(0.0, 0.0, 0.0, 0.5))
    report = drift.compare(ref, ref_y, cur, cur_y)
    width = report.features[3]
    assert report.flagged and width.flagged and width.p_value < 1e-6 and width.psi > drift.PSI_MAJOR
    assert width.verdict.startswith("Drifted: the daily flowers' petal width is larger than")
    assert not report.features[0].flagged
    assert "have drifted from model v3's training flowers (petal width)" in report.summary("model v3")


def test_a_shift_inside_one_variety_is_found_and_named():
    rng = np.random.default_rng(3)
    ref, ref_y = _iris_like(rng, 120)
    cur, cur_y = _iris_like(rng, 90, shift=(0.0, 0.0, 0.0, 0.35), shift_variety=0)  # setosa only
    width = drift.compare(ref, ref_y, cur, cur_y).features[3]
    assert width.flagged and width.shifted_varieties == ["Setosa"]
    assert "daily Setosa flowers' petal width is larger than in training" in width.verdict


def test_too_few_days_get_no_verdict():
    rng = np.random.default_rng(4)
    ref, ref_y = _iris_like(rng, 120)
    cur, cur_y = _iris_like(rng, drift.MIN_FLOWERS - 1, shift=(2.0, 2.0, 2.0, 2.0))
    report = drift.compare(ref, ref_y, cur, cur_y)
    assert report.level == "too few" and not report.flagged
    assert "at least 20 are needed" in report.summary()
    empty = drift.compare(ref, ref_y, np.zeros((0, 4)), np.zeros(0, int))
    assert empty.n_current == 0 and not empty.flagged


def test_psi():
    rng = np.random.default_rng(5)
    a = rng.normal(0, 1, 5000)
    assert drift.psi(a, rng.normal(0, 1, 5000)) < 0.02
    assert 0.1 < drift.psi(a, rng.normal(0.5, 1, 5000)) < 0.5
    assert drift.psi(a, rng.normal(3, 1, 5000)) > 2  # an empty bin stays finite
    assert np.isnan(drift.psi(a, []))


def test_histograms_share_bins_and_are_densities():
    edges, ref, cur = drift.histograms(np.array([1.0, 1.2, 1.4]), np.array([1.3, 2.0]), bins=10)
    assert len(edges) == 11 and len(ref) == len(cur) == 10
    width = np.diff(edges)
    assert (ref * width).sum() == pytest.approx(1) and (cur * width).sum() == pytest.approx(1)
