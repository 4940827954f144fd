"""The parser and `main`: the GUI with no command, a sub-command's handler otherwise.
Each subject's module (data, daily, model, history) adds its sub-commands, wired with
set_defaults(handler=...).

Exit codes: 0 ok, 2 a user error (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from iris_desktop import __version__, paths
from iris_desktop.cli import streams
from iris_desktop.cli.common import bounded
from iris_desktop.errors import user_message


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line like every other user error
    ("iris-desktop train: --k: not a whole number: 'x'"), not usage text plus a line."""

    def error(self, message: str):
        raise _UsageError(f"{self.prog}: {message.removeprefix('argument ')}")


def _parser(commands: bool = True) -> argparse.ArgumentParser:
    p = _Parser(
        prog="iris-desktop",
        description="Iris Desktop: the serverless-ML Iris lab, offline. With no command, opens the app.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", metavar="PATH", help=f"keep all data in PATH (also: the {paths.ENV_VAR} variable)")
    gui = p.add_argument_group("app start-up (no command)")
    gui.add_argument(
        "--quit-after-startup", action="store_true", help="exit once the window has been shown and painted"
    )
    gui.add_argument("--quit-when-ready", action="store_true", help="exit once loading and catch-up have finished")
    gui.add_argument(
        "--self-test", action="store_true", help="run first run, catch-up and every tab on a temporary folder"
    )
    gui.add_argument(
        "--self-test-output",
        metavar="FILE",
        help="with --self-test: also write the verdict to FILE (a windowed build has no terminal)",
    )
    gui.add_argument(
        "--self-test-timeout",
        metavar="SECONDS",
        type=bounded(1, 3600),
        default=240,
        help="with --self-test: fail if there is no verdict after SECONDS (default: 240)",
    )
    if not commands:
        p.set_defaults(command=None)
        return p
    from iris_desktop.cli import (
        backup_commands,
        daily_commands,
        data_commands,
        desktop_commands,
        explain_commands,
        history_commands,
        model_commands,
        runs_commands,
        schedule_commands,
    )

    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, handler, help: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help, description=help)
        parser.set_defaults(handler=handler)
        return parser

    for module in (
        data_commands,
        daily_commands,
        model_commands,
        history_commands,
        explain_commands,
        backup_commands,
        desktop_commands,
        runs_commands,
        schedule_commands,
    ):
        module.add_commands(command)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    streams.prepare()  # a windowed build has none; a code page lacks ✓ (cli/streams.py)
    try:
        args = None
        given = sys.argv[1:] if argv is None else list(argv)
        if not {"-h", "--help"} & set(given):
            try:
                args = _parser(commands=False).parse_args(given)
            except _UsageError:
                args = None
        if args is None:
            args = _parser().parse_args(given)
    except _UsageError as exc:
        print(f"{_one_line(str(exc))} (see --help)", file=sys.stderr)
        return 2
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    from iris_desktop.store.relocation import move_from_roaming

    moved = move_from_roaming()  # once, on Windows: out of the roaming profile (paths.py)
    if moved:
        print(f"iris-desktop: note: {moved}", file=sys.stderr)
    if args.command is None:
        from iris_desktop.ui.app import run_app

        return run_app(args)
    import iris_desktop.store

    iris_desktop.store.on_wait = lambda: print(
        f"iris-desktop {args.command}: waiting for another Iris Desktop process to finish writing…",
        file=sys.stderr,
        flush=True,
    )
    iris_desktop.store.on_recovery_note = _once(
        lambda line: print(f"iris-desktop {args.command}: note: {_one_line(line)}", file=sys.stderr, flush=True)
    )
    try:
        return args.handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # only user-facing kinds are reported as one line
        if isinstance(exc, OSError) and streams.reader_left(exc):  # `history | head`: nothing to say
            streams.silence_stdout()
            return 0
        message = _user_message(exc)
        if message is None:
            raise
        print(f"iris-desktop {args.command}: {_one_line(message)}", file=sys.stderr)
        return 2


def entry() -> None:
    """What the launchers run (`iris-desktop`, `python -m iris_desktop`, the bundle):
    `main`, then end the process at once. Everything is saved and closed by then; the
    interpreter's own teardown of scikit-learn, SciPy and Qt would add ~0.4 s after
    the window has gone."""
    import logging
    import os

    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # a frozen app must not re-run itself in a child
    windowed = sys.stderr is None  # a windowed build (Windows, macOS) has no console
    try:
        code = main()
    except Exception as exc:
        if not windowed:
            raise
        # PyInstaller would show the traceback in a modal box: it goes to the log instead.
        streams.keep_traceback(exc, paths.logs_dir())
        code = 1
    logging.shutdown()
    streams.flush_all()
    os._exit(code)


def _once(say):
    """`say`, the first time only: one line per command, however often it opens the store."""
    said: list[str] = []

    def once(line: str) -> None:
        if not said:
            said.append(line)
            say(line)

    return once


def _one_line(text: str) -> str:
    """Control characters (a newline in a file name) shown escaped: one error, one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _user_message(exc: Exception) -> str | None:
    from iris_desktop.store import CorruptDatabaseError

    if isinstance(exc, CorruptDatabaseError):
        return _damaged(exc)
    return user_message(exc)


def _damaged(exc: Exception) -> str:
    """The database is damaged: move it aside (if quick_check agrees) and say what now."""
    from iris_desktop.store import StoreError, recovery

    db = paths.database_path()
    if not db.is_file() or recovery.file_problem(db) is None:
        return str(exc)
    try:
        moved = recovery.quarantine(db)
    except recovery.FileInUse as error:
        return f"{exc}; {error}"
    except OSError as error:
        return f"{exc}; it could not be moved aside ({error.strerror})"
    # Nobody may be there to answer (a scheduler): the newest sound backup comes back at
    # once, rather than the next run starting a new, empty store with another seed. The
    # restore is a run, and the restored store remembers the recovery until it is seen.
    from iris_desktop.pipelines.recovery import restore_newest_after

    try:
        restored, _note = restore_newest_after(str(exc), db, paths.models_dir(), moved)
    except StoreError as failed:
        return (
            f"{exc}. It was moved to {moved.name}; no backup could be restored ({failed}): "
            "the next command starts a new database"
        )
    return (
        f"{exc}. It was moved to {moved.name} and the newest sound backup was restored "
        f"({restored.backup.describe() if restored.backup else 'the database file'}); run the command again"
    )
