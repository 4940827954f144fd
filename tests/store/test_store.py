"""The per-user SQLite store: schema, migrations, refusal of unusable files, transactions."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from iris_desktop import paths
from iris_desktop.domain import Flower, Variety
from iris_desktop.store import SCHEMA_VERSION, CorruptDatabaseError, NewerSchemaError, Store, StoreError, open_store
from iris_desktop.store import flowers as flower_table
from tests.conftest import stored_flowers

TABLES = {"meta", "flowers", "models", "model_aliases", "predictions"}
SETOSA = Flower(5.1, 3.5, 1.4, 0.2, Variety.SETOSA)
VIRGINICA = Flower(6.3, 3.3, 6.0, 2.5, Variety.VIRGINICA)


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _flower_count(store) -> int:
    return store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0]


def test_new_file_is_created_and_migrated(tmp_path):
    path = tmp_path / "nested" / "folder" / "iris.sqlite3"
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert _tables(s.conn) >= TABLES
        assert s.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.models_dir == path.parent / "models"
        seed = s.installation_seed()
        assert 0 <= seed < 2**31
    # an independent connection sees the same facts on disk
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert _tables(raw) >= TABLES
    finally:
        raw.close()


def test_migrates_an_existing_empty_file(tmp_path):
    path = tmp_path / "iris.sqlite3"
    path.write_bytes(b"")
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert _tables(s.conn) >= TABLES


def test_reopening_keeps_data_and_seed(tmp_path):
    path = tmp_path / "iris.sqlite3"
    with Store.open(path) as s:
        flower_table.add_flowers(s, [SETOSA, VIRGINICA], "import")
        s.set_meta("colour", "blue")
        seed = s.installation_seed()
    with Store.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert stored_flowers(s) == [SETOSA, VIRGINICA]
        assert s.meta("colour") == "blue"
        assert s.installation_seed() == seed  # chosen once per installation


def test_open_store_uses_data_dir(tmp_path):
    paths.set_data_dir(tmp_path / "portable")
    with open_store() as s:
        assert s.path == tmp_path / "portable" / paths.DB_NAME
        assert s.models_dir == tmp_path / "portable" / "models"
    assert (tmp_path / "portable" / paths.DB_NAME).is_file()


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_newer_schema_is_refused_and_left_unchanged(tmp_path, journal):
    path = tmp_path / "iris.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE future (x)")
    conn.execute("INSERT INTO future VALUES (42)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer"):
        Store.open(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert _tables(conn) == {"future"}
    conn.close()


def test_garbage_file_is_corrupt_and_left_alone(tmp_path):
    path = tmp_path / "iris.sqlite3"
    garbage = b"this is not a database, just some text " * 200
    path.write_bytes(garbage)
    with pytest.raises(CorruptDatabaseError) as info:
        Store.open(path)
    assert isinstance(info.value, StoreError)
    assert str(path) in str(info.value)
    assert path.read_bytes() == garbage


def test_unwritable_folder_is_a_store_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        Store.open(blocker / "sub" / "iris.sqlite3")


def test_failed_transaction_rolls_back_everything(store):
    flower_table.add_flowers(store, [SETOSA], "backfill")
    with pytest.raises(RuntimeError, match="boom"), store.transaction() as conn:
        conn.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
        flower_table.add_flowers(store, [VIRGINICA] * 3, "import")  # nested: joins
        assert _flower_count(store) == 4  # visible inside the transaction
        raise RuntimeError("boom")
    assert _flower_count(store) == 1
    assert store.meta("k") is None
    # the connection is usable afterwards, and not stuck in a transaction
    assert not store.conn.in_transaction
    flower_table.add_flowers(store, [VIRGINICA], "import")
    assert _flower_count(store) == 2


def test_constraint_failure_inside_batch_rolls_back(store):
    with pytest.raises(sqlite3.IntegrityError):
        flower_table.add_daily_flowers(store, [dt.date(2026, 1, 1), dt.date(2026, 1, 1)], [SETOSA, SETOSA])
    assert _flower_count(store) == 0


def test_nested_transactions_join_the_outer_one(store):
    with store.transaction():
        with store.transaction():
            store.set_meta("inner", "1")  # set_meta opens its own (nested) transaction
        assert store.conn.in_transaction  # the inner exit did not commit
        # a second connection does not see uncommitted work
        other = sqlite3.connect(store.path)
        try:
            assert other.execute("SELECT COUNT(*) FROM meta WHERE key = 'inner'").fetchone()[0] == 0
        finally:
            other.close()
    assert not store.conn.in_transaction
    assert store.meta("inner") == "1"


def test_error_in_nested_transaction_undoes_the_outer_work(store):
    with pytest.raises(ValueError), store.transaction():
        store.set_meta("outer", "1")
        with store.transaction():
            store.set_meta("inner", "1")
            raise ValueError("inner failure")
    assert store.meta("outer") is None and store.meta("inner") is None


def test_schema_checks_reject_bad_rows(store):
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source) "
            "VALUES (5, 3, 1, 0.2, 'rose', 'import')"
        )
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:  # a daily flower needs its day
        conn.execute(
            "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source) "
            "VALUES (5, 3, 1, 0.2, 'setosa', 'daily')"
        )
    with pytest.raises(ValueError, match="add_daily_flowers"):
        flower_table.add_flowers(store, [SETOSA], "daily")
    with pytest.raises(ValueError, match="needs its variety"):
        flower_table.add_flowers(store, [Flower(5.1, 3.5, 1.4, 0.2)], "import")
    assert _flower_count(store) == 0


def test_flower_queries(store):
    flower_table.add_flowers(store, [SETOSA, VIRGINICA], "backfill")
    ids = flower_table.add_daily_flowers(store, [dt.date(2026, 1, 2), dt.date(2026, 1, 1)], [VIRGINICA, SETOSA])
    assert ids == [3, 4]
    assert flower_table.count_by_source(store) == {"backfill": 2, "import": 0, "daily": 2}
    assert flower_table.last_daily_day(store) == dt.date(2026, 1, 2)
    assert [r.day for r in flower_table.daily_flowers(store)] == [dt.date(2026, 1, 1), dt.date(2026, 1, 2)]
    assert flower_table.daily_flower(store, dt.date(2026, 1, 1)).flower == SETOSA
    assert flower_table.daily_flower(store, dt.date(2025, 1, 1)) is None
    columns = flower_table.flower_columns(store)
    assert columns.id.tolist() == [1, 2, 3, 4]
    assert columns.X.tolist() == [
        list(SETOSA.measurements),
        list(VIRGINICA.measurements),
        list(VIRGINICA.measurements),
        list(SETOSA.measurements),
    ]
    assert columns.variety.tolist() == [0, 2, 2, 0]
    assert columns.source.tolist() == [0, 0, 2, 2]
    assert columns.day[:2].tolist() == [None, None]
    assert columns.day[2:].astype(object).tolist() == [dt.date(2026, 1, 2), dt.date(2026, 1, 1)]
    only = flower_table.flower_columns(store, ("daily",), start=dt.date(2026, 1, 2))
    assert only.id.tolist() == [3]
    X, y = flower_table.feature_matrix(store, ("backfill",))
    assert X.shape == (2, 4) and y.tolist() == [0, 2]
    with pytest.raises(ValueError):
        flower_table.flower_columns(store, ("nowhere",))
    with pytest.raises(ValueError):
        flower_table.flower_columns(store, ())


def test_a_locked_database_is_not_called_corrupt(tmp_path):
    import sqlite3

    from iris_desktop.store import CorruptDatabaseError, StoreError

    path = tmp_path / "iris.sqlite3"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="in use by another program") as caught:
            Store.open(path, timeout=0.2)
        assert not isinstance(caught.value, CorruptDatabaseError)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as store:  # untouched and usable once released
        assert store.installation_seed() > 0


def test_a_failed_commit_rolls_back_and_leaves_the_store_usable(store):
    """A deferred foreign key is checked at COMMIT: the commit fails, nothing is kept,
    and the next transaction works (the connection is not stuck inside the failed one)."""
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        flower_table.add_flowers(store, [SETOSA], "import")
        conn.execute("INSERT INTO model_aliases (alias, version) VALUES ('active', 999)")
    assert not store.conn.in_transaction
    assert flower_table.count_by_source(store)["import"] == 0
    flower_table.add_flowers(store, [VIRGINICA], "import")
    assert flower_table.count_by_source(store)["import"] == 1


def test_data_version_moves_with_other_connections_commits(store):
    before = store.data_version()
    with Store.open(store.path) as other:
        flower_table.add_flowers(other, [SETOSA], "import")
    assert store.data_version() != before
