"""Any bytes at all, imported into a real store: the import either stores every row of
the file as one batch or raises the typed import error, and then the store is exactly
as it was (compared row by row, not by file bytes)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.csv_reader import CsvImportError
from iris_desktop.pipelines.imports import AlreadyImportedError, ImportOptions, import_csv
from iris_desktop.store import Store
from tests.pipelines.test_csv_reader import _CSVISH, _ROWISH, CANONICAL

_names = itertools.count()
_CM = st.floats(0.1, 7.9).map(lambda v: f"{v:.1f}")
_PLAUSIBLE = st.lists(
    st.tuples(_CM, _CM, _CM, _CM, st.sampled_from(["setosa", "Iris-versicolor", "virginica"])), min_size=1, max_size=20
).map(lambda rows: (CANONICAL + "\n" + "\n".join(",".join(r) for r in rows)).encode())


def dump(store: Store) -> tuple:
    return (
        store.execute("SELECT * FROM flowers ORDER BY id").fetchall(),
        store.execute("SELECT * FROM imports ORDER BY id").fetchall(),
        store.execute("SELECT * FROM meta ORDER BY key").fetchall(),
    )


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One store for all examples (a fresh one each would dominate the run)."""
    folder = tmp_path_factory.mktemp("property-store")
    with Store.open(folder / "iris.sqlite3") as store:
        backfill(store)
        yield store, folder


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=600), _CSVISH, _ROWISH, _PLAUSIBLE), st.booleans())
def test_any_bytes_import_whole_or_not_at_all(shared, data, accept_outliers):
    store, folder = shared
    path = folder / f"any-{next(_names)}.csv"
    path.write_bytes(data)
    before = dump(store)
    try:
        result = import_csv(store, path, options=ImportOptions(accept_outliers=accept_outliers, again=True))
    except (CsvImportError, AlreadyImportedError) as error:
        assert str(error)  # says what and where
        assert dump(store) == before
        event("refused")
        return
    event("imported")
    flowers, batches, _ = dump(store)
    assert flowers[: len(before[0])] == before[0]  # nothing stored before was touched
    assert len(flowers) - len(before[0]) == result.added == sum(result.counts.values())
    # One batch (rows that repeat stored flowers are skipped); none when nothing is new.
    assert len(batches) == len(before[1]) + (result.added > 0)
    assert (result.batch is None) == (result.added == 0)
    last_id = before[0][-1][0]
    batch_ids = {r[0] for r in store.execute("SELECT import_id FROM flowers WHERE id > ?", (last_id,))}
    assert batch_ids <= {batches[-1][0]}
