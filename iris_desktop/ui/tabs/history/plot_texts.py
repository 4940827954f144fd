"""The History plots in words and numbers: what the accuracy plot and the drift plots
show now (their accessible descriptions) and the tables behind them ("Show as table",
"Copy data")."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

import numpy as np

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.tabs.history.drift_text import level_text
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.core_words import feature_display as feature_name
from iris_desktop.ui.widgets.plot_access import PlotTable

if TYPE_CHECKING:
    from iris_desktop.pipelines.drift import DriftReport
    from iris_desktop.pipelines.monitoring import AccuracyColumns, HistoryColumns

_NAMES = [v.label for v in VARIETIES]


def accuracy_description(
    history: HistoryColumns | None,
    accuracy: AccuracyColumns | None,
    switches: list[tuple[dt.date, int]],
    generator_changes: list[tuple[dt.date, str]] | None = None,
) -> str:
    if history is None or accuracy is None or not len(history):
        return strings.ACCURACY_EMPTY
    n, right = len(history), int(np.count_nonzero(history.correct))
    change = ""
    if switches:
        day, version = switches[-1]
        change = strings.ACCURACY_CHANGE.format(version=version, day=day)
    if generator_changes:
        change += strings.ACCURACY_GENERATOR_CHANGE.format(day=generator_changes[-1][0])
    return strings.ACCURACY_DESCRIPTION.format(
        days=n,
        first=history.day[0].item(),
        last=history.day[-1].item(),
        right=right,
        share=right / n,
        window=accuracy.window,
        rolling=float(accuracy.rolling[-1]),
        change=change,
    )


def _variety(k: object) -> str:
    return _NAMES[cast(int, k)]


def accuracy_table(history: HistoryColumns | None, accuracy: AccuracyColumns | None) -> PlotTable:
    """A row a day: the prediction, the truth, and the accuracies drawn."""
    if history is None or accuracy is None:
        return PlotTable(strings.ACCURACY_TITLE, [])
    return PlotTable(
        strings.ACCURACY_TITLE,
        [
            Column(strings.COLUMN_DAY, history.day, str, align_right=False),
            Column(strings.COLUMN_PREDICTED, history.predicted, _variety, align_right=False),
            Column(strings.COLUMN_ACTUAL, history.actual, _variety, align_right=False),
            Column(
                strings.COLUMN_CORRECT,
                history.correct,
                lambda ok: strings.COLUMN_YES if ok else strings.COLUMN_NO,
                align_right=False,
            ),
            Column(strings.COLUMN_ROLLING, accuracy.rolling, "{:.1%}"),
            Column(strings.COLUMN_LOW, accuracy.low, "{:.1%}"),
            Column(strings.COLUMN_HIGH, accuracy.high, "{:.1%}"),
            Column(strings.COLUMN_CUMULATIVE, accuracy.cumulative, "{:.1%}"),
            Column(strings.COLUMN_MODEL, history.version, "v{}"),
        ],
    )


def drift_description(report: DriftReport | None) -> str:
    if report is None:
        return strings.DRIFT_EMPTY
    verdicts = strings.LIST_SEPARATOR.join(
        strings.DRIFT_VERDICT.format(feature=feature_name(f.feature), level=level_text(f.level))
        for f in report.features
    )
    return strings.DRIFT_DESCRIPTION.format(daily=report.n_current, training=report.n_reference, verdicts=verdicts)


def drift_table(histograms: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> PlotTable:
    """A row per bin of each measurement: its ends, and how dense the training and the
    daily flowers are in it (densities: 120 and 3,000 flowers compare)."""
    if not histograms:
        return PlotTable(strings.DRIFT_TITLE, [])
    feature = np.concatenate([np.full(len(ref), j) for j, (_e, ref, _c) in enumerate(histograms)])
    low = np.concatenate([edges[:-1] for edges, _r, _c in histograms])
    high = np.concatenate([edges[1:] for edges, _r, _c in histograms])
    reference = np.concatenate([ref for _e, ref, _c in histograms])
    current = np.concatenate([cur for _e, _r, cur in histograms])
    return PlotTable(
        strings.DRIFT_TITLE,
        [
            Column(strings.COLUMN_FEATURE, feature, lambda j: feature_name(FEATURES[cast(int, j)]), align_right=False),
            Column(strings.COLUMN_FROM, low, "{:.2f}"),
            Column(strings.COLUMN_TO, high, "{:.2f}"),
            Column(strings.COLUMN_TRAINING_FLOWERS, reference, "{:.3f}"),
            Column(strings.COLUMN_DAILY_FLOWERS, current, "{:.3f}"),
        ],
    )
