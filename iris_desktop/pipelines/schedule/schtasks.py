"""A Task Scheduler task (Windows), made and removed with schtasks.exe: daily at the
time, in the task folder "Iris Desktop". The status reads the task's definition as XML
(the same in every language of Windows) and its last and next run from `/V /FO LIST`
(labels in English only: otherwise they are left out, with a note)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET

from iris_desktop.pipelines.schedule.common import Backend, Command, Job, Plan, ScheduleError, ScheduleStatus

FOLDER = "Iris Desktop"
MAX_COMMAND = 261  # the longest /TR schtasks accepts
_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
_FORMATS = ("%m/%d/%Y %I:%M:%S %p", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y %H:%M:%S")


def task_name(name: str) -> str:
    return f"{FOLDER}\\{name}"


def command_line(job: Job) -> str:
    """The task's command, quoted as Windows programs read their arguments."""
    line = subprocess.list2cmdline(list(job.argv))
    if len(line) > MAX_COMMAND:
        raise ScheduleError(
            f"the command line is {len(line)} characters, more than the {MAX_COMMAND} schtasks accepts: "
            "install Iris Desktop (or keep the data folder) in a folder with a shorter path"
        )
    return line


def create_argv(job: Job) -> tuple[str, ...]:
    return (
        "schtasks",
        "/Create",
        "/F",  # replace one of the same name: installing again changes the time
        "/SC",
        "DAILY",
        "/ST",
        f"{job.time:%H:%M}",
        "/TN",
        task_name(job.name),
        "/TR",
        command_line(job),
    )


def delete_argv(name: str) -> tuple[str, ...]:
    return ("schtasks", "/Delete", "/F", "/TN", task_name(name))


class Schtasks(Backend):
    name = "schtasks"
    label = "Task Scheduler task"

    def install_plan(self, job: Job) -> Plan:
        return Plan((Command(create_argv(job)),))

    def remove_plan(self, name: str) -> Plan:
        if not self.status(name).installed:
            return Plan()
        return Plan((Command(delete_argv(name)),))

    def status(self, name: str) -> ScheduleStatus:
        task = task_name(name)
        done = self.runner(("schtasks", "/Query", "/TN", task, "/XML"), None)
        if done.returncode:
            return ScheduleStatus(self.name, name, False, task)
        found = parse_task_xml(done.stdout, name)
        listed = self.runner(("schtasks", "/Query", "/TN", task, "/V", "/FO", "LIST"), None)
        times = parse_list_times(listed.stdout) if listed.returncode == 0 else {}
        notes = () if times else ("the last and next run times could not be read (schtasks in another language?)",)
        return dataclasses.replace(
            found, last_trigger=times.get("Last Run Time"), next_trigger=times.get("Next Run Time"), notes=notes
        )


def parse_task_xml(text: str, name: str) -> ScheduleStatus:
    """The definition of the task, from `schtasks /Query /XML`."""
    try:
        root = ET.fromstring(text.lstrip("\ufeff").encode("utf-8").replace(b'encoding="UTF-16"', b'encoding="UTF-8"'))
    except ET.ParseError as exc:
        raise ScheduleError(f"schtasks gave a task definition that is not XML: {exc}") from exc
    start = root.findtext("t:Triggers/t:CalendarTrigger/t:StartBoundary", default="", namespaces=_NS)
    at = re.search(r"T(\d\d):(\d\d)", start)
    registered = root.findtext("t:RegistrationInfo/t:Date", default="", namespaces=_NS)
    command = root.findtext("t:Actions/t:Exec/t:Command", default="", namespaces=_NS)
    arguments = root.findtext("t:Actions/t:Exec/t:Arguments", default="", namespaces=_NS)
    enabled = root.findtext("t:Settings/t:Enabled", default="true", namespaces=_NS)
    return ScheduleStatus(
        "schtasks",
        name,
        True,
        task_name(name),
        time=dt.time(int(at.group(1)), int(at.group(2))) if at else None,
        command=f"{command} {arguments}".strip() or None,
        installed_at=_local(registered),
        enabled=enabled.strip().lower() != "false",
    )


def _local(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.strip()[:19]).astimezone() if text.strip() else None
    except ValueError:
        return None


def parse_list_times(text: str) -> dict[str, dt.datetime]:
    """'Last Run Time' and 'Next Run Time' from `schtasks /Query /V /FO LIST`, those that
    are dates (a task never run says 'N/A' or a date in 1999)."""
    times: dict[str, dt.datetime] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("Last Run Time", "Next Run Time"):
            for form in _FORMATS:
                try:
                    when = dt.datetime.strptime(value.strip(), form)
                except ValueError:
                    continue
                if when.year > 2000:
                    times[key.strip()] = when.astimezone()
                break
    return times
