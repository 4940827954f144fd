"""Scale: a million flowers, ten years missed, a hundred years of days (issue 25).

Each figure beside the bare floor it names, measured in the same run:
- import of a 1,000,000-row CSV (the CLI's path: read, check, store as one batch) in a
  fresh process, with its progress counted and its peak RSS; then the same import
  cancelled half-way through its write, which must leave the store as it was;
  `import_1m_s` (goal <= 8), `import_1m_peak_mb` (goal <= 1,000).
- `import_floor_ratio`: an import of 200,000 rows over the floor of the same work done by
  hand: pandas.read_csv plus one executemany into a table of the flowers' schema, indexes
  and row-count trigger (goal <= 1.3); medians of ROUNDS.
- `catchup_3650_ms`: ten years of missed days caught up in a fresh process, the active
  model's file read and checked inside the timing (goal <= 1,000); the app's modules
  compiled, as installed (a first, uncounted run writes their bytecode).
- `history_first_draw_36500_ms`: the History tab built, shown and painted on a hundred
  years of predicted days (goal <= 500), beside a bare pyqtgraph plot of as many points
  (tests/bench/bench_history.py --days 36500, run as a child process).
- `explore_first_draw_1m_ms` (goal <= 1,500), `explore_brush_1m_ms` (goal <= 150) and
  `explore_redraw_stall_1m_ms` (new flowers taken in, the longest turn; goal <= 33):
  tests/bench/bench_explore.py at 1,000,000 flowers, run as a child process.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_scale.py [--skip explore,history]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

ROUNDS = 3
TODAY = dt.date(2026, 6, 15)
COLUMNS = ("sepal_length", "sepal_width", "petal_length", "petal_width")


def write_csv(path: Path, n: int, seed: int = 7) -> None:
    """n plausible flowers (the bundled set resampled with noise, one decimal)."""
    import numpy as np
    import pandas as pd

    from iris_desktop import paths

    base = pd.read_csv(paths.resource("iris.csv"))
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(base), n)
    X = np.round(np.clip(base[list(COLUMNS)].to_numpy()[pick] + rng.normal(0, 0.12, (n, 4)), 0.1, None), 1)
    frame = pd.DataFrame(X, columns=list(COLUMNS))
    frame["variety"] = base["variety"].to_numpy()[pick]
    frame.to_csv(path, index=False)


# ---- one import in a fresh process (peak RSS is its own) -------------------------------------

CHILD_IMPORT = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.imports import ImportOptions, import_file
from iris_desktop.errors import Cancelled
from iris_desktop.store import Store

folder, csv, cancel_at = Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
with Store.open(folder / "iris.sqlite3", folder / "models") as store:
    backfill(store)
    before = store.execute("SELECT COUNT(*), MAX(id) FROM flowers").fetchone()
    seen = []
    def progress(done, total):
        seen.append(done / total)
    def should_cancel():
        return bool(seen) and seen[-1] >= cancel_at
    start = time.perf_counter()
    try:
        options = ImportOptions(accept_outliers=True)  # noise makes a few implausible flowers
        result = import_file(store, csv, lambda preview: options, progress, should_cancel)
        outcome, added = "finished", result.added
    except Cancelled:
        outcome, added = "cancelled", 0
    elapsed = time.perf_counter() - start
    after = store.execute("SELECT COUNT(*), MAX(id) FROM flowers").fetchone()
    batches = store.execute("SELECT COUNT(*) FROM imports").fetchone()[0]
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
print(json.dumps(dict(s=elapsed, peak_mb=peak, outcome=outcome, added=added, updates=len(seen),
                      unchanged=list(before) == list(after) and batches == 0)))
"""


def import_in_child(work: Path, csv: Path, cancel_at: float = 2.0) -> dict:
    folder = work / f"import-{time.monotonic_ns()}"
    folder.mkdir()
    out = subprocess.run(
        [sys.executable, "-c", CHILD_IMPORT, str(ROOT), str(folder), str(csv), str(cancel_at)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    shutil.rmtree(folder, ignore_errors=True)
    return json.loads(out.strip().splitlines()[-1])


def import_1m(work: Path) -> None:
    csv = work / "million.csv"
    write_csv(csv, 1_000_000)
    done = import_in_child(work, csv)
    assert done["outcome"] == "finished" and done["added"] > 900_000, done  # repeats of stored flowers skipped
    print(
        f"import of 1,000,000 rows: {done['s']:.2f} s, {done['updates']} progress updates, "
        f"peak {done['peak_mb']:.0f} MB"
    )
    cancelled = import_in_child(work, csv, cancel_at=0.75)
    assert cancelled["outcome"] == "cancelled" and cancelled["unchanged"], cancelled
    print(f"the same import cancelled at 75 %: after {cancelled['s']:.2f} s, the store unchanged")
    print(f"import_1m_s: {done['s']:.2f}")
    print(f"import_1m_peak_mb: {done['peak_mb']:.0f}")


# ---- an import of 200k rows against read_csv + one executemany ----------------------------


def floor_import(csv: Path, db: Path, schema: list[str]) -> float:
    """The floor: read the file with pandas, insert every row in one executemany into a
    table of the flowers' schema: its indexes, and its row-count trigger (every writer
    keeps row_counts, store/schema.py migration 4: work any import of these rows does).
    No checks, no batch, no run recorded."""
    import pandas as pd

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE imports (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE generators (id INTEGER PRIMARY KEY)")
    for sql in schema:
        conn.execute(sql)
    conn.execute("INSERT INTO row_counts VALUES ('backfill', 0), ('import', 0), ('daily', 0)")
    start = time.perf_counter()
    frame = pd.read_csv(csv)
    now = dt.datetime.now(dt.timezone.utc).isoformat()
    rows = zip(*(frame[c].tolist() for c in (*COLUMNS, "variety")), [now] * len(frame))
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        f"INSERT INTO flowers ({', '.join(COLUMNS)}, variety, source, created_at) VALUES (?, ?, ?, ?, ?, 'import', ?)",
        rows,
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def app_import(csv: Path, folder: Path) -> float:
    from iris_desktop.pipelines.backfill import backfill
    from iris_desktop.pipelines.imports import import_csv
    from iris_desktop.store import Store

    with Store.open(folder / "iris.sqlite3", folder / "models") as store:
        backfill(store)
        start = time.perf_counter()
        import_csv(store, csv)
        return time.perf_counter() - start


def flowers_schema(work: Path) -> list[str]:
    from iris_desktop.store import Store

    with Store.open(work / "schema" / "iris.sqlite3", work / "schema" / "models") as store:
        return [
            sql
            for (sql,) in store.execute(
                "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND ("
                "  (tbl_name IN ('flowers', 'row_counts') AND type IN ('table', 'index'))"
                "  OR name = 'flowers_counted_on_insert'"
                ") ORDER BY type = 'trigger', type = 'index', name = 'flowers'"
            )
        ]


def import_floor(work: Path) -> None:
    csv = work / "200k.csv"
    write_csv(csv, 200_000, seed=8)
    schema = flowers_schema(work)
    ours, floor = [], []
    for i in range(ROUNDS + 1):  # the first round warms up
        app = app_import(csv, work / f"app{i}")
        bare = floor_import(csv, work / f"floor{i}.sqlite3", schema)
        if i:
            ours.append(app)
            floor.append(bare)
    app_s, floor_s = statistics.median(ours), statistics.median(floor)
    print(f"import of 200,000 rows: {app_s * 1000:.0f} ms; floor (read_csv + one executemany): {floor_s * 1000:.0f} ms")
    print(f"import_floor_ratio: {app_s / floor_s:.2f}")


# ---- ten years caught up in a fresh process ------------------------------------------------

CHILD_CATCH_UP = r"""
import datetime as dt, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from iris_desktop.pipelines.inference import catch_up
from iris_desktop.store import Store

folder, today = Path(sys.argv[2]), dt.date.fromisoformat(sys.argv[3])
start = time.perf_counter()
with Store.open(folder / "iris.sqlite3", folder / "models") as store:
    summary = catch_up(store, today)
elapsed = time.perf_counter() - start
assert summary.predictions_made == int(sys.argv[4]), summary
print(elapsed)
"""


def catch_up_3650(work: Path) -> None:
    import bench_catchup
    from bench_catchup import build_template

    bench_catchup.DAYS = 3650
    template = build_template(work / "catchup")
    # The app's modules compiled, as in an installed wheel or the bundle (a checkout run
    # with PYTHONDONTWRITEBYTECODE compiles each one at every start): the first run writes
    # the bytecode to a folder of the benchmark's own and is not counted.
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(work / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for i in range(ROUNDS + 1):
        copy = work / f"catchup{i}"
        shutil.copytree(template, copy)
        started = time.perf_counter()
        inner = subprocess.run(
            [sys.executable, "-c", CHILD_CATCH_UP, str(ROOT), str(copy), TODAY.isoformat(), "3650"],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
        if i:
            times.append((float(inner.strip().splitlines()[-1]), time.perf_counter() - started))
    inside = statistics.median(t for t, _ in times) * 1000
    process = statistics.median(p for _, p in times) * 1000
    print(
        f"catch-up of 3,650 days in a fresh process: {inside:.0f} ms "
        f"(the whole process, imports and all: {process:.0f} ms)"
    )
    print(f"catchup_3650_ms: {inside:.0f}")


# ---- the GUI figures ---------------------------------------------------------------------------


def history_36500() -> None:
    """tests/bench/bench_history.py on a hundred years of days, in a child process."""
    out = _child("bench_history.py", str(ROUNDS), "--days", "36500")
    for line in out.splitlines():
        if line.startswith(("bare_plot_first_draw_36500_ms", "history_first_draw_36500_ms")):
            print(line)


def _child(script: str, *args: str) -> str:
    return subprocess.run(
        [sys.executable, str(HERE / script), *args], check=True, capture_output=True, text=True
    ).stdout


def explore_1m() -> None:
    """tests/bench/bench_explore.py at a million flowers, in a child process (it names
    its figures by that size)."""
    out = _child("bench_explore.py", "5", "--flowers", "1000000")
    for line in out.splitlines():
        if line.startswith(("explore_first_draw_1m_ms", "explore_brush_1m_ms", "explore_redraw_stall_1m_ms")):
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip", default="", help="comma-separated: import, floor, catchup, history, explore")
    skip = set(filter(None, parser.parse_args().skip.split(",")))
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        for name, part in (
            ("import", lambda: import_1m(work)),
            ("floor", lambda: import_floor(work)),
            ("catchup", lambda: catch_up_3650(work)),
            ("history", history_36500),
            ("explore", explore_1m),
        ):
            if name not in skip:
                part()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
