"""How long the window stops reacting while work runs: the longest gap between two turns
of the GUI thread's event loop (frames.StallWatch: a 1 ms timer), with the real window
shown, during in turn:
- a catch-up of 365 days,
- training a 500-tree random forest on 10,000 flowers (then activated: Predict follows),
- an activation (back to the KNN model),
- an import of 10,000 rows: the file read and its preview dialog shown, then Import
  clicked and the rows written,
- another process holding the database's write lock for 3 s (while F5 asks for a
  catch-up that must wait for it).
Each phase ends when the task is done and the tabs have caught up (plus 0.3 s).
Prints each stall and then `gui_max_stall_ms: X` (goal: X <= 33, two frames at 60 Hz).

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_gui_stall.py [--why]
(--why: where every thread was while the GUI thread stalled, tests/bench/frames.py)
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import harness
import numpy as np
from frames import StallSampler, StallWatch

LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(3)
conn.execute("COMMIT")
"""


def main() -> None:
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.pipelines.training import TrainingConfig
    from iris_desktop.store import Store
    from iris_desktop.store.flowers import add_rows

    harness.app()
    work = Path(tempfile.mkdtemp(prefix="bench-stall-"))
    today = dt.date(2026, 6, 15)
    rng = np.random.default_rng(1)
    try:
        with Store.open(work / "iris.sqlite3", work / "models") as store:
            first_run(store, today=today)
            X, y = _flowers(rng, 10_000)
            add_rows(store, X.tolist(), y, "import")
        csv = work / "more.csv"
        X2, y2 = _flowers(rng, 10_000)
        with open(csv, "w") as f:
            f.write("sepal_length,sepal_width,petal_length,petal_width,variety\n")
            f.writelines(f"{a:.1f},{b:.1f},{c:.1f},{d:.1f},{v}\n" for (a, b, c, d), v in zip(X2, y2))

        window = harness.open_window(work, today=today)
        state, beat = window.state, StallWatch()
        stalls = {}

        def phase(name: str, start) -> None:
            harness.settle(0.3)
            beat.start()
            sampler = StallSampler(beat) if "--why" in sys.argv else None
            if sampler:
                sampler.start()
            task = start()  # a Task, or None: the work it starts is the runner's
            harness.wait_until(lambda: task is None or task.is_done, timeout=600)
            harness.wait_until(lambda: not state.runner.busy, timeout=600)
            harness.settle(0.3)
            stalls[name] = beat.stop()
            if task is not None and task.state != "finished":
                raise SystemExit(f"{name}: {task.state} {task.error}")
            print(f"{name:34} max stall {stalls[name]:7.1f} ms", flush=True)
            for line in sampler.stop() if sampler else ():
                print("    " + line)

        state.today = lambda: today + dt.timedelta(days=365)
        phase("catch-up of 365 days", window.daily_actions.catch_up_now)
        forest = TrainingConfig(algorithm="forest", params={"n_estimators": 500})
        phase("training a 500-tree forest, 10k rows", lambda: window.model_actions.train(forest))
        phase("activation (KNN v1)", lambda: window.model_actions.activate(1))
        phase("import: the file read, its preview shown", lambda: window.data_actions.import_csv(str(csv)))
        dialog = window.data_actions.dialog
        if dialog is None or not dialog.isVisible():
            raise SystemExit("the import's preview dialog did not open")
        before = window.state.summary.count("import")
        phase("import of 10,000 rows (Import clicked)", lambda: dialog.import_button.click())
        if window.state.summary.count("import") <= before:
            raise SystemExit("the import did not write its rows")

        beat.start()
        locker = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(work / "iris.sqlite3")], stdout=subprocess.PIPE, text=True
        )
        assert locker.stdout.readline().strip() == "locked"
        state.today = lambda: today + dt.timedelta(days=366)
        task = window.daily_actions.catch_up_now()  # waits for the lock in its worker
        harness.wait_until(lambda: task.is_done and locker.poll() is not None, timeout=60)
        harness.wait_until(lambda: not state.runner.busy, timeout=60)
        harness.settle(0.3)
        stalls["another process locks for 3 s"] = beat.stop()
        print(
            f"{'another process locks for 3 s':34} max stall {stalls['another process locks for 3 s']:7.1f} ms"
            f" (catch-up {task.state})"
        )
        if window.errors:
            print("errors:", window.errors)
        window.close()
        print(f"gui_max_stall_ms: {max(stalls.values()):.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _flowers(rng, n: int):
    """n plausible flowers: the bundled set resampled with a little noise."""
    from iris_desktop import paths
    from iris_desktop.domain import VARIETIES
    from iris_desktop.pipelines.backfill import read_csv_file

    flowers, _ = read_csv_file(paths.resource("iris.csv"))
    base = np.array([f.measurements for f in flowers])
    labels = np.array([f.variety.index for f in flowers])
    pick = rng.integers(0, len(base), n)
    X = np.maximum(0.1, np.round(base[pick] + rng.normal(0, 0.15, (n, 4)), 1))
    return X, [VARIETIES[i].value for i in labels[pick]]


if __name__ == "__main__":
    main()
