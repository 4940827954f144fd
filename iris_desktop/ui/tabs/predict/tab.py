"""The Predict tab: four measurements in, a live prediction out, no button.

The original lab's "iris" web app took four free numbers and answered after a button
press. Here every slider step updates the prediction, the probability bars, the flower
drawn to scale, the nearest training flowers (KNN) and the point on the decision map.

That per-step path (`_refresh`) is kept lean on purpose: one kneighbors for KNN (its
probabilities come from the neighbours found), setOpts/setPos on existing plot items,
label text only when it changes, and a repaint request for the flower. A slow model is
asked in a worker (live_prediction.py). The decision regions need a whole grid
predicted, so the map defers and coalesces that, in a worker too (decision_map.py).
"Explain in Predict" pins the tab to one day's flower and its model (pinned_day.py).
"""

from __future__ import annotations

import itertools

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES, VARIETIES, Variety
from iris_desktop.pipelines.registry import LoadedModel
from iris_desktop.ui.runtime.errors import ErrorReporter
from iris_desktop.ui.runtime.follow import Follow
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.state import AppState, Changes
from iris_desktop.ui.tabs.predict.explain_banner import ExplainBanner
from iris_desktop.ui.tabs.predict.explanation_panel import ExplanationPanel
from iris_desktop.ui.tabs.predict.live_prediction import LivePrediction, prediction_detail
from iris_desktop.ui.tabs.predict.measurement_field import FALLBACK_RANGES, MIN_CM, MeasurementField, slider_ranges
from iris_desktop.ui.tabs.predict.neighbours_table import STANDARDISED, NeighboursPanel
from iris_desktop.ui.tabs.predict.no_model_banner import NoModelBanner
from iris_desktop.ui.tabs.predict.pinned_day import LIVE_TITLE, PinnedDay
from iris_desktop.ui.tabs.predict.presets import PresetsBox
from iris_desktop.ui.tabs.predict.probability_chart import ProbabilityChart
from iris_desktop.ui.tabs.predict.remembered_flower import RememberedFlower
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.decision_map import DecisionMap
from iris_desktop.ui.widgets.flower_widget import FlowerWidget
from iris_desktop.ui.widgets.model_text import describe_model
from iris_desktop.ui.widgets.plot_access import announce

# Mnemonics avoid the main window's menus (Alt+F, Alt+P, Alt+H).
FIELD_TEXT = (
    QT_TR_NOOP("Sepal &length"),
    QT_TR_NOOP("Sepal &width"),
    QT_TR_NOOP("P&etal length"),
    QT_TR_NOOP("Petal wi&dth"),
)


class PredictTab(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None, reporter: ErrorReporter | None = None):
        super().__init__(parent)
        self.state = state
        self.model: LoadedModel | None = None
        self._knn = None
        self._row = np.empty((1, len(FEATURES)))  # the current flower, reused every step
        self._shown: tuple = ()  # (variety, detail text) on screen, to skip unchanged labels
        self._announced: Variety | None = None  # the verdict a screen reader was last told
        self._start = FALLBACK_RANGES.mean(axis=1)
        self.predictor = LivePrediction(state.runner, self)
        self.predictor.ready.connect(self._predicted)
        self._build()
        self.pinned = PinnedDay(self, state, reporter)
        self.remembered = RememberedFlower(self, app_settings(), self.pinned.users_values)  # the last flower
        # A model or data change is shown when the tab is: a hidden tab does no work
        # (with a 500-tree forest, that work is hundreds of milliseconds of Python).
        self._follow = Follow(self, state, self._store_changed, lambda c: c.model or c.flowers)
        self._update_ranges()
        self.set_values(self.remembered.values() or self._start, recompute_regions=False)
        self._model_changed(state.model)

    # ---- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.model_label = QLabel(tr("No model"))
        self.model_label.setObjectName("modelLabel")
        bold = QFont(self.model_label.font())
        bold.setBold(True)
        self.model_label.setFont(bold)
        self.model_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.no_model = NoModelBanner(self.state)
        self.train_button = self.no_model.train_button
        self.banner = ExplainBanner()

        columns = QHBoxLayout()
        columns.addLayout(self._build_inputs(), 0)
        columns.addWidget(self._build_prediction(), 5)
        columns.addLayout(self._build_map_column(), 6)

        outer = QVBoxLayout(self)
        outer.addWidget(self.model_label)
        outer.addWidget(self.no_model)
        outer.addWidget(self.banner)
        outer.addLayout(columns, 1)

        # Reading order: the banners' buttons, each measurement, the presets, then the plots.
        order: list[QWidget] = [self.train_button, self.banner.back_button]
        order += [w for f in self.fields for w in (f.slider, f.spin)]
        order += [*self.preset_buttons.values(), self.today_button, self.reset_button]
        order += [self.chart, self.explanation.view, self.map, self.neighbours_view]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        self.map_legend.setText(DecisionMap.legend_html())  # the key's colours
        self._shown = ()  # the prediction's colour is set again
        self._refresh()

    def _build_inputs(self) -> QVBoxLayout:
        box = QGroupBox(tr("Measurements"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        self.fields = []
        for i, (feature, text) in enumerate(zip(FEATURES, FIELD_TEXT)):
            field = MeasurementField(feature, tr(text), box)
            field.valueChanged.connect(lambda _v, i=i: self._field_changed(i))
            grid.addWidget(field.label, 2 * i, 0)
            grid.addWidget(field.slider, 2 * i, 1)
            grid.addWidget(field.spin, 2 * i, 2)
            grid.addWidget(field.flag, 2 * i + 1, 1, 1, 2)
            grid.setRowMinimumHeight(2 * i + 1, 22)
            self.fields.append(field)

        presets = self.presets = PresetsBox(self.state, lambda: self.model)
        presets.chosen.connect(self.set_values)
        presets.resetRequested.connect(self.reset)
        # the box's parts under the names the tab has always had (tests use them)
        self.preset_buttons, self.preset_note = presets.preset_buttons, presets.note
        self.today_button, self.reset_button = presets.today_button, presets.reset_button

        chart_box = QGroupBox(tr("Class probabilities"))
        self.chart = ProbabilityChart()
        self.chart.setMinimumHeight(170)
        QVBoxLayout(chart_box).addWidget(self.chart)

        column = QVBoxLayout()
        column.addWidget(box)
        column.addWidget(presets)
        column.addWidget(chart_box, 1)
        box.setMinimumWidth(360)
        return column

    def _build_prediction(self) -> QGroupBox:
        box = QGroupBox(tr("Prediction"))
        self.prediction_label = QLabel("—")
        self.prediction_label.setObjectName("predictionLabel")
        font = QFont(self.prediction_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.prediction_label.setFont(font)
        self.prediction_detail = QLabel()
        self.prediction_detail.setWordWrap(True)
        self.flower = FlowerWidget()
        self.flower.setMinimumSize(240, 240)
        self.explanation = ExplanationPanel()  # a day explained: what would change it
        layout = QVBoxLayout(box)
        layout.addWidget(self.prediction_label)
        layout.addWidget(self.prediction_detail)
        layout.addWidget(self.flower, 1)
        layout.addWidget(self.explanation)
        return box

    def _build_map_column(self) -> QVBoxLayout:
        map_box = QGroupBox(tr("Decision regions"))
        self.map = DecisionMap(runner=self.state.runner)
        self.map.setToolTip(
            tr(
                "Coloured by the variety the model predicts for each petal length and "
                "width, with the sepal values held at the current flower's. "
                "Click to move the flower there."
            )
        )
        self.map.pointPicked.connect(self._map_clicked)
        self.map_caption = QLabel()
        self.map_caption.setWordWrap(True)
        self.map.regionsComputed.connect(self._regions_shown)
        map_layout = QVBoxLayout(map_box)
        self.map_legend = QLabel(DecisionMap.legend_html())
        self.map_legend.setWordWrap(True)
        map_layout.addWidget(self.map_legend)
        map_layout.addWidget(self.map, 1)
        map_layout.addWidget(self.map_caption)

        self.neighbours_box = QGroupBox(tr(LIVE_TITLE))
        self.neighbours = NeighboursPanel()
        self.neighbours_model, self.neighbours_view = self.neighbours.model, self.neighbours.view
        QVBoxLayout(self.neighbours_box).addWidget(self.neighbours)

        column = QVBoxLayout()
        column.addWidget(map_box, 1)
        column.addWidget(self.neighbours_box)
        return column

    # ---- values in -------------------------------------------------------------------

    def values(self) -> tuple[float, float, float, float]:
        return tuple(f.value() for f in self.fields)  # type: ignore[return-value]

    def set_values(self, values, recompute_regions: bool = True) -> None:
        """Set all four at once: one refresh, not four, and the regions straight away."""
        self.preset_note.clear()  # a preset sets its own note after this
        for i, (field, value) in enumerate(zip(self.fields, values)):
            field.set_value(value, emit=False)
            self._row[0, i] = field.value()
        self._refresh()
        self.remembered.changed()
        if recompute_regions and self.model is not None:
            self.map.compute_regions(self._row[0])

    def _field_changed(self, index: int) -> None:
        self._row[0, index] = self.fields[index].value()
        if self.preset_note.text():
            self.preset_note.clear()  # the preset no longer describes what is shown
        self._refresh()
        self.remembered.changed()
        if index < 2 and self.model is not None:  # sepal values move the regions
            self.map.schedule_regions(self._row[0])

    def _map_clicked(self, petal_length: float, petal_width: float) -> None:
        sl, sw = self._row[0, 0], self._row[0, 1]
        self.set_values((sl, sw, max(MIN_CM, petal_length), max(MIN_CM, petal_width)), recompute_regions=False)

    # ---- presets ----------------------------------------------------------------------

    def mean_flower(self, variety: Variety) -> np.ndarray | None:
        return self.presets.mean_flower(variety)

    def apply_mean(self, variety: Variety) -> None:
        self.presets.apply_mean(variety)

    def apply_today(self) -> None:
        self.presets.apply_today()

    def reset(self) -> None:
        self.set_values(self._start)

    # ---- the model and the data ------------------------------------------------------------

    def show_model(self, model: LoadedModel | None, note: str = "") -> None:
        """Predict with `model` (the active one, or the one that explains a day)."""
        self._model_changed(model, note)

    def _model_changed(self, model, note: str = "") -> None:
        self.model = model
        self._knn = model.knn if model is not None else None
        self.predictor.set_model(model, self._row)
        self._shown = ()
        self.no_model.setVisible(model is None)
        if model is None:
            self.model_label.setText(tr("No model yet"))
            self.model_label.setToolTip("")
        else:
            text = describe_model(model)
            if model.version_warning:
                text = tr("{model} · ⚠ saved with another scikit-learn").format(model=text)
            self.model_label.setText(text + note)
            self.model_label.setToolTip(
                model.version_warning
                or tr("The active model; choose another in Pipelines ▸ Active model and this tab follows.")
            )
        self._update_ranges()
        self.map.set_model(model)
        if self._knn is not None:
            self.neighbours.show_table(self._knn.n_neighbors, STANDARDISED if model.record.standardize else "cm")
        elif model is not None:
            self.neighbours.show_note(
                tr(
                    "Nearest neighbours are shown for k-nearest-neighbour models. "
                    "This model predicts from what it learnt, not from stored neighbours."
                )
            )
        else:
            self.neighbours.show_note(
                tr("Nearest neighbours are shown for k-nearest-neighbour models. There is no model yet.")
            )
        self._refresh()
        if model is not None:
            self.map.compute_regions(self._row[0])
        else:
            self.map_caption.setText(tr("Train a model to see its decision regions."))

    def _regions_shown(self, held) -> None:
        if self.model is None:  # regions of a model this tab no longer shows
            return
        shown, total = self.map.dots_shown, len(self.model.y_train)
        if shown == total:
            text = tr(
                "Dots: the model's {total} training flowers. Regions: its prediction with sepal length "
                "{length:.1f} cm and sepal width {width:.1f} cm held fixed."
            )
        else:
            text = tr(
                "Dots: a sample of {shown:,} of the model's {total:,} training flowers. Regions: its prediction "
                "with sepal length {length:.1f} cm and sepal width {width:.1f} cm held fixed."
            )
        self.map_caption.setText(text.format(shown=shown, total=total, length=held[0], width=held[1]))

    def _store_changed(self, changes: Changes) -> None:
        if changes.model and not self.pinned.active:  # (a day keeps its model; "back" takes the new one)
            self._model_changed(self.state.model)  # ranges and regions included
        elif changes.flowers:
            self._data_changed()

    def _data_changed(self, _flowers=None) -> None:
        """New flowers (import, catch-up): ranges may widen and today's flower may exist."""
        self._update_ranges()
        if self.model is not None:  # the grid spans the slider ranges: redo it
            self.map.schedule_regions(self._row[0])

    def _update_ranges(self) -> None:
        """Slider ranges from the stored data and the model's, with a margin; the training
        range (for the out-of-range flags) from the model's own training rows. Both come
        precomputed (FeatureStats): nothing here scans the flowers."""
        stats = [
            s for s in (self.state.labelled, self.model.train_stats if self.model else None) if s is not None and s.n
        ]
        ranges = slider_ranges(stats)
        if stats:
            self._start = stats[0].mean.round(1)
        trained = self.model.train_stats if self.model is not None and self.model.train_stats.n else None
        for i, (field, (lo, hi)) in enumerate(zip(self.fields, ranges)):
            field.set_slider_range(lo, hi)
            field.set_training_range(None if trained is None else (float(trained.low[i]), float(trained.high[i])))
        self.flower.set_max_cm(float(ranges[:, 1].max()))
        self.map.set_ranges(tuple(ranges[2]), tuple(ranges[3]))
        self.presets.update_buttons()

    # ---- the per-step update ---------------------------------------------------------------

    def _refresh(self) -> None:
        """Show the current flower and ask for its prediction. Runs on every slider step."""
        row = self._row
        variety = self._shown[0] if self._shown else None
        self.flower.set_flower(row[0], variety if self.model is not None else None)
        self.map.set_point(row[0, 2], row[0, 3], variety if self.model is not None else None)
        if self.model is None:
            self._show_prediction(None, tr("Train a model to see a prediction."))
            self.chart.set_probabilities(None)
            return
        self.predictor.request(row)  # a fast model answers in this call

    @property
    def prediction_pending(self) -> bool:
        return self.predictor.pending

    def _predicted(self, model: LoadedModel, row, proba, neighbours) -> None:
        if model is not self.model:
            return
        best = int(proba.argmax())
        variety = VARIETIES[best]
        self.chart.set_probabilities(proba)
        self.flower.set_flower(self._row[0], variety)
        self.map.set_point(self._row[0, 2], self._row[0, 3], variety)
        votes = None  # of a uniformly weighted KNN: how many of its k neighbours are `variety`
        if neighbours is not None:
            distances, index = neighbours
            labels = model.y_train[index]
            if not self.pinned.active:  # a day explained lists the stored flowers nearest to it
                self.neighbours_model.set_rows(model.X_train[index], labels, distances)
                self.map.set_neighbours(model.X_train[index, 2:4])
            if model.record.params.get("weights", "uniform") == "uniform":
                votes = (int((labels == best).sum()), len(labels))
        detail = prediction_detail(float(proba[best]), variety, votes, any(f.outside for f in self.fields))
        self._show_prediction(variety, detail)

    def _show_prediction(self, variety: Variety | None, detail: str) -> None:
        if self._shown and self._shown[0] is variety and self._shown[1] == detail:
            return
        if not self._shown or self._shown[0] is not variety:
            self.prediction_label.setText(variety.label if variety is not None else "—")
            palette = self.prediction_label.palette()
            palette.setColor(
                QPalette.ColorRole.WindowText, QColor(colors.text_hex(variety) if variety else colors.scheme().text)
            )
            self.prediction_label.setPalette(palette)
            if variety is not None and variety is not self._announced:  # a screen reader hears a new verdict
                self._announced = variety
                announce(self.prediction_label, f"{variety.label}. {detail}")
        self.prediction_detail.setText(detail)
        self._shown = (variety, detail)
