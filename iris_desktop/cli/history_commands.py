"""Sub-commands of the monitor: history."""
from __future__ import annotations

import sys

from iris_desktop.cli.common import bounded
from iris_desktop.cli.common import out as _out
from iris_desktop.store import open_store


def add_commands(command) -> None:
    hi = command("history", history, "past daily predictions with the true variety")
    hi.add_argument("--days", type=bounded(1, 365_000), default=30, help="last N days (default 30)")
    hi.add_argument("--csv", metavar="FILE", help="write them to FILE as CSV (- for standard output)")


def history(args) -> int:
    from iris_desktop.pipelines.monitoring import export_history_csv, window_predictions

    with open_store() as store:
        if args.csv == "-":
            export_history_csv(store, sys.stdout, days=args.days)
            return 0
        if args.csv:
            count = export_history_csv(store, args.csv, days=args.days)
            _out(f"Wrote {count} predictions to {args.csv}")
            return 0
        rows = window_predictions(store, days=args.days)
    if not rows:
        _out("No predictions yet: run `iris-desktop catch-up`.")
        return 0
    _out(f"{'day':10}  {'actual':10}  {'predicted':10}  ok  model")
    for r in rows:
        _out(f"{r.day.isoformat():10}  {r.actual.value:10}  {r.predicted.value:10}  "
             f"{'✓' if r.correct else '✗':2}  v{r.model_version}")
    right = sum(r.correct for r in rows)
    _out(f"accuracy {right}/{len(rows)} = {right / len(rows):.1%}")
    return 0
