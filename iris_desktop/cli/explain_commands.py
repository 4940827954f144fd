"""Sub-commands that explain the lab: why a day was predicted as it was, and the lab report."""

from __future__ import annotations

import argparse
import json

from iris_desktop.cli.common import bounded, date_arg
from iris_desktop.cli.common import out as _out
from iris_desktop.errors import UserError
from iris_desktop.store import open_store


def add_commands(command) -> None:
    ex = command(
        "explain", explain, "why a day was predicted as it was: probabilities, neighbours, what would change it"
    )
    ex.add_argument("--date", type=date_arg, required=True, metavar="YYYY-MM-DD", help="the day")
    ex.add_argument(
        "--model",
        metavar="N",
        type=bounded(1, 2**31 - 1),
        default=None,
        help="as model version N predicts it (default: the model that predicted it at the time)",
    )
    ex.add_argument("--json", action="store_true", help="the facts as JSON")
    rp = command("report", report, "write the lab report: one self-contained HTML file, or a PDF")
    rp.add_argument("--out", required=True, metavar="FILE", help="FILE.html or FILE.pdf")
    rp.add_argument("--from", dest="start", type=date_arg, metavar="YYYY-MM-DD", help="the first day reported")
    rp.add_argument(
        "--to", dest="end", type=date_arg, metavar="YYYY-MM-DD", help="the last day reported (default: today)"
    )
    rp.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)


def explain(args) -> int:
    from iris_desktop.pipelines.explain import explain_day

    with open_store() as store:
        facts = explain_day(store, args.date, args.model)
    if args.json:
        _out(json.dumps(facts.as_json(), indent=1))
    else:
        for line in facts.lines():
            _out(line)
    return 0


def report(args) -> int:
    """The report's numbers read like the tabs', its pictures drawn by the tabs' widgets
    offscreen (no display needed)."""
    import datetime as dt
    import os

    from iris_desktop.pipelines.report_data import gather

    if args.start and args.end and args.start > args.end:
        raise UserError(f"--from {args.start} is after --to {args.end}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # pictures only: no window is shown
    from iris_desktop.ui.app import application
    from iris_desktop.ui.report.export import check_destination, write_report

    target = check_destination(args.out)
    application()
    with open_store() as store:
        data = gather(store, args.today or dt.date.today(), args.start, args.end)
    written = write_report(data, target)
    _out(f"Wrote the lab report ({data.days:,} days) to {written}")
    return 0
