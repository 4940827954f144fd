"""Unexpected errors: logged to a rotating file and shown in a dialog; the app keeps running."""
from __future__ import annotations

import logging
import sys
import traceback
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6 import QtWidgets  # QMessageBox is looked up when first needed: cheaper start
from PySide6.QtWidgets import QWidget

from iris_desktop import paths

log = logging.getLogger("iris_desktop")


def setup_logging() -> None:
    """A rotating log in the per-user log folder (1 MB x 3); falls back to stderr.

    Calling it again after the data folder changed moves the log there."""
    import logging.handlers  # not needed before the first paint

    target = paths.logs_dir() / "iris-desktop.log"
    for old in list(log.handlers):
        if getattr(old, "baseFilename", None) == str(target):
            return
        log.removeHandler(old)
        old.close()
    log.setLevel(logging.INFO)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)


class ErrorReporter(QObject):
    """Shows one dialog per error; also reachable from sys.excepthook and workers."""

    reported = Signal(str, str)  # message, details

    def __init__(self, parent_widget: Callable[[], QWidget | None]):
        super().__init__()
        self._parent = parent_widget
        self.dialogs: list = []  # the open QMessageBoxes
        self.interactive = True  # False in --self-test: errors are recorded, not shown

    def install(self) -> None:
        sys.excepthook = self._excepthook

    def _excepthook(self, kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(exc, "".join(traceback.format_exception(kind, exc, tb)))

    def report(self, exc: BaseException, details: str = "", title: str = "Something went wrong") -> None:
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        setup_logging()
        log.error("%s\n%s", message, details)
        self.reported.emit(message, details)
        if self.interactive:
            self.show(title, message, details)

    def show(self, title: str, message: str, details: str = "", level: str = "critical"):
        """A non-blocking QMessageBox (level: critical, warning or information): the app,
        its timers and its workers keep running."""
        Box = QtWidgets.QMessageBox
        icon = {"critical": Box.Icon.Critical, "warning": Box.Icon.Warning,
                "information": Box.Icon.Information}[level]
        box = Box(icon, title, message, Box.StandardButton.Ok, self._parent())
        if details:
            box.setInformativeText("The app is still running. The details are also in the log "
                                   f"({paths.logs_dir() / 'iris-desktop.log'}).")
            box.setDetailedText(details)
        box.setModal(False)
        box.finished.connect(lambda _=0, b=box: self.dialogs.remove(b) if b in self.dialogs else None)
        self.dialogs.append(box)
        box.show()
        return box
