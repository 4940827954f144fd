"""The run log as a table model: every run kept (up to 10,000), newest first, filtered
by pipeline, outcome and text. The runs are held as they were read, with their pipeline
and outcome as numpy codes, so a filter is one numpy expression and a cell is formatted
only when the view asks for it (the ~30 rows on screen), never 10,000 items up front.

After a change only the newest runs are read (jobs.read_runs); `merge` puts them in
front and updates the ones that ended. A window that does not fit what is shown (the
log was replaced by a restore) says so, and the tab reads the whole log again."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from iris_desktop.store.runs import FAILURES, FOLD_EVERY, KEEP, RunRecord
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.pipelines import run_text
from iris_desktop.ui.widgets import colors

if TYPE_CHECKING:  # PySide6's stub says QT_TR_NOOP returns object; it returns its str argument

    def QT_TR_NOOP(message: str, /) -> str: ...
else:
    from PySide6.QtCore import QT_TR_NOOP

COLUMNS = (  # the headers, translated when shown
    QT_TR_NOOP("Started"),
    QT_TR_NOOP("Pipeline"),
    QT_TR_NOOP("Trigger"),
    QT_TR_NOOP("Outcome"),
    QT_TR_NOOP("Duration"),
    QT_TR_NOOP("Rows in"),
    QT_TR_NOOP("Rows out"),
    QT_TR_NOOP("Model"),
    QT_TR_NOOP("Message"),
)
NUMERIC = {4, 5, 6, 7}
FAILURES_CHOICE = "failures"  # the outcome filter's "failed or interrupted"
MOST = KEEP + FOLD_EVERY  # the most runs the table holds between two folds


class RunLogModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.records: list[RunRecord] = []  # newest first
        self._codes: dict[str, int] = {}  # pipeline and outcome names -> small ints
        self._pipeline = np.empty(0, dtype=np.int32)
        self._outcome = np.empty(0, dtype=np.int32)
        self._index: dict[int, int] = {}  # run id -> position in records
        self._rows = np.empty(0, dtype=np.intp)  # the positions shown, in order
        self.pipeline: str | None = None
        self.outcome: str | None = None  # an outcome, FAILURES_CHOICE, or None: any
        self.text = ""

    # ---- content ----------------------------------------------------------------------

    def replace(self, records: list[RunRecord]) -> None:
        """The whole log, newest first."""
        self.records = list(records[:MOST])
        self._pipeline = self._coded([r.pipeline for r in self.records])
        self._outcome = self._coded([r.outcome for r in self.records])
        self._reindex()
        self._refilter()

    def merge(self, window: list[RunRecord]) -> bool:
        """The newest runs (newest first) over what is shown: new ones in front, those
        that changed (ended) updated. False if they do not fit (a run shown under the
        same id started at another time, or an id never seen below the newest): then
        nothing changes, and the whole log must be read."""
        newest = self.newest_id
        fresh = [r for r in window if newest is None or r.id > newest]
        changed: list[tuple[int, RunRecord]] = []
        for run in window:
            if newest is None or run.id > newest:
                continue
            at = self._index.get(run.id)
            if at is None or self.records[at].started != run.started:
                return False
            if self.records[at] != run:
                changed.append((at, run))
        if not fresh and not changed:
            return True
        for at, run in changed:
            self.records[at] = run
            self._outcome[at] = self._code(run.outcome)
        if fresh:
            self.records[:0] = fresh
            self._pipeline = np.concatenate([self._coded([r.pipeline for r in fresh]), self._pipeline])
            self._outcome = np.concatenate([self._coded([r.outcome for r in fresh]), self._outcome])
            if len(self.records) > MOST:  # what the store folds away goes here too
                del self.records[MOST:]
                self._pipeline, self._outcome = self._pipeline[:MOST], self._outcome[:MOST]
            self._reindex()
        self._refilter()
        return True

    @property
    def newest_id(self) -> int | None:
        return self.records[0].id if self.records else None

    @property
    def oldest_running(self) -> int | None:
        running = np.flatnonzero(self._outcome == self._codes.get("running", -1))
        return self.records[int(running[-1])].id if len(running) else None

    def _code(self, name: str) -> int:
        return self._codes.setdefault(name, len(self._codes))

    def _coded(self, names: list[str]) -> np.ndarray:
        return np.fromiter((self._code(n) for n in names), dtype=np.int32, count=len(names))

    def _reindex(self) -> None:
        self._index = {run.id: i for i, run in enumerate(self.records)}

    # ---- filter -----------------------------------------------------------------------

    def set_filter(self, pipeline: str | None, outcome: str | None, text: str) -> None:
        self.pipeline, self.outcome, self.text = pipeline, outcome, text.strip().lower()
        self._refilter()

    def _refilter(self) -> None:
        keep = np.ones(len(self.records), dtype=bool)
        if self.pipeline is not None:
            keep &= self._pipeline == self._codes.get(self.pipeline, -1)
        if self.outcome == FAILURES_CHOICE:
            keep &= np.isin(self._outcome, [self._codes.get(o, -1) for o in FAILURES])
        elif self.outcome is not None:
            keep &= self._outcome == self._codes.get(self.outcome, -1)
        rows = np.flatnonzero(keep)
        if self.text:
            words = _Words()
            rows = np.array([i for i in rows if self.text in words.searched(self.records[i])], dtype=np.intp)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def record(self, view_row: int) -> RunRecord:
        return self.records[int(self._rows[view_row])]

    def shown(self) -> list[RunRecord]:
        """The runs the filter lets through, newest first."""
        return [self.records[int(i)] for i in self._rows]

    def view_row_of(self, run_id: int) -> int | None:
        at = self._index.get(run_id)
        if at is None:
            return None
        found = np.flatnonzero(self._rows == at)
        return int(found[0]) if len(found) else None

    # ---- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run, column = self.records[int(self._rows[index.row()])], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(run, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return _outcome_colour(run.outcome)
        if role == Qt.ItemDataRole.ToolTipRole and column == 8:
            return run.message or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(COLUMNS):
            return tr(COLUMNS[section])
        return super().headerData(section, orientation, role)


def _cell(run: RunRecord, column: int) -> str:
    if column == 0:
        return run_text.started_text(run)
    if column == 1:
        return run_text.pipeline_text(run.pipeline)
    if column == 2:
        return run_text.trigger_text(run.trigger)
    if column == 3:
        return run_text.outcome_text(run.outcome)
    if column == 4:
        return run_text.duration_text(run)
    if column == 5:
        return run_text.count_text(run.rows_in)
    if column == 6:
        return run_text.count_text(run.rows_out)
    if column == 7:
        return "" if run.model_version is None else f"v{run.model_version}"
    return run.message  # the core's words, as stored


class _Words:
    """What the text filter looks in: a run's pipeline, trigger and outcome as stored and
    as shown (each word translated once per filtering), its model and its message."""

    def __init__(self) -> None:
        self._shown: dict[tuple[str, str], str] = {}

    def _both(self, kind: str, stored: str) -> str:
        key = (kind, stored)
        if key not in self._shown:
            words = {"pipeline": run_text.pipeline_text, "trigger": run_text.trigger_text}
            shown = words.get(kind, run_text.outcome_text)(stored)
            self._shown[key] = stored if shown == stored else f"{stored} {shown}"
        return self._shown[key]

    def searched(self, run: RunRecord) -> str:
        model = f" v{run.model_version}" if run.model_version is not None else ""
        return (
            f"{self._both('pipeline', run.pipeline)} {self._both('trigger', run.trigger)} "
            f"{self._both('outcome', run.outcome)}{model} {run.message}"
        ).lower()


def _outcome_colour(outcome: str) -> QColor | None:
    scheme = colors.scheme()
    if outcome in FAILURES:
        return QColor(scheme.wrong_text)
    if outcome == "ok":
        return QColor(scheme.correct_text)
    if outcome == "cancelled":
        return QColor(scheme.warning)
    return None
