"""Start-up time of the app against a bare PySide6 window, measured in one run.

(a) `python -m iris_desktop --quit-after-startup` vs bare_window.py (first paint);
(b) `--quit-when-ready` on a store with a model and 365 missed days (ready: caught up,
    and the tab on screen built and painted) vs bare_window.py --imports (scikit-learn
    neighbors, pandas, pyqtgraph). Runs alternate; medians, their differences in ms,
    ratios and peak RSS are printed. The app's modules run compiled, as installed.
Run: python tests/bench/bench_startup.py [reps]
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one run; fails loudly on a non-zero exit."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def make_template(folder: Path) -> None:
    """A store whose last daily flower is 365 days ago, with an active model."""
    from iris_desktop.pipelines.operations import first_run
    from iris_desktop.store import Store

    with Store.open(folder / "iris.sqlite3", folder / "models") as store:
        first_run(store, today=dt.date.today() - dt.timedelta(days=365))
        store.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def main(reps: int = 7) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("IRIS_DESKTOP_DATA_DIR", None)
    # Compiled, as installed (a wheel's install or the bundle compiles every module; a
    # checkout run with PYTHONDONTWRITEBYTECODE compiles the app's at every start): the
    # dropped first round writes the bytecode to a folder of the benchmark's own.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    py = sys.executable
    try:
        template = work / "template"
        make_template(template)
        runs: dict[str, list[tuple[float, float]]] = {k: [] for k in ("app", "bare", "ready", "bare_imports")}
        for i in range(reps + 1):  # the first round warms the file cache, writes the bytecode and is dropped
            paint_dir = work / f"paint-{i}"
            shutil.copytree(template, paint_dir)  # first paint on a real store, no first run
            ready_dir = work / f"ready-{i}"
            shutil.copytree(template, ready_dir)
            round_ = {
                "app": timed([py, "-m", "iris_desktop", "--data-dir", str(paint_dir), "--quit-after-startup"], env),
                "bare": timed([py, str(HERE / "bare_window.py")], env),
                "ready": timed([py, "-m", "iris_desktop", "--data-dir", str(ready_dir), "--quit-when-ready"], env),
                "bare_imports": timed([py, str(HERE / "bare_window.py"), "--imports"], env),
            }
            if i:
                for key, value in round_.items():
                    runs[key].append(value)
        med = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
        rss = {k: max(r for _, r in v) for k, v in runs.items()}
        for key in runs:
            print(f"{key:13} median {med[key] * 1000:7.0f} ms   peak RSS {rss[key]:6.0f} MB")
        print(
            f"first paint: app - bare = {(med['app'] - med['bare']) * 1000:+.0f} ms; "
            f"ready: app - bare with imports = {(med['ready'] - med['bare_imports']) * 1000:+.0f} ms"
        )
        print(f"startup_first_paint_ratio: {med['app'] / med['bare']:.2f}")
        print(f"startup_ready_ratio: {med['ready'] / med['bare_imports']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
