"""The Explore statistics' coding of values: counted for one-decimal measurements, and
equal to numpy's sort-based unique in every case."""

from __future__ import annotations

import numpy as np
import pytest

from iris_desktop.ui.tabs.explore.statistics import MAX_TENTHS_SPAN, distinct_values


@pytest.mark.parametrize(
    "x",
    [
        np.round(np.random.default_rng(1).normal(5.8, 0.8, 100_000), 1),  # one decimal: counted
        np.array([float(t) / 10 for t in ("51", "49", "0", "3", "51", "72")]),  # as parsed from text
        np.random.default_rng(2).normal(5.8, 0.8, 1_000),  # any float: sorted
        np.array([5.1, 5.15, 4.9]),  # one value between tenths: sorted
        np.array([0.1, MAX_TENTHS_SPAN / 10 + 1.0]),  # tenths too far apart to count
        np.array([7.3]),
        np.empty(0),
    ],
)
def test_distinct_values_equal_numpy_unique(x):
    distinct, inverse = distinct_values(x)
    expected, expected_inverse = np.unique(x, return_inverse=True)
    assert np.array_equal(distinct, expected) and distinct.dtype == expected.dtype
    assert np.array_equal(inverse, expected_inverse.reshape(-1))
    assert np.array_equal(distinct[inverse], x)
