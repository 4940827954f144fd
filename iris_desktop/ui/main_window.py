"""The main window: tabs, menus, status bar, start-up loading and catch-up.

Nothing heavy is imported here: the window paints first, then a worker imports
scikit-learn, joblib and pyqtgraph and catches up; tabs fill in when it is done.
"""
from __future__ import annotations

import datetime as dt
import platform
import sys
from typing import Callable

# Dialog classes are reached as QtWidgets.QFileDialog etc. inside the actions: PySide
# builds a class's Python enums on first use, better done after the first paint.
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMainWindow, QProgressBar, QTabWidget, QVBoxLayout, QWidget,
)

from iris_desktop import APP_DISPLAY_NAME, __version__, paths
from iris_desktop.ui import jobs
from iris_desktop.ui.errors import ErrorReporter
from iris_desktop.ui.state import AppState
from iris_desktop.ui.worker import Task


def _predict_tab(state: AppState) -> QWidget:
    from iris_desktop.ui.predict_tab import PredictTab

    return PredictTab(state)


# The tabs that exist, in order. A tab is listed here once it is built.
TABS: list[tuple[str, Callable[[AppState], QWidget]]] = [
    ("Predict", _predict_tab),
]


class LoadingPage(QWidget):
    """What a tab shows while scikit-learn and the plots load."""

    def __init__(self, name: str):
        super().__init__()
        self.label = QLabel(f"Loading {name}…")
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy indicator
        bar.setFixedWidth(240)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.label, bar):  # centred by stretches: touching the Qt
            row = QHBoxLayout()           # namespace would cost ~20 ms before first paint
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)


def _scrollable(tab: QWidget) -> QWidget:
    """A tab in a frameless scroll area: below its minimum size the window scrolls
    instead of squeezing widgets on top of each other."""
    area = QtWidgets.QScrollArea()
    area.setWidget(tab)
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    return area


class MainWindow(QMainWindow):
    firstPainted = Signal()
    ready = Signal()  # heavy modules loaded, catch-up done, tabs built

    def __init__(self, state: AppState, settings: QSettings, reporter: ErrorReporter):
        super().__init__()
        self.state, self.settings, self.reporter = state, settings, reporter
        self._painted = False
        self._tasks: dict[str, Task] = {}  # running, by name
        self.last_catch_up_day: dt.date | None = None
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setMinimumSize(640, 440)  # below the tabs' own minimum they scroll

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for name, _ in TABS:
            self.tabs.addTab(LoadingPage(name), name)
        self.setCentralWidget(self.tabs)
        self._build_status_bar()
        self._build_menus()
        self.firstPainted.connect(lambda: QTimer.singleShot(0, self._install_shortcuts))

        state.modelChanged.connect(self._show_model)
        state.trainDefaultRequested.connect(self.train_default_model)
        self._midnight = QTimer(self, interval=60_000, timeout=self._check_new_day)
        self._restore_settings()

    # ---- start-up --------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    def start_loading(self) -> None:
        """Import the heavy modules, first-run or catch up, load the model: in a worker."""
        self._run("start-up", jobs.startup, *self._paths(), self.state.today(), status="Starting up…",
                  on_finished=self._loaded, on_failed=self._start_failed)

    def _loaded(self, result: jobs.StartupResult) -> None:
        self.last_catch_up_day = self.state.today()
        self.state.set_model(result.model)
        message = result.summary.message()
        if result.first_run:
            s = result.summary
            message = (f"First run: stored the Iris data set, trained the default model and simulated "
                       f"{s.days_added} days of daily history ({s.first_day} to {s.last_day})")
        self._end(message)
        self._open_tabs()
        if result.summary.model_error:
            self._model_unusable(result.summary.model_error)
        self.ready.emit()

    def _start_failed(self, exc: BaseException, details: str) -> None:
        """Say what failed (headless runs end here), then open the tabs all the same:
        Pipelines ▸ Catch up now retries."""
        self._end("Start-up failed")
        self.reporter.report(exc, details, "Start-up failed")
        self._open_tabs()

    def _open_tabs(self) -> None:
        self._build_tabs()
        self.state.ready = True
        self._midnight.start()

    def _model_unusable(self, reason: str) -> None:
        self.reporter.show(
            "The active model cannot be used",
            f"{reason}\n\nThe daily flowers were generated; their predictions wait for a "
            "usable model. Train one (Pipelines ▸ Train default model) or choose another "
            "(Pipelines ▸ Active model).", level="warning")

    def _build_tabs(self) -> None:
        current = self.tabs.currentIndex()
        for index, (name, factory) in enumerate(TABS):
            try:
                widget = factory(self.state)
            except Exception as exc:  # one broken tab must not take the window down
                import traceback

                self.reporter.report(exc, traceback.format_exc(), f"The {name} tab could not be built")
                continue
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, _scrollable(widget), name)
        self.tabs.setCurrentIndex(current)

    def tab_widget(self, index: int) -> QWidget:
        """The tab itself (inside its scroll area once built)."""
        widget = self.tabs.widget(index)
        return widget.widget() if isinstance(widget, QtWidgets.QScrollArea) else widget

    def _check_new_day(self) -> None:
        if self.last_catch_up_day != self.state.today() and self.state.ready:
            self.catch_up_now()

    # ---- status bar ------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.hide()
        # Results go in a label, not showMessage(): a menu's status tips would wipe those.
        self.status_label = QLabel()
        self.status_label.setMinimumWidth(1)  # may be clipped in a narrow window, not widen it
        bar.addWidget(self.status_label, 1)
        self.model_label = QLabel("Loading the model…")
        self.model_label.setToolTip("The active model (Pipelines ▸ Train default model to make one)")
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.model_label)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(text)  # the whole text, should the window be narrow

    def _begin(self, text: str) -> None:
        self.show_status(text)
        self.progress.setValue(0)
        self.progress.show()

    def _end(self, text: str) -> None:
        self.progress.hide()
        self.show_status(text)

    def _show_model(self, model) -> None:
        if model is None:
            self.model_label.setText("No active model")
            return
        from iris_desktop.ui.model_text import describe_model

        # Short here (the tabs say more); the whole description on hover.
        self.model_label.setText(f"Active model v{model.version} · {model.record.algorithm.upper()}")
        self.model_label.setToolTip(describe_model(model))
        if model.version_warning:
            self._offer_retrain(model)

    def _offer_retrain(self, model) -> None:
        """A model saved by another scikit-learn: warn, and offer to train it again here."""
        box = self.reporter.show("Model saved with another scikit-learn", model.version_warning,
                                 level="warning")
        retrain = box.addButton("Retrain now", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retrain)
        retrain.clicked.connect(lambda: self.train_model(model.version))

    # ---- menus -----------------------------------------------------------------

    def _build_menus(self) -> None:
        self._shortcuts: list[tuple[QAction, str]] = []

        def action(menu, text, slot, shortcut=None, tip=""):
            act = QAction(text, self)
            if shortcut:
                self._shortcuts.append((act, shortcut))
            act.setStatusTip(tip)
            act.triggered.connect(lambda checked=False: slot())
            menu.addAction(act)
            return act

        file = self.menuBar().addMenu("&File")
        action(file, "&Import CSV…", self.import_csv, "Ctrl+O",
                                    "Add flowers from a CSV file (all rows or none)")
        action(file, "&Export history…", self.export_history, "Ctrl+E", "Save every daily prediction as CSV")
        file.addSeparator()
        action(file, "Open &data folder", self.open_data_folder, tip=str(paths.data_dir()))
        action(file, "&Back up database…", self.backup_database,
               tip="Save a consistent copy of the database (model files stay in the models folder)")
        file.addSeparator()
        action(file, "&Quit", self.close, "Ctrl+Q")

        pipes = self.menuBar().addMenu("&Pipelines")
        action(pipes, "&Catch up now", self.catch_up_now, "F5", "Generate and predict every missed day")
        action(pipes, "&Train default model", self.train_default_model, tip="KNN, k=5, seed 42; activated")
        action(pipes, "&Backfill bundled data", self.backfill, tip="Store the bundled 150 flowers (once)")
        pipes.addSeparator()
        self.models_menu = pipes.addMenu("&Active model")
        self.models_menu.aboutToShow.connect(self._fill_models_menu)

        help_menu = self.menuBar().addMenu("&Help")
        action(help_menu, "&About Iris Desktop", self.about)

    def _install_shortcuts(self) -> None:
        """Key sequences are set after the first paint: the first one makes PySide build
        the whole Qt namespace's enums (~20 ms), and no one presses a key before that."""
        for act, keys in self._shortcuts:
            act.setShortcut(keys)
        for i in range(min(len(TABS), 9)):
            QShortcut(f"Ctrl+{i + 1}", self, activated=lambda i=i: self.tabs.setCurrentIndex(i))

    def _fill_models_menu(self) -> None:
        """The registry's versions, the active one checked; choosing one activates it."""
        from iris_desktop.store.registry import list_models
        from iris_desktop.ui.model_text import describe_record

        self.models_menu.clear()
        models = list_models(self.state.store)
        if not models:
            self.models_menu.addAction("No models yet").setEnabled(False)
        group = QtGui.QActionGroup(self.models_menu)  # exclusive: shown as radio items
        for record in reversed(models):
            act = self.models_menu.addAction(
                f"{describe_record(record)} · {record.created_at[:16].replace('T', ' ')} UTC")
            act.setCheckable(True)
            act.setChecked(record.active)
            group.addAction(act)
            act.triggered.connect(lambda _c=False, v=record.version: self.activate_model(v))

    def activate_model(self, version: int) -> None:
        """Make `version` the active model, then predict the daily flowers it has not seen."""
        from iris_desktop.pipelines.registry import ModelLoadError

        try:
            self.state.activate(version)
        except ModelLoadError as exc:
            self.reporter.show("The model cannot be used", str(exc), level="warning")
            return
        self.catch_up_now()

    # ---- actions (each long one in a worker) -------------------------------------

    def _run(self, name: str, fn, *args, status: str = "", on_finished=None, on_failed=None) -> Task:
        """Run fn(*args) in a worker with progress in the status bar. One task per name:
        asking again while it runs returns the running one."""
        running = self._tasks.get(name)
        if running is not None:
            return running
        if status:
            self._begin(status)
        task = Task(name, fn, *args)
        task.progress.connect(lambda pct, text: (self.progress.setValue(pct), self.show_status(text)))
        if on_finished is not None:
            task.finished.connect(on_finished)
        task.failed.connect(on_failed or (lambda exc, details: self._failed(name, exc, details)))
        task.done.connect(lambda: self._tasks.pop(name, None))
        self._tasks[name] = task
        return task.start()

    def _failed(self, name: str, exc: BaseException, details: str) -> None:
        from iris_desktop.pipelines.backfill import CsvImportError
        from iris_desktop.pipelines.registry import ModelLoadError
        from iris_desktop.store import StoreError

        self.progress.hide()
        if isinstance(exc, CsvImportError):
            self.show_status("Nothing was imported")
            self.reporter.show("Import failed", f"Nothing was imported.\n\n{exc}", level="warning")
        elif isinstance(exc, (ModelLoadError, StoreError)):
            self.show_status(f"{name.capitalize()} failed")
            self.reporter.show(f"{name.capitalize()} failed", str(exc), level="warning")
        else:
            self.show_status(f"{name.capitalize()} failed")
            self.reporter.report(exc, details, f"{name.capitalize()} failed")

    def _paths(self):
        return self.state.store.path, self.state.store.models_dir

    def catch_up_now(self) -> Task:
        # The day counts as handled when the catch-up starts: a failure is reported once,
        # not again every minute by the new-day timer.
        today = self.last_catch_up_day = self.state.today()

        def done(summary):
            self._end(summary.message())
            self.state.notify_data_changed()
            if summary.model_error:
                self._model_unusable(summary.model_error)

        return self._run("catch-up", jobs.catch_up, *self._paths(), today, status="Catching up…",
                         on_finished=done)

    def train_default_model(self) -> Task:
        return self.train_model(None)

    def train_model(self, retrain_version: int | None) -> Task:
        """Train the default model, or `retrain_version` again with its own settings;
        activate it and predict the daily history with it."""
        status = ("Training the default model…" if retrain_version is None
                  else f"Retraining model v{retrain_version}…")

        def done(record):
            self.state.reload_active_model()
            self.state.notify_data_changed()
            from iris_desktop.ui.model_text import describe_record

            self._end(f"Trained and activated: {describe_record(record)}")

        return self._run("training", jobs.train, *self._paths(), self.state.today(), retrain_version,
                         status=status, on_finished=done)

    def backfill(self) -> Task:
        def done(added):
            self._end(f"Stored {added} bundled flowers" if added else "The bundled data set was already stored")
            self.state.notify_data_changed()

        return self._run("backfill", jobs.backfill, *self._paths(), status="Storing the bundled data set…",
                         on_finished=done)

    def import_csv(self, path: str | None = None, again: bool = False) -> Task | None:
        if path is None:
            start = str(self.settings.value("import/last_dir", str(paths.data_dir().home())))
            path, _ = QtWidgets.QFileDialog.getOpenFileName(self, "Import flowers from CSV", start,
                                                  "CSV files (*.csv *.txt);;All files (*)")
            if not path:
                return None
        from pathlib import Path

        self.settings.setValue("import/last_dir", str(Path(path).parent))
        def done(result):
            per = ", ".join(f"{n} {v.capitalize()}" for v, n in result.counts.items())
            text = f"Imported {result.added} flowers from {Path(path).name} ({per})."
            if result.ignored_columns:
                text += f"\nIgnored column(s): {', '.join(result.ignored_columns)}."
            if self.state.model is not None:
                text += ("\n\nThe active model was trained before these flowers: "
                         "Pipelines ▸ Train default model trains one that includes them.")
            self._end(text.splitlines()[0])
            self.state.notify_data_changed()
            self.reporter.show("Import finished", text, level="information")

        def failed(exc, details):
            from iris_desktop.pipelines.backfill import AlreadyImportedError

            if not isinstance(exc, AlreadyImportedError):
                return self._failed("import", exc, details)
            self._end("Nothing was imported")
            box = self.reporter.show("Import this file again?", str(exc) + ".", level="warning")
            again_button = box.addButton("Import again", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Cancel", QtWidgets.QMessageBox.ButtonRole.RejectRole)
            again_button.clicked.connect(lambda: self.import_csv(path, again=True))

        return self._run("import", jobs.import_csv, *self._paths(), path, again,
                         status=f"Importing {Path(path).name}…", on_finished=done, on_failed=failed)

    def export_history(self, path: str | None = None) -> Task | None:
        if path is None:
            default = str(paths.data_dir().home() / f"iris-history-{self.state.today()}.csv")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Export history", default, "CSV files (*.csv)")
            if not path:
                return None
        return self._run("export", jobs.export_history, *self._paths(), path,
                         on_finished=lambda n: self.show_status(f"Exported {n} predictions to {path}"))

    def backup_database(self, path: str | None = None) -> Task | None:
        if path is None:
            default = str(paths.data_dir().home() / f"iris-backup-{self.state.today()}.sqlite3")
            path, _ = QtWidgets.QFileDialog.getSaveFileName(self, "Back up database", default,
                                                  "SQLite databases (*.sqlite3 *.db)")
            if not path:
                return None
        return self._run("backup", jobs.backup, *self._paths(), path,
                         on_finished=lambda dest: self.show_status(f"Backed up the database to {dest}"))

    def open_data_folder(self) -> None:
        folder = str(paths.data_dir())
        if not QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(folder)):
            box = self.reporter.show("Data folder", "No file manager could be started. "
                                     f"Iris Desktop keeps its data in:\n\n{folder}", level="information")
            box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

    def about(self) -> None:
        import PySide6
        from PySide6.QtCore import qVersion

        versions = [f"Python {platform.python_version()}", f"Qt {qVersion()}", f"PySide6 {PySide6.__version__}"]
        for name in ("sklearn", "numpy", "pyqtgraph"):
            module = sys.modules.get(name)
            if module is not None:
                versions.append(f"{'scikit-learn' if name == 'sklearn' else name} {module.__version__}")
        QtWidgets.QMessageBox.about(
            self, f"About {APP_DISPLAY_NAME}",
            f"<h3>{APP_DISPLAY_NAME} {__version__}</h3>"
            "<p>The serverless-ML Iris lab on your own machine: explore, train, generate a "
            "flower a day, predict and monitor, offline.</p>"
            f"<p>{'<br>'.join(versions)}</p>"
            f"<p>Data: <code>{paths.data_dir()}</code><br>Logs: <code>{paths.logs_dir()}</code></p>",
        )

    # ---- settings --------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            # First launch: a comfortable size that still fits a small screen.
            free = self.screen().availableGeometry()
            self.resize(min(1280, int(free.width() * 0.92)), min(820, int(free.height() * 0.9)))
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        tab = int(self.settings.value("window/tab", 0))
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_settings()
        self._midnight.stop()
        for task in list(self._tasks.values()):
            task.cancel()
        super().closeEvent(event)
