"""The layering rule: domain, store, pipelines and the headless CLI never import Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import importlib, json, pkgutil, sys
import iris_desktop.pipelines, iris_desktop.store
names = ["iris_desktop.domain", "iris_desktop.paths", "iris_desktop.desktop_entry", "iris_desktop.cli"]
names += ["iris_desktop.cli." + n for n in ("data_commands", "daily_commands", "model_commands", "history_commands",
                                            "desktop_commands")]
for package in (iris_desktop.store, iris_desktop.pipelines):
    names.append(package.__name__)
    names += [m.name for m in pkgutil.iter_modules(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
# pull in the lazily imported heavy libraries too, as a run of the pipelines would
from iris_desktop.pipelines import algorithms
for key in algorithms.ALGORITHMS:
    algorithms.build_estimator(key, algorithms.algorithm(key).defaults(), True, 0)
import sklearn.metrics, sklearn.model_selection, joblib
print(json.dumps({
    "imported": names,
    "files": {n: sys.modules[n].__file__ for n in names},
    "qt": sorted(m for m in sys.modules
                 if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy")),
    "ui": sorted(m for m in sys.modules if m.startswith("iris_desktop.ui")),
}))
"""


def test_non_gui_layers_do_not_import_qt():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # the walk found the real modules of this checkout
    for name in (
        "iris_desktop.pipelines.daily",
        "iris_desktop.pipelines.inference",
        "iris_desktop.pipelines.training",
        "iris_desktop.pipelines.registry",
        "iris_desktop.pipelines.backfill",
        "iris_desktop.pipelines.algorithms",
        "iris_desktop.store.database",
        "iris_desktop.store.flowers",
    ):
        assert name in report["imported"]
    assert all(Path(f).resolve().is_relative_to(ROOT) for f in report["files"].values())
    assert report["qt"] == []
    assert report["ui"] == []
