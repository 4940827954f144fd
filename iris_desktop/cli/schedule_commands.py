"""`schedule install|remove|status`: the daily catch-up in the system's own scheduler."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from iris_desktop import paths
from iris_desktop.cli.common import out as _out
from iris_desktop.errors import InvalidValue

BACKEND_NAMES = ("systemd", "cron", "launchd", "schtasks")


def add_commands(command) -> None:
    sc = command(
        "schedule",
        schedule,
        "run `catch-up` every day with the system's scheduler: install, remove, or show its status",
    )
    sc.add_argument("action", choices=["install", "remove", "status"])
    sc.add_argument(
        "--backend",
        choices=BACKEND_NAMES,
        help="the scheduler (default: a systemd user timer on Linux where one can run, else cron; "
        "a LaunchAgent on macOS; a Task Scheduler task on Windows)",
    )
    sc.add_argument("--time", type=_time, default=None, metavar="HH:MM", help="when, every day (default 00:05)")
    sc.add_argument("--dry-run", action="store_true", help="print the files or commands; change nothing")
    sc.add_argument("--unit-dir", type=Path, metavar="DIR", help="systemd units or launchd agents go in DIR")
    sc.add_argument("--crontab-file", type=Path, metavar="FILE", help="edit FILE instead of the user's crontab")


def _time(text: str) -> dt.time:
    from iris_desktop.pipelines.schedule import parse_time

    try:
        return parse_time(text)
    except InvalidValue:
        raise argparse.ArgumentTypeError(f"not a time of day as HH:MM: {text!r}") from None


def schedule(args) -> int:
    from iris_desktop.pipelines import schedule as scheduling

    chosen = scheduling.backend(args.backend, unit_dir=args.unit_dir, crontab_file=args.crontab_file)
    job = scheduling.job_for(paths.data_dir(), args.time or scheduling.DEFAULT_TIME)
    if args.action == "install":
        plan = chosen.install_plan(job)
    elif args.action == "remove":
        plan = chosen.remove_plan(job.name)
    else:
        if args.time is not None or args.dry_run:
            raise InvalidValue("schedule status: --time and --dry-run are for install and remove")
        return _status(chosen, job.name)
    if args.dry_run:
        for line in plan.describe() or ["nothing to do: not scheduled"]:
            _out(line)
        _out("Dry run: nothing was changed.")
        return 0
    if not plan.steps:
        _out(f"Not scheduled ({chosen.label}): nothing to remove.")
        return 0
    from iris_desktop.pipelines.schedule.common import carry_out

    carry_out(plan, chosen.runner)
    if args.action == "install":
        _out(f"Scheduled with a {chosen.label}: `catch-up` of {job.data_dir} every day at {job.time:%H:%M}.")
    else:
        _out(f"Removed the schedule ({chosen.label}).")
    return 0


def _status(chosen, name: str) -> int:
    from iris_desktop.pipelines.schedule import missed_run
    from iris_desktop.store import open_store
    from iris_desktop.store import runs as run_table

    status = chosen.status(name)
    if not status.installed:
        _out(f"Not scheduled ({chosen.label}; looked in {status.where}).")
        return 0
    last = None
    if paths.database_path().is_file():
        with open_store() as store:
            last = run_table.last(store, "catch-up", trigger="scheduler")
    _out(f"Scheduled: {chosen.label} {status.name} ({status.where})")
    _out(f"time:          {f'every day at {status.time:%H:%M}' if status.time else 'not a daily time'}")
    _out(f"command:       {status.command or 'none found'}")
    _out(f"installed:     {_when(status.installed_at)}")
    _out(f"enabled:       {_yes_no(status.enabled)}")
    _out(f"last trigger:  {_when(status.last_trigger, 'not known' if status.enabled is None else 'never')}")
    _out(f"next trigger:  {_when(status.next_trigger)}")
    _out(f"last scheduled run: {_run(last)}")
    for note in status.notes:
        _out(f"note: {note}")
    missed = missed_run(status, last, dt.datetime.now().astimezone())
    if missed is not None:
        _out(f"warning: {missed.message()}.")
    return 0


def _when(when: dt.datetime | None, none: str = "not known") -> str:
    return f"{when:%Y-%m-%d %H:%M}" if when else none


def _yes_no(value: bool | None) -> str:
    return "not known" if value is None else ("yes" if value else "no")


def _run(run) -> str:
    if run is None:
        return "none recorded"
    when = dt.datetime.fromisoformat(run.started.replace("Z", "+00:00")).astimezone()
    return f"{when:%Y-%m-%d %H:%M}, {run.outcome}" + (f": {run.message}" if run.message else "")
