"""What the History tab's tests share."""

from __future__ import annotations

import datetime as dt

import pytest

from iris_desktop.ui.runtime.worker import wait_for_all
from tests.conftest import TODAY


@pytest.fixture
def make_tab(qtbot, make_state, reporter):
    """make_tab(store, today=TODAY) -> a shown HistoryTab with its first load drawn."""
    from iris_desktop.ui.tabs.history.tab import HistoryTab

    def make(store, today: dt.date = TODAY) -> HistoryTab:
        tab = HistoryTab(make_state(store, today), reporter)
        qtbot.addWidget(tab)
        tab.resize(1280, 800)
        tab.show()
        qtbot.waitUntil(lambda: tab.data is not None, timeout=10_000)
        return tab

    yield make
    assert wait_for_all(30_000)
