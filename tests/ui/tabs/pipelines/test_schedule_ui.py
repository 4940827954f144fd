"""The daily schedule from the app: the dialog shows what installing writes before it
installs, installs into the test's crontab file and reads the status back, removes it
byte for byte; a first run asks once (default No); a scheduled run that did not happen
is said once in the status bar, and in the tab while it holds."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QMessageBox

from iris_desktop.pipelines import operations
from iris_desktop.pipelines.runs import triggered
from iris_desktop.pipelines.schedule import cron, job_for
from iris_desktop.pipelines.schedule.common import carry_out
from iris_desktop.ui.actions.pipeline_actions import OFFERED
from iris_desktop.ui.runtime.settings import settings as app_settings
from iris_desktop.ui.tabs.pipelines.schedule_target import ScheduleTarget
from tests.conftest import TODAY
from tests.ui.accessibility_probe import unnamed

BEFORE = "MAILTO=me@example.org\n0 1 * * * /usr/local/bin/backup --quiet\n"
QUESTION = "Run the daily pipeline even when the app is closed?"


def test_the_dialog_shows_what_it_installs_then_installs_and_removes_it(make_tab, trained_store, crontab, qtbot):
    crontab.write_text(BEFORE, encoding="utf-8")
    tab = make_tab(trained_store)
    data_dir = trained_store.path.parent
    dialog = tab.menu_actions.schedule_daily_run()
    qtbot.waitUntil(lambda: "catch-up --scheduled" in dialog.plan_text.toPlainText())
    assert unnamed(dialog) == []
    dialog.time.setTime(QTime(6, 30))
    qtbot.waitUntil(lambda: "    30 6 * * * " in dialog.plan_text.toPlainText())
    plan = dialog.plan_text.toPlainText()
    assert plan.startswith(f"write {crontab}:\n    MAILTO=me@example.org\n")
    assert f"--data-dir {data_dir} catch-up --scheduled" in plan
    assert crontab.read_text(encoding="utf-8") == BEFORE  # shown, not installed
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not scheduled"))
    assert not dialog.remove_button.isEnabled()

    qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Scheduled: cron"), timeout=10_000)
    text = crontab.read_text(encoding="utf-8")
    assert text.startswith(BEFORE) and "30 6 * * * " in text and "catch-up --scheduled" in text
    assert "Every day at 06:30" in dialog.status.text()
    daily = tab.flow.boxes["daily"]
    qtbot.waitUntil(lambda: daily.next.text().startswith("Next run: ") and daily.next.text().endswith(" 06:30 (cron)"))

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not scheduled"), timeout=10_000)
    assert crontab.read_bytes() == BEFORE.encode()
    qtbot.waitUntil(lambda: daily.next.text().startswith("Not scheduled"))
    dialog.close()


def installed_before(crontab, data_dir, when: dt.datetime) -> None:
    """A 00:05 schedule in `crontab`, installed at `when`."""
    backend = ScheduleTarget(crontab_file=crontab).make()
    assert isinstance(backend, cron.Cron)
    carry_out(backend.install_plan(job_for(data_dir, dt.time(0, 5)), now=when), backend.runner)


def test_a_missed_scheduled_run_is_said_once(make_tab, trained_store, crontab, reporter, qtbot):
    tab = make_tab(trained_store)
    assert not tab.notice.isVisible()
    said: list[str] = []
    reporter.statusChanged.connect(said.append)
    noon = dt.datetime.combine(TODAY, dt.time(12, 0)).astimezone()
    installed_before(crontab, trained_store.path.parent, noon - dt.timedelta(days=5))
    tab.now = lambda: noon
    task = tab.check_schedule()
    qtbot.waitUntil(lambda: task.is_done and tab.notice.isVisible())
    missed = f"The scheduled catch-up of {TODAY} 00:05 did not run (no scheduled run is recorded)"
    assert tab.notice.text().startswith(missed)
    assert said == [missed]
    again = tab.check_schedule()
    qtbot.waitUntil(lambda: again.is_done)
    assert tab.notice.isVisible() and said == [missed]  # said once; the tab still shows it

    with triggered("scheduler"):  # the scheduler's catch-up ran (late): nothing is missed any more
        operations.catch_up(trained_store, TODAY)
    last = tab.check_schedule()
    qtbot.waitUntil(lambda: last.is_done)
    assert not tab.notice.isVisible() and said == [missed]


def question_box(window) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible() and b.windowTitle() == QUESTION]
    return boxes[0] if boxes else None


def test_a_first_run_asks_once_and_no_is_the_default(loaded_window, crontab, qtbot):
    window = loaded_window(today=TODAY)  # an empty data folder: the first run
    qtbot.waitUntil(lambda: question_box(window) is not None)
    box = question_box(window)
    assert box.defaultButton().text() == "No"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: question_box(window) is None)
    assert app_settings().value(OFFERED) == "no"
    assert not crontab.exists()  # nothing installed
    window.pipeline_actions.offer_schedule()  # asked once only
    assert question_box(window) is None


def test_yes_shows_the_schedule_before_anything_is_installed(loaded_window, crontab, qtbot):
    window = loaded_window(today=TODAY)
    qtbot.waitUntil(lambda: question_box(window) is not None)
    box = question_box(window)
    show = next(b for b in box.buttons() if b.text() == "Show the schedule…")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    dialog = window.pipeline_actions.dialog
    qtbot.waitUntil(lambda: dialog is not None and "catch-up --scheduled" in dialog.plan_text.toPlainText())
    assert not crontab.exists() and app_settings().value(OFFERED) == "yes"
    dialog.close()
