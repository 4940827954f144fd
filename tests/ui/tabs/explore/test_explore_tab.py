"""The Explore tab as a user meets it: drags on the scatters, rows clicked in the table,
the legend, the statistics, exports and removal, new flowers arriving.

Mouse drags are sent to the plot's viewport as real mouse events (press, moves with
the button held, release), so pyqtgraph's own drag detection runs.
"""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QFileDialog

pg = pytest.importorskip("pyqtgraph")

from iris_desktop.domain import FEATURES, VARIETIES  # noqa: E402
from iris_desktop.store.flowers import SOURCES, add_rows  # noqa: E402
from iris_desktop.ui.tabs.explore.data import density_rgba  # noqa: E402
from iris_desktop.ui.tabs.explore.scatter_panel import palette  # noqa: E402
from iris_desktop.ui.tabs.explore.selection import Mode  # noqa: E402
from iris_desktop.ui.tabs.explore.statistics import GROUPS, STATS  # noqa: E402
from iris_desktop.ui.tabs.explore.tab import ExploreTab  # noqa: E402
from tests.ui.conftest import sync, wait_done  # noqa: E402

PL, PW = 2, 3


@pytest.fixture(autouse=True)
def _every_mouse_move(monkeypatch):
    """pyqtgraph drops moves closer than 1/60 s: a test's moves come faster than a hand's."""
    before = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    yield
    pg.setConfigOption("mouseRateLimit", before)


@pytest.fixture
def make_tab(qtbot, make_state, reporter):
    def make(store, size=(1280, 760)) -> ExploreTab:
        tab = ExploreTab(make_state(store), reporter)
        qtbot.addWidget(tab)
        tab.resize(*size)
        tab.show()
        qtbot.waitExposed(tab)
        qtbot.waitUntil(lambda: not tab.preparing and len(tab.data) == len(tab.state.flowers))
        return tab

    return make


def _send(viewport, kind, pos: QPoint, button, buttons, modifiers) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def drag(view_widget, view_box, start, end, modifiers=Qt.KeyboardModifier.NoModifier, path=()) -> None:
    """Press at data point `start`, move through `path` to `end` with the left button
    held, release: in the given pyqtgraph widget showing `view_box`."""
    viewport = view_widget.viewport()

    def at(point) -> QPoint:
        return view_widget.mapFromScene(view_box.mapViewToScene(QPointF(*point)))

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send(viewport, QEvent.Type.MouseButtonPress, at(start), left, left, modifiers)
    points = [*path, end]
    for i, point in enumerate(points):
        for step in range(1, 4):  # a few moves per leg, as a hand does
            a = np.array(start if i == 0 else points[i - 1], dtype=float)
            b = np.array(point, dtype=float)
            _send(viewport, QEvent.Type.MouseMove, at(a + (b - a) * step / 3), none, left, modifiers)
    _send(viewport, QEvent.Type.MouseButtonRelease, at(end), left, none, modifiers)
    QApplication.processEvents()


def in_rect(X, fx, fy, x_range, y_range) -> np.ndarray:
    return (X[:, fx] >= x_range[0]) & (X[:, fx] <= x_range[1]) & (X[:, fy] >= y_range[0]) & (X[:, fy] <= y_range[1])


def highlighted_rows(tab: ExploreTab) -> set[int]:
    """Source rows the table paints as selected (asks the model as the view does)."""
    model = tab.table.model
    return {
        model.source_row(r)
        for r in range(model.rowCount())
        if model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None
    }


# Edges between the 0.1 cm steps the data sit on, so a pixel's rounding cannot matter.
SETOSA_BOX = ((0.95, 2.05), (0.05, 0.65))


def test_rectangle_drag_on_the_scatter_selects_the_rows_and_the_table_follows(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    X = tab.data.columns.X
    assert tab.large.features == (PL, PW)
    (x0, x1), (y0, y1) = SETOSA_BOX
    drag(tab.large.plot_widget, tab.large.view, (x0, y0), (x1, y1))
    expected = in_rect(X, PL, PW, *SETOSA_BOX)
    assert expected.sum() > 40
    assert np.array_equal(tab.selection.mask, expected)
    assert highlighted_rows(tab) == set(np.flatnonzero(expected))
    assert f"{expected.sum():,} selected" in tab.table.count_label.text()
    assert len(tab.large.layers.highlight) == expected.sum()  # every plot highlights it
    assert all(len(layers.highlight) == expected.sum() for layers in tab.matrix.scatters.values())
    assert tab.distributions.layers.selected_counts.sum() == expected.sum()
    assert tab.statistics.cell_text("All varieties", "count", selection=True) == f"{expected.sum():,}"
    tab.table.selected_only.click()  # "Selected only": the table shows just those rows
    assert tab.table.model.rowCount() == expected.sum()

    # Shift adds, Ctrl+Shift removes: the modifier keys override the toolbar's mode.
    other = ((4.45, 5.05), (1.35, 1.85))
    drag(
        tab.large.plot_widget,
        tab.large.view,
        (other[0][0], other[1][0]),
        (other[0][1], other[1][1]),
        Qt.KeyboardModifier.ShiftModifier,
    )
    added = expected | in_rect(X, PL, PW, *other)
    assert np.array_equal(tab.selection.mask, added)
    assert tab.table.model.rowCount() == added.sum()
    drag(
        tab.large.plot_widget,
        tab.large.view,
        (other[0][0], other[1][0]),
        (other[0][1], other[1][1]),
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    assert np.array_equal(tab.selection.mask, expected)

    qtbot.keyClick(tab.table.view, Qt.Key.Key_Escape)  # Esc clears, wherever the focus is in the tab
    assert tab.selection.empty
    assert highlighted_rows(tab) == set()
    assert len(tab.large.layers.highlight) == 0


def test_a_drag_in_the_scatter_matrix_uses_the_toolbar_mode(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    X = tab.data.columns.X
    panel = tab.matrix.views[PW, PL]  # row: petal width (y), column: petal length (x)
    drag(tab.matrix, panel, (0.95, 0.05), (5.05, 1.75))
    first = in_rect(X, PL, PW, (0.95, 5.05), (0.05, 1.75))
    assert np.array_equal(tab.selection.mask, first)
    qtbot.keyClick(tab, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3: intersect
    assert tab.mode is Mode.INTERSECT and tab.toolbar.mode_actions[Mode.INTERSECT].isChecked()
    sepal = tab.matrix.views[1, 0]  # sepal width over sepal length
    drag(tab.matrix, sepal, (4.15, 2.05), (5.55, 4.45))
    assert np.array_equal(tab.selection.mask, first & in_rect(X, 0, 1, (4.15, 5.55), (2.05, 4.45)))
    assert "Mode: Intersect" in tab.selection_label.text()


def test_lasso_selects_inside_the_drawn_shape(make_tab, trained_store):
    tab = make_tab(trained_store)
    tab.toolbar.tool_actions["lasso"].trigger()
    assert tab.large.view.tool == "lasso"
    drag(tab.large.plot_widget, tab.large.view, (0.95, 0.05), (0.95, 0.65), path=[(2.05, 0.05), (2.05, 0.65)])
    X = tab.data.columns.X
    assert np.array_equal(tab.selection.mask, in_rect(X, PL, PW, *SETOSA_BOX))


def test_selecting_rows_in_the_table_highlights_the_points(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    view = tab.table.view
    first, last = view.visualRect(tab.table.model.index(2, 1)), view.visualRect(tab.table.model.index(5, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, pos=last.center())
    rows = [tab.table.model.source_row(r) for r in range(2, 6)]
    assert tab.selection.rows().tolist() == sorted(rows)
    shown = tab.large.layers.highlight
    X = tab.data.columns.X
    assert len(shown) == 4
    assert sorted(shown._x.tolist()) == sorted(X[rows, PL].tolist())
    assert sorted(shown._y.tolist()) == sorted(X[rows, PW].tolist())
    assert "4 of 181 flowers selected" in tab.selection_label.text()
    assert view.selectionModel().hasSelection()  # the table keeps the user's own selection
    # A brush elsewhere replaces it: the table's own selection goes, the highlight shows the new rows.
    drag(tab.large.plot_widget, tab.large.view, (0.95, 0.05), (2.05, 0.65))
    assert not view.selectionModel().hasSelection()
    assert highlighted_rows(tab) == set(tab.selection.rows())


def test_the_legend_hides_and_shows_a_variety(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    variety = tab.data.variety
    n_versicolor = int((variety == 1).sum())
    button = tab.toolbar.widgetForAction(tab.toolbar.variety_actions[1])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not tab.visible[1]
    qtbot.waitUntil(lambda: not tab.preparing)  # the views are redrawn a frame apart
    points = tab.large.layers.points
    assert len(points) == len(variety) - n_versicolor and 1 not in set(points._kind.tolist())
    assert all(1 not in set(layers.points._kind.tolist()) for layers in tab.matrix.scatters.values())
    assert not tab.distributions.layers.curves[1].isVisible()
    # A drag over the hidden flowers picks none of them.
    drag(tab.large.plot_widget, tab.large.view, (0.75, -0.05), (7.15, 2.65))
    inside = in_rect(tab.data.columns.X, PL, PW, (0.75, 7.15), (-0.05, 2.65))
    assert (inside & (variety == 1)).any()
    assert np.array_equal(tab.selection.mask, inside & (variety != 1))

    # Clicking the variety in the scatter's own legend shows it again.
    sample = tab.large.legend.items[1][0]
    widget = tab.large.plot_widget
    pos = widget.mapFromScene(sample.sceneBoundingRect().center())
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert tab.visible[1] and tab.toolbar.variety_actions[1].isChecked()
    qtbot.waitUntil(lambda: len(tab.large.layers.points) == len(variety))


def test_statistics_equal_pandas_describe_of_the_same_rows(make_tab, trained_store):
    pd = pytest.importorskip("pandas")
    tab = make_tab(trained_store)
    tab.pages.setCurrentWidget(tab.statistics)
    drag(tab.large.plot_widget, tab.large.view, (2.95, 0.85), (5.55, 2.05))
    c = tab.data.columns
    frame = pd.DataFrame(c.X, columns=[f.name for f in FEATURES])
    frame["variety"] = [VARIETIES[k].label for k in c.variety]
    selected = frame[tab.selection.mask]
    assert selected["variety"].nunique() >= 2
    for j, feature in enumerate(FEATURES):
        tab.statistics.feature_combo.setCurrentIndex(j)
        for rows, is_selection in ((frame, False), (selected, True)):
            by_variety = rows.groupby("variety")[feature.name].describe()
            whole = rows[feature.name].describe()
            for group in GROUPS:
                expected = (
                    whole
                    if group == "All varieties"
                    else (by_variety.loc[group] if group in by_variety.index else None)
                )
                for stat in STATS:
                    shown = tab.statistics.cell_text(group, stat, selection=is_selection)
                    if expected is None:
                        assert shown == ("0" if stat == "count" else "—")
                    elif stat == "count":
                        assert shown == f"{int(expected[stat]):,}"
                    elif np.isnan(expected[stat]):
                        assert shown == "—"
                    else:  # shown to 3 decimals (summation order may differ in the 16th digit)
                        assert abs(float(shown) - expected[stat]) <= 0.0005 + 1e-9, (feature.name, group, stat)


def test_exporting_a_plot_writes_a_png_that_is_not_blank(make_tab, trained_store, tmp_path, monkeypatch):
    tab = make_tab(trained_store)
    target = tmp_path / "matrix.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG image (*.png)"))
    action = next(a for a in tab.toolbar.export_menu.actions() if a.text().startswith("Scatter &matrix"))
    action.trigger()
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 200
    pixels = np.frombuffer(image.convertToFormat(QImage.Format.Format_RGB32).constBits(), dtype=np.uint32)
    assert len(np.unique(pixels)) > 20  # points, bars and text, not one flat colour


def test_exporting_the_selection_as_csv(make_tab, trained_store, tmp_path, monkeypatch, qtbot):
    tab = make_tab(trained_store)
    drag(tab.large.plot_widget, tab.large.view, (0.95, 0.05), (2.05, 0.65))
    target = tmp_path / "selected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV file (*.csv)"))
    qtbot.mouseClick(tab.table.export_selection_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            target.exists()
            and target.stat().st_size > 0
            and not tab.state.runner.waiting("export")
            and "export" not in tab.state.runner._running
        )
    )
    with target.open() as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["id"]) for r in rows] == tab.selection.selected_ids().tolist()
    c = tab.data.columns
    assert [r["source"] for r in rows] == [SOURCES[k] for k in c.source[tab.selection.mask]]
    assert [float(r["petal_length"]) for r in rows] == c.X[tab.selection.mask, PL].tolist()


def test_new_flowers_appear_and_the_selection_is_kept(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    drag(tab.large.plot_widget, tab.large.view, (0.95, 0.05), (2.05, 0.65))
    kept = tab.selection.selected_ids().tolist()
    add_rows(trained_store, [(5.0, 3.3, 1.4, 0.2), (6.9, 3.1, 5.4, 2.1)], ["setosa", "virginica"], "import")
    sync(tab.state)  # what the app does after any commit
    qtbot.waitUntil(lambda: not tab.preparing)
    assert len(tab.data) == 183 and tab.table.model.rowCount() == 183
    assert tab.selection.selected_ids().tolist() == kept
    assert len(tab.large.layers.points) == 183
    assert "Showing 183 of 183 flowers" in tab.table.count_label.text()


def test_jitter_and_bins_changed_quickly_end_as_last_asked_with_the_newest_rows(make_tab, trained_store, qtbot):
    """Jitter and bins are made again in a worker: changes in quick succession, and new
    flowers arriving meanwhile, end with what was asked last, on the newest rows."""
    tab = make_tab(trained_store)
    jitter, bins = tab.toolbar.jitter_action, tab.distributions.bin_spin
    add_rows(trained_store, [(5.0, 3.3, 1.4, 0.2)], ["setosa"], "import")
    sync(tab.state)  # new rows asked for, then at once:
    jitter.trigger()
    bins.setValue(0.5)
    jitter.trigger()  # and back
    bins.setValue(0.3)
    qtbot.waitUntil(lambda: not tab.preparing)
    assert len(tab.data) == 182 and tab.table.model.rowCount() == 182
    assert not jitter.isChecked() and not tab.data.jitter
    assert np.array_equal(tab.data.coords, tab.data.columns.X)
    assert all(np.allclose(np.diff(b.edges), 0.3) for b in tab.bins)
    assert np.allclose(np.diff(tab.distributions.layers.bins.edges), 0.3)


def test_removing_selected_imported_flowers_asks_first(make_tab, trained_store, qtbot):
    add_rows(trained_store, [(5.0, 3.3, 1.4, 0.2), (5.1, 3.2, 1.5, 0.3)], ["setosa", "setosa"], "import")
    tab = make_tab(trained_store)
    imported = tab.data.columns.id[tab.data.columns.source == SOURCES.index("import")]
    assert len(imported) == 2
    assert not tab.table.remove_button.isEnabled()
    drag(tab.large.plot_widget, tab.large.view, (0.95, 0.05), (2.05, 0.65))  # backfilled + imported setosas
    assert tab.table.remove_button.isEnabled()
    task = tab.remove_selected_imports()
    wait_done(qtbot, task)
    qtbot.waitUntil(lambda: getattr(tab, "removal_box", None) is not None and tab.removal_box.isVisible())
    box = tab.removal_box
    assert box.text().startswith("Remove 2 imported flowers") and "not touched" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter is Cancel before anything destructive
    sync(tab.state)
    qtbot.waitUntil(lambda: not tab.preparing)
    assert len(tab.data) == 183 and getattr(tab, "removal_task", None) is None  # nothing removed

    qtbot.mouseClick(tab.table.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.removal_box is not box and tab.removal_box.isVisible())
    remove = next(b for b in tab.removal_box.buttons() if b.text() == "&Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "removal_task", None) is not None and tab.removal_task.is_done)
    sync(tab.state)
    qtbot.waitUntil(lambda: not tab.preparing)
    assert len(tab.data) == 181
    assert not np.isin(tab.data.columns.id, imported).any()
    assert (tab.data.columns.source == SOURCES.index("import")).sum() == 0
    assert not tab.table.remove_button.isEnabled()


def test_settings_persist_between_runs(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.large.x_combo.setCurrentIndex(0)
    tab.large.y_combo.setCurrentIndex(1)
    tab.toolbar.jitter_action.trigger()
    tab.distributions.bin_spin.setValue(0.5)
    tab.distributions.density_check.setChecked(True)
    qtbot.waitUntil(lambda: not tab.preparing)  # jittered and binned again in a worker
    assert tab.data.jitter and not np.array_equal(tab.data.coords, tab.data.columns.X)
    assert np.allclose(np.diff(tab.bins[0].edges), 0.5)
    assert np.allclose(np.diff(tab.matrix.histograms[0].bins.edges), 0.5)
    tab.settings.sync()
    again = make_tab(trained_store)
    assert again.large.features == (0, 1)
    assert again.toolbar.jitter_action.isChecked() and again.data.jitter
    assert again.distributions.bin_width == 0.5 and again.distributions.density_check.isChecked()
    assert np.allclose(np.diff(again.bins[0].edges), 0.5)


def test_an_empty_store_shows_empty_plots_without_failing(make_tab, store):
    tab = make_tab(store)
    assert len(tab.data) == 0 and tab.table.model.rowCount() == 0
    assert tab.selection_label.text() == "There are no flowers yet."
    drag(tab.large.plot_widget, tab.large.view, (1.0, 0.1), (3.0, 1.0))
    assert tab.selection.empty


def test_many_flowers_draw_as_density_images_and_brush_the_same(make_tab, trained_store):
    rng = np.random.default_rng(3)
    X = np.round(np.clip(rng.normal([5.8, 3.0, 3.7, 1.2], [0.8, 0.4, 1.7, 0.7], (20_000, 4)), 0.1, None), 1)
    add_rows(trained_store, X.tolist(), [VARIETIES[k].value for k in rng.integers(0, 3, 20_000)], "import")
    tab = make_tab(trained_store)
    assert tab.large.layers.dense and len(tab.large.layers.points) == 0
    drag(tab.large.plot_widget, tab.large.view, (0.95, 0.05), (2.05, 0.65))
    expected = in_rect(tab.data.columns.X, PL, PW, *SETOSA_BOX)
    assert np.array_equal(tab.selection.mask, expected)
    counts = tab.large.layers.grid.counts(expected)
    assert counts.sum() == expected.sum() and tab.large.layers.highlight_density.isVisible()
    # Every panel shows its own pair's counts, of all and of the selection (a mirror pair
    # shares one bincount, transposed): the images equal those drawn from the panel's own grid.
    for layers in [tab.large.layers, *tab.matrix.scatters.values()]:
        assert layers.dense
        own = density_rgba(layers.grid.counts(expected), palette(), tab.visible, layers.highlight_density.min_alpha)
        assert np.array_equal(layers.highlight_density.image, own), layers.features
        every = density_rgba(layers.grid.counts(), palette(), tab.visible, layers.density.min_alpha)
        assert np.array_equal(layers.density.image, every), layers.features
    # Counted in the worker, not from the rows on the GUI thread: histograms (each bin's
    # flowers per variety), the data's ranges and the distribution's means.
    frame = pd.DataFrame(tab.data.columns.X, columns=[f.name for f in FEATURES])
    frame["variety"] = tab.data.variety
    for feature, histogram in [*tab.matrix.histograms.items(), (tab.distributions.feature, tab.distributions.layers)]:
        index = histogram.bins.index
        own = [np.bincount(index[tab.data.variety == k], minlength=histogram.bins.n) for k in range(len(VARIETIES))]
        assert np.array_equal(histogram.counts, own), feature
    assert np.array_equal(tab.data.value_ranges(), frame.iloc[:, :4].agg(["min", "max"]).T.to_numpy())
    means = frame.groupby("variety")[FEATURES[tab.distributions.feature].name].mean()
    described = tab.distributions.describe()
    assert all(f"{VARIETIES[k].label} mean {mean:.2f} cm" in described for k, mean in means.items()), described


def test_hovering_a_point_tells_its_values_variety_source_and_day(make_tab, trained_store, tmp_path, qtbot):
    from iris_desktop.pipelines.backfill import import_csv

    path = tmp_path / "extra-flowers.csv"
    path.write_text("sepal_length,sepal_width,petal_length,petal_width,variety\n7.9,3.8,7.6,2.9,virginica\n")
    import_csv(trained_store, path)
    tab = make_tab(trained_store)
    c = tab.data.columns
    row = int(np.flatnonzero(c.source == SOURCES.index("import"))[0])
    qtbot.waitUntil(lambda: bool(tab.batch_names))  # read in a worker
    widget, view = tab.large.plot_widget, tab.large.view
    pos = widget.mapFromScene(view.mapViewToScene(QPointF(7.6, 2.9)))
    _send(
        widget.viewport(),
        QEvent.Type.MouseMove,
        pos,
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    text = tab.hover_label.text()
    assert f"Flower #{c.id[row]} · Virginica" in text
    assert "Petal length 7.6 cm · petal width 2.9 cm" in text
    assert "Source: import batch" in text and "(extra-flowers.csv)" in text
    daily = int(np.flatnonzero(c.source == SOURCES.index("daily"))[-1])
    assert tab.describe_row(daily).endswith(f"Source: daily · day {c.day[daily]}")
    # Away from every point: the description goes.
    _send(
        widget.viewport(),
        QEvent.Type.MouseMove,
        widget.mapFromScene(view.mapViewToScene(QPointF(6.5, 0.2))),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert tab.hover_label.text() == ""


def test_a_condition_typed_with_the_keyboard_selects_and_a_mistake_says_where(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    field = tab.keyboard.condition
    qtbot.keyClicks(field, "petal_length > 4.5 and variety = virginica")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    X, variety = tab.data.columns.X, tab.data.variety
    expected = (X[:, PL] > 4.5) & (variety == 2)
    assert np.array_equal(tab.selection.mask, expected)
    assert f"{int(expected.sum()):,} of 181 flowers selected" in tab.selection_label.text()

    field.clear()
    qtbot.keyClicks(field, "petal_length > wide")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert np.array_equal(tab.selection.mask, expected)  # nothing changed
    assert tab.keyboard.error.isVisibleTo(tab)
    assert tab.keyboard.error.text() == "Not understood at character 16: expected a number after “>”, found “wide”"
    assert field.accessibleDescription() == tab.keyboard.error.text()
    assert field.text() == "petal_length > wide"  # kept, to be corrected
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert not tab.keyboard.error.isVisibleTo(tab)


def test_a_range_typed_with_the_keyboard_is_a_rectangle_by_the_mode(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    keyboard = tab.keyboard
    keyboard.set_range(PL, (4.0, 5.0), PW, (1.0, 1.6))
    qtbot.keyClick(keyboard.highs[1].lineEdit(), Qt.Key.Key_Return)
    X = tab.data.columns.X
    first = in_rect(X, PL, PW, (4.0, 5.0), (1.0, 1.6))
    assert np.array_equal(tab.selection.mask, first)
    tab._set_mode(Mode.ADD)
    keyboard.set_range(0, (7.5, 8.0), 1, (2.0, 4.0))  # sepals: the longest flowers
    qtbot.keyClick(keyboard.range_button, Qt.Key.Key_Space)
    assert np.array_equal(tab.selection.mask, first | in_rect(X, 0, 1, (7.5, 8.0), (2.0, 4.0)))
    assert keyboard.lows[0].accessibleName() == "Smallest sepal length selected"


def test_the_range_starts_at_the_data_s_own_limits(make_tab, trained_store):
    tab = make_tab(trained_store)
    X = tab.data.columns.X
    keyboard = tab.keyboard
    assert (keyboard.lows[0].value(), keyboard.highs[0].value()) == (X[:, PL].min(), X[:, PL].max())
    keyboard.axes[0].setCurrentIndex(0)  # another measurement: its limits
    assert (keyboard.lows[0].value(), keyboard.highs[0].value()) == (X[:, 0].min(), X[:, 0].max())
