"""The palette meets WCAG AA in every scheme, and stays colour-blind safe.

Contrast is WCAG 2's: (L1 + 0.05) / (L2 + 0.05) of the relative luminances; text needs
4.5:1, markers and lines 3:1 (success criterion 1.4.11), against the plots' background
and, for text shown in labels, against the window's. Colour-vision deficiencies are
simulated with Machado et al. (2009) at full severity, in linear RGB; the varieties must
stay apart by a CIELAB distance a viewer tells at a glance."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.confusion_matrix import _label_colour
from iris_desktop.ui.widgets.theme import build_palette

SCHEMES = list(colors.SCHEMES.values())
FUSION_LIGHT_WINDOW = "#EFEFEF"  # the window behind labels with the platform's light palette
SIMULATIONS = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def linear(hex_color: str) -> np.ndarray:
    c = np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(hex_color: str) -> float:
    return float(linear(hex_color) @ [0.2126, 0.7152, 0.0722])


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ rgb_linear
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def texts(s: colors.Scheme) -> dict[str, str]:
    named = {"text": s.text, "warning": s.warning, "correct_text": s.correct_text, "wrong_text": s.wrong_text}
    return named | {f"variety_text[{i}]": c for i, c in enumerate(s.variety_text)}


def marks(s: colors.Scheme) -> dict[str, str]:
    named = {
        "ink": s.ink,
        "muted": s.muted,
        "unknown": s.unknown,
        "warning": s.warning,
        "correct": s.correct,
        "wrong": s.wrong,
        "accent": s.accent,
        "change": s.change,
    }
    return named | {f"varieties[{i}]": c for i, c in enumerate(s.varieties)}


def test_wcag_contrast_is_computed_as_the_standard_says():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic just-too-light grey


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.key)
def test_text_reaches_4_5_and_marks_3_against_the_plot_background(scheme):
    low_text = {k: round(contrast(c, scheme.background), 2) for k, c in texts(scheme).items()}
    low_marks = {k: round(contrast(c, scheme.background), 2) for k, c in marks(scheme).items()}
    assert {k: v for k, v in low_text.items() if v < 4.5} == {}
    assert {k: v for k, v in low_marks.items() if v < 3.0} == {}
    if scheme.high_contrast:  # more than AA: AAA text, and marks as strong as AA text
        assert {k: v for k, v in low_text.items() if v < 7.0} == {}
        assert {k: v for k, v in low_marks.items() if v < 4.5} == {}


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.key)
def test_text_in_labels_reaches_4_5_against_the_window(scheme, qtbot):
    from PySide6.QtGui import QPalette

    if scheme.key == "light":
        window = FUSION_LIGHT_WINDOW  # the platform's palette is kept for plain light
    else:
        window = build_palette(scheme).color(QPalette.ColorRole.Window).name()
    low = {k: round(contrast(c, window), 2) for k, c in texts(scheme).items() if contrast(c, window) < 4.5}
    assert low == {}


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.key)
def test_the_confusion_matrix_labels_read_on_every_cell(scheme):
    low, high = linear(scheme.matrix_low), linear(scheme.matrix_high)
    for strength in np.linspace(0, 1, 21):
        # the cell as drawn: sRGB values mixed (as confusion_matrix.set_matrix does)
        start = np.array([int(scheme.matrix_low[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
        end = np.array([int(scheme.matrix_high[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
        cell = start + (end - start) * strength
        cell_hex = "#{:02X}{:02X}{:02X}".format(*(int(v) for v in cell))
        assert contrast(_label_colour(cell), cell_hex) >= 4.5, (scheme.key, strength)
    assert (low != high).any()


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.key)
def test_the_varieties_stay_apart_for_colour_blind_viewers(scheme):
    for name, matrix in [("normal vision", np.eye(3)), *SIMULATIONS.items()]:
        seen = [lab(np.clip(np.asarray(matrix) @ linear(c), 0, 1)) for c in scheme.varieties]
        closest = min(float(np.linalg.norm(a - b)) for a, b in itertools.combinations(seen, 2))
        assert closest >= 28, (scheme.key, name, closest)


def test_the_scheme_is_switched_in_place_for_older_readers():
    assert colors.scheme() is colors.LIGHT
    colors.set_scheme(colors.DARK)
    try:
        assert dict(zip(colors.VARIETIES, colors.DARK.varieties)) == colors.HEX
        assert colors.color(colors.VARIETIES[2]).name().upper() == colors.DARK.varieties[2]
    finally:
        colors.set_scheme(colors.LIGHT)
