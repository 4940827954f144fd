"""Read an iris CSV file, the way people really save them, into arrays.

Accepted: UTF-8 (with or without BOM), else Windows-1252, else Latin-1; LF, CRLF or CR
line ends; comma, semicolon, tab or whitespace between columns, with "," as the decimal
mark when columns are not comma-separated; a header in the usual spellings, or none at all
(UCI `iris.data` order); index columns (Id, R's unnamed row names) dropped. Every cell is
checked and the first bad one is reported with its line in the file, column and text.

pandas parses, numpy checks. pandas is imported inside the functions: it is slow to
import and the window paints before any file is opened. No Qt here.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass

import numpy as np

from iris_desktop.domain import FEATURE_NAMES, MAX_CM, VARIETIES, Variety
from iris_desktop.pipelines.csv_text import (
    NUMBER,
    CsvImportError,
    check_quotes,
    detect_decimal,
    detect_delimiter,
    field_count,
    is_number,
    non_blank_lines,
    quote_parity,
    unix_line_ends,
)

LABEL = "variety"
COLUMNS = (*FEATURE_NAMES, LABEL)  # also the order of a file without a header
MAX_BYTES = 200 * 1024 * 1024  # far above any real iris file; keeps memory bounded
_SAMPLE_LINES = 20  # lines looked at to guess the delimiter
_SHOWN_CHARS = 40  # a cell quoted in a message is cut to this length
_TOO_LARGE = f"the file is larger than {MAX_BYTES // 2**20} MB; that is not an iris CSV file"

# Normalised header (lowercase, letters only, "cm" unit dropped) -> our column name.
_HEADER_ALIASES = {
    **{name.replace("_", ""): name for name in FEATURE_NAMES},
    "variety": LABEL,
    "species": LABEL,
    "class": LABEL,
    "label": LABEL,
    "target": LABEL,
    "irisclass": LABEL,
    "irisvariety": LABEL,
}
_INDEX_HEADERS = {"id", "index", ""}  # dropped without being listed as ignored


@dataclass(frozen=True)
class ParsedFile:
    file_name: str
    sha256: str  # of the exact bytes parsed
    encoding: str  # "utf-8", "utf-8-sig", "cp1252" or "latin-1"
    delimiter: str  # ",", ";", "\t" or "whitespace"
    decimal: str  # "." or ","
    has_header: bool
    columns: dict[str, str]  # our column name -> the file's header text ("column 3" if none)
    ignored_columns: tuple[str, ...]  # unknown columns dropped (index columns not listed)
    X: np.ndarray  # (n, 4) float64 cm, FEATURES order
    y: np.ndarray  # (n,) int8 variety index, Variety order
    lines: np.ndarray  # (n,) 1-based line in the file of each row
    notes: tuple[str, ...]


@dataclass(frozen=True)
class _Layout:
    delimiter: str
    decimal: str
    width: int  # fields in every data row
    positions: dict[str, int]  # our column name -> field index, in COLUMNS order
    headers: dict[str, str]  # our column name -> header text
    ignored: tuple[str, ...]
    has_header: bool = True
    notes: tuple[str, ...] = ()


def normalise_header(name: str) -> str | None:
    """Our column name for a header spelling, or None if it is not one we know."""
    key = re.sub(r"[^a-z]", "", re.sub(r"\(.*?\)", "", name.strip().lower()))
    return _HEADER_ALIASES.get(key.removesuffix("cm"))


def read_file(path: str | os.PathLike) -> ParsedFile:
    """Read `path` once (a regular file of at most MAX_BYTES) and parse those bytes."""
    name = os.path.basename(os.fsdecode(path))
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused right after.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):  # a folder, FIFO, /dev/zero...
                raise CsvImportError(name, "not a regular file")
            if info.st_size > MAX_BYTES:
                raise CsvImportError(name, _TOO_LARGE)
            with open(fd, "rb", closefd=False) as file:
                data = file.read(MAX_BYTES + 1)  # the cap holds even if the file grows meanwhile
        finally:
            os.close(fd)
    except OSError as exc:
        raise CsvImportError(name, f"cannot read the file: {exc.strerror or exc}") from None
    return read_bytes(data, name)


def read_bytes(data: bytes, file_name: str) -> ParsedFile:
    """Parse the bytes of an iris CSV file; raise CsvImportError on anything wrong."""
    data = bytes(data)
    if not data:
        raise CsvImportError(file_name, "the file is empty")
    if len(data) > MAX_BYTES:
        raise CsvImportError(file_name, _TOO_LARGE)
    text, encoding, notes = _decode(unix_line_ends(data), file_name)
    body, raw, numbers = non_blank_lines(text, file_name)
    check_quotes(raw, numbers, file_name)
    layout = _find_layout(body, raw, numbers, file_name)
    if layout.has_header:
        raw, numbers = raw[raw.index(b"\n") + 1 :], numbers[1:]
    X, y = _fast_arrays(raw, len(numbers), layout) or _checked_arrays(raw, numbers, layout, file_name)
    return ParsedFile(
        file_name,
        hashlib.sha256(data).hexdigest(),
        encoding,
        layout.delimiter,
        layout.decimal,
        layout.has_header,
        dict(layout.headers),
        layout.ignored,
        X,
        y,
        numbers,
        notes + layout.notes,
    )


# ---------------------------------------------------------------- bytes -> lines


def _decode(data: bytes, file: str) -> tuple[str, str, tuple[str, ...]]:
    """Text, encoding name, notes. UTF-8 first; then the two usual Windows/Western guesses."""
    if b"\x00" in data:
        utf16 = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        hint = " (UTF-16? save it as UTF-8)" if utf16 else ""
        raise CsvImportError(file, f"not a text file: it contains NUL bytes{hint}")
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        return data[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8"), "utf-8-sig" if bom else "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", ("not UTF-8: read as Windows-1252 (cp1252)",)
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; Latin-1 takes anything
        return data.decode("latin-1"), "latin-1", ("not UTF-8 or Windows-1252: read as Latin-1 (ISO-8859-1)",)


def _read_table(
    raw: bytes,
    delimiter: str,
    width: int | None,
    dtype,
    decimal: str = ".",
    usecols=None,
    marks: np.ndarray | None = None,
):
    """pandas' C parser over UTF-8 `raw` (no blank lines): one row per line. `marks`, the
    delimiters' offsets if known, saves a scan. skipinitialspace doubles pandas' time: only
    when a space follows a delimiter, as in `5.1, "setosa"`."""
    import pandas as pd

    codes = np.frombuffer(raw, np.uint8)
    if delimiter in ",;" and marks is None:
        marks = np.flatnonzero(codes == ord(delimiter))
    spaced = delimiter in ",;" and bool((codes[marks[marks + 1 < len(codes)] + 1] == ord(" ")).any())
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


MAX_FIELDS = 1000  # far more columns than any iris file has; what is ignored is listed


def _split_line(line: str, delimiter: str, file: str, number: int) -> list[str]:
    try:
        cells = _read_table(line.encode("utf-8"), delimiter, None, str).iloc[0].tolist()
    except Exception as exc:
        raise CsvImportError(file, f"cannot read this line: {_pandas_reason(exc)}", number) from None
    return [("" if isinstance(c, float) else c).strip() for c in cells]


def _find_layout(body: str, raw: bytes, numbers: np.ndarray, file: str) -> _Layout:
    """Delimiter, decimal mark, and which field is which, from the first lines."""
    delimiter = detect_delimiter(body.split("\n", _SAMPLE_LINES)[:_SAMPLE_LINES])
    first, _, rest = body.partition("\n")
    width = field_count(first, delimiter)
    if width > MAX_FIELDS:  # an iris file has 5 or 6; splitting a million would take a minute
        raise CsvImportError(file, f"this line has {width} fields; an iris file has 5 (or a few more)", int(numbers[0]))
    decimal = detect_decimal(rest or first, raw, delimiter)
    cells = _split_line(first, delimiter, file, int(numbers[0]))
    if len(cells) == len(COLUMNS) and all(is_number(c, decimal) for c in cells[:4]):
        return dataclasses.replace(
            _layout(list(COLUMNS), delimiter, decimal, file, 0),
            has_header=False,
            headers={n: f"column {i + 1}" for i, n in enumerate(COLUMNS)},
        )
    if not rest:
        raise CsvImportError(file, "there are no data rows below the header")
    sample = rest.split("\n", _SAMPLE_LINES)[:_SAMPLE_LINES]
    if {field_count(line, delimiter) for line in sample} != {len(cells) + 1}:
        return _layout(cells, delimiter, decimal, file, int(numbers[0]))
    # R's write.table: no header cell above the row names
    return dataclasses.replace(
        _layout(["", *cells], delimiter, decimal, file, int(numbers[0])),
        notes=("the header has one column fewer than the rows: the first column is row names",),
    )


def _layout(header: list[str], delimiter: str, decimal: str, file: str, line: int) -> _Layout:
    """Map header cells to our columns, or say which are missing or doubled."""
    positions: dict[str, int] = {}
    ignored = []
    for index, text in enumerate(header):
        name = normalise_header(text)
        if name in positions:
            raise CsvImportError(file, f"two columns both mean '{name}'", line, text)
        if name is not None:
            positions[name] = index
        elif text.lower() not in _INDEX_HEADERS:
            ignored.append(text)
    missing = [n for n in COLUMNS if n not in positions]
    if missing:
        hint = (
            ""
            if sum(is_number(c, decimal) for c in header) < 4
            else (f"; a file without a header has exactly these columns: {', '.join(COLUMNS)}")
        )
        found = ", ".join(repr(h) for h in header)
        raise CsvImportError(file, f"missing column(s) {', '.join(missing)}; found {found}{hint}", line)
    return _Layout(
        delimiter,
        decimal,
        len(header),
        {n: positions[n] for n in COLUMNS},
        {n: header[positions[n]] for n in COLUMNS},
        tuple(ignored),
    )


# ---------------------------------------------------------------- lines -> arrays


def _fast_arrays(raw: bytes, rows: int, layout: _Layout) -> tuple[np.ndarray, np.ndarray] | None:
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
        frame = _read_table(
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
        return np.isfinite(values) & (values > 0) & (values <= MAX_CM)


def _variety_indices(codes: np.ndarray, uniques) -> np.ndarray:
    """Variety index per row, -1 where the text is not a variety (code -1: missing)."""
    return np.array([_variety_index(u) for u in uniques] + [-1], dtype=np.int8)[codes]


def _variety_index(text: object) -> int:
    try:
        return Variety.parse(text).index
    except ValueError:
        return -1


def _checked_arrays(raw: bytes, numbers: np.ndarray, layout: _Layout, file: str) -> tuple[np.ndarray, np.ndarray]:
    """Every cell checked as text; raises CsvImportError for the first bad cell in the file."""
    import pandas as pd

    counts = _fields_per_line(np.frombuffer(raw, np.uint8), layout.delimiter)
    if (counts != layout.width).any():
        row = int(np.argmax(counts != layout.width))
        raise CsvImportError(file, f"expected {layout.width} values, found {counts[row]}", int(numbers[row]))
    try:
        frame = _read_table(raw, layout.delimiter, layout.width, str).fillna("")
    except Exception as exc:
        raise _translated(exc, numbers, file) from None
    if len(frame) != len(numbers):
        raise CsvImportError(file, "some rows could not be matched to lines (a stray quote?)")
    problems = []  # (row, field index, column, message, cell): the first in the file wins
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


def _plain_numbers(cells, decimal: str) -> np.ndarray:
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


def _pandas_reason(exc: Exception) -> str:
    reason = str(exc).replace("Error tokenizing data. C error: ", "").strip()
    return _cut(reason.splitlines()[0] if reason else type(exc).__name__)


def _translated(exc: Exception, numbers: np.ndarray, file: str) -> CsvImportError:
    """A pandas error as ours, its "line N" (of the text pandas saw) mapped to the file's."""
    reason = _pandas_reason(exc)
    found = re.search(r"line (\d+)", reason)
    index = int(found[1]) - 1 if found else -1
    line = int(numbers[index]) if 0 <= index < len(numbers) else None
    return CsvImportError(file, f"cannot read this as CSV: {reason}", line)
