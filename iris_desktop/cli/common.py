"""Shared by the sub-command modules: printing and argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from iris_desktop.errors import UserError

# The range of dates and day counts the commands accept: far beyond any real use,
# near enough that date arithmetic never overflows.
FIRST_DATE, LAST_DATE = dt.date(1970, 1, 1), dt.date(2100, 12, 31)


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def note(text: str) -> None:
    """Something the user should know that is not the command's result: on stderr."""
    print(f"note: {text}", file=sys.stderr)


def add_yes(parser: argparse.ArgumentParser) -> None:
    """--yes: what every command that removes or replaces data takes (see `confirm`)."""
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask (needed when not run from a terminal)")


def confirm(command: str, question: str, yes: bool) -> bool:
    """One rule for every destructive command: --yes goes ahead; on a terminal the user
    is asked (anything but y/yes keeps the data); with nobody to ask (a scheduler, a
    pipe, a windowed build) the command refuses, saying how to go ahead."""
    if yes:
        return True
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        raise UserError(f"{question.rstrip('?')}: not done without --yes when not run from a terminal")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    out("Nothing was changed.")
    return False


def date_arg(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise argparse.ArgumentTypeError(f"{text} is outside {FIRST_DATE}..{LAST_DATE}")
    return day


def bounded(low: int, high: int):
    """An argument type: a whole number from `low` to `high`."""

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
