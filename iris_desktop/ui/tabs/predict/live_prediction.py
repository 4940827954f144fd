"""One flower's prediction per slider step, without ever making the window wait.

A KNN answers one row in about half a millisecond: it is asked at once, on the GUI
thread, and the answer is on screen in the same step. A 500-tree random forest takes
30 ms or more per row, so a drag would stutter: models measured (in a worker, when they
arrive) above SLOW_MS are asked in a worker instead, the newest request replacing any
that waits, and the answer shown when it comes.
"""

from __future__ import annotations

import statistics
import time

import numpy as np
import sklearn
from PySide6.QtCore import QObject, Signal

from iris_desktop.domain import Variety
from iris_desktop.ui.runtime.i18n import tr

SLOW_MS = 4.0


def predict_one(model, row: np.ndarray):
    """(probabilities in variety order, (distances, indices) of the neighbours or None)."""
    # The row comes from spin boxes (finite, positive) and the calls never change, so
    # scikit-learn's per-call input checks are skipped: a quarter of its time on one
    # row. The setting is thread-local and lasts only for this block.
    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        if model.knn is not None:  # one neighbour search gives both
            neighbours = model.neighbours(row)
            return model.knn_proba(*neighbours), neighbours
        return model.predict_proba(row)[0], None


def prediction_detail(probability: float, variety: Variety, votes: tuple[int, int] | None, outside: bool) -> str:
    """The line under the verdict: its probability, the neighbours' votes (a uniformly
    weighted KNN: (for the variety, k)) and a warning when a value lies outside the
    training data. Runs on every slider step: a few lookups and one format."""
    if votes is None:
        text = (
            tr("{probability:.0%} probability. ⚠ Outside the training data: treat it with care")
            if outside
            else tr("{probability:.0%} probability")
        )
        return text.format(probability=probability)
    text = (
        tr(
            "{probability:.0%} probability: {votes} of the {k} nearest training flowers are {variety}. "
            "⚠ Outside the training data: treat it with care"
        )
        if outside
        else tr("{probability:.0%} probability: {votes} of the {k} nearest training flowers are {variety}")
    )
    return text.format(probability=probability, votes=votes[0], k=votes[1], variety=variety.label)


def time_prediction(model, row: np.ndarray) -> float:
    """The median time (ms) of one prediction, measured in a worker."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        predict_one(model, row)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class LivePrediction(QObject):
    ready = Signal(object, object, object, object)  # model, row (1 x 4), proba (3,), neighbours

    def __init__(self, runner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.model = None
        self.slow = False
        self._lane = f"predict-{id(self)}"
        self._asked = 0  # requests sent to the worker and not answered yet

    def set_model(self, model, row: np.ndarray) -> None:
        """Use `model` from now on. Until it is timed, only KNN is taken to be fast."""
        self.model = model
        self.slow = model is not None and model.knn is None
        if self.slow:
            self.runner.run(
                f"{self._lane}-timing",
                time_prediction,
                model,
                row.copy(),
                writes=False,
                key=model.version,
                interactive=True,
                context=self,
                on_finished=lambda ms: self._timed(model, ms),
            )

    def _timed(self, model, ms: float) -> None:
        if model is self.model:
            self.slow = ms > SLOW_MS

    @property
    def pending(self) -> bool:
        return self._asked > 0

    def request(self, row: np.ndarray) -> None:
        """Predict `row` (1 x 4); `ready` follows (at once for a fast model)."""
        model = self.model
        if model is None:
            return
        if not self.slow:
            self.ready.emit(model, row, *predict_one(model, row))
            return
        row = row.copy()
        self._asked += 1
        task = self.runner.run(
            self._lane,
            predict_one,
            model,
            row,
            key=(model.version, row.tobytes()),
            writes=False,
            repeat="latest",
            interactive=True,
            context=self,
            on_finished=lambda out: self._answered(model, row, out),
        )
        task.done.connect(self._done)

    def _answered(self, model, row, out) -> None:
        if model is self.model:
            self.ready.emit(model, row, *out)

    def _done(self) -> None:
        self._asked = max(0, self._asked - 1)
