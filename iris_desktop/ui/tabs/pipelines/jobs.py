"""The Pipelines tab's work in a worker: read the run log (whole, or its newest runs
after a change), the lineage of a model, a day or an import batch, the daily schedule
as the system has it (and the run it missed), install or remove it, export the log,
and the catch-up with its progress. No Qt here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from iris_desktop.store import Store
from iris_desktop.ui.runtime.jobs import with_store

if TYPE_CHECKING:  # the modules themselves are imported in the worker, when first needed
    from iris_desktop.pipelines.inference import CatchUpSummary
    from iris_desktop.pipelines.schedule import MissedRun, ScheduleStatus
    from iris_desktop.store.imports import ImportBatch
    from iris_desktop.store.registry import ModelRecord
    from iris_desktop.store.runs import RunRecord
    from iris_desktop.ui.tabs.pipelines.schedule_target import ScheduleTarget

LOG_WINDOW = 50  # the newest runs read after a change (more new ones than this: the whole log)
SEARCHED_RUNS = 500  # runs of a pipeline looked through for the one that trained or predicted


# ---- the run log ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunsRead:
    records: list[RunRecord]  # newest first: the whole log (`full`), else its newest LOG_WINDOW
    full: bool
    last: dict[str, RunRecord]  # the newest run of each pipeline that ran


@with_store
def read_runs(store: Store, newest: int | None = None, oldest_running: int | None = None) -> RunsRead:
    """The log after a change. Given the newest run id shown (and the oldest shown as
    still running), the newest LOG_WINDOW runs, when they hold every run that may have
    changed; otherwise (or with nothing shown yet) the whole log."""
    from iris_desktop.store import runs as run_table

    last = run_table.last_per_pipeline(store)
    if newest is not None:
        window = run_table.recent(store, LOG_WINDOW)
        if window and window[0].id >= newest and window[-1].id <= min(newest, oldest_running or newest):
            return RunsRead(window, False, last)
    return RunsRead(run_table.recent(store, run_table.KEEP + run_table.FOLD_EVERY), True, last)


def export_csv(records: list[RunRecord], path: str) -> int:
    """The runs shown as a CSV file (pandas writes it); returns how many."""
    import pandas as pd

    from iris_desktop.ui.tabs.pipelines.run_text import duration_s

    def integers(values: list[int | None]) -> pd.array:
        return pd.array(values, dtype="Int64")  # empty cells for None, whole numbers otherwise

    frame = pd.DataFrame(
        {
            "id": [r.id for r in records],
            "pipeline": [r.pipeline for r in records],
            "trigger": [r.trigger for r in records],
            "outcome": [r.outcome for r in records],
            "started": [r.started for r in records],
            "ended": [r.ended for r in records],
            "duration_s": [duration_s(r) for r in records],
            "rows_in": integers([r.rows_in for r in records]),
            "rows_out": integers([r.rows_out for r in records]),
            "model_version": integers([r.model_version for r in records]),
            "import_id": integers([r.import_id for r in records]),
            "message": [r.message for r in records],
        }
    )
    frame.to_csv(path, index=False, encoding="utf-8")
    return len(frame)


# ---- lineage --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelLineage:
    record: ModelRecord
    batches: list[ImportBatch]  # import batches stored when it was trained (those still stored)
    days: tuple[dt.date, dt.date, int] | None  # first and last day, and how many, of its daily flowers
    trained_by: RunRecord | None  # the training run that registered it (None: not recorded)


@with_store
def model_lineage(store: Store, version: int) -> ModelLineage | None:
    """What version `version` was trained on: the flowers of its sources stored before it
    was registered (ids and times only grow, so those are the ones it read)."""
    from iris_desktop.store import flowers, registry
    from iris_desktop.store.imports import list_batches

    record = registry.get_model(store, version)
    if record is None:
        return None
    batches = []
    if "import" in record.sources:
        batches = [b for b in list_batches(store) if b.imported_at <= record.created_at]
    days = None
    if "daily" in record.sources:
        seen = [f.day for f in flowers.daily_flowers(store) if f.created_at <= record.created_at and f.day]
        days = (min(seen), max(seen), len(seen)) if seen else None
    return ModelLineage(record, batches, days, _run_of(store, ("training",), version, record.created_at))


@dataclass(frozen=True)
class DayPrediction:
    version: int
    predicted: str
    probability: float
    predicted_at: str
    run: RunRecord | None  # the run that made it (catch-up, activation, training, extend-history)


@dataclass(frozen=True)
class DayLineage:
    day: dt.date
    variety: str | None  # the day's flower's true variety; None: no flower stored that day
    predictions: list[DayPrediction]  # oldest first


@with_store
def day_lineage(store: Store, day: dt.date) -> DayLineage:
    """Which model predicted `day`, when, and in which run."""
    from iris_desktop.store import flowers
    from iris_desktop.store.predictions import daily_predictions

    flower = flowers.daily_flower(store, day)
    predictions = []
    for p in daily_predictions(store, start=day, end=day):
        run = _run_of(store, ("catch-up", "activation", "training", "extend-history"), p.model_version, p.predicted_at)
        predictions.append(DayPrediction(p.model_version, p.predicted.value, max(p.probabilities), p.predicted_at, run))
    variety = flower.flower.variety.value if flower is not None and flower.flower.variety is not None else None
    return DayLineage(day, variety, predictions)


@dataclass(frozen=True)
class BatchLineage:
    import_id: int
    batch: ImportBatch | None  # None: removed since
    models: list[int]  # versions trained on imported flowers after it was imported


@with_store
def batch_lineage(store: Store, import_id: int) -> BatchLineage:
    from iris_desktop.store import registry
    from iris_desktop.store.imports import get_batch

    batch = get_batch(store, import_id)
    models = []
    if batch is not None:
        models = [
            r.version
            for r in registry.list_models(store)
            if "import" in r.sources and r.created_at >= batch.imported_at
        ]
    return BatchLineage(import_id, batch, models)


def _run_of(store: Store, pipelines: tuple[str, ...], version: int, when: str) -> RunRecord | None:
    """The run of one of `pipelines`, with model `version`, running at UTC time `when`."""
    from iris_desktop.store import runs as run_table

    for pipeline in pipelines:
        for run in run_table.recent(store, SEARCHED_RUNS, pipeline=pipeline):
            if run.model_version == version and run.started <= when <= (run.ended or "9999"):
                return run
    return None


# ---- the schedule ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduleCheck:
    status: ScheduleStatus | None  # None: not scheduled
    missed: MissedRun | None  # the scheduled run that did not happen, if one
    next_run: dt.datetime | None  # when the scheduler starts the catch-up next, if it says


@with_store
def check_schedule(store: Store, target: ScheduleTarget, data_dir: Path, now: dt.datetime) -> ScheduleCheck:
    """The schedule of `data_dir` as the system has it, and the run it missed (if one):
    the last catch-up the scheduler started, against its time of day."""
    from iris_desktop.pipelines.schedule import missed_run
    from iris_desktop.pipelines.schedule.common import next_at
    from iris_desktop.store import runs as run_table

    status = target.status(data_dir)
    if status is None:
        return ScheduleCheck(None, None, None)
    missed = missed_run(status, run_table.last(store, "catch-up", trigger="scheduler"), now)
    upcoming = status.next_trigger or (next_at(status.time, now) if status.time is not None else None)
    return ScheduleCheck(status, missed, upcoming)


@dataclass(frozen=True)
class SchedulePlan:
    label: str  # the scheduler, in words
    where: str
    lines: list[str]  # what installing writes and runs, as `schedule install --dry-run` prints it


def schedule_plan(target: ScheduleTarget, data_dir: Path, at: dt.time) -> SchedulePlan:
    from iris_desktop.pipelines.schedule import job_for

    backend = target.make()
    plan = backend.install_plan(job_for(data_dir, at))
    return SchedulePlan(backend.label, backend.status(job_for(data_dir, at).name).where, plan.describe())


def install_schedule(target: ScheduleTarget, data_dir: Path, at: dt.time) -> ScheduleStatus:
    """Install the daily catch-up of `data_dir` at `at`; the status read back after."""
    from iris_desktop.pipelines.schedule import job_for

    backend = target.make()
    job = job_for(data_dir, at)
    backend.install(job)
    return backend.status(job.name)


def remove_schedule(target: ScheduleTarget, data_dir: Path) -> bool:
    """Remove the schedule of `data_dir`; False if there was none."""
    from iris_desktop.pipelines.schedule import job_for

    return bool(target.make().remove(job_for(data_dir).name).steps)


# ---- Run now --------------------------------------------------------------------------------------


@with_store
def catch_up(store: Store, today: dt.date, progress=None) -> CatchUpSummary:
    """operations.catch_up, with its progress shown in the Daily flowers box."""
    from iris_desktop.pipelines import operations

    return operations.catch_up(store, today, progress=progress)
