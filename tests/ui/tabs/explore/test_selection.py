"""The Explore tab's shared selection as plain data: predicates, modes, listeners, and
a refresh that keeps the same flowers selected. No display needed."""

from __future__ import annotations

import numpy as np
import pytest

from iris_desktop.ui.tabs.explore.selection import (
    IdsPredicate,
    LassoPredicate,
    Mode,
    RectPredicate,
    Selection,
    combine,
    mode_for_modifiers,
)

COORDS = np.array(
    [
        [5.0, 3.0, 1.0, 0.2],
        [6.0, 2.5, 4.0, 1.3],
        [7.0, 3.0, 6.0, 2.0],
        [5.5, 2.8, 4.5, 1.5],
        [4.8, 3.4, 1.6, 0.4],
    ]
)


def mask(*rows, n=5):
    m = np.zeros(n, dtype=bool)
    m[list(rows)] = True
    return m


@pytest.mark.parametrize(
    "mode, expected",
    [
        (Mode.REPLACE, mask(1, 2)),
        (Mode.ADD, mask(0, 1, 2)),
        (Mode.INTERSECT, mask(1)),
        (Mode.REMOVE, mask(0)),
    ],
)
def test_modes_combine_the_new_rows_with_the_current_ones(mode, expected):
    assert np.array_equal(combine(mask(0, 1), mask(1, 2), mode), expected)
    selection = Selection(np.arange(10, 15))
    selection.apply(mask(0, 1))
    selection.apply(mask(1, 2), mode)
    assert np.array_equal(selection.mask, expected)


def test_a_sequence_of_modes_as_a_user_builds_a_selection():
    selection = Selection(np.arange(5))
    selection.apply(RectPredicate(2, 3, (0.5, 2.0), (0.0, 0.5)).mask(COORDS))  # the two small flowers
    assert selection.rows().tolist() == [0, 4]
    selection.apply(RectPredicate(2, 3, (3.9, 4.6), (1.2, 1.6)).mask(COORDS), Mode.ADD)
    assert selection.rows().tolist() == [0, 1, 3, 4]
    selection.apply(RectPredicate(0, 1, (4.0, 5.6), (2.0, 4.0)).mask(COORDS), Mode.INTERSECT)
    assert selection.rows().tolist() == [0, 3, 4]
    selection.apply(RectPredicate(0, 1, (5.4, 5.6), (2.7, 2.9)).mask(COORDS), Mode.REMOVE)
    assert selection.rows().tolist() == [0, 4]
    assert len(selection) == 2 and not selection.empty
    selection.clear()
    assert selection.empty and len(selection) == 0


def test_rectangle_includes_its_edges_and_accepts_a_drag_in_any_direction():
    forward = RectPredicate(2, 3, (1.0, 4.0), (0.2, 1.3)).mask(COORDS)
    backward = RectPredicate(2, 3, (4.0, 1.0), (1.3, 0.2)).mask(COORDS)
    assert forward.tolist() == backward.tolist() == [True, True, False, False, True]
    assert "Petal length 1.00–4.00 cm" in RectPredicate(2, 3, (4.0, 1.0), (1.3, 0.2)).describe()


def test_lasso_selects_points_inside_the_polygon_only():
    triangle = LassoPredicate(2, 3, ((0.5, 0.0), (5.0, 0.0), (0.5, 2.0)))
    # (1.0, 0.2) and (1.6, 0.4) are inside; (4.0, 1.3) lies above the hypotenuse; the others far out
    assert triangle.mask(COORDS).tolist() == [True, False, False, False, True]
    square = LassoPredicate(0, 1, ((5.2, 2.6), (6.2, 2.6), (6.2, 3.0), (5.2, 3.0)))
    assert square.mask(COORDS).tolist() == [False, False, False, True, False]
    assert not LassoPredicate(0, 1, ((1, 1), (2, 2))).mask(COORDS).any()  # not a polygon


def test_lasso_agrees_with_rectangle_on_a_large_random_set():
    rng = np.random.default_rng(1)
    coords = rng.uniform(0, 10, (20_000, 4))
    rect = RectPredicate(0, 1, (2.0, 7.0), (3.0, 6.0)).mask(coords)
    lasso = LassoPredicate(0, 1, ((2.0, 3.0), (7.0, 3.0), (7.0, 6.0), (2.0, 6.0))).mask(coords)
    assert np.array_equal(rect, lasso)


def test_listeners_hear_each_change_once_and_not_for_no_change():
    heard = []
    selection = Selection(np.arange(5))
    selection.subscribe(lambda m: heard.append(m.copy()))
    selection.apply(mask(1))
    selection.apply(mask(1))  # the same again: nothing changed
    selection.apply(mask(1), Mode.ADD)
    selection.clear()
    selection.clear()
    assert [m.tolist() for m in heard] == [mask(1).tolist(), mask().tolist()]


def test_table_rows_and_ids_become_the_selection():
    selection = Selection(np.array([10, 11, 12, 13, 14]))
    selection.apply_rows([3, 1])
    assert selection.selected_ids().tolist() == [11, 13]
    selection.apply_ids([14, 99], Mode.ADD)  # an unknown id is ignored
    assert selection.selected_ids().tolist() == [11, 13, 14]
    assert IdsPredicate((10, 12)).mask_for(selection.ids).tolist() == [True, False, True, False, False]


def test_new_rows_keep_the_same_flowers_selected_by_id():
    selection = Selection(np.array([1, 2, 3, 4]))
    selection.apply_ids([2, 4])
    heard = []
    selection.subscribe(lambda m: heard.append(m.tolist()))
    selection.set_ids(np.array([1, 3, 4, 5, 6]))  # flower 2 was removed, 5 and 6 arrived
    assert selection.selected_ids().tolist() == [4]
    assert heard == [[False, False, True, False, False]]
    selection.set_ids(np.array([4, 7]), notify=False)
    assert selection.selected_ids().tolist() == [4] and len(heard) == 1


def test_a_mask_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError):
        Selection(np.arange(3)).apply(np.ones(4, dtype=bool))


@pytest.mark.parametrize(
    "keys, expected",
    [
        ((False, False, False), Mode.INTERSECT),  # no key: the toolbar's mode
        ((True, False, False), Mode.ADD),
        ((False, True, False), Mode.INTERSECT),
        ((True, True, False), Mode.REMOVE),
        ((False, False, True), Mode.REMOVE),
    ],
)
def test_modifier_keys_override_the_toolbar_mode(keys, expected):
    assert mode_for_modifiers(*keys, default=Mode.INTERSECT) is expected
    if keys == (False, False, False):
        assert mode_for_modifiers(*keys, default=Mode.REPLACE) is Mode.REPLACE
