"""The app's shared state: where the store is, the task runner, the active model and the
flowers, and the signal that says what changed.

Tabs read from here and listen to its signals; they never write SQL themselves. Every
change of the store, made by this app or by another process (a cron catch-up, the CLI),
reaches the tabs the same way: the ChangeWatcher notices a commit, a worker reads a new
Snapshot, and `apply` emits what changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.task_runner import TaskRunner
from iris_desktop.ui.runtime.worker import Task

if TYPE_CHECKING:
    from iris_desktop.pipelines.registry import LoadedModel
    from iris_desktop.store.flowers import FeatureStats, FlowerColumns
    from iris_desktop.store.registry import ModelRecord
    from iris_desktop.store.summary import StoreSummary


@dataclass(frozen=True)
class Changes:
    """What one snapshot changed, so each tab does only the work its part needs, once."""

    after: StoreSummary
    before: StoreSummary | None = None  # None: the first snapshot
    flowers: bool = False  # flowers added or removed (state.flowers is new)
    model: bool = False  # another active model, or none (state.model)
    models: bool = False  # versions registered or deleted
    predictions: bool = False  # predictions added or removed
    generator: bool = False  # the generator of the days to come
    runs: bool = False  # a pipeline run started or ended (the Pipelines tab reads the newest runs)

    def __or__(self, later: Changes) -> Changes:
        """This change, then `later`: as one (for a tab that was hidden meanwhile)."""
        merged = {f.name: getattr(self, f.name) or getattr(later, f.name) for f in dataclasses.fields(self)[2:]}
        return Changes(later.after, self.before, **merged)


def changes_between(
    before: StoreSummary | None, after: StoreSummary, model_changed: bool, flowers_read: bool, runs: bool = False
) -> Changes:
    if before is None:
        return Changes(after, None, flowers=True, model=True, models=True, predictions=True, generator=True, runs=True)
    return Changes(
        after,
        before,
        flowers=flowers_read,
        model=model_changed,
        models=after.models != before.models,
        predictions=after.predictions != before.predictions,
        generator=after.generator != before.generator,
        runs=runs,
    )


# What an empty tab may ask the window for (AppState.actionRequested): the window's own
# actions do it, so a tab needs neither the window nor another tab's code.
STORE_BUNDLED = "store-bundled"  # the feature pipeline's backfill of the bundled data set
TRAIN_DEFAULT = "train-default"  # the training pipeline: the default model, activated
CATCH_UP = "catch-up"  # the daily pipeline and batch inference, up to today
ACTIONS = (STORE_BUNDLED, TRAIN_DEFAULT, CATCH_UP)


class AppState(QObject):
    changed = Signal(object)  # Changes: one per snapshot that changed anything
    modelUnusable = Signal(str)  # the active model's file is missing or altered: why
    announced = Signal(str)  # a change made by another process, in words
    trainDefaultRequested = Signal()  # a tab asks the window to train the default model
    actionRequested = Signal(str)  # a tab's empty state asks the window for one of ACTIONS
    dayRequested = Signal(object, str)  # (a date, a tab's name): show that day in that tab
    # (a date, a model version or None: as predicted at the time): explain that day in Predict
    explainRequested = Signal(object, object)
    historyViewChanged = Signal(object)  # History's view of the past: None (at the time) or a version

    def __init__(self, db: Path, models_dir: Path, runner: TaskRunner | None = None):
        """The state of the store at `db` (model files in `models_dir`). The GUI thread
        holds no connection of its own: workers open, check and read the store."""
        super().__init__()
        self.db, self.models_dir = Path(db), Path(models_dir)
        self.runner = runner or TaskRunner(self)
        self.model: LoadedModel | None = None
        self.flowers: FlowerColumns | None = None
        self.labelled: FeatureStats | None = None  # of the backfilled and imported flowers
        self.summary: StoreSummary | None = None
        self.records: tuple[ModelRecord, ...] = ()  # the registry, newest last
        self.ready = False  # heavy modules loaded and the start-up catch-up done
        self.history_view: int | None = None  # History's switch: None = as predicted at the time
        self._applied_generation = 0  # the runner's write count at the last snapshot
        self.runs_mark: tuple[tuple[int, str], ...] = ()  # the newest runs' (id, outcome) (jobs.runs_mark)
        self._unusable: str | None = None

    def today(self) -> dt.date:
        return dt.date.today()

    def paths(self) -> tuple[Path, Path]:
        """What a job needs to open its own connection."""
        return self.db, self.models_dir

    def set_history_view(self, version: int | None) -> None:
        """History's view of the past changed: Predict explains days the same way."""
        if version != self.history_view:
            self.history_view = version
            self.historyViewChanged.emit(version)

    # ---- snapshots ------------------------------------------------------------------

    def refresh(self) -> Task:
        """Read a new Snapshot in a worker and apply it. A request while one runs
        waits for it and runs once more (it may have read before the change)."""
        return self.runner.run(
            "refresh",
            jobs.snapshot,
            *self.paths(),
            self.summary,
            self.model,
            key="refresh",
            writes=False,
            repeat="queue",
            on_finished=self._refreshed,
        )

    def _refreshed(self, snapshot: jobs.Snapshot) -> None:
        # Changes this app made itself are reported by the action that made them.
        made_here = self.runner.writing or self.runner.write_generation != self._applied_generation
        self.apply(snapshot, announce=not made_here)

    def apply(self, snapshot: jobs.Snapshot, announce: bool = False) -> None:
        """The one place the state changes: the flowers, the model, the summary; then one
        `changed` saying what did."""
        before, after = self.summary, snapshot.summary
        self._applied_generation = self.runner.write_generation
        self.summary = after
        if announce and before is not None:
            text = describe_changes(before, after)
            if text:
                self.announced.emit(text)
        if snapshot.flowers is not None:
            self.flowers, self.labelled = snapshot.flowers, snapshot.labelled
        if snapshot.records is not None:
            self.records = snapshot.records
        model_changed = _identity(snapshot.model) != _identity(self.model)
        self.model = snapshot.model
        if snapshot.model_error and snapshot.model_error != self._unusable:
            self.modelUnusable.emit(snapshot.model_error)  # once per cause, not per refresh
        self._unusable = snapshot.model_error
        runs_changed, self.runs_mark = snapshot.runs != self.runs_mark, snapshot.runs
        changes = changes_between(before, after, model_changed, snapshot.flowers is not None, runs_changed)
        if before is None or before != after or changes.flowers or changes.model or changes.runs:
            self.changed.emit(changes)


def _identity(model) -> tuple | None:
    return None if model is None else (model.version, model.record.sha256)


def describe_changes(before: StoreSummary, after: StoreSummary) -> str:
    """What another process changed, in a few words for the status bar."""
    parts = []
    elsewhere = False  # a part says who: "elsewhere"
    if after.active_version != before.active_version:
        elsewhere = True
        parts.append(
            tr("Model v{version} was activated elsewhere").format(version=after.active_version)
            if after.active_version is not None
            else tr("The active model was removed elsewhere")
        )
    new_models = sorted(set(after.models) - set(before.models) - {after.active_version})
    if new_models:
        elsewhere = True
        versions = ", ".join(f"v{v}" for v in new_models)
        parts.append(tr("model {versions} registered elsewhere").format(versions=versions))
    for source in ("daily", "import", "backfill"):
        delta = after.count(source) - before.count(source)
        if delta > 0:
            parts.append(_added(source, delta))
        elif delta < 0:
            parts.append(_removed(source, -delta))
    if after.generator != before.generator and before.generator is not None:
        elsewhere = True
        parts.append(tr("the generator of the days to come was changed elsewhere"))
    if not parts and after.predictions != before.predictions:
        delta = after.predictions - before.predictions
        if delta > 0:
            parts.append(tr("%n prediction(s) added", None, delta))
        else:
            parts.append(tr("%n prediction(s) removed", None, -delta))
    if not parts:
        return ""
    text = "; ".join(parts)
    text = text[0].upper() + text[1:]
    return text if elsewhere else tr("{changes} (by another program)").format(changes=text)


def _added(source: str, n: int) -> str:
    """`n` flowers of `source` added, e.g. "3 new daily flowers"."""
    if source == "daily":
        return tr("%n new daily flower(s)", None, n)
    if source == "import":
        return tr("%n flower(s) imported", None, n)
    return tr("%n bundled flower(s) stored", None, n)


def _removed(source: str, n: int) -> str:
    """`n` flowers of `source` removed, e.g. "2 import flowers removed"."""
    if source == "daily":
        return tr("%n daily flower(s) removed", None, n)
    if source == "import":
        return tr("%n import flower(s) removed", None, n)
    return tr("%n backfill flower(s) removed", None, n)
