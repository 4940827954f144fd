"""The banner over the Predict tab while it is pinned to a day ("Explain in Predict"):
what was predicted, what the flower was, which model said so, and the way back to
the user's own sliders."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from iris_desktop.domain import Variety
from iris_desktop.pipelines.explain import Explanation
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.predict.core_text import headline
from iris_desktop.ui.widgets.plot_access import announce


class ExplainBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("explainBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#explainBanner { background: palette(alternate-base); }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.back_button = QPushButton(tr("&Back to my sliders"))
        self.back_button.setToolTip(tr("Leave this day: the sliders and the model you had before"))
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.back_button)
        self.hide()

    def show_loading(self, day: dt.date, actual: Variety | None) -> None:
        """At once, before the worker has the facts: the day and what its flower was."""
        if actual is not None:
            self._say(tr("<b>Day {day}</b>, actually {variety}: explaining…").format(day=day, variety=actual.value))
        else:
            self._say(tr("<b>Day {day}</b>: explaining…").format(day=day))

    def show_facts(self, facts: Explanation) -> None:
        mark = "✓" if facts.correct else "✗"
        said = headline(facts)
        self._say(
            tr(
                "<b>{mark} {headline}</b><br>The sliders hold the day's flower and the model "
                "v{version}: move them to see what would change the prediction."
            ).format(mark=mark, headline=html.escape(said), version=facts.model_version)
        )
        announce(self.text, said)

    def show_problem(self, day: dt.date, message: str) -> None:
        self._say(tr("<b>Day {day} cannot be explained:</b> {message}").format(day=day, message=html.escape(message)))

    def _say(self, html: str) -> None:
        self.text.setText(html)
        self.show()
