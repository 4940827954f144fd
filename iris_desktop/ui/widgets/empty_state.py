"""A tab's empty state: one line saying what fills the tab, and the button that does it.

The tab lists its cases, first match wins (Train: no labelled flowers, then no model).
The button asks the window through AppState.actionRequested, so a tab needs neither
the window nor the actions' code; the line goes away by itself when a snapshot shows
the tab filled, whoever filled it (this app, the CLI, a scheduled run)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from iris_desktop.ui.runtime.state import CATCH_UP, STORE_BUNDLED, TRAIN_DEFAULT, AppState
from iris_desktop.ui.widgets import strings


def button_words(action: str) -> tuple[str, str]:
    """What `action`'s button says, and its tip (read when shown: in the user's language)."""
    return {
        STORE_BUNDLED: (strings.EMPTY_STORE_BUNDLED, strings.EMPTY_STORE_BUNDLED_TIP),
        TRAIN_DEFAULT: (strings.EMPTY_TRAIN_DEFAULT, strings.EMPTY_TRAIN_DEFAULT_TIP),
        CATCH_UP: (strings.EMPTY_CATCH_UP, strings.EMPTY_CATCH_UP_TIP),
    }[action]


@dataclass(frozen=True)
class EmptyCase:
    when: Callable[[AppState], bool]  # read from the state's summary: no scan
    text: Callable[[], str]  # the line, read when shown (strings are in the user's language then)
    action: str  # one of state.ACTIONS


# The questions the tabs ask (all false before the first snapshot: nothing is known yet).
def no_flowers(state: AppState) -> bool:
    return state.summary is not None and sum(state.summary.flowers) == 0


def no_labelled_flowers(state: AppState) -> bool:
    s = state.summary
    return s is not None and s.count("backfill") + s.count("import") == 0


def no_model_registered(state: AppState) -> bool:
    return state.summary is not None and not state.summary.models


def no_active_model(state: AppState) -> bool:
    return state.summary is not None and state.summary.active_version is None


def no_daily_days(state: AppState) -> bool:
    return state.summary is not None and state.summary.count("daily") == 0


def no_predictions(state: AppState) -> bool:
    return state.summary is not None and state.summary.predictions == 0


def no_runs(state: AppState) -> bool:
    return state.summary is not None and not state.runs_mark


# Each tab's cases, first match wins. Predict has its own (tabs/predict/no_model_banner.py).
CASES: dict[str, tuple[EmptyCase, ...]] = {
    "Explore": (EmptyCase(no_flowers, lambda: strings.EMPTY_EXPLORE, STORE_BUNDLED),),
    "Train": (
        EmptyCase(no_labelled_flowers, lambda: strings.EMPTY_TRAIN_NO_FLOWERS, STORE_BUNDLED),
        EmptyCase(no_model_registered, lambda: strings.EMPTY_TRAIN_NO_MODEL, TRAIN_DEFAULT),
    ),
    "Daily": (EmptyCase(no_daily_days, lambda: strings.EMPTY_DAILY, CATCH_UP),),
    "History": (
        EmptyCase(
            lambda s: no_predictions(s) and no_active_model(s) and no_labelled_flowers(s),
            lambda: strings.EMPTY_HISTORY_NO_FLOWERS,
            STORE_BUNDLED,
        ),
        EmptyCase(
            lambda s: no_predictions(s) and no_active_model(s), lambda: strings.EMPTY_HISTORY_NO_MODEL, TRAIN_DEFAULT
        ),
        EmptyCase(no_predictions, lambda: strings.EMPTY_HISTORY_NO_DAYS, CATCH_UP),
    ),
    "Pipelines": (EmptyCase(no_runs, lambda: strings.EMPTY_PIPELINES, STORE_BUNDLED),),
}


class EmptyState(QFrame):
    def __init__(
        self, state: AppState, tab: str, cases: Sequence[EmptyCase] | None = None, parent: QWidget | None = None
    ):
        """The empty state of `tab`: its CASES unless `cases` are given."""
        super().__init__(parent)
        self.state, self.cases = state, tuple(CASES[tab] if cases is None else cases)
        self.case: EmptyCase | None = None  # the one shown
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("EmptyState { background: palette(alternate-base); }")
        self.setAccessibleName(strings.EMPTY_STATE_NAME.format(tab=strings.tab_name(tab)))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.clicked.connect(self._clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._fill(self.cases[0])  # named while hidden too
        state.changed.connect(self.update_from_state)
        self.update_from_state()

    def update_from_state(self, _changes=None) -> None:
        case = next((c for c in self.cases if c.when(self.state)), None)
        if case is not self.case:
            self.case = case
            if case is not None:
                self._fill(case)
        self.setVisible(case is not None)

    def _fill(self, case: EmptyCase) -> None:
        text, tip = button_words(case.action)
        line = case.text()
        self.text.setText(line)
        self.button.setText(text)
        self.button.setToolTip(tip)
        self.button.setAccessibleDescription(line)

    def _clicked(self) -> None:
        if self.case is not None:
            self.state.actionRequested.emit(self.case.action)
