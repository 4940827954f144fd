"""Benchmark: catching up a year of missed days.

Run: `python tests/bench/bench_catchup.py` (the file is named bench_*.py so pytest does
not collect it; importing it runs nothing).

A copy of a store with a trained, active model and 365 missed days (history start 364
days before today, no daily flowers yet); timed is `catch_up(store, today)`:
- cold: the model cache empty, so the artifact is checksummed and loaded as on a fresh
  launch (the CLI's path): `catchup_365_ms`;
- warm: the model already loaded, as the app has it: `catchup_365_warm_ms`.
Absolute figures only: the ratio to a hand-written minimal loop (numpy draws, one
predict_proba, one executemany) measured noise at 8 ms and is retired (issue 25). Ten
years in a fresh process: tests/bench/bench_scale.py (`catchup_3650_ms`).
"""

from __future__ import annotations

import datetime as dt
import shutil
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


def run(reps: int = REPS, verbose: bool = True) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="iris-bench-") as tmp:
        root = Path(tmp)
        template = build_template(root)
        time_catch_up(template, root / "warm-up")  # imports, first-call costs: not counted
        warm, cold = [], []
        for i in range(reps):
            warm.append(time_catch_up(template, root / f"warm{i}", cold=False))
            cold.append(time_catch_up(template, root / f"cold{i}"))
    result = {"cold_ms": statistics.median(cold) * 1000, "warm_ms": statistics.median(warm) * 1000}
    if verbose:
        for label, runs in (("model loaded (app)", warm), ("cold model load (CLI)", cold)):
            print(
                f"catch_up of {DAYS} days, {label}, {reps} reps: median {statistics.median(runs) * 1000:.2f} ms "
                f"(min {min(runs) * 1000:.2f}, max {max(runs) * 1000:.2f})"
            )
        print(f"catchup_365_warm_ms: {result['warm_ms']:.1f}")
        print(f"catchup_365_ms: {result['cold_ms']:.1f}")
    return result


if __name__ == "__main__":
    run()
