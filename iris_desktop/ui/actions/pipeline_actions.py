"""The daily schedule (Pipelines ▸ Schedule daily run…, and the question a first run asks
once), and what the Pipelines tab's Run now starts: the menus' own backfill, training
and activation, so a run from the tab joins one from the menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.actions.data_actions import DataActions
from iris_desktop.ui.actions.model_actions import ModelActions
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.pipelines import schedule_target
from iris_desktop.ui.tabs.pipelines.schedule_dialog import ScheduleDialog

OFFERED = "pipelines/schedule_offered"  # settings: the first-run question was asked (and its answer)


class PipelineActions(Actions):
    scheduleChanged = Signal()  # installed or removed from the dialog

    def __init__(
        self, parent: QWidget, state: AppState, reporter: ErrorReporter, data: DataActions, models: ModelActions
    ):
        super().__init__(parent, state, reporter)
        self.data, self.models = data, models
        self.schedule_target = schedule_target.DEFAULT  # the system's scheduler (tests: a crontab file)
        self.dialog: ScheduleDialog | None = None

    def populate(self, menu) -> None:
        menu.addSeparator()
        self.action(
            menu,
            tr("&Schedule daily run…"),
            self.schedule_daily_run,
            tip=tr("Run the daily catch-up every day from the system's scheduler, even when the app is closed"),
        )

    def schedule_daily_run(self) -> ScheduleDialog:
        """The schedule dialog (one at a time): what installing does, then the status."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        self.dialog = ScheduleDialog(self.state, self.reporter, self.schedule_target, parent=self.widget)
        self.dialog.changed.connect(self.scheduleChanged.emit)
        self.dialog.show()
        return self.dialog

    def offer_schedule(self) -> None:
        """On a first run, ask once whether the daily pipeline should run with the app
        closed; No (the default, Enter, Escape) schedules nothing. The answer is kept."""
        settings = app_settings()
        if settings.value(OFFERED) is not None:
            return
        settings.setValue(OFFERED, "asked")

        def answered(answer: str):
            return lambda: settings.setValue(OFFERED, answer)

        def yes() -> None:
            answered("yes")()
            self.schedule_daily_run()

        question = tr("Run the daily pipeline even when the app is closed?")
        self.reporter.ask(
            question,
            tr(
                "{question}\n\nIris Desktop catches up every missed day when it starts. The system's scheduler "
                "can also run the daily catch-up every day with the app closed; you will see what it installs first "
                "(Pipelines ▸ Schedule daily run… does this at any time)."
            ).format(question=question),
            tr("Show the schedule…"),
            tr("No"),
            yes,
            destructive=True,  # Enter picks No: nothing is installed unless asked for
            on_no=answered("no"),
        )

    # ---- what Run now starts ------------------------------------------------------------

    def backfill(self) -> Task:
        return self.data.backfill()

    def train(self, config=None, retrain_version: int | None = None, activate: bool = True, on_finished=None) -> Task:
        return self.models.train(config, retrain_version, activate, on_finished)

    def activate(self, version: int) -> Task:
        return self.models.activate(version)
