"""A generator's parameters as a table: one row per variety and feature; min and max
for uniform bounds, mean, standard deviation and correlations for a normal."""

from __future__ import annotations

from typing import cast

import numpy as np
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURES, VARIETIES
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel

_SHORT = ("SL", "SW", "PL", "PW")


def parameter_columns(settings) -> list[Column]:
    """12 rows (variety x feature) of `settings`' parameters."""
    variety = np.repeat(np.arange(len(VARIETIES)), len(FEATURES))
    feature = np.tile(np.arange(len(FEATURES)), len(VARIETIES))
    columns = [
        # (a Column passes its values as `object`: indexes into VARIETIES and FEATURES here)
        Column(
            "Variety",
            variety,
            lambda i: VARIETIES[cast(int, i)].label,
            decoration=lambda i: colors.color(VARIETIES[cast(int, i)]),
        ),
        Column("Feature", feature, lambda j: FEATURES[cast(int, j)].display, align_right=False),
    ]
    if not settings.is_normal:
        low, high = settings.bounds()
        return [
            *columns,
            Column("Min", low.ravel(), "{:.2f}", "Smallest value drawn (cm)"),
            Column("Max", high.ravel(), "{:.2f}", "Largest value drawn (cm)"),
            Column("Width", (high - low).ravel(), "{:.2f}", "Max − min (cm): every value in it equally likely"),
        ]
    cov = settings.covariances()
    sd = np.sqrt(np.einsum("vii->vi", cov))
    corr = cov / (sd[:, :, None] * sd[:, None, :])
    columns += [
        Column("Mean", settings.means().ravel(), "{:.2f}", "The variety's mean (cm)"),
        Column("SD", sd.ravel(), "{:.2f}", "Standard deviation (cm)"),
    ]
    for k, short in enumerate(_SHORT):
        columns.append(
            Column(
                f"r {short}",
                corr[:, :, k].ravel(),
                "{:+.2f}",
                f"Correlation with {FEATURES[k].display.lower()} (within the variety): "
                "the full covariance keeps flowers shaped like real ones",
            )
        )
    return columns


class ParamsTable(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = ColumnTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 4)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAccessibleName("Generator parameters")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.settings = None

    def show_generator(self, data, settings) -> None:
        """`settings`' parameters, titled with what it made of `data` (a DailyData)."""
        if settings is None:
            self.set_settings(None, "The generator of this day was not recorded.")
            return
        ids = [gid for gid, s in data.generators.items() if s.key == settings.key]
        made = int(np.isin(data.generator, ids).sum()) if ids else 0
        when = f"made {made:,} of the {len(data):,} stored days" if made else "has made no stored day yet"
        if settings.key == data.upcoming.key:
            when += f"; makes the days to come (from {data.next_day})"
        self.set_settings(settings, f"<b>{settings.label}</b>: {when}.")

    def set_settings(self, settings, title: str) -> None:
        self.title.setText(title)
        if settings is None:
            self.model.set_columns([])
        elif self.settings is None or settings.key != self.settings.key:
            self.model.set_columns(parameter_columns(settings))
        self.settings = settings
