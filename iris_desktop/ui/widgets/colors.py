"""The variety colours: one palette for every tab, plot and flower drawing.

Blue / orange / wine, picked so the three stay apart for the common colour-vision
deficiencies: in CIELAB, after simulating protanopia, deuteranopia and tritanopia
(Machado et al. 2009), every pair stays at least ~36 units apart. The seaborn "deep"
blue/orange/green trio drops to ~7 for protanopia, so orange and green look alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from iris_desktop.domain import VARIETIES, Variety

HEX: dict[Variety, str] = {
    Variety.SETOSA: "#3A7FC1",  # blue
    Variety.VERSICOLOR: "#E69F00",  # orange (Okabe-Ito)
    Variety.VIRGINICA: "#882255",  # wine (Tol muted)
}
UNKNOWN_HEX = "#8C8C8C"  # no model / no variety: neutral grey
WARNING_HEX = "#B35806"  # "outside the training data": dark orange, readable on light grey


def color(variety: Variety | None, alpha: int = 255) -> QColor:
    """A fresh QColor of `variety` (grey for None) with `alpha` 0-255."""
    c = QColor(HEX[variety] if variety is not None else UNKNOWN_HEX)
    c.setAlpha(alpha)
    return c


def rgb(variety: Variety | None) -> tuple[int, int, int]:
    c = color(variety)
    return c.red(), c.green(), c.blue()


def lighter(variety: Variety | None, towards_white: float = 0.5, alpha: int = 255) -> QColor:
    """`variety`'s colour mixed with white: 0 = unchanged, 1 = white."""
    r, g, b = rgb(variety)
    t = max(0.0, min(1.0, towards_white))
    return QColor(round(r + (255 - r) * t), round(g + (255 - g) * t), round(b + (255 - b) * t), alpha)


def darker(variety: Variety | None, towards_black: float = 0.35, alpha: int = 255) -> QColor:
    r, g, b = rgb(variety)
    k = 1.0 - max(0.0, min(1.0, towards_black))
    return QColor(round(r * k), round(g * k), round(b * k), alpha)


def all_colors(alpha: int = 255) -> list[QColor]:
    """The three colours in the fixed variety order (index = class index)."""
    return [color(v, alpha) for v in VARIETIES]


def style_plot(plot, palette) -> None:
    """Axes, ticks and labels of a pyqtgraph PlotItem in the window's text colour:
    pyqtgraph's default light grey is hard to read on a light background."""
    text = palette.windowText().color()
    axis_line = QColor(text)
    axis_line.setAlpha(150)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(axis_line)
        axis.setTextPen(text)
