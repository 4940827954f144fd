"""Backfill the bundled data set and import user CSV files, all-or-nothing."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from iris_desktop import paths
from iris_desktop.domain import FEATURE_NAMES, Flower, Variety, check_measurement
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import imports as batches

LABEL = "variety"
# Normalised header (lowercase, letters only, "cm" unit dropped) -> our column name.
_HEADER_ALIASES = {
    **{name.replace("_", ""): name for name in FEATURE_NAMES},
    "variety": LABEL, "species": LABEL, "class": LABEL, "label": LABEL,
    "target": LABEL, "irisclass": LABEL, "irisvariety": LABEL,
}
_IGNORED = {"id", "index", ""}


class CsvImportError(ValueError):
    """A file that cannot be imported; says where (file, line, column) and what."""

    def __init__(self, file: str, message: str, line: int | None = None,
                 column: str | None = None, value: str | None = None):
        self.file, self.line, self.column, self.value = file, line, column, value
        where = file + (f", line {line}" if line else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class ImportResult:
    path: str
    added: int
    counts: dict[str, int]  # variety -> rows added
    ignored_columns: tuple[str, ...]


def normalise_header(name: str) -> str | None:
    """Our column name for a header spelling, or None if it is not one we know."""
    key = re.sub(r"\(.*?\)", "", name.strip().lower())
    key = re.sub(r"[^a-z]", "", key)
    key = key.removesuffix("cm")
    return _HEADER_ALIASES.get(key)


def parse_csv(text: str, file: str = "<text>") -> list[Flower]:
    """Parse comma-separated iris rows; raise CsvImportError on the first bad cell."""
    return _parse(text, file)[0]


def _parse(text: str, file: str) -> tuple[list[Flower], tuple[str, ...]]:
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise CsvImportError(file, "the file is empty")
    header_line = lines[0]
    if "," not in header_line:
        for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars")):
            if sep in header_line:
                raise CsvImportError(file, f"columns are separated by {name}; expected commas", line=1)
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    columns: dict[str, int] = {}
    ignored = []
    for index, raw in enumerate(header):
        name = normalise_header(raw)
        if name is None:
            ignored.append(raw.strip())
            continue
        if name in columns:
            raise CsvImportError(file, f"two columns both mean '{name}'", line=1, column=raw.strip())
        columns[name] = index
    missing = [n for n in (*FEATURE_NAMES, LABEL) if n not in columns]
    if missing:
        raise CsvImportError(
            file,
            f"missing column(s) {', '.join(missing)}; found {', '.join(h.strip() for h in header)}",
            line=1,
        )
    flowers = []
    width = len(header)
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue  # blank lines carry no flower
        if len(row) != width:
            raise CsvImportError(file, f"expected {width} values, found {len(row)}", line=line)
        values = []
        for name in FEATURE_NAMES:
            cell = row[columns[name]].strip()
            try:
                values.append(check_measurement(name, cell) if cell else _missing())
            except ValueError as exc:
                raise CsvImportError(file, _reason(exc, cell), line, header[columns[name]].strip(), cell) from None
        cell = row[columns[LABEL]]
        try:
            variety = Variety.parse(cell)
        except ValueError as exc:
            raise CsvImportError(file, str(exc), line, header[columns[LABEL]].strip(), cell) from None
        flowers.append(Flower(*values, variety=variety))
    if not flowers:
        raise CsvImportError(file, "there are no data rows below the header")
    return flowers, tuple(i for i in ignored if i.lower() not in _IGNORED)


def _missing() -> float:
    raise ValueError("the value is missing")


def _reason(exc: ValueError, cell: str) -> str:
    # check_measurement names the column already; the error's prefix says where.
    text = str(exc)
    return text.split(" ", 1)[1] if text.split(" ", 1)[0] in FEATURE_NAMES else text


def read_csv_file(path: str | os.PathLike) -> tuple[list[Flower], tuple[str, ...]]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvImportError(str(path), f"cannot read the file: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvImportError(str(path), f"not UTF-8 text (byte {exc.start})") from None
    return _parse(text, path.name)


class AlreadyImportedError(Exception):
    """The same file content was imported before; import again only if the user says so."""

    def __init__(self, file: str, previous: tuple[str, int, str]):
        name, rows, when = previous
        self.file = file
        super().__init__(f"{file}: the same content was already imported on {when[:16].replace('T', ' ')} "
                         f"UTC ({rows} flowers, as {name}); importing it again adds them twice")


def import_csv(store: Store, path: str | os.PathLike, again: bool = False) -> ImportResult:
    """Add every row of `path` as source 'import', or none of them if any row is bad.
    A file whose content was imported before is refused unless `again`."""
    flowers, ignored = read_csv_file(path)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    with store.transaction():
        previous = batches.previous_import(store, digest)
        if previous is not None and not again:
            raise AlreadyImportedError(Path(path).name, previous)
        batch = batches.record_batch(store, digest, Path(path).name, len(flowers), {})
        added = flower_table.add_rows(store, [f.measurements for f in flowers],
                                      [f.variety.value for f in flowers], "import", batch)
    counts = {v.value: sum(f.variety is v for f in flowers) for v in Variety}
    return ImportResult(str(path), added, counts, ignored)


def backfill(store: Store) -> int:
    """Write the bundled 150-row data set once; returns rows added (0 if already there)."""
    with store.transaction():
        if flower_table.count_by_source(store)["backfill"]:
            return 0
        flowers, _ = read_csv_file(paths.resource("iris.csv"))
        return flower_table.add_flowers(store, flowers, "backfill")
