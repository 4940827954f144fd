"""The Daily tab as a user meets it: browsing days, the generator drawn over the data,
changing the generator and the history's start, catching up, linking to History.

Widgets are driven as a user would (button clicks, picking a date, clicking a row) and
the assertions read what is shown, checked against the store."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from PySide6.QtCore import QDate, Qt

pg = pytest.importorskip("pyqtgraph")

from iris_desktop.pipelines import daily  # noqa: E402
from iris_desktop.pipelines.inference import catch_up  # noqa: E402
from iris_desktop.pipelines.monitoring import window_predictions  # noqa: E402
from iris_desktop.store import flowers as flower_table  # noqa: E402
from iris_desktop.store import generators as generator_table  # noqa: E402
from iris_desktop.ui.actions.daily_actions import DailyActions  # noqa: E402
from iris_desktop.ui.runtime.worker import wait_for_all  # noqa: E402
from iris_desktop.ui.tabs.daily.generator_plot import shape_outline  # noqa: E402
from iris_desktop.ui.tabs.daily.tab import DailyTab  # noqa: E402
from tests.conftest import TODAY  # noqa: E402
from tests.ui.conftest import sync  # noqa: E402

DAY = dt.timedelta(days=1)


@pytest.fixture
def make_tab(qtbot, make_state, reporter, actions):
    """make_tab(store, today=TODAY) -> a shown DailyTab whose data has arrived."""

    def make(store, today: dt.date = TODAY) -> DailyTab:
        state = make_state(store, today)
        tab = DailyTab(state, reporter, actions(DailyActions, state))
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitUntil(lambda: tab.data is not None and tab.row is not None, timeout=15_000)
        return tab

    yield make
    assert wait_for_all(30_000)


def stored_days(store) -> dict:
    """Every stored day: its flower and the generator recorded for it."""
    ids, generators = generator_table.daily_generator_ids(store)
    made_by = dict(zip(ids.tolist(), generators.tolist()))
    return {r.day: (r.flower, made_by[r.id]) for r in flower_table.daily_flowers(store)}


def assert_shows(tab: DailyTab, store, day: dt.date) -> None:
    """The tab shows `day`'s stored flower and the prediction made for it, everywhere."""
    row = flower_table.daily_flower(store, day)
    prediction = next(p for p in window_predictions(store) if p.day == day)
    panel = tab.day_panel
    assert tab.current_day() == day
    assert panel.heading.text().startswith(f"{day:%A %d %B %Y}")
    assert [label.text() for label in panel.values] == [f"{v:.1f} cm" for v in row.flower.measurements]
    assert panel.flower.measurements == row.flower.measurements
    assert panel.flower.variety is row.flower.variety
    assert row.flower.variety.label in panel.variety.text()
    text = panel.prediction.text()
    assert prediction.predicted.label in text and f"model v{prediction.model_version}" in text
    assert f"{prediction.probabilities[prediction.predicted.index]:.0%}" in text
    assert ("✓ right" in text) == prediction.correct and ("✗ wrong" in text) != prediction.correct
    assert text.index("right" if prediction.correct else "wrong") < text.index(prediction.predicted.label)
    assert tab.date_edit.date().toPython() == day
    view = tab.day_list.view
    current = view.selectionModel().currentIndex()
    assert tab.day_list.model.data(tab.day_list.model.index(current.row(), 0)) == day.isoformat()
    for plot in tab.generator_view.plots:  # the day's marker sits on its flower in both plots
        x, y = plot.axes
        pos = plot.current_item.pos()
        assert plot.current_item.isVisible()
        assert (pos.x(), pos.y()) == pytest.approx((row.flower.measurements[x], row.flower.measurements[y]))


def list_row_of(tab: DailyTab, day: dt.date):
    model = tab.day_list.model
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0)) == day.isoformat():
            tab.day_list.view.scrollTo(model.index(r, 0))  # as a user scrolls to it
            return model.index(r, 0)
    raise AssertionError(f"{day} not listed")


def test_browsing_shows_each_days_stored_flower_and_prediction(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    assert_shows(tab, trained_store, TODAY)  # today's flower first
    assert "today" in tab.day_panel.heading.text()
    assert not tab.next_button.isEnabled()

    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert_shows(tab, trained_store, TODAY - DAY)
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    assert_shows(tab, trained_store, TODAY)

    tab.date_edit.setDate(QDate(2026, 5, 20))  # what picking it in the calendar does
    assert_shows(tab, trained_store, dt.date(2026, 5, 20))

    view = tab.day_list.view
    index = list_row_of(tab, dt.date(2026, 6, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert_shows(tab, trained_store, dt.date(2026, 6, 1))

    tab.date_edit.setDate(QDate(2026, 5, 16))  # the first day: the history was simulated from it
    assert_shows(tab, trained_store, dt.date(2026, 5, 16))
    assert not tab.prev_button.isEnabled()
    assert tab.note.text() == "The history was simulated from this day on (31 days)"
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert_shows(tab, trained_store, TODAY)


def test_days_stored_after_today_are_not_shown(make_tab, trained_store, qtbot):
    from iris_desktop.pipelines.inference import catch_up

    catch_up(trained_store, TODAY + 10 * DAY)  # made while the clock was ten days ahead
    tab = make_tab(trained_store)
    assert tab.data.day[-1].item() == TODAY and tab.current_day() == TODAY
    assert not tab.next_button.isEnabled()


def test_the_list_filters_wrong_days_and_links_to_history(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    asked = []
    tab.state.dayRequested.connect(lambda day, name: asked.append((day, name)))
    qtbot.mouseClick(tab.history_button, Qt.MouseButton.LeftButton)
    assert asked == [(TODAY, "History")]

    wrong_days = {p.day for p in window_predictions(trained_store) if not p.correct}
    tab.day_list.wrong_only.click()
    model = tab.day_list.model
    listed = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert listed == {d.isoformat() for d in wrong_days}
    assert tab.day_list.count.text() == f"{len(wrong_days)} of 31 days"
    tab.day_list.wrong_only.click()
    assert model.rowCount() == 31

    view = tab.day_list.view
    index = list_row_of(tab, dt.date(2026, 6, 3))
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked[-1] == (dt.date(2026, 6, 3), "History")
    assert_shows(tab, trained_store, dt.date(2026, 6, 3))
    qtbot.keyClick(view, Qt.Key.Key_Down)  # older days are listed below
    assert_shows(tab, trained_store, dt.date(2026, 6, 2))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked[-1] == (dt.date(2026, 6, 2), "History")

    tab.state.dayRequested.emit(dt.date(2026, 5, 25), "Daily")  # another tab asks for a day
    assert_shows(tab, trained_store, dt.date(2026, 5, 25))
    tab.state.dayRequested.emit(dt.date(2026, 5, 26), "History")  # not ours
    assert tab.current_day() == dt.date(2026, 5, 25)


def test_the_generator_drawn_is_the_stored_one(make_tab, trained_store, qtbot):
    settings = daily.settings_for(trained_store)  # pinned at the first run
    assert settings.kind == "mvnormal"
    tab = make_tab(trained_store)
    assert tab.params.settings.key == settings.key
    for plot in tab.generator_view.plots:
        for v, item in enumerate(plot.shape_items):
            x, y = item.getData()
            ex, ey = shape_outline(settings, v, *plot.axes)
            assert np.allclose(x, ex) and np.allclose(y, ey)
    # the ellipses are centred on each variety's stored flowers (petal length x width)
    X, y = flower_table.feature_matrix(trained_store, ("backfill",))
    for v, item in enumerate(tab.generator_view.plots[0].shape_items):
        ox, oy = item.getData()
        assert (ox[:-1].mean(), oy[:-1].mean()) == pytest.approx(tuple(X[y == v][:, 2:4].mean(axis=0)), abs=1e-5)
    # the parameters table shows the same numbers
    model = tab.params.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    mean_column, sd_column = headers.index("Mean"), headers.index("SD")
    cov = settings.covariances()
    for v in range(3):
        for f in range(4):
            assert model.data(model.index(4 * v + f, mean_column)) == f"{settings.means()[v, f]:.2f}"
            assert model.data(model.index(4 * v + f, sd_column)) == f"{np.sqrt(cov[v, f, f]):.2f}"
    # the user picks the second plot's features: the shapes follow
    tab.generator_view.pair_x.setCurrentIndex(2)
    tab.generator_view.pair_y.setCurrentIndex(0)
    assert tab.generator_view.plots[1].axes == (2, 0)
    x, y = tab.generator_view.plots[1].shape_items[1].getData()
    assert np.allclose(x, shape_outline(settings, 1, 2, 0)[0]) and np.allclose(y, shape_outline(settings, 1, 2, 0)[1])
    # daily flowers are drawn as their own markers, one per day
    assert sum(len(item.getData()[0]) for item in tab.generator_view.plots[0].day_items) == 31
    wrong = sum(not p.correct for p in window_predictions(trained_store))
    assert len(tab.generator_view.plots[0].wrong_item.getData()[0]) == wrong


def test_switching_the_generator_keeps_every_stored_day_and_changes_the_next(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    before = stored_days(trained_store)
    seed = trained_store.installation_seed()
    old = daily.settings_for(trained_store)
    tomorrow = TODAY + DAY
    assert "from 2026-06-16" in tab.steering.upcoming.text()
    assert not tab.steering.apply.isEnabled()  # already the generator of the days to come

    tab.steering.combo.setCurrentIndex(daily.GENERATORS.index("original"))
    assert tab.steering.apply.isEnabled()
    qtbot.mouseClick(tab.steering.apply, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.data.upcoming.kind == "original", timeout=15_000)
    assert "Original lab's bounds" in tab.steering.upcoming.text()
    assert "From 2026-06-16 on, days are made by “Original lab's bounds" in tab.steering.status.text()
    assert "31 stored days keep the generator that made them" in tab.steering.status.text()
    assert stored_days(trained_store) == before  # nothing stored changed
    assert "(the days to come use another)" in tab.day_panel.generator.text()

    tab.state.today = lambda: tomorrow  # the next day comes
    catch_up(trained_store, tomorrow)  # as a scheduled catch-up makes it
    sync(tab.state)
    qtbot.waitUntil(lambda: len(tab.data) == 32, timeout=15_000)
    after = stored_days(trained_store)
    assert {d: v for d, v in after.items() if d != tomorrow} == before
    new = after[tomorrow][0]
    assert new == daily.generate(seed, daily.original_settings(), [tomorrow])[0]
    assert new != daily.generate(seed, old, [tomorrow])[0]
    assert after[tomorrow][1] != before[TODAY][1]  # recorded as made by another generator

    assert tab.show_date(tomorrow)
    assert tab.day_panel.generator.text().startswith("<b>Original lab's bounds")
    bounds = daily.ORIGINAL_BOUNDS[new.variety]
    x, y = tab.generator_view.plots[0].shape_items[new.variety.index].getData()  # the boxes of that generator
    assert (x.min(), x.max(), y.min(), y.max()) == pytest.approx((*bounds["petal_length"], *bounds["petal_width"]))
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert tab.day_panel.generator.text().startswith("<b>Multivariate normal")
    assert tab.params.settings.key == old.key
    tab.generator_view.overlay.setCurrentIndex(1)  # draw the days to come's generator instead
    assert tab.params.settings.kind == "original"
    model = tab.day_list.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("Generator")
    listed = {model.data(model.index(r, column)) for r in range(32)}
    assert len(listed) == 2 and any(t.startswith("Original") for t in listed)


def test_moving_the_history_start_back_adds_earlier_days_only(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    before = stored_days(trained_store)
    start = dt.date(2026, 5, 16) - dt.timedelta(days=10)
    assert not tab.steering.extend.isEnabled()
    tab.steering.start.setDate(QDate(start.year, start.month, start.day))
    assert tab.steering.extend.isEnabled()
    qtbot.mouseClick(tab.steering.extend, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.data) == 41, timeout=15_000)
    after = stored_days(trained_store)
    assert {d: v for d, v in after.items() if d in before} == before
    assert min(after) == start and len(after) == 41
    assert (tab.data.predicted >= 0).all()  # the new days are predicted too
    assert trained_store.meta("history_start") == start.isoformat()
    assert tab.steering.status.text().startswith("Added 10 days from 2026-05-06 to 2026-05-15, 10 predicted")
    assert not tab.steering.extend.isEnabled()
    tab.date_edit.setDate(QDate(start.year, start.month, start.day))
    assert_shows(tab, trained_store, start)


def test_catch_up_now_adds_the_missed_days(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store, today=TODAY + 3 * DAY)
    assert tab.current_day() == TODAY  # today's flower is not stored yet: the last one is shown
    qtbot.mouseClick(tab.steering.catch_up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tab.data) == 34, timeout=15_000)
    assert "Caught up 3 missed days" in tab.steering.status.text()
    tab.show_today()
    assert_shows(tab, trained_store, TODAY + 3 * DAY)


def test_in_the_window_catch_up_now_is_the_windows_action(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    tab = DailyTab(window.state, window.reporter, window.daily_actions)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data) == 31, timeout=15_000)
    window.state.today = lambda: TODAY + 2 * DAY
    qtbot.mouseClick(tab.steering.catch_up, Qt.MouseButton.LeftButton)  # joins the window's F5
    qtbot.waitUntil(lambda: len(tab.data) == 33, timeout=15_000)
    assert "Caught up 2 missed days" in tab.steering.status.text()
    assert window.status_label.text().startswith("Caught up 2 missed days")  # said by the window's action


def test_an_empty_store_says_how_days_come(make_tab, store, qtbot, make_state, reporter, actions):
    state = make_state(store)
    tab = DailyTab(state, reporter, actions(DailyActions, state))
    qtbot.addWidget(tab)
    tab.show()  # a hidden tab reads the store again when it is shown, not before
    qtbot.waitUntil(lambda: tab.data is not None, timeout=15_000)
    assert tab.row is None and "No daily flower yet" in tab.day_panel.heading.text()
    assert not tab.prev_button.isEnabled() and not tab.history_button.isEnabled()
    assert "bundled Iris set" in tab.steering.upcoming.text()  # the generator it will really use
    assert tab.params.settings.kind == "mvnormal"
    catch_up(store, TODAY)  # days, but no model to predict them
    sync(tab.state)
    qtbot.waitUntil(lambda: tab.data is not None and len(tab.data) == 31, timeout=15_000)
    assert tab.current_day() == TODAY
    assert tab.day_panel.prediction.text() == "none yet: no active model"
    assert wait_for_all(30_000)


def test_clicking_a_daily_flower_in_a_plot_shows_its_day(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    plot = tab.generator_view.plots[0]
    rows = flower_table.daily_flowers(trained_store)
    item = plot.day_items[0]

    def pixel(flower):
        return plot.mapFromScene(item.mapToScene(pg.Point(flower.petal_length, flower.petal_width)))

    seen = []  # the layout settles after the first paints (axis widths): wait until it stops moving

    def settled() -> bool:
        seen.append(pixel(rows[0].flower))
        return len(seen) > 2 and seen[-1] == seen[-2] == seen[-3]

    qtbot.waitExposed(tab)
    qtbot.waitUntil(settled, timeout=5000)
    spots = np.array([[pixel(r.flower).x(), pixel(r.flower).y()] for r in rows])
    apart = np.linalg.norm(spots[:, None] - spots[None], axis=2) + np.eye(len(rows)) * 1e9
    lonely = [
        r for r, d in zip(rows, apart.min(axis=1)) if d > 12 and r.day != TODAY
    ]  # no other diamond under the cursor
    assert lonely
    for row in lonely[:3]:  # the rings drawn over diamonds (the day shown, wrong days) let clicks through
        at = pixel(row.flower)
        qtbot.mouseMove(plot.viewport(), at)
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=at)
        assert_shows(tab, trained_store, row.day)


def test_keyboard_steps_and_the_choices_are_remembered(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow, timeout=5000)
    tab.day_list.view.setFocus()
    qtbot.keyClick(tab.day_list.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert tab.current_day() == TODAY - DAY
    qtbot.keyClick(tab.day_list.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert tab.current_day() == TODAY

    view = tab.generator_view
    view.pair_x.setCurrentIndex(3)
    view.pair_y.setCurrentIndex(2)
    view.overlay.setCurrentIndex(1)
    tab.day_list.wrong_only.setChecked(True)
    again = make_tab(trained_store)
    assert again.generator_view.plots[1].axes == (3, 2)
    assert again.generator_view.overlay.currentData() == "upcoming"
    assert again.day_list.wrong_only.isChecked()


def test_a_plot_is_exported_as_png_or_svg(make_tab, trained_store, qtbot, tmp_path, monkeypatch):
    from PySide6 import QtWidgets

    tab = make_tab(trained_store)
    for name in ("plot.png", "plot.svg"):
        target = tmp_path / name
        monkeypatch.setattr(
            QtWidgets.QFileDialog, "getSaveFileName", staticmethod(lambda *a, target=target: (str(target), ""))
        )
        tab.generator_view.export(tab.generator_view.plots[1])
        assert target.is_file() and target.stat().st_size > 1000
        assert tab.steering.status.text() == f"Saved the plot to {target}"


def test_a_day_says_how_sure_its_own_generator_is(make_tab, trained_store, qtbot):
    tab = make_tab(trained_store)
    settings = daily.settings_for(trained_store)
    days = flower_table.daily_flowers(trained_store)
    posterior = settings.posterior([r.flower.measurements for r in days])
    for row, p in zip(days, posterior):
        tab.show_date(row.day)
        text = tab.day_panel.generator_view.text()
        top = int(np.argmax(p))
        assert text.startswith(f"{daily.VARIETIES[top].label} {p[top]:.0%}")
        assert ("a hard day" in text) == (p[top] < 0.9)


def test_only_the_days_the_drawn_generator_made(make_tab, trained_store, qtbot):
    daily.set_generator(trained_store, "original")
    catch_up(trained_store, TODAY + 5 * DAY)
    tab = make_tab(trained_store, today=TODAY + 5 * DAY)
    view = tab.generator_view
    plot = view.plots[0]

    def diamonds() -> int:
        return sum(len(item.getData()[0]) for item in plot.day_items)

    assert diamonds() == 36  # every day
    view.only_made.click()
    assert diamonds() == 5  # today's generator (the original bounds) made the last five
    qtbot.mouseClick(tab.prev_button, Qt.MouseButton.LeftButton)
    assert diamonds() == 5
    tab.show_date(TODAY)  # a day of the first generator: its 31 days
    assert diamonds() == 31 and tab.params.settings.kind == "mvnormal"
    view.overlay.setCurrentIndex(1)  # the days to come's generator, whatever the day shown
    assert diamonds() == 5 and tab.params.settings.kind == "original"
    view.only_made.click()
    assert diamonds() == 36


def test_a_long_history_extension_can_be_stopped(make_tab, trained_store, qtbot, monkeypatch):
    from iris_desktop.pipelines import inference

    monkeypatch.setattr(inference, "CHUNK_DAYS", 2)  # many small batches: time to press Stop
    tab = make_tab(trained_store)
    start = TODAY - dt.timedelta(days=3000)
    tab.steering.start.setDate(QDate(start.year, start.month, start.day))
    qtbot.mouseClick(tab.steering.extend, Qt.MouseButton.LeftButton)
    task = tab._task
    assert tab.steering.stop.isVisible() and tab.steering.progress.isVisible()
    qtbot.mouseClick(tab.steering.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task.is_done, timeout=30_000)
    assert task.state == "cancelled"
    qtbot.waitUntil(lambda: tab.steering.status.text().startswith("Stopped"), timeout=5000)
    assert not tab.steering.stop.isVisible()
    days = sorted(stored_days(trained_store))
    assert len(days) < 3001 - 30 and all((b - a).days == 1 for a, b in itertools.pairwise(days))
    assert days[-1] == TODAY and trained_store.meta("history_start") == "2026-05-16"  # not reached
    qtbot.waitUntil(lambda: len(tab.data) == len(days), timeout=15_000)
