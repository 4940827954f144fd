"""A line in the user's crontab (`crontab -l`, `crontab -`), under a comment that names
the schedule and says when it was installed. Only those two lines are ever added or
taken out: removing gives back the crontab as it was, byte for byte. cron keeps no
record of what it ran; the runs table does."""

from __future__ import annotations

import datetime as dt
import re
import shlex

from iris_desktop.pipelines.schedule.common import (
    Backend,
    Command,
    Job,
    Plan,
    ScheduleError,
    ScheduleStatus,
    Write,
    next_at,
    read_file,
)

MARK = "# iris-desktop schedule "
JOINED = " (a line break was added before this line)"  # the crontab did not end with one
_ENTRY = re.compile(r"^(\d{1,2}) (\d{1,2}) \* \* \* (.+)$")
_INSTALLED = re.compile(r", installed (\S+)")


def entry(job: Job) -> str:
    """The crontab line: minute, hour, every day, the command for /bin/sh (cron turns
    an unescaped % into a line break)."""
    return f"{job.time.minute} {job.time.hour} * * * " + shlex.join(job.argv).replace("%", "\\%")


def block(job: Job, joined: bool, now: dt.datetime) -> str:
    stamp = now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{MARK}{job.name}: the daily catch-up, installed {stamp}{JOINED if joined else ''}\n{entry(job)}\n"


def without(text: str, name: str) -> tuple[str, str | None, str | None]:
    """(the crontab without our two lines for `name`, the comment, the entry): the
    line break added before them goes too."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith(f"{MARK}{name}:"):
            comment, following = line.rstrip("\n"), lines[i + 1 : i + 2]
            rest = "".join(lines[:i] + lines[i + 2 :])
            if JOINED in comment:
                before = "".join(lines[:i])
                rest = before.removesuffix("\n") + "".join(lines[i + 2 :])
            return rest, comment, following[0].rstrip("\n") if following else None
    return text, None, None


class Cron(Backend):
    name = "cron"
    label = "crontab line"

    @property
    def where(self) -> str:
        return str(self.crontab_file) if self.crontab_file else "the user's crontab (crontab -l)"

    def read(self) -> str | None:
        """The crontab's text; None if the user has none."""
        if self.crontab_file is not None:
            return read_file(self.crontab_file)
        done = self.runner(("crontab", "-l"), None)
        if done.returncode == 0:
            return done.stdout
        if "no crontab" in done.stderr.lower():
            return None
        if done.returncode == 127:
            raise ScheduleError("cron is not installed here (no `crontab` command): install it, or choose --backend")
        raise ScheduleError(f"`crontab -l` failed: {' '.join((done.stderr or done.stdout).split())[:200]}")

    def _written(self, text: str, had: bool) -> Plan:
        if self.crontab_file is not None:
            return Plan((Write(self.crontab_file, text),))
        if not text and not had:  # the user had no crontab: none again
            return Plan((Command(("crontab", "-r"), tolerate=True),))
        return Plan((Command(("crontab", "-"), stdin=text),))

    def install_plan(self, job: Job, now: dt.datetime | None = None) -> Plan:
        current = self.read()
        text, _comment, _entry = without(current or "", job.name)  # installing again replaces it
        joined = bool(text) and not text.endswith("\n")
        new = text + ("\n" if joined else "") + block(job, joined, now or dt.datetime.now().astimezone())
        return self._written(new, current is not None)

    def remove_plan(self, name: str) -> Plan:
        current = self.read()
        text, comment, _entry = without(current or "", name)
        if comment is None:
            return Plan()
        return self._written(text, self.crontab_file is not None or bool(text))

    def status(self, name: str) -> ScheduleStatus:
        current = self.read()
        _text, comment, line = without(current or "", name)
        if comment is None:
            return ScheduleStatus(self.name, name, False, self.where)
        found = _ENTRY.match(line or "")
        at = dt.time(int(found.group(2)), int(found.group(1))) if found and _valid(found) else None
        stamp = _INSTALLED.search(comment)
        installed = _parse_utc(stamp.group(1)) if stamp else None
        notes = ["cron keeps no record of its runs: see `iris-desktop runs --pipeline catch-up`"]
        if at is None:
            notes.append(f"the line under the comment is not a daily time: {line!r}")
        return ScheduleStatus(
            self.name,
            name,
            True,
            self.where,
            time=at,
            command=line,
            installed_at=installed,
            next_trigger=next_at(at, dt.datetime.now().astimezone()) if at else None,
            notes=tuple(notes),
        )


def _valid(found: re.Match[str]) -> bool:
    return int(found.group(1)) < 60 and int(found.group(2)) < 24


def _parse_utc(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc).astimezone()
    except ValueError:
        return None
