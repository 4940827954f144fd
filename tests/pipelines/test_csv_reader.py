"""The pandas-based CSV reader: the formats people really save, exact errors, and the
analysis the import preview shows (implausible values, millimetres, duplicates)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iris_desktop import paths
from iris_desktop.domain import FEATURE_NAMES, MAX_CM
from iris_desktop.pipelines import csv_reader
from iris_desktop.pipelines.csv_checks import duplicate_mask, implausible, in_centimetres, millimetre_columns
from iris_desktop.pipelines.csv_reader import CsvImportError, ParsedFile, read_bytes, read_file

CANONICAL = "sepal_length,sepal_width,petal_length,petal_width,variety"


@pytest.fixture(scope="module")
def bundled() -> ParsedFile:
    return read_file(paths.resource("iris.csv"))


def _rows(parsed: ParsedFile):
    """(four measurements, variety name) per row, from the bundled file."""
    names = ("setosa", "versicolor", "virginica")
    return [(tuple(x), names[v]) for x, v in zip(parsed.X.tolist(), parsed.y.tolist())]


def _write(tmp_path, data: bytes, name: str = "flowers.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _assert_same_flowers(parsed: ParsedFile, bundled: ParsedFile) -> None:
    assert parsed.X.shape == (150, 4) and parsed.X.dtype == np.float64
    assert parsed.y.dtype == np.int8
    np.testing.assert_array_equal(parsed.X, bundled.X)
    np.testing.assert_array_equal(parsed.y, bundled.y)
    assert np.bincount(parsed.y).tolist() == [50, 50, 50]


def _error(data: bytes | str, name: str = "bad.csv") -> CsvImportError:
    with pytest.raises(CsvImportError) as info:
        read_bytes(data.encode() if isinstance(data, str) else data, name)
    return info.value


# ---------------------------------------------------------------- formats


def test_bundled_file(bundled):
    assert bundled.has_header and bundled.delimiter == "," and bundled.decimal == "."
    assert bundled.encoding == "utf-8" and bundled.notes == () and bundled.ignored_columns == ()
    assert bundled.columns == {n: n for n in (*FEATURE_NAMES, "variety")}
    assert bundled.X[0].tolist() == [5.1, 3.5, 1.4, 0.2]
    assert bundled.lines.tolist() == list(range(2, 152))
    data = paths.resource("iris.csv").read_bytes()
    assert bundled.sha256 == hashlib.sha256(data).hexdigest()


def test_uci_iris_data_headerless_with_iris_labels_and_blank_last_line(tmp_path, bundled):
    text = "".join(f"{a},{b},{c},{d},Iris-{v}\n" for (a, b, c, d), v in _rows(bundled)) + "\n"
    parsed = read_file(_write(tmp_path, text.encode(), "iris.data"))
    _assert_same_flowers(parsed, bundled)
    assert not parsed.has_header
    assert parsed.columns["sepal_width"] == "column 2" and parsed.columns["variety"] == "column 5"
    assert parsed.lines.tolist() == list(range(1, 151))


def test_semicolons_decimal_commas_cp1252_and_crlf(tmp_path, bundled):
    lines = ["Id;Sepal.Length;Sepal.Width;Petal.Length;Petal.Width;Species;Bemerkung"]
    for i, ((a, b, c, d), v) in enumerate(_rows(bundled), start=1):
        cells = [str(i), *(str(x).replace(".", ",") for x in (a, b, c, d)), v, "Preis 3 € – gut"]
        lines.append(";".join(cells))
    data = "\r\n".join(lines).encode("cp1252") + b"\r\n"
    parsed = read_file(_write(tmp_path, data))
    _assert_same_flowers(parsed, bundled)
    assert (parsed.delimiter, parsed.decimal, parsed.encoding) == (";", ",", "cp1252")
    assert parsed.notes == ("not UTF-8: read as Windows-1252 (cp1252)",)
    assert parsed.ignored_columns == ("Bemerkung",)
    assert parsed.columns["petal_width"] == "Petal.Width"
    assert parsed.lines.tolist() == list(range(2, 152))


def test_tab_separated(tmp_path, bundled):
    text = "sepal length (cm)\tsepal width (cm)\tpetal length (cm)\tpetal width (cm)\tspecies\n"
    text += "".join(f"{a}\t{b}\t{c}\t{d}\t{v}\n" for (a, b, c, d), v in _rows(bundled))
    parsed = read_file(_write(tmp_path, text.encode(), "iris.tsv"))
    _assert_same_flowers(parsed, bundled)
    assert parsed.delimiter == "\t" and parsed.columns["sepal_length"] == "sepal length (cm)"


def test_whitespace_separated_aligned_columns(tmp_path, bundled):
    text = "  SepalLength  SepalWidth  PetalLength  PetalWidth  Species\n"
    text += "".join(f"  {a:>5}  {b:>5}   {c:>5}\t{d:>5}  {v}  \n" for (a, b, c, d), v in _rows(bundled))
    parsed = read_file(_write(tmp_path, text.encode(), "iris.txt"))
    _assert_same_flowers(parsed, bundled)
    assert parsed.delimiter == "whitespace"


def test_whitespace_separated_with_decimal_commas_headerless():
    parsed = read_bytes(b"5,1 3,5 1,4 0,2 setosa\n6,3 3,3 6 2,5 virginica\n", "x.txt")
    assert (parsed.delimiter, parsed.decimal, parsed.has_header) == ("whitespace", ",", False)
    assert parsed.X.tolist() == [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]


def test_r_write_csv_quoted_header_and_unnamed_index(tmp_path, bundled):
    text = '"","Sepal.Length","Sepal.Width","Petal.Length","Petal.Width","Species"\n'
    text += "".join(f'"{i}",{a},{b},{c},{d},"{v}"\n' for i, ((a, b, c, d), v) in enumerate(_rows(bundled), 1))
    parsed = read_file(_write(tmp_path, text.encode()))
    _assert_same_flowers(parsed, bundled)
    assert parsed.ignored_columns == () and parsed.columns["variety"] == "Species"


def test_r_write_table_header_one_column_short(bundled):
    text = '"Sepal.Length" "Sepal.Width" "Petal.Length" "Petal.Width" "Species"\n'
    text += "".join(f'"{i}" {a} {b} {c} {d} "{v}"\n' for i, ((a, b, c, d), v) in enumerate(_rows(bundled), 1))
    parsed = read_bytes(text.encode(), "iris.txt")
    _assert_same_flowers(parsed, bundled)
    assert parsed.delimiter == "whitespace" and "row names" in parsed.notes[0]


def test_kaggle_iris_csv(tmp_path, bundled):
    text = "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species\n"
    text += "".join(f"{i},{a},{b},{c},{d},Iris-{v}\n" for i, ((a, b, c, d), v) in enumerate(_rows(bundled), 1))
    parsed = read_file(_write(tmp_path, text.encode(), "Iris.csv"))
    _assert_same_flowers(parsed, bundled)
    assert parsed.ignored_columns == ()  # Id is an index: dropped without a word
    assert parsed.columns["sepal_length"] == "SepalLengthCm" and parsed.columns["variety"] == "Species"


def test_pandas_to_csv_index_and_unknown_column_listed():
    text = ",sepal_length,sepal_width,petal_length,petal_width,variety,colour\n0,5.1,3.5,1.4,0.2,setosa,blue\n"
    parsed = read_bytes(text.encode(), "x.csv")
    assert parsed.ignored_columns == ("colour",) and parsed.X.tolist() == [[5.1, 3.5, 1.4, 0.2]]


def test_utf8_bom(tmp_path, bundled):
    data = b"\xef\xbb\xbf" + paths.resource("iris.csv").read_bytes()
    parsed = read_file(_write(tmp_path, data))
    _assert_same_flowers(parsed, bundled)
    assert parsed.encoding == "utf-8-sig" and parsed.columns["sepal_length"] == "sepal_length"
    assert parsed.sha256 == hashlib.sha256(data).hexdigest()


def test_cr_only_line_endings(tmp_path, bundled):
    data = paths.resource("iris.csv").read_bytes().replace(b"\n", b"\r")
    parsed = read_file(_write(tmp_path, data))
    _assert_same_flowers(parsed, bundled)
    assert parsed.lines.tolist() == list(range(2, 152))


def test_latin1_when_not_cp1252():
    data = CANONICAL.encode() + b",note\n5.1,3.5,1.4,0.2,setosa,\x81\n"
    parsed = read_bytes(data, "x.csv")
    assert parsed.encoding == "latin-1" and "Latin-1" in parsed.notes[0]


def test_line_numbers_survive_blank_lines_header_crlf_and_bom():
    data = (
        b"\xef\xbb\xbf\r\n\r\n" + CANONICAL.encode() + b"\r\n5.1,3.5,1.4,0.2,setosa\r\n  \r\n\r\n"
        b"4.9,3.0,1.4,0.2,setosa\r\n\t\r\n7.0,3.2,4.7,1.4,versicolor\r\n\r\n\r\n"
    )
    parsed = read_bytes(data, "x.csv")
    assert parsed.lines.tolist() == [4, 7, 9]
    assert parsed.y.tolist() == [0, 0, 1]


def test_quoted_and_unquoted_files_give_the_same_arrays(bundled):
    # quotes send the file down the cell-by-cell path; no quotes, the one-pass path
    quoted = CANONICAL + "\n" + "".join(f'{a},{b},{c},{d},"{v}"\n' for (a, b, c, d), v in _rows(bundled))
    _assert_same_flowers(read_bytes(quoted.encode(), "q.csv"), bundled)


# ---------------------------------------------------------------- refused, with where and what


def test_error_message_format():
    error = CsvImportError("bad.csv", "is not a number: 'abc'", 3, "sepal_width", "abc")
    assert str(error) == "bad.csv, line 3, column 'sepal_width': is not a number: 'abc'"
    assert (error.file, error.line, error.column, error.value) == ("bad.csv", 3, "sepal_width", "abc")
    assert isinstance(error, ValueError)


def test_bad_cell_names_line_column_and_only_that_cell():
    error = _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n4.9,abc,1.4,0.2,setosa\n")
    assert str(error) == "bad.csv, line 3, column 'sepal_width': is not a number: 'abc'"
    assert (error.line, error.column, error.value) == (3, "sepal_width", "abc")


def test_bad_cell_after_a_blank_line():
    error = _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n\n   \n4.9,3.0,1.4,x1,setosa\n")
    assert (error.line, error.column, error.value) == (5, "petal_width", "x1")


def test_bad_cell_after_crlf_and_bom_in_the_files_own_header_spelling():
    data = (
        "\ufeffSepal.Length;Sepal.Width;Petal.Length;Petal.Width;Species\r\n5,1;3,5;1,4;0,2;setosa\r\n"
        "\r\n4,9;3,0;-1,4;0,2;setosa\r\n"
    )
    error = _error(data.encode("utf-8"))
    assert str(error) == "bad.csv, line 4, column 'Petal.Length': must be greater than 0 cm, got '-1,4'"


def test_first_bad_cell_in_file_order_wins():
    error = _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,rose\n4.9,abc,1.4,0.2,setosa\n5.1,3.5,999,0.2,setosa\n")
    assert (error.line, error.column, error.value) == (2, "variety", "rose")
    assert "unknown variety 'rose'" in str(error)
    error = _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n4.9,3.1,1.4,500,setosa\n5.1,x,1.4,0.2,setosa\n")
    assert (error.line, error.column) == (3, "petal_width") and "at most 100 cm" in str(error)


@pytest.mark.parametrize(
    "cell",
    [
        "5_1",
        "inf",
        "-inf",
        "nan",
        "NaN",
        "1e3",
        "1E-1",
        "5e0",
        "0x1A",
        "1" + "0" * 400,
        "",
        " ",
        "5.1.1",
        "٥",
        "+",
        "'5.1'",
    ],
)
def test_measurements_must_be_plain_decimals(cell):
    error = _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n4.9,{cell},1.4,0.2,setosa\n")
    assert (error.line, error.column) == (3, "sepal_width")
    assert cell.strip().startswith(error.value.removesuffix("\u2026"))  # long cells are cut


def test_range_limits_match_the_domain():
    assert read_bytes(f"{CANONICAL}\n{MAX_CM:g},0.01,1.4,0.2,setosa\n".encode(), "x").X[0, 0] == MAX_CM
    assert "greater than 0" in str(_error(f"{CANONICAL}\n0,3.5,1.4,0.2,setosa\n"))
    assert "at most 100 cm" in str(_error(f"{CANONICAL}\n100.01,3.5,1.4,0.2,setosa\n"))


def test_decimal_mark_mismatch_gets_a_hint():
    error = _error(
        "a;sepal_length;sepal_width;petal_length;petal_width;variety\n1;5,1;3,5;1,4;0,2;setosa\n"
        "2;4.9;3,0;1,4;0,2;setosa\n"
    )
    assert error.line == 3 and "uses ',' as the decimal mark" in str(error)


def test_unclosed_quote():
    error = _error(f'{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,0.2,"setosa\n5.1,3.5,1.4,0.2,setosa\n')
    assert error.line == 3 and "quote" in str(error)


def test_rows_with_the_wrong_number_of_fields():
    assert _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n5.1,3.5,1.4,0.2\n").line == 3
    error = _error(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa,extra\n5.1,3.5,1.4,0.2,setosa\n")
    assert error.line == 2 and "expected 5 values, found 6" in str(error)
    # a lone CR is a line break: the row is cut in two
    assert _error(f"{CANONICAL}\n5.1,3.5\r1.4,0.2,setosa\n").line == 2


def test_header_problems():
    error = _error("Id,SepalLengthCm,Species\n1,5.1,setosa\n")
    assert error.line == 1
    assert "missing column(s) sepal_width, petal_length, petal_width" in str(error)
    assert "found 'Id', 'SepalLengthCm', 'Species'" in str(error)
    error = _error("sepal_length,SepalLengthCm,sepal_width,petal_length,petal_width,variety\n1,1,1,1,1,setosa\n")
    assert (error.line, error.column) == (1, "SepalLengthCm") and "two columns both mean 'sepal_length'" in str(error)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "the file is empty"),
        (b"\n \r\n\t\n", "the file is empty"),
        (CANONICAL.encode() + b"\n\n\n", "there are no data rows below the header"),
        (CANONICAL.encode(), "there are no data rows below the header"),
        (b"\xff\xfes\x00e\x00", "not a text file"),
        (b"PK\x03\x04\x00\x00binary", "not a text file"),
    ],
)
def test_files_without_data(data, message):
    assert message in str(_error(data))


def test_huge_field_gives_a_short_message():
    cell = "x" * (200 * 1024)
    error = _error(f"{CANONICAL}\n5.1,{cell},1.4,0.2,setosa\n")
    assert error.line == 2 and error.column == "sepal_width" and len(str(error)) < 200


def test_a_million_columns_is_refused_before_splitting_them():
    error = _error(",".join(f"c{i}" for i in range(10**6)) + "\n" + "5.1,3.5,1.4,0.2,setosa\n")
    assert error.line == 1 and "1000000 fields" in str(error) and len(str(error)) < 200


def test_too_large_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_reader, "MAX_BYTES", 100)
    data = paths.resource("iris.csv").read_bytes()
    assert "larger than" in str(_error(data))
    with pytest.raises(CsvImportError, match="larger than"):
        read_file(_write(tmp_path, data))


def test_unreadable_paths_do_not_hang(tmp_path):
    with pytest.raises(CsvImportError, match="cannot read the file"):
        read_file(tmp_path / "missing.csv")
    with pytest.raises(CsvImportError, match="not a regular file"):
        read_file(tmp_path)
    if os.path.exists("/dev/zero"):
        with pytest.raises(CsvImportError, match="not a regular file"):
            read_file("/dev/zero")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.csv"
        os.mkfifo(fifo)
        started = time.monotonic()
        with pytest.raises(CsvImportError, match="not a regular file"):
            read_file(fifo)  # nobody writes: a blocking open would wait forever
        assert time.monotonic() - started < 5


# ---------------------------------------------------------------- analysis for the preview


def test_millimetres_detected_per_column_and_converted():
    parsed = read_bytes(b"51,35,14,2,setosa\n", "mm.csv")
    assert millimetre_columns(parsed) == list(FEATURE_NAMES)
    fixed = in_centimetres(parsed, millimetre_columns(parsed))
    assert fixed.X.tolist() == [[5.1, 3.5, 1.4, 0.2]]
    assert parsed.X.tolist() == [[51, 35, 14, 2]]  # the original is untouched
    assert millimetre_columns(fixed) == [] and implausible(fixed) == []
    assert "millimetres" in fixed.notes[-1]


def test_millimetres_only_in_the_columns_that_are(bundled):
    assert millimetre_columns(bundled) == []
    assert in_centimetres(bundled, []) is bundled
    X = bundled.X.copy()
    X[:, 2] *= 10  # petal length typed in mm, the rest in cm
    mixed = dataclasses.replace(bundled, X=X)
    assert millimetre_columns(mixed) == ["petal_length"]
    np.testing.assert_array_equal(in_centimetres(mixed, ["petal_length"]).X, bundled.X)


def test_a_whole_file_in_millimetres(bundled):
    text = "".join(f"{a * 10:g},{b * 10:g},{c * 10:g},{d * 10:g},{v}\n" for (a, b, c, d), v in _rows(bundled))
    parsed = read_bytes(text.encode(), "mm.csv")
    assert millimetre_columns(parsed) == list(FEATURE_NAMES)
    np.testing.assert_array_equal(in_centimetres(parsed, FEATURE_NAMES).X, bundled.X)


def test_implausible_flags_a_30_cm_petal():
    parsed = read_bytes(f"{CANONICAL}\n5.1,3.5,1.4,0.2,setosa\n\n6.3,3.3,30,2.5,virginica\n".encode(), "x.csv")
    [outlier] = implausible(parsed)
    assert (outlier.line, outlier.column, outlier.feature, outlier.value) == (4, "petal_length", "petal_length", 30.0)
    assert outlier.low < 6.9 < outlier.high < 30


def test_the_classic_data_set_is_plausible(bundled):
    assert implausible(bundled) == []


def test_duplicates_of_the_bundled_flowers_in_a_kaggle_copy(bundled):
    rows = [(*x, f"Iris-{v}") for x, v in _rows(bundled)]
    rows.insert(10, (5.1, 3.5, 1.4, 0.21, "Iris-setosa"))  # 0.1 mm off: a new flower
    rows.insert(20, (5.1, 3.5, 1.4, 0.2, "Iris-virginica"))  # same numbers, other variety
    rows.append((5.0, 3.0, 1.7, 0.2, "Iris-setosa"))  # not in the classic data set
    text = "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species\n"
    text += "".join(f"{i},{a},{b},{c},{d},{v}\n" for i, (a, b, c, d, v) in enumerate(rows, 1))
    copy = read_bytes(text.encode(), "Iris.csv")
    mask = duplicate_mask(copy.X, copy.y, bundled.X, bundled.y)
    assert mask.dtype == bool and mask.shape == (153,)
    assert mask.sum() == 150
    assert np.flatnonzero(~mask).tolist() == [10, 20, 152]


def test_duplicates_compare_at_a_tenth_of_a_millimetre():
    X = np.array([[5.1, 3.5, 1.4, 0.2], [5.1, 3.5, 1.4, 0.2]])
    stored = np.array([[5.1 + 1e-9, 3.5, 1.4, 0.2], [5.1, 3.5, 1.4, 0.21]])
    assert duplicate_mask(X, [0, 1], stored, [0, 1]).tolist() == [True, False]
    assert duplicate_mask(X, [0, 0], np.empty((0, 4)), np.empty(0, np.int8)).tolist() == [False, False]


def test_duplicates_are_fast_for_200000_by_200000():
    rng = np.random.default_rng(7)
    stored = np.round(rng.uniform(0.1, 10, (200_000, 4)), 1)
    stored_y = rng.integers(0, 3, 200_000)
    X, y = stored[::-1].copy(), stored_y[::-1].copy()
    X[:1000, 0] += 0.05
    started = time.perf_counter()
    mask = duplicate_mask(X, y, stored, stored_y)
    assert time.perf_counter() - started < 2.0  # ~50 ms on a laptop
    assert not mask[:1000].any() and mask[1000:].all()


# ---------------------------------------------------------------- robustness


def test_importing_the_reader_does_not_import_pandas():
    code = "import sys, iris_desktop.pipelines.csv_reader; print('pandas' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.strip() == "False", done.stderr


_CSVISH = st.lists(
    st.sampled_from(
        [
            "5.1",
            "3,5",
            "0",
            "-1",
            "1e3",
            "inf",
            "setosa",
            "Iris-virginica",
            "x",
            "",
            '"',
            '""',
            "\t",
            ";",
            ",",
            " ",
            "\n",
            "\r",
            "\r\n",
            CANONICAL,
            "Id",
            "Species",
            "\ufeff",
            "€",
            "é",
        ]
    ),
    max_size=60,
).map(lambda parts: "".join(parts).encode("utf-8"))
_ROWISH = st.lists(
    st.tuples(
        *[st.sampled_from(["5.1", "0.2", "7", "1e1", "", "a", "150", "3,4"])] * 4,
        st.sampled_from(["setosa", "Iris-versicolor", "rose", ""]),
    ),
    min_size=1,
    max_size=8,
).map(lambda rows: (CANONICAL + "\n" + "\n".join(",".join(r) for r in rows)).encode())


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.binary(max_size=600), _CSVISH, _ROWISH))
def test_any_bytes_give_a_consistent_file_or_a_csv_import_error(data):
    try:
        parsed = read_bytes(data, "any.csv")
    except CsvImportError as error:
        assert str(error).startswith("any.csv")
        return
    n = len(parsed.y)
    assert n > 0 and parsed.X.shape == (n, 4) and parsed.lines.shape == (n,)
    assert np.isfinite(parsed.X).all() and (parsed.X > 0).all() and (parsed.X <= MAX_CM).all()
    assert ((parsed.y >= 0) & (parsed.y <= 2)).all()
    assert (np.diff(parsed.lines) > 0).all() and parsed.lines[0] >= 1
    assert parsed.sha256 == hashlib.sha256(data).hexdigest()
