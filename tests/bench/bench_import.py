"""Importing a 200,000-row CSV file against `pandas.read_csv` of the same file, in one run.

- baseline: pandas.read_csv of the file alone;
- preview: what File ▸ Import does before the dialog shows (read once, validate, look
  for millimetres, implausible values and duplicates of the stored flowers);
- import: the whole import as the CLI runs it (preview + one transaction inserting
  every row as a batch), into a store that holds the bundled set.
Medians of N rounds (each import into a fresh copy of the store). Prints
`import_200k_ratio: X` (import over read_csv; the issue's goal is <= 3.0).

Run: python tests/bench/bench_import.py [rounds]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402


def main(rounds: int = 5) -> None:
    import pandas as pd

    from iris_desktop.pipelines.backfill import backfill
    from iris_desktop.pipelines.imports import ImportOptions, import_csv, preview
    from iris_desktop.store import Store

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        csv = work / "big.csv"
        rng = np.random.default_rng(7)
        n = 200_000
        base = np.array([[5.0, 3.4, 1.5, 0.25], [5.9, 2.8, 4.3, 1.3], [6.6, 3.0, 5.6, 2.0]])
        y = rng.integers(0, 3, n)
        X = np.maximum(0.1, np.round(base[y] + rng.normal(0, 0.3, (n, 4)), 2))
        names = np.array(["setosa", "versicolor", "virginica"])[y]
        frame = pd.DataFrame(X, columns=["sepal_length", "sepal_width", "petal_length", "petal_width"])
        frame["variety"] = names
        frame.to_csv(csv, index=False)
        template = work / "template"
        with Store.open(template / "iris.sqlite3", template / "models") as store:
            backfill(store)
            store.execute("PRAGMA wal_checkpoint(TRUNCATE)")

        times = {"read_csv": [], "preview": [], "import": []}
        for i in range(rounds):
            start = time.perf_counter()
            pd.read_csv(csv)
            times["read_csv"].append(time.perf_counter() - start)

            folder = work / f"store-{i}"
            shutil.copytree(template, folder)
            with Store.open(folder / "iris.sqlite3", folder / "models") as store:
                start = time.perf_counter()
                seen = preview(store, csv)
                times["preview"].append(time.perf_counter() - start)
                start = time.perf_counter()
                result = import_csv(store, csv, options=ImportOptions(accept_outliers=True))
                times["import"].append(time.perf_counter() - start)
            assert seen.rows == n and result.added + result.skipped_duplicates == n, result
            shutil.rmtree(folder)
        med = {k: statistics.median(v) * 1000 for k, v in times.items()}
        for key, value in med.items():
            print(f"{key:9} median {value:8.1f} ms  ({n:,} rows)")
        print(f"import_200k_ms: {med['import']:.0f}")
        print(f"import_preview_200k_ms: {med['preview']:.0f}")
        print(f"import_200k_ratio: {med['import'] / med['read_csv']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
