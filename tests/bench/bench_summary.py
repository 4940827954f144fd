"""Benchmark: the store summary the app reads after every commit, at 200,000 flowers and
200,000 predictions, against the same reads counting the rows (as before migration 4),
measured in the same run; and what the row_counts triggers cost a bulk insert.

Run: `python tests/bench/bench_summary.py [reps]` (named bench_*.py: pytest does not
collect it).

- summary: `read_summary` on a store of 198,000 imported and 2,000 daily flowers, 100
  model versions each predicting every day (200,000 predictions); median of many reads.
  Baseline: the old read (`GROUP BY source` over flowers, `COUNT(*)` of predictions, the
  rest alike). Goal: summary_200k_ms <= 5.
- trigger overhead: 200,000 flowers inserted with `flowers.add_rows` inside a
  transaction (nested, as an import does it), in fresh stores with and without the
  row_counts triggers (dropped on the open connection), alternately; medians. Also the
  insert as it was before (one statement per row, no triggers).
- daily read: `unpredicted_daily_count` on the day index against the old `source =
  'daily'` form of the same query.

Prints `name: value` lines; the ratios are over the baseline of the same run.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from itertools import repeat
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

FLOWERS = 200_000
DAYS = 2_000
VERSIONS = 100  # x DAYS = 200,000 predictions
READS = 200
COUNT_TRIGGERS = (
    "flowers_counted_on_insert",
    "flowers_counted_on_delete",
    "flowers_counted_on_update",
)


def _measurements(n: int, seed: int) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    X = np.round(rng.uniform([4.5, 2.2, 1.2, 0.2], [7.5, 4.2, 6.5, 2.4], size=(n, 4)), 2)
    names = np.array(["setosa", "versicolor", "virginica"])[rng.integers(0, 3, n)].tolist()
    return X, names


def build_store(folder: Path):
    """The 200,000 flowers and 200,000 predictions store (see the module's docstring)."""
    from iris_desktop.store import Store
    from iris_desktop.store import flowers as flower_table
    from iris_desktop.store import predictions as prediction_table

    store = Store.open(folder / "iris.sqlite3", folder / "models")
    X, names = _measurements(FLOWERS - DAYS, 1)
    flower_table.add_rows(store, X, names, "import")
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(DAYS)]
    X, names = _measurements(DAYS, 2)
    ids = flower_table.add_daily_rows(store, days, X.tolist(), names)
    with store.transaction() as conn:
        for v in range(1, VERSIONS + 1):
            conn.execute(
                "INSERT INTO models (algorithm, params, standardize, sources, n_rows, data_fingerprint, split_seed, "
                "test_fraction, metrics, library_versions, artifact, sha256) "
                "VALUES ('knn', '{}', 0, '[]', 0, '', 0, 0.2, '{}', '{}', ?, '')",
                (f"bench-{v}.joblib",),
            )
            prediction_table.add_predictions(store, v, [(i, "setosa", (1.0, 0.0, 0.0)) for i in ids])
        conn.execute("INSERT INTO model_aliases (alias, version) VALUES ('active', ?)", (VERSIONS,))
    return store


def old_read_summary(store):
    """read_summary as it was before migration 4 (counting the rows), for the baseline."""
    from iris_desktop.store.flowers import SOURCES
    from iris_desktop.store.registry import ACTIVE

    with store.read():
        counts = dict(store.execute("SELECT source, COUNT(*) FROM flowers GROUP BY source").fetchall())
        last_id, last_day = store.execute(
            "SELECT COALESCE(MAX(id), 0), (SELECT MAX(day) FROM flowers WHERE day IS NOT NULL) FROM flowers"
        ).fetchone()
        predictions = store.execute("SELECT COUNT(*) FROM predictions").fetchone()[0]
        versions = tuple(v for (v,) in store.execute("SELECT version FROM models ORDER BY version"))
        active = store.execute(
            "SELECT m.version, m.sha256 FROM model_aliases a JOIN models m ON m.version = a.version WHERE a.alias = ?",
            (ACTIVE,),
        ).fetchone()
        generator = store.meta("daily_settings")
    return tuple(counts.get(s, 0) for s in SOURCES), last_id, last_day, predictions, versions, active, generator


def _median_ms(fn, reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def time_insert(folder: Path, triggers: bool, one_per_statement: bool = False) -> float:
    """200,000 flowers inserted in a fresh store, inside a transaction (as an import)."""
    from iris_desktop.store import Store
    from iris_desktop.store import flowers as flower_table
    from iris_desktop.store.database import utc_now

    X, names = _measurements(FLOWERS, 3)
    with Store.open(folder / "iris.sqlite3", folder / "models") as store:
        if not triggers:
            for name in COUNT_TRIGGERS:
                store.execute(f"DROP TRIGGER {name}")
        start = time.perf_counter()
        with store.transaction() as conn:
            if one_per_statement:  # the insert as it was: executemany, one statement per row
                columns = X.T.tolist()
                conn.executemany(
                    "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source, "
                    "import_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    zip(*columns, names, repeat("import"), repeat(None), repeat(utc_now())),
                )
            else:
                flower_table.add_rows(store, X, names, "import")
        elapsed = time.perf_counter() - start
        count = store.execute("SELECT COUNT(*) FROM flowers").fetchone()[0]
    assert count == FLOWERS
    return elapsed * 1000


def main(reps: int = 3) -> None:
    from iris_desktop.store import predictions as prediction_table
    from iris_desktop.store.flowers import SOURCES
    from iris_desktop.store.summary import read_summary

    with tempfile.TemporaryDirectory(prefix="iris-bench-summary-") as tmp:
        root = Path(tmp)
        store = build_store(root / "big")
        try:
            new, old = read_summary(store), old_read_summary(store)
            assert (new.flowers, new.predictions) == (old[0], old[3]) == ((0, FLOWERS - DAYS, DAYS), FLOWERS), new
            assert SOURCES == ("backfill", "import", "daily")
            summary_ms = _median_ms(lambda: read_summary(store), READS)
            old_ms = _median_ms(lambda: old_read_summary(store), max(10, READS // 10))
            unpredicted_old = (
                "SELECT COUNT(*) FROM flowers f WHERE f.source = 'daily' AND NOT EXISTS "
                "(SELECT 1 FROM predictions p WHERE p.flower_id = f.id)"
            )
            daily_ms = _median_ms(lambda: prediction_table.unpredicted_daily_count(store), 50)
            daily_old_ms = _median_ms(lambda: store.execute(unpredicted_old).fetchone(), 50)
        finally:
            store.close()

        inserts: dict[str, list[float]] = {"triggers": [], "none": [], "old": []}
        for i in range(reps):  # alternately, so that a noisy moment hits all alike
            inserts["triggers"].append(time_insert(root / f"t{i}", triggers=True))
            inserts["none"].append(time_insert(root / f"n{i}", triggers=False))
            inserts["old"].append(time_insert(root / f"o{i}", triggers=False, one_per_statement=True))
        insert = {k: statistics.median(v) for k, v in inserts.items()}

    print(f"summary_200k_ms: {summary_ms:.2f}  (goal <= 5)")
    print(f"summary_200k_old_ms: {old_ms:.1f}  (counting the rows, as before migration 4)")
    print(f"summary_200k_ratio: {summary_ms / old_ms:.3f}")
    print(f"insert_200k_ms: {insert['triggers']:.0f}  (flowers.add_rows, with the row_counts triggers)")
    print(f"insert_200k_no_triggers_ms: {insert['none']:.0f}")
    print(f"trigger_overhead_200k_ms: {insert['triggers'] - insert['none']:.0f}")
    print(f"trigger_overhead_ratio: {insert['triggers'] / insert['none']:.2f}")
    print(f"insert_200k_before_ms: {insert['old']:.0f}  (one statement per row, no triggers: the insert before)")
    print(f"daily_query_200k_ms: {daily_ms:.2f}  (unpredicted_daily_count, on the day index)")
    print(f"daily_query_200k_old_ms: {daily_old_ms:.2f}  (source = 'daily': a scan)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
