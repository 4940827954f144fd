"""Importing a CSV file: read it once, check it against what is stored, show what would
happen (the preview), then write all of it or nothing as one recorded batch.

What the preview warns about, before anything is written:
- implausible values for an iris (and whole columns that look like millimetres, with
  the offer to divide them by 10);
- rows that repeat flowers already stored (skipped by default: the same flower on both
  sides of a train/test split makes test accuracy meaningless);
- a file whose content was imported before.
The CLI and the app's dialog decide with the same ImportOptions; the preview's parsed
file is what gets imported, so a file changed on disk in between changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from iris_desktop.domain import VARIETIES, plural
from iris_desktop.errors import Cancelled, UserError
from iris_desktop.pipelines import csv_checks, csv_reader
from iris_desktop.pipelines.csv_checks import Outlier
from iris_desktop.pipelines.csv_reader import ParsedFile
from iris_desktop.pipelines.csv_text import CsvImportError
from iris_desktop.pipelines.runs import Run, recorded
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store import imports as batches

PREVIEW_ROWS = 12  # rows of the file shown in the preview
PROGRESS_STEPS = 100  # progress(done, total) is called about this often while writing

Progress = Callable[[int, int], object]
VARIETY_NAMES = np.array([v.value for v in VARIETIES])


class AlreadyImportedError(UserError):
    """The same file content was imported before; import again only if the user says so."""

    def __init__(self, file: str, previous: tuple[str, int, str]):
        name, rows, when = previous
        self.file = file
        super().__init__(
            f"{file}: the same content was already imported on {when[:16].replace('T', ' ')} "
            f"UTC ({plural(rows, 'flower')}, as {name}); importing it again adds them twice"
        )


class ImplausibleValuesError(CsvImportError):
    """Values no iris has (often a unit mistake); refused unless accepted."""


@dataclass(frozen=True)
class ImportOptions:
    millimetre_columns: tuple[str, ...] = ()  # our column names to divide by 10
    skip_duplicates: bool = True
    accept_outliers: bool = False
    again: bool = False  # import content that was imported before


@dataclass(frozen=True)
class ImportPreview:
    """What importing `parsed` would do, computed without writing anything."""

    parsed: ParsedFile  # as read (before any unit change)
    suggested_millimetres: tuple[str, ...]  # columns that look like millimetres
    previous: tuple[str, int, str] | None  # an earlier import of the same content
    stored_X: np.ndarray = field(repr=False)  # the flowers stored when previewed
    stored_y: np.ndarray = field(repr=False)

    @property
    def rows(self) -> int:
        return len(self.parsed.y)

    def converted(self, options: ImportOptions) -> ParsedFile:
        """The rows as they would be stored under `options` (units fixed)."""
        if not options.millimetre_columns:
            return self.parsed
        return csv_checks.in_centimetres(self.parsed, list(options.millimetre_columns))

    def duplicates(self, options: ImportOptions) -> np.ndarray:
        parsed = self.converted(options)
        return csv_checks.duplicate_mask(parsed.X, parsed.y, self.stored_X, self.stored_y)

    def outliers(self, options: ImportOptions, limit: int | None = 20) -> list[Outlier]:
        return csv_checks.implausible(self.converted(options), limit=limit)

    def counts(self, rows: np.ndarray | None = None) -> dict[str, int]:
        y = self.parsed.y if rows is None else self.parsed.y[rows]
        return {v.value: int((y == v.index).sum()) for v in VARIETIES}

    def first_rows(self) -> list[tuple[int, tuple[float, ...], str]]:
        """(line, four values, variety) of the first rows, for the preview table."""
        p = self.parsed
        return [
            (int(p.lines[i]), tuple(float(x) for x in p.X[i]), VARIETIES[p.y[i]].value)
            for i in range(min(PREVIEW_ROWS, len(p.y)))
        ]


@dataclass(frozen=True)
class Checks:
    """What a preview warns about under one choice of units."""

    duplicates: int  # rows that repeat a stored flower
    outliers: tuple[Outlier, ...]  # the first few implausible values
    outlier_count: int


def checks(seen: ImportPreview, options: ImportOptions) -> Checks:
    outliers = seen.outliers(options, limit=None)
    return Checks(int(seen.duplicates(options).sum()), tuple(outliers[:20]), len(outliers))


@dataclass(frozen=True)
class ImportResult:
    path: str
    added: int
    counts: dict[str, int]  # variety -> rows added
    ignored_columns: tuple[str, ...]
    skipped_duplicates: int = 0
    batch: int | None = None
    notes: tuple[str, ...] = ()


def preview(store: Store, path: str | os.PathLike[str]) -> ImportPreview:
    """Read `path` once and check it; nothing is written."""
    return preview_parsed(store, csv_reader.read_file(path))


def preview_parsed(store: Store, parsed: ParsedFile) -> ImportPreview:
    stored_X, stored_y = flower_table.feature_matrix(store, flower_table.SOURCES)
    return ImportPreview(
        parsed,
        tuple(csv_checks.millimetre_columns(parsed)),
        batches.previous_import(store, parsed.sha256),
        stored_X,
        stored_y,
    )


def import_preview(
    store: Store,
    seen: ImportPreview,
    options: ImportOptions = ImportOptions(),
    path: str = "",
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    """Store the previewed rows under `options`, all or none, as one batch. Duplicates
    and the earlier import are checked again inside the write transaction: the store
    may have changed since the preview. Recorded as an import run (the preview, like
    `import --dry-run`, is not one: it writes nothing). While the rows are written,
    `progress(rows written, rows)` is told and `should_cancel()` asked: a cancel raises
    Cancelled and the transaction leaves the store as it was."""
    with recorded(store, "import") as run:
        return _write(store, seen, options, path, run, progress, should_cancel)


def import_file(
    store: Store,
    path: str | os.PathLike[str],
    choose: Callable[[ImportPreview], ImportOptions],
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    """Read `path`, let `choose` decide the options from its preview (or refuse, raising),
    then store it: one import run, failed as well when the file cannot be read."""
    with recorded(store, "import") as run:
        seen = preview(store, path)
        return _write(store, seen, choose(seen), str(path), run, progress, should_cancel)


def check(seen: ImportPreview, options: ImportOptions) -> None:
    """Raise what importing `seen` under `options` would be refused for, as the import
    itself raises it: the dry run (`import --dry-run`) calls this too, so both give the
    same verdict, exit code and message. (The import checks the earlier import again
    inside its write transaction: the store may have changed since the preview.)"""
    outliers = seen.outliers(options, limit=3)
    if outliers and not options.accept_outliers:
        first = outliers[0]
        raise ImplausibleValuesError(
            seen.parsed.file_name,
            f"{first.value:g} cm is not a plausible {first.feature.replace('_', ' ')} "
            f"(expected {first.low:g}–{first.high:g} cm){_unit_hint(seen, options)}",
            line=first.line,
            column=first.column,
            value=f"{first.value:g}",
        )
    if seen.previous is not None and not options.again:
        raise AlreadyImportedError(seen.parsed.file_name, seen.previous)


def would_add(seen: ImportPreview, options: ImportOptions) -> int:
    """How many flowers the import would add (what the dry run announces)."""
    return seen.rows - int(seen.duplicates(options).sum()) if options.skip_duplicates else seen.rows


def _written(total: int, progress: Progress | None, should_cancel: Callable[[], bool] | None) -> Callable[[int], None]:
    """What runs after each INSERT statement: a cancel check, and progress every 1 %."""
    step, told = max(1, total // PROGRESS_STEPS), [0]

    def after(done: int) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("the import was cancelled; nothing was stored")
        if progress is not None and done - told[0] >= step:
            told[0] = done
            progress(done, total)

    return after


def _write(
    store: Store,
    seen: ImportPreview,
    options: ImportOptions,
    path: str,
    run: Run,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportResult:
    run.rows_in = seen.rows
    parsed = seen.converted(options)
    check(seen, options)
    with store.transaction():
        previous = batches.previous_import(store, parsed.sha256)
        if previous is not None and not options.again:
            raise AlreadyImportedError(parsed.file_name, previous)
        keep = np.ones(len(parsed.y), dtype=bool)
        if options.skip_duplicates:
            stored_X, stored_y = flower_table.feature_matrix(store, flower_table.SOURCES)
            keep = ~csv_checks.duplicate_mask(parsed.X, parsed.y, stored_X, stored_y)
        X, y = parsed.X[keep], parsed.y[keep]
        if not len(y):  # every row is stored already: no batch (`imports` would list an empty one)
            run.nothing_to_do(nothing_new(len(keep)))
            return ImportResult(path or parsed.file_name, 0, {}, parsed.ignored_columns, len(keep), None, parsed.notes)
        names = VARIETY_NAMES[y].tolist()  # one numpy take: an Enum lookup per row cost 80 ms per 200k
        record = {
            "unit": "mm" if options.millimetre_columns else "cm",
            "millimetre_columns": list(options.millimetre_columns),
            "duplicates": "skipped" if options.skip_duplicates else "kept",
            "skipped_duplicates": int((~keep).sum()),
            "accepted_outliers": options.accept_outliers,
            "encoding": parsed.encoding,
            "delimiter": parsed.delimiter,
            "decimal": parsed.decimal,
        }
        batch = batches.record_batch(store, parsed.sha256, parsed.file_name, int(keep.sum()), record)
        after = _written(len(names), progress, should_cancel)
        added = flower_table.add_rows(store, X, names, "import", batch, after)
    counts = {v.value: int((y == v.index).sum()) for v in VARIETIES}
    run.rows_out, run.import_id = added, batch
    run.message = f"{plural(added, 'flower')} from {parsed.file_name} as batch {batch}" + (
        f", {int((~keep).sum())} repeating stored flowers skipped" if (~keep).any() else ""
    )
    return ImportResult(
        path or parsed.file_name, added, counts, parsed.ignored_columns, int((~keep).sum()), batch, parsed.notes
    )


def nothing_new(rows: int) -> str:
    return (
        f"nothing new: all {plural(rows, 'row')} are already stored"
        if rows != 1
        else "nothing new: the one row is already stored"
    )


def import_csv(
    store: Store, path: str | os.PathLike[str], again: bool = False, options: ImportOptions | None = None
) -> ImportResult:
    """Read, check and store `path` in one go (the CLI without --dry-run, and tests).
    Columns that look like millimetres are refused unless options say what they are."""
    chosen = options or ImportOptions(again=again)

    def decided(seen: ImportPreview) -> ImportOptions:
        undecided = [c for c in seen.suggested_millimetres if c not in chosen.millimetre_columns]
        if undecided and not chosen.accept_outliers:
            raise ImplausibleValuesError(
                seen.parsed.file_name,
                f"column(s) {', '.join(seen.parsed.columns[c] for c in undecided)} look like millimetres, "
                "not centimetres; import with the unit set to mm (or accept the values as they are)",
            )
        return chosen

    return import_file(store, path, decided)


def describe(seen: ImportPreview, options: ImportOptions) -> list[str]:
    """The preview in plain lines: format, columns, counts and every warning."""
    p = seen.parsed
    delimiter = {"\t": "tab", ",": "comma", ";": "semicolon", "whitespace": "whitespace"}[p.delimiter]
    lines = [
        f"{p.file_name}: {plural(seen.rows, 'row')}; {p.encoding}, {delimiter}-separated, decimal "
        f"{'comma' if p.decimal == ',' else 'point'}, {'a header row' if p.has_header else 'no header row'}"
    ]
    lines.append("columns: " + ", ".join(f"{p.columns[c]} -> {c}" for c in csv_reader.COLUMNS))
    if p.ignored_columns:
        lines.append(f"ignored column(s): {', '.join(p.ignored_columns)}")
    lines += [f"note: {note}" for note in p.notes]
    lines.append("varieties: " + ", ".join(f"{n} {v}" for v, n in seen.counts().items()))
    if seen.suggested_millimetres:
        chosen = "divided by 10" if options.millimetre_columns else "kept as they are"
        lines.append(
            "warning: column(s) "
            + ", ".join(p.columns[c] for c in seen.suggested_millimetres)
            + f" look like millimetres ({chosen})"
        )
    outliers = seen.outliers(options, limit=None)
    if outliers:
        first = outliers[0]
        lines.append(
            f"warning: {len(outliers)} implausible value(s) for an iris, first on line {first.line}: "
            f"{first.column} = {first.value:g} cm (expected {first.low:g}–{first.high:g})"
        )
    duplicates = int(seen.duplicates(options).sum())
    if duplicates:
        lines.append(
            f"warning: {plural(duplicates, 'row')} repeating flowers already stored "
            f"({'skipped' if options.skip_duplicates else 'kept'})"
        )
    if seen.previous is not None:
        name, rows, when = seen.previous
        lines.append(
            f"warning: the same content was imported on {when[:16].replace('T', ' ')} UTC as {name} "
            f"({plural(rows, 'flower')})"
        )
    return lines


def _unit_hint(seen: ImportPreview, options: ImportOptions) -> str:
    if seen.suggested_millimetres and not options.millimetre_columns:
        return "; the file looks like it is in millimetres"
    return ""
