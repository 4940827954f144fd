"""row_counts (migration 4): the flowers per source and the predictions, kept by triggers
so that read_summary reads four numbers instead of counting every row. They stay exact
through everything the app does and every hand edit of the rows; a hand edit that
breaks them is repaired when the store opens."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from iris_desktop.domain import FEATURE_NAMES
from iris_desktop.pipelines import registry
from iris_desktop.pipelines.imports import import_csv
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.pipelines.removal import remove_batch, remove_flowers, remove_future_days
from iris_desktop.pipelines.training import TrainingConfig, train
from iris_desktop.store import SCHEMA_VERSION, Store, backups, schema
from iris_desktop.store import flowers as flower_table
from iris_desktop.store.schema import COUNTED, MIGRATIONS
from iris_desktop.store.summary import exact_counts, read_summary, stored_counts
from tests.conftest import TODAY

HEADER = ",".join(FEATURE_NAMES) + ",variety"


def _assert_exact(store: Store) -> None:
    assert stored_counts(store) == exact_counts(store)
    summary = read_summary(store)
    assert summary.flowers == tuple(exact_counts(store)[s] for s in flower_table.SOURCES)
    assert summary.predictions == exact_counts(store)["predictions"]


def _csv(tmp_path, name: str, rows: int, width: float) -> str:
    lines = [f"{4.5 + i / 10:.1f},{width},{1.2 + i / 20:.2f},0.3,setosa" for i in range(rows)]
    path = tmp_path / name
    path.write_text(HEADER + "\n" + "\n".join(lines) + "\n")
    return str(path)


def test_counts_stay_exact_through_what_the_app_does(trained_store, tmp_path):
    store = trained_store
    _assert_exact(store)  # backfill, first model, 31 days and their predictions
    assert stored_counts(store) == {"backfill": 150, "import": 0, "daily": 31, "predictions": 31}
    first = import_csv(store, _csv(tmp_path, "a.csv", 6, 3.1))
    import_csv(store, _csv(tmp_path, "b.csv", 4, 3.2))
    assert stored_counts(store)["import"] == 10
    _assert_exact(store)
    catch_up(store, TODAY + dt.timedelta(days=50))
    _assert_exact(store)
    v2 = train(store, TrainingConfig(params={"n_neighbors": 3}), activate=True)
    catch_up(store, TODAY + dt.timedelta(days=50), model=registry.load_model(store, v2.version))  # predicts every day
    assert stored_counts(store)["predictions"] == 2 * 81
    _assert_exact(store)
    imported = flower_table.flower_columns(store, ("import",)).id.tolist()
    remove_flowers(store, imported[:2])  # two flowers of a batch
    _assert_exact(store)
    remove_batch(store, first.batch)  # the rest of the first batch
    _assert_exact(store)
    assert stored_counts(store)["import"] == 4
    registry.delete_model(store, 1)  # its predictions go by cascade
    _assert_exact(store)
    assert stored_counts(store)["predictions"] == 81
    remove_future_days(store, TODAY + dt.timedelta(days=40))  # ten days and their predictions
    _assert_exact(store)
    assert stored_counts(store) == {"backfill": 150, "import": 4, "daily": 71, "predictions": 71}


def test_a_rolled_back_write_rolls_the_counts_back(trained_store):
    before = stored_counts(trained_store)
    with pytest.raises(RuntimeError), trained_store.transaction():
        catch_up(trained_store, TODAY + dt.timedelta(days=5))
        assert stored_counts(trained_store)["daily"] == before["daily"] + 5
        raise RuntimeError
    assert stored_counts(trained_store) == before


def test_hand_edits_of_the_rows_keep_the_counts_exact(trained_store):
    """The triggers are in the file: the sqlite3 shell, with foreign keys on, keeps them too."""
    shell = sqlite3.connect(trained_store.path, isolation_level=None)
    try:
        shell.execute("PRAGMA foreign_keys = ON")
        shell.execute(
            "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source) "
            "VALUES (5, 3, 1.5, 0.2, 'setosa', 'import')"
        )
        shell.execute("UPDATE flowers SET source = 'import' WHERE id IN (1, 2)")
        shell.execute("DELETE FROM predictions WHERE flower_id = (SELECT MIN(id) FROM flowers WHERE day IS NOT NULL)")
        shell.execute("DELETE FROM flowers WHERE id = 3")
    finally:
        shell.close()
    assert stored_counts(trained_store) == {"backfill": 147, "import": 3, "daily": 31, "predictions": 30}
    _assert_exact(trained_store)


@pytest.mark.parametrize(
    "edit",
    [
        "DROP TABLE row_counts",  # its triggers stay: every insert would fail
        "DROP TRIGGER flowers_counted_on_insert",
        "DELETE FROM row_counts WHERE name = 'daily'",
        "UPDATE row_counts SET n = -3 WHERE name = 'predictions'",
        "UPDATE row_counts SET n = 'many' WHERE name = 'import'",
    ],
)
def test_counts_broken_by_hand_are_counted_meanwhile_and_rebuilt_on_open(trained_store, edit):
    shell = sqlite3.connect(trained_store.path, isolation_level=None)
    shell.execute(edit)
    shell.close()
    assert stored_counts(trained_store) is None or "TRIGGER" in edit
    if "TRIGGER" not in edit:  # what a connection opened before sees: the rows counted
        assert read_summary(trained_store).count("daily") == 31
    with Store.open(trained_store.path, trained_store.models_dir) as reopened:
        _assert_exact(reopened)
        catch_up(reopened, TODAY + dt.timedelta(days=3))  # inserts work again, counted
        _assert_exact(reopened)


def test_a_count_edited_to_another_number_only_shifts_the_totals(trained_store):
    """It cannot be told from a true one without counting every row; the totals shown are
    off by the edit, and still move with every change (what changed is still told)."""
    shell = sqlite3.connect(trained_store.path, isolation_level=None)
    shell.execute("UPDATE row_counts SET n = n + 7 WHERE name = 'daily'")
    shell.close()
    before = read_summary(trained_store)
    assert before.count("daily") == 31 + 7
    catch_up(trained_store, TODAY + dt.timedelta(days=2))
    after = read_summary(trained_store)
    assert after.count("daily") == before.count("daily") + 2 and after.flowers_differ(before)


def _version_3_store(folder) -> tuple[Store, dict[str, int]]:
    """A store as the previous version wrote it (migrations 1-3), with rows of every kind
    and a model file; returned on a raw connection (not migrated)."""
    folder.mkdir()
    path = folder / "iris.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:3]:
        for statement in schema.statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO meta (key, value) VALUES ('installation_seed', '12345')")
    insert = "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source, day) "
    conn.executemany(insert + "VALUES (5, 3, 1.5, 0.2, 'setosa', ?, NULL)", [("backfill",)] * 5 + [("import",)] * 2)
    conn.executemany(insert + "VALUES (6, 3, 5, 2, 'virginica', 'daily', ?)", [(f"2026-01-0{d}",) for d in range(1, 4)])
    conn.execute(
        "INSERT INTO models (algorithm, params, standardize, sources, n_rows, data_fingerprint, split_seed, "
        "test_fraction, metrics, library_versions, artifact, sha256) "
        "VALUES ('knn', '{}', 0, '[]', 7, 'x', 1, 0.2, '{}', '{}', 'knn-old.joblib', 'x')"
    )
    conn.execute("INSERT INTO model_aliases (alias, version) VALUES ('active', 1)")
    conn.execute(
        "INSERT INTO predictions (flower_id, model_version, predicted, proba_setosa, proba_versicolor, "
        "proba_virginica) SELECT id, 1, 'virginica', 0, 0, 1 FROM flowers WHERE day IS NOT NULL"
    )
    (folder / "models").mkdir()
    (folder / "models" / "knn-old.joblib").write_bytes(b"not loaded by this test")
    return Store(conn, path, folder / "models"), {"backfill": 5, "import": 2, "daily": 3, "predictions": 3}


def test_the_migration_counts_the_rows_already_stored(tmp_path):
    old, expected = _version_3_store(tmp_path / "v3")
    old.close()
    with Store.open(old.path, old.models_dir) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert stored_counts(store) == expected
        _assert_exact(store)
        assert set(COUNTED) == set(expected)


def test_restoring_a_backup_made_before_the_migration(store, tmp_path):
    old, expected = _version_3_store(tmp_path / "v3")
    archive = backups.write_archive(old, tmp_path / "before-the-migration.zip")
    old.close()
    flower_table.add_rows(store, [[5.0, 3.0, 1.5, 0.2]] * 4, ["setosa"] * 4, "import")
    backups.restore(archive, store.path, store.models_dir)
    # A connection opened before: the file is at version 3 again, without row_counts
    assert store.schema_version() == 3 and stored_counts(store) is None
    assert read_summary(store).flowers == (5, 2, 3)  # counted from the rows
    with Store.open(store.path, store.models_dir) as reopened:  # migrated again, counted
        assert reopened.schema_version() == SCHEMA_VERSION
        assert stored_counts(reopened) == expected
        flower_table.add_rows(reopened, [[5.0, 3.0, 1.5, 0.2]], ["setosa"], "backfill")
        _assert_exact(reopened)
    assert stored_counts(store) == {**expected, "backfill": 6}  # the old connection sees it too
