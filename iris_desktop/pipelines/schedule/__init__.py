"""The daily catch-up in the system's own scheduler: a systemd user timer, a crontab line,
a LaunchAgent or a Task Scheduler task (one module each, one interface: common.Backend).
The command it runs is this installation's (the bundle's executable, or this interpreter
with -m iris_desktop), with the data folder given and `--scheduled`, so its runs are
recorded as the scheduler's. Its status is always read back from the system.

For the app (the Pipelines tab, the missed-run notice), off the GUI thread:
`find_schedule(data_dir)` -> the ScheduleStatus of the schedule installed for that folder
(or None), and `check_missed(store, data_dir, now)` -> (status, MissedRun or None).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

from iris_desktop.pipelines.schedule.common import (
    DEFAULT_TIME,
    Backend,
    Job,
    Plan,
    Result,
    Runner,
    ScheduleError,
    ScheduleStatus,
    job_for,
    job_name,
    parse_time,
    run_command,
)
from iris_desktop.pipelines.schedule.cron import Cron
from iris_desktop.pipelines.schedule.launchd import Launchd
from iris_desktop.pipelines.schedule.missed import MissedRun, missed_run
from iris_desktop.pipelines.schedule.schtasks import Schtasks
from iris_desktop.pipelines.schedule.systemd import Systemd
from iris_desktop.store import Store
from iris_desktop.store import runs as run_table

BACKENDS: dict[str, type[Backend]] = {b.name: b for b in (Systemd, Cron, Launchd, Schtasks)}


def has_user_systemd(runner: Runner = run_command) -> bool:
    """A systemd user manager answers (not in a container, nor over plain SSH without one)."""
    if shutil.which("systemctl") is None:
        return False
    return runner(("systemctl", "--user", "show-environment"), None).returncode == 0


def native_backend(runner: Runner = run_command) -> str:
    """The platform's own: a systemd user timer where one can run, else cron (Linux);
    a LaunchAgent (macOS); a Task Scheduler task (Windows)."""
    if sys.platform == "win32":
        return "schtasks"
    if sys.platform == "darwin":
        return "launchd"
    return "systemd" if has_user_systemd(runner) else "cron"


def backend(
    name: str | None = None,
    runner: Runner = run_command,
    unit_dir: Path | None = None,
    crontab_file: Path | None = None,
) -> Backend:
    """The backend `name` (default: the one a folder or file given is for, else the
    platform's own), touching only `unit_dir` or `crontab_file` when given."""
    if name is None:
        if crontab_file is not None:
            name = "cron"
        elif unit_dir is not None:
            name = "launchd" if sys.platform == "darwin" else "systemd"
        else:
            name = native_backend(runner)
    if name not in BACKENDS:
        raise ScheduleError(f"--backend: one of {', '.join(BACKENDS)}, not {name!r}")
    if unit_dir is not None and name not in ("systemd", "launchd"):
        raise ScheduleError(f"--unit-dir is a folder of systemd units or launchd agents, not for {name}")
    if crontab_file is not None and name != "cron":
        raise ScheduleError(f"--crontab-file is for the cron backend, not for {name}")
    return BACKENDS[name](runner, unit_dir, crontab_file)


def _candidates() -> tuple[str, ...]:
    """Where a schedule may be on this platform (one installed with --backend too)."""
    if sys.platform == "win32":
        return ("schtasks",)
    if sys.platform == "darwin":
        return ("launchd", "cron")
    return ("systemd", "cron")


def find_schedule(data_dir: Path, runner: Runner = run_command) -> ScheduleStatus | None:
    """The schedule installed for `data_dir`, as the system has it; None if there is none.
    Runs system commands (tens of milliseconds): not on the GUI thread."""
    name = job_name(Path(data_dir).absolute())
    for candidate in _candidates():
        if candidate == "cron" and shutil.which("crontab") is None:
            continue
        try:
            status = backend(candidate, runner).status(name)
        except ScheduleError:
            continue
        if status.installed:
            return status
    return None


def check_missed(
    store: Store, data_dir: Path, now: dt.datetime | None = None, runner: Runner = run_command
) -> tuple[ScheduleStatus | None, MissedRun | None]:
    """The schedule of `data_dir` and the scheduled run it missed, if one (see missed.py)."""
    status = find_schedule(data_dir, runner)
    if status is None:
        return None, None
    last = run_table.last(store, "catch-up", trigger="scheduler")
    return status, missed_run(status, last, now or dt.datetime.now().astimezone())


__all__ = [
    "BACKENDS",
    "DEFAULT_TIME",
    "Backend",
    "Job",
    "MissedRun",
    "Plan",
    "Result",
    "Runner",
    "ScheduleError",
    "ScheduleStatus",
    "backend",
    "check_missed",
    "find_schedule",
    "job_for",
    "job_name",
    "missed_run",
    "native_backend",
    "parse_time",
    "run_command",
]
