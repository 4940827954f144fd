"""Predict remembers its last flower: the four measurements the user set, kept in the
settings file and put back on the sliders at the next start.

Saved a moment after the last change (a slider drag is dozens of changes, one write),
and at once when the tab is hidden, which closing the window does. While a day is
pinned by "Explain in Predict", the sliders show the day's flower: what is kept is the
user's own values from before (PinnedDay.saved), the ones "Back to my sliders" restores."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer

from iris_desktop.domain import MAX_CM
from iris_desktop.ui.tabs.predict.measurement_field import MIN_CM

KEY = "predict/flower"  # "5.1,3.5,1.4,0.2": cm, FEATURES order
SAVE_AFTER_MS = 500

Values = tuple[float, float, float, float]


def parse(text: object) -> Values | None:
    """The four values kept, or None for anything else (the settings file is a user's file)."""
    try:
        values = tuple(float(part) for part in str(text).split(","))
    except ValueError:
        return None
    if len(values) != 4 or not all(MIN_CM <= v <= MAX_CM for v in values):
        return None
    return values


class RememberedFlower(QObject):
    def __init__(self, tab: QObject, settings: QSettings, users_values: Callable[[], Values]):
        """`users_values`: what to keep now (the sliders, or the values a pinned day set aside)."""
        super().__init__(tab)
        self.settings, self.users_values = settings, users_values
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.save)
        tab.installEventFilter(self)

    def values(self) -> Values | None:
        """The flower kept by an earlier run, if any."""
        return parse(self.settings.value(KEY))

    def changed(self) -> None:
        self._timer.start()  # restarted by every change: one write after the last

    def save(self) -> None:
        self._timer.stop()
        text = ",".join(f"{v:.1f}" for v in self.users_values())
        if self.settings.value(KEY) != text:
            self.settings.setValue(KEY, text)
            self.settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide and self._timer.isActive():
            self.save()  # the window closing, or another tab shown: do not wait for the timer
        return False
