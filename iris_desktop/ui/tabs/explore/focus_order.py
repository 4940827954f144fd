"""The order Tab visits the Explore tab in: the toolbar, the keyboard selection, the
matrix, the pages (each page's controls, then its plot), the table's filters, the table
and its buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iris_desktop.ui.widgets.focus import chain, tool_buttons


def focus_order(tab) -> None:
    keyboard, large, distributions, table = tab.keyboard, tab.large, tab.distributions, tab.table
    order: list[QWidget] = [tab.empty.button, *tool_buttons(tab.toolbar)]
    order += [keyboard.condition, keyboard.condition_button]
    for i in range(len(keyboard.axes)):
        order += [keyboard.axes[i], keyboard.lows[i], keyboard.highs[i]]
    order += [keyboard.range_button, tab.matrix, tab.pages.tabBar()]
    order += [large.x_combo, large.y_combo, large.swap_button, large.plot_widget]
    order += [distributions.feature_combo, distributions.bin_spin, distributions.density_check]
    order += [distributions.plot_widget, tab.statistics.feature_combo, *tab.statistics.views]
    order += [table.source_combo, table.variety_combo, table.days_check, table.day_from, table.day_to]
    order += [table.selected_only, table.view, table.export_button, table.export_selection_button]
    order.append(table.remove_button)
    chain(order)
