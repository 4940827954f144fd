"""Writing the lab report: its pictures drawn one by one, then the document written as
HTML (self-contained) or PDF (Qt's own text engine and PDF writer: no new dependency).
The app draws one picture per turn of the event loop (ReportWriter), so the window
answers meanwhile and Cancel works; the command line draws them in a row (write_report)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from iris_desktop.errors import Cancelled, InvalidValue, UserError
from iris_desktop.pipelines.report_data import ReportData
from iris_desktop.ui.report import document, pictures
from iris_desktop.ui.runtime.i18n import tr

FORMATS = (".html", ".htm", ".pdf")


def check_destination(path: str | os.PathLike[str]) -> Path:
    """The file to write, if its format is known and its folder exists (else one line,
    in the app's language: the command line installs no translation, so it reads English)."""
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        suffix = repr(target.suffix) if target.suffix else repr(tr("no suffix"))
        raise InvalidValue(
            tr("{file}: a report is written as .html or .pdf, not {suffix}").format(file=target.name, suffix=suffix)
        )
    if not target.parent.is_dir():
        raise UserError(
            tr("cannot write {file}: the folder {folder} does not exist").format(file=target, folder=target.parent)
        )
    return target


def _steps(data: ReportData) -> Iterator[tuple[str, Callable[[], bytes | None]]]:
    yield "scatter_matrix", lambda: pictures.scatter_matrix(data)
    yield "test_confusion", lambda: pictures.test_confusion(data)
    yield "validation_curve", lambda: pictures.validation_curve(data)
    yield "daily_flowers", lambda: pictures.daily_flowers(data)
    yield "accuracy", lambda: pictures.accuracy(data)
    yield "monitor_confusion", lambda: pictures.monitor_confusion(data)
    yield "drift", lambda: pictures.drift(data)
    for i, facts in enumerate(data.worst):
        yield f"worst_{i}", partial(pictures.worst_day, facts)


def write_report(data: ReportData, path: str | os.PathLike[str]) -> Path:
    """Draw every picture and write the report to `path` (.html or .pdf)."""
    target = check_destination(path)
    drawn = {name: draw() for name, draw in _steps(data)}
    return _write(data, drawn, target)


def _write(data: ReportData, drawn: document.Pictures, target: Path) -> Path:
    partial = target.with_name(f".{target.name}.partial")
    try:
        if target.suffix.lower() == ".pdf":
            _write_pdf(data, drawn, partial)
        else:
            partial.write_text(document.build(data, drawn, inline=True), encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        raise UserError(tr("cannot write {file}: {problem}").format(file=target, problem=exc.strerror or exc)) from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def _write_pdf(data: ReportData, drawn: document.Pictures, path: Path) -> None:
    doc = QTextDocument()
    for name, png in drawn.items():
        if png is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
    doc.setHtml(document.build(data, drawn, inline=False))
    writer = QPdfWriter(str(path))
    writer.setResolution(96)  # the document's pixels are screen pixels: lay it out at that scale
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.title())
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(tr("the PDF writer wrote nothing to {file}").format(file=path))


class ReportWriter(QObject):
    """Draws the pictures one per turn of the event loop, then writes the file."""

    progress = Signal(int, str)
    finished = Signal(object)  # the Path written
    failed = Signal(object)  # the exception

    def __init__(self, data: ReportData, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data, self.path = data, path
        self._steps = list(_steps(data))
        self._drawn: document.Pictures = {}
        self.cancelled = False

    def start(self) -> None:
        QTimer.singleShot(0, self._next)

    def cancel(self) -> None:
        self.cancelled = True

    def _next(self) -> None:
        if self.cancelled:
            self.failed.emit(Cancelled(tr("the report was cancelled; nothing was written")))
            return
        try:
            if self._steps:
                name, draw = self._steps.pop(0)
                done = len(self._drawn)
                self.progress.emit(
                    80 + 18 * done // (done + len(self._steps) + 1), tr("Drawing the report's pictures…")
                )
                self._drawn[name] = draw()
                QTimer.singleShot(0, self._next)
                return
            self.progress.emit(99, tr("Writing the report…"))
            self.finished.emit(_write(self.data, self._drawn, self.path))
        except Exception as exc:  # said through the reporter, like a task's failure
            self.failed.emit(exc)
