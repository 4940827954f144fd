"""File ▸ Import: what a file holds and what importing it would do, before anything is
written. The user chooses the units, what to do with repeated flowers and with values
no iris has; Import writes it all as one batch, Cancel writes nothing.

Everything shown was computed by the preview job (a worker): the dialog only displays,
so even a 200,000-row file never makes it wait.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from iris_desktop.domain import FEATURE_NAMES, FEATURES
from iris_desktop.pipelines.imports import Checks, ImportOptions, ImportPreview
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import colors, strings
from iris_desktop.ui.widgets.flower_words import feature_name


def _separator(delimiter: str) -> str:
    """What the file's values are separated by (ParsedCsv.delimiter), in words."""
    words = {"\t": tr("tabs"), ",": tr("commas"), ";": tr("semicolons"), "whitespace": tr("spaces")}
    return words.get(delimiter, delimiter)


def _flowers(n: int) -> str:
    return tr("%Ln flower(s)", None, n)


class ImportDialog(QDialog):
    def __init__(self, seen: ImportPreview, checks: dict[bool, Checks], parent: QWidget | None = None):
        """`checks[True]` / `checks[False]`: the warnings with / without the suggested
        millimetre columns divided by 10."""
        super().__init__(parent)
        self.seen, self.checks = seen, checks
        p = seen.parsed
        self.setWindowTitle(tr("Import {file}").format(file=p.file_name))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self._format_text()))
        layout.addWidget(self._rows_table())
        self.counts = QLabel(
            tr("Varieties: {counts}").format(counts=", ".join(f"{n} {v}" for v, n in seen.counts().items()))
        )
        layout.addWidget(self.counts)

        choices = QGroupBox(tr("Before importing"))
        box = QVBoxLayout(choices)
        self.millimetres = QCheckBox()
        if seen.suggested_millimetres:
            names = ", ".join(p.columns[c] for c in seen.suggested_millimetres)
            self.millimetres.setText(
                tr("&Values in {names} look like millimetres: divide them by 10").format(names=names)
            )
            self.millimetres.setChecked(True)
            box.addWidget(self.millimetres)
        self.skip = QRadioButton()
        self.keep = QRadioButton()
        self.skip.setChecked(True)
        box.addWidget(self.skip)
        box.addWidget(self.keep)
        self.outliers = QLabel()
        self.outliers.setWordWrap(True)
        self.accept_outliers = QCheckBox(tr("Import these &values anyway"))
        box.addWidget(self.outliers)
        box.addWidget(self.accept_outliers)
        self.again = QCheckBox()
        if seen.previous is not None:
            name, rows, when = seen.previous
            self.again.setText(
                tr("This content was imported on {when} UTC as {name} ({flowers}): import it &again").format(
                    when=when[:16].replace("T", " "), name=name, flowers=_flowers(rows)
                )
            )
            box.addWidget(self.again)
        layout.addWidget(choices)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        # Enter imports: Cancel must not take over as the default when the dialog shows.
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        for control in (self.millimetres, self.skip, self.keep, self.accept_outliers, self.again):
            control.toggled.connect(self._update)
        self._update()
        self.resize(720, 560)

    # ---- what the user chose ------------------------------------------------------------

    def options(self) -> ImportOptions:
        mm = self.millimetres.isChecked() and bool(self.seen.suggested_millimetres)
        return ImportOptions(
            millimetre_columns=self.seen.suggested_millimetres if mm else (),
            skip_duplicates=self.skip.isChecked(),
            accept_outliers=self.accept_outliers.isChecked(),
            again=self.again.isChecked(),
        )

    def rows_to_import(self) -> int:
        options = self.options()
        current = self.checks[bool(options.millimetre_columns)]
        return self.seen.rows - (current.duplicates if options.skip_duplicates else 0)

    # ---- building ---------------------------------------------------------------------

    def _format_text(self) -> str:
        p = self.seen.parsed
        text = tr("<b>{file}</b>: {flowers}, {encoding}, separated by {separator}, {decimal}, {header}.").format(
            file=p.file_name,
            flowers=_flowers(self.seen.rows),
            encoding=p.encoding,
            separator=_separator(p.delimiter),
            decimal=tr("decimal comma") if p.decimal == "," else tr("decimal point"),
            header=tr("with a header row") if p.has_header else tr("no header row (read in the usual column order)"),
        )
        targets = [feature_name(j).lower() for j in range(len(FEATURE_NAMES))] + [tr("variety")]
        mapping = ", ".join(f"{p.columns[c]} → {target}" for c, target in zip((*FEATURE_NAMES, "variety"), targets))
        text += "<br>" + tr("Columns: {mapping}.").format(mapping=mapping)
        if p.ignored_columns:
            text += "<br>" + tr("Ignored: {columns}.").format(columns=", ".join(p.ignored_columns))
        for note in p.notes:
            text += "<br>" + tr("Note: {note}").format(note=note)
        return text

    def _rows_table(self) -> QTableWidget:
        rows = self.seen.first_rows()
        table = QTableWidget(len(rows), 6)
        table.setHorizontalHeaderLabels(
            [tr("Line")] + [feature_name(j) for j in range(len(FEATURES))] + [tr("Variety")]
        )
        for r, (line, values, variety) in enumerate(rows):
            cells = [str(line)] + [f"{v:g}" for v in values] + [variety]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(
                    (Qt.AlignmentFlag.AlignRight if c < 5 else Qt.AlignmentFlag.AlignLeft)
                    | Qt.AlignmentFlag.AlignVCenter
                )
                table.setItem(r, c, item)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setToolTip(tr("The first {shown} of {rows} rows, as read").format(shown=len(rows), rows=self.seen.rows))
        table.setAccessibleName(strings.IMPORT_ROWS_NAME)
        return table

    def _update(self) -> None:
        options = self.options()
        current = self.checks[bool(options.millimetre_columns)]
        self.skip.setText(
            tr(
                "&Skip the {count} rows that repeat a stored flower (recommended: the "
                "same flower on both sides of a test split makes test accuracy meaningless)"
            ).format(count=current.duplicates)
        )
        self.keep.setText(tr("&Keep them ({flowers} in all)").format(flowers=_flowers(self.seen.rows)))
        self.skip.setVisible(current.duplicates > 0)
        self.keep.setVisible(current.duplicates > 0)
        if current.outlier_count:
            first = current.outliers[0]
            self.outliers.setText(
                tr(
                    "⚠ {count} value(s) no iris has, e.g. line {line}: {column} = "
                    "{value:g} cm (expected {low:g}–{high:g} cm)."
                ).format(
                    count=current.outlier_count,
                    line=first.line,
                    column=first.column,
                    value=first.value,
                    low=first.low,
                    high=first.high,
                )
            )
            self.outliers.setStyleSheet(f"color: {colors.scheme().warning}")
        self.outliers.setVisible(current.outlier_count > 0)
        self.accept_outliers.setVisible(current.outlier_count > 0)
        blocked = []
        if current.outlier_count and not options.accept_outliers:
            blocked.append(tr("fix the units or accept the implausible values"))
        if self.seen.previous is not None and not options.again:
            blocked.append(tr("tick “import it again” to add this content a second time"))
        count = self.rows_to_import()
        self.import_button.setEnabled(not blocked and count > 0)
        if blocked:
            self.verdict.setText(tr("To import: {steps}.").format(steps="; ".join(blocked)))
        elif count == 0:
            self.verdict.setText(tr("Every row repeats a stored flower: there is nothing new to import."))
        else:
            self.verdict.setText(
                tr("Import will add {flowers} as one batch (File ▸ Remove an import… undoes it).").format(
                    flowers=_flowers(count)
                )
            )
