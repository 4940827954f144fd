"""What the Explore tab saves: a plot as PNG or SVG (from the toolbar's Export menu or a
right-click on the plot) and the flowers, shown or selected, as CSV (written in a
worker). Like removal_flow.py, these are functions of the tab."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6 import QtWidgets

from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.runtime.worker import Task
from iris_desktop.ui.tabs.explore import jobs as explore_jobs
from iris_desktop.ui.widgets.plot_export import ask_and_export


def add_export_actions(tab) -> None:
    """The toolbar's Export menu, and the same plot export on a right-click on a plot."""
    plots = (  # (menu text, the plot's PlotAccess, the item to export, file name)
        (tr("Scatter &matrix as PNG or SVG…"), tab.matrix.access, lambda: tab.matrix.ci, "scatter-matrix"),
        (tr("&Scatter plot as PNG or SVG…"), tab.large.access, lambda: tab.large.plot, "scatter"),
        (
            tr("&Distributions as PNG or SVG…"),
            tab.distributions.access,
            lambda: tab.distributions.plot,
            "distributions",
        ),
    )
    menu = tab.toolbar.export_menu
    for text, _access, item, name in plots:
        menu.addAction(text, lambda item=item, name=name: export_plot(tab, item(), name))
    menu.addSeparator()
    menu.addAction(tr("&Table as CSV…"), lambda: export_csv(tab, False))
    menu.addAction(tr("S&election as CSV…"), lambda: export_csv(tab, True))
    # The plot's own menu (right-click, Menu key, Shift+F10) offers the same export, not
    # pyqtgraph's dialog (its SVG exporter fails on this Qt: plot_export falls back to Qt's).
    for _text, access, item, name in plots:
        access.set_export(lambda item=item, name=name: export_plot(tab, item(), name))
        access.runner = tab.state.runner  # "Copy data" of 100,000 flowers is formatted in a worker


def export_plot(tab, item, name: str) -> None:
    try:
        path = ask_and_export(tab, item, name, tab.settings)
    except OSError as exc:
        tab.reporter.failure(tr("Export", "what failed"), exc)
        return
    if path is not None:
        tab.reporter.status(tr("Saved {path}").format(path=path))


def export_csv(tab, selection_only: bool) -> None:
    """Ask where, then write the selected flowers (or those the table shows)."""
    rows = tab.selection.rows() if selection_only else tab.table.shown_rows().copy()
    if not len(rows):
        if selection_only:
            tab.reporter.status(tr("Nothing to export: no flower is selected"))
        else:
            tab.reporter.status(tr("Nothing to export: no flower is shown"))
        return
    folder = str(tab.settings.value("export/last_dir", str(Path.home())))
    name = "selected-flowers.csv" if selection_only else "flowers.csv"
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        tab, tr("Export flowers as CSV"), str(Path(folder) / name), tr("CSV file") + " (*.csv)"
    )
    if not path:
        return
    tab.settings.setValue("export/last_dir", str(Path(path).parent))
    write_csv(tab, path, rows)


def write_csv(tab, path: str, rows: np.ndarray) -> Task:
    """Write `rows` to `path` in a worker; returns the Task."""

    def done(count: int) -> None:
        tab.reporter.status(tr("Saved {flowers} to {path}").format(flowers=tr("%Ln flower(s)", None, count), path=path))

    def failed(exc, details) -> None:
        tab.reporter.failure(tr("Export", "what failed"), exc, details)

    return tab.state.runner.run(
        "export",
        explore_jobs.write_csv,
        path,
        tab.data.columns,
        rows,
        dict(tab.batch_names),
        key=("explore-csv", path),
        writes=False,
        status=tr("Saving flowers as CSV…"),
        on_finished=done,
        on_failed=failed,
        context=tab,
    )
