"""Benchmark: catching up a year of missed days against the bare minimum of work.

Run: `python tests/bench/bench_catchup.py` (the file is named bench_*.py so pytest does
not collect it; importing it runs nothing).

catch_up: a copy of a store with a trained, active model and 365 missed days (history
start 364 days before today, no daily flowers yet); timed is `catch_up(store, today)`
with a cold model cache, so the artifact is checksummed and loaded as on a fresh launch.

baseline, in the same process: numpy draws for 365 flowers, one `predict_proba` batch of
the already-fitted estimator, one `executemany` of 365 rows in one transaction into a
flowers table of the same shape in a file database with the same pragmas.

The last line printed is `catchup_365_ratio: X`: the cold catch-up (the path the CLI and
a launch take: the model's file read, checked and unpickled) over the baseline. The
warm figure (model already in memory) is printed too, as `catchup_365_warm_ratio`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DAYS = 365
REPS = 15
TODAY = dt.date(2026, 6, 15)


def build_template(root: Path, today: dt.date = TODAY) -> Path:
    """A first-run store, then its daily history removed and the start set a year back."""
    from iris_desktop.paths import DB_NAME
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.store import Store

    trained = root / "trained"
    with Store.open(trained / DB_NAME, trained / "models") as s:
        first_run(s, today=today)
    template = root / "template"
    shutil.copytree(trained, template)
    with Store.open(template / DB_NAME, template / "models") as s:
        with s.transaction() as conn:
            conn.execute("DELETE FROM predictions")
            conn.execute("DELETE FROM flowers WHERE source = 'daily'")
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'history_start'",
                ((today - dt.timedelta(days=DAYS - 1)).isoformat(),),
            )
        s.execute("VACUUM")
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return template


def time_catch_up(template: Path, work: Path, today: dt.date = TODAY, cold: bool = True) -> float:
    """cold: catch_up loads the active model itself (the CLI's `catch-up`). Warm: the
    model is already loaded, as in the app, which loads it at start-up to show it and
    hands it to catch_up (its file is still checksummed inside the timing)."""
    from iris_desktop.paths import DB_NAME
    from iris_desktop.pipelines import registry
    from iris_desktop.pipelines.inference import catch_up
    from iris_desktop.store import Store

    shutil.copytree(template, work)
    store = Store.open(work / DB_NAME, work / "models")
    try:
        registry._cache.clear()
        model = None if cold else registry.load_model(store)
        start = time.perf_counter()
        if model is not None:
            model = registry.load_model(store)  # the checksum check of a cached model
        summary = catch_up(store, today, model)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    assert summary.days_added == DAYS and summary.predictions_made == DAYS, summary
    return elapsed


def _baseline_db(path: Path) -> sqlite3.Connection:
    from iris_desktop.store.schema import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE imports (id INTEGER PRIMARY KEY)")
    # The flowers table as the store has it now (rebuilt by migration 2), and its day index.
    flowers_ddl = MIGRATIONS[1].split("CREATE TABLE flowers_v2", 1)[1].split(";", 1)[0]
    conn.execute("CREATE TABLE flowers" + flowers_ddl)
    conn.execute("CREATE UNIQUE INDEX flowers_by_day ON flowers (day) WHERE day IS NOT NULL")
    return conn


def time_baseline(estimator, path: Path, seed: int, today: dt.date = TODAY) -> float:
    import numpy as np

    conn = _baseline_db(path)
    days = [(today - dt.timedelta(days=DAYS - 1 - i)).isoformat() for i in range(DAYS)]
    low = np.array([[4.3, 2.3, 1.0, 0.1], [4.9, 2.0, 3.0, 1.0], [4.9, 2.2, 4.5, 1.4]])
    high = np.array([[5.8, 4.4, 1.9, 0.6], [7.0, 3.4, 5.1, 1.8], [7.9, 3.8, 6.9, 2.5]])
    names = np.array(["setosa", "versicolor", "virginica"])
    try:
        start = time.perf_counter()
        u = np.random.default_rng(seed).random((DAYS, 5))
        variety = np.minimum((u[:, 0] * 3).astype(int), 2)
        X = np.round(low[variety] + u[:, 1:] * (high[variety] - low[variety]), 1)
        estimator.predict_proba(X)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO flowers (sepal_length, sepal_width, petal_length, petal_width, variety, source, day) "
            "VALUES (?, ?, ?, ?, ?, 'daily', ?)",
            [(*x, v, d) for x, v, d in zip(X.tolist(), names[variety].tolist(), days)],
        )
        conn.execute("COMMIT")
        elapsed = time.perf_counter() - start
    finally:
        conn.close()
    return elapsed


def run(reps: int = REPS, verbose: bool = True) -> dict[str, float]:
    from iris_desktop.pipelines import registry
    from iris_desktop.store import Store

    with tempfile.TemporaryDirectory(prefix="iris-bench-") as tmp:
        root = Path(tmp)
        template = build_template(root)
        from iris_desktop.paths import DB_NAME

        with Store.open(template / DB_NAME, template / "models") as s:
            estimator = registry.load_model(s).estimator  # already fitted, for the baseline
        # warm-up (imports, first-call costs), not counted
        time_catch_up(template, root / "warm")
        time_baseline(estimator, root / "warm.sqlite3", 0)

        ours, cold, base = [], [], []
        for i in range(reps):
            jobs = [
                lambda i=i: ours.append(time_catch_up(template, root / f"rep{i}", cold=False)),
                lambda i=i: cold.append(time_catch_up(template, root / f"cold{i}")),
                lambda i=i: base.append(time_baseline(estimator, root / f"base{i}.sqlite3", i)),
            ]
            for job in jobs if i % 2 == 0 else jobs[::-1]:  # alternate which goes first
                job()
    result = {
        "catch_up_median_ms": statistics.median(ours) * 1000,
        "cold_median_ms": statistics.median(cold) * 1000,
        "baseline_median_ms": statistics.median(base) * 1000,
    }
    result["ratio"] = result["catch_up_median_ms"] / result["baseline_median_ms"]
    result["cold_ratio"] = result["cold_median_ms"] / result["baseline_median_ms"]
    if verbose:
        for label, runs in (
            (f"catch_up of {DAYS} days, model loaded (app)", ours),
            (f"catch_up of {DAYS} days, cold model load (CLI)", cold),
            ("baseline (numpy draws + one predict_proba + one executemany)", base),
        ):
            print(
                f"{label}, {reps} reps: median {statistics.median(runs) * 1000:.2f} ms "
                f"(min {min(runs) * 1000:.2f}, max {max(runs) * 1000:.2f})"
            )
        print(f"catchup_365_warm_ratio: {result['ratio']:.2f}")
        print(f"catchup_365_ratio: {result['cold_ratio']:.2f}")
    return result


if __name__ == "__main__":
    run()
