"""The Pipelines tab for a screen reader and the keyboard (tests/ui/accessibility_probe.py):
every control named, Tab visits each once in reading order."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import TODAY
from tests.ui.accessibility_probe import focusable, interactive_widgets, reading_order_breaks, spoken_name, tab_chain
from tests.ui.accessibility_probe import unnamed as unnamed_in


def test_every_control_is_named_and_tab_visits_each_once_in_reading_order(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    window.resize(1400, 900)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_tab("Pipelines")
    tab = window.tab("Pipelines")
    qtbot.waitUntil(lambda: tab.loaded and not window.state.runner.busy, timeout=30_000)
    assert len(interactive_widgets(tab)) >= 17 and unnamed_in(tab) == []
    QApplication.processEvents()
    chain = tab_chain(qtbot, tab)
    reachable = [w for w in tab.findChildren(QWidget) if focusable(w, tab)]
    assert len(chain) == len(set(chain))
    assert set(chain) == set(reachable), [spoken_name(w) for w in reachable if w not in chain]
    assert reading_order_breaks(chain) == []
    assert all(spoken_name(w) for w in chain)
