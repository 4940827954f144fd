"""The app in Swedish (issue 26): catalogues as complete and current as the code, every
translation keeping its placeholders, numbers written the Swedish way, and the main window
under Swedish showing no English word (what counts as English is read from the catalogue
itself: a word of the English sources that no Swedish translation uses)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from iris_desktop.ui.runtime import i18n
from tests.conftest import TODAY
from tests.ui.conftest import read

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import ts_files  # noqa: E402  (packaging/ is not a package: tasks.py runs it as a script)

CATALOGUES = ROOT / "resources" / "translations"
SWEDISH = CATALOGUES / "iris_desktop_sv.ts"
ENGLISH = CATALOGUES / "iris_desktop_en.ts"

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MARKS = re.compile(r"%L?n|<[^>]+>|&[a-z]+;")
WORD = re.compile(r"[A-Za-zÅÄÖåäöé]{3,}")


def _messages(path: Path) -> dict[tuple[str, str], list[str]]:
    """(source, comment) -> the translation's texts (one per plural form)."""
    found = {}
    for message in ts_files.read(path).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        found[(message.findtext("source", ""), message.findtext("comment", ""))] = forms
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(MARKS.sub(" ", PLACEHOLDER.sub(" ", text)).replace("&", ""))}


def test_every_message_is_translated():
    assert ts_files.unfinished(SWEDISH) == []
    assert ts_files.unfinished(ENGLISH) == []
    assert len(_messages(SWEDISH)) > 1000


def test_the_catalogues_hold_every_string_of_the_code(tmp_path):
    """What pyside6-lupdate finds in the code now is what the Swedish catalogue translates
    (`make translations` brings it up to date)."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "iris_desktop" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)], check=True)
    assert set(_messages(fresh)) == set(_messages(SWEDISH))


def test_a_translation_keeps_its_placeholders_marks_and_mnemonics():
    for (source, _comment), forms in _messages(SWEDISH).items():
        for text in forms:
            assert Counter(PLACEHOLDER.findall(text)) == Counter(PLACEHOLDER.findall(source)), (source, text)
            assert Counter(MARKS.findall(text)) == Counter(MARKS.findall(source)), (source, text)
            assert text.count("&") - text.count("&&") == source.count("&") - source.count("&&"), (source, text)
            assert text.strip(), source


def test_english_spells_out_its_plurals(qapp):
    assert i18n.tr("%Ln flower(s)", None, 1) == "1 flower"
    assert i18n.tr("%Ln flower(s)", None, 100000) == "100,000 flowers"


def test_swedish_words_numbers_and_qt_buttons(qapp):
    """(The _in_english fixture puts English back.)"""
    assert i18n.install("sv") == "sv"
    assert not i18n.missing("sv")
    assert i18n.number(5.1, 1) == "5,1"
    assert i18n.count(100000) == "100\u00a0000"
    assert i18n.percent(0.864) == "86\u00a0%"
    assert i18n.tr("{x:.2f} cm").format(x=4.5) == "4,50 cm"
    assert i18n.tr("%Ln flower(s)", None, 1) == "1 blomma"
    assert i18n.tr("%Ln flower(s)", None, 3) == "3 blommor"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"


def test_the_language_follows_the_system_unless_the_settings_say_otherwise():
    swedish, german = QLocale(QLocale.Language.Swedish, QLocale.Country.Finland), QLocale("de_DE")
    assert i18n.language_for("system", swedish) == "sv"
    assert i18n.language_for("system", german) == "en"
    assert i18n.language_for("sv", german) == "sv"
    assert i18n.language_for("en", swedish) == "en"
    assert i18n.locale_for("sv", swedish).name() == "sv_FI"  # the system's own Swedish
    assert i18n.locale_for("en", QLocale("C")).name() == "en_US"


def test_view_language_keeps_the_choice_for_the_next_start(loaded_window, trained_store, qtbot):
    window = loaded_window(trained_store, today=TODAY)
    actions = window.view_actions.language_actions
    assert actions["system"].isChecked()
    actions["sv"].trigger()
    assert window.settings.value(i18n.LANGUAGE_KEY) == "sv"
    qtbot.waitUntil(lambda: any("Svenska" in box.text() for box in window.reporter.dialogs))
    assert actions["sv"].isChecked() and not actions["en"].isChecked()


def _english_only_words() -> set[str]:
    """Words the English sources use and no Swedish translation does."""
    english, swedish = set(), set()
    for (source, _comment), forms in _messages(SWEDISH).items():
        english |= _words(source)
        for text in forms:
            swedish |= _words(text)
    return english - swedish


def _shown_texts(window) -> list[tuple[str, str]]:
    """(where, text) for every text the window's widgets, actions, tables' headers and
    plots show or announce."""
    shown = []

    def add(where: object, *texts: str) -> None:
        shown.extend((f"{type(where).__name__} {getattr(where, 'objectName', lambda: '')()}", t) for t in texts if t)

    for widget in [window, *window.findChildren(QWidget)]:
        add(widget, widget.toolTip(), widget.statusTip(), widget.accessibleName(), widget.accessibleDescription())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QComboBox):
            add(widget, *(widget.itemText(i) for i in range(widget.count())))
        elif isinstance(widget, QTabWidget):
            add(widget, *(widget.tabText(i) for i in range(widget.count())))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = range(model.columnCount())
            add(widget, *(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns))
        elif isinstance(widget, pg.GraphicsView):
            for item in widget.scene().items():
                if isinstance(item, pg.LabelItem):
                    add(widget, item.text)
                elif isinstance(item, pg.AxisItem):
                    add(widget, item.labelText)
                elif isinstance(item, pg.TextItem):
                    add(widget, item.toPlainText())
    for action in window.findChildren(QAction):
        add(action, action.text(), action.toolTip(), action.statusTip())
    return shown


def test_the_main_window_in_swedish_shows_no_english(loaded_window, trained_store, qtbot):
    i18n.install("sv")
    window = loaded_window(trained_store, today=TODAY)
    english = _english_only_words()
    assert {"flowers", "model", "training", "accuracy"} <= english  # the detector knows English
    # Not words of the window: what the core wrote into the run log (data, shown as
    # stored), the data folder's path, each language's own name, and scikit-learn's
    # option values (identifiers such as log_loss).
    stored = {m for (m,) in read(window, lambda store: store.execute("SELECT message FROM runs").fetchall()) if m}
    not_words = stored | set(i18n.LANGUAGES.values())
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not window.state.runner.busy, timeout=30_000)
        for where, text in _shown_texts(window):
            if text in not_words or str(trained_store.path.parent) in text or re.fullmatch(r"[a-z0-9_]+", text):
                continue
            words = _words(text) & english
            if words:
                found.append(f"{where}: {text!r} ({', '.join(sorted(words))})")
    assert not sorted(set(found)), "\n".join(sorted(set(found)))
    assert window.tabs.tabText(0).replace("&", "") == "Utforska"
