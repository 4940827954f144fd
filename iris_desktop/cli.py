"""Command line: the GUI by default, headless sub-commands for scripts and OS schedulers.

Exit codes: 0 ok, 2 a user error (one line on stderr, never a traceback).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Callable, Sequence

from iris_desktop import __version__, paths


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
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
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("backfill", help="store the bundled 150-flower data set (once)")
    imp = sub.add_parser("import", help="import flowers from a CSV file (all rows or none)")
    imp.add_argument("file")
    imp.add_argument("--again", action="store_true", help="import a file whose content was imported before")
    sub.add_parser("info", help="where the data lives, row counts, schema version")

    cu = sub.add_parser("catch-up", help="generate and predict every missed day (for cron)")
    cu.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    cu.add_argument("--history-days", type=int, metavar="N",
                    help="on a store with no daily flowers yet: start the history N days back (default 30)")
    cu.add_argument("--generator", choices=["measured", "original", "gaussian"],
                    help="how the days still to come are generated: bounds measured per variety "
                         "(default), the original lab's bounds, or a per-variety Gaussian")

    tr = sub.add_parser("train", help="train, register and activate a model")
    tr.add_argument("--algorithm", default="knn", choices=["knn", "logreg", "tree", "forest", "svm"])
    tr.add_argument("--k", type=int, help="KNN: number of neighbours (default 5)")
    tr.add_argument("--weights", choices=["uniform", "distance"], help="KNN neighbour weights")
    tr.add_argument("--metric", choices=["minkowski", "euclidean", "manhattan", "chebyshev"])
    tr.add_argument("--c", type=float, dest="C", help="logreg/svm: inverse regularisation")
    tr.add_argument("--max-depth", type=int, help="tree/forest: maximum depth")
    tr.add_argument("--trees", type=int, help="forest: number of trees")
    tr.add_argument("--param", "-P", action="append", default=[], metavar="NAME=VALUE",
                    help="any hyper-parameter by name, e.g. -P p=1 -P criterion=entropy (repeatable)")
    tr.add_argument("--cv-folds", type=int, default=5, help="cross-validation folds (default 5)")
    tr.add_argument("--standardize", action="store_true", help="standardise features first")
    tr.add_argument("--seed", type=int, default=42, help="split seed (default 42)")
    tr.add_argument("--test-fraction", type=float, default=0.2)
    tr.add_argument("--include-daily", action="store_true", help="train on daily flowers too")
    tr.add_argument("--no-activate", action="store_true", help="register without activating")

    sub.add_parser("models", help="list registered models")
    act = sub.add_parser("activate", help="make model version N the active one")
    act.add_argument("version", type=int)

    pr = sub.add_parser("predict", help="predict the variety of one flower")
    for name in ("sepal_length", "sepal_width", "petal_length", "petal_width"):
        pr.add_argument(name, type=float, metavar=name.upper().replace("_", "-"))

    hi = sub.add_parser("history", help="past daily predictions with the true variety")
    hi.add_argument("--days", type=int, default=30, help="last N days (default 30)")
    hi.add_argument("--csv", metavar="FILE", help="write them to FILE as CSV")

    ge = sub.add_parser("generate", help="show a day's flower without storing it")
    ge.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default today)")
    return p


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if args.command is None:
        from iris_desktop.ui.app import run_app

        return run_app(args)
    from iris_desktop import commands

    handler: Callable = getattr(commands, "cmd_" + args.command.replace("-", "_"))
    try:
        return handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # only user-facing kinds are reported as one line
        message = _user_message(exc)
        if message is None:
            raise
        print(f"iris-desktop {args.command}: {message}", file=sys.stderr)
        return 2


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
