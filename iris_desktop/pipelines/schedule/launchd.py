"""A LaunchAgent (macOS): a property list in ~/Library/LaunchAgents with the command line
and a StartCalendarInterval, loaded with `launchctl bootstrap gui/UID`. launchd runs a
calendar job missed while the computer slept when it wakes (not one missed while it was
off: the app's catch-up at launch covers those). The status asks `launchctl print`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import plistlib
import re
from pathlib import Path
from typing import Any

from iris_desktop.pipelines.schedule.common import (
    Backend,
    Command,
    Delete,
    Job,
    Plan,
    ScheduleError,
    ScheduleStatus,
    Write,
    modified,
    next_at,
    read_file,
    shown_command,
)

LABEL_PREFIX = "io.github.irisdesktop."


def label(name: str) -> str:
    return LABEL_PREFIX + name


def plist_text(job: Job) -> str:
    agent: dict[str, Any] = {
        "Label": label(job.name),
        "ProgramArguments": list(job.argv),
        "StartCalendarInterval": {"Hour": job.time.hour, "Minute": job.time.minute},
        "RunAtLoad": False,
        "ProcessType": "Background",
    }
    return plistlib.dumps(agent).decode("utf-8")


def _domain() -> str:
    return f"gui/{os.getuid() if hasattr(os, 'getuid') else 0}"


class Launchd(Backend):
    name = "launchd"
    label = "LaunchAgent"

    @property
    def folder(self) -> Path:
        return self.unit_dir or Path.home() / "Library" / "LaunchAgents"

    @property
    def asks_system(self) -> bool:
        return self.unit_dir is None

    def file(self, name: str) -> Path:
        return self.folder / f"{label(name)}.plist"

    def install_plan(self, job: Job) -> Plan:
        path = self.file(job.name)
        steps: list[Write | Command] = [Write(path, plist_text(job))]
        if self.asks_system:  # loaded again if it was: launchd reads the file when it loads it
            steps.insert(0, Command(("launchctl", "bootout", f"{_domain()}/{label(job.name)}"), tolerate=True))
            steps.append(Command(("launchctl", "bootstrap", _domain(), str(path))))
        return Plan(tuple(steps))

    def remove_plan(self, name: str) -> Plan:
        path = self.file(name)
        if not path.exists():
            return Plan()
        steps: list[Delete | Command] = [Delete(path)]
        if self.asks_system:
            steps.insert(0, Command(("launchctl", "bootout", f"{_domain()}/{label(name)}"), tolerate=True))
        return Plan(tuple(steps))

    def status(self, name: str) -> ScheduleStatus:
        path = self.file(name)
        text = read_file(path)
        if text is None:
            return ScheduleStatus(self.name, name, False, str(path))
        try:
            agent = plistlib.loads(text.encode("utf-8", "surrogateescape"))
        except (plistlib.InvalidFileException, ValueError) as exc:
            raise ScheduleError(f"{path} is not a property list: {exc}") from exc
        interval = agent.get("StartCalendarInterval") or {}
        at = None
        if isinstance(interval, dict) and {"Hour", "Minute"} <= interval.keys():
            at = dt.time(int(interval["Hour"]), int(interval["Minute"]))
        found = ScheduleStatus(
            self.name,
            name,
            True,
            str(path),
            time=at,
            command=shown_command([str(a) for a in agent.get("ProgramArguments", [])]),
            installed_at=modified(path),
            next_trigger=next_at(at, dt.datetime.now().astimezone()) if at else None,
        )
        if not self.asks_system:
            return dataclasses.replace(found, notes=("launchd was not asked (a folder was given)",))
        done = self.runner(("launchctl", "print", f"{_domain()}/{label(name)}"), None)
        if done.returncode:
            return dataclasses.replace(found, enabled=False, notes=("the agent is not loaded: it does not run",))
        last_exit = re.search(r"last exit code = (.+)", done.stdout)
        notes = (f"last exit code: {last_exit.group(1).strip()}",) if last_exit else ()
        return dataclasses.replace(found, enabled=True, notes=notes)
