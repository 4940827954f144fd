"""The standard streams as every system hands them over, made safe for the commands.

- A windowed build (Windows, macOS) has no console: `sys.stdout`, `sys.stderr` and
  `sys.stdin` are None. The first two become the null device, so printing, flushing and
  writing CSV go nowhere instead of raising (`confirm` reads a None stdin as nobody there
  to ask).
- Output to a file or a pipe is encoded in the system's code page on Windows (cp1252
  has no ✓): a character it lacks is written as "?" rather than ending the command with
  a traceback. The symbols the commands print have ASCII stand-ins (`symbol`).
- A reader that went away (`history | more`) is BrokenPipeError on POSIX but
  OSError(EINVAL) on Windows: `reader_left` tells that apart from a real failure.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import TextIO

_null: TextIO | None = None


def null_stream() -> TextIO:
    """The null device, opened once for the whole process."""
    global _null
    if _null is None:
        _null = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
    return _null


def prepare() -> None:
    """Missing streams become the null device; an encoding that cannot write every
    character replaces it (the default for stdout is to raise)."""
    if sys.stdout is None:
        sys.stdout = null_stream()
    if sys.stderr is None:
        sys.stderr = null_stream()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict" and not _is_unicode(stream.encoding):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # closed, or written to in a way that forbids it
                pass


def _is_unicode(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def can_show(text: str, stream: TextIO | None = None) -> bool:
    """Whether `stream` (stdout by default) can write `text` as it is."""
    stream = stream or sys.stdout
    try:
        text.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def symbol(text: str, ascii_text: str) -> str:
    """`text` if stdout can write it, else its ASCII stand-in."""
    return text if can_show(text) else ascii_text


def reader_left(exc: OSError) -> bool:
    """Whether `exc` says that stdout's reader has gone. POSIX says EPIPE; Windows says
    EINVAL, which other calls say too: it is the pipe only if stdout still cannot take
    what it holds (a failed write keeps its data buffered, so flushing fails again)."""
    if isinstance(exc, BrokenPipeError):
        return True
    if exc.errno not in (errno.EINVAL, errno.EPIPE):
        return False
    try:
        sys.stdout.flush()
    except (OSError, ValueError):  # ValueError: closed
        return True
    return False


def silence_stdout() -> None:
    """Send what stdout still holds, and anything later, to the null device: the flush
    at exit must not fail a second time. Its descriptor is pointed there when it has one,
    so what is buffered goes too."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        sys.stdout = null_stream()
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def flush_all() -> None:
    """Flush stdout and stderr before the process ends at once (os._exit does not):
    a missing stream or a reader that left is not an error any more."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except (OSError, ValueError):
            pass


def keep_traceback(exc: BaseException, folder: os.PathLike[str] | str) -> None:
    """Append the traceback of `exc` to `iris-desktop.log` in `folder`, for a windowed
    build: with no console, PyInstaller's bootloader would show it in a modal message box
    that waits for a click (and hangs a CI job). Opened without blocking (a named pipe
    nobody reads must not hang the exit); any failure here is ignored."""
    import datetime as dt
    import traceback

    text = f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} CRITICAL iris_desktop: unexpected error\n" + "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    try:
        os.makedirs(folder, exist_ok=True)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(os.path.join(folder, "iris-desktop.log"), flags, 0o600)
        try:
            os.write(fd, text.encode("utf-8", "replace"))
        finally:
            os.close(fd)
    except OSError:
        pass
