"""What every scheduler backend shares: the job (the catch-up command line for one data
folder, at a time of day), a plan of steps (files written or removed, commands run)
that `--dry-run` prints and `install`/`remove` carry out, the status read back from the
system, and the runner through which every system command goes (tests pass their own)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iris_desktop.errors import InvalidValue, UserError

DEFAULT_TIME = dt.time(0, 5)
COMMAND_TIMEOUT_S = 60


class ScheduleError(UserError):
    """The schedule cannot be installed, removed or read as asked; the message says why."""


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str = ""
    stderr: str = ""


# argv, and what to write to its standard input (None: nothing)
Runner = Callable[[Sequence[str], str | None], Result]


def run_command(argv: Sequence[str], stdin: str | None = None) -> Result:
    """Run a system command (systemctl, crontab, launchctl, schtasks) and capture it; a
    missing program is exit code 127, as a shell says it."""
    try:
        done = subprocess.run(
            list(argv), input=stdin, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S, check=False
        )
    except FileNotFoundError:
        return Result(127, "", f"{argv[0]}: command not found")
    except (OSError, subprocess.SubprocessError) as exc:
        return Result(126, "", f"{argv[0]}: {exc}")
    return Result(done.returncode, done.stdout, done.stderr)


def parse_time(text: str) -> dt.time:
    """HH:MM, 24-hour."""
    hours, sep, minutes = text.strip().partition(":")
    numbers = sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2
    if numbers and int(hours) < 24 and int(minutes) < 60:
        return dt.time(int(hours), int(minutes))
    raise InvalidValue(f"--time: not a time of day as HH:MM (00:00-23:59): {text!r}")


# ---- the job ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """The daily catch-up of one data folder: its name in the scheduler, the command line."""

    name: str
    argv: tuple[str, ...]
    time: dt.time
    data_dir: Path


def job_name(data_dir: Path) -> str:
    """One schedule per data folder: the name carries a digest of the folder's path."""
    digest = hashlib.sha256(str(data_dir).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"iris-desktop-catch-up-{digest}"


def program() -> tuple[str, ...]:
    """How to start this installation's command line: a frozen bundle's own executable
    (on Windows its console twin, iris-desktop-cli.exe, which a scheduler can run
    without a window), else this interpreter with `-m iris_desktop`."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        twin = exe.with_name("iris-desktop-cli.exe")
        if sys.platform == "win32" and twin.is_file():
            exe = twin
        return (str(exe),)
    return (sys.executable, "-m", "iris_desktop")


def job_for(data_dir: Path, at: dt.time = DEFAULT_TIME) -> Job:
    """The catch-up of `data_dir` at `at` every day, marked as the scheduler's runs."""
    folder = Path(os.path.abspath(data_dir))
    if any(not c.isprintable() for c in str(folder)):
        raise ScheduleError(f"the data folder's path holds a control character: {str(folder)!r}")
    argv = (*program(), "--data-dir", str(folder), "catch-up", "--scheduled")
    return Job(job_name(folder), argv, at, folder)


# ---- plans -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Write:
    path: Path
    text: str


@dataclass(frozen=True)
class Delete:
    path: Path


@dataclass(frozen=True)
class Command:
    argv: tuple[str, ...]
    stdin: str | None = None
    tolerate: bool = False  # a failure is expected at times (stopping what is not running)


Step = Write | Delete | Command


@dataclass(frozen=True)
class Plan:
    steps: tuple[Step, ...] = ()

    def describe(self) -> list[str]:
        """What carrying it out would do, for --dry-run: files in full, commands as typed."""
        lines: list[str] = []
        for step in self.steps:
            if isinstance(step, Write):
                lines += [f"write {step.path}:", *(f"    {line}" for line in step.text.splitlines())]
            elif isinstance(step, Delete):
                lines.append(f"remove {step.path}")
            else:
                lines.append("run: " + shown_command(step.argv))
                if step.stdin is not None:
                    lines += ["  with this input:", *(f"    {line}" for line in step.stdin.splitlines())]
        return lines


def shown_command(argv: Sequence[str]) -> str:
    if sys.platform == "win32":
        return subprocess.list2cmdline(list(argv))
    import shlex

    return shlex.join(argv)


def carry_out(plan: Plan, runner: Runner) -> None:
    """Each step in order; the first that fails stops it (ScheduleError saying which),
    and the files written before it are put back as they were (an install the system
    refused leaves no units behind)."""
    written: list[tuple[Path, str | None]] = []
    try:
        for step in plan.steps:
            if isinstance(step, Write):
                written.append((step.path, read_file(step.path)))
                write_file(step.path, step.text)
            elif isinstance(step, Delete):
                try:
                    step.path.unlink(missing_ok=True)
                except OSError as exc:
                    raise ScheduleError(f"cannot remove {step.path}: {exc.strerror or exc}") from exc
            else:
                done = runner(step.argv, step.stdin)
                if done.returncode and not step.tolerate:
                    said = " ".join((done.stderr or done.stdout).split())[:300] or f"exit code {done.returncode}"
                    raise ScheduleError(f"`{shown_command(step.argv)}` failed: {said}")
    except ScheduleError:
        for path, before in reversed(written):
            try:
                if before is None:
                    path.unlink(missing_ok=True)
                else:
                    write_file(path, before)
            except (OSError, ScheduleError):
                pass  # the error being raised is the one to tell
        raise


def write_file(path: Path, text: str) -> None:
    """Write `text` whole or not at all (a temporary file renamed into place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                f.write(text)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ScheduleError(f"cannot write {path}: {exc.strerror or exc}") from exc


def read_file(path: Path) -> str | None:
    """The file's text (bytes kept as they are), None if it does not exist."""
    try:
        return path.read_bytes().decode("utf-8", "surrogateescape")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ScheduleError(f"cannot read {path}: {exc.strerror or exc}") from exc


def modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None


# ---- status -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleStatus:
    """A schedule as the system has it (never as a flag of ours says)."""

    backend: str
    name: str
    installed: bool
    where: str  # the files, the crontab, the task
    time: dt.time | None = None
    command: str | None = None  # as the system holds it (the crontab line, ExecStart, the task's action)
    installed_at: dt.datetime | None = None
    enabled: bool | None = None  # None: not known (the system was not asked, or cannot say)
    last_trigger: dt.datetime | None = None
    next_trigger: dt.datetime | None = None
    notes: tuple[str, ...] = field(default=())  # what could not be read, and why


def next_at(at: dt.time, now: dt.datetime) -> dt.datetime:
    """The next local time `at` after `now` (aware)."""
    today = dt.datetime.combine(now.date(), at).astimezone()
    return today if today > now else dt.datetime.combine(now.date() + dt.timedelta(days=1), at).astimezone()


class Backend:
    """One scheduler. `install_plan`/`remove_plan` say what would be done; `status` reads
    the schedule back. Given a folder or file of their own (tests, --unit-dir,
    --crontab-file), backends touch only that and never call the system."""

    name = ""
    label = ""  # in words

    def __init__(self, runner: Runner = run_command, unit_dir: Path | None = None, crontab_file: Path | None = None):
        self.runner = runner
        self.unit_dir = unit_dir
        self.crontab_file = crontab_file

    def install_plan(self, job: Job) -> Plan:
        raise NotImplementedError

    def remove_plan(self, name: str) -> Plan:
        raise NotImplementedError

    def status(self, name: str) -> ScheduleStatus:
        raise NotImplementedError

    def install(self, job: Job) -> Plan:
        plan = self.install_plan(job)
        carry_out(plan, self.runner)
        return plan

    def remove(self, name: str) -> Plan:
        plan = self.remove_plan(name)
        carry_out(plan, self.runner)
        return plan
