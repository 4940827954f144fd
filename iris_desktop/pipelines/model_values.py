"""Small checks of values read from a model file (model_checks.py, tree_checks.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, VARIETIES
from iris_desktop.pipelines.algorithms import Estimator

N_FEATURES = len(FEATURE_NAMES)


class Damaged(Exception):
    """What is wrong with the contents of a model file."""


def expect(condition: bool, problem: str) -> None:
    if not condition:
        raise Damaged(problem)


def int_in(value: Any, low: int, high: int) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool) and bool(low <= value <= high)


def floats(value: Any, what: str, shape: tuple[int, ...]) -> np.ndarray:
    """A finite float64 array of `shape` (-1: any length)."""
    ok = type(value) is np.ndarray and value.dtype == np.float64 and value.ndim == len(shape)
    expect(ok and all(s in (-1, n) for s, n in zip(shape, value.shape)), f"{what} are not a {shape} float array")
    expect(bool(np.isfinite(value).all()), f"{what} are not all finite")
    checked: np.ndarray = np.ascontiguousarray(value)
    return checked


def ints(value: Any, what: str, shape: tuple[int, ...], below: int, dtype: type | None = None) -> np.ndarray:
    """An integer array of `shape`, each value in [0, below)."""
    ok = type(value) is np.ndarray and value.dtype.kind in "iu" and value.shape == shape
    expect(ok and (dtype is None or value.dtype == dtype), f"{what} are not a {shape} integer array")
    expect(not value.size or (int(value.min()) >= 0 and int(value.max()) < below), f"{what} are out of range")
    checked: np.ndarray = value
    return checked


def classes_of(estimator: Estimator, what: str) -> np.ndarray:
    """classes_: two or three variety indices, increasing."""
    classes: Any = getattr(estimator, "classes_", None)
    ok = type(classes) is np.ndarray and classes.dtype.kind in "iu" and classes.ndim == 1
    ok = ok and 2 <= len(classes) <= len(VARIETIES) and bool(np.all(np.diff(classes) > 0))
    expect(ok and int(classes[0]) >= 0 and int(classes[-1]) < len(VARIETIES), f"{what}'s varieties are not 0, 1, 2")
    return np.asarray(classes)


def shallow_copy(obj: Any) -> Any:
    copy = object.__new__(type(obj))
    copy.__dict__.update(vars(obj))
    return copy


def same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return bool(np.array_equal(a, b))
    return bool(a is b or a == b)
