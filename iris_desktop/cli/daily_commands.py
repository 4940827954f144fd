"""Sub-commands of the daily pipeline: catch-up (for an OS scheduler) and generate."""

from __future__ import annotations

import argparse
import datetime as dt

from iris_desktop.cli.common import add_yes, bounded, confirm, date_arg, note
from iris_desktop.cli.common import out as _out
from iris_desktop.domain import MAX_HISTORY_DAYS
from iris_desktop.errors import UserError
from iris_desktop.store import open_store

GENERATOR_CHOICES = ("mvnormal", "measured", "original", "gaussian")  # gaussian: mvnormal's old name


def add_commands(command) -> None:
    cu = command(
        "catch-up",
        catch_up,
        "generate and predict every missed day (for cron); on a data "
        "folder never used before, first do what the app's first launch does",
    )
    cu.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    # What `schedule install` puts in the scheduler's command line: its runs are the scheduler's.
    cu.add_argument("--scheduled", action="store_true", help=argparse.SUPPRESS)
    cu.add_argument(
        "--history-days",
        type=bounded(1, MAX_HISTORY_DAYS),
        metavar="N",
        help=f"on a store with no daily flowers yet: a history of N days, today the last "
        f"(1-{MAX_HISTORY_DAYS}, default 31)",
    )
    cu.add_argument(
        "--generator",
        choices=GENERATOR_CHOICES,
        help="how the days still to come are generated: a per-variety multivariate "
        "normal fitted to the stored flowers (mvnormal, the default for new data "
        "folders; 'gaussian' is its old name), uniform within bounds measured per "
        "variety (measured), or the original lab's bounds (original). Stored days "
        "keep the generator that made them",
    )
    cu.add_argument(
        "--no-first-run",
        action="store_true",
        help="on a data folder with no model yet, only generate the days (their "
        "predictions stay pending) instead of storing the bundled data set and "
        "training the default model first",
    )
    fu = command(
        "remove-future-days",
        remove_future_days,
        "remove the daily flowers stored for days after today (made while the clock was ahead)",
    )
    fu.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    add_yes(fu)
    ge = command("generate", generate, "show a day's flower without storing it")
    ge.add_argument("--date", type=date_arg, default=None, help="YYYY-MM-DD (default today)")


def catch_up(args) -> int:
    """The same start as the app's: a first run on a new folder, else every missed day."""
    from iris_desktop.pipelines import operations
    from iris_desktop.pipelines.runs import current_trigger, triggered

    with triggered("scheduler" if args.scheduled else current_trigger()), open_store() as store:
        started = operations.start(
            store,
            args.today or dt.date.today(),
            set_up=not args.no_first_run,
            generator=args.generator,
            history_days=args.history_days,
        )
    for text in started.notes:
        note(text)
    summary = started.summary
    _out(summary.message() + ".")
    if summary.first_run is not None:
        _out(summary.first_run.message())
    if summary.future is not None:
        note(f"{summary.future.message()}. `iris-desktop remove-future-days` removes them.")
    if summary.model_error:  # the days are stored; the scheduler should still see a failure
        raise UserError(summary.model_error)
    return 0


def remove_future_days(args) -> int:
    from iris_desktop.pipelines.daily_calendar import future_days
    from iris_desktop.pipelines.removal import remove_future_days as remove

    today = args.today or dt.date.today()
    with open_store() as store:
        future = future_days(store, today)
        if future is None:
            _out(f"No daily flower is stored after today ({today}).")
            return 0
        question = f"Remove the {future.count} daily flowers stored for {future.first} to {future.last}?"
        if not confirm("remove-future-days", question, args.yes):
            return 1
        removed = remove(store, today)
    _out(
        f"Removed {removed} daily flower{'s' * (removed != 1)} stored for {future.first} to {future.last}, "
        "with their predictions; each is made again, identically, when its date comes."
    )
    return 0


def generate(args) -> int:
    from iris_desktop.domain import FEATURES
    from iris_desktop.pipelines.daily import (
        flower_of,
        recorded_generators,
        settings_for,
    )
    from iris_desktop.store import flowers as flower_table
    from iris_desktop.store import generators as generator_table

    day = args.date or dt.date.today()
    with open_store() as store:
        stored = flower_table.daily_flower(store, day)
        if stored is not None:  # a stored day is shown as stored, with what made it
            flower = stored.flower
            ids, generator_ids = generator_table.daily_generator_ids(store)
            made_by = recorded_generators(store).get(int(generator_ids[ids == stored.id][0]))
            how = f"stored; generator: {made_by.describe()}" if made_by else "stored; generator not recorded"
        else:
            settings = settings_for(store)
            flower = flower_of(store, day, settings)
            how = f"not stored; generator: {settings.describe()}"
    assert flower.variety is not None  # a daily flower is generated with its variety
    _out(f"{day.isoformat()}: {flower.variety.value}  ({how})")
    for feature, value in zip(FEATURES, flower.measurements):
        _out(f"  {feature.display:<13} {value:4.1f} {feature.unit}")
    return 0
