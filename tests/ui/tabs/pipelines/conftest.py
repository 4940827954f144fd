"""The Pipelines tab alone (make_tab) on a real store, with the real action groups; the
daily schedule goes to a crontab file of the test, never the system's scheduler."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QWidget

from iris_desktop.ui.actions.data_actions import DataActions
from iris_desktop.ui.actions.model_actions import ModelActions
from iris_desktop.ui.actions.pipeline_actions import PipelineActions
from iris_desktop.ui.runtime.worker import wait_for_all
from iris_desktop.ui.tabs.pipelines import schedule_target
from iris_desktop.ui.tabs.pipelines.schedule_target import ScheduleTarget
from iris_desktop.ui.tabs.pipelines.tab import PipelinesTab
from tests.conftest import TODAY


@pytest.fixture(autouse=True)
def crontab(tmp_path, monkeypatch):
    """The crontab file every schedule of these tests goes to (and is read from)."""
    path = tmp_path / "crontab"
    monkeypatch.setattr(schedule_target, "DEFAULT", ScheduleTarget(crontab_file=path))
    return path


@pytest.fixture
def make_tab(qtbot, make_state, reporter):
    """make_tab(store, today=TODAY) -> a shown PipelinesTab whose whole log has arrived."""

    def make(store, today: dt.date = TODAY) -> PipelinesTab:
        state = make_state(store, today)
        parent = QWidget()
        qtbot.addWidget(parent)
        made = (parent, state, reporter)
        actions = PipelineActions(*made, DataActions(*made), ModelActions(*made))
        tab = PipelinesTab(state, reporter, actions)
        qtbot.addWidget(tab)
        tab.resize(1400, 900)
        tab.show()
        qtbot.waitUntil(lambda: tab.loaded and tab.schedule is not None, timeout=15_000)
        return tab

    yield make
    assert wait_for_all(30_000)
