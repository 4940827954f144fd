"""The order Tab visits the History tab in: the view switch and the table export; the day
panel, the accuracy plot and its span; the confusion matrix with its window; then the
predictions (filters, table) or the drift page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iris_desktop.ui.widgets.focus import chain


def focus_order(tab) -> None:
    switch, day, box, confusion, table, drift = (
        tab.view_switch,
        tab.day_panel,
        tab.plot_box,
        tab.confusion,
        tab.table,
        tab.drift,
    )
    order: list[QWidget] = [
        tab.empty.button,
        switch.as_predicted,
        switch.by_model,
        switch.version_box,
        tab.export_table_button,
    ]
    order += [day.daily_button, day.explain_button, day.latest_button, box.plot, box.span_box, box.export_button]
    order += [confusion.window_box, confusion.start, confusion.end, confusion.version, confusion.matrix]
    order += [confusion.normalised, confusion.export_button, tab.details.tabBar()]
    order += [table.outcome, table.variety, table.date_filter, table.view]
    order += [drift.window_box, drift.export_button]  # the drift plots follow when built (DriftView)
    chain(order)
