"""Predict remembers its last flower (issue 31): the four measurements the user set are
kept in the settings and on the sliders again at the next start; while a day is pinned
by "Explain in Predict" it is the user's own values that are kept, not the day's."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from PySide6.QtCore import Qt

pytest.importorskip("pyqtgraph")

from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.tabs.predict.remembered_flower import KEY, parse
from tests.conftest import TODAY

SL, SW, PL, PW = range(4)


def predict_of(loaded_window, store, qtbot):
    window = loaded_window(store, today=TODAY)
    window.show_tab("Predict")
    tab = window.tab("Predict")
    qtbot.waitUntil(lambda: not tab.map.regions_pending, timeout=10_000)
    return window, tab


def close(window, qtbot) -> None:
    window.close()
    window.watcher.stop()
    qtbot.waitUntil(lambda: not window.state.runner.busy, timeout=30_000)


def test_the_sliders_come_back_as_the_user_left_them(loaded_window, trained_store, qtbot):
    window, tab = predict_of(loaded_window, trained_store, qtbot)
    start = tab.values()
    tab.fields[PL].spin.setFocus()
    tab.fields[PL].spin.selectAll()
    qtbot.keyClicks(tab.fields[PL].spin, "4.9")
    qtbot.keyClick(tab.fields[PL].spin, Qt.Key.Key_Return)  # a number typed and Enter
    for _ in range(3):
        qtbot.keyClick(tab.fields[SW].slider, Qt.Key.Key_Right)  # three arrow steps: +0.3 cm
    qtbot.keyClick(tab.fields[PW].slider, Qt.Key.Key_PageUp)  # a page: +0.5 cm
    left = tab.values()
    assert left[PL] == 4.9
    assert np.allclose([left[SW] - start[SW], left[PW] - start[PW]], [0.3, 0.5])
    close(window, qtbot)  # at once, before the pause that saves a drag
    assert parse(app_settings().value(KEY)) == pytest.approx(left)

    _again, tab = predict_of(loaded_window, trained_store, qtbot)
    assert tab.values() == pytest.approx(left)
    assert tab.prediction_label.text() in ("Setosa", "Versicolor", "Virginica")  # predicted as usual


def test_a_change_is_saved_a_moment_later_without_closing(loaded_window, trained_store, qtbot):
    _window, tab = predict_of(loaded_window, trained_store, qtbot)
    qtbot.keyClick(tab.fields[SL].slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: parse(app_settings().value(KEY)) == pytest.approx(tab.values()), timeout=5000)


def test_a_pinned_day_keeps_the_users_own_values(loaded_window, trained_store, qtbot):
    window, tab = predict_of(loaded_window, trained_store, qtbot)
    mine = (6.1, 2.9, 4.4, 1.3)
    tab.set_values(mine)
    day = TODAY - dt.timedelta(days=2)
    window.state.explainRequested.emit(day, None)
    qtbot.waitUntil(lambda: tab.pinned.facts is not None, timeout=20_000)
    assert tab.values() != pytest.approx(mine)  # the day's flower is on the sliders
    close(window, qtbot)
    assert parse(app_settings().value(KEY)) == pytest.approx(mine)

    _again, tab = predict_of(loaded_window, trained_store, qtbot)
    assert not tab.pinned.active and tab.values() == pytest.approx(mine)


@pytest.mark.parametrize("kept", ["nonsense", "1,2,3", "5.1,3.5,1.4,-2", "5.1,3.5,1.4,nan"])
def test_what_this_app_did_not_write_is_ignored(loaded_window, trained_store, qtbot, kept):
    app_settings().setValue(KEY, kept)
    _window, tab = predict_of(loaded_window, trained_store, qtbot)
    assert tab.values() == pytest.approx(tuple(tab._start))  # the stored flowers' mean, as before
