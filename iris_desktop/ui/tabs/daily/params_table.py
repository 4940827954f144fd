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
from iris_desktop.ui.runtime.i18n import Text, number, tr
from iris_desktop.ui.tabs.daily.words import generator_label
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.column_table import Column, ColumnTableModel
from iris_desktop.ui.widgets.core_words import QT_TR_NOOP
from iris_desktop.ui.widgets.core_words import feature_display as feature_name

# The features' initials, in the correlation columns' headers ("r SL").
_SHORT = (QT_TR_NOOP("SL"), QT_TR_NOOP("SW"), QT_TR_NOOP("PL"), QT_TR_NOOP("PW"))


def _cm(value: object) -> str:
    return number(cast(float, value), 2)  # (a Column passes its floats as `object`)


def _signed(value: object) -> str:
    return Text("{value:+.2f}").format(value=float(cast(float, value)))


def parameter_columns(settings) -> list[Column]:
    """12 rows (variety x feature) of `settings`' parameters."""
    variety = np.repeat(np.arange(len(VARIETIES)), len(FEATURES))
    feature = np.tile(np.arange(len(FEATURES)), len(VARIETIES))
    columns = [
        # (a Column passes its values as `object`: indexes into VARIETIES and FEATURES here)
        Column(
            tr("Variety"),
            variety,
            lambda i: VARIETIES[cast(int, i)].label,
            decoration=lambda i: colors.color(VARIETIES[cast(int, i)]),
        ),
        Column(tr("Feature"), feature, lambda j: feature_name(FEATURES[cast(int, j)]), align_right=False),
    ]
    if not settings.is_normal:
        low, high = settings.bounds()
        return [
            *columns,
            Column(tr("Min"), low.ravel(), _cm, tr("Smallest value drawn (cm)")),
            Column(tr("Max"), high.ravel(), _cm, tr("Largest value drawn (cm)")),
            Column(tr("Width"), (high - low).ravel(), _cm, tr("Max − min (cm): every value in it equally likely")),
        ]
    cov = settings.covariances()
    sd = np.sqrt(np.einsum("vii->vi", cov))
    corr = cov / (sd[:, :, None] * sd[:, None, :])
    columns += [
        Column(tr("Mean"), settings.means().ravel(), _cm, tr("The variety's mean (cm)")),
        Column(tr("SD"), sd.ravel(), _cm, tr("Standard deviation (cm)")),
    ]
    for k, short in enumerate(_SHORT):
        columns.append(
            Column(
                tr("r {feature}").format(feature=tr(short)),
                corr[:, :, k].ravel(),
                _signed,
                tr(
                    "Correlation with {feature} (within the variety): "
                    "the full covariance keeps flowers shaped like real ones"
                ).format(feature=feature_name(FEATURES[k]).lower()),
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
        self.view.setAccessibleName(tr("Generator parameters"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.settings = None

    def show_generator(self, data, settings) -> None:
        """`settings`' parameters, titled with what it made of `data` (a DailyData)."""
        if settings is None:
            self.set_settings(None, tr("The generator of this day was not recorded."))
            return
        ids = [gid for gid, s in data.generators.items() if s.key == settings.key]
        made = int(np.isin(data.generator, ids).sum()) if ids else 0
        upcoming = settings.key == data.upcoming.key
        if made and upcoming:
            title = tr(
                "<b>{generator}</b>: made {made:,} of the {total:,} stored days; makes the days to come (from {day})."
            )
        elif made:
            title = tr("<b>{generator}</b>: made {made:,} of the {total:,} stored days.")
        elif upcoming:
            title = tr("<b>{generator}</b>: has made no stored day yet; makes the days to come (from {day}).")
        else:
            title = tr("<b>{generator}</b>: has made no stored day yet.")
        text = title.format(generator=generator_label(settings), made=made, total=len(data), day=data.next_day)
        self.set_settings(settings, text)

    def set_settings(self, settings, title: str) -> None:
        self.title.setText(title)
        if settings is None:
            self.model.set_columns([])
        elif self.settings is None or settings.key != self.settings.key:
            self.model.set_columns(parameter_columns(settings))
        self.settings = settings
