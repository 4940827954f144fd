"""Backfilling the bundled data set and importing CSV files, all rows or none.
(The reader itself, format by format, is tested in test_csv_reader.py.)"""

from __future__ import annotations

import numpy as np
import pytest

from iris_desktop.domain import Flower, Variety
from iris_desktop.pipelines import csv_reader
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.csv_reader import CsvImportError, normalise_header
from iris_desktop.pipelines.imports import ImportOptions, import_csv
from iris_desktop.store import flowers as flower_table
from tests.conftest import stored_flowers
from tests.pipelines.dumps import data_dump

# A few real rows of each variety, reused in every file spelling below.
ROWS = [
    (5.1, 3.5, 1.4, 0.2, "setosa"),
    (4.9, 3.0, 1.4, 0.2, "setosa"),
    (7.0, 3.2, 4.7, 1.4, "versicolor"),
    (6.4, 3.2, 4.5, 1.5, "versicolor"),
    (6.3, 3.3, 6.0, 2.5, "virginica"),
]


def _write(tmp_path, text: str, name: str = "flowers.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _snapshot(store) -> tuple[dict, list]:
    """Row counts and a full SQL dump: equal snapshots mean equal database content."""
    return flower_table.count_by_source(store), data_dump(store)


@pytest.fixture
def filled(store):
    """A store that already holds the bundled data set, so 'unchanged' means something."""
    backfill(store)
    return store


def test_backfill_twice_gives_150_rows(store):
    assert backfill(store) == 150
    assert backfill(store) == 0
    columns = flower_table.flower_columns(store)
    assert len(columns) == 150
    assert np.bincount(columns.variety).tolist() == [50, 50, 50]
    assert set(columns.source.tolist()) == {flower_table.SOURCES.index("backfill")}
    assert np.isnat(columns.day).all()
    rows = stored_flowers(store)
    # the classic first row, one decimal per measurement
    assert rows[0] == Flower(5.1, 3.5, 1.4, 0.2, Variety.SETOSA)
    assert (np.round(columns.X, 1) == columns.X).all()


def _csv(header: str, label=lambda v: v, row_id: bool = False, quote: bool = False) -> str:
    lines = [header]
    for i, (*values, variety) in enumerate(ROWS, start=1):
        cells = [str(v) for v in values] + [label(variety)]
        if quote:
            cells[-1] = f'"{cells[-1]}"'
        if row_id:
            cells.insert(0, f'"{i}"' if quote else str(i))
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_csv("sepal_length,sepal_width,petal_length,petal_width,variety"), id="snake"),
        pytest.param(
            _csv("sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),species", label=str.capitalize),
            id="sklearn-Setosa",
        ),
        pytest.param(
            _csv(
                "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species",
                label=lambda v: f"Iris-{v}",
                row_id=True,
            ),
            id="kaggle",
        ),
        pytest.param(
            _csv('"","Sepal.Length","Sepal.Width","Petal.Length","Petal.Width","Species"', row_id=True, quote=True),
            id="R",
        ),
        pytest.param(
            _csv("Sepal Length, Sepal Width, Petal Length, Petal Width, Class", label=lambda v: f" Iris-{v} ").replace(
                "\n", "\r\n"
            ),
            id="spaces-crlf",
        ),
    ],
)
def test_import_header_and_label_spellings(store, tmp_path, text):
    backfill(store)
    store.execute("DELETE FROM flowers")  # these rows are from the bundled set: not duplicates here
    filled = store
    path = _write(tmp_path, text, encoding="utf-8-sig")  # with a BOM, as Excel writes
    result = import_csv(filled, path)
    assert result.added == len(ROWS)
    assert result.counts == {"setosa": 2, "versicolor": 2, "virginica": 1}
    assert result.ignored_columns == ()  # Id and R's unnamed index are expected, not reported
    imported = stored_flowers(filled, ("import",))
    assert [(*f.measurements, f.variety.value) for f in imported] == ROWS
    assert flower_table.count_by_source(filled) == {"backfill": 0, "import": len(ROWS), "daily": 0}


def test_unknown_extra_columns_are_reported_as_ignored(store, tmp_path):
    text = _csv("sepal_length,sepal_width,petal_length,petal_width,variety").splitlines()
    text = [line + (",note" if i == 0 else ",x") for i, line in enumerate(text)]
    result = import_csv(store, _write(tmp_path, "\n".join(text)))
    assert result.added == len(ROWS)
    assert result.ignored_columns == ("note",)


def test_blank_lines_are_skipped(store, tmp_path):
    text = _csv("sepal_length,sepal_width,petal_length,petal_width,variety").replace("\n", "\n\n")
    assert import_csv(store, _write(tmp_path, text)).added == len(ROWS)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("sepal_length", "sepal_length"),
        ("sepal length (cm)", "sepal_length"),
        ("SepalLengthCm", "sepal_length"),
        ("Sepal.Length", "sepal_length"),
        ("PETAL_WIDTH", "petal_width"),
        ("Species", "variety"),
        ("Id", None),
        ("colour", None),
    ],
)
def test_normalise_header(header, expected):
    assert normalise_header(header) == expected


GOOD_HEADER = "sepal_length,sepal_width,petal_length,petal_width,variety"
MANY_GOOD = "\n".join(["5.1,3.5,1.4,0.2,setosa"] * 40)  # bad rows come late: nothing may be kept


@pytest.mark.parametrize(
    ("text", "line", "column", "value", "words"),
    [
        pytest.param(
            "sepal_length,sepal_width,petal_length,variety\n5.1,3.5,1.4,setosa\n",
            1,
            None,
            None,
            ["missing column", "petal_width"],
            id="missing-column",
        ),
        pytest.param(
            f"{GOOD_HEADER}\n{MANY_GOOD}\n5.1,abc,1.4,0.2,setosa\n",
            42,
            "sepal_width",
            "abc",
            ["not a number", "'abc'"],
            id="bad-number",
        ),
        pytest.param(
            f"{GOOD_HEADER}\n{MANY_GOOD}\n6.3,3.3,6.0,2.5,rose\n",
            42,
            "variety",
            "rose",
            ["unknown variety", "'rose'"],
            id="unknown-variety",
        ),
        pytest.param(
            f"{GOOD_HEADER}\n5.1,3.5,1.4,0.2,setosa\n5.0,3.6,-1.4,0.2,setosa\n",
            3,
            "petal_length",
            "-1.4",
            ["greater than 0", "-1.4"],
            id="negative",
        ),
        pytest.param(f"{GOOD_HEADER}\n5.1,3.5,0,0.2,setosa\n", 2, "petal_length", "0", ["greater than 0"], id="zero"),
        pytest.param(
            f"{GOOD_HEADER}\n51,35,14,2,setosa\n5100,3500,1400,200,setosa\n",
            3,
            "sepal_length",
            "5100",
            ["at most 100 cm", "millimetres"],
            id="millimetres",
        ),
        pytest.param(f"{GOOD_HEADER}\n5.1,3.5,nan,0.2,setosa\n", 2, "petal_length", "nan", ["not a number"], id="nan"),
        pytest.param(f"{GOOD_HEADER}\n5.1,,1.4,0.2,setosa\n", 2, "sepal_width", "", ["missing"], id="empty-cell"),
        pytest.param("", None, None, None, ["empty"], id="empty-file"),
        pytest.param("\n  \n", None, None, None, ["empty"], id="blank-file"),
        pytest.param(GOOD_HEADER + "\n", None, None, None, ["no data rows"], id="header-only"),
        pytest.param(
            f"{GOOD_HEADER}\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,setosa\n",
            3,
            None,
            None,
            ["expected 5 values, found 4"],
            id="ragged-short",
        ),
        pytest.param(
            f"{GOOD_HEADER}\n5.1,3.5,1.4,0.2,setosa,extra\n",
            2,
            "petal_width",
            "setosa",
            ["not a number"],
            id="ragged-long",
        ),
        pytest.param(
            "sepal_length,SepalLengthCm,sepal_width,petal_length,petal_width,variety\n5.1,5.1,3.5,1.4,0.2,setosa\n",
            1,
            "SepalLengthCm",
            None,
            ["two columns"],
            id="duplicate-column",
        ),
    ],
)
def test_bad_files_are_rejected_and_change_nothing(filled, tmp_path, text, line, column, value, words):
    before = _snapshot(filled)
    path = _write(tmp_path, text)
    with pytest.raises(CsvImportError) as info:
        import_csv(filled, path)
    err = info.value
    message = str(err)
    assert message.startswith(path.name)
    assert (err.line, err.column, err.value) == (line, column, value)
    if line is not None:
        assert f"line {line}" in message
    if column is not None:
        assert f"column '{column}'" in message
    for word in words:
        assert word in message
    assert "\n" not in message  # one line for the status bar and the CLI
    assert _snapshot(filled) == before


def test_unreadable_files_change_nothing(filled, tmp_path):
    before = _snapshot(filled)
    with pytest.raises(CsvImportError, match=r"missing\.csv"):
        import_csv(filled, tmp_path / "missing.csv")
    with pytest.raises(CsvImportError):
        import_csv(filled, tmp_path)  # a folder
    assert _snapshot(filled) == before


def test_database_failure_during_import_keeps_nothing(filled, tmp_path, monkeypatch):
    """All or nothing also when the write itself fails halfway."""
    before = _snapshot(filled)
    path = _write(tmp_path, f"{GOOD_HEADER}\n" + "\n".join(["5.2,3.5,1.4,0.2,setosa"] * 300) + "\n")
    raw = filled.conn
    written = []  # flowers in the table before each statement inserting flowers

    class FailingConnection:
        """The real connection, except that the second statement inserting flowers fails
        (the rows go in many to a statement: the first one wrote its rows)."""

        def __getattr__(self, name):
            return getattr(raw, name)

        def execute(self, sql, *args):
            if sql.startswith("INSERT INTO flowers"):
                written.append(raw.execute("SELECT COUNT(*) FROM flowers").fetchone()[0])
                if len(written) == 2:
                    raise OSError("disk full")
            return raw.execute(sql, *args)

    monkeypatch.setattr(filled, "conn", FailingConnection())
    with pytest.raises(OSError, match="disk full"):
        import_csv(filled, path, options=ImportOptions(skip_duplicates=False))
    monkeypatch.undo()
    assert len(written) == 2 and written[1] > written[0]  # it failed halfway, rows written
    assert _snapshot(filled) == before


def test_reading_from_bytes():
    parsed = csv_reader.read_bytes(_csv(GOOD_HEADER).encode(), "text.csv")
    assert parsed.y.tolist()[:3] == [Variety.SETOSA.index, Variety.SETOSA.index, Variety.VERSICOLOR.index]
    with pytest.raises(CsvImportError, match=r"text.csv, line 2, column 'variety'"):
        csv_reader.read_bytes(f"{GOOD_HEADER}\n5.1,3.5,1.4,0.2,tulip\n".encode(), "text.csv")
