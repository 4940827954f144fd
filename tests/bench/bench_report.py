"""Benchmark: the lab report of ten years of days with five models, as `report --out
FILE.html` makes it in-process (numbers gathered from the store, the tabs' plot widgets
drawn offscreen, the HTML written), against the floor of the same run: the bare reads
of the history and the flowers (what any report must read).

Run: `QT_QPA_PLATFORM=offscreen python tests/bench/bench_report.py [reps]`.
Prints `report_3650_ms` (goal <= 3000) and `report_floor_ratio`.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TODAY = dt.date(2026, 6, 15)
DAYS = 3650
ALGORITHMS = ("logreg", "tree", "forest", "svm")  # with the first run's KNN: five models


def make_store(folder: Path):
    from iris_desktop.pipelines.inference import first_run
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store import Store

    store = Store.open(folder / "iris.sqlite3", folder / "models")
    first_run(store, TODAY, history_days=DAYS - 1)
    for key in ALGORITHMS:
        train(store, TrainingConfig(key), activate=False)
    return store


def main(reps: int = 3) -> None:
    from iris_desktop.pipelines import monitoring
    from iris_desktop.pipelines.report_data import gather
    from iris_desktop.store import flowers
    from iris_desktop.ui.app import application
    from iris_desktop.ui.report.export import write_report

    application()
    with tempfile.TemporaryDirectory(prefix="bench-report-") as temp:
        store = make_store(Path(temp))
        days = len(monitoring.history_columns(store, end=TODAY))
        assert days == DAYS, days
        write_report(gather(store, TODAY), Path(temp) / "warm.html")  # imports and first-call costs
        made, floor = [], []
        for i in range(reps):
            start = time.perf_counter()
            write_report(gather(store, TODAY), Path(temp) / f"r{i}.html")
            made.append(time.perf_counter() - start)
            start = time.perf_counter()
            monitoring.history_columns(store, end=TODAY)
            flowers.flower_columns(store)
            floor.append(time.perf_counter() - start)
        store.close()
    report_ms, floor_ms = statistics.median(made) * 1e3, statistics.median(floor) * 1e3
    print(f"report of {DAYS} days, 5 models: median {report_ms:.0f} ms ({', '.join(f'{t * 1e3:.0f}' for t in made)})")
    print(f"report_3650_ms: {report_ms:.0f}")
    print(f"report_floor_ratio: {report_ms / floor_ms:.1f}")
    print("goal: report_3650_ms <= 3000")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
