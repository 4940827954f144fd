"""What the first launch did, above the tabs: the four pipelines the lab is made of, one
line each with what it did and a link to the tab that shows it.

Shown by itself once, after a first run (not a modal wizard: the tabs are usable under
it); "Got it" hides it for good, Help ▸ What the first launch did shows it again. The
first run's numbers are kept in the settings with the choice, so Help tells the same
story later; a store set up elsewhere (the command line) is described from the state."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.model_text import describe_model

if TYPE_CHECKING:
    from iris_desktop.pipelines.inference import CatchUpSummary

FACTS_KEY = "welcome/first-run"  # the first run's numbers (JSON)
DISMISSED_KEY = "welcome/dismissed"  # "Got it" was pressed: not shown by itself again


@dataclass(frozen=True)
class WelcomeFacts:
    """What the first launch did, in numbers and words."""

    flowers: int  # bundled flowers stored
    model: str  # the model trained and activated, described ("" none)
    days: int  # daily flowers generated
    first_day: str  # ISO dates ("" none)
    last_day: str
    predicted: int  # daily flowers predicted

    @classmethod
    def of_first_run(cls, summary: CatchUpSummary, state: AppState) -> WelcomeFacts:
        """From the start-up's first-run summary, once the state holds its snapshot."""
        stored = state.summary.count("backfill") if state.summary is not None else 0
        done = summary.first_run
        return cls(
            flowers=(done.backfilled if done is not None and done.backfilled else stored),
            model=describe_model(state.model) if state.model is not None else "",
            days=summary.days_added,
            first_day=str(summary.first_day or ""),
            last_day=str(summary.last_day or ""),
            predicted=summary.predictions_made,
        )

    @classmethod
    def of_state(cls, state: AppState) -> WelcomeFacts:
        """From what the store holds now (no first run of this app was seen)."""
        import numpy as np  # not before the window's first paint (the state holds arrays by then)

        s = state.summary
        days = np.array([], dtype="datetime64[D]")
        if state.flowers is not None:
            days = state.flowers.day[~np.isnat(state.flowers.day)]
        return cls(
            flowers=s.count("backfill") if s is not None else 0,
            model=describe_model(state.model) if state.model is not None else "",
            days=len(days),
            first_day=str(days.min()) if len(days) else "",
            last_day=str(days.max()) if len(days) else "",
            predicted=s.predictions if s is not None else 0,
        )

    def lines(self) -> list[tuple[str, str]]:
        """(text, the tab it links to), in the order of the pipelines."""
        model = strings.WELCOME_TRAINING.format(model=self.model) if self.model else strings.WELCOME_NO_MODEL
        daily = (
            strings.WELCOME_DAILY.format(
                days=tr("%Ln day(s)", None, self.days), first=self.first_day, last=self.last_day
            )
            if self.days
            else strings.WELCOME_NO_DAYS
        )
        return [
            (strings.WELCOME_FEATURE.format(flowers=tr("%Ln flower(s)", None, self.flowers)), "Explore"),
            (model, "Train"),
            (daily, "Daily"),
            (strings.WELCOME_INFERENCE.format(predicted=tr("%Ln day(s)", None, self.predicted)), "History"),
            (strings.WELCOME_RUNS, "Pipelines"),
        ]

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: object) -> WelcomeFacts | None:
        """None for anything this app did not write (the settings file is a user's file)."""
        try:
            return cls(**json.loads(str(text)))
        except (TypeError, ValueError):
            return None


class WelcomePanel(QFrame):
    tabRequested = Signal(str)  # a line's link: show that tab

    def __init__(self, state: AppState, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.settings = state, settings
        self.facts: WelcomeFacts | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("WelcomePanel { background: palette(alternate-base); }")
        self.setAccessibleName(strings.WELCOME_NAME)
        title = QLabel(strings.WELCOME_TITLE)
        self.dismiss_button = QPushButton(strings.WELCOME_DISMISS)
        self.dismiss_button.setToolTip(strings.WELCOME_DISMISS_TIP)
        self.dismiss_button.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.dismiss_button)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.grid.setVerticalSpacing(0)
        self.texts: list[QLabel] = []
        self.links: dict[str, QPushButton] = {}
        for row, tab in enumerate(("Explore", "Train", "Daily", "History", "Pipelines")):
            text = QLabel()
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            link = QPushButton(tr("{tab} ›").format(tab=strings.tab_name(tab)))
            link.setFlat(True)
            link.setCursor(Qt.CursorShape.PointingHandCursor)
            link.setAccessibleName(strings.WELCOME_LINK_NAME.format(tab=strings.tab_name(tab)))
            link.clicked.connect(lambda _checked=False, tab=tab: self.tabRequested.emit(tab))
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(link, row, 1, Qt.AlignmentFlag.AlignLeft)
            self.texts.append(text)
            self.links[tab] = link
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 6, 10, 6)
        column.setSpacing(2)
        column.addLayout(top)
        column.addLayout(self.grid)
        QWidget.setTabOrder(self.dismiss_button, self.links["Explore"])
        self.hide()

    def first_run(self, facts: WelcomeFacts) -> None:
        """After a first run: kept for Help, and shown unless it was dismissed before."""
        self.settings.setValue(FACTS_KEY, facts.to_json())
        if self.settings.value(DISMISSED_KEY, False) not in (True, "true"):  # an INI file holds text
            self.show_facts(facts)

    def show_again(self) -> None:
        """Help ▸ What the first launch did."""
        saved = self.settings.value(FACTS_KEY)
        facts = WelcomeFacts.from_json(saved) if saved is not None else None
        self.show_facts(facts or WelcomeFacts.of_state(self.state))
        self.dismiss_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_facts(self, facts: WelcomeFacts) -> None:
        self.facts = facts
        for label, (text, tab) in zip(self.texts, facts.lines()):
            label.setText(text)
            self.links[tab].setAccessibleDescription(re.sub("<[^>]+>", "", text))  # words, not markup
        self.show()

    def dismiss(self) -> None:
        self.hide()
        self.settings.setValue(DISMISSED_KEY, True)
        self.settings.sync()
