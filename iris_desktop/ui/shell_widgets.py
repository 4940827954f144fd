"""The main window's own parts: its tabs (their names, in order, and what makes each),
the page a tab shows while it loads, the scroll area a built tab sits in, and the
status bar. Only main_window uses them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

# Reached as QtWidgets.QFrame etc.: PySide builds a class's Python enums on first use,
# better done after the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QVBoxLayout, QWidget

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.task_runner import TaskRunner

if TYPE_CHECKING:
    from iris_desktop.pipelines.registry import LoadedModel
    from iris_desktop.ui.actions.daily_actions import DailyActions
    from iris_desktop.ui.actions.model_actions import ModelActions
    from iris_desktop.ui.actions.pipeline_actions import PipelineActions
    from iris_desktop.ui.runtime.errors import ErrorReporter
    from iris_desktop.ui.runtime.state import AppState


class TabParts(Protocol):
    """What the tabs are made with: the main window's state, reporter and actions."""

    state: AppState
    reporter: ErrorReporter
    model_actions: ModelActions
    daily_actions: DailyActions
    pipeline_actions: PipelineActions


def _explore_tab(window: TabParts) -> QWidget:
    from iris_desktop.ui.tabs.explore.tab import ExploreTab

    return ExploreTab(window.state, window.reporter)


def _train_tab(window: TabParts) -> QWidget:
    from iris_desktop.ui.tabs.train.tab import TrainTab

    return TrainTab(window.state, window.reporter, window.model_actions)


def _daily_tab(window: TabParts) -> QWidget:
    from iris_desktop.ui.tabs.daily.tab import DailyTab

    return DailyTab(window.state, window.reporter, window.daily_actions)


def _predict_tab(window: TabParts) -> QWidget:
    from iris_desktop.ui.tabs.predict.tab import PredictTab

    return PredictTab(window.state, reporter=window.reporter)


def _history_tab(window: TabParts) -> QWidget:
    from iris_desktop.ui.tabs.history.tab import HistoryTab

    return HistoryTab(window.state, window.reporter)


def _pipelines_tab(window: TabParts) -> QWidget:
    from iris_desktop.ui.tabs.pipelines.tab import PipelinesTab

    return PipelinesTab(window.state, window.reporter, window.pipeline_actions)


# The tabs, in the order of the lab's pipelines: (name, factory); Ctrl+1… follow it.
# The name is the tab's key, in English (show_tab, tab, the self-test); the tab shows
# strings.tab_name(name), in the user's language.
TABS: list[tuple[str, Callable[[TabParts], QWidget]]] = [
    ("Explore", _explore_tab),
    ("Train", _train_tab),
    ("Daily", _daily_tab),
    ("Predict", _predict_tab),
    ("History", _history_tab),
    ("Pipelines", _pipelines_tab),  # the four pipelines' runs, lineage and schedule
]


class LoadingPage(QWidget):
    """What a tab shows while scikit-learn and the plots load."""

    def __init__(self, name: str):  # the tab's name as shown (translated)
        super().__init__()
        self.label = QLabel(tr("Loading {tab}…").format(tab=name))
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy indicator
        bar.setFixedWidth(240)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.label, bar):  # centred by stretches: touching the Qt
            row = QHBoxLayout()  # namespace would cost ~20 ms before first paint
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)


class TabArea(QtWidgets.QScrollArea):
    """A tab in a frameless scroll area that fills it: below the tab's minimum size the
    window scrolls instead of squeezing widgets on top of each other. (A resizable
    QScrollArea would size a tab holding word-wrapped labels to its preferred height,
    taller than the window, and scroll for nothing.)"""

    def __init__(self, tab: QWidget):
        super().__init__()
        self.setWidget(tab)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        # A tab whose minimum grows (a banner shown) is fitted again once its layout has
        # settled, not only when the window is resized.
        tab.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            QTimer.singleShot(0, self, self._fit)
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        tab = self.widget()
        if tab is None:
            return
        floor = tab.minimumSizeHint().expandedTo(tab.minimumSize())
        view = self.maximumViewportSize()
        # A scroll bar shown for one direction takes room from the other.
        width = view.width() - (self.verticalScrollBar().sizeHint().width() if floor.height() > view.height() else 0)
        height = view.height() - (self.horizontalScrollBar().sizeHint().height() if floor.width() > view.width() else 0)
        tab.resize(max(width, floor.width()), max(height, floor.height()))


class StatusBar(QStatusBar):
    """The last result in words, a progress bar and Cancel while the runner works, and
    the active model."""

    def __init__(self, runner: TaskRunner):
        super().__init__()
        self.runner = runner
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setRange(0, 100)
        self.progress.hide()
        # Results go in a label, not showMessage(): a menu's status tips would wipe those.
        self.status_label = QLabel()
        self.status_label.setMinimumWidth(1)  # may be clipped in a narrow window, not widen it
        self.addWidget(self.status_label, 1)
        self.cancel_button = QtWidgets.QToolButton()
        self.cancel_button.setText(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the work in progress (what is done so far is kept only if it is whole)"))
        self.cancel_button.clicked.connect(self.cancel_running)
        self.cancel_button.hide()
        self.model_label = QLabel(tr("Loading the model…"))
        self.model_label.setToolTip(tr("The active model (Pipelines ▸ Train default model to make one)"))
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.addPermanentWidget(self.model_label)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(text)  # the whole text, should the window be narrow

    def show_progress(self, pct: int, text: str) -> None:
        """The runner's progress: a bar while work runs (pct -1: all done)."""
        self.cancel_button.setVisible(pct >= 0 and self.runner.cancellable() is not None)
        if pct < 0:
            self.progress.hide()
            return
        self.progress.setValue(pct)
        self.progress.show()
        if text:
            self.show_status(text)

    def cancel_running(self) -> None:
        task = self.runner.cancellable()
        if task is not None:
            task.cancel()
            self.show_status(tr("Cancelling: {work}…").format(work=task.status.rstrip("…")))
        self.cancel_button.hide()

    def show_model(self, model: LoadedModel | None) -> None:
        if model is None:
            self.model_label.setText(tr("No active model"))
            return
        from iris_desktop.ui.widgets.model_text import describe_model

        # Short here (the tabs say more); the whole description on hover.
        self.model_label.setText(
            tr("Active model v{version} · {algorithm}").format(
                version=model.version, algorithm=model.record.algorithm.upper()
            )
        )
        self.model_label.setToolTip(describe_model(model))
