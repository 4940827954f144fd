"""Benchmark: loading a model file in the skops format, every check included, against
joblib.load of the same payload (what version 0.1 did, and no check at all).

Run: `python tests/bench/bench_model_load.py [reps]` (named bench_*.py so pytest does not
collect it; importing it runs nothing).

A store with the bundled 150 flowers and one model of each algorithm at its defaults
(the forest: 100 trees), unscaled and scaled. Timed, with the model cache emptied before
each load: `registry.load_model(store, version)`, i.e. the file read, its SHA-256
checked, its zip headers, arrays and schema checked, skops building it with the trusted
types, the estimator's arrays checked (KNN re-fitted, the forest's trees built from
checked arrays) and one prediction checked. Baseline, in the same run: joblib.load of
the same payload from memory (no file read, no hash, no check).

Printed per algorithm (`_std`: in a scaling Pipeline): model_file_kb_<algo>,
model_load_ms_<algo> (median), model_load_joblib_ratio_<algo>; and skops_import_ms, the
one-off cost of the first load in a process (a worker pays it, never the first paint).
Goal: model_load_ms_<algo> <= 100 for every algorithm.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL_MS = 100.0


def median_ms(action, reps: int) -> float:
    times = []
    for _ in range(reps):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def skops_import_ms() -> float:
    code = "import sklearn, time; t = time.perf_counter(); import skops.io; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout) * 1000


def main(reps: int = 30) -> int:
    import joblib

    from iris_desktop.pipelines import registry
    from iris_desktop.pipelines.backfill import backfill
    from iris_desktop.pipelines.training import TrainingConfig, train
    from iris_desktop.store import Store

    print(f"skops_import_ms: {skops_import_ms():.0f}")
    over = []
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "iris.sqlite3") as store:
        backfill(store)
        for standardize in (False, True):
            for algorithm in ("knn", "logreg", "tree", "forest", "svm"):
                record = train(store, TrainingConfig(algorithm, standardize=standardize), activate=False)
                name = algorithm + ("_std" if standardize else "")
                size = (store.models_dir / record.artifact).stat().st_size

                def load(version=record.version):
                    registry._cache.clear()
                    return registry.load_model(store, version)

                model = load()  # warm: imports done
                payload = registry.training_payload(
                    algorithm, model.estimator, model.X_train, model.y_train, model.X_test, model.y_test
                )
                buffer = io.BytesIO()
                joblib.dump(payload, buffer)
                pickled = buffer.getvalue()
                joblib.load(io.BytesIO(pickled))
                skops_ms = median_ms(load, reps)
                joblib_ms = median_ms(lambda data=pickled: joblib.load(io.BytesIO(data)), reps)
                print(f"model_file_kb_{name}: {size / 1000:.1f}")
                print(f"model_load_ms_{name}: {skops_ms:.1f}")
                print(f"model_load_joblib_ratio_{name}: {skops_ms / joblib_ms:.1f}")
                if skops_ms > GOAL_MS:
                    over.append(name)
        registry._cache.clear()
    print(f"model_load_goal_ms: {GOAL_MS:.0f} ({'met' if not over else 'over: ' + ', '.join(over)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
