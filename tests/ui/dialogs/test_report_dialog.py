"""File ▸ Export lab report…: the dialog writes the report (gathered in a worker, drawn
and written by ui/report), opens it when asked (the choice remembered), and Cancel,
early or while the pictures are drawn, leaves no file behind."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices

pytest.importorskip("pyqtgraph")

from iris_desktop.ui.actions.report_actions import ReportActions
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.runtime.worker import wait_for_all
from tests.conftest import TODAY


@pytest.fixture
def opened(monkeypatch):
    """The URLs the app asked the desktop to open (nothing is opened for real)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def out(tmp_path):
    """A folder of its own for the report (the store lives in tmp_path/data)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def report_actions(actions, make_state, trained_store):
    acts = actions(ReportActions, make_state(trained_store))
    yield acts
    assert wait_for_all(60_000)


def test_the_dialog_writes_the_report_and_opens_it(report_actions, out, qtbot, opened):
    dialog = report_actions.export_report()
    qtbot.waitExposed(dialog)
    target = out / "lab.html"
    dialog.path.setText(str(target))
    dialog.from_first.setChecked(False)
    dialog.start.setDate(QDate(2026, 6, 1))
    assert dialog.open_when_done.isChecked()  # the default
    dialog.export_button.click()
    assert dialog.busy and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=60_000)  # closed when written
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "days from 2026-06-01 to 2026-06-15" in text
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert [p.name for p in out.iterdir()] == ["lab.html"]  # no partial file left
    assert app_settings().value("report/path") == str(target)


def test_not_opening_is_remembered(report_actions, out, qtbot, opened):
    dialog = report_actions.export_report()
    dialog.open_when_done.setChecked(False)
    dialog.path.setText(str(out / "lab.html"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=60_000)
    assert (out / "lab.html").is_file() and opened == []
    again = report_actions.export_report()
    assert not again.open_when_done.isChecked() and again.path.text() == str(out / "lab.html")
    again.reject()


def test_cancel_at_once_leaves_no_file(report_actions, out, qtbot, opened):
    dialog = report_actions.export_report()
    dialog.path.setText(str(out / "lab.html"))
    dialog.export_button.click()
    task = report_actions.task
    dialog.cancel_button.click()  # while the numbers are gathered
    assert not dialog.busy and dialog.message.text() == "Cancelled: nothing was written."
    assert dialog.isVisible()  # Cancel stopped the export; the dialog stays
    qtbot.waitUntil(lambda: task.is_done, timeout=60_000)
    assert report_actions.writer is None and list(out.iterdir()) == [] and opened == []


def test_cancel_while_the_pictures_are_drawn_leaves_no_file(report_actions, out, qtbot, opened):
    dialog = report_actions.export_report()
    dialog.path.setText(str(out / "lab.pdf"))

    def drawing(value: int) -> None:  # the writer's first step: cancel before it writes
        if value >= 80 and dialog.busy:
            dialog.cancel_button.click()

    dialog.progress.valueChanged.connect(drawing)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() == "Cancelled: nothing was written.", timeout=60_000)
    assert report_actions.writer is not None and report_actions.writer.cancelled
    assert list(out.iterdir()) == [] and opened == []


def test_a_wrong_suffix_or_reversed_days_are_said_in_the_dialog(report_actions, out, qtbot):
    dialog = report_actions.export_report()
    dialog.path.setText(str(out / "lab.docx"))
    dialog.export_button.click()
    assert ".html or .pdf" in dialog.message.text() and not dialog.busy and report_actions.task is None
    dialog.path.setText(str(out / "lab.html"))
    dialog.from_first.setChecked(False)
    dialog.start.setDate(QDate(2026, 6, 10))
    dialog.end.setDate(QDate(2026, 6, 5))
    dialog.export_button.click()
    assert "is after the last" in dialog.message.text() and report_actions.task is None
    assert dialog.days() == (dt.date(2026, 6, 10), dt.date(2026, 6, 5))
    assert dialog.end.maximumDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    dialog.reject()
