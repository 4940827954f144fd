"""The Explore tab's one shared selection, glue-style: a selection is data, not pixels.

A predicate (a rectangle or a lasso on two features, a set of flower ids) picks rows;
a mode combines them with the current selection: replace, add, intersect, remove. The
selection is a boolean mask over the rows, kept meaningful across a refresh by flower
id. Plain Python and numpy, no Qt at import (the words a user reads are translated when
asked for, by explore/words.py): plots, statistics and the table subscribe to it.

    selection = Selection()
    selection.set_ids(columns.id)
    selection.apply(RectPredicate(2, 3, (1.0, 2.0), (0.1, 0.6)).mask(coords), Mode.ADD)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


class Mode(enum.Enum):
    REPLACE = "replace"
    ADD = "add"
    INTERSECT = "intersect"
    REMOVE = "remove"

    @property
    def label(self) -> str:
        """The mode's name in the user's language ("Replace")."""
        from iris_desktop.ui.widgets.flower_words import mode_label

        return mode_label(self.value)


def combine(current: np.ndarray, new: np.ndarray, mode: Mode) -> np.ndarray:
    """The selection after picking `new` rows (a bool mask) in `mode`."""
    if mode is Mode.REPLACE:
        return new.copy()
    if mode is Mode.ADD:
        return current | new
    if mode is Mode.INTERSECT:
        return current & new
    if mode is Mode.REMOVE:
        return current & ~new
    raise ValueError(f"unknown mode {mode!r}")


def mode_for_modifiers(shift: bool, control: bool, alt: bool, default: Mode) -> Mode:
    """Modifier keys held while dragging override the toolbar's mode: Shift adds,
    Ctrl intersects, Ctrl+Shift or Alt removes (glue's keys; Alt-drag may be taken by
    the window manager on Linux, hence Ctrl+Shift too)."""
    if alt or (shift and control):
        return Mode.REMOVE
    if shift:
        return Mode.ADD
    if control:
        return Mode.INTERSECT
    return default


@dataclass(frozen=True)
class RectPredicate:
    """x_feature in [x_range] and y_feature in [y_range] (ends included)."""

    x_feature: int
    y_feature: int
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def mask(self, coords: np.ndarray) -> np.ndarray:
        x, y = coords[:, self.x_feature], coords[:, self.y_feature]
        (x0, x1), (y0, y1) = sorted(self.x_range), sorted(self.y_range)
        return (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)

    def describe(self) -> str:
        # No measurement is below 0: a rectangle reaching past the axis starts at 0.
        from iris_desktop.ui.runtime.i18n import tr
        from iris_desktop.ui.widgets.flower_words import feature_name

        (x0, x1), (y0, y1) = (sorted(max(0.0, v) for v in r) for r in (self.x_range, self.y_range))
        return tr("{x} {x0:.2f}–{x1:.2f} cm and {y} {y0:.2f}–{y1:.2f} cm").format(
            x=feature_name(self.x_feature), x0=x0, x1=x1, y=feature_name(self.y_feature).lower(), y0=y0, y1=y1
        )


@dataclass(frozen=True)
class LassoPredicate:
    """(x_feature, y_feature) inside a polygon (even-odd rule)."""

    x_feature: int
    y_feature: int
    vertices: tuple[tuple[float, float], ...]

    def mask(self, coords: np.ndarray) -> np.ndarray:
        x, y = coords[:, self.x_feature], coords[:, self.y_feature]
        inside = np.zeros(len(x), dtype=bool)
        poly = np.asarray(self.vertices, dtype=float).reshape(-1, 2)
        if len(poly) < 3:
            return inside
        # Only points in the polygon's bounding box are tested, one numpy pass per edge.
        lo, hi = poly.min(axis=0), poly.max(axis=0)
        box = np.flatnonzero((x >= lo[0]) & (x <= hi[0]) & (y >= lo[1]) & (y <= hi[1]))
        px, py = x[box], y[box]
        hit = np.zeros(len(box), dtype=bool)
        for (ax, ay), (bx, by) in zip(poly, np.roll(poly, -1, axis=0)):
            if ay == by:
                continue
            crosses = (ay > py) != (by > py)
            at_x = ax + (py - ay) * (bx - ax) / (by - ay)
            hit ^= crosses & (px < at_x)
        inside[box] = hit
        return inside

    def describe(self) -> str:
        from iris_desktop.ui.runtime.i18n import tr
        from iris_desktop.ui.widgets.flower_words import feature_name

        return tr("a lasso on {x} × {y}").format(
            x=feature_name(self.x_feature).lower(), y=feature_name(self.y_feature).lower()
        )


@dataclass(frozen=True)
class IdsPredicate:
    """The flowers with these ids (rows picked in the table)."""

    ids: tuple[int, ...] | np.ndarray

    def mask_for(self, ids: np.ndarray) -> np.ndarray:
        return np.isin(ids, np.asarray(self.ids, dtype=ids.dtype))


class Selection:
    """A bool mask over the current rows plus who to tell when it changes."""

    def __init__(self, ids: np.ndarray | None = None):
        self.ids = np.empty(0, dtype=np.int64) if ids is None else np.asarray(ids)
        self.mask = np.zeros(len(self.ids), dtype=bool)
        self._listeners: list[Callable[[np.ndarray], None]] = []

    # ---- listeners ----------------------------------------------------------------------

    def subscribe(self, listener: Callable[[np.ndarray], None]) -> None:
        """`listener(mask)` is called after every change."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener(self.mask)

    # ---- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return int(np.count_nonzero(self.mask))

    @property
    def empty(self) -> bool:
        return not self.mask.any()

    def selected_ids(self) -> np.ndarray:
        return self.ids[self.rows()]  # a gather by index: a fifth of one by a million-row mask

    def rows(self) -> np.ndarray:
        return np.flatnonzero(self.mask)

    # ---- changing -----------------------------------------------------------------------

    def apply(self, new: np.ndarray, mode: Mode = Mode.REPLACE) -> None:
        """Combine the rows in `new` (a bool mask over the current rows) by `mode`."""
        new = np.asarray(new, dtype=bool)
        if new.shape != self.mask.shape:
            raise ValueError(f"a mask over {len(self.mask)} rows was expected, got {new.shape}")
        result = combine(self.mask, new, mode)
        if not np.array_equal(result, self.mask):
            self.mask = result
            self._changed()

    def apply_ids(self, ids: Sequence[int], mode: Mode = Mode.REPLACE) -> None:
        self.apply(IdsPredicate(np.asarray(ids)).mask_for(self.ids), mode)

    def apply_rows(self, rows: Sequence[int], mode: Mode = Mode.REPLACE) -> None:
        new = np.zeros(len(self.mask), dtype=bool)
        new[np.asarray(rows, dtype=np.intp)] = True
        self.apply(new, mode)

    def clear(self) -> None:
        if self.mask.any():
            self.mask = np.zeros(len(self.ids), dtype=bool)
            self._changed()

    def set_ids(self, ids: np.ndarray, notify: bool = True) -> None:
        """New rows (the store changed): the same flowers stay selected, by id. Tells
        the listeners (the rows they index changed) unless `notify` is False: a caller
        that redraws everything anyway."""
        ids = np.asarray(ids)
        kept = self.selected_ids()
        self.ids = ids
        self.mask = np.isin(ids, kept) if len(kept) else np.zeros(len(ids), dtype=bool)
        if notify:
            self._changed()
