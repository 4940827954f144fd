"""Drift, drawn: for each feature the daily flowers' distribution over the model's
training flowers', with a verdict in words (pipelines/drift.py decides). A change of the
daily generator shows here; a model error does not: that is how to tell them apart."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from iris_desktop.domain import FEATURES
from iris_desktop.ui.runtime.i18n import number, tr
from iris_desktop.ui.tabs.history import drift_text, plot_texts
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP, feature_label
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.plot_access import PlotAccess, PlotTable

if TYPE_CHECKING:  # scipy: imported when a report is first drawn
    from iris_desktop.pipelines.drift import DriftReport

WINDOWS = (
    (QT_TR_NOOP("Last 30 days"), 30),
    (QT_TR_NOOP("Last 90 days"), 90),
    (QT_TR_NOOP("Last 365 days"), 365),
    (QT_TR_NOOP("All days"), None),
)
DEFAULT_WINDOW = 1


class DriftView(QWidget):
    """Its four plots are built when first shown (a tab the user may never open should
    not cost its construction); a report arriving before that is drawn then."""

    windowChanged = Signal()
    exportRequested = Signal()
    shown = Signal()  # became visible: a report put off is computed now (DriftReports)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: DriftReport | None = None
        self.window_box = QComboBox()
        for text, days in WINDOWS:
            self.window_box.addItem(tr(text), days)
        self.window_box.setCurrentIndex(DEFAULT_WINDOW)
        self.window_box.setToolTip(tr("Which daily flowers to compare with the model's training flowers"))
        self.window_box.currentIndexChanged.connect(lambda _index: self.windowChanged.emit())
        label = QLabel(tr("Daily flowers &of:"))
        label.setBuddy(self.window_box)
        self.export_button = QPushButton(tr("Export ima&ge…"))
        self.export_button.setToolTip(tr("Save the four distributions as PNG or SVG"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.key = QLabel()
        self.key.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.window_box)
        top.addWidget(self.key, 1)
        top.addWidget(self.export_button)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plots: pg.GraphicsLayoutWidget | None = None
        self.access: PlotAccess | None = None  # the plots' text alternative, once built
        self._model_name = ""
        self._histograms: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # drawn, per feature
        self._items: list[tuple[pg.PlotItem, pg.PlotCurveItem, pg.PlotCurveItem]] = []
        self._pending: tuple[DriftReport, np.ndarray, np.ndarray] | None = None  # waiting for the plots
        self.verdicts = QLabel()
        self.verdicts.setWordWrap(True)
        self.verdicts.setTextFormat(Qt.TextFormat.RichText)
        self._layout = layout = QVBoxLayout(self)  # kept: the plots are inserted later
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        self._plots_at = layout.count()
        layout.addWidget(self.verdicts)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.plots is None:
            self.build_plots()
        self.shown.emit()

    def build_plots(self) -> pg.GraphicsLayoutWidget:
        """The four distribution plots (built once), returned."""
        if self.plots is not None:
            return self.plots
        self.plots = plots = pg.GraphicsLayoutWidget()
        plots.setMinimumHeight(200)
        for j, feature in enumerate(FEATURES):
            plot = plots.addPlot(row=j // 2, col=j % 2)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.getAxis("left").setStyle(showValues=False)
            plot.setLabel("bottom", feature_label(feature))
            train = pg.PlotCurveItem([0, 1], [0], stepMode="center", fillLevel=0)
            daily = pg.PlotCurveItem([0, 1], [0], stepMode="center")
            plot.addItem(train)
            plot.addItem(daily)
            self._items.append((plot, train, daily))
        self._layout.insertWidget(self._plots_at, plots, 1)
        QWidget.setTabOrder(self.export_button, plots)  # built late: Tab reaches it after the export
        self.access = PlotAccess(plots, strings.DRIFT_NAME, self.describe, self.data_table)
        self.access.set_export(self.exportRequested.emit)
        colors.follow(self.restyle)  # draws the report waiting, if any
        return plots

    def restyle(self, scheme: colors.Scheme) -> None:
        if self.plots is None:
            return
        self.plots.setBackground(scheme.background)
        for plot, train, daily in self._items:
            colors.style_plot(plot, scheme)
            train.setBrush(colors.qcolor(scheme.muted, 90))
            train.setPen(pg.mkPen(scheme.muted, width=scheme.pen_scale))
            daily.setPen(pg.mkPen(scheme.accent, width=2 * scheme.pen_scale))
        if self._pending is not None:
            self._draw(*self._pending)
            self._show_key()

    def describe(self) -> str:
        return plot_texts.drift_description(self.report)

    def data_table(self) -> PlotTable:
        return plot_texts.drift_table(self._histograms if self.report is not None else [])

    def days(self) -> int | None:
        return self.window_box.currentData()

    def show_message(self, text: str) -> None:
        """Nothing to compare (no model, no days): say why, draw nothing."""
        self.report = None
        self.summary.setText(text)
        self.key.setText("")
        self.verdicts.setText("")
        self._pending = None
        self._histograms = []
        for plot, train, daily in self._items:
            train.setData([0, 1], [0])
            daily.setData([0, 1], [0])
            plot.setTitle("")
        if self.access is not None:
            self.access.refresh()

    def show_report(self, report: DriftReport, reference_X: np.ndarray, current_X: np.ndarray, model_name: str) -> None:
        self.report = report
        self._model_name = model_name
        self.summary.setText(drift_text.summary(report, model_name))
        self._show_key()
        self._pending = (report, reference_X, current_X)
        self._draw(report, reference_X, current_X)

    def _show_key(self) -> None:
        report, scheme = self.report, colors.scheme()
        if report is None:
            return
        training = tr("{model}'s training flowers ({count})").format(
            model=html.escape(self._model_name), count=report.n_reference
        )
        daily = tr("daily flowers ({count})").format(count=report.n_current)
        self.key.setText(
            f"<span style='color:{scheme.muted}'>■</span> {training} &nbsp; "
            f"<span style='color:{scheme.accent}'>━</span> {daily}"
        )

    def _draw(self, report: DriftReport, reference_X: np.ndarray, current_X: np.ndarray) -> None:
        from iris_desktop.pipelines.drift import histograms

        scheme = colors.scheme()
        text_colour, drift_colour = scheme.text, scheme.wrong_text
        self._histograms = []
        for j, (feature_drift, (plot, train, daily)) in enumerate(zip(report.features, self._items)):
            edges, ref, cur = histograms(reference_X[:, j], current_X[:, j])
            self._histograms.append((edges, ref, cur))
            train.setData(edges, ref)
            flagged = feature_drift.level in ("drift", "moderate")
            daily.setPen(pg.mkPen(scheme.wrong if flagged else scheme.accent, width=2 * scheme.pen_scale))
            daily.setData(edges, cur)
            name, level = feature_name(feature_drift.feature), drift_text.level_text(feature_drift.level)
            if np.isfinite(feature_drift.p_value):
                title = tr("{feature}: <b>{level}</b> · KS {ks:.2f} (p {p}) · PSI {psi:.2f}").format(
                    feature=name,
                    level=level,
                    ks=feature_drift.ks_statistic,
                    p=_p(feature_drift.p_value),
                    psi=feature_drift.psi,
                )
            else:
                title = tr("{feature}: <b>{level}</b>").format(feature=name, level=level)
            plot.setTitle(title, color=drift_colour if flagged else text_colour, size="9pt")
            plot.setToolTip(drift_text.verdict(feature_drift))
        lines = [
            f"<b style='color:{drift_colour if f.level in ('drift', 'moderate') else text_colour}'>"
            f"{html.escape(feature_name(f.feature))}</b>: {html.escape(drift_text.verdict(f))}"
            for f in report.features
            if f.level not in ("stable", "too few")
        ]  # the summary says the rest
        if not lines:
            quiet = self.palette().placeholderText().color().name()
            explained = tr(
                "KS: the largest gap between the two cumulative distributions "
                "(its p-value: how likely a gap that large is by chance). PSI: how much the shares in ten "
                "bins moved; above 0.25 is a large shift."
            )
            lines.append(f"<span style='color:{quiet}'>{explained}</span>")
        self.verdicts.setText("<br>".join(lines))
        if self.access is not None:
            self.access.refresh()


def _p(p: float) -> str:
    return tr("< {smallest}").format(smallest=number(0.001, 3)) if p < 0.001 else number(p, 3)
