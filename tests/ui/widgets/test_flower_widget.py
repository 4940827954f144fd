"""The flower drawn to scale: grab() the widget and compare pictures."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from iris_desktop.domain import Flower, Variety
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.flower_widget import FlowerWidget

SETOSA = (5.0, 3.4, 1.5, 0.2)
VIRGINICA = (6.6, 3.0, 5.6, 2.0)


@pytest.fixture
def flower(qtbot):
    widget = FlowerWidget(max_cm=8.0)
    widget.resize(320, 320)
    qtbot.addWidget(widget)
    return widget


def picture(widget: FlowerWidget, values, variety=None) -> QImage:
    widget.set_flower(values, variety)
    return widget.grab().toImage()


def painted_pixels(image: QImage, near: QColor | None = None, tolerance: int = 40) -> int:
    """Pixels that differ from the top-left corner (the background), or that lie near `near`."""
    background = image.pixelColor(0, 0)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            ref = near or background
            close = (abs(c.red() - ref.red()) + abs(c.green() - ref.green()) + abs(c.blue() - ref.blue())) < tolerance
            count += close if near is not None else not close
    return count


def test_different_measurements_paint_different_pictures(flower):
    assert picture(flower, SETOSA, Variety.SETOSA) != picture(flower, VIRGINICA, Variety.SETOSA)
    one = picture(flower, (5.8, 3.0, 4.3, 1.3))
    assert one != picture(flower, (5.8, 3.0, 4.4, 1.3))  # a 0.1 cm step shows


def test_the_same_flower_paints_the_same_picture(flower):
    assert picture(flower, VIRGINICA, Variety.VIRGINICA) == picture(flower, VIRGINICA, Variety.VIRGINICA)


def test_coloured_by_variety(flower):
    for variety in Variety:
        image = picture(flower, VIRGINICA, variety)
        own = painted_pixels(image, near=colors.color(variety))
        others = [painted_pixels(image, near=colors.color(v)) for v in Variety if v is not variety]
        assert own > 50 and own > 5 * max(others), variety


def test_drawn_to_a_fixed_scale(flower):
    scale = flower.pixels_per_cm()
    small = painted_pixels(picture(flower, SETOSA, Variety.SETOSA))
    assert flower.pixels_per_cm() == scale  # the scale never depends on the flower
    large = painted_pixels(picture(flower, VIRGINICA, Variety.SETOSA))
    assert large > 1.3 * small
    flower.set_flower((3.0, 2.0, 1.0, 0.5), Variety.SETOSA)
    flower.set_max_cm(4.0)  # a view meant for smaller flowers: twice the scale
    assert flower.pixels_per_cm() == pytest.approx(2 * scale, rel=0.05)


def test_takes_a_flower_and_its_variety_and_can_be_empty(flower):
    f = Flower(*VIRGINICA, variety="virginica")
    with_flower = picture(flower, f)
    assert flower.variety is Variety.VIRGINICA
    assert flower.measurements == VIRGINICA
    assert "6.6 × 3.0 cm" in flower.description() and "Virginica" in flower.description()
    flower.clear()
    empty = flower.grab().toImage()
    assert flower.measurements is None and empty != with_flower
    assert flower.description() == "No flower"


def test_small_sizes_still_draw(qtbot):
    widget = FlowerWidget(show_scale=False, show_caption=False)
    widget.resize(80, 80)
    qtbot.addWidget(widget)
    assert painted_pixels(picture(widget, VIRGINICA, Variety.VERSICOLOR)) > 20


def test_a_flower_longer_than_max_cm_is_shrunk_to_fit_not_cut_off(flower):
    scale = flower.pixels_per_cm()
    image = picture(flower, (20.0, 3.0, 12.0, 2.0), Variety.VIRGINICA)  # typed far outside the data
    assert flower.pixels_per_cm() < scale
    background = image.pixelColor(0, 0)
    edge = [image.pixelColor(x, y) for x in range(image.width()) for y in (0, 1)]
    edge += [image.pixelColor(x, y) for y in range(image.height() - 30) for x in (0, image.width() - 1)]
    assert all(c == background for c in edge)
