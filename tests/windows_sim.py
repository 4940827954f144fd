"""How Windows differs from Linux where it matters to this app, simulated here so that
every `make test` proves the code copes (CI on Windows proves it there):

- `lock_open_files`: renaming or deleting a file that any handle holds open fails with
  a sharing violation (WinError 32); SQLite keeps its files open while a connection is;
- `closed_pipe_stdout`: writing to a pipe whose reader left raises OSError(EINVAL),
  not BrokenPipeError;
- `console_stdout`: stdout redirected to a file or pipe is encoded in the ANSI code
  page (cp1252: no ✓) and is text mode ("\\n" written as "\\r\\n");
- `windowed_streams`: a windowed (GUI subsystem) program has no stdin, stdout or stderr;
- `two_profiles`: the roaming and the local profile are different folders;
- `folders_refuse_open`: opening a folder is "Permission denied".

The file locks are read from /proc/self/fd: Linux only (the tests using it skip elsewhere).
"""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path

import pytest

LINUX = sys.platform.startswith("linux")
linux_only = pytest.mark.skipif(not LINUX, reason="simulates Windows' file locks from /proc/self/fd (Linux)")
SHARING_VIOLATION = 32


def open_paths() -> set[str]:
    """The files this process holds open."""
    if not LINUX:
        raise RuntimeError("the files a process holds open are read from /proc/self/fd: Linux only")
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass  # closed meanwhile (the listing's own descriptor)
    return found


def sharing_violation(path: object) -> PermissionError:
    exc = PermissionError(
        errno.EACCES, "The process cannot access the file because it is being used by another process", str(path)
    )
    exc.winerror = SHARING_VIOLATION  # what Windows sets; set by hand here
    return exc


def lock_open_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """os.replace, os.rename, os.unlink and os.remove refuse, as Windows does, a file this
    process holds open. Returns the list of refusals (paths), for the test to check."""
    refused: list[str] = []

    def guard(real):
        def call(*paths, **kwargs):
            held = open_paths()
            for p in paths[:2]:
                if isinstance(p, (str, os.PathLike)) and os.path.realpath(p) in held:
                    refused.append(os.fspath(p))
                    raise sharing_violation(p)
            return real(*paths, **kwargs)

        return call

    for name in ("replace", "rename", "unlink", "remove"):
        monkeypatch.setattr(os, name, guard(getattr(os, name)))
    return refused


class _PipeWithoutReader(io.RawIOBase):
    """The write end of a real pipe whose reader has gone, which reports the failure as
    Windows does (EINVAL). Once the descriptor is pointed elsewhere (dup2 to the null
    device), writes succeed, as they would there."""

    def __init__(self) -> None:
        reader, self.fd = os.pipe()
        os.close(reader)

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def write(self, data) -> int:
        try:
            return os.write(self.fd, data)
        except BrokenPipeError:
            raise OSError(errno.EINVAL, "Invalid argument") from None

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def closed_pipe_stdout(line_buffered: bool = True) -> io.TextIOWrapper:
    """A stdout whose reader left (`history | more`, then `more` quit), the Windows way.
    Line-buffered: the failure comes with the first line; block-buffered: at the flush."""
    return io.TextIOWrapper(
        io.BufferedWriter(_PipeWithoutReader()), encoding="cp1252", newline="\r\n", line_buffering=line_buffered
    )


def console_stdout() -> io.TextIOWrapper:
    """stdout redirected to a file on Windows: cp1252, strict, "\\n" written as "\\r\\n"."""
    return io.TextIOWrapper(io.BytesIO(), encoding="cp1252", newline="\r\n")


def windowed_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed build's streams: none at all."""
    for name in ("stdin", "stdout", "stderr"):
        monkeypatch.setattr(sys, name, None)


def two_profiles(monkeypatch: pytest.MonkeyPatch, home: Path) -> tuple[Path, Path]:
    """platformdirs as on Windows: the data folder in the roaming profile differs from
    the one in the local profile. Returns (roaming, local); no override is in force."""
    import platformdirs

    from iris_desktop import paths

    def user_data_dir(appname=None, appauthor=None, version=None, roaming=False, **_):
        profile = home / ("AppData/Roaming" if roaming else "AppData/Local")
        return str(profile / appauthor / appname)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    monkeypatch.delenv(paths.ENV_VAR, raising=False)
    paths.set_data_dir(None)
    return Path(user_data_dir("iris-desktop", "Iris Desktop", roaming=True)), Path(
        user_data_dir("iris-desktop", "Iris Desktop")
    )


def folders_refuse_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """os.open of a folder fails with "Permission denied", as on Windows (POSIX opens it)."""
    real = os.open

    def windows_open(path, flags, *args, **kwargs):
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", windows_open)
