"""Which process wrote a 'running' row, in a form another process can check later: is
that process still alive? A pid alone cannot say (pids are reused), so the identity is
(this boot, pid, the process's start time): a reused pid has another start time, and a
process of an earlier boot (or of another machine, for a data folder on a USB stick) is
gone. Linux reads /proc, Windows asks the kernel (GetProcessTimes), other systems `ps`.
A run judged dead that was not (a host renamed meanwhile) ends with its real outcome:
its end overwrites 'interrupted'.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

UNKNOWN = "?"  # a start time that could not be read


@functools.lru_cache(maxsize=1)
def _boot() -> str:
    """This boot of this machine: Linux's boot id, macOS's boot time; elsewhere the host
    name (start times are wall-clock times there, so a process of an earlier boot never
    matches one)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        pass
    import socket
    import subprocess

    if sys.platform == "darwin":
        try:
            done = subprocess.run(["sysctl", "-n", "kern.boottime"], capture_output=True, text=True, timeout=5)
            if done.returncode == 0 and done.stdout.strip():
                return done.stdout.split("}")[0].strip("{ ")  # "sec = 1733333333, usec = 12345"
        except (OSError, subprocess.SubprocessError):
            pass
    return socket.gethostname()


def start_time(pid: int) -> str | None:
    """When process `pid` started, as an opaque string; None if there is no such process,
    UNKNOWN if it exists but this cannot be told."""
    if sys.platform.startswith("linux"):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            return None
        except OSError:
            return UNKNOWN
        fields = stat.rpartition(")")[2].split()  # (the name before it may hold spaces)
        return None if fields[0] in ("Z", "X") else fields[19]  # a zombie has ended; field 22: starttime
    if sys.platform == "win32":
        return _windows_start_time(pid)
    import subprocess

    try:
        done = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    return done.stdout.strip() or None


def _windows_start_time(pid: int) -> str | None:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # ERROR_INVALID_PARAMETER: no such process; access denied and the rest: it exists
        return None if ctypes.get_last_error() == 87 else UNKNOWN  # type: ignore[attr-defined,unused-ignore]
    try:
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return UNKNOWN
        exit_code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(exit_code)) and exit_code.value != 259:  # STILL_ACTIVE
            return None  # ended; its handle is still held by someone
        return str(times[0].dwHighDateTime << 32 | times[0].dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)


@functools.lru_cache(maxsize=1)
def _current(pid: int) -> str:
    return f"{_boot()}|{pid}|{start_time(pid) or UNKNOWN}"


def current() -> str:
    """This process's identity (read once per process: the pid changes only in a fork)."""
    return _current(os.getpid())


def is_alive(identity: str) -> bool | None:
    """Whether the process of `identity` is still running; None if it cannot be told
    (an identity written by something else, a start time that could not be read)."""
    boot, _, rest = identity.partition("|")
    pid_text, _, started = rest.partition("|")
    if not pid_text.isdigit():
        return None
    if boot != _boot():
        return False
    now = start_time(int(pid_text))
    if now is None:
        return False
    if UNKNOWN in (now, started):
        return None
    return now == started
