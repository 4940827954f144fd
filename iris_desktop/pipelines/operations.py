"""What a user can start that changes the store, each as one function. The command line
and the app's jobs both call these, so an action leaves the same tables whichever
started it: activating or training a model predicts every stored day with it, from a
cron job as from the window. Each records its run (pipelines/runs.py): a first run
records each pipeline it runs, marked `first-run`.

(Backfill, import and removals are single pipeline functions already, called the same
way and recording their own runs: `backfill.backfill`, `imports.import_preview`,
`removal.remove_batch`.)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from iris_desktop.errors import InvalidValue
from iris_desktop.pipelines import daily, daily_calendar, inference, registry
from iris_desktop.pipelines.backfill import backfill
from iris_desktop.pipelines.inference import CatchUpSummary, FirstRun, Progress
from iris_desktop.pipelines.legacy_models import convert_legacy_models
from iris_desktop.pipelines.legacy_retrain import retrain_legacy
from iris_desktop.pipelines.runs import Run, recorded, recorded_restore, triggered
from iris_desktop.pipelines.training import TrainingConfig, config_of
from iris_desktop.pipelines.training import train as fit
from iris_desktop.store import Store, backups
from iris_desktop.store import registry as model_rows
from iris_desktop.store.backups import Restored, daily_backup
from iris_desktop.store.flowers import last_daily_day
from iris_desktop.store.registry import ModelRecord, UnknownModelError


@dataclass(frozen=True)
class Started:
    """What `start` did: a first run, a catch-up, or nothing yet because many days wait."""

    summary: CatchUpSummary
    first_run: bool
    waiting_days: int = 0  # days not caught up: more than `ask_before_days`, to be asked first
    last_day: dt.date | None = None  # the last stored day, when days wait
    notes: tuple[str, ...] = ()  # options that did not apply, in words


@dataclass(frozen=True)
class Trained:
    record: ModelRecord
    model: registry.LoadedModel | None  # None: registered, not activated
    predicted: int = 0  # daily flowers it predicted once activated


def _quiet(_pct: int, _text: str) -> None:
    pass


def start(
    store: Store,
    today: dt.date,
    *,
    set_up: bool = True,
    generator: str | None = None,
    history_days: int | None = None,
    ask_before_days: int | None = None,
    progress: Progress | None = None,
) -> Started:
    """What the app does at launch and `catch-up` does for a scheduler: on a store never
    set up (and `set_up`), store the bundled data, train the default model and start
    the history; otherwise catch up every missed day, unless more than `ask_before_days`
    wait (then nothing: the caller asks). Then the day's backup.

    `generator` (the generator of the days to come) and `history_days` (how far back the
    history starts, before it has started) apply first; a start already made is noted."""
    report = progress or _quiet
    # Model files of versions before 0.2 (pickles) become the new format, once.
    notes = _conversion_notes(store)
    if set_up and inference.is_first_run(store):
        with triggered("first-run"):
            summary = first_run(store, today, report, generator, history_days)
            report(97, "Backing up")
            backup(store)
        return Started(summary, True, notes=tuple(notes))
    if history_days is not None:
        started = store.meta("history_start")
        if started:
            notes.append(f"--history-days ignored: the daily history already starts on {started}")
        else:
            daily_calendar.set_history_days(store, history_days)
    if generator:  # confirmed in words: an up-to-date store would otherwise say only "Up to date"
        chosen = daily.set_generator(store, generator)
        notes.append(f"the days after {last_daily_day(store) or today} are made by {chosen.describe()}")
    last = last_daily_day(store)
    if ask_before_days is not None and last is not None and (today - last).days > ask_before_days:
        nothing = CatchUpSummary(0, 0, None, None, None)
        return Started(nothing, False, (today - last).days, last, tuple(notes))
    report(50, "Catching up missed days")
    summary = catch_up(store, today)
    report(97, "Backing up")
    backup(store)
    return Started(summary, False, notes=tuple(notes))


def first_run(
    store: Store,
    today: dt.date | None = None,
    progress: Progress | None = None,
    generator: str | None = None,
    history_days: int | None = None,
) -> CatchUpSummary:
    """Backfill, train and activate the default model, catch up: each pipeline recorded
    as a run of its own. Idempotent. `generator` and `history_days` (see
    daily.set_generator / daily_calendar.set_history_days) apply after the backfill, so
    the generator is measured on the stored data."""
    today = today or dt.date.today()
    report = progress or (lambda pct, text: None)
    report(5, "Storing the bundled Iris data set")
    backfilled = backfill(store)
    if history_days is not None:
        daily_calendar.set_history_days(store, history_days)
    if generator:
        daily.set_generator(store, generator)
    trained = None
    with recorded(store, "training") as run:
        with store.transaction():  # several first runs at once (cron and the app) train one model
            if model_rows.active_version(store) is None:
                report(20, "Training the default model (KNN, k=5)")
                trained = fit(store, TrainingConfig(), activate=True)
        if trained is None:
            run.nothing_to_do("another process trained the default model")
        else:
            _trained_run(run, trained, 0)
    report(80, "Generating the daily flowers")
    summary = catch_up(store, today, progress=lambda pct, text: report(int(80 + pct * 0.19), text))
    model = None
    if trained is not None:
        model = trained.describe()
        if math.isfinite(trained.accuracy):
            model += f" (test accuracy {trained.accuracy:.1%})"
    done = FirstRun(backfilled, model, daily_calendar.planned_start(store, today), daily.settings_for(store).describe())
    report(100, summary.message())
    return dataclasses.replace(summary, first_run=done)


def backup(store: Store, dest: Path | str | None = None, manual: bool = False) -> Path | None:
    """A backup archive at `dest`; without it, in the backups folder: a kept one if
    `manual`, else the day's automatic one (None: made today already)."""
    with recorded(store, "backup") as run:
        if dest is not None:
            path: Path | None = backups.write_archive(store, dest)
        else:
            path = backups.automatic_backup(store, "manual") if manual else daily_backup(store)
        if path is None:
            run.nothing_to_do("the day's backup was made already")
        else:
            run.message = f"backed up to {path}"
    return path


def _conversion_notes(store: Store) -> list[str]:
    """What converting the old model files said, less what the catch-up says anyway: the
    active version that cannot be used is its error."""
    active = model_rows.active_version(store)
    said = convert_legacy_models(store)
    return [text for text in said if "converted" in text or not text.startswith(f"model v{active}: ")]


def catch_up(
    store: Store, today: dt.date, model: registry.LoadedModel | None = None, progress: Progress | None = None
) -> CatchUpSummary:
    """Every missed day's flower, and every daily flower the active model has not
    predicted. If another model was activated meanwhile (by another process), once
    more: an activation predicts the days it sees, and days added after it looked
    would be left without its prediction."""
    with recorded(store, "catch-up") as run:
        summary = inference.catch_up(store, today, model=model, progress=progress)
        active = model_rows.active_version(store)
        if summary.model_version is not None and active not in (None, summary.model_version):
            again = inference.catch_up(store, today)
            summary = dataclasses.replace(
                summary,
                predictions_made=summary.predictions_made + again.predictions_made,
                model_version=again.model_version,
            )
        _days_run(run, summary)
    return summary


def extend_history(
    store: Store,
    start: dt.date,
    today: dt.date,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> CatchUpSummary:
    """inference.extend_history (start the daily history on `start`), recorded."""
    with recorded(store, "extend-history") as run:
        summary = inference.extend_history(store, start, today, progress=progress, should_cancel=should_cancel)
        _days_run(run, summary)
    return summary


def _days_run(run: Run, summary: CatchUpSummary) -> None:
    """A run that made days: the flowers the model read in, the flowers and predictions
    written out; failed when the active model could not be used (the CLI exits 2)."""
    run.rows_in = summary.predictions_made
    run.rows_out = summary.days_added + summary.predictions_made
    run.model_version = summary.model_version
    run.message = summary.message()
    if summary.model_error:
        run.failed(f"{summary.message()} ({summary.model_error})")
    elif not (summary.days_added or summary.predictions_made):
        run.nothing_to_do()


def activate(store: Store, version: int) -> tuple[registry.LoadedModel, int]:
    """Make `version` active once its file is verified, and predict every stored daily
    flower it has not seen, in one transaction; returns it and how many it predicted.
    (Days not made yet are the catch-up's: one running meanwhile sees the switch and
    predicts its own days with this model too; see `catch_up`.)"""
    with recorded(store, "activation") as run:
        run.model_version = version
        model = registry.load_model(store, version)  # ModelLoadError before anything changes
        with store.transaction():
            model_rows.set_active(store, version)
            made = inference.predict_pending(store, model)
        run.rows_in = run.rows_out = made
        run.message = f"v{version} active; it predicted {made} daily flower{'s' * (made != 1)}"
    return model, made


def train(
    store: Store,
    config: TrainingConfig | None = None,
    *,
    retrain_version: int | None = None,
    activate: bool = True,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> Trained:
    """Train `config` (default: the default model), or version `retrain_version` again
    with its own settings on today's data; register it and, unless `activate` is False,
    activate it and predict every stored daily flower with it."""
    with recorded(store, "training") as run:
        if retrain_version is not None:
            record = model_rows.get_model(store, retrain_version)
            if record is None:
                raise UnknownModelError(f"there is no model version {retrain_version}")
            config = config_of(record)
        config = config or TrainingConfig()
        trained = fit(store, config, activate=activate, progress=progress, should_cancel=should_cancel)
        if not activate:
            _trained_run(run, trained, 0)
            return Trained(trained, None)
        model = registry.load_model(store, trained.version)  # registered and activated by fit
        with store.transaction():
            made = inference.predict_pending(store, model)
        _trained_run(run, trained, made)
    return Trained(trained, model, made)


def _trained_run(run: Run, record: ModelRecord, predicted: int) -> None:
    run.model_version = record.version
    run.rows_in = record.n_rows
    run.rows_out = predicted
    accuracy = f", test accuracy {record.accuracy:.3f}" if math.isfinite(record.accuracy) else ""
    active = f"; active, it predicted {predicted} daily flower{'s' * (predicted != 1)}" if predicted else "; active"
    run.message = f"registered {record.describe()}{accuracy}" + (active if record.active else "")


def delete_model(store: Store, version: int) -> int:
    """Delete a version that is not the active one, its file and its predictions;
    returns how many predictions went with it."""
    with recorded(store, "model-deletion") as run:
        run.model_version = version
        record = model_rows.get_model(store, version)
        if record is None:
            raise UnknownModelError(f"there is no model version {version}")
        if record.active:
            raise InvalidValue(
                f"v{version} is the active model; activate another version first "
                "(`iris-desktop activate VERSION`), then delete it"
            )
        run.rows_out = removed = registry.delete_model(store, version)
        run.message = f"deleted {record.describe()} and its {removed} prediction{'s' * (removed != 1)}"
    return removed


@dataclass(frozen=True)
class RestoreDone:
    restored: Restored
    retrained: tuple[int, ...] = ()  # old-format versions trained again to the same model
    needs_retraining: tuple[int, ...] = ()  # old-format versions that could not be reproduced
    skipped: tuple[str, ...] = ()  # newer backups that could not be restored, and why

    def message(self) -> str:
        text = dataclasses.replace(self.restored, legacy_versions=()).message()
        if self.retrained:
            text += f"; {_listed(self.retrained)} (in the format before 0.2) trained again from their settings"
        if self.needs_retraining:
            text += f"; {_listed(self.needs_retraining)} (in the format before 0.2) must be retrained: its data changed"
        return text


def _listed(versions: tuple[int, ...]) -> str:
    return "model " + ", ".join(f"v{v}" for v in versions)


def restore(source: Path | str | None, db: Path, models: Path) -> RestoreDone:
    """Make the data those of the backup at `source` (None: the newest sound one in the
    backups folder). An archive's model files in the old format (pickles) are never
    loaded: each such version is trained again from its recorded settings on the
    archive's own data, keeping its number and predictions, when that reproduces it."""
    with recorded_restore(db, models) as run:
        skipped: list[str] = []
        if source is None:
            restored, skipped = backups.restore_newest(db, models)
        else:
            restored = backups.restore(source, db, models)
        done: list[int] = []
        left: list[int] = []
        if restored.legacy_versions:
            with Store.open(db, models) as store:
                for version in restored.legacy_versions:
                    (done if retrain_legacy(store, version) else left).append(version)
        result = RestoreDone(restored, tuple(done), tuple(left), tuple(skipped))
        run.rows_in = restored.backup.flowers if restored.backup else None
        run.message = result.message()
    return result
