"""A store the start-up cannot open, as the window handles it (the start-up opens it in a
worker): a damaged file moved aside and a backup offered, hand-edited contents, a file
from a newer version. Driven as a user would: the window starts, a question appears,
a button is clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from iris_desktop import paths
from iris_desktop.store import Store, backups, predictions, recovery_notes
from tests.conftest import TODAY
from tests.store.test_backups import counts, damage_page
from tests.ui.conftest import read


def start(window) -> list[tuple[str, str]]:
    """Show the window and start it up; returns the list its give-ups land in."""
    gave_up: list[tuple[str, str]] = []
    window.gaveUp.connect(lambda title, text: gave_up.append((title, text)))
    window.show()
    window.start_loading()
    return gave_up


def box_titled(window, title: str) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.windowTitle() == title and b.isVisible()]
    return boxes[0] if boxes else None


def click(qtbot, box: QMessageBox, text: str) -> None:
    (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_damaged_file_is_moved_aside_and_a_new_store_started(make_window, qtbot):
    db = paths.database_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database at all" * 100)
    window = make_window(today=TODAY)
    start(window)
    qtbot.waitUntil(lambda: window.state.ready, timeout=120_000)  # no backup: a first run on a new file
    told = box_titled(window, "The database was damaged")
    assert told is not None and "kept as" in told.text() and "A new database was started" in told.text()
    aside = [p for p in db.parent.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert read(window, predictions.prediction_count) == 31


def test_a_damaged_file_is_replaced_by_the_newest_backup_when_the_user_agrees(make_window, trained_store, qtbot):
    backups.daily_backup(trained_store)
    before = counts(trained_store)
    trained_store.close()
    damage_page(paths.database_path(), "predictions")
    window = make_window(today=TODAY)
    start(window)
    qtbot.waitUntil(lambda: box_titled(window, "Restore a backup?") is not None, timeout=60_000)
    question = box_titled(window, "Restore a backup?")
    assert "Restore the newest backup" in question.text() and "daily" in question.text()
    assert not window.state.ready  # nothing goes on before the answer
    click(qtbot, question, "Restore")
    qtbot.waitUntil(lambda: window.state.ready, timeout=60_000)
    assert box_titled(window, "The database was damaged") is None  # nothing more to say: the data is back
    with Store.open(paths.database_path()) as store:
        assert counts(store) == before


def test_hand_edited_contents_offer_the_newest_backup(make_window, trained_store, qtbot):
    backups.daily_backup(trained_store)
    trained_store.execute("DROP TABLE predictions")
    trained_store.close()
    from iris_desktop.store import database

    database._checked.clear()  # as a new process would
    declined = make_window(today=TODAY)
    gave_up = start(declined)
    qtbot.waitUntil(lambda: box_titled(declined, "Restore a backup?") is not None, timeout=60_000)
    click(qtbot, box_titled(declined, "Restore a backup?"), "Do not restore")
    qtbot.waitUntil(lambda: bool(gave_up), timeout=10_000)
    assert "the table predictions is missing" in gave_up[0][1] and "Nothing was changed" in gave_up[0][1]
    told = box_titled(declined, "The database cannot be used")
    assert told is not None
    told.close()
    qtbot.waitUntil(lambda: not declined.isVisible())  # the app ends

    agreed = make_window(today=TODAY)
    start(agreed)
    qtbot.waitUntil(lambda: box_titled(agreed, "Restore a backup?") is not None, timeout=60_000)
    click(qtbot, box_titled(agreed, "Restore a backup?"), "Restore")
    qtbot.waitUntil(lambda: agreed.state.ready, timeout=60_000)
    assert read(agreed, predictions.prediction_count) == 31


def test_a_store_from_a_newer_version_is_left_untouched(make_window, qtbot):
    with Store.open(paths.database_path()) as store:
        store.execute("PRAGMA user_version = 99")
    before = paths.database_path().read_bytes()
    window = make_window(today=TODAY)
    gave_up = start(window)
    qtbot.waitUntil(lambda: bool(gave_up), timeout=60_000)
    assert gave_up[0][0] == "The database cannot be opened" and "newer Iris Desktop" in gave_up[0][1]
    assert paths.database_path().read_bytes() == before


def test_an_emptied_file_is_restored_and_the_banner_stays_until_seen(make_window, trained_store, qtbot):
    backups.daily_backup(trained_store)
    trained_store.close()
    db = paths.database_path()
    db.write_bytes(b"")  # truncated: not a new database, since the folder holds a backup
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    window = make_window(today=TODAY)
    start(window)
    qtbot.waitUntil(lambda: box_titled(window, "Restore a backup?") is not None, timeout=60_000)
    assert "empty (0 bytes)" in box_titled(window, "Restore a backup?").text()
    click(qtbot, box_titled(window, "Restore a backup?"), "Restore")
    qtbot.waitUntil(lambda: window.state.ready, timeout=60_000)
    banner = window.recovery_banner
    qtbot.waitUntil(banner.isVisible)
    assert "empty (0 bytes)" in banner.text.text() and "was restored" in banner.text.text()
    assert read(window, predictions.prediction_count) == 31

    qtbot.mouseClick(banner.seen_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    qtbot.waitUntil(lambda: window.status_label.text() == "The recovery notice will not be shown again")
    with Store.open(db) as store:
        assert recovery_notes.read_note(store) is None


def test_a_new_store_beside_a_damaged_one_shows_the_banner_at_every_start(make_window, qtbot):
    db = paths.database_path()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database at all" * 100)
    for attempt in range(2):
        window = make_window(today=TODAY)
        start(window)
        qtbot.waitUntil(lambda w=window: w.state.ready, timeout=120_000)
        banner = window.recovery_banner
        assert banner.isVisible(), attempt
        assert "a damaged database was moved aside as iris.sqlite3.damaged-" in banner.text.text()
        window.close()
