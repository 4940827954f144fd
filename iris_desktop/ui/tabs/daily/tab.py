"""The Daily tab: the original lab's daily feature pipeline (one synthetic flower a day),
seen and steered.

Today's flower (or any day: previous / next, a date, the list, a click on a plot) is
drawn to scale with its measurements, its true variety and the prediction made for it.
The generator that made it is drawn over the stored flowers on petal length x width and
on a second pair of features the user picks, with its parameters as a table, so the
days where versicolor and virginica overlap, and why a day was hard, can be seen. The
pipeline itself is steered from here: the generator of the days to come, the history's
start, "Catch up now".

The whole history is read as columns in a worker (daily_jobs.read_daily) whenever the
store changes; stepping from day to day only moves a marker and sets some labels.
"""

from __future__ import annotations

import datetime as dt
import itertools

import shiboken6
from PySide6 import QtWidgets
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.tabs.daily import jobs as daily_jobs
from iris_desktop.ui.tabs.daily.day_list import DayList
from iris_desktop.ui.tabs.daily.day_panel import DayPanel
from iris_desktop.ui.tabs.daily.generator_view import GeneratorView
from iris_desktop.ui.tabs.daily.params_table import ParamsTable
from iris_desktop.ui.tabs.daily.steering import SteeringBox, qdate
from iris_desktop.ui.widgets.splitters import remember, splitter


class DailyTab(QWidget):
    def __init__(self, state: AppState, window=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.window = state, window
        self.settings = app_settings()
        self.data: daily_jobs.DailyData | None = None
        self.row: int | None = None  # the day shown, a row of self.data
        self._wanted: dt.date | None = None  # a day asked for before the data arrived
        self._task = None  # the pipeline task this tab started and follows
        self.reload()  # first: the worker reads while the widgets are built
        self._build()
        self._restore()
        state.dataChanged.connect(self._store_changed)
        state.modelChanged.connect(self._store_changed)
        state.dayRequested.connect(self._day_requested)

    # ---- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.prev_button = QPushButton("◀ Pre&vious day")
        self.prev_button.setToolTip("The day before (Alt+Left)")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton("&Next day ▶")
        self.next_button.setToolTip("The day after (Alt+Right)")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip("Any day of the daily history")
        self.date_edit.dateChanged.connect(self._date_picked)
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.date_edit)
        self.today_button = QPushButton("T&oday")
        self.today_button.setToolTip("Today's flower (or the last one stored)")
        self.today_button.clicked.connect(self.show_today)
        self.history_button = QPushButton("Show in H&istory")
        self.history_button.setToolTip("Open this day in the History tab (also: double-click a day in the list)")
        self.history_button.clicked.connect(self.show_in_history)
        self.note = QLabel()
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.prev_button, date_label, self.date_edit, self.next_button, self.today_button):
            bar.addWidget(w)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.history_button)
        for keys, delta in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self, activated=lambda d=delta: self.step(d))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.day_panel = DayPanel()
        self.day_list = DayList()
        self.day_list.daySelected.connect(self.show_row)
        self.day_list.dayActivated.connect(lambda row: (self.show_row(row), self.show_in_history()))
        self.day_list.wrong_only.toggled.connect(lambda on: self.settings.setValue("daily/wrong_only", on))
        self.params = ParamsTable()
        params_box = QGroupBox("Parameters of the generator drawn")
        QVBoxLayout(params_box).addWidget(self.params)
        self.steering = SteeringBox()
        self.steering.generatorRequested.connect(self.change_generator)
        self.steering.historyStartRequested.connect(self.extend_history)
        self.steering.catchUpRequested.connect(self.catch_up_now)
        self.steering.stopRequested.connect(self._stop)

        self.generator_view = GeneratorView(self.settings)
        self.generator_view.dayClicked.connect(self.show_row)
        self.generator_view.drawn.connect(lambda settings: self.params.show_generator(self.data, settings))
        self.generator_view.saved.connect(lambda path: self._say(f"Saved the plot to {path}"))
        self.top = splitter(Qt.Orientation.Horizontal, [self.day_panel, self.generator_view], (0, 1))
        list_box = QGroupBox("Every daily flower")
        QVBoxLayout(list_box).addWidget(self.day_list)
        self.bottom = splitter(Qt.Orientation.Horizontal, [list_box, params_box, self.steering], (1,))
        self.main = splitter(Qt.Orientation.Vertical, [self.top, self.bottom], (3, 2))
        # Until the history is read, a line of text: painting empty plots first would
        # only delay the real ones.
        self.reading = QLabel("Reading the daily history…")
        self.reading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.main.hide()
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(self.reading, 1)
        outer.addWidget(self.main, 1)
        self.setMinimumSize(780, 580)  # below it the window scrolls

        view = self.generator_view
        order = [
            self.prev_button,
            self.date_edit,
            self.next_button,
            self.today_button,
            self.history_button,
            view.overlay,
            view.only_made,
            view.export_button,
            view.pair_x,
            view.pair_y,
            self.day_list.wrong_only,
            self.day_list.view,
            self.steering.combo,
            self.steering.apply,
            self.steering.start,
            self.steering.extend,
            self.steering.catch_up,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    def _restore(self) -> None:
        s = self.settings
        self.day_list.wrong_only.setChecked(str(s.value("daily/wrong_only", "false")).lower() == "true")
        self.main.setSizes([440, 340])  # until the user moves it (then restored below)
        self.bottom.setSizes([560, 420, 290])
        self.top.setSizes([340, 900])
        for name, split in (("top", self.top), ("bottom", self.bottom), ("main", self.main)):
            remember(split, s, f"daily/split_{name}")

    def heightForWidth(self, width: int) -> int:
        # Word-wrapped labels make the layout report its preferred height for a width;
        # the window's scroll area would then scroll a tab that fits. The minimum size
        # is what must fit; the splitters share the rest.
        return -1

    # ---- data -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the daily history again (in a worker); the day shown stays shown."""
        self.state.runner.run(
            "daily-load",
            daily_jobs.load,
            *self.state.paths(),
            self.state.today(),
            key="daily-load",
            writes=False,
            repeat="latest",
            on_finished=self._loaded,
            context=self,
        )

    def _store_changed(self, *_args) -> None:
        if self.isVisible():  # else showEvent reads it again
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.data is not None:  # a generator changed elsewhere changes no count: look again
            self.reload()

    def _loaded(self, data: daily_jobs.DailyData) -> None:
        keep = self._wanted or (self.current_day() if self.data is not None else None)
        self.data = data
        if self.main.isHidden():
            self.reading.hide()
            self.main.show()
        self.generator_view.set_data(data)
        self.day_list.set_data(data)
        self.steering.set_data(data, self.state.today())
        self.date_edit.blockSignals(True)
        if len(data):
            self.date_edit.setDateRange(qdate(data.day[0].item()), qdate(data.day[-1].item()))
        self.date_edit.blockSignals(False)
        row = data.index_of(keep) if keep is not None else None
        if row is None:
            row = data.index_of(self.state.today())
        if row is None and len(data):
            row = len(data) - 1
        self._wanted = None
        if row is None:
            self.row = None
            self.day_panel.show_nothing("No daily flower yet: “Catch up now” makes them")
            self.note.setText(f"The history will start on {data.history_start}")
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(self.state.today()))
            self.date_edit.blockSignals(False)
            self.generator_view.show_row(None)
            self._update_nav()
            return
        self.show_row(row)

    def current_day(self) -> dt.date | None:
        if self.data is None or self.row is None:
            return None
        return self.data.day[self.row].item()

    # ---- the day shown -------------------------------------------------------------------

    def show_row(self, row: int) -> None:
        """Show day `row` of the data everywhere: panel, plots, list, date."""
        data = self.data
        if data is None or not 0 <= row < len(data):
            return
        self.row = row
        today = self.state.today()
        self.day_panel.show_day(data, row, today)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(qdate(data.day[row].item()))
        self.date_edit.blockSignals(False)
        self.day_list.select(row)
        self.generator_view.show_row(row)
        self._update_nav()
        day = data.day[row].item()
        self.note.setText(
            f"The history was simulated from this day on ({len(data):,} days)"
            if day == data.history_start
            else f"{len(data):,} days since {data.history_start}"
        )

    def _update_nav(self) -> None:
        n = len(self.data) if self.data is not None else 0
        has = self.row is not None
        self.prev_button.setEnabled(has and self.row > 0)
        self.next_button.setEnabled(has and self.row < n - 1)
        self.date_edit.setEnabled(n > 0)
        self.today_button.setEnabled(n > 0)
        self.history_button.setEnabled(has)

    def step(self, delta: int) -> None:
        if self.row is not None:
            self.show_row(max(0, min(len(self.data) - 1, self.row + delta)))

    def show_today(self) -> None:
        if self.data is not None and len(self.data):
            row = self.data.index_of(self.state.today())
            self.show_row(row if row is not None else len(self.data) - 1)

    def show_date(self, day: dt.date) -> bool:
        """Show `day` if it is stored (remembered until the data arrives); False if not."""
        if self.data is None:
            self._wanted = day
            return True
        row = self.data.index_of(day)
        if row is not None:
            self.show_row(row)
        return row is not None

    def _date_picked(self, date: QDate) -> None:
        if not self.show_date(date.toPython()):
            self.note.setText(f"No daily flower on {date.toPython()}")

    def _day_requested(self, day, tab: str) -> None:
        if tab == "Daily":
            self.show_date(day)

    def show_in_history(self) -> None:
        day = self.current_day()
        if day is not None:
            self.state.dayRequested.emit(day, "History")

    # ---- steering --------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.steering.status.setText(text)
        if self.window is not None:
            self.window.show_status(text)

    def _alive(self, handler):
        """`handler`, skipped once this tab is gone (a task may end after it)."""
        return lambda *args: handler(*args) if shiboken6.isValid(self) else None

    def _follow(self, task, text: str, cancellable: bool = False) -> None:
        """Show `task`'s progress in the pipeline box until it ends."""
        self._task = task
        self.steering.set_busy(text, cancellable)
        task.progress.connect(self.steering.set_progress)
        task.done.connect(self._alive(lambda: self._task is task and self._unfollow()))
        if task.is_done:
            self._unfollow()

    def _unfollow(self) -> None:
        self._task = None
        self.steering.set_busy(None)

    def _stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _failed(self, exc: BaseException, _details: str) -> None:
        self._say(f"Not done: {exc}")
        QtWidgets.QMessageBox.warning(self, "Daily pipeline", str(exc))

    def catch_up_now(self):
        """Catch up every missed day: the window's action when there is a window (so a
        catch-up already running is joined, and the status bar says how it went), else
        the same job here."""
        if self.window is not None:
            task = self.window.daily_actions.catch_up_now()
        else:
            task = self.state.runner.run(
                "catch-up", jobs.catch_up, *self.state.paths(), self.state.today(), status="Catching up…", context=self
            )
        self._follow(task, "Catching up…")
        task.finished.connect(self._alive(self._caught_up))
        task.failed.connect(self._alive(self._catch_up_failed))
        task.done.connect(self._alive(self.reload))
        if task.is_done:  # joined one that had just ended
            self.reload()
        return task

    def _caught_up(self, summary) -> None:
        self.steering.status.setText(summary.message() + ".")

    def _catch_up_failed(self, exc: BaseException, _details: str) -> None:
        self.steering.status.setText(f"Not done: {exc}")  # the window reports it in full

    def change_generator(self, kind: str):
        """Make `kind` the generator of the days to come (a task in lane daily-settings)."""
        task = self.state.runner.run(
            "daily-settings",
            daily_jobs.change_generator,
            *self.state.paths(),
            kind,
            self.state.today(),
            key=("generator", kind),
            status="Changing the generator…",
            writes=True,
            on_finished=self._generator_changed,
            on_failed=self._failed,
            context=self,
        )
        self._follow(task, "Measuring the stored flowers…")
        return task

    def _generator_changed(self, change: daily_jobs.GeneratorChange) -> None:
        self._say(
            f"From {change.next_day} on, days are made by “{change.settings.label}”; "
            f"the {change.stored_days:,} stored days keep the generator that made them."
        )
        self.reload()

    def extend_history(self, start: dt.date):
        """Start the history on `start` (earlier): generate and predict the days before."""
        task = self.state.runner.run(
            "daily-settings",
            daily_jobs.extend_history,
            *self.state.paths(),
            start,
            self.state.today(),
            key=("history", start),
            status="Extending the daily history…",
            writes=True,
            on_finished=self._extended,
            on_failed=self._failed,
            context=self,
        )
        self._follow(task, f"Generating the days from {start}…", cancellable=True)
        task.cancelled.connect(self._alive(self._history_stopped))
        return task

    def _history_stopped(self) -> None:
        self._say("Stopped: the days stored so far stay, without a gap.")
        self.reload()

    def _extended(self, summary) -> None:
        if summary.days_added:
            text = f"Added {summary.days_added:,} days from {summary.first_day} to {summary.last_day}"
        else:
            text = "No day to add"
        if summary.predictions_made:
            text += f", {summary.predictions_made:,} predicted by model v{summary.model_version}"
        elif summary.pending:
            text += f"; {summary.pending:,} predictions pending (no usable active model)"
        self._say(text + ".")
        self.reload()
