"""One day of the daily pipeline: its flower drawn to scale, its four measurements, its
true variety, the prediction made for it (model version, probability, right or wrong at
a glance), the generator that made it and how sure that generator itself is."""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.daily.words import basis_text, generator_description, generator_label
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.flower_widget import FlowerWidget
from iris_desktop.ui.widgets.local_dates import long_date

HARD = 0.9  # below this, the generator's own varieties overlap at the day's flower


def _span(text: str, hex_color: str, bold: bool = True) -> str:
    weight = "font-weight:600;" if bold else ""
    return f'<span style="color:{hex_color};{weight}">{text}</span>'


def prediction_html(predicted: int, version: int, proba: np.ndarray, actual: int) -> str:
    """e.g. "✗ wrong: Virginica · model v1 · 87%" with the verdict in colour."""
    if predicted < 0:
        return tr("none yet")
    variety = VARIETIES[predicted]  # the verdict first: never the part a narrow panel cuts off
    scheme = colors.scheme()
    if predicted == actual:
        verdict = _span(tr("✓ right:"), scheme.correct_text)
    else:
        verdict = _span(tr("✗ wrong:"), scheme.wrong_text)
    return tr("{verdict} {variety} · model v{version} · {probability:.0%}").format(
        verdict=verdict,
        variety=_span(variety.label, colors.text_hex(variety)),
        version=version,
        probability=float(proba[predicted]),
    )


def posterior_text(posterior: np.ndarray) -> str:
    """How the generator that made the flower would itself name it."""
    if np.isnan(posterior).any():
        return tr("no variety of it makes such a flower (a value was raised to 0.1 cm)")
    order = np.argsort(posterior)[::-1]
    shown = [
        tr("{variety} {share:.0%}").format(variety=VARIETIES[i].label, share=float(posterior[i]))
        for i in order
        if posterior[i] >= 0.005
    ]
    text = " · ".join(shown)
    if posterior[order[0]] < HARD:
        text = tr("{shares} · a hard day: its varieties overlap here").format(shares=text)
    return text


class DayPanel(QGroupBox):
    def __init__(self, parent=None):
        super().__init__(tr("The day's flower"), parent)
        self.heading = QLabel("—")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.flower = FlowerWidget()
        self.flower.setMinimumSize(140, 140)
        self.values = [QLabel() for _ in FEATURES]
        self.variety = QLabel()
        self.prediction = QLabel()
        self.active = QLabel()
        self.generator = QLabel()
        self.generator_view = QLabel()
        for label in (self.generator, self.generator_view, self.prediction, self.active):
            label.setWordWrap(True)
        for label in (*self.values, self.variety, self.prediction, self.active, self.generator, self.generator_view):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.generator_view.setToolTip(
            tr(
                "P(variety | flower) under the generator that made the day, the varieties drawn "
                "equally often: where its varieties overlap, even a perfect model is unsure"
            )
        )

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(3)
        rows = [(feature_name(f), w) for f, w in zip(FEATURES, self.values)]
        rows += [
            (tr("Variety"), self.variety),
            (tr("Predicted"), self.prediction),
            (tr("Active model"), self.active),
            (tr("Generator"), self.generator),
            (tr("Generator says"), self.generator_view),
        ]
        self.captions = {}
        for i, (text, widget) in enumerate(rows):
            caption = QLabel(tr("{caption}:").format(caption=text))
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, i, 0)
            grid.addWidget(widget, i, 1)
            self.captions[widget] = caption
        self.variety.setToolTip(tr("The variety the generator drew for this day: the true label"))
        self.prediction.setToolTip(
            tr("The prediction made for this day when it was caught up (the monitor as it happened)")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.flower, 1)
        layout.addLayout(grid)

    def show_nothing(self, text: str) -> None:
        self.heading.setText(text)
        self.flower.clear()
        for label in (*self.values, self.variety, self.prediction, self.generator, self.generator_view):
            label.setText("—")
        self._set_active(None)

    def show_day(self, data, row: int, today: dt.date) -> None:
        """Show day `row` of `data` (a DailyData)."""
        day = data.day[row].item()  # datetime64[D] -> date
        X, actual = data.X[row], int(data.variety[row])
        date = long_date(day)
        if day == today:
            date = tr("{date} · today").format(date=date)
        elif day == today - dt.timedelta(days=1):
            date = tr("{date} · yesterday").format(date=date)
        self.heading.setText(date)
        self.flower.set_flower(X, VARIETIES[actual])
        for label, value in zip(self.values, X):
            label.setText(tr("{value:.1f} cm").format(value=float(value)))
        variety = VARIETIES[actual]
        self.variety.setText(_span(variety.label, colors.text_hex(variety)))
        predicted = int(data.predicted[row])
        text = prediction_html(predicted, int(data.version[row]), data.proba[row], actual)
        if predicted < 0:
            text = (
                tr("none yet: the active model has not caught up")
                if data.active_version
                else tr("none yet: no active model")
            )
        self.prediction.setText(text)
        active = int(data.active_predicted[row])
        if data.active_version is not None and data.active_version != data.version[row] and active >= 0:
            self._set_active(prediction_html(active, data.active_version, data.active_proba[row], actual))
        else:
            self._set_active(None)
        settings = data.generator_of(row)
        if settings is None:
            self.generator.setText(
                tr(
                    "not recorded (stored before this version recorded generators, "
                    "and no known generator makes it again)"
                )
            )
            self.generator_view.setText("—")
        else:
            name = generator_label(settings)
            if settings.basis:
                text = tr("<b>{generator}</b>, on {basis}").format(generator=name, basis=basis_text(settings.basis))
            else:
                text = f"<b>{name}</b>"
            if settings.key != data.upcoming.key:
                text = tr("{generator} (the days to come use another)").format(generator=text)
            self.generator.setText(text)
            self.generator.setToolTip(generator_description(settings))
            self.generator_view.setText(posterior_text(data.posterior[row]))

    def _set_active(self, html: str | None) -> None:
        """The active model's own prediction, shown only when another model predicted the day."""
        self.active.setVisible(html is not None)
        self.captions[self.active].setVisible(html is not None)
        if html is not None:
            self.active.setText(html)
