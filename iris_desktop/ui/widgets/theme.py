"""The colours follow the desktop: light, dark and high contrast as the platform says,
live (QStyleHints.colorSchemeChanged, the accessibility hints' contrastPreferenceChanged),
or as chosen in View ▸ Colours (kept in the settings file).

The window keeps the platform's own palette whenever it already matches the scheme; a
palette of our own is set only where it does not (a dark choice on a light desktop, a
platform that reports a dark scheme with a light palette, high contrast). The plots
follow colors.scheme(): every plot restyles on colors' notifier.
"""

from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt when first needed: building its enums costs ~15 ms before the first paint
from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from iris_desktop.ui.widgets import colors

CHOICES = ("system", "light", "dark")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


# The window's colours for a scheme set by hand: (window, window text, base, alternate
# base, button, placeholder, highlight, highlighted text, link, disabled text, frame).
_PALETTES = {
    "dark": (
        "#2B2B2B",
        "#E6E6E6",
        "#1E1E1E",
        "#262626",
        "#353535",
        "#9A9A9A",
        "#2F6DB0",
        "#FFFFFF",
        "#7CB7FF",
        "#808080",
        "#555555",
    ),
    "light-high-contrast": (
        "#FFFFFF",
        "#000000",
        "#FFFFFF",
        "#F0F0F0",
        "#FFFFFF",
        "#4D4D4D",
        "#1A1A8C",
        "#FFFFFF",
        "#0000C8",
        "#6B6B6B",
        "#000000",
    ),
    "dark-high-contrast": (
        "#000000",
        "#FFFFFF",
        "#000000",
        "#141414",
        "#000000",
        "#C8C8C8",
        "#FFD400",
        "#000000",
        "#7CC8FF",
        "#A0A0A0",
        "#FFFFFF",
    ),
}


def build_palette(scheme: colors.Scheme) -> QPalette:
    """The window's palette for `scheme` (the style's own for plain light)."""
    if scheme.key not in _PALETTES:
        return QApplication.style().standardPalette()
    window, text, base, alternate, button, placeholder, highlight, on_highlight, link, disabled, frame = (
        QColor(c) for c in _PALETTES[scheme.key]
    )
    R = QPalette.ColorRole
    palette = QPalette()
    for role, colour in (
        (R.Window, window),
        (R.WindowText, text),
        (R.Base, base),
        (R.AlternateBase, alternate),
        (R.ToolTipBase, base),
        (R.ToolTipText, text),
        (R.PlaceholderText, placeholder),
        (R.Text, text),
        (R.Button, button),
        (R.ButtonText, text),
        (R.BrightText, QColor(scheme.wrong)),
        (R.Light, frame.lighter(130) if scheme.dark else QColor("#FFFFFF")),
        (R.Midlight, frame),
        (R.Mid, frame),
        (R.Dark, frame.darker(130) if scheme.dark else frame),
        (R.Shadow, QColor("#000000")),
        (R.Highlight, highlight),
        (R.HighlightedText, on_highlight),
        (R.Link, link),
        (R.LinkVisited, link),
        (R.Accent, highlight),
    ):
        palette.setColor(role, colour)
    for role in (R.WindowText, R.Text, R.ButtonText, R.PlaceholderText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, R.Highlight, frame)
    return palette


class Theme(QObject):
    """The scheme in use: the platform's or the one chosen, applied to the window's
    palette and to colors.scheme() (which the plots follow).

    A choice made in View ▸ Colours applies at once (the window must not paint in the
    wrong colours); following the platform starts with `start()`, after the first paint:
    the platform's palette is already the window's, and asking for its scheme builds
    PySide's Qt enums (~16 ms)."""

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        choice = str(settings.value("view/colours", "system"))
        self.choice = choice if choice in CHOICES else "system"
        self.high_contrast = str(settings.value("view/high_contrast", "false")).lower() == "true"
        self.started = False
        self._own_palette = False
        if self.choice != "system" or self.high_contrast:
            self.start()

    def start(self) -> None:
        """Read the platform's scheme, follow its changes, apply (once)."""
        if self.started:
            return
        self.started = True
        hints = QGuiApplication.styleHints()
        self._platform = hints.colorScheme()
        high = QtCore.Qt.ContrastPreference.HighContrast
        self._platform_contrast = hints.accessibility().contrastPreference() == high
        self._platform_palette_dark = is_dark(QGuiApplication.palette())  # before any palette of ours
        hints.colorSchemeChanged.connect(self._platform_scheme_changed)
        hints.accessibility().contrastPreferenceChanged.connect(self._platform_contrast_changed)
        self.apply()

    # ---- what is wanted ------------------------------------------------------------

    def platform_dark(self) -> bool:
        if self._platform == QtCore.Qt.ColorScheme.Dark:
            return True
        if self._platform == QtCore.Qt.ColorScheme.Light:
            return False
        return self._platform_palette_dark  # the platform does not say: its palette does

    def wanted(self) -> colors.Scheme:
        dark = self.choice == "dark" or (self.choice == "system" and self.platform_dark())
        return colors.scheme_for(dark, self.high_contrast or self._platform_contrast)

    # ---- changes ----------------------------------------------------------------------

    def set_choice(self, choice: str) -> None:
        """ "system", "light" or "dark" (View ▸ Colours), kept in the settings."""
        if choice not in CHOICES:
            raise ValueError(f"unknown colour choice {choice!r}")
        self.choice = choice
        self.settings.setValue("view/colours", choice)
        self._changed()

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.settings.setValue("view/high_contrast", on)
        self._changed()

    def _changed(self) -> None:
        if self.started:
            self.apply()
        else:
            self.start()  # (applies)

    def _platform_scheme_changed(self, scheme: QtCore.Qt.ColorScheme) -> None:
        self._platform = scheme
        if self.choice == "system":
            self.apply()

    def _platform_contrast_changed(self, preference: QtCore.Qt.ContrastPreference) -> None:
        self._platform_contrast = preference == QtCore.Qt.ContrastPreference.HighContrast
        self.apply()

    def apply(self) -> colors.Scheme:
        """The palette and the plots' scheme for what is wanted now."""
        scheme = self.wanted()
        hints = QGuiApplication.styleHints()
        # Native styles draw dark only when asked; Fusion follows the palette set below.
        if self.choice == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(QtCore.Qt.ColorScheme.Dark if self.choice == "dark" else QtCore.Qt.ColorScheme.Light)
        if self._own_palette:
            QGuiApplication.setPalette(QPalette())  # back to the platform's, then check it
            self._own_palette = False
        if scheme.high_contrast or is_dark(QGuiApplication.palette()) != scheme.dark:
            QGuiApplication.setPalette(build_palette(scheme))
            self._own_palette = True
        colors.set_scheme(scheme)
        return scheme
