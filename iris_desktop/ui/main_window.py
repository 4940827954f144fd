"""The main window: tabs, status bar, settings, and the start-up that fills them.

Nothing heavy is imported here: the window paints first, then a worker imports
scikit-learn, joblib and pyqtgraph and catches up; tabs fill in when it is done.
Menus and their work live in ui/actions, one module per subject; long work runs
through the state's TaskRunner.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

# Dialog classes are reached as QtWidgets.QFileDialog etc. inside the actions: PySide
# builds a class's Python enums on first use, better done after the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QMainWindow, QProgressBar, QTabWidget, QVBoxLayout, QWidget,
)

from iris_desktop import APP_DISPLAY_NAME
from iris_desktop.ui import jobs
from iris_desktop.ui.actions.app_actions import AppActions
from iris_desktop.ui.actions.daily_actions import DailyActions
from iris_desktop.ui.actions.data_actions import DataActions
from iris_desktop.ui.actions.history_actions import HistoryActions
from iris_desktop.ui.actions.model_actions import ModelActions
from iris_desktop.ui.change_watcher import ChangeWatcher
from iris_desktop.ui.errors import ErrorReporter
from iris_desktop.ui.state import AppState


def _predict_tab(window: "MainWindow") -> QWidget:
    from iris_desktop.ui.predict_tab import PredictTab

    return PredictTab(window.state)


# The tabs that exist, in order: (name, factory). A tab is listed here once it is built.
TABS: list[tuple[str, Callable[["MainWindow"], QWidget]]] = [
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
        self.runner = state.runner
        self._painted = False
        self._shortcuts: list[tuple[QAction, str]] = []
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

        self.watcher = ChangeWatcher(state)
        state.modelChanged.connect(self._show_model)
        state.modelUnusable.connect(self.model_unusable)
        state.announced.connect(self.show_status)
        state.dayRequested.connect(lambda _day, name: self.show_tab(name))
        self.runner.progress.connect(self._progress)
        self.runner.message.connect(self.show_status)
        self.runner.failed.connect(self.task_failed)
        self._midnight = QTimer(self, interval=60_000, timeout=self._check_new_day)
        self._restore_settings()

    # ---- start-up --------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    def start_loading(self) -> None:
        """Import the heavy modules, first-run or catch up, read the data: in a worker."""
        self.runner.run("start-up", jobs.startup, *self.state.paths(), self.state.today(),
                        status="Starting up…", on_finished=self._loaded, on_failed=self._start_failed)

    def _loaded(self, result: jobs.StartupResult) -> None:
        self.last_catch_up_day = self.state.today()
        self.state.apply(result.snapshot)
        self._show_model(self.state.model)  # also when there is none
        message = result.summary.message()
        if result.first_run:
            s = result.summary
            message = (f"First run: stored the Iris data set, trained the default model and simulated "
                       f"{s.days_added} days of daily history ({s.first_day} to {s.last_day})")
        self.show_status(message)
        self._open_tabs()
        if result.summary.model_error and not result.snapshot.model_error:
            self.model_unusable(result.summary.model_error)
        self.ready.emit()

    def _start_failed(self, exc: BaseException, details: str) -> None:
        """Say what failed (headless runs end here), then open the tabs all the same:
        Pipelines ▸ Catch up now retries."""
        self.show_status("Start-up failed")
        self.reporter.report(exc, details, "Start-up failed")
        self._open_tabs()
        self.state.refresh()

    def _open_tabs(self) -> None:
        self._build_tabs()
        self.state.ready = True
        self.watcher.start()
        self._midnight.start()

    def model_unusable(self, reason: str) -> None:
        self.reporter.show(
            "The active model cannot be used",
            f"{reason}\n\nThe daily flowers were generated; their predictions wait for a "
            "usable model. Train one (Pipelines ▸ Train default model) or choose another "
            "(Pipelines ▸ Active model).", level="warning")

    def _build_tabs(self) -> None:
        current = self.tabs.currentIndex()
        for index, (name, factory) in enumerate(TABS):
            try:
                widget = factory(self)
            except Exception as exc:  # one broken tab must not take the window down
                import traceback

                self.reporter.report(exc, traceback.format_exc(), f"The {name} tab could not be built")
                continue
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, _scrollable(widget), name)
        self.tabs.setCurrentIndex(current)

    def show_tab(self, name: str) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == name:
                self.tabs.setCurrentIndex(index)

    def tab_widget(self, index: int) -> QWidget:
        """The tab itself (inside its scroll area once built)."""
        widget = self.tabs.widget(index)
        return widget.widget() if isinstance(widget, QtWidgets.QScrollArea) else widget

    def _check_new_day(self) -> None:
        if self.last_catch_up_day != self.state.today() and self.state.ready:
            self.daily_actions.catch_up_now()

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

    def _progress(self, pct: int, text: str) -> None:
        """The runner's progress: a bar while work runs (pct -1: all done)."""
        if pct < 0:
            self.progress.hide()
            return
        self.progress.setValue(pct)
        self.progress.show()
        if text:
            self.show_status(text)

    def _show_model(self, model) -> None:
        if model is None:
            self.model_label.setText("No active model")
            return
        from iris_desktop.ui.model_text import describe_model

        # Short here (the tabs say more); the whole description on hover.
        self.model_label.setText(f"Active model v{model.version} · {model.record.algorithm.upper()}")
        self.model_label.setToolTip(describe_model(model))

    def task_failed(self, name: str, exc: BaseException, details: str) -> None:
        """A task failed and its caller had nothing to say about it: expected failures
        as a plain warning, anything else with its details."""
        from iris_desktop.pipelines.backfill import CsvImportError
        from iris_desktop.pipelines.registry import ModelLoadError
        from iris_desktop.store import StoreError

        if isinstance(exc, CsvImportError):
            self.show_status("Nothing was imported")
            self.reporter.show("Import failed", f"Nothing was imported.\n\n{exc}", level="warning")
        elif isinstance(exc, (ModelLoadError, StoreError, ValueError)):
            self.show_status(f"{name.capitalize()} failed")
            self.reporter.show(f"{name.capitalize()} failed", str(exc), level="warning")
        else:
            self.show_status(f"{name.capitalize()} failed")
            self.reporter.report(exc, details, f"{name.capitalize()} failed")

    # ---- menus -----------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus = {"file": bar.addMenu("&File"), "pipelines": bar.addMenu("&Pipelines")}
        menus["help"] = bar.addMenu("&Help")
        self.data_actions = DataActions(self)
        self.history_actions = HistoryActions(self)
        self.daily_actions = DailyActions(self)
        self.model_actions = ModelActions(self)
        self.app_actions = AppActions(self)
        self.data_actions.populate(menus)
        self.history_actions.populate(menus["file"])
        self.app_actions.populate(menus)
        self.daily_actions.populate(menus["pipelines"])
        self.model_actions.populate(menus["pipelines"])

    def add_shortcut(self, action: QAction, keys: str) -> None:
        self._shortcuts.append((action, keys))

    def _install_shortcuts(self) -> None:
        """Key sequences are set after the first paint: the first one makes PySide build
        the whole Qt namespace's enums (~20 ms), and no one presses a key before that."""
        for act, keys in self._shortcuts:
            act.setShortcut(keys)
        for i in range(min(len(TABS), 9)):
            QShortcut(f"Ctrl+{i + 1}", self, activated=lambda i=i: self.tabs.setCurrentIndex(i))

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
        self.watcher.stop()
        self.runner.cancel_all()
        super().closeEvent(event)
