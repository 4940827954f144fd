"""Predict pinned to one day's flower: "Explain in Predict" from History or Daily.

A request (AppState.explainRequested) shows the day at once: the banner and the day's
flower on the sliders, found in the state's flowers. A worker then explains it
(pipelines/explain.py, the facts `iris-desktop explain` prints) and loads the model that
predicted it; the tab then shows that model's probabilities, regions and prediction for
the flower, the stored flowers nearest to it, and what would change it. The view of the
past (as predicted at the time, or by model vN) follows History's switch. "Back to my
sliders" puts back the values and the model the user had before."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import QObject

from iris_desktop.domain import VARIETIES, Variety
from iris_desktop.errors import user_message
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.predict import jobs as predict_jobs
from iris_desktop.ui.tabs.predict.explain_banner import ExplainBanner
from iris_desktop.ui.tabs.predict.explanation_panel import ExplanationPanel
from iris_desktop.ui.tabs.predict.neighbours_table import NeighboursPanel
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGroupBox

    from iris_desktop.pipelines.explain import Explanation
    from iris_desktop.pipelines.loaded_model import LoadedModel
    from iris_desktop.ui.widgets.decision_map import DecisionMap

LIVE_TITLE = QT_TR_NOOP("Nearest training flowers (cm)")  # (translated where shown)
DAY_TITLE = QT_TR_NOOP("Nearest stored flowers (cm)")  # no wider than LIVE_TITLE: the tab's minimum stays


class PinnableTab(Protocol):
    """What the helper needs of the Predict tab."""

    banner: ExplainBanner
    explanation: ExplanationPanel
    neighbours: NeighboursPanel
    neighbours_box: QGroupBox
    map: DecisionMap

    def values(self) -> tuple[float, float, float, float]: ...
    def set_values(self, values, recompute_regions: bool = True) -> None: ...
    def show_model(self, model: LoadedModel | None, note: str = "") -> None: ...


class PinnedDay(QObject):
    def __init__(self, tab: PinnableTab, state: AppState, reporter: ErrorReporter | None = None):
        super().__init__(tab if isinstance(tab, QObject) else None)  # goes with the tab
        self.tab, self.state, self.reporter = tab, state, reporter
        self.day: dt.date | None = None  # None: the tab follows the user's sliders
        self.version: int | None = None  # the view asked for (None: as predicted at the time)
        self.facts: Explanation | None = None
        self.model: LoadedModel | None = None  # the model that explains the day (once read)
        self.saved: tuple[float, float, float, float] | None = None  # the user's own values
        self._asked = 0  # requests made: only the newest one's answer is shown
        state.explainRequested.connect(self.explain)
        state.historyViewChanged.connect(self._view_changed)
        tab.banner.back_button.clicked.connect(self.release)

    @property
    def active(self) -> bool:
        return self.day is not None

    def users_values(self) -> tuple[float, float, float, float]:
        """The user's own flower: the sliders, or the values set aside while a day is shown
        (what the tab remembers for the next start)."""
        return self.saved if self.active and self.saved is not None else self.tab.values()

    def explain(self, day: dt.date, version: int | None = None) -> Task:
        """Pin the tab to `day`: shown at once, explained by a worker."""
        if self.saved is None:
            self.saved = self.tab.values()
        self.day, self.version = day, version
        self._asked += 1
        asked = self._asked
        found = self._stored_flower(day)
        self.tab.banner.show_loading(day, found[1] if found else None)
        if found is not None:  # the regions follow with the day's model, in a moment
            self.tab.set_values(found[0], recompute_regions=False)
        return self.state.runner.run(
            "explain",
            predict_jobs.explain_day,
            *self.state.paths(),
            day,
            version,
            key=(day, version),
            writes=False,  # (the importances written once per version change nothing shown)
            repeat="latest",
            on_finished=lambda result: self._explained(asked, *result),
            on_failed=lambda exc, details: self._failed(asked, exc, details),
            context=self,
        )

    def _stored_flower(self, day: dt.date) -> tuple[np.ndarray, Variety] | None:
        flowers = self.state.flowers
        if flowers is None:
            return None
        rows = np.flatnonzero(flowers.day == np.datetime64(day, "D"))
        if not len(rows):
            return None
        return flowers.X[rows[0]], VARIETIES[int(flowers.variety[rows[0]])]

    def _explained(self, asked: int, facts: Explanation, model: LoadedModel) -> None:
        if asked != self._asked or self.day is None:
            return  # a newer request, or the user went back meanwhile
        self.facts, self.model = facts, model
        when = tr(" · it predicted the day") if facts.at_the_time else tr(" · as History shows it")
        self.tab.set_values(facts.measurements, recompute_regions=False)
        self.tab.show_model(model, when)  # its prediction, regions and map point
        n = facts.neighbours
        X = np.array([x.measurements for x in n], dtype=float).reshape(-1, 4)
        self.tab.neighbours_box.setTitle(tr(DAY_TITLE))
        self.tab.neighbours.show_explained(
            X,
            np.array([x.variety.index for x in n], dtype=int),
            np.array([x.distance for x in n]),
            np.array([x.in_training for x in n], dtype=bool),
        )
        self.tab.map.set_neighbours(X[:, 2:4])
        self.tab.explanation.show_facts(facts)
        self.tab.banner.show_facts(facts)

    def _failed(self, asked: int, exc: BaseException, details: str) -> None:
        if asked != self._asked or self.day is None:
            return
        message = user_message(exc)
        self.tab.banner.show_problem(self.day, message or tr("something went wrong (see the details)"))
        if message is None and self.reporter is not None:
            self.reporter.failure(tr("Explain"), exc, details)

    def _view_changed(self, version: int | None) -> None:
        if self.day is not None:
            self.explain(self.day, version)

    def release(self) -> None:
        """Back to my sliders: the values and the model the user had before."""
        if self.day is None:
            return
        self._asked += 1  # an answer still on its way is not shown
        self.day = self.version = self.facts = self.model = None
        self.tab.banner.hide()
        self.tab.explanation.clear()
        self.tab.neighbours_box.setTitle(tr(LIVE_TITLE))
        self.tab.show_model(self.state.model)
        if self.saved is not None:
            self.tab.set_values(self.saved)
        self.saved = None
