"""Benchmark: what recording a run costs an operation, and the reads the Pipelines tab
needs, on a store holding 10,000 runs (KEEP, the most kept whole).

Run: `python tests/bench/bench_runs.py [reps]` (named bench_*.py: pytest does not
collect it).

- run_record_overhead_ms: `with recorded(store, "backfill"): pass`, the 'running' row
  and the outcome, two commits (WAL, synchronous=NORMAL, as the app runs); median.
  Baseline: one committed one-row write (a meta upsert) on the same store. Goal: <= 1 ms.
- run_fold_ms: the write that folds the oldest 500 runs into run_days (once in 500 runs).
- last_per_pipeline_ms / recent_50_ms / recent_failed_50_ms / recent_import_50_ms: the
  tab's reads; baseline for the first: the same answer from a GROUP BY over every run.
  Goal: a few ms.
- sweep_ms: what every Store.open pays to look for interrupted runs (none running).

Prints `name: value` lines; ratios are over the baseline of the same run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PIPELINES = ("backfill", "import", "catch-up", "training", "activation", "backup", "restore", "import-removal")


def fill(store, n: int) -> None:
    """n finished runs, oldest first, a failure in every 50."""
    from iris_desktop.store import process_identity

    process = process_identity.current()
    rows = [
        (
            f"bench-{i}",
            PIPELINES[i % len(PIPELINES)],
            "scheduler" if i % 3 else "app",
            "failed" if i % 50 == 7 else "ok",
            f"2026-{1 + i // 2000:02d}-{1 + i % 28:02d}T00:05:00.000Z",
            f"2026-{1 + i // 2000:02d}-{1 + i % 28:02d}T00:05:01.000Z",
            i,
            i,
            1,
            None,
            "bench",
            process,
        )
        for i in range(n)
    ]
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO runs (token, pipeline, trigger, outcome, started, ended, rows_in, rows_out, model_version, "
            "import_id, message, process) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def median_ms(work: Callable[[], object], reps: int) -> float:
    work()  # warm: statements prepared, pages cached
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(reps: int = 200) -> None:
    from iris_desktop.pipelines.runs import recorded
    from iris_desktop.store import Store
    from iris_desktop.store import runs as run_table
    from iris_desktop.store.interrupted_runs import close_interrupted

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "iris.sqlite3", Path(folder) / "models")
        fill(store, run_table.KEEP)

        def record() -> None:
            with recorded(store, "backfill"):
                pass

        def baseline_write() -> None:
            store.set_meta("bench", str(time.perf_counter()))

        # Alternate so both see the same noise; the store stays under the fold threshold.
        overhead, write = [], []
        for _ in range(max(1, reps // 20)):
            overhead.append(median_ms(record, 10))
            write.append(median_ms(baseline_write, 10))
        run_ms, write_ms = statistics.median(overhead), statistics.median(write)
        print(f"run_record_overhead_ms: {run_ms:.3f} (goal <= 1)")
        print(f"one_row_commit_ms (baseline): {write_ms:.3f}")
        print(f"run_record_ratio: {run_ms / write_ms:.2f}")

        fold_ms = 0.0
        while not store.execute("SELECT EXISTS (SELECT 1 FROM run_days)").fetchone()[0]:
            start = time.perf_counter()
            record()  # the one that folds is the last timed
            fold_ms = (time.perf_counter() - start) * 1000
        folded = store.execute("SELECT SUM(runs) FROM run_days").fetchone()[0]
        kept = store.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
        print(f"run_fold_ms (once in {run_table.FOLD_EVERY} runs): {fold_ms:.2f} ({folded} folded, {kept} kept)")

        def scan_last() -> object:
            return store.execute(
                "SELECT * FROM runs WHERE id IN (SELECT MAX(id) FROM runs GROUP BY pipeline)"
            ).fetchall()

        last_ms = median_ms(lambda: run_table.last_per_pipeline(store), reps)
        scan_ms = median_ms(scan_last, reps)
        print(f"last_per_pipeline_ms: {last_ms:.3f} (goal: a few ms)")
        print(f"last_per_pipeline_group_by_scan_ms (baseline): {scan_ms:.3f}")
        print(f"last_per_pipeline_ratio: {last_ms / scan_ms:.2f}")
        print(f"recent_50_ms: {median_ms(lambda: run_table.recent(store, 50), reps):.3f}")
        print(f"recent_failed_50_ms: {median_ms(lambda: run_table.recent(store, 50, failed=True), reps):.3f}")
        print(f"recent_import_50_ms: {median_ms(lambda: run_table.recent(store, 50, 'import'), reps):.3f}")
        print(f"sweep_ms: {median_ms(lambda: close_interrupted(store.conn, store.timeout), reps):.4f}")
        store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
