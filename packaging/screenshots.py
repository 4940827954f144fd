"""Screenshots of the real app for the README and the AppStream metainfo.

    python packaging/screenshots.py [OUT_DIR] [--scale 2] [--colours dark]

make screenshots writes resources/screenshots/ and, at 200 % (QT_SCALE_FACTOR=2),
resources/screenshots/hidpi/; --colours dark (View ▸ Colours ▸ Dark, switched live once
the window is up) writes resources/screenshots/dark/ unless OUT_DIR says otherwise.

The window is built as the app builds it (tests/bench/harness.py), offscreen, on a demo
store made here with a fixed installation seed and a fixed "today", so the same code gives
the same pictures: the first run's 150 flowers, default model and 30 simulated days, one
more model, and a CSV in millimetres opened in the import preview. One PNG per tab, plus
the preview. Run it again whenever a tab changes, so the pictures never lie.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "bench"))
sys.path.insert(0, str(ROOT))

import harness  # noqa: E402

TODAY = dt.date(2026, 11, 30)
SEED = "1936"  # the year Fisher published the iris data
SIZE = (1280, 800)
# A few flowers measured in millimetres, as a student might type them: the preview flags them.
DEMO_CSV = """sepal_length,sepal_width,petal_length,petal_width,species
52,37,15,3,Iris-setosa
47,33,13,2,Iris-setosa
66,31,46,15,Iris-versicolor
59,29,43,14,Iris-versicolor
69,31,58,22,Iris-virginica
61,29,52,17,Iris-virginica
"""
# Shown on Predict: a flower between versicolor and virginica, where the model hesitates.
PREDICT_FLOWER = (6.2, 2.8, 4.9, 1.6)


def demo_store(folder: Path) -> None:
    """A new store with the demo seed (the first run, done by the window, fills it)."""
    from iris_desktop.store import Store

    with Store.open(folder / "iris.sqlite3", folder / "models") as store:
        store.set_meta("installation_seed", SEED)


def shoot(out: Path, colours: str = "system") -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from iris_desktop.pipelines.training import TrainingConfig

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="iris-screenshots-") as temp:
        data = Path(temp) / "data"
        data.mkdir()
        demo_store(data)
        window = harness.open_window(data, today=TODAY, size=SIZE)
        app = QApplication.instance()
        # A second model, registered but not active: the registry shows two versions.
        task = window.model_actions.train(
            TrainingConfig(algorithm="forest", params={"n_estimators": 100}), activate=False
        )
        harness.wait_until(lambda: task.is_done)
        harness.wait_until(lambda: not window.state.runner.busy)
        if colours != "system":  # switched live, as from View ▸ Colours
            window.theme.set_choice(colours)
            harness.settle(0.3)

        window.welcome.hide()  # the first launch's welcome: each picture shows its tab whole
        for index in range(window.tabs.count()):
            name = window.tabs.tabText(index)
            window.tabs.setCurrentIndex(index)
            harness.wait_until(lambda: not window.state.runner.busy)
            _stage(name, window.tab(name))
            harness.wait_until(lambda: not window.state.runner.busy)
            harness.settle(0.6)  # deferred redraws (regions, density images) land
            written.append(_save(window.grab(), out / f"{name.lower()}.png"))

        csv = Path(temp) / "measured-in-mm.csv"
        csv.write_text(DEMO_CSV, encoding="utf-8")
        window.data_actions.import_csv(str(csv))
        harness.wait_until(lambda: window.data_actions.dialog is not None)
        dialog = window.data_actions.dialog
        dialog.resize(900, 560)
        harness.settle(0.3)
        written.append(_save(dialog.grab(), out / "import-preview.png"))
        dialog.reject()

        if window.errors:
            raise SystemExit(f"screenshots: the app reported errors: {window.errors}")
        window.close()
        harness.wait_until(lambda: not window.state.runner.busy)
        window.watcher.stop()
        app.processEvents()
    return written


def _stage(name: str, tab) -> None:
    """What each tab shows beyond its defaults: the lab's own moves."""
    from PySide6.QtCore import Qt

    if name == "Explore":  # a rectangle dragged over the long petals, linked to every view
        from iris_desktop.ui.tabs.explore.selection import RectPredicate

        tab.large.selected.emit(RectPredicate(2, 3, (4.8, 7.0), (1.4, 2.6)), Qt.KeyboardModifier.NoModifier)
    elif name == "Predict":
        tab.set_values(PREDICT_FLOWER)
    elif name == "Pipelines":  # the first run's training picked in the log: its lineage
        row = next(
            r
            for r in range(tab.log.model.rowCount())
            if tab.log.model.index(r, 1).data() == "training" and tab.log.model.index(r, 2).data() == "first-run"
        )
        tab.log.view.selectRow(row)


def _save(pixmap, path: Path) -> Path:
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"screenshots: could not write {path}")
    return path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the real app")
    parser.add_argument("out", nargs="?", type=Path, help="folder for the PNGs")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling, e.g. 2 for 200 %% (HiDPI)")
    parser.add_argument("--colours", choices=("system", "light", "dark"), default="system")
    args = parser.parse_args(argv[1:])
    if args.scale != 1:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"  # read when Qt starts: before any window
    out = args.out or ROOT / "resources" / "screenshots"
    if args.out is None and args.scale != 1:
        out = out / "hidpi"
    elif args.out is None and args.colours == "dark":
        out = out / "dark"
    for path in shoot(out, args.colours):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
