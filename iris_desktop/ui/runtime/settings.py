"""The app's settings file: one INI in the per-user config folder (inside --data-dir
when one is given). Each control binds to one named key; tabs read and write here."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from iris_desktop import paths


def settings() -> QSettings:
    return QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)
