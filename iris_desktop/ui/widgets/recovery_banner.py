"""The banner above the tabs while a recovery has not been acknowledged: the database
was moved aside, restored from a backup or started anew, possibly by a cron catch-up
nobody watched (store/recovery_notes.py). It stays, start after start, until the user
presses "I have seen this" (the same as `iris-desktop info --ack-recovery`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from iris_desktop.ui.runtime.i18n import tr


class RecoveryBanner(QFrame):
    acknowledged = Signal()  # the user has seen it (the window forgets the note in a worker)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("RecoveryBanner { background: palette(alternate-base); }")
        self.setAccessibleName(tr("Database recovery notice"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.seen_button = QPushButton(tr("I have &seen this"))
        self.seen_button.setToolTip(tr("Stop showing this notice (the command line stops mentioning it too)"))
        self.seen_button.clicked.connect(self._seen)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.seen_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_note(self, said: str | None) -> None:
        """Show the note (`RecoveryNote.said()`), or hide the banner when there is none."""
        if not said:
            self.hide()
            return
        self.text.setText(tr("<b>The database was recovered</b>: {note}.").format(note=_escaped(said)))
        self.text.setAccessibleName(self.text.text())
        self.show()

    def _seen(self) -> None:
        self.hide()
        self.acknowledged.emit()


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
