"""The app's shared state: the GUI thread's Store, the task runner, the active model and
the flowers, and the signals that say they changed.

Tabs read from here and listen to its signals; they never write SQL themselves. Every
change of the store, made by this app or by another process (a cron catch-up, the CLI),
reaches the tabs the same way: the ChangeWatcher notices a commit, a worker reads a new
Snapshot, and `apply` emits what changed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from iris_desktop.store import Store
from iris_desktop.ui.runtime import jobs
from iris_desktop.ui.runtime.task_runner import TaskRunner
from iris_desktop.ui.runtime.worker import Task

if TYPE_CHECKING:
    from iris_desktop.pipelines.registry import LoadedModel
    from iris_desktop.store.flowers import FeatureStats, FlowerColumns
    from iris_desktop.store.summary import StoreSummary


class AppState(QObject):
    modelChanged = Signal(object)  # the new LoadedModel, or None
    flowersChanged = Signal(object)  # the new FlowerColumns of every stored flower
    dataChanged = Signal(object, object)  # the StoreSummary before and after any change
    modelUnusable = Signal(str)  # the active model's file is missing or altered: why
    announced = Signal(str)  # a change made by another process, in words
    trainDefaultRequested = Signal()  # a tab asks the window to train the default model
    dayRequested = Signal(object, str)  # (a date, a tab's name): show that day in that tab

    def __init__(self, store: Store, runner: TaskRunner | None = None):
        super().__init__()
        self.store = store
        self.runner = runner or TaskRunner(self)
        self.model: LoadedModel | None = None
        self.flowers: FlowerColumns | None = None
        self.labelled: FeatureStats | None = None  # of the backfilled and imported flowers
        self.summary: StoreSummary | None = None
        self.ready = False  # heavy modules loaded and the start-up catch-up done
        self._applied_generation = 0  # the runner's write count at the last snapshot
        self._unusable: str | None = None

    def today(self) -> dt.date:
        return dt.date.today()

    def paths(self) -> tuple:
        """What a job needs to open its own connection."""
        return self.store.path, self.store.models_dir

    # ---- the model ------------------------------------------------------------------

    def set_model(self, model: LoadedModel | None) -> None:
        """Show `model` everywhere; the same version and file again changes nothing."""
        if _identity(model) == _identity(self.model):
            return
        self.model = model
        self.modelChanged.emit(model)

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
        before, after = self.summary, snapshot.summary
        self._applied_generation = self.runner.write_generation
        self.summary = after
        if announce and before is not None:
            text = describe_changes(before, after)
            if text:
                self.announced.emit(text)
        if snapshot.flowers is not None:
            self.flowers, self.labelled = snapshot.flowers, snapshot.labelled
            self.flowersChanged.emit(snapshot.flowers)
        self.set_model(snapshot.model)
        if snapshot.model_error and snapshot.model_error != self._unusable:
            self.modelUnusable.emit(snapshot.model_error)  # once per cause, not per refresh
        self._unusable = snapshot.model_error
        if before != after:
            self.dataChanged.emit(before, after)


def _identity(model) -> tuple | None:
    return None if model is None else (model.version, model.record.sha256)


def describe_changes(before: StoreSummary, after: StoreSummary) -> str:
    """What another process changed, in a few words for the status bar."""
    parts = []
    if after.active_version != before.active_version:
        parts.append(
            f"Model v{after.active_version} was activated elsewhere"
            if after.active_version is not None
            else "The active model was removed elsewhere"
        )
    new_models = sorted(set(after.models) - set(before.models) - {after.active_version})
    if new_models:
        parts.append("model " + ", ".join(f"v{v}" for v in new_models) + " registered elsewhere")
    for source, one, many in (
        ("daily", "new daily flower", "new daily flowers"),
        ("import", "flower imported", "flowers imported"),
        ("backfill", "bundled flower stored", "bundled flowers stored"),
    ):
        delta = after.count(source) - before.count(source)
        if delta > 0:
            parts.append(f"{delta} {one if delta == 1 else many}")
        elif delta < 0:
            parts.append(f"{-delta} {source} flower{'s' * (delta != -1)} removed")
    if after.generator != before.generator and before.generator is not None:
        parts.append("the generator of the days to come was changed elsewhere")
    if not parts and after.predictions != before.predictions:
        delta = after.predictions - before.predictions
        parts.append(f"{abs(delta)} prediction{'s' * (abs(delta) != 1)} " + ("added" if delta > 0 else "removed"))
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + (" (by another program)" if "elsewhere" not in text else "")
