"""What the user is told: a line in the status bar, a question, a failure. Expected
failures (iris_desktop.errors.UserError) are a plain warning; anything else is logged to
a rotating file and shown with its details. Dialogs never block: the app, its timers and
its workers keep running while one is open."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable

from PySide6 import QtCore, QtWidgets  # QMessageBox, Qt looked up when first needed: cheaper start
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from iris_desktop import paths
from iris_desktop.ui.runtime.i18n import tr

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
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)


class ErrorReporter(QObject):
    """Shows errors in dialogs and lines in the status bar; also reachable from
    sys.excepthook. Tabs and actions get it to speak to the user.

    The same message again while its dialog is open is counted in that dialog rather
    than opening another one (an exception in a per-step slot would otherwise open one
    per slider step). Every occurrence is logged. Dialogs are deleted when closed."""

    reported = Signal(str, str)  # message, details: an unexpected error
    statusChanged = Signal(str)  # a line for the status bar

    def __init__(self, parent_widget: Callable[[], QWidget | None]):
        super().__init__()
        self._parent = parent_widget
        self.dialogs: list = []  # the open QMessageBoxes
        self._open: dict[tuple[str, str], list] = {}  # (title, message) -> [box, count]
        self.interactive = True  # False in --self-test: errors are recorded, not shown

    def install(self) -> None:
        sys.excepthook = self._excepthook

    def _excepthook(self, kind, exc, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(exc, "".join(traceback.format_exception(kind, exc, tb)))

    def report(self, exc: BaseException, details: str = "", title: str | None = None) -> None:
        """An unexpected error: logged, and shown with its details under `title` (default
        "Something went wrong")."""
        title = tr("Something went wrong") if title is None else title
        message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        setup_logging()
        log.error("%s\n%s", message, details)
        self.reported.emit(message, details)
        if self.interactive:
            self.show(title, message, details)

    def status(self, text: str) -> None:
        """One line in the status bar (the window shows it)."""
        self.statusChanged.emit(text)

    def failure(self, what: str, exc: BaseException, details: str = "") -> None:
        """`what` ("Import", "Training"...) failed: a UserError as a plain warning with its
        message (and what to do about it), anything else with its details."""
        from iris_desktop.errors import user_message

        message = user_message(exc)
        failed = tr("{what} failed").format(what=what)
        self.status(failed)
        if message is None:
            self.report(exc, details, failed)
        else:
            self.show(failed, _with_advice(exc, message), level="warning")

    def ask(
        self,
        title: str,
        message: str,
        yes: str,
        no: str,
        on_yes: Callable[[], object],
        destructive: bool = False,
        on_no: Callable[[], object] | None = None,
    ):
        """A non-blocking question: `on_yes` runs if the user picks `yes`, `on_no` if not
        (Escape too); before anything `destructive`, Enter picks `no`. Returns the box
        (None when nobody is there to answer: a headless run)."""
        if not self.interactive:
            return None
        Box = QtWidgets.QMessageBox
        box = Box(Box.Icon.Question, title, message, Box.StandardButton.NoButton, self._parent())
        accept = box.addButton(yes, Box.ButtonRole.DestructiveRole if destructive else Box.ButtonRole.AcceptRole)
        reject = box.addButton(no, Box.ButtonRole.RejectRole)
        box.setDefaultButton(reject if destructive else accept)
        box.setEscapeButton(reject)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: on_yes() if button is accept else on_no and on_no())
        box.open()
        return box

    def show(self, title: str, message: str, details: str = "", level: str = "critical"):
        """A non-blocking QMessageBox (level: critical, warning or information): the app,
        its timers and its workers keep running. Returns the box (an earlier one if this
        repeats it)."""
        key = (title, message)
        repeated = self._open.get(key)
        if repeated is not None:
            box, repeated[1] = repeated[0], repeated[1] + 1
            box.setText(tr("{message}\n\n(This happened {times} times.)").format(message=message, times=repeated[1]))
            return box
        Box = QtWidgets.QMessageBox
        icon = {"critical": Box.Icon.Critical, "warning": Box.Icon.Warning, "information": Box.Icon.Information}[level]
        box = Box(icon, title, message, Box.StandardButton.Ok, self._parent())
        if details:
            box.setInformativeText(
                tr("The app is still running. The details are also in the log ({log}).").format(
                    log=paths.logs_dir() / "iris-desktop.log"
                )
            )
            box.setDetailedText(details)
        box.setModal(False)
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _=0, b=box, k=key: self._closed(b, k))
        self.dialogs.append(box)
        self._open[key] = [box, 1]
        box.show()
        return box

    def _closed(self, box, key) -> None:
        if box in self.dialogs:
            self.dialogs.remove(box)
        if self._open.get(key, [None])[0] is box:
            del self._open[key]


def _with_advice(exc: BaseException, message: str) -> str:
    """The message, and what the user can do about the failures that have a next step."""
    from iris_desktop.pipelines.csv_text import CsvImportError
    from iris_desktop.pipelines.imports import AlreadyImportedError
    from iris_desktop.store import CorruptDatabaseError

    if isinstance(exc, CorruptDatabaseError):
        return tr(
            "{message}.\n\nQuit and start Iris Desktop again: the damaged file is then moved aside and "
            "the newest backup offered. (File ▸ Restore from backup… restores one now.)"
        ).format(message=message)
    if isinstance(exc, (CsvImportError, AlreadyImportedError)):
        return tr("Nothing was imported.\n\n{message}").format(message=message)
    return message
