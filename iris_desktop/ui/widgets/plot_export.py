"""Any plot saved as PNG or SVG with pyqtgraph's own exporters, from a right-click
action or a button; the folder chosen last is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QSettings

from iris_desktop.ui.runtime.i18n import tr


def _filters() -> tuple[str, str]:
    """The file dialog's two choices: (PNG, SVG)."""
    return tr("PNG image") + " (*.png)", tr("SVG drawing") + " (*.svg)"


def export_plot(item, path: str | Path, width: int | None = None) -> Path:
    """Write `item` (a PlotItem, GraphicsLayout or a whole scene) to `path`; the suffix
    chooses the format: .svg for a vector drawing, anything else a PNG."""
    from pyqtgraph.exporters import ImageExporter, SVGExporter

    path = Path(path)
    if path.suffix.lower() == ".svg":
        try:
            SVGExporter(item).export(str(path))
        except ValueError:  # pyqtgraph 0.14 cannot parse Qt 6.11's paths (pyqtgraph#3485)
            _svg_by_qt(item, path)
    else:
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        exporter = ImageExporter(item)
        if width:
            exporter.parameters()["width"] = int(width)
        exporter.export(str(path))
    return path


def _svg_by_qt(item, path: Path) -> None:
    """The same drawing through Qt's own SVG generator: vector shapes and text."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    source = item.sceneBoundingRect() if hasattr(item, "sceneBoundingRect") else item.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(source.width()), int(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(path.stem)
    painter = QPainter(generator)
    try:
        scene = item.scene() if hasattr(item, "scene") and callable(item.scene) else item
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
    if not path.is_file():
        raise OSError(tr("could not write {path}").format(path=path))


def ask_and_export(parent: QtWidgets.QWidget, item, name: str, settings: QSettings | None = None) -> Path | None:
    """Ask where to save `item` (suggesting `name`.png), save it, return the path (None
    if cancelled). A failure to write is raised as OSError for the caller's dialog."""
    folder = str(settings.value("export/last_dir", str(Path.home()))) if settings else str(Path.home())
    png, svg = _filters()
    path, chosen = QtWidgets.QFileDialog.getSaveFileName(
        parent, tr("Export {name}").format(name=name), str(Path(folder) / f"{name}.png"), f"{png};;{svg}"
    )
    if not path:
        return None
    if not Path(path).suffix:
        path += ".svg" if chosen == svg else ".png"
    if settings is not None:
        settings.setValue("export/last_dir", str(Path(path).parent))
    return export_plot(item, path)
