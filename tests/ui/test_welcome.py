"""First launch teaches (issue 31): after a first run a panel above the tabs says what
each of the four pipelines did, each line a link to its tab; "Got it" hides it for good;
the second launch does not show it; Help ▸ What the first launch did brings it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from iris_desktop.store import flowers, predictions
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.welcome_panel import DISMISSED_KEY, WelcomeFacts
from tests.conftest import TODAY
from tests.ui.accessibility_probe import unnamed
from tests.ui.conftest import read


def close_questions(window) -> None:
    """The first run's question (schedule the daily run?) answered No, as Escape does."""
    for box in list(window.reporter.dialogs):
        box.reject()


def shown_text(window) -> str:
    return "\n".join(label.text() for label in window.welcome.texts)


def help_item(window) -> QAction:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.text() == strings.MENU_WELCOME)


def close(window, qtbot) -> None:
    window.close()
    window.watcher.stop()
    qtbot.waitUntil(lambda: not window.state.runner.busy, timeout=30_000)


def test_a_first_launch_says_what_each_pipeline_did_and_links_to_its_tab(loaded_window, qtbot):
    window = loaded_window(today=TODAY)  # an empty data folder: the first run
    close_questions(window)
    panel = window.welcome
    assert panel.isVisible()
    days = read(window, flowers.count_by_source)["daily"]
    predicted = read(window, predictions.prediction_count)
    assert read(window, flowers.count_by_source)["backfill"] == 150
    text = shown_text(window)
    assert "stored the 150 flowers of the bundled Iris data set" in text
    assert "Model v1 · k-nearest neighbours (k=5)" in text
    first = TODAY.toordinal() - days + 1
    assert f"generated {days} days, one flower a day, {type(TODAY).fromordinal(first)} to {TODAY}" in text
    assert f"predicted {predicted} days with the active model" in text
    assert "the monitor" in text

    for name in ("Explore", "Train", "Daily", "History", "Pipelines", "Explore"):
        qtbot.mouseClick(panel.links[name], Qt.MouseButton.LeftButton)
        assert window.tabs.tabText(window.tabs.currentIndex()) == name
    assert panel.isVisible()  # the links leave it there: the user reads on
    assert unnamed(window) == []  # every link and the button announced by a name
    assert panel.links["History"].accessibleName() == "Open the History tab"

    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert not panel.isVisible()
    assert app_settings().value(DISMISSED_KEY) in (True, "true")


def test_the_links_work_from_the_keyboard(loaded_window, qtbot):
    window = loaded_window(today=TODAY)
    close_questions(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.welcome.dismiss_button.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.welcome.links["Explore"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.welcome.links["Train"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Train"


def test_the_second_launch_does_not_show_it_and_help_brings_it_back(loaded_window, qtbot):
    first = loaded_window(today=TODAY)
    close_questions(first)
    told = shown_text(first)
    assert first.welcome.isVisible()
    close(first, qtbot)  # closed without "Got it": a later launch still does not show it

    second = loaded_window(today=TODAY)  # the same data folder, set up now
    assert not second.welcome.isVisible()
    assert second.status_label.text() == "Up to date"
    help_item(second).trigger()
    assert second.welcome.isVisible()
    assert shown_text(second) == told  # the first launch's own numbers, kept
    qtbot.mouseClick(second.welcome.links["Pipelines"], Qt.MouseButton.LeftButton)
    assert second.tabs.tabText(second.tabs.currentIndex()) == "Pipelines"
    qtbot.mouseClick(second.welcome.dismiss_button, Qt.MouseButton.LeftButton)
    assert not second.welcome.isVisible()


def test_help_describes_a_store_set_up_elsewhere_from_what_it_holds(loaded_window, trained_store):
    """A store made by the command line: no first run seen here, so nothing kept; Help
    tells what the store holds."""
    window = loaded_window(trained_store, today=TODAY)
    assert not window.welcome.isVisible()
    help_item(window).trigger()
    assert window.welcome.isVisible()
    counts = flowers.count_by_source(trained_store)
    facts = window.welcome.facts
    assert facts == WelcomeFacts.of_state(window.state)
    assert (facts.flowers, facts.days, facts.last_day) == (150, counts["daily"], str(TODAY))
    assert facts.predicted == predictions.prediction_count(trained_store)
    assert "Model v1" in shown_text(window)


def test_a_dismissed_welcome_stays_away_after_another_first_run(loaded_window, qtbot):
    """ "Got it" is remembered in the settings: a new store started under the same settings
    (the data deleted by hand) runs its first run without the panel."""
    app_settings().setValue(DISMISSED_KEY, True)
    window = loaded_window(today=TODAY)
    close_questions(window)
    assert window.status_label.text().startswith("First run")
    assert not window.welcome.isVisible()
    help_item(window).trigger()  # still there when asked for, with this run's numbers
    assert "stored the 150 flowers" in shown_text(window)


def test_facts_in_the_settings_that_this_app_did_not_write_are_ignored():
    assert WelcomeFacts.from_json("not json") is None
    assert WelcomeFacts.from_json('{"flowers": 1}') is None
    facts = WelcomeFacts(150, "Model v1", 3, "2026-06-13", "2026-06-15", 3)
    assert WelcomeFacts.from_json(facts.to_json()) == facts
