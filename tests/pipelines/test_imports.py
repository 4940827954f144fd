"""Data in: real-world iris files import with the right counts, wrong units and repeated
flowers are caught before anything is written, and an import can be undone exactly."""

from __future__ import annotations

import pytest

from iris_desktop import paths
from iris_desktop.cli import main
from iris_desktop.domain import FEATURE_NAMES
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.imports import (
    AlreadyImportedError,
    ImplausibleValuesError,
    ImportOptions,
    import_csv,
    import_preview,
    preview,
)
from iris_desktop.pipelines.removal import RemovalError, remove_batch, remove_flowers
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import Store
from iris_desktop.store import flowers as flower_table
from iris_desktop.store.imports import list_batches
from tests.pipelines.dumps import data_dump

BUNDLED = paths.resource("iris.csv").read_text().splitlines()[1:]  # 150 "5.1,3.5,1.4,0.2,setosa"
SIX = [
    "5.0,3.3,1.4,0.2,setosa",
    "4.6,3.2,1.4,0.2,setosa",
    "6.1,2.8,4.7,1.2,versicolor",
    "5.7,2.8,4.1,1.3,versicolor",
    "6.9,3.1,5.4,2.1,virginica",
    "6.2,3.4,5.4,2.3,virginica",
]
HEADER = "sepal_length,sepal_width,petal_length,petal_width,variety"


def dump(store: Store) -> list[str]:
    return data_dump(store)


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def uci(rows):  # the UCI archive's iris.data: no header, Iris- labels, a blank last line
    return (
        "\n".join(
            r.replace("setosa", "Iris-setosa")
            .replace("versicolor", "Iris-versicolor")
            .replace("virginica", "Iris-virginica")
            for r in rows
        )
        + "\n\n"
    )


def european(rows):  # a spreadsheet in a European locale: semicolons, decimal commas, CRLF,
    # and a cp1252 character in a column of its own ("Gärten": not UTF-8)
    return (
        "\r\n".join(
            [HEADER.replace(",", ";") + ";Gärten"] + [r.replace(",", ";").replace(".", ",") + ";Köln" for r in rows]
        )
        + "\r\n"
    )


def r_write_csv(rows):  # R's write.csv: quoted header, an unnamed row-number column
    head = '"","Sepal.Length","Sepal.Width","Petal.Length","Petal.Width","Species"'
    return (
        "\n".join(
            [head] + [f'"{i}",' + r.rsplit(",", 1)[0] + f',"{r.rsplit(",", 1)[1]}"' for i, r in enumerate(rows, 1)]
        )
        + "\n"
    )


def kaggle(rows):
    head = "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species"
    return (
        "\n".join([head] + [f"{i},{r.rsplit(',', 1)[0]},Iris-{r.rsplit(',', 1)[1]}" for i, r in enumerate(rows, 1)])
        + "\n"
    )


@pytest.mark.parametrize(
    ("name", "text", "encoding"),
    [
        ("iris.data", uci(SIX), "utf-8"),
        ("europe.csv", european(SIX), "cp1252"),
        ("tabs.tsv", "\n".join([HEADER.replace(",", "\t")] + [r.replace(",", "\t") for r in SIX]) + "\n", "utf-8"),
        ("spaces.txt", "\n".join([HEADER.replace(",", " ")] + [r.replace(",", "   ") for r in SIX]) + "\n", "utf-8"),
        ("r.csv", r_write_csv(SIX), "utf-8"),
        ("Iris.csv", kaggle(SIX), "utf-8"),
    ],
)
def test_real_world_formats_import_with_the_right_counts(store, tmp_path, name, text, encoding):
    result = import_csv(store, write(tmp_path, name, text, encoding))
    assert result.added == 6 and result.counts == {"setosa": 2, "versicolor": 2, "virginica": 2}
    X, y = flower_table.feature_matrix(store, ("import",))
    assert X[2].tolist() == [6.1, 2.8, 4.7, 1.2] and y.tolist() == [0, 0, 1, 1, 2, 2]
    [batch] = list_batches(store)
    assert (batch.file_name, batch.rows, batch.remaining) == (name, 6, 6)


def test_a_file_in_millimetres_is_caught_then_imported_in_centimetres(store, tmp_path):
    path = write(tmp_path, "mm.csv", HEADER + "\n51,35,14,2,setosa\n70,32,47,14,versicolor\n63,33,60,25,virginica\n")
    before = dump(store)
    with pytest.raises(ImplausibleValuesError, match="millimetres"):
        import_csv(store, path)
    assert dump(store) == before
    seen = preview(store, path)
    assert set(seen.suggested_millimetres) == set(FEATURE_NAMES)
    result = import_preview(store, seen, ImportOptions(millimetre_columns=FEATURE_NAMES))
    assert result.added == 3
    X, _ = flower_table.feature_matrix(store, ("import",))
    assert X[0].tolist() == [5.1, 3.5, 1.4, 0.2]
    assert list_batches(store)[0].options["unit"] == "mm"


def test_implausible_values_are_refused_unless_accepted(store, tmp_path):
    path = write(tmp_path, "odd.csv", HEADER + "\n" + "\n".join(SIX) + "\n5.0,3.4,30.0,0.2,setosa\n")
    with pytest.raises(ImplausibleValuesError) as info:
        import_csv(store, path)
    assert (info.value.line, info.value.column, info.value.value) == (8, "petal_length", "30")
    assert import_csv(store, path, options=ImportOptions(accept_outliers=True)).added == 7


def test_the_kaggle_copy_of_the_bundled_set_is_skipped_as_duplicates(store, tmp_path):
    backfill(store)
    path = write(tmp_path, "Iris.csv", kaggle(BUNDLED))
    seen = preview(store, path)
    repeated = int(seen.duplicates(ImportOptions()).sum())
    assert repeated == 150
    result = import_csv(store, path)
    assert (result.added, result.skipped_duplicates) == (0, 150)
    kept = import_csv(store, path, options=ImportOptions(skip_duplicates=False, again=True))
    assert kept.added == 150


def test_a_preview_that_is_not_confirmed_writes_nothing(store, tmp_path):
    backfill(store)
    before = dump(store)
    seen = preview(store, write(tmp_path, "six.csv", HEADER + "\n" + "\n".join(SIX) + "\n"))
    assert seen.rows == 6 and seen.counts() == {"setosa": 2, "versicolor": 2, "virginica": 2}
    assert dump(store) == before  # the user pressed Cancel: nothing happened


def test_the_same_file_again_is_refused_unless_asked(store, tmp_path):
    path = write(tmp_path, "six.csv", HEADER + "\n" + "\n".join(SIX) + "\n")
    import_csv(store, path)
    with pytest.raises(AlreadyImportedError):
        import_csv(store, path)


def test_removing_an_import_restores_the_exact_earlier_store(store, tmp_path):
    backfill(store)
    before = dump(store)
    result = import_csv(
        store,
        write(tmp_path, "six.csv", HEADER + "\n" + "\n".join(SIX) + "\n"),
        options=ImportOptions(skip_duplicates=False),
    )
    trained = train(store, TrainingConfig(cv_folds=2), activate=False)
    removal = remove_batch(store, result.batch)
    assert removal.removed == 6 and removal.models == (trained.version,)
    assert f"v{trained.version}" in removal.message()
    store.execute("DELETE FROM models")  # the model trained meanwhile is not part of the import
    assert [line for line in dump(store) if "sqlite_sequence" not in line] == [
        line for line in before if "sqlite_sequence" not in line
    ]
    with pytest.raises(RemovalError, match="no import batch"):
        remove_batch(store, result.batch)


def test_only_imported_flowers_can_be_removed(store, tmp_path):
    backfill(store)
    import_csv(
        store,
        write(tmp_path, "six.csv", HEADER + "\n" + "\n".join(SIX) + "\n"),
        options=ImportOptions(skip_duplicates=False),
    )
    columns = flower_table.flower_columns(store)
    with pytest.raises(RemovalError, match="none of the chosen flowers was imported"):
        remove_flowers(store, columns.id[:3].tolist())
    removal = remove_flowers(store, columns.id[148:153].tolist())  # 2 backfilled, 3 imported
    assert removal.removed == 3
    assert flower_table.count_by_source(store) == {"backfill": 150, "import": 3, "daily": 0}


def test_cli_dry_run_imports_and_remove_import(capsys, tmp_path):
    data = tmp_path / "cli"
    path = write(tmp_path, "mm.csv", HEADER + "\n51,35,14,2,setosa\n70,32,47,14,versicolor\n")
    assert main(["--data-dir", str(data), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "look like millimetres" in err and "--unit mm" in err and len(err.strip().splitlines()) == 1
    assert main(["--data-dir", str(data), "import", "--unit", "mm", "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2 rows" in out and "Dry run: nothing was written; the import would add 2 flowers." in out
    with Store.open(data / paths.DB_NAME) as s:
        assert flower_table.count_by_source(s)["import"] == 0
    assert main(["--data-dir", str(data), "import", "--unit", "mm", str(path)]) == 0
    assert "as batch 1" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "imports"]) == 0
    assert "mm.csv" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "remove-import", "1"]) == 2  # nobody to ask: --yes needed
    assert "not done without --yes" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "remove-import", "1", "--yes"]) == 0
    assert capsys.readouterr().out.startswith("Removed 2 imported flowers")
    assert main(["--data-dir", str(data), "remove-import", "1", "--yes"]) == 2
    assert "no import batch 1" in capsys.readouterr().err
