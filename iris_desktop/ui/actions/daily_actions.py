"""The daily pipeline: catch up every missed day now; what start-up asks about days (a
catch-up of more than a year, days stored after today)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.widgets.pipeline_words import catch_up_text

if TYPE_CHECKING:
    pass


class DailyActions(Actions):
    last_catch_up_day: dt.date | None = None  # the day the last catch-up was started for

    def populate(self, menu) -> None:
        self.action(menu, tr("&Catch up now"), self.catch_up_now, "F5", tr("Generate and predict every missed day"))

    def catch_up_now(self) -> Task:
        """A catch-up while one runs for the same day joins it."""
        # The day counts as handled when the catch-up starts: a failure is reported once,
        # not again every minute by the new-day timer.
        today = self.last_catch_up_day = self.state.today()

        def done(summary):
            self.done(catch_up_text(summary))
            if summary.model_error:
                self.model_unusable(summary.model_error)

        return self.run("catch-up", jobs.catch_up, today, status=tr("Catching up…"), on_finished=done)

    def model_unusable(self, reason: str) -> None:
        self.reporter.show(
            tr("The active model cannot be used"),
            tr(
                "{reason}\n\nThe daily flowers were generated; their predictions wait for a "
                "usable model. Train one (Pipelines ▸ Train default model) or choose another "
                "(Pipelines ▸ Active model)."
            ).format(reason=reason),
            level="warning",
        )

    def ask_long_catch_up(self, days: int, last: dt.date) -> None:
        waiting = tr("%Ln day(s)", None, days)
        self.done(tr("{days} not caught up yet: Pipelines ▸ Catch up now (F5)").format(days=waiting))
        self.reporter.ask(
            tr("Catch up more than a year?"),
            tr(
                "The last daily flower is from {last}: {days} have passed since. Catching up "
                "generates and predicts a flower for each of them (stored days are never changed)."
            ).format(last=last, days=waiting),
            tr("Catch up {days}").format(days=waiting),
            tr("Not now"),
            self.catch_up_now,
        )

    def offer_future_removal(self, future) -> None:
        """`future`: daily_calendar.FutureDays."""

        def remove() -> None:
            self.run(
                "catch-up",
                jobs.remove_future_days,
                self.state.today(),
                status=tr("Removing days after today…"),
                on_finished=lambda n: self.done(
                    tr("Removed {days} stored after today").format(days=tr("%Ln day(s)", None, n))
                ),
            )

        self.done(tr("{count} stored days lie after today").format(count=future.count))
        self.reporter.ask(
            tr("Days stored after today"), future.message() + ".", tr("Remove them"), tr("Keep them"), remove
        )
