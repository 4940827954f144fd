"""Sub-commands of the daily pipeline: catch-up (for an OS scheduler) and generate."""
from __future__ import annotations

import argparse
import datetime as dt

from iris_desktop.cli.common import MAX_HISTORY_DAYS, bounded, date_arg
from iris_desktop.cli.common import out as _out
from iris_desktop.cli.errors import UserError
from iris_desktop.store import open_store


def add_commands(command) -> None:
    cu = command("catch-up", catch_up, "generate and predict every missed day (for cron)")
    cu.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    cu.add_argument("--history-days", type=bounded(1, MAX_HISTORY_DAYS), metavar="N",
                    help="on a store with no daily flowers yet: start the history N days back "
                         f"(1-{MAX_HISTORY_DAYS}, default 30)")
    cu.add_argument("--generator", choices=["measured", "original", "gaussian"],
                    help="how the days still to come are generated: bounds measured per variety "
                         "(default), the original lab's bounds, or a per-variety Gaussian")
    ge = command("generate", generate, "show a day's flower without storing it")
    ge.add_argument("--date", type=date_arg, default=None, help="YYYY-MM-DD (default today)")


def catch_up(args) -> int:
    from iris_desktop.pipelines.daily import set_generator, set_history_days
    from iris_desktop.pipelines.inference import catch_up

    with open_store() as store:
        try:
            if args.history_days is not None:
                set_history_days(store, args.history_days)
            if args.generator:
                set_generator(store, args.generator)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        summary = catch_up(store, args.today)
    _out(summary.message() + ".")
    if summary.model_error:  # the days are stored; the scheduler should still see a failure
        raise UserError(summary.model_error)
    return 0


def generate(args) -> int:
    from iris_desktop.domain import FEATURES
    from iris_desktop.pipelines.daily import flower_of, settings_for

    day = args.date or dt.date.today()
    with open_store() as store:
        settings = settings_for(store)
        flower = flower_of(store, day, settings)
    _out(f"{day.isoformat()}: {flower.variety.value}  (generator: {settings.describe()})")
    for feature, value in zip(FEATURES, flower.measurements):
        _out(f"  {feature.display:<13} {value:4.1f} {feature.unit}")
    return 0
