"""Did a scheduled run not happen? The schedule as the system has it (its time, since
when it exists, when the system last started it) against the runs table: the last
catch-up the scheduler started. Plain values in, an answer out: the app asks in a
worker and says it once per missed run; `schedule status` says it too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from iris_desktop.pipelines.schedule.common import ScheduleStatus
from iris_desktop.store.runs import RunRecord, local_time

GRACE = dt.timedelta(minutes=15)  # a scheduled run may start a little late and take a while
EARLY = dt.timedelta(minutes=1)  # clocks differ a little


@dataclass(frozen=True)
class MissedRun:
    due: dt.datetime  # when the scheduled catch-up should have run (local, aware): one notice each
    last_run: RunRecord | None  # the last catch-up the scheduler started, if any

    def message(self) -> str:
        text = f"The scheduled catch-up of {self.due:%Y-%m-%d %H:%M} did not run"
        if self.last_run is None:
            return text + " (no scheduled run is recorded)"
        return text + f" (the last scheduled run started {local_time(self.last_run.started):%Y-%m-%d %H:%M})"


def last_due(at: dt.time, now: dt.datetime) -> dt.datetime:
    """The last time of day `at` that is more than GRACE before `now` (aware, local)."""
    for days in (0, 1, 2):
        due = dt.datetime.combine(now.date() - dt.timedelta(days=days), at).astimezone()
        if due <= now - GRACE:
            return due
    raise AssertionError("a day back is always more than GRACE before now")


def missed_run(status: ScheduleStatus | None, last_scheduled: RunRecord | None, now: dt.datetime) -> MissedRun | None:
    """The scheduled run that should have happened and has no run recorded, or None: no
    schedule (or one that is off, or installed after its last due time), a scheduler run
    started since it was due, or the system started it moments ago (it is still running,
    its row not yet written)."""
    if status is None or not status.installed or status.time is None or status.enabled is False:
        return None
    due = last_due(status.time, now)
    if status.installed_at is not None and status.installed_at > due:
        return None
    if last_scheduled is not None and local_time(last_scheduled.started) >= due - EARLY:
        return None
    if status.last_trigger is not None and due <= status.last_trigger and now - status.last_trigger < GRACE:
        return None
    return MissedRun(due, last_scheduled)
