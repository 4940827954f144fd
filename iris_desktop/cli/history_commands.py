"""Sub-commands of the monitor: history."""

from __future__ import annotations

import argparse
import sys

from iris_desktop.cli.common import bounded, date_arg
from iris_desktop.cli.common import out as _out
from iris_desktop.cli.streams import symbol
from iris_desktop.domain import plural
from iris_desktop.store import open_store


def add_commands(command) -> None:
    hi = command("history", history, "past daily predictions with the true variety")
    hi.add_argument(
        "--days",
        type=bounded(1, 365_000),
        default=None,
        help="only the last N days (default: the whole history, as File > Export history)",
    )
    hi.add_argument(
        "--model",
        metavar="N",
        type=bounded(1, 2**31 - 1),
        default=None,
        help="what model version N predicts for every day (default: each day's first "
        "prediction, as it was seen at the time)",
    )
    hi.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    hi.add_argument("--csv", metavar="FILE", help="write them to FILE as CSV (- for standard output)")


def history(args) -> int:
    import datetime as dt

    from iris_desktop.pipelines.history_csv import export_history_csv
    from iris_desktop.pipelines.monitoring import history_columns, last_days, version_history

    today = args.today or dt.date.today()  # days after it (the clock was ahead) are left out
    with open_store() as store:
        if args.csv == "-":
            export_history_csv(store, sys.stdout, days=args.days, model_version=args.model, today=today)
            return 0
        if args.csv:
            count = export_history_csv(store, args.csv, days=args.days, model_version=args.model, today=today)
            _out(f"Wrote {plural(count, 'prediction')} to {args.csv}")
            return 0
        shown = (
            version_history(store, args.model, end=today)
            if args.model is not None
            else history_columns(store, end=today)
        )
        shown = last_days(shown, args.days, today)
        if not len(shown):
            _out(
                f"No predictions yet: {_why_none(store)}."
                if args.days is None
                else f"No predictions in the last {plural(args.days, 'day')}."
            )
            return 0
    from iris_desktop.domain import VARIETIES

    names = [v.value for v in VARIETIES]
    right_mark, wrong_mark = symbol("✓", "yes"), symbol("✗", "no")  # Windows' cp1252 has neither
    width = max(2, len(right_mark), len(wrong_mark))
    _out(f"{'day':10}  {'actual':10}  {'predicted':10}  {'ok':{width}}  model")
    for day, a, p, v, stored in zip(
        shown.day.astype(str).tolist(),
        shown.actual.tolist(),
        shown.predicted.tolist(),
        shown.version.tolist(),
        shown.stored.tolist(),
    ):
        _out(
            f"{day:10}  {names[a]:10}  {names[p]:10}  {right_mark if a == p else wrong_mark:{width}}  v{v}"
            + ("" if stored else " (predicted now)")
        )
    right = int(shown.correct.sum())
    _out(f"accuracy {right}/{len(shown)} = {right / len(shown):.1%}")
    if not shown.stored.all():
        _out(
            f"{int((~shown.stored).sum())} of these days were never predicted by v{args.model}: "
            "predicted now, not stored"
        )
    return 0


def _why_none(store) -> str:
    """What would make the first predictions: the hint that fits, not always catch-up."""
    from iris_desktop.store import flowers, registry

    active = registry.active_model(store)
    if active is None:
        return "no model is active; train one (`iris-desktop train`)"
    if not (store.models_dir / active.artifact).is_file():
        return (
            f"the file of the active model v{active.version} is missing; retrain it "
            f"(`iris-desktop retrain {active.version}`) or activate another version"
        )
    if flowers.last_daily_day(store) is None:
        return "there are no daily flowers yet; `iris-desktop catch-up` makes and predicts them"
    return "`iris-desktop catch-up` predicts the stored days"
