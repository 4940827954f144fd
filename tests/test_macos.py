"""What a Mac shows: the app icon sharp on a Retina screen (the .icns has every @2x
size), and shortcut hints in the keys a Mac has (⌘ where Qt says Ctrl): no user-visible
text names a modifier key literally."""

from __future__ import annotations

import ast
import re
import struct
import sys
from pathlib import Path

from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.key_text import held_text, shortcut_text

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "iris_desktop" / "ui"
sys.path.insert(0, str(ROOT / "packaging"))
import make_icons  # noqa: E402

sys.path.remove(str(ROOT / "packaging"))

MODIFIER = re.compile(r"\b(Ctrl|Alt|Shift|Meta|Cmd|Command|Option)\b")
# Help ▸ Keyboard shortcuts: the keys column is written through key_text by the dialog
# (shortcuts_dialog.keys_text), so its literals are key sequences, not sentences.
KEY_COLUMN = {keys for _where, keys, _what in strings.SHORTCUTS}


def _png_width(png: bytes) -> int:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return int(struct.unpack(">I", png[16:20])[0])


def test_the_mac_icon_has_every_retina_size():
    icns = (ROOT / "resources" / "icons" / "iris-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    widths, at = {}, 8
    while at < len(icns):
        kind, length = icns[at : at + 4], struct.unpack_from(">I", icns, at + 4)[0]
        widths[kind] = _png_width(icns[at + 8 : at + length])
        at += length
    assert widths == dict(make_icons.ICNS_TYPES)  # the file is what the script writes
    for kind, points in make_icons.RETINA.items():
        assert widths[kind] == 2 * points, kind
    assert set(make_icons.RETINA.values()) == {16, 32, 128, 256, 512}  # macOS's five @2x slots


def _texts(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that a user may read: not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_text_names_a_modifier_key_literally():
    """A shortcut itself is a bare key sequence ("Ctrl+E", given to QKeySequence); a text
    a user reads (a sentence: it has spaces) writes keys with key_text, which gives
    "⌘E" on a Mac, where Qt's Ctrl is the Command key."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted(UI.rglob("*.py"))
        for line, text in _texts(path)
        if " " in text.strip() and MODIFIER.search(text) and text not in KEY_COLUMN
    ]
    assert found == [], "write these keys with ui/widgets/key_text.py:\n" + "\n".join(found)


def test_hints_follow_the_systems_native_text(qapp):
    from PySide6.QtGui import QKeySequence

    native = QKeySequence.SequenceFormat.NativeText
    assert shortcut_text("Ctrl+Return") == QKeySequence("Ctrl+Return").toString(native)
    assert held_text("Ctrl+Shift") == QKeySequence("Ctrl+Shift+A").toString(native)[:-1].removesuffix("+")
    if sys.platform == "darwin":
        assert shortcut_text("Ctrl+E") == "⌘E" and "Ctrl" not in held_text("Ctrl")
    else:
        assert shortcut_text("Ctrl+E") == "Ctrl+E" and held_text("Ctrl+Shift") == "Ctrl+Shift"


def test_the_toolbar_says_its_keys_as_the_system_does(qtbot):
    from iris_desktop.ui.tabs.explore.selection import Mode
    from iris_desktop.ui.tabs.explore.toolbar import ExploreToolbar

    toolbar = ExploreToolbar()
    qtbot.addWidget(toolbar)
    assert toolbar.jitter_action.toolTip().endswith(f"({shortcut_text('Alt+J')})")
    assert toolbar.mode_actions[Mode.ADD].toolTip().endswith(f"({shortcut_text('Alt+2')})")
    assert f"hold {held_text('Ctrl')} while dragging" in toolbar.mode_actions[Mode.INTERSECT].toolTip()
