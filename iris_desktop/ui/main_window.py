"""The main window: tabs, status bar, settings, and the start-up that fills them.

Nothing heavy is imported before the first paint: the window paints its frame first
(title, menu bar, tab bar, each tab's loading page, status bar); right after, the
menus are filled (ui/actions, one module per subject, imported then), and a worker
imports scikit-learn, joblib and pyqtgraph and catches up; the tabs are built when it
is done. Long work runs through the state's TaskRunner. The loading page, a tab's
scroll area and the status bar are in shell_widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

# Dialog classes are reached as QtWidgets.QFileDialog etc. inside the actions: PySide
# builds a class's Python enums on first use, better done after the first paint.
from PySide6 import QtWidgets
from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from iris_desktop import APP_DISPLAY_NAME
from iris_desktop.ui.runtime import jobs, worker
from iris_desktop.ui.runtime.change_watcher import ChangeWatcher
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import CATCH_UP, STORE_BUNDLED, TRAIN_DEFAULT, AppState
from iris_desktop.ui.shell_widgets import TABS, LoadingPage, StatusBar, TabArea
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.pipeline_words import catch_up_text, lane_title
from iris_desktop.ui.widgets.theme import Theme

if TYPE_CHECKING:
    from iris_desktop.ui.actions.app_actions import AppActions
    from iris_desktop.ui.actions.daily_actions import DailyActions
    from iris_desktop.ui.actions.data_actions import DataActions
    from iris_desktop.ui.actions.history_actions import HistoryActions
    from iris_desktop.ui.actions.menus import MenuActions
    from iris_desktop.ui.actions.model_actions import ModelActions
    from iris_desktop.ui.actions.pipeline_actions import PipelineActions
    from iris_desktop.ui.actions.report_actions import ReportActions
    from iris_desktop.ui.actions.view_actions import ViewActions
    from iris_desktop.ui.dialogs.store_recovery import StoreRecovery
    from iris_desktop.ui.runtime.errors import ErrorReporter
    from iris_desktop.ui.widgets.recovery_banner import RecoveryBanner
    from iris_desktop.ui.widgets.welcome_panel import WelcomePanel


_MADE_BY_COMPLETE = {
    *(f"{group}_actions" for group in ("data", "history", "report", "daily", "model", "pipeline", "view", "app")),
    "recovery_banner",
    "welcome",
}


class MainWindow(QMainWindow):
    firstPainted = Signal()
    ready = Signal()  # heavy modules loaded, catch-up done, the current tab built and painted
    tabsBuilt = Signal()  # every tab built (the others follow the current one, one per turn)
    gaveUp = Signal(str, str)  # (title, why): the store cannot be used; the app ends

    # Made right after the first paint by complete() (or by the first use before it):
    # the menus' groups of actions, the recovery banner and the welcome panel (both
    # hidden until there is something to say); the store's recovery when it is needed.
    data_actions: DataActions
    history_actions: HistoryActions
    report_actions: ReportActions
    daily_actions: DailyActions
    model_actions: ModelActions
    pipeline_actions: PipelineActions
    view_actions: ViewActions
    app_actions: AppActions
    recovery_banner: RecoveryBanner
    welcome: WelcomePanel
    recovery: StoreRecovery

    def __init__(self, state: AppState, settings: QSettings, reporter: ErrorReporter):
        super().__init__()
        self.state, self.settings, self.reporter = state, settings, reporter
        self.runner = state.runner
        self._painted = False
        self.completed = False  # complete() has run: menus filled, keys bound
        self.all_tabs_built = False
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setMinimumSize(640, 440)  # below the tabs' own minimum they scroll
        # Light, dark or high contrast as the desktop (or View ▸ Colours) says: before the
        # first paint, so the window is never drawn in the wrong colours.
        self.theme = Theme(settings, self)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setAccessibleName(strings.MAIN_TABS_NAME)
        for name, _ in TABS:
            self.tabs.addTab(LoadingPage(strings.tab_name(name)), strings.tab_name(name))
        central = QWidget()
        self._column = QVBoxLayout(central)  # the banner and the welcome panel go above the tabs
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        bar = self.menuBar()  # its titles are in the first paint; complete() fills the menus
        self.menus: dict[str, QMenu] = {"file": bar.addMenu(tr("&File")), "pipelines": bar.addMenu(tr("&Pipelines"))}
        self.menus["view"] = bar.addMenu(strings.MENU_VIEW)
        self.menus["help"] = bar.addMenu(tr("&Help"))
        self.firstPainted.connect(lambda: QTimer.singleShot(0, self.complete))

        self.watcher = ChangeWatcher(state)
        state.changed.connect(self._show_model)
        state.announced.connect(self.show_status)
        reporter.statusChanged.connect(self.show_status)
        state.dayRequested.connect(lambda _day, name: self.show_tab(name))
        state.explainRequested.connect(lambda _day, _version: self.show_tab("Predict"))
        state.actionRequested.connect(self._do_requested)
        self.runner.progress.connect(self.status_bar.show_progress)
        self.runner.message.connect(self.show_status)
        worker.notices().connect(self.show_status)  # from jobs, e.g. waiting for a lock
        # Failures nobody asked to handle, and a caller's handler that raised.
        self.runner.failed.connect(lambda name, exc, details: reporter.failure(lane_title(name), exc, details))
        self.runner.handlerFailed.connect(
            lambda name, exc, details: reporter.report(
                exc, details, tr("{work}: what followed failed").format(work=lane_title(name))
            )
        )
        self._midnight = QTimer(self)
        self._midnight.setInterval(60_000)
        self._midnight.timeout.connect(self._check_new_day)
        self._restore_settings()

    def complete(self) -> None:
        """What the first paint did not need, made right after it (once): the menus'
        actions and their keys, the recovery banner and the welcome panel, following the
        desktop's colours. Nothing shown waits for it: menus open and keys work from
        here on (start-up, and any earlier use of an action, call it first)."""
        if self.completed:
            return
        self.completed = True
        from iris_desktop.ui.actions.menus import MenuActions
        from iris_desktop.ui.widgets.recovery_banner import RecoveryBanner
        from iris_desktop.ui.widgets.welcome_panel import WelcomePanel

        made = MenuActions(
            self,
            self.state,
            self.reporter,
            self.theme,
            self.menus,
            lambda: [self.tabs.tabText(i) for i in range(self.tabs.count())],
        )
        self.data_actions, self.history_actions, self.report_actions = made.data, made.history, made.report
        self.daily_actions, self.model_actions, self.pipeline_actions = made.daily, made.model, made.pipeline
        self.view_actions, self.app_actions = made.view, made.app
        self.recovery_banner = RecoveryBanner()
        self.recovery_banner.acknowledged.connect(self._acknowledge_recovery)
        self.welcome = WelcomePanel(self.state, self.settings)  # what the first launch did, one line per pipeline
        self.welcome.tabRequested.connect(self.show_tab)
        self._column.insertWidget(0, self.recovery_banner)
        self._column.insertWidget(1, self.welcome)
        # Made after the tabs, they end the focus chain, whose Tab order is a circle: the
        # same circle as if made before them.
        self.state.modelUnusable.connect(self.daily_actions.model_unusable)
        self.app_actions.welcomeRequested.connect(self.welcome.show_again)
        self._install_shortcuts(made)
        self.theme.start()

    if not TYPE_CHECKING:  # mypy sees the attributes declared above, typed

        def __getattr__(self, name: str):
            """An action group (or the banner, the welcome panel) used before complete()
            ran: made now. The store's recovery is made when first needed."""
            if name == "recovery":
                from iris_desktop.ui.dialogs.store_recovery import StoreRecovery

                recovery = StoreRecovery(self.state, self.reporter, retry=self.start_loading, give_up=self._give_up)
                self.recovery = recovery
                return recovery
            if name in _MADE_BY_COMPLETE and not self.__dict__.get("completed", True):
                self.complete()
                return getattr(self, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # ---- start-up --------------------------------------------------------------

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    def start_loading(self) -> None:
        """Import the heavy modules, first-run or catch up, read the data: in a worker."""
        self.runner.run(
            "start-up",
            jobs.startup,
            *self.state.paths(),
            self.state.today(),
            status=tr("Starting up…"),
            on_finished=self._loaded,
            on_failed=self._start_failed,
        )

    def _loaded(self, result: jobs.StartupResult) -> None:
        self.daily_actions.last_catch_up_day = self.state.today()
        self.state.apply(result.snapshot)
        self.status_bar.show_model(self.state.model)  # also when there is none
        message = catch_up_text(result.summary)
        if result.first_run:
            s = result.summary
            message = tr(
                "First run: stored the Iris data set, trained the default model and simulated "
                "{days} days of daily history ({first} to {last})"
            ).format(days=s.days_added, first=s.first_day, last=s.last_day)
        self.show_status(message)
        if result.first_run:
            from iris_desktop.ui.widgets.welcome_panel import WelcomeFacts

            self.welcome.first_run(WelcomeFacts.of_first_run(result.summary, self.state))
        self._open_tabs()
        jobs.freeze_garbage()  # the tabs' widgets and plots too
        if result.summary.model_error and not result.snapshot.model_error:
            self.daily_actions.model_unusable(result.summary.model_error)
        if result.waiting_days and result.last_day is not None:  # last_day is set when days wait
            self.daily_actions.ask_long_catch_up(result.waiting_days, result.last_day)
        if result.summary.future is not None:
            self.daily_actions.offer_future_removal(result.summary.future)
        self.recovery_banner.show_note(result.recovery)
        if result.first_run:  # asked once: run the daily pipeline with the app closed?
            self.pipeline_actions.offer_schedule()
        if result.notes:  # e.g. model files of an older version converted (or to be retrained)
            self.reporter.show(tr("Model files updated"), "\n\n".join(result.notes), level="information")
        self.ready.emit()

    def _start_failed(self, exc: BaseException, details: str) -> None:
        """A store that cannot be opened goes to the recovery (dialogs/store_recovery.py).
        Anything else: say what failed (headless runs end here), then open the tabs all
        the same: Pipelines ▸ Catch up now retries."""
        if self.recovery.handle(exc):
            self.show_status(tr("The database needs attention"))
            return
        self.show_status(tr("Start-up failed"))
        self.reporter.report(exc, details, tr("Start-up failed"))
        self._open_tabs()
        self.state.refresh()

    def _acknowledge_recovery(self) -> None:
        self.runner.run(
            "recovery-note",
            jobs.acknowledge_recovery,
            *self.state.paths(),
            status=tr("Forgetting the recovery notice…"),
            on_finished=lambda _none: self.show_status(tr("The recovery notice will not be shown again")),
        )

    def _give_up(self, title: str, text: str) -> None:
        """The store cannot be used: say so, then close (headless: at once)."""
        self.show_status(title)
        self.gaveUp.emit(title, text)
        if self.reporter.interactive:
            box = self.reporter.show(title, text, level="critical")
            box.finished.connect(self.close)

    def _open_tabs(self) -> None:
        """Build the tab on screen first and paint it; the others follow, one per turn of
        the event loop, so the window answers between them."""
        self.state.ready = True
        self.watcher.start()
        self._midnight.start()
        current = self.tabs.currentIndex()
        self._build_tab(current)
        self.repaint()
        waiting = [i for i in range(len(TABS)) if i != current]

        def next_tab():
            if waiting:
                self._build_tab(waiting.pop(0))
                QTimer.singleShot(0, next_tab)
            else:
                self.all_tabs_built = True
                self.tabsBuilt.emit()

        QTimer.singleShot(0, next_tab)

    def _build_tab(self, index: int) -> None:
        name, factory = TABS[index]
        try:
            widget = factory(self)
        except Exception as exc:  # one broken tab must not take the window down
            import traceback

            self.reporter.report(
                exc, traceback.format_exc(), tr("The {tab} tab could not be built").format(tab=strings.tab_name(name))
            )
            return
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # replacing the page is not the user changing tabs
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, TabArea(widget), strings.tab_name(name))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)

    def tab(self, name: str) -> QWidget:
        """The tab called `name` in English, TABS' key (its LoadingPage until built)."""
        return self.tab_widget(self.tab_index(name))

    def tab_index(self, name: str) -> int:
        """The place of the tab `name` (English, as in TABS: the text shown is translated)."""
        return next(i for i, (key, _) in enumerate(TABS) if key == name)

    def show_tab(self, name: str) -> None:
        if any(key == name for key, _ in TABS):
            self.tabs.setCurrentIndex(self.tab_index(name))

    def tab_widget(self, index: int) -> QWidget:
        """The tab itself (inside its scroll area once built)."""
        widget = self.tabs.widget(index)
        inner = widget.widget() if isinstance(widget, QtWidgets.QScrollArea) else widget
        if inner is None:
            raise IndexError(f"no tab at {index}")
        return inner

    def _do_requested(self, action: str) -> None:
        """An empty tab's button (AppState.actionRequested): the menus' own action."""
        actions = {
            STORE_BUNDLED: self.data_actions.backfill,
            TRAIN_DEFAULT: self.model_actions.train_default_model,
            CATCH_UP: self.daily_actions.catch_up_now,
        }
        actions[action]()

    def _check_new_day(self) -> None:
        if self.daily_actions.last_catch_up_day != self.state.today() and self.state.ready:
            self.daily_actions.catch_up_now()

    # ---- status bar ------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status_bar = StatusBar(self.runner)
        self.setStatusBar(self.status_bar)
        # Its parts, by the names tests and older code use.
        bar = self.status_bar
        self.progress, self.status_label = bar.progress, bar.status_label
        self.cancel_button, self.model_label = bar.cancel_button, bar.model_label

    def _show_model(self, changes) -> None:
        if changes.model:
            self.status_bar.show_model(self.state.model)

    def show_status(self, text: str) -> None:
        self.status_bar.show_status(text)

    # ---- keys ------------------------------------------------------------------

    def _install_shortcuts(self, made: MenuActions) -> None:
        """Key sequences are set after the first paint: the first one makes PySide build
        the whole Qt namespace's enums (~20 ms), and no one presses a key before that."""
        for act, keys in made.shortcuts():
            act.setShortcut(keys)
        for i in range(min(len(TABS), 9)):
            shortcut = QShortcut(f"Ctrl+{i + 1}", self)
            shortcut.activated.connect(lambda i=i: self.tabs.setCurrentIndex(i))

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
        tab = int(cast("int | str", self.settings.value("window/tab", 0)))  # an INI file holds text
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
