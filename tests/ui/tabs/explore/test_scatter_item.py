"""What the scatter draws: every point that shows, once per device pixel and variety."""

from __future__ import annotations

import numpy as np

from iris_desktop.ui.tabs.explore.scatter_item import points_to_draw

DEVICE = (200.0, 100.0)


def test_one_point_per_pixel_and_kind_the_last_row_on_top():
    dx = np.array([10.2, 10.4, 10.3, 50.0, 9.6])
    dy = np.array([20.0, 20.1, 19.8, 30.0, 20.2])
    kind = np.array([0, 0, 1, 0, 0])
    # rows 0, 1 and 4 share pixel (10, 20) as kind 0: the last of them (row 4) is kept
    assert points_to_draw(dx, dy, kind, DEVICE, pad=5).tolist() == [2, 3, 4]


def test_points_in_other_pixels_or_kinds_are_all_kept_in_row_order():
    rng = np.random.default_rng(0)
    dx, dy = rng.permutation(150).astype(float), rng.permutation(150).astype(float) % 90
    kind = rng.integers(0, 3, 150)
    keys = set(zip(np.rint(dx).astype(int), np.rint(dy).astype(int), kind))
    kept = points_to_draw(dx, dy, kind, DEVICE, pad=5)
    assert len(kept) == len(keys) and np.all(np.diff(kept) > 0)


def test_points_outside_the_device_are_not_drawn():
    dx = np.array([-20.0, -3.0, 100.0, 203.0, 260.0, 1e12])
    dy = np.array([50.0, 50.0, -4.0, 104.0, 50.0, 50.0])
    kept = points_to_draw(dx, dy, np.zeros(6, dtype=np.intp), DEVICE, pad=5)
    assert kept.tolist() == [1, 2, 3]  # within the symbol's pad of the edge


def test_a_thousand_flowers_on_one_measurement_step_draw_a_handful_of_symbols():
    x = np.repeat(np.arange(4.0, 8.0, 0.1), 25)  # 1,000 flowers, 40 distinct lengths
    dx = (x - 4.0) * 40
    kept = points_to_draw(dx, np.full(len(x), 50.0), np.zeros(len(x), dtype=np.intp), DEVICE, pad=5)
    assert len(kept) == 40
