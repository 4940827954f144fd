"""The daily pipeline: catch up every missed day now; what start-up asks about days (a
catch-up of more than a year, days stored after today)."""

from __future__ import annotations

import datetime as dt

from iris_desktop.domain import plural
from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.worker import Task


class DailyActions(Actions):
    last_catch_up_day: dt.date | None = None  # the day the last catch-up was started for

    def populate(self, menu) -> None:
        self.action(menu, "&Catch up now", self.catch_up_now, "F5", "Generate and predict every missed day")

    def catch_up_now(self) -> Task:
        """A catch-up while one runs for the same day joins it."""
        # The day counts as handled when the catch-up starts: a failure is reported once,
        # not again every minute by the new-day timer.
        today = self.last_catch_up_day = self.state.today()

        def done(summary):
            self.done(summary.message())
            if summary.model_error:
                self.model_unusable(summary.model_error)

        return self.run("catch-up", jobs.catch_up, today, status="Catching up…", on_finished=done)

    def model_unusable(self, reason: str) -> None:
        self.reporter.show(
            "The active model cannot be used",
            f"{reason}\n\nThe daily flowers were generated; their predictions wait for a "
            "usable model. Train one (Pipelines ▸ Train default model) or choose another "
            "(Pipelines ▸ Active model).",
            level="warning",
        )

    def ask_long_catch_up(self, days: int, last: dt.date) -> None:
        self.done(f"{plural(days, 'day')} not caught up yet: Pipelines ▸ Catch up now (F5)")
        self.reporter.ask(
            "Catch up more than a year?",
            f"The last daily flower is from {last}: {plural(days, 'day')} have passed since. Catching up "
            f"generates and predicts a flower for each of them (stored days are never changed).",
            f"Catch up {plural(days, 'day')}",
            "Not now",
            self.catch_up_now,
        )

    def offer_future_removal(self, future) -> None:
        """`future`: daily_calendar.FutureDays."""

        def remove() -> None:
            self.run(
                "catch-up",
                jobs.remove_future_days,
                self.state.today(),
                status="Removing days after today…",
                on_finished=lambda n: self.done(f"Removed {plural(n, 'day')} stored after today"),
            )

        self.done(f"{future.count} stored days lie after today")
        self.reporter.ask("Days stored after today", future.message() + ".", "Remove them", "Keep them", remove)
