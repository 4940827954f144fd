"""A systemd user timer (Linux): NAME.service runs the catch-up once, NAME.timer starts it
every day at the time, with Persistent=true so a day the computer was off is run at the
next start. Installed in ~/.config/systemd/user, then `systemctl --user daemon-reload`
and `enable --now`. The status asks `systemctl --user show` for the timer's state."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

from iris_desktop.pipelines.schedule.common import (
    Backend,
    Command,
    Delete,
    Job,
    Plan,
    ScheduleStatus,
    Write,
    modified,
    read_file,
)

SYSTEMCTL = ("systemctl", "--user")
_PLAIN = re.compile(r"[A-Za-z0-9/._:=@+,-]+")
_CALENDAR = re.compile(r"^OnCalendar=\*-\*-\* (\d\d):(\d\d)(?::00)?$", re.M)
_EXEC = re.compile(r"^ExecStart=(.*)$", re.M)
_SHOWN = ("UnitFileState", "ActiveState", "LastTriggerUSec", "NextElapseUSecRealtime")


def default_unit_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user"


def quote(arg: str) -> str:
    """One word of a unit's command line: quoted and escaped as systemd reads it; %
    (specifiers) and $ (variables) doubled, so the word reaches the program as it is."""
    word = arg.replace("%", "%%").replace("$", "$$")
    if _PLAIN.fullmatch(arg):
        return word
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def service_text(job: Job) -> str:
    return (
        "[Unit]\n"
        f"Description=Iris Desktop: catch up the daily pipeline of {_one_line(str(job.data_dir))}\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(quote(a) for a in job.argv)}\n"
    )


def timer_text(job: Job) -> str:
    return (
        "[Unit]\n"
        f"Description=Iris Desktop: the daily catch-up at {job.time:%H:%M}\n"
        "\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {job.time:%H:%M}:00\n"
        "Persistent=true\n"
        f"Unit={job.name}.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text).replace("%", "%%")


class Systemd(Backend):
    name = "systemd"
    label = "systemd user timer"

    @property
    def folder(self) -> Path:
        return self.unit_dir or default_unit_dir()

    @property
    def asks_system(self) -> bool:
        return self.unit_dir is None

    def files(self, name: str) -> tuple[Path, Path]:
        return self.folder / f"{name}.service", self.folder / f"{name}.timer"

    def install_plan(self, job: Job) -> Plan:
        service, timer = self.files(job.name)
        steps: list[Write | Command] = [Write(service, service_text(job)), Write(timer, timer_text(job))]
        if self.asks_system:
            steps += [Command((*SYSTEMCTL, "daemon-reload")), Command((*SYSTEMCTL, "enable", "--now", timer.name))]
        return Plan(tuple(steps))

    def remove_plan(self, name: str) -> Plan:
        service, timer = self.files(name)
        if not (service.exists() or timer.exists()):
            return Plan()
        steps: list[Delete | Command] = []
        if self.asks_system:
            steps.append(Command((*SYSTEMCTL, "disable", "--now", timer.name), tolerate=True))
        steps += [Delete(timer), Delete(service)]
        if self.asks_system:
            steps.append(Command((*SYSTEMCTL, "daemon-reload")))
        return Plan(tuple(steps))

    def status(self, name: str) -> ScheduleStatus:
        service, timer = self.files(name)
        where = f"{timer} and {service.name}"
        timer_unit, service_unit = read_file(timer), read_file(service)
        if timer_unit is None:
            return ScheduleStatus(self.name, name, False, where)
        at = _CALENDAR.search(timer_unit)
        command = _EXEC.search(service_unit or "")
        notes: list[str] = []
        if service_unit is None:
            notes.append(f"{service} is missing: the timer has nothing to start")
        found = ScheduleStatus(
            self.name,
            name,
            True,
            where,
            time=dt.time(int(at.group(1)), int(at.group(2))) if at else None,
            command=command.group(1) if command else None,
            installed_at=modified(timer),
            notes=tuple(notes),
        )
        if not self.asks_system:
            notes.append("the timer's state was not asked (a unit folder was given)")
            return dataclasses.replace(found, notes=tuple(notes))
        return self._asked(found, timer.name, notes)

    def _asked(self, found: ScheduleStatus, timer: str, notes: list[str]) -> ScheduleStatus:
        shown = ",".join(_SHOWN)
        done = self.runner((*SYSTEMCTL, "show", timer, "--timestamp=unix", f"--property={shown}"), None)
        if done.returncode:  # systemd before 248 knows no --timestamp: its own format then
            done = self.runner((*SYSTEMCTL, "show", timer, f"--property={shown}"), None)
        if done.returncode:
            said = " ".join(done.stderr.split())[:200]
            notes.append(f"systemctl --user could not say the timer's state ({said})")
            return dataclasses.replace(found, notes=tuple(notes))
        values = dict(line.partition("=")[::2] for line in done.stdout.splitlines())
        if values.get("ActiveState") != "active":
            notes.append(f"the timer is {values.get('ActiveState') or 'not known to systemd'}: it is not running now")
        return dataclasses.replace(
            found,
            enabled=values.get("UnitFileState") == "enabled",
            last_trigger=parse_timestamp(values.get("LastTriggerUSec", "")),
            next_trigger=parse_timestamp(values.get("NextElapseUSecRealtime", "")),
            notes=tuple(notes),
        )


def parse_timestamp(text: str) -> dt.datetime | None:
    """systemctl's time: '@1718409903' (--timestamp=unix) or 'Mon 2026-06-15 00:05:00 CEST'
    (read as local time); None for 'n/a', empty or 0."""
    text = text.strip()
    if text.startswith("@"):
        seconds = text[1:].split(".")[0]
        return dt.datetime.fromtimestamp(int(seconds)).astimezone() if seconds.isdigit() and int(seconds) else None
    found = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", text)
    return dt.datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S").astimezone() if found else None
