"""An iris drawn to scale from its four measurements, with QPainter (nothing downloaded).

Seen from the front: three sepals (the "falls", wide, hanging down and out) and three
petals (the "standards", upright) alternate every 60 degrees. Every blade's length and
width are the measurements in cm times one cm-to-pixel scale, which depends only on the
widget's size and `max_cm` (never on the flower), so two flowers side by side, or one
flower before and after a slider move, compare honestly. A scale bar shows the scale.

Shared by the Predict, Daily and History tabs: `set_flower(measurements, variety)`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from iris_desktop.domain import Flower, Variety
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import colors

SEPAL_ANGLES = (90.0, 210.0, 330.0)  # degrees, clockwise from +x on screen: one fall hangs down
PETAL_ANGLES = (270.0, 30.0, 150.0)  # in between: one standard points up
SEPAL_WIDEST, PETAL_WIDEST = 0.64, 0.58  # where each blade is widest, as a fraction of its length
SIGNAL = QColor("#F2C94C")  # the yellow "signal" patch real iris falls carry


def blade_path(length: float, width: float, widest: float) -> QPainterPath:
    """A blade along +x from the origin: exactly `length` long and `width` wide at its
    widest point (at `widest` x length), with a narrow base (the claw) and a round tip."""
    half, w = width / 2.0, widest * length
    path = QPainterPath(QPointF(0.0, 0.0))
    path.cubicTo(QPointF(0.22 * length, 0.06 * width), QPointF(0.32 * w, half), QPointF(w, half))
    path.cubicTo(QPointF(w + 0.75 * (length - w), half), QPointF(length, 0.62 * half), QPointF(length, 0.0))
    path.cubicTo(QPointF(length, -0.62 * half), QPointF(w + 0.75 * (length - w), -half), QPointF(w, -half))
    path.cubicTo(QPointF(0.32 * w, -half), QPointF(0.22 * length, -0.06 * width), QPointF(0.0, 0.0))
    return path


class FlowerWidget(QWidget):
    """Draws one flower to scale; grey when the variety is unknown, blank when None."""

    def __init__(
        self, parent: QWidget | None = None, *, max_cm: float = 8.0, show_scale: bool = True, show_caption: bool = True
    ):
        super().__init__(parent)
        self._values: tuple[float, float, float, float] | None = None
        self._variety: Variety | None = None
        self._max_cm = float(max_cm)
        self.show_scale, self.show_caption = show_scale, show_caption
        self._font_key, self._footer_font = "", QFont()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Flower drawn to scale"))
        self.setAccessibleDescription(self.description())

    # ---- data ----------------------------------------------------------------------

    def set_flower(self, measurements: Flower | Sequence[float] | None, variety: Variety | None = None) -> None:
        """Show a flower (a Flower, or four cm values in FEATURES order) in `variety`'s colour.

        Cheap on purpose (the Predict tab calls it on every slider step): store, schedule
        one repaint, nothing else."""
        if isinstance(measurements, Flower):
            variety = variety if variety is not None else measurements.variety
            measurements = measurements.measurements
        if measurements is None:
            self._values = None
        else:
            sl, sw, pl, pw = measurements
            self._values = (float(sl), float(sw), float(pl), float(pw))
        self._variety = variety
        self.update()
        described = self.description()  # the picture in words, for a screen reader
        if described != self.accessibleDescription():
            self.setAccessibleDescription(described)

    def description(self) -> str:
        """What the picture shows, in words (tooltip and screen readers)."""
        if self._values is None:
            return tr("No flower")
        sl, sw, pl, pw = self._values
        if self._variety is None:
            return tr("Sepals {sl:.1f} × {sw:.1f} cm, petals {pl:.1f} × {pw:.1f} cm").format(sl=sl, sw=sw, pl=pl, pw=pw)
        return tr("Sepals {sl:.1f} × {sw:.1f} cm, petals {pl:.1f} × {pw:.1f} cm, coloured as {variety}").format(
            sl=sl, sw=sw, pl=pl, pw=pw, variety=self._variety.label
        )

    def event(self, event) -> bool:
        # The tooltip is made when asked for, not on every set_flower: a setToolTip per
        # slider step would post an event each time.
        if event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.description(), self)
            return True
        return super().event(event)

    def clear(self) -> None:
        self.set_flower(None)

    @property
    def measurements(self) -> tuple[float, float, float, float] | None:
        return self._values

    @property
    def variety(self) -> Variety | None:
        return self._variety

    def set_max_cm(self, cm: float) -> None:
        """The longest blade (cm) that must fit: sets the scale, so keep it fixed per view."""
        self._max_cm = max(0.5, float(cm))
        self.update()

    def pixels_per_cm(self) -> float:
        """The scale: blades of max_cm must fit (the side ones reach sin(60°) of their length
        across, the hanging fall and the upright standard their full length up and down).
        A flower longer than max_cm (a value typed far outside the data) is shrunk to fit
        rather than cut off; the scale bar says so."""
        longest = self._max_cm
        if self._values is not None:
            longest = max(longest, self._values[0], self._values[2])
        across = (self.width() / 2.0 - 6.0) / (0.866 * longest)
        up_down = (self._drawing_height() / 2.0 - 6.0) / longest
        return max(0.5, min(across, up_down))

    def sizeHint(self) -> QSize:
        return QSize(300, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 100)

    # ---- painting --------------------------------------------------------------------

    def _footer(self) -> int:
        return 22 if (self.show_scale or self.show_caption) and self.height() >= 140 else 0

    def _drawing_height(self) -> int:
        return self.height() - self._footer()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._values is None:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No flower"))
            return
        scale = self.pixels_per_cm()
        centre = QPointF(self.width() / 2.0, self._drawing_height() / 2.0)
        sl, sw, pl, pw = (v * scale for v in self._values)
        painter.save()
        painter.translate(centre)
        self._draw_shadow(painter, sl, sw, pl, pw)
        for angle in SEPAL_ANGLES:
            self._draw_sepal(painter, angle, sl, sw)
        for angle in PETAL_ANGLES:
            self._draw_petal(painter, angle, pl, pw)
        self._draw_centre(painter, scale)
        painter.restore()
        if self._footer():
            self._draw_footer(painter, scale)

    def _draw_shadow(self, painter: QPainter, sl: float, sw: float, pl: float, pw: float) -> None:
        """One soft drop shadow under all six blades: depth without image assets, in a
        single fill (six separate ones cost as much as the flower itself)."""
        shadow = QPainterPath()
        shadow.setFillRule(Qt.FillRule.WindingFill)
        for angles, path in (
            (SEPAL_ANGLES, blade_path(sl, sw, SEPAL_WIDEST)),
            (PETAL_ANGLES, blade_path(pl, pw, PETAL_WIDEST)),
        ):
            for angle in angles:
                shadow.addPath(QTransform().translate(1.5, 2.5).rotate(angle).map(path))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 30))
        painter.drawPath(shadow)

    def _draw_blade(self, painter: QPainter, angle: float, path: QPainterPath, fill, outline: QColor) -> None:
        painter.save()
        painter.rotate(angle)
        painter.setPen(QPen(outline, 1.2))
        painter.setBrush(fill)
        painter.drawPath(path)
        painter.restore()

    def _draw_sepal(self, painter: QPainter, angle: float, length: float, width: float) -> None:
        v = self._variety
        path = blade_path(length, width, SEPAL_WIDEST)
        grad = QLinearGradient(0, 0, length, 0)
        grad.setColorAt(0.0, colors.lighter(v, 0.70))
        grad.setColorAt(0.45, colors.lighter(v, 0.30))
        grad.setColorAt(1.0, colors.color(v))
        self._draw_blade(painter, angle, path, grad, colors.darker(v, 0.35))
        painter.save()
        painter.rotate(angle)
        # Veins, then the yellow signal near the base, as on a real fall. Both stay inside
        # the blade by construction: no clip path, which would triple the painting time.
        painter.setPen(QPen(colors.darker(v, 0.45, alpha=70), max(0.6, width / 60)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for side in (-0.28, -0.12, 0.0, 0.12, 0.28):
            vein = QPainterPath(QPointF(0.04 * length, 0.0))
            vein.quadTo(QPointF(0.45 * length, side * width * 1.15), QPointF(0.86 * length, side * width))
            painter.drawPath(vein)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SIGNAL)
        painter.drawEllipse(QPointF(0.33 * length, 0.0), 0.2 * length, max(1.0, 0.09 * width))
        painter.restore()

    def _draw_petal(self, painter: QPainter, angle: float, length: float, width: float) -> None:
        v = self._variety
        path = blade_path(length, width, PETAL_WIDEST)
        grad = QLinearGradient(0, 0, length, 0)
        grad.setColorAt(0.0, colors.darker(v, 0.25))
        grad.setColorAt(0.6, colors.color(v))
        grad.setColorAt(1.0, colors.lighter(v, 0.18))
        self._draw_blade(painter, angle, path, grad, colors.darker(v, 0.5))
        painter.save()
        painter.rotate(angle)
        painter.setPen(QPen(colors.lighter(v, 0.6, alpha=110), max(0.6, width / 50)))
        painter.drawLine(QPointF(0.08 * length, 0.0), QPointF(0.8 * length, 0.0))  # midrib
        painter.restore()

    def _draw_centre(self, painter: QPainter, scale: float) -> None:
        radius = max(2.5, 0.18 * scale)
        painter.setPen(QPen(colors.darker(self._variety, 0.55), 1.0))
        painter.setBrush(SIGNAL.darker(115))
        painter.drawEllipse(QPointF(0.0, 0.0), radius, radius)

    def _small_font(self) -> QFont:
        if self._font_key != self.font().key():  # rebuilt only when the widget's font changes
            self._font_key = self.font().key()
            self._footer_font = QFont(self.font())
            self._footer_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        return self._footer_font

    def _draw_footer(self, painter: QPainter, scale: float) -> None:
        """A scale bar (bottom left) and the measurements (bottom right)."""
        text_color = self.palette().windowText().color()
        painter.setFont(self._small_font())
        base = self.height() - 7.0
        used = 0.0  # how far the scale bar and its label reach from the left
        if self.show_scale:
            cm = 1
            while cm * scale < 24:  # a bar too short to read: show 2, 5, 10, 20 cm instead
                cm = {1: 2, 2: 5}.get(cm, cm * 2)
            length = cm * scale
            painter.setPen(QPen(text_color, 1.5))
            painter.drawLine(QPointF(8, base), QPointF(8 + length, base))
            painter.drawLine(QPointF(8, base - 4), QPointF(8, base + 1))
            painter.drawLine(QPointF(8 + length, base - 4), QPointF(8 + length, base + 1))
            label = tr("{cm} cm").format(cm=cm)
            painter.drawText(
                QRectF(14 + length, base - 14, 60, 18),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            used = 14 + length + painter.fontMetrics().horizontalAdvance(label)
        if self.show_caption and self._values is not None:
            sl, sw, pl, pw = self._values
            caption = tr("sepal {sl:.1f} × {sw:.1f} cm · petal {pl:.1f} × {pw:.1f} cm").format(
                sl=sl, sw=sw, pl=pl, pw=pw
            )
            if used + 16 + painter.fontMetrics().horizontalAdvance(caption) <= self.width() - 8:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(
                    QRectF(0, base - 14, self.width() - 8, 18),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    caption,
                )
