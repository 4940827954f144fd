"""The scheduler backends: what each writes and runs, read back from what it wrote, and
never the user's real units, crontab, agents or tasks (folders and files of the test,
or a runner that answers as the system would)."""

from __future__ import annotations

import datetime as dt
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iris_desktop.pipelines import schedule
from iris_desktop.pipelines.schedule import (
    Result,
    ScheduleError,
    ScheduleStatus,
    cron,
    job_for,
    launchd,
    schtasks,
    systemd,
)
from iris_desktop.pipelines.schedule.common import Command, Write, carry_out, parse_time
from iris_desktop.pipelines.schedule.missed import GRACE, missed_run
from iris_desktop.store.runs import RunRecord

AT = dt.time(0, 5)


class FakeSystem:
    """A runner that answers by the command's first words, and remembers what it ran."""

    def __init__(self, answers: dict[tuple[str, ...], Result] | None = None):
        self.answers = answers or {}
        self.ran: list[tuple[tuple[str, ...], str | None]] = []

    def __call__(self, argv, stdin=None) -> Result:
        self.ran.append((tuple(argv), stdin))
        for size in range(len(argv), 0, -1):
            if tuple(argv[:size]) in self.answers:
                return self.answers[tuple(argv[:size])]
        return Result(0)


@pytest.fixture
def job(tmp_path) -> schedule.Job:
    return job_for(tmp_path / "my data 100% $HOME", AT)


def test_the_job_runs_this_installation_on_its_data_folder(tmp_path, monkeypatch):
    job = job_for(tmp_path / "d", dt.time(6, 30))
    assert job.argv == (
        sys.executable,
        "-m",
        "iris_desktop",
        "--data-dir",
        str(tmp_path / "d"),
        "catch-up",
        "--scheduled",
    )
    assert job.name == job_for(tmp_path / "d").name != job_for(tmp_path / "e").name
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "iris-desktop-cli.exe").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "iris-desktop.exe"))
    assert job_for(tmp_path / "d").argv[0] == str(bundle / "iris-desktop.exe")
    monkeypatch.setattr(sys, "platform", "win32")
    assert job_for(tmp_path / "d").argv[:2] == (str(bundle / "iris-desktop-cli.exe"), "--data-dir")


def test_times_are_hh_mm():
    assert parse_time("7:05") == dt.time(7, 5) and parse_time("23:59") == dt.time(23, 59)
    for bad in ("24:00", "12:60", "12", "1:5", "noon", "-1:30"):
        with pytest.raises(ValueError, match="HH:MM"):
            parse_time(bad)


# ---- systemd ------------------------------------------------------------------------------------


def test_systemd_units_in_a_given_folder_touch_nothing_else(tmp_path, job):
    system = FakeSystem()
    backend = schedule.backend("systemd", system, unit_dir=tmp_path / "units")
    backend.install(job)
    service, timer = backend.files(job.name)
    assert "Persistent=true" in timer.read_text() and "OnCalendar=*-*-* 00:05:00" in timer.read_text()
    assert "Type=oneshot" in service.read_text()
    assert system.ran == []
    status = backend.status(job.name)
    assert (status.installed, status.time, status.enabled) == (True, AT, None)
    assert status.command == service.read_text().split("ExecStart=")[1].strip()
    backend.remove(job.name)
    assert not service.exists() and not timer.exists() and system.ran == []
    assert not backend.status(job.name).installed


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_accepts_the_units_without_a_warning(tmp_path, job):
    backend = schedule.backend("systemd", FakeSystem(), unit_dir=tmp_path / "units")
    backend.install(job)
    service, timer = backend.files(job.name)
    done = subprocess.run(
        ["systemd-analyze", "verify", str(timer), str(service)], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "")


def test_systemd_words_reach_the_program_as_they_are():
    assert systemd.quote("/usr/bin/python3") == "/usr/bin/python3"
    assert systemd.quote("/my data/100%") == '"/my data/100%%"'
    assert systemd.quote('a"b\\c $HOME') == '"a\\"b\\\\c $$HOME"'


def test_systemd_installs_and_reads_back_through_systemctl(tmp_path, job, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the default folder, here
    shown = (
        "UnitFileState=enabled\nActiveState=active\nLastTriggerUSec=@1781481900\nNextElapseUSecRealtime=@1781568300\n"
    )
    system = FakeSystem({("systemctl", "--user", "show"): Result(0, shown)})
    backend = schedule.backend("systemd", system)
    plan = backend.install(job)
    timer = tmp_path / "config" / "systemd" / "user" / f"{job.name}.timer"
    assert timer.is_file()
    assert [step.argv for step in plan.steps if isinstance(step, Command)] == [
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "--now", timer.name),
    ]
    status = backend.status(job.name)
    assert status.enabled is True
    assert status.last_trigger == dt.datetime.fromtimestamp(1781481900).astimezone()
    assert status.next_trigger == dt.datetime.fromtimestamp(1781568300).astimezone()
    system.ran.clear()
    backend.remove(job.name)
    assert [argv for argv, _ in system.ran] == [
        ("systemctl", "--user", "disable", "--now", timer.name),
        ("systemctl", "--user", "daemon-reload"),
    ]
    assert not timer.exists()


def test_systemctl_timestamps_old_and_new():
    assert systemd.parse_timestamp("n/a") is None and systemd.parse_timestamp("@0") is None
    assert systemd.parse_timestamp("Mon 2026-06-15 00:05:03 CEST") == dt.datetime(2026, 6, 15, 0, 5, 3).astimezone()


def test_the_native_backend(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    assert schedule.native_backend(FakeSystem()) == "systemd"
    no_bus = FakeSystem({("systemctl",): Result(1, "", "Failed to connect to bus")})
    assert schedule.native_backend(no_bus) == "cron"
    for platform, name in (("darwin", "launchd"), ("win32", "schtasks")):
        monkeypatch.setattr(sys, "platform", platform)
        assert schedule.native_backend(FakeSystem()) == name


def test_a_folder_or_file_only_goes_with_its_backend(tmp_path):
    assert schedule.backend(crontab_file=tmp_path / "c").name == "cron"
    with pytest.raises(ScheduleError, match="--unit-dir"):
        schedule.backend("cron", unit_dir=tmp_path)
    with pytest.raises(ScheduleError, match="--crontab-file"):
        schedule.backend("systemd", crontab_file=tmp_path / "c")


# ---- cron ---------------------------------------------------------------------------------------

CRONTABS = {
    "none": None,
    "empty": b"",
    "lines": b"MAILTO=me@example.org\n0 1 * * * /usr/bin/backup --all\n",
    "no final newline": b"# mine\n30 2 * * 1 /bin/true",
    "crlf": b"0 1 * * * a\r\n0 2 * * * b\r\n",
    "latin-1": b"# caf\xe9\n0 3 * * * c\n",
}


@pytest.mark.parametrize("name", list(CRONTABS))
def test_cron_install_then_remove_gives_the_crontab_back_byte_for_byte(tmp_path, job, name):
    file = tmp_path / "crontab"
    if CRONTABS[name] is not None:
        file.write_bytes(CRONTABS[name])
    backend = schedule.backend("cron", FakeSystem(), crontab_file=file)
    backend.install(job)
    backend.install(job_for(job.data_dir, dt.time(4, 45)))  # installing again replaces the line
    text = file.read_bytes()
    assert text.count(b"# iris-desktop schedule") == 1
    assert text.startswith(CRONTABS[name] or b"")
    status = backend.status(job.name)
    assert (status.installed, status.time) == (True, dt.time(4, 45))
    assert status.command.startswith("45 4 * * * ") and "100\\%" in status.command
    assert status.installed_at is not None and abs(status.installed_at - dt.datetime.now().astimezone()) < GRACE
    backend.remove(job.name)
    assert file.read_bytes() == (CRONTABS[name] or b"")
    assert not backend.status(job.name).installed
    assert backend.remove_plan(job.name).steps == ()


def test_cron_through_the_crontab_command(job):
    system = FakeSystem({("crontab", "-l"): Result(1, "", "no crontab for ada")})
    backend = schedule.backend("cron", system)
    plan = backend.install_plan(job)
    [step] = plan.steps
    assert step.argv == ("crontab", "-") and step.stdin.splitlines()[1] == cron.entry(job)
    system.answers[("crontab", "-l")] = Result(0, step.stdin)
    assert backend.status(job.name).time == AT
    [step] = backend.remove_plan(job.name).steps
    assert step.argv == ("crontab", "-r")  # there was no crontab before: none again
    broken = FakeSystem({("crontab", "-l"): Result(1, "", "crontab: permission denied")})
    with pytest.raises(ScheduleError, match="permission denied"):
        schedule.backend("cron", broken).status(job.name)


def test_the_cron_line_is_one_shell_command_with_percent_escaped(tmp_path):
    job = job_for(tmp_path / "it's 100%", AT)
    line = cron.entry(job)
    assert line.startswith("5 0 * * * ") and "\\%" in line
    done = subprocess.run(
        ["sh", "-c", "printf '%s\\n' " + line.split(" ", 5)[5].replace("\\%", "%")],
        text=True,
        capture_output=True,
        check=True,
    )
    assert done.stdout.splitlines() == list(job.argv)


# ---- launchd and schtasks -----------------------------------------------------------------------


def test_the_launch_agent_round_trips_through_plistlib(tmp_path, job):
    agent = plistlib.loads(launchd.plist_text(job).encode())
    assert agent["Label"] == launchd.label(job.name)
    assert agent["ProgramArguments"] == list(job.argv)
    assert agent["StartCalendarInterval"] == {"Hour": 0, "Minute": 5}
    backend = schedule.backend("launchd", FakeSystem(), unit_dir=tmp_path / "agents")
    backend.install(job)
    status = backend.status(job.name)
    assert (status.installed, status.time, status.enabled) == (True, AT, None)
    backend.remove(job.name)
    assert not backend.status(job.name).installed


def test_launchctl_is_asked_without_a_folder(tmp_path, job, monkeypatch):
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    system = FakeSystem()
    plan = schedule.backend("launchd", system).install(job)
    assert [s.argv[:2] for s in plan.steps if isinstance(s, Command)] == [
        ("launchctl", "bootout"),
        ("launchctl", "bootstrap"),
    ]
    assert [s.path.parent for s in plan.steps if isinstance(s, Write)] == [tmp_path / "Library" / "LaunchAgents"]


def test_the_schtasks_command(job, tmp_path):
    argv = schtasks.create_argv(job)
    assert argv[:9] == ("schtasks", "/Create", "/F", "/SC", "DAILY", "/ST", "00:05", "/TN", f"Iris Desktop\\{job.name}")
    assert argv[9] == "/TR" and argv[10] == subprocess.list2cmdline(list(job.argv))
    assert schtasks.delete_argv(job.name) == ("schtasks", "/Delete", "/F", "/TN", f"Iris Desktop\\{job.name}")
    with pytest.raises(ScheduleError, match="261"):
        schtasks.create_argv(job_for(tmp_path / ("x" * 300), AT))


TASK_XML = """<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo><Date>2026-06-14T21:00:00</Date></RegistrationInfo>
  <Triggers><CalendarTrigger><StartBoundary>2026-06-14T00:05:00</StartBoundary></CalendarTrigger></Triggers>
  <Settings><Enabled>true</Enabled></Settings>
  <Actions Context="Author"><Exec><Command>C:\\Iris\\iris-desktop-cli.exe</Command>
  <Arguments>--data-dir C:\\data catch-up --scheduled</Arguments></Exec></Actions>
</Task>"""
TASK_LIST = "TaskName: \\Iris Desktop\\x\nNext Run Time: 6/16/2026 12:05:00 AM\nLast Run Time: 11/30/1999 12:00:00 AM\n"


def test_the_task_is_read_back_from_schtasks(job):
    system = FakeSystem(
        {
            ("schtasks", "/Query", "/TN", schtasks.task_name(job.name), "/XML"): Result(0, TASK_XML),
            ("schtasks", "/Query", "/TN", schtasks.task_name(job.name), "/V"): Result(0, TASK_LIST),
        }
    )
    status = schedule.backend("schtasks", system).status(job.name)
    assert (status.installed, status.time, status.enabled) == (True, AT, True)
    assert status.command == "C:\\Iris\\iris-desktop-cli.exe --data-dir C:\\data catch-up --scheduled"
    assert status.next_trigger == dt.datetime(2026, 6, 16, 0, 5).astimezone() and status.last_trigger is None
    gone = FakeSystem({("schtasks", "/Query"): Result(1, "", "ERROR: The system cannot find the file specified.")})
    assert not schedule.backend("schtasks", gone).status(job.name).installed
    assert schedule.backend("schtasks", gone).remove_plan(job.name).steps == ()


@pytest.mark.skipif(sys.platform != "darwin", reason="launchd is macOS's")
def test_a_real_launch_agent_is_installed_and_removed(tmp_path):
    job = job_for(tmp_path / "data", AT)
    backend = schedule.backend("launchd")
    backend.install(job)
    try:
        assert backend.status(job.name).enabled is True
    finally:
        backend.remove(job.name)
    assert not backend.status(job.name).installed


@pytest.mark.skipif(sys.platform != "win32", reason="the Task Scheduler is Windows'")
def test_a_real_task_is_installed_and_removed(tmp_path):
    job = job_for(tmp_path / "data", AT)
    backend = schedule.backend("schtasks")
    backend.install(job)
    try:
        assert backend.status(job.name).time == AT
    finally:
        backend.remove(job.name)
    assert not backend.status(job.name).installed


# ---- dry runs and missed runs -------------------------------------------------------------------


def test_a_dry_run_plan_is_words_only(tmp_path, job):
    plan = schedule.backend("systemd", FakeSystem(), unit_dir=tmp_path / "units").install_plan(job)
    lines = plan.describe()
    assert lines[0] == f"write {tmp_path / 'units' / job.name}.service:"
    assert "    Persistent=true" in lines and not (tmp_path / "units").exists()
    carry_out(type(plan)(), FakeSystem())  # an empty plan does nothing


NOW = dt.datetime(2026, 6, 15, 9, 0).astimezone()


def _status(**changes) -> ScheduleStatus:
    values = {"time": AT, "installed_at": NOW - dt.timedelta(days=3)} | changes
    return ScheduleStatus("cron", "n", True, "here", **values)


def _run(started: dt.datetime) -> RunRecord:
    stamp = started.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return RunRecord(1, "catch-up", "scheduler", "ok", stamp, stamp, 0, 0, 1, None, "")


def test_a_missed_run_is_one_due_since_installed_without_a_scheduled_run_since():
    due = dt.datetime(2026, 6, 15, 0, 5).astimezone()
    missed = missed_run(_status(), _run(due - dt.timedelta(days=1)), NOW)
    assert missed is not None and missed.due == due
    assert missed.message() == (
        "The scheduled catch-up of 2026-06-15 00:05 did not run (the last scheduled run started 2026-06-14 00:05)"
    )
    assert missed_run(_status(), None, NOW).message().endswith("(no scheduled run is recorded)")
    assert missed_run(_status(), _run(due + dt.timedelta(seconds=20)), NOW) is None  # it ran
    assert missed_run(_status(installed_at=NOW - dt.timedelta(hours=1)), None, NOW) is None  # installed since
    assert missed_run(_status(enabled=False), None, NOW) is None  # off: status says that
    assert missed_run(None, None, NOW) is None
    started = NOW - dt.timedelta(minutes=2)  # the system started it moments ago: still running
    assert missed_run(_status(last_trigger=started), None, NOW) is None
    early = dt.datetime(2026, 6, 15, 0, 10).astimezone()  # before the grace: yesterday's is the one due
    assert missed_run(_status(), _run(due - dt.timedelta(days=1)), early) is None


def test_an_install_the_system_refuses_leaves_no_units_behind(tmp_path, job, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    no_bus = FakeSystem({("systemctl",): Result(1, "", "Failed to connect to bus: No medium found")})
    backend = schedule.backend("systemd", no_bus)
    with pytest.raises(ScheduleError, match="daemon-reload` failed: Failed to connect to bus"):
        backend.install(job)
    assert list((tmp_path / "config" / "systemd" / "user").iterdir()) == []
    no_cron = FakeSystem({("crontab",): Result(127, "", "crontab: command not found")})
    with pytest.raises(ScheduleError, match="cron is not installed here"):
        schedule.backend("cron", no_cron).install(job)


def test_the_app_asks_whether_its_schedule_missed_a_run(trained_store, tmp_path, monkeypatch):
    import os

    from iris_desktop.pipelines import operations
    from iris_desktop.pipelines.runs import triggered
    from tests.conftest import TODAY

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "crontab" else f"/usr/bin/{name}")
    data = trained_store.path.parent
    shown = "UnitFileState=enabled\nActiveState=active\nLastTriggerUSec=n/a\nNextElapseUSecRealtime=@1781568300\n"
    system = FakeSystem({("systemctl", "--user", "show"): Result(0, shown)})
    assert schedule.check_missed(trained_store, data, runner=system) == (None, None)
    job = job_for(data, AT)
    schedule.backend("systemd", system).install(job)
    week_ago = (dt.datetime.now() - dt.timedelta(days=7)).timestamp()
    for unit in (tmp_path / "config" / "systemd" / "user").iterdir():
        os.utime(unit, (week_ago, week_ago))  # installed a week ago
    status, missed = schedule.check_missed(trained_store, data, runner=system)
    assert status.backend == "systemd" and status.enabled and missed is not None and missed.last_run is None
    with triggered("scheduler"):
        operations.catch_up(trained_store, TODAY)
    assert schedule.check_missed(trained_store, data, runner=system)[1] is None
