"""Shortcuts written as the system writes them, for tooltips, labels and status texts.
Qt's native text is "Ctrl+Return" on Linux and Windows and "⌘↩" on macOS, where the key
Qt calls Ctrl is Command (and Alt is ⌥): a literal "Ctrl+…" would send a Mac user to
the wrong key. The shortcuts themselves stay portable strings (QKeySequence("Ctrl+E"))."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def shortcut_text(sequence: str) -> str:
    """A shortcut such as "Ctrl+Return" as this system shows it."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def held_text(modifiers: str) -> str:
    """Modifier keys alone, as held while dragging ("Ctrl", "Ctrl+Shift"): "⌘", "⇧⌘" on macOS."""
    return shortcut_text(f"{modifiers}+A")[:-1].removesuffix("+")
