"""`runs`: what the pipelines did, newest first, from the runs table."""

from __future__ import annotations

import json

from iris_desktop.cli.common import bounded
from iris_desktop.cli.common import out as _out
from iris_desktop.store import open_store


def add_commands(command) -> None:
    from iris_desktop.pipelines.runs import PIPELINES

    ru = command("runs", runs, "the pipelines' runs, newest first: who started them, how they ended")
    ru.add_argument("--pipeline", choices=list(PIPELINES), help="only the runs of this pipeline")
    ru.add_argument("--last", type=bounded(1, 10_000), default=20, metavar="N", help="the newest N runs (default 20)")
    ru.add_argument("--failed", action="store_true", help="only the runs that failed or were interrupted")
    ru.add_argument("--json", action="store_true", help="as JSON: a list of objects, one a run")


def runs(args) -> int:
    from iris_desktop.store import runs as run_table

    with open_store() as store:
        found = run_table.recent(store, args.last, args.pipeline, args.failed)
    if args.json:
        _out(json.dumps([run.as_json() for run in found], indent=1))
        return 0
    if not found:
        _out("No runs recorded" + (" that failed." if args.failed else " yet."))
        return 0
    _out(f"{'started':16}  {'pipeline':19}  {'trigger':9}  {'outcome':13}  {'in':>6}  {'out':>6}  {'model':5}  message")
    for run in found:
        model = f"v{run.model_version}" if run.model_version is not None else ""
        _out(
            f"{_local(run.started):16}  {run.pipeline:19}  {run.trigger:9}  {run.outcome:13}  "
            f"{_count(run.rows_in):>6}  {_count(run.rows_out):>6}  {model:5}  {run.message}"
        )
    return 0


def _local(stamp: str) -> str:
    from iris_desktop.store.runs import local_time

    try:
        return f"{local_time(stamp):%Y-%m-%d %H:%M}"
    except ValueError:
        return stamp[:16]


def _count(value: int | None) -> str:
    return "" if value is None else str(value)
