"""The order Tab visits the Train tab in: the settings column (algorithm, its parameters,
the data), Train and Cancel; then the pages (each page's controls, then its plot) and
the registry with its buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from iris_desktop.ui.tabs.train.registry_panel import BUTTONS
from iris_desktop.ui.widgets.focus import chain


def focus_order(tab) -> None:
    panel, results, curve, regions, registry = tab.panel, tab.results, tab.curve, tab.regions, tab.registry
    order: list[QWidget] = [tab.empty.button, panel.form.algorithm_box]
    order += [control for controls in panel.form.controls.values() for control in controls.values()]
    order += [panel.standardize, *panel.sources.values(), panel.test_percent, panel.seed, panel.folds]
    order += [tab.activate_box, tab.train_button, tab.cancel_button, tab.pages.tabBar()]
    order += [results.table, results.matrix, results.normalised, results.export_button]
    order += [curve.button, curve.cancel_button, curve.export_button, curve.plot]
    order += [regions.x_box, regions.y_box, regions.export_button, regions.map]
    order += [registry.table, *(getattr(registry, attribute) for attribute, _text, _tip in BUTTONS)]
    chain(order)
