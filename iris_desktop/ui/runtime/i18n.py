"""The app's words in the user's language, and its numbers in the user's format.

Every user-visible string goes through `tr()` (one translation context: the same English
words get the same translation everywhere). `pyside6-lupdate` finds the calls and writes
resources/translations/*.ts; the build compiles them to .qm (packaging/tasks.py
translations). Counts go through Qt's plural forms (`tr("%Ln flower(s)", None, n)`), which
the English catalogue spells out. Text defined at import time (module constants) is
marked with QT_TR_NOOP and translated where it is shown: the translator is installed after
the modules are imported.

Placeholders are named and keep Python's format specs, `{count:,}`, `{x:.1f}`,
`{share:.0%}`: what `tr()` returns formats its numbers through the default QLocale (a
decimal comma and "86 %" in Swedish), so a translation moves a placeholder, never its
format. Dates stay ISO 8601 in both languages (the Swedish standard date, SS-ISO 8601).
The command line is not translated.
"""

from __future__ import annotations

import string

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from iris_desktop import paths

LANGUAGE_KEY = "language"  # in the settings file: "system", "en" or "sv"
LANGUAGES = {"en": "English", "sv": "Svenska"}  # each in its own language: never translated
SYSTEM = "system"

_installed: list[QTranslator] = []


class Text(str):
    """A translated string whose `format` writes numbers in the user's locale."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        return _FORMATTER.vformat(self, args, kwargs)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> Text:
    """`text` in the user's language (`n`: the count a %n or %Ln plural form stands for)."""
    return Text(QCoreApplication.translate("", text, disambiguation, n))


class _LocaleFormatter(string.Formatter):
    """str.format, except that a number with a format spec is written with the default
    QLocale's separators (Python rounds and pads; the locale only names the marks), and a
    percentage takes the locale's sign spacing."""

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not format_spec:
            return super().format_field(value, format_spec)
        if format_spec.endswith("%"):
            digits = super().format_field(float(value) * 100, format_spec[:-1] + "f")
            return str.format(tr("{value}%"), value=_marks(digits))
        return _marks(super().format_field(value, format_spec))


def _marks(text: str) -> str:
    locale = QLocale()
    return text.translate({ord(","): locale.groupSeparator(), ord("."): locale.decimalPoint()})


_FORMATTER = _LocaleFormatter()


def language_for(choice: str, system: QLocale | None = None) -> str:
    """The language a setting means: "en" or "sv"; "system" (or anything unknown)
    follows the system's locale, and English is the fallback."""
    if choice in LANGUAGES:
        return choice
    system = system or QLocale.system()
    return "sv" if system.language() == QLocale.Language.Swedish else "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The number format of `language`: the system's own when it speaks that language
    (en_GB stays en_GB), else the language's main one. The C locale writes numbers as
    English does but without thousands separators, so it is read as en_US."""
    system = system or QLocale.system()
    if language == "sv":
        if system.language() == QLocale.Language.Swedish:
            return system
        return QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def catalogue(language: str) -> str:
    """The compiled catalogue's path (made by the build from the .ts of the same name)."""
    return str(paths.resource("translations") / f"iris_desktop_{language}.qm")


def install(choice: str = SYSTEM, system: QLocale | None = None) -> str:
    """Put the app in the language `choice` means: its catalogue and Qt's own (the
    buttons of standard dialogs), and its number format as the default QLocale. Returns
    the language used; a missing catalogue leaves that part English (said by `missing`)."""
    app = QCoreApplication.instance()
    assert app is not None, "the application comes first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language_for(choice, system)
    QLocale.setDefault(locale_for(language, system))
    for name, folder in (
        (f"iris_desktop_{language}.qm", str(paths.resource("translations"))),
        (f"qtbase_{language}.qm", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def missing(language: str) -> bool:
    """Whether the app's own catalogue for `language` failed to load (a build without
    translations compiled): the app then says so once."""
    return not any(t.filePath().endswith(f"iris_desktop_{language}.qm") for t in _installed)


def number(value: float, decimals: int = 1) -> str:
    """A measurement or a score with `decimals` digits: "5.1" in English, "5,1" in Swedish."""
    return _FORMATTER.format_field(float(value), f".{decimals}f")


def count(value: int) -> str:
    """A whole number with the locale's thousands separator: "100,000" / "100 000"."""
    return _FORMATTER.format_field(int(value), ",")


def percent(fraction: float, decimals: int = 0) -> str:
    """A share as a percentage: "86%" in English, "86 %" in Swedish."""
    return _FORMATTER.format_field(float(fraction), f".{decimals}%")
