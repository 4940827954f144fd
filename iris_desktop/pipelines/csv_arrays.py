"""Lines to arrays, the second half of the CSV reader (csv_reader.py finds the layout).
A clean file takes one pandas pass with float columns; anything that pass doubts is read
again as text and every cell checked, so the first bad one is named with its line,
column and text. pandas parses (imported inside the functions: it is slow to import),
numpy checks. No Qt here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, MAX_CM, VARIETIES, Variety
from iris_desktop.pipelines.csv_text import NUMBER, CsvImportError, is_number, quote_parity

# pandas has no type information here: its frames and series are Any to mypy.
DataFrame: TypeAlias = Any
Series: TypeAlias = Any

LABEL = "variety"  # our name of the variety column (the others: FEATURE_NAMES)
_SHOWN_CHARS = 40  # a cell quoted in a message is cut to this length


@dataclass(frozen=True)
class Layout:
    """Where our columns are in the file's rows, and how its values are written."""

    delimiter: str
    decimal: str
    width: int  # fields in every data row
    positions: dict[str, int]  # our column name -> field index, in csv_reader.COLUMNS order
    headers: dict[str, str]  # our column name -> header text
    ignored: tuple[str, ...]
    has_header: bool = True
    notes: tuple[str, ...] = ()


def read_table(
    raw: bytes,
    delimiter: str,
    width: int | None,
    dtype: object,
    decimal: str = ".",
    usecols: Sequence[int] | None = None,
    marks: np.ndarray | None = None,
) -> DataFrame:
    """pandas' C parser over UTF-8 `raw` (no blank lines): one row per line. `marks`, the
    delimiters' offsets if known, saves a scan. skipinitialspace doubles pandas' time: only
    when a space follows a delimiter, as in `5.1, "setosa"`."""
    import pandas as pd

    codes = np.frombuffer(raw, np.uint8)
    spaced = False
    if delimiter in ",;":
        if marks is None:
            marks = np.flatnonzero(codes == ord(delimiter))
        spaced = bool((codes[marks[marks + 1 < len(codes)] + 1] == ord(" ")).any())
    return pd.read_csv(
        io.BytesIO(raw),
        encoding="utf-8",
        sep=r"\s+" if delimiter == "whitespace" else delimiter,
        header=None,
        names=range(width) if width else None,
        usecols=usecols,
        dtype=dtype,
        decimal=decimal,
        quotechar='"',
        keep_default_na=False,
        na_values=[""],
        engine="c",
        skipinitialspace=spaced,
    )


def fast_arrays(raw: bytes, rows: int, layout: Layout) -> tuple[np.ndarray, np.ndarray] | None:
    """A clean file in one pandas pass with float columns, or None: then the cell-by-cell
    checks run, and name the first problem (or accept what this pass doubted)."""
    codes = np.frombuffer(raw, np.uint8)
    marks, extra, quoted = _field_marks(codes, layout.delimiter)
    marks = np.flatnonzero(marks)
    if quoted or _has_exponent(codes) or not _every_line_has(layout.width - extra, marks, codes):
        return None
    features = [layout.positions[n] for n in FEATURE_NAMES]
    label = layout.positions[LABEL]
    dtype = {**dict.fromkeys(features, "float64"), label: "category"}  # labels: parse each text once
    try:
        frame = read_table(
            raw, layout.delimiter, layout.width, dtype, layout.decimal, usecols=[*features, label], marks=marks
        )
    except Exception:
        return None
    if len(frame) != rows:
        return None
    X = frame[features].to_numpy(np.float64)
    y = _variety_indices(frame[label].cat.codes.to_numpy(), frame[label].cat.categories)
    return (X, y) if _valid_measurements(X).all() and (y >= 0).all() else None


def _field_marks(codes: np.ndarray, delimiter: str) -> tuple[np.ndarray, int, bool]:
    """Where each field ends (its delimiter) or, between whitespace, starts; how many fields
    a line has beyond its marks; whether a delimiter sits inside quotes (then not a mark).
    Exact because check_quotes made quotes pair up within each line."""
    if delimiter == "whitespace":
        gap = (codes == 10) | (codes == 32) | (codes == 9)
        marks, extra = ~gap & np.concatenate(([True], gap[:-1])), 0
    else:
        marks, extra = codes == ord(delimiter), 1
    quoted = False
    if (codes == ord('"')).any():
        inside = quote_parity(codes).view(bool)
        quoted = bool((marks & inside).any())
        marks &= ~inside
    return marks, extra, quoted


def _line_starts(codes: np.ndarray) -> np.ndarray:
    return np.concatenate(([0], np.flatnonzero(codes == 10) + 1))


def _fields_per_line(codes: np.ndarray, delimiter: str) -> np.ndarray:
    marks, extra, _ = _field_marks(codes, delimiter)
    return np.add.reduceat(marks.view(np.uint8), _line_starts(codes), dtype=np.int64) + extra


def _every_line_has(per_line: int, marks: np.ndarray, codes: np.ndarray) -> bool:
    """Each line holds `per_line` of the `marks` (offsets). Cheaper than counting per line:
    with the right total, the k-th group of marks must lie on the k-th line."""
    starts = _line_starts(codes)
    if len(marks) != per_line * len(starts):
        return False
    marks = marks.reshape(len(starts), per_line)
    newlines = np.append(starts[1:] - 1, len(codes))
    return bool(((marks[:, 0] >= starts) & (marks[:, -1] < newlines)).all())


def _has_exponent(codes: np.ndarray) -> bool:
    """A digit or point before e/E: `1e1` passes pandas' float parser but is not plain."""
    before = codes[:-1]
    number_before = ((before - ord("0")) < 10) | (before == ord("."))
    return bool((number_before & ((codes[1:] | 32) == ord("e"))).any())


def _valid_measurements(values: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        valid: np.ndarray = np.isfinite(values) & (values > 0) & (values <= MAX_CM)
    return valid


def _variety_indices(codes: np.ndarray, uniques: Iterable[object]) -> np.ndarray:
    """Variety index per row, -1 where the text is not a variety (code -1: missing)."""
    indices: np.ndarray = np.array([_variety_index(u) for u in uniques] + [-1], dtype=np.int8)[codes]
    return indices


def _variety_index(text: object) -> int:
    try:
        return Variety.parse(text).index
    except ValueError:
        return -1


def checked_arrays(raw: bytes, numbers: np.ndarray, layout: Layout, file: str) -> tuple[np.ndarray, np.ndarray]:
    """Every cell checked as text; raises CsvImportError for the first bad cell in the file."""
    import pandas as pd

    counts = _fields_per_line(np.frombuffer(raw, np.uint8), layout.delimiter)
    if (counts != layout.width).any():
        row = int(np.argmax(counts != layout.width))
        raise CsvImportError(file, f"expected {layout.width} values, found {counts[row]}", int(numbers[row]))
    try:
        frame = read_table(raw, layout.delimiter, layout.width, str).fillna("")
    except Exception as exc:
        raise _translated(exc, numbers, file) from None
    if len(frame) != len(numbers):
        raise CsvImportError(file, "some rows could not be matched to lines (a stray quote?)")
    problems: list[tuple[int, int, str, str, str]] = []  # (row, field index, column, message, cell): first wins
    X = np.empty((len(frame), len(FEATURE_NAMES)))
    for j, name in enumerate(FEATURE_NAMES):
        cells = frame[layout.positions[name]].str.strip()
        X[:, j] = _plain_numbers(cells, layout.decimal)
        if not (valid := _valid_measurements(X[:, j])).all():
            row = int(np.argmin(valid))
            message = _measurement_problem(cells.iloc[row], X[row, j], layout.decimal)
            problems.append((row, layout.positions[name], name, message, cells.iloc[row]))
    labels = frame[layout.positions[LABEL]]
    y = _variety_indices(*pd.factorize(labels))
    if (y < 0).any():
        row, cell = int(np.argmax(y < 0)), labels.iloc[int(np.argmax(y < 0))]
        problems.append((row, layout.positions[LABEL], LABEL, _label_problem(cell), cell))
    if problems:
        row, _, name, message, cell = min(problems)
        raise CsvImportError(file, message, int(numbers[row]), layout.headers[name], _cut(cell))
    return X, y


def _plain_numbers(cells: Series, decimal: str) -> np.ndarray:
    """Floats for cells that are plain decimals, NaN for anything else."""
    plain = cells.str.fullmatch(NUMBER[decimal]).to_numpy(bool)
    values = np.full(len(cells), np.nan)
    values[plain] = cells[plain].str.replace(",", ".", regex=False).astype("float64").to_numpy()
    return values


def _measurement_problem(cell: str, value: float, decimal: str) -> str:
    shown = repr(_cut(cell))
    if not cell:
        return "the value is missing"
    if not is_number(cell, decimal):
        other = "," if decimal == "." else "."
        hint = f" (this file uses '{decimal}' as the decimal mark)" if is_number(cell, other) else ""
        return f"is not {'a plain decimal' if re.search('[0-9]', cell) else 'a'} number: {shown}{hint}"
    if not np.isfinite(value):
        return f"must be a finite number, got {shown}"
    if value <= 0:
        return f"must be greater than 0 cm, got {shown}"
    return f"must be at most {MAX_CM:g} cm (millimetres?), got {shown}"


def _label_problem(cell: str) -> str:
    if not cell.strip():
        return "the variety is missing"
    expected = ", ".join(v.value for v in VARIETIES)
    return f"unknown variety {_cut(cell.strip())!r} (expected one of: {expected})"


def _cut(cell: str) -> str:
    return cell if len(cell) <= _SHOWN_CHARS else cell[: _SHOWN_CHARS - 1] + "\u2026"


def pandas_reason(exc: Exception) -> str:
    reason = str(exc).replace("Error tokenizing data. C error: ", "").strip()
    return _cut(reason.splitlines()[0] if reason else type(exc).__name__)


def _translated(exc: Exception, numbers: np.ndarray, file: str) -> CsvImportError:
    """A pandas error as ours, its "line N" (of the text pandas saw) mapped to the file's."""
    reason = pandas_reason(exc)
    found = re.search(r"line (\d+)", reason)
    index = int(found[1]) - 1 if found else -1
    line = int(numbers[index]) if 0 <= index < len(numbers) else None
    return CsvImportError(file, f"cannot read this as CSV: {reason}", line)
