"""The daily pipeline: catch up every missed day now."""
from __future__ import annotations

from iris_desktop.ui import jobs
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.worker import Task


class DailyActions(Actions):
    def populate(self, menu) -> None:
        self.action(menu, "&Catch up now", self.catch_up_now, "F5", "Generate and predict every missed day")

    def catch_up_now(self) -> Task:
        """A catch-up while one runs for the same day joins it."""
        # The day counts as handled when the catch-up starts: a failure is reported once,
        # not again every minute by the new-day timer.
        today = self.window.last_catch_up_day = self.state.today()

        def done(summary):
            self.done(summary.message())
            if summary.model_error:
                self.window.model_unusable(summary.model_error)

        return self.run("catch-up", jobs.catch_up, today, status="Catching up…", on_finished=done)
