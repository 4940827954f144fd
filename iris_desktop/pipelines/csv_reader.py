"""Read an iris CSV file, the way people really save them, into arrays.

Accepted: UTF-8 (with or without BOM), else Windows-1252, else Latin-1; LF, CRLF or CR
line ends; comma, semicolon, tab or whitespace between columns, with "," as the decimal
mark when columns are not comma-separated; a header in the usual spellings, or none at all
(UCI `iris.data` order); index columns (Id, R's unnamed row names) dropped. Every cell is
checked and the first bad one is reported with its line in the file, column and text.

Here: the bytes to text and lines (csv_text.py), and the layout (delimiter, decimal mark,
which column is which); the rows become arrays in csv_arrays.py. pandas parses, numpy
checks. pandas is imported inside the functions: it is slow to import and the window
paints before any file is opened. No Qt here.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import os
import re
import stat
from dataclasses import dataclass

import numpy as np

from iris_desktop.domain import FEATURE_NAMES
from iris_desktop.pipelines.csv_arrays import LABEL, Layout, checked_arrays, fast_arrays, pandas_reason, read_table
from iris_desktop.pipelines.csv_text import (
    CsvImportError,
    check_quotes,
    detect_decimal,
    detect_delimiter,
    field_count,
    is_number,
    non_blank_lines,
    unix_line_ends,
)

__all__ = [  # CsvImportError: callers catch it as the reader's error
    "COLUMNS",
    "LABEL",
    "MAX_BYTES",
    "CsvImportError",
    "ParsedFile",
    "normalise_header",
    "read_bytes",
    "read_file",
]

COLUMNS = (*FEATURE_NAMES, LABEL)  # also the order of a file without a header
MAX_BYTES = 200 * 1024 * 1024  # far above any real iris file; keeps memory bounded
_SAMPLE_LINES = 20  # lines looked at to guess the delimiter
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


def normalise_header(name: str) -> str | None:
    """Our column name for a header spelling, or None if it is not one we know."""
    key = re.sub(r"[^a-z]", "", re.sub(r"\(.*?\)", "", name.strip().lower()))
    return _HEADER_ALIASES.get(key.removesuffix("cm"))


def read_file(path: str | os.PathLike[str]) -> ParsedFile:
    """Read `path` once (a regular file of at most MAX_BYTES) and parse those bytes."""
    name = os.path.basename(os.fsdecode(path))
    if os.path.isdir(path):  # Windows refuses to open a folder: "Permission denied" would mislead
        raise CsvImportError(name, "not a regular file")
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
    X, y = fast_arrays(raw, len(numbers), layout) or checked_arrays(raw, numbers, layout, file_name)
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


MAX_FIELDS = 1000  # far more columns than any iris file has; what is ignored is listed


def _split_line(line: str, delimiter: str, file: str, number: int) -> list[str]:
    try:
        cells = read_table(line.encode("utf-8"), delimiter, None, str).iloc[0].tolist()
    except Exception as exc:
        raise CsvImportError(file, f"cannot read this line: {pandas_reason(exc)}", number) from None
    return [("" if isinstance(c, float) else c).strip() for c in cells]


def _find_layout(body: str, raw: bytes, numbers: np.ndarray, file: str) -> Layout:
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


def _layout(header: list[str], delimiter: str, decimal: str, file: str, line: int) -> Layout:
    """Map header cells to our columns, or say which are missing or doubled."""
    positions: dict[str, int] = {}
    ignored: list[str] = []
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
    return Layout(
        delimiter,
        decimal,
        len(header),
        {n: positions[n] for n in COLUMNS},
        {n: header[positions[n]] for n in COLUMNS},
        tuple(ignored),
    )
