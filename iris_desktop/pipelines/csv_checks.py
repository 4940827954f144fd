"""What the import preview checks in a parsed file: values no iris has, columns in
millimetres, and rows that repeat stored flowers. numpy only, vectorised."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from iris_desktop.domain import FEATURE_NAMES
from iris_desktop.pipelines.csv_reader import ParsedFile

# What an iris measurement can plausibly be, in cm. The classic 150 flowers (resources/
# iris.csv) span sepal length 4.3-7.9, sepal width 2.0-4.4, petal length 1.0-6.9, petal
# width 0.1-2.5; the bounds add a generous margin (15-40 % above the maximum, 25-50 % below
# the minimum, most for the small parts, where 0.1 cm of rounding weighs most) so that other
# populations pass and unit mistakes (mm) and typos (51 for 5.1) stand out.
PLAUSIBLE_CM: dict[str, tuple[float, float]] = {
    "sepal_length": (3.0, 10.0),
    "sepal_width": (1.5, 6.0),
    "petal_length": (0.5, 8.0),
    "petal_width": (0.05, 3.5),
}
_LOW, _HIGH = (np.array(bound) for bound in zip(*(PLAUSIBLE_CM[n] for n in FEATURE_NAMES)))
# Per-variety means of the classic data set (rows: Variety order; columns: FEATURES order),
# the yardstick for "is this column ten times too big?" (mm are ten times cm).
_CLASSIC_MEANS_CM = np.array([[5.01, 3.43, 1.46, 0.25], [5.94, 2.77, 4.26, 1.33], [6.59, 2.97, 5.55, 2.03]])


@dataclass(frozen=True)
class Outlier:
    """A measurement outside PLAUSIBLE_CM."""

    line: int
    column: str  # header text in the file
    feature: str  # our column name
    value: float
    low: float
    high: float


def implausible_flower(values: Sequence[float]) -> str | None:
    """Why one flower's measurements (cm, FEATURES order) are no iris's, in words, by the
    bounds imports use; None if they are plausible."""
    bad = [
        (n, v, *PLAUSIBLE_CM[n])
        for n, v in zip(FEATURE_NAMES, values)
        if not PLAUSIBLE_CM[n][0] <= v <= PLAUSIBLE_CM[n][1]
    ]
    if not bad:
        return None
    said = "; ".join(
        f"{v:g} cm is not a plausible {n.replace('_', ' ')} (expected {lo:g}–{hi:g} cm)" for n, v, lo, hi in bad
    )
    tenth = [v / 10 for v in values]
    if all(PLAUSIBLE_CM[n][0] <= v <= PLAUSIBLE_CM[n][1] for n, v in zip(FEATURE_NAMES, tenth)):
        said += f"; in millimetres? In centimetres they are {' '.join(f'{v:g}' for v in tenth)}"
    return said


def implausible(parsed: ParsedFile, limit: int | None = None) -> list[Outlier]:
    """Values outside PLAUSIBLE_CM, in file order (at most `limit` of them)."""
    rows, cols = np.nonzero((parsed.X < _LOW) | (parsed.X > _HIGH))
    return [
        Outlier(
            int(parsed.lines[r]),
            parsed.columns[FEATURE_NAMES[c]],
            FEATURE_NAMES[c],
            float(parsed.X[r, c]),
            float(_LOW[c]),
            float(_HIGH[c]),
        )
        for r, c in zip(rows[:limit], cols[:limit])
    ]


MIN_ROWS_FOR_A_UNIT = 3  # below this, only a whole row in millimetres is taken for one


def millimetre_columns(parsed: ParsedFile) -> list[str]:
    """Feature columns that look like millimetres: the median row is nearer ten times its
    variety's classic mean than the mean itself (ratio above sqrt(10), the geometric
    midpoint), and dividing by 10 makes most values plausible, and none fewer."""
    if not len(parsed.X):
        return []
    ratio = np.median(parsed.X / _CLASSIC_MEANS_CM[parsed.y], axis=0)
    as_cm = ((parsed.X >= _LOW) & (parsed.X <= _HIGH)).mean(axis=0)
    as_mm = ((parsed.X / 10 >= _LOW) & (parsed.X / 10 <= _HIGH)).mean(axis=0)
    looks_mm = (ratio > np.sqrt(10)) & (as_mm >= 0.5) & (as_mm >= as_cm)
    # A unit is a property of the file, not of one value: in a file of one or two rows,
    # a single column ten times too large is an outlier (refused as implausible), unless
    # most of the row is in millimetres too.
    if len(parsed.X) < MIN_ROWS_FOR_A_UNIT and looks_mm.sum() < 3:
        return []
    return [name for name, flag in zip(FEATURE_NAMES, looks_mm) if flag]


def in_centimetres(parsed: ParsedFile, columns: Iterable[str]) -> ParsedFile:
    """A copy with `columns` divided by 10, rounded to 0.001 mm to drop float noise
    (5.3 / 10 gives 0.5299999...)."""
    columns = list(columns)
    if not columns:
        return parsed
    index = [FEATURE_NAMES.index(name) for name in columns]
    X = parsed.X.copy()
    divided = X[:, index] / 10
    rounded = np.round(divided, 4)
    X[:, index] = np.where(rounded > 0, rounded, divided)  # never round a tiny value to 0
    note = f"{', '.join(columns)} divided by 10 (millimetres to centimetres)"
    return dataclasses.replace(parsed, X=X, notes=(*parsed.notes, note))


def _flower_keys(X: ArrayLike, y: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """One int64 per flower: each measurement in 0.1 mm steps (14 bits, up to 163.83 cm)
    and the variety (2 bits); and which rows could be keyed at all."""
    steps = np.rint(np.asarray(X, dtype=np.float64).reshape(-1, len(FEATURE_NAMES)) * 100)
    y = np.asarray(y).astype(np.int64).reshape(-1)
    with np.errstate(invalid="ignore"):
        valid = ((steps >= 0) & (steps < 2**14)).all(axis=1) & (y >= 0) & (y < 4)
    steps = np.where(valid[:, None], steps, 0).astype(np.int64)
    keys = (steps[:, 0] << 44) | (steps[:, 1] << 30) | (steps[:, 2] << 16) | (steps[:, 3] << 2)
    return keys | np.where(valid, y, 0), valid


def duplicate_mask(X: ArrayLike, y: ArrayLike, stored_X: ArrayLike, stored_y: ArrayLike) -> np.ndarray:
    """True where a row equals a stored flower: same variety, all four measurements equal
    at 0.1 mm (rounded to 2 decimals in cm). Sort-based, so 200,000 x 200,000 is fast."""
    keys, valid = _flower_keys(X, y)
    stored, stored_valid = _flower_keys(stored_X, stored_y)
    return valid & np.isin(keys, stored[stored_valid])
