"""The Explore plots in words and numbers: what each one shows now (its accessible
description) and the table behind it ("Show as table", "Copy data"). numpy only, so a
description costs a bincount at 100,000 flowers."""

from __future__ import annotations

from typing import cast

import numpy as np

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.tabs.explore.data import Bins, ExploreData
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.column_table import Column
from iris_desktop.ui.widgets.flower_words import feature_label, feature_name
from iris_desktop.ui.widgets.plot_access import PlotTable, counts_text

_NAMES = [v.label for v in VARIETIES]


def _feature(j: int) -> str:
    return feature_name(j).lower()


def shown_rows(data: ExploreData | None, visible: np.ndarray) -> np.ndarray:
    """The rows a plot draws: the flowers of the varieties shown."""
    if data is None or not len(data):
        return np.zeros(0, dtype=bool)
    return data.shown(visible)


def _selected(mask: np.ndarray, rows: np.ndarray) -> str:
    count = int(np.count_nonzero(mask & rows)) if len(mask) == len(rows) else 0
    return strings.SELECTED_PART.format(count=count) if count else ""


def _shown_summary(data: ExploreData, visible: np.ndarray) -> tuple[int, str, np.ndarray, np.ndarray]:
    """(count, the varieties' counts in words, each feature's min, max) of the rows shown:
    from each variety's, measured once with the data (no pass over the rows here)."""
    shown = np.asarray(visible, dtype=bool) & (data.counts > 0)
    counts = np.where(shown, data.counts, 0)
    spans = data.value_ranges(shown)
    return int(counts.sum()), counts_text(counts, _NAMES), spans[:, 0], spans[:, 1]


def matrix_description(data: ExploreData | None, visible: np.ndarray, mask: np.ndarray) -> str:
    rows = shown_rows(data, visible)
    if data is None or not rows.any():
        return strings.EMPTY_PLOT.format(name=strings.MATRIX_TITLE)
    count, varieties, _, _ = _shown_summary(data, visible)
    return strings.MATRIX_DESCRIPTION.format(count=count, varieties=varieties, selected=_selected(mask, rows))


def scatter_description(data: ExploreData | None, features: tuple[int, int], visible, mask) -> str:
    rows = shown_rows(data, visible)
    if data is None or not rows.any():
        return strings.EMPTY_PLOT.format(name=strings.SCATTER_TITLE)
    fx, fy = features
    count, varieties, lo, hi = _shown_summary(data, visible)
    return strings.SCATTER_DESCRIPTION.format(
        x=_feature(fx),
        y=_feature(fy),
        count=count,
        varieties=varieties,
        x0=lo[fx],
        x1=hi[fx],
        y0=lo[fy],
        y1=hi[fy],
        selected=_selected(mask, rows),
    )


def flowers_table(title: str, data: ExploreData | None, features, visible, mask) -> PlotTable:
    """The flowers a scatter draws: id, the plotted measurements, variety, selected."""
    rows = np.flatnonzero(shown_rows(data, visible))
    if data is None:
        return PlotTable(title, [])
    c = data.columns
    selected = mask[rows] if len(mask) == len(data) else np.zeros(len(rows), dtype=bool)
    return PlotTable(
        title,
        [
            Column(strings.COLUMN_ID, c.id[rows]),
            *(Column(feature_label(j), c.X[rows, j], "{:.1f}") for j in features),
            Column(strings.COLUMN_VARIETY, c.variety[rows], lambda k: _NAMES[cast(int, k)], align_right=False),
            Column(
                strings.COLUMN_SELECTED,
                selected,
                lambda on: strings.COLUMN_YES if on else strings.COLUMN_NO,
                align_right=False,
            ),
        ],
    )


def distribution_description(feature: int, width: float, data: ExploreData, visible, mask) -> str:
    shown = np.asarray(visible, dtype=bool) & (data.counts > 0)
    if not shown.any():
        return strings.EMPTY_PLOT.format(name=strings.DISTRIBUTION_TITLE)
    # each variety's mean from its sum, measured once with the data (no pass over the rows)
    means = [
        strings.MEAN_OF.format(name=_NAMES[k], mean=data.sums[k, feature] / data.counts[k])
        for k in np.flatnonzero(shown)
    ]
    return strings.DISTRIBUTION_DESCRIPTION.format(
        feature=feature_name(feature),
        width=width,
        count=int(data.counts[shown].sum()),
        means=strings.LIST_SEPARATOR.join(means),
        selected=_selected(mask, data.shown(visible)),
    )


def distribution_table(title: str, bins: Bins | None, counts: np.ndarray, selected: np.ndarray, visible) -> PlotTable:
    """One row per bin: its ends, the flowers of each variety shown, the selected ones."""
    if bins is None:
        return PlotTable(title, [])
    columns = [
        Column(strings.COLUMN_FROM, bins.edges[:-1], "{:.2f}"),
        Column(strings.COLUMN_TO, bins.edges[1:], "{:.2f}"),
    ]
    columns += [
        Column(strings.COLUMN_FLOWERS_OF.format(name=name), counts[k]) for k, name in enumerate(_NAMES) if visible[k]
    ]
    columns.append(Column(strings.COLUMN_SELECTED, np.asarray(selected, dtype=np.int64)))
    return PlotTable(title, columns)
