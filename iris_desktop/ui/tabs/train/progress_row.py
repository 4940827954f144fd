"""A long job's progress bar, its Cancel button and its status line, as the Train tab
shows them for a training and for the validation curve."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSizePolicy

from iris_desktop.ui.runtime.i18n import tr


def progress_row(cancel_tip: str) -> tuple[QProgressBar, QPushButton, QLabel]:
    """(bar, hidden until a job runs; Cancel, disabled until then; a word-wrapped status)."""
    bar = QProgressBar()
    bar.setRange(0, 100)
    bar.hide()
    cancel = QPushButton(tr("Cancel"))
    cancel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    cancel.setToolTip(tr("{tip} (Esc)").format(tip=cancel_tip))
    cancel.setEnabled(False)
    text = QLabel()
    text.setWordWrap(True)
    return bar, cancel, text
