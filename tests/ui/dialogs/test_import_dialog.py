"""File ▸ Import as a user meets it: the preview says what the file holds and what would
happen; millimetres, implausible values and repeated flowers are decided there; Cancel
writes nothing; File ▸ Remove an import takes a batch back out."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from iris_desktop import paths
from iris_desktop.store import flowers
from iris_desktop.store.flowers import feature_matrix
from tests.ui.conftest import read

HEADER = "sepal_length,sepal_width,petal_length,petal_width,variety\n"


def open_preview(qtbot, window, path):
    window.data_actions.dialog = None
    window.data_actions.import_csv(str(path))
    qtbot.waitUntil(
        lambda: window.data_actions.dialog is not None and window.data_actions.dialog.isVisible(), timeout=30_000
    )
    return window.data_actions.dialog


def imported(window) -> int:
    return read(window, flowers.count_by_source)["import"]


def test_a_millimetre_file_is_divided_by_ten_by_default(make_window, qtbot, tmp_path):
    window = make_window()
    path = tmp_path / "mm.csv"
    path.write_text(HEADER + "51,35,14,2,setosa\n70,32,47,14,versicolor\n63,33,60,25,virginica\n")
    dialog = open_preview(qtbot, window, path)
    assert dialog.millimetres.isChecked() and "look like millimetres" in dialog.millimetres.text()
    assert not dialog.outliers.isVisibleTo(dialog) and dialog.import_button.isEnabled()

    dialog.millimetres.setChecked(False)  # "no, they are centimetres": no iris is that big
    assert dialog.outliers.isVisibleTo(dialog) and "no iris has" in dialog.outliers.text()
    assert not dialog.import_button.isEnabled()
    dialog.millimetres.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: imported(window) == 3, timeout=30_000)
    X, _ = read(window, feature_matrix, ("import",))
    assert X[0].tolist() == [5.1, 3.5, 1.4, 0.2]


def test_the_kaggle_copy_of_the_stored_set_adds_nothing_unless_kept(make_window, qtbot, tmp_path, store):
    from iris_desktop.pipelines.backfill import backfill

    backfill(store)
    window = make_window(store)
    rows = paths.resource("iris.csv").read_text().splitlines()[1:]
    path = tmp_path / "Iris.csv"
    path.write_text(
        "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species\n"
        + "\n".join(f"{i},{r.rsplit(',', 1)[0]},Iris-{r.rsplit(',', 1)[1]}" for i, r in enumerate(rows, 1))
    )
    dialog = open_preview(qtbot, window, path)
    assert "150" in dialog.skip.text() and dialog.skip.isChecked()
    assert not dialog.import_button.isEnabled() and "nothing new" in dialog.verdict.text()
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.keep.height() // 2))
    assert dialog.import_button.isEnabled(), dialog.verdict.text()
    assert "150 flowers" in dialog.verdict.text()


def test_cancel_writes_nothing(make_window, qtbot, tmp_path):
    window = make_window()
    path = tmp_path / "six.csv"
    path.write_text(HEADER + "5.0,3.3,1.4,0.2,setosa\n6.1,2.8,4.7,1.2,versicolor\n")
    before = read(window, lambda s: list(s.conn.iterdump()))
    dialog = open_preview(qtbot, window, path)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "cancelled" in window.status_label.text())
    assert read(window, lambda s: list(s.conn.iterdump())) == before


def test_remove_an_import_from_the_menu(make_window, qtbot, tmp_path):
    window = make_window()
    path = tmp_path / "six.csv"
    path.write_text(HEADER + "5.0,3.3,1.4,0.2,setosa\n6.1,2.8,4.7,1.2,versicolor\n")
    qtbot.mouseClick(open_preview(qtbot, window, path).import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: imported(window) == 2, timeout=30_000)
    window.data_actions.remove_import()
    qtbot.waitUntil(lambda: getattr(window.data_actions, "picker", None) is not None, timeout=30_000)
    picker = window.data_actions.picker
    offered = picker.comboBoxItems()
    assert offered and offered[0].startswith("six.csv · batch 1") and "2 flowers" in offered[0]
    qtbot.keyClick(picker, Qt.Key.Key_Return)  # the newest import, chosen
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in window.findChildren(QMessageBox)),
        timeout=30_000,
    )
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert "Remove the 2 flowers imported from six.csv" in box.text()
    remove = next(b for b in box.buttons() if b.text() == "&Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: imported(window) == 0, timeout=30_000)
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Removed 2 imported flowers"))


@pytest.mark.parametrize("text", ["", "not,a,csv\nfile\n"])
def test_a_bad_file_says_why_and_writes_nothing(make_window, qtbot, tmp_path, text):
    window = make_window()
    path = tmp_path / "bad.csv"
    path.write_text(text)
    window.data_actions.import_csv(str(path))
    qtbot.waitUntil(lambda: bool(window.reporter.dialogs), timeout=30_000)
    assert window.reporter.dialogs[-1].text().startswith("Nothing was imported")
    assert "bad.csv" in window.reporter.dialogs[-1].text()
    assert imported(window) == 0


def test_a_long_import_shows_its_progress_and_cancel_writes_nothing(make_window, qtbot, tmp_path, monkeypatch):
    """The status bar's bar and Cancel follow the rows written; Cancel in the middle of
    the write rolls it back. The write is held after its first step until Cancel is
    clicked, so the click always lands while rows are being written."""
    from iris_desktop.pipelines import imports

    gate = threading.Event()
    real = imports.import_preview

    def held(store, seen, options, path, progress, should_cancel):
        def told(done: int, total: int) -> None:
            progress(done, total)
            if done:
                gate.wait(30)

        return real(store, seen, options, path, progress=told, should_cancel=should_cancel)

    monkeypatch.setattr(imports, "import_preview", held)
    window = make_window()
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(f"{4.5 + (i % 30) / 10:.1f},3.1,1.4,0.2,setosa\n" for i in range(3000)))
    stored = "SELECT (SELECT count(*) FROM flowers), (SELECT count(*) FROM imports)"
    before = read(window, lambda s: s.conn.execute(stored).fetchone())
    dialog = open_preview(qtbot, window, path)
    bar = window.status_bar
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.cancel_button.isHidden() and bar.progress.value() > 0, timeout=30_000)
    assert window.status_label.text() == "Importing 3,000 rows…" and not bar.progress.isHidden()
    qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not window.state.runner.busy, timeout=30_000)
    qtbot.waitUntil(lambda: "cancelled" in window.status_label.text().lower())
    assert bar.progress.isHidden() and bar.cancel_button.isHidden()
    assert read(window, lambda s: s.conn.execute(stored).fetchone()) == before  # no flower, no batch
    last = read(window, lambda s: s.conn.execute("SELECT pipeline, outcome FROM runs ORDER BY id DESC").fetchone())
    assert tuple(last) == ("import", "cancelled")  # the run log says so


def test_an_import_reports_its_rows_as_it_writes(make_window, qtbot, tmp_path):
    window = make_window()
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "".join(f"{4.5 + (i % 30) / 10:.1f},3.1,1.4,0.2,setosa\n" for i in range(3000)))
    dialog = open_preview(qtbot, window, path)
    told: list[tuple[int, str]] = []
    window.state.runner.progress.connect(lambda pct, text: told.append((pct, text)))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: imported(window) == 3000, timeout=30_000)
    writing = [pct for pct, text in told if text == "Importing 3,000 rows…"]
    assert len(writing) > 10 and writing == sorted(writing) and writing[-1] > 90
