"""The parser and `main`: the GUI with no command, a sub-command's handler otherwise.

Exit codes: 0 ok, 2 a user error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Sequence

from iris_desktop import __version__, paths
from iris_desktop.cli import commands
from iris_desktop.cli.errors import UserError
from iris_desktop.pipelines.algorithms import ALGORITHMS, DEFAULT_ALGORITHM

# The range of dates and day counts the commands accept: far beyond any real use,
# near enough that date arithmetic never overflows.
FIRST_DATE, LAST_DATE = dt.date(1970, 1, 1), dt.date(2100, 12, 31)
MAX_HISTORY_DAYS = 3650


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line like every other user error
    ("iris-desktop train: --k: not a whole number: 'x'"), not usage text plus a line."""

    def error(self, message: str):
        raise _UsageError(f"{self.prog}: {message.removeprefix('argument ')}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="iris-desktop",
        description="Iris Desktop: the serverless-ML Iris lab, offline. "
        "With no command, opens the app.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--data-dir", metavar="PATH",
                   help=f"keep all data in PATH (also: the {paths.ENV_VAR} variable)")
    gui = p.add_argument_group("app start-up (no command)")
    gui.add_argument("--quit-after-startup", action="store_true",
                     help="exit once the window has been shown and painted")
    gui.add_argument("--quit-when-ready", action="store_true",
                     help="exit once loading and catch-up have finished")
    gui.add_argument("--self-test", action="store_true",
                     help="run first run, catch-up and every tab on a temporary folder")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, handler, help: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help, description=help)
        parser.set_defaults(handler=handler)
        return parser

    command("backfill", commands.backfill, "store the bundled 150-flower data set (once)")
    imp = command("import", commands.import_csv, "import flowers from a CSV file (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--again", action="store_true", help="import a file whose content was imported before")
    command("info", commands.info, "where the data lives, row counts, schema version")

    cu = command("catch-up", commands.catch_up, "generate and predict every missed day (for cron)")
    cu.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    cu.add_argument("--history-days", type=_bounded(1, MAX_HISTORY_DAYS), metavar="N",
                    help="on a store with no daily flowers yet: start the history N days back "
                         f"(1-{MAX_HISTORY_DAYS}, default 30)")
    cu.add_argument("--generator", choices=["measured", "original", "gaussian"],
                    help="how the days still to come are generated: bounds measured per variety "
                         "(default), the original lab's bounds, or a per-variety Gaussian")

    tr = command("train", commands.train, "train, register and activate a model")
    tr.add_argument("--algorithm", default=DEFAULT_ALGORITHM, choices=list(ALGORITHMS))
    _add_parameter_flags(tr)
    tr.add_argument("--param", "-P", action="append", default=[], metavar="NAME=VALUE",
                    help="any hyper-parameter by name, e.g. -P p=1 -P criterion=entropy (repeatable)")
    tr.add_argument("--cv-folds", type=_bounded(0, 50), default=5,
                    help="cross-validation folds (default 5; 0 for none)")
    tr.add_argument("--standardize", action="store_true", help="standardise features first")
    tr.add_argument("--seed", type=_bounded(0, 2 ** 31 - 1), default=42, help="split seed (default 42)")
    tr.add_argument("--test-fraction", type=_fraction, default=0.2, help="between 0 and 1 (default 0.2)")
    tr.add_argument("--include-daily", action="store_true", help="train on daily flowers too")
    tr.add_argument("--no-activate", action="store_true", help="register without activating")

    command("models", commands.models, "list registered models")
    act = command("activate", commands.activate, "make model version N the active one")
    act.add_argument("version", type=_bounded(1, 2 ** 62))

    pr = command("predict", commands.predict, "predict the variety of one flower")
    for name in ("sepal_length", "sepal_width", "petal_length", "petal_width"):
        pr.add_argument(name, type=_centimetres, help="cm")

    hi = command("history", commands.history, "past daily predictions with the true variety")
    hi.add_argument("--days", type=_bounded(1, 365_000), default=30, help="last N days (default 30)")
    hi.add_argument("--csv", metavar="FILE", help="write them to FILE as CSV (- for standard output)")

    ge = command("generate", commands.generate, "show a day's flower without storing it")
    ge.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default today)")
    return p


def _add_parameter_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per hyper-parameter in the algorithm table (--k, --weights, --max-depth …);
    values are checked against the chosen algorithm's own spec later."""
    seen: dict[str, list[str]] = {}
    specs = {}
    for algorithm in ALGORITHMS.values():
        for param in algorithm.params:
            seen.setdefault(param.cli_flag, []).append(algorithm.key)
            specs.setdefault(param.cli_flag, param)
    group = parser.add_argument_group("hyper-parameters (each for the algorithms named)")
    for flag, param in specs.items():
        extra = {"choices": param.choices} if param.kind == "choice" else {"metavar": param.kind.upper()}
        group.add_argument(flag, dest=f"param_{param.name}", default=None,
                           help=f"{param.label} ({', '.join(seen[flag])})", **extra)


def _date(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise argparse.ArgumentTypeError(f"{text} is outside {FIRST_DATE}..{LAST_DATE}")
    return day


def _bounded(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}..{high}")
        return value
    parse.__name__ = "number"
    return parse


def _fraction(text: str) -> float:
    from iris_desktop.pipelines.algorithms import Param

    value = Param("test-fraction", "", "float", 0.2).check(text)
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (exclusive), got {text}")
    return value


def _centimetres(text: str) -> float:
    from iris_desktop.domain import check_measurement

    try:
        return check_measurement("value", text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix("value ")) from None


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"{exc} (see --help)", file=sys.stderr)
        return 2
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if args.command is None:
        from iris_desktop.ui.app import run_app

        return run_app(args)
    try:
        return args.handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `iris-desktop history | head`: the reader left, nothing to say
        _silence_stdout()
        return 0
    except Exception as exc:  # only user-facing kinds are reported as one line
        message = _user_message(exc)
        if message is None:
            raise
        print(f"iris-desktop {args.command}: {message}", file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _user_message(exc: Exception) -> str | None:
    from iris_desktop.pipelines.backfill import AlreadyImportedError, CsvImportError
    from iris_desktop.pipelines.registry import ModelLoadError
    from iris_desktop.store import StoreError
    from iris_desktop.store.registry import UnknownModelError

    user_errors = (UserError, CsvImportError, AlreadyImportedError, StoreError, ModelLoadError,
                   UnknownModelError, OSError)
    if isinstance(exc, user_errors):
        return str(exc)
    return None
