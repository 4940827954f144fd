"""The daily pipeline: catch up every missed day now; what start-up asks about days (a
catch-up of more than a year, days stored after today)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import Task

if TYPE_CHECKING:
    from iris_desktop.pipelines.inference import CatchUpSummary


def catch_up_message(summary: CatchUpSummary) -> str:
    """What a catch-up did, as CatchUpSummary.message() says it, in the user's language
    (the same words as the Daily tab's catch_up_text)."""
    if summary.days_added:
        days = tr("%n missed day(s)", None, summary.days_added)
        if summary.first_day != summary.last_day:
            text = tr("Caught up {days} (from {first} to {last})").format(
                days=days, first=summary.first_day, last=summary.last_day
            )
        else:
            text = tr("Caught up {days} ({first})").format(days=days, first=summary.first_day)
    elif summary.predictions_made:
        text = tr("Predicted {flowers}").format(flowers=tr("%n daily flower(s)", None, summary.predictions_made))
    else:
        text = tr("Up to date")
    if summary.model_version is None and summary.pending:
        predictions = tr("%n prediction(s)", None, summary.pending)
        if summary.model_error:
            template = tr("{text}; {predictions} pending: the active model cannot be used")
        else:
            template = tr("{text}; {predictions} pending: no active model")
        text = template.format(text=text, predictions=predictions)
    return text


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
            self.done(catch_up_message(summary))
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
