"""The Predict tab's "Presets" group: each variety's average flower, today's daily
flower and Reset, with a note saying what a preset put on the sliders.

Averages are of the model's training flowers (with no model yet, of the stored
ones), so a preset shows what the model itself learnt a typical flower to be."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from iris_desktop.domain import VARIETIES, Variety
from iris_desktop.pipelines.registry import LoadedModel
from iris_desktop.store.flowers import FeatureStats
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.state import AppState
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP

PRESET_TEXT = {  # mnemonics avoid the main window's menus (Alt+F, Alt+P, Alt+H)
    Variety.SETOSA: QT_TR_NOOP("Set&osa mean"),
    Variety.VERSICOLOR: QT_TR_NOOP("Versi&color mean"),
    Variety.VIRGINICA: QT_TR_NOOP("Vir&ginica mean"),
}


class PresetsBox(QGroupBox):
    """`chosen` carries the four values of a preset; the tab shows them (which clears
    the note), then the box writes the note for them."""

    chosen = Signal(object)  # the four measurements, cm
    resetRequested = Signal()  # back to the tab's starting flower

    def __init__(self, state: AppState, model: Callable[[], LoadedModel | None], parent: QWidget | None = None):
        super().__init__(tr("Presets"), parent)
        self.state = state
        self._model = model  # the model the tab shows (it follows the state's when shown)
        buttons = QGridLayout(self)
        self.preset_buttons: dict[Variety, QPushButton] = {}
        for i, v in enumerate(VARIETIES):
            button = QPushButton(tr(PRESET_TEXT[v]))
            button.setToolTip(tr("The average {variety} flower of the model's training data").format(variety=v.label))
            button.clicked.connect(lambda _c=False, v=v: self.apply_mean(v))
            buttons.addWidget(button, i // 2, i % 2)
            self.preset_buttons[v] = button
        self.today_button = QPushButton(tr("Toda&y's flower"))
        self.today_button.clicked.connect(self.apply_today)
        self.reset_button = QPushButton(tr("&Reset"))
        self.reset_button.setToolTip(tr("Back to the average flower of all the data"))
        self.reset_button.clicked.connect(self.resetRequested)
        buttons.addWidget(self.today_button, 1, 1)
        buttons.addWidget(self.reset_button, 2, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        # Room for two lines always: a note appearing must not make the layout jump.
        self.note.setMinimumHeight(2 * self.note.fontMetrics().lineSpacing() + 4)
        buttons.addWidget(self.note, 3, 0, 1, 2)

    def _stats(self) -> tuple[FeatureStats | None, int | None]:
        """The flowers presets average (the model's training rows, or with no model yet
        the stored ones) and the model's version (None: the stored flowers)."""
        model = self._model()
        if model is not None:
            return model.train_stats, model.version
        return self.state.labelled, None

    def mean_flower(self, variety: Variety) -> np.ndarray | None:
        stats, _ = self._stats()
        if stats is None or not stats.variety_counts[variety.index]:
            return None
        return stats.variety_means[variety.index].round(1)

    def apply_mean(self, variety: Variety) -> None:
        mean = self.mean_flower(variety)
        stats, version = self._stats()
        if mean is not None and stats is not None:  # a mean implies stats
            self.chosen.emit(mean)
            count = stats.variety_counts[variety.index]
            if version is None:
                note = tr("The average {variety} of the {count} stored flowers.")
            else:
                note = tr("The average {variety} of the {count} model v{version}'s training flowers.")
            self.note.setText(note.format(variety=variety.label, count=count, version=version))

    def _today_flower(self) -> tuple[np.ndarray, Variety] | None:
        flowers = self.state.flowers
        if flowers is None:
            return None
        rows = np.flatnonzero(flowers.day == np.datetime64(self.state.today(), "D"))
        if not len(rows):
            return None
        return flowers.X[rows[0]], VARIETIES[flowers.variety[rows[0]]]

    def apply_today(self) -> None:
        found = self._today_flower()
        if found is None:
            self._update_today_button()
            return
        values, variety = found
        self.chosen.emit(values)
        today = self.state.today()
        day = QLocale().toString(QDate(today.year, today.month, today.day), "dd MMM yyyy")  # "15 Jun 2026"
        self.note.setText(
            tr("Today's flower ({day}) was generated as a {variety}.").format(day=day, variety=variety.label)
        )

    def update_buttons(self) -> None:
        """A variety's button when it has flowers to average; Today's when today has one."""
        for v, button in self.preset_buttons.items():
            button.setEnabled(self.mean_flower(v) is not None)
        self._update_today_button()

    def _update_today_button(self) -> None:
        found = self._today_flower() is not None
        self.today_button.setEnabled(found)
        self.today_button.setToolTip(
            tr("Today's daily flower")
            if found
            else tr("There is no daily flower for today yet (it appears after the catch-up)")
        )
