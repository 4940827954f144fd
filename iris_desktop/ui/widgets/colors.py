"""The colours of every tab, plot and flower drawing: one scheme for light backgrounds,
one for dark ones, and a high-contrast variant of each (ui/widgets/theme.py picks one).

The variety colours (blue / orange / wine on light, blue / orange / rose on dark) stay
apart for the common colour-vision deficiencies: in CIELAB, after simulating protanopia,
deuteranopia and tritanopia (Machado et al. 2009), every pair of a scheme stays at least
~28 units apart (the seaborn "deep" trio drops to ~7 for protanopia). Against each
scheme's plot background, text reaches WCAG AA 4.5:1 and markers and lines 3:1
(tests/ui/widgets/test_colors.py computes both).

Drawing code asks for colours when it draws (`color(v)`, `scheme().accent`) and follows a
change of scheme with `follow(widget, widget.restyle)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from iris_desktop.domain import VARIETIES, Variety


@dataclass(frozen=True)
class Scheme:
    key: str  # "light", "dark", "light-high-contrast", "dark-high-contrast"
    dark: bool
    high_contrast: bool
    background: str  # plots' background
    text: str  # axes, labels and titles in plots
    ink: str  # neutral marks that must stand out: outlines, rings, the selection
    muted: str  # secondary lines: training accuracy, a training distribution
    unknown: str  # no variety, no model
    warning: str  # text and marks that warn ("outside the training data")
    correct: str  # a right prediction's marker
    wrong: str  # a wrong prediction's marker
    correct_text: str  # "✓ right" as text
    wrong_text: str  # "✗ wrong" as text
    accent: str  # the main line of a plot: rolling accuracy, CV accuracy, daily flowers
    change: str  # a model change on the accuracy plot
    star: str  # the best k's star (drawn with an `ink` outline)
    varieties: tuple[str, str, str]  # markers and fills, in VARIETIES order
    variety_text: tuple[str, str, str]  # a variety's name written in its colour
    row_highlight: tuple[int, int, int, int]  # a table row in the Explore selection (RGBA)
    matrix_low: str  # a confusion-matrix cell with nothing in it
    matrix_high: str  # ... with everything
    pen_scale: float = 1.0  # line widths (high contrast draws thicker lines)


LIGHT = Scheme(
    key="light",
    dark=False,
    high_contrast=False,
    background="#FFFFFF",
    text="#1A1A1A",
    ink="#202020",
    muted="#737373",
    unknown="#8C8C8C",
    warning="#A34F05",
    correct="#009E73",
    wrong="#D55E00",
    correct_text="#1B7837",
    wrong_text="#C62828",
    accent="#0072B2",
    change="#6A3D9A",
    star="#F2B701",
    varieties=("#3277C0", "#E06A00", "#882255"),
    variety_text=("#2A69AD", "#A94F00", "#882255"),
    row_highlight=(255, 214, 102, 150),
    matrix_low="#F7F7F7",
    matrix_high="#2166AC",
)
DARK = Scheme(
    key="dark",
    dark=True,
    high_contrast=False,
    background="#1E1E1E",
    text="#E6E6E6",
    ink="#F0F0F0",
    muted="#A6A6A6",
    unknown="#9E9E9E",
    warning="#F5A05A",
    correct="#2EC28C",
    wrong="#FF7E47",
    correct_text="#5BD6A4",
    wrong_text="#FF8A80",
    accent="#56B4E9",
    change="#B9A3E3",
    star="#F2B701",
    varieties=("#4F94D4", "#F0A830", "#FC5478"),
    variety_text=("#74ABE0", "#F0A830", "#FD7793"),
    row_highlight=(176, 128, 20, 120),
    matrix_low="#2A2A2A",
    matrix_high="#3D86C6",
)
LIGHT_HIGH_CONTRAST = Scheme(
    key="light-high-contrast",
    dark=False,
    high_contrast=True,
    background="#FFFFFF",
    text="#000000",
    ink="#000000",
    muted="#4D4D4D",
    unknown="#5C5C5C",
    warning="#8A3B00",
    correct="#00704F",
    wrong="#B03A00",
    correct_text="#00613F",
    wrong_text="#A30000",
    accent="#00508A",
    change="#4B2A7A",
    star="#F2B701",
    varieties=("#1C5DAA", "#B85000", "#6E1140"),
    variety_text=("#174E90", "#8A3C00", "#6E1140"),
    row_highlight=(255, 200, 0, 170),
    matrix_low="#FFFFFF",
    matrix_high="#003F7F",
    pen_scale=1.5,
)
DARK_HIGH_CONTRAST = Scheme(
    key="dark-high-contrast",
    dark=True,
    high_contrast=True,
    background="#000000",
    text="#FFFFFF",
    ink="#FFFFFF",
    muted="#C8C8C8",
    unknown="#BDBDBD",
    warning="#FFB26B",
    correct="#3DDC97",
    wrong="#FF8A50",
    correct_text="#3DDC97",
    wrong_text="#FF9E9E",
    accent="#7CC8FF",
    change="#D2BFF5",
    star="#FFD400",
    varieties=("#6CB4FF", "#FFB000", "#FF6E91"),
    variety_text=("#6CB4FF", "#FFB000", "#FF6E91"),
    row_highlight=(150, 110, 0, 200),
    matrix_low="#000000",
    matrix_high="#2E7CD1",
    pen_scale=1.5,
)
SCHEMES = {s.key: s for s in (LIGHT, DARK, LIGHT_HIGH_CONTRAST, DARK_HIGH_CONTRAST)}


def scheme_for(dark: bool, high_contrast: bool) -> Scheme:
    return SCHEMES[("dark" if dark else "light") + ("-high-contrast" if high_contrast else "")]


_current = LIGHT
# The current scheme's variety colours, updated in place: older code reads HEX[variety].
HEX: dict[Variety, str] = dict(zip(VARIETIES, LIGHT.varieties))


def scheme() -> Scheme:
    """The scheme everything is drawn in now."""
    return _current


class _Notifier(QObject):
    changed = Signal(object)  # the new Scheme


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def set_scheme(new: Scheme) -> None:
    """Draw in `new` from now on; every widget that follows the scheme restyles."""
    global _current
    if new == _current:
        return
    _current = new
    HEX.update(zip(VARIETIES, new.varieties))
    notifier().changed.emit(new)


def follow(restyle) -> None:
    """`restyle(scheme)` now and at every change of scheme. `restyle` is a QObject's bound
    method (a widget's), so Qt drops the connection when the widget goes."""
    restyle(_current)
    notifier().changed.connect(restyle)


def hex_of(variety: Variety | None) -> str:
    return _current.varieties[variety.index] if variety is not None else _current.unknown


def text_hex(variety: Variety) -> str:
    """`variety`'s colour for its name written as text (4.5:1 on the background)."""
    return _current.variety_text[variety.index]


def color(variety: Variety | None, alpha: int = 255) -> QColor:
    """A fresh QColor of `variety` (grey for None) with `alpha` 0-255."""
    c = QColor(hex_of(variety))
    c.setAlpha(alpha)
    return c


def qcolor(hex_color: str, alpha: int = 255) -> QColor:
    c = QColor(hex_color)
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


def outline(variety: Variety | None, amount: float = 0.35, alpha: int = 255) -> QColor:
    """An edge for `variety`'s marks: darker on a light background, lighter on a dark one."""
    return lighter(variety, amount, alpha) if _current.dark else darker(variety, amount, alpha)


def all_colors(alpha: int = 255) -> list[QColor]:
    """The three colours in the fixed variety order (index = class index)."""
    return [color(v, alpha) for v in VARIETIES]


def style_plot(plot, current: Scheme | None = None) -> None:
    """Axes, ticks and labels of a pyqtgraph PlotItem in the scheme's text colour (the
    axes' own light grey is hard to read on a light background)."""
    current = current or _current
    text = QColor(current.text)
    axis_line = QColor(text)
    axis_line.setAlpha(150)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(axis_line)
        axis.setTextPen(text)  # the axis label too


def style_legend(legend, current: Scheme | None = None) -> None:
    """A pyqtgraph LegendItem's labels in the scheme's text colour (each label is set
    again: pyqtgraph keeps a label's colour from when its text was set)."""
    current = current or _current
    legend.setLabelTextColor(current.text)
    for _sample, label in legend.items:
        label.setText(label.text, color=current.text)
