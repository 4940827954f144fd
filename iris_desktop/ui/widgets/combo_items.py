"""A combo box's items set again only when they change: refilling one repaints it (and
everything laid out around it), which a reload that finds the same items should not do."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def set_items(box: QComboBox, items: list[tuple[str, object]]) -> None:
    """`items` ((text, data) each) in `box`, refilled only when they differ from its own.
    The caller chooses the current item afterwards (a refill loses it)."""
    if items != [(box.itemText(i), box.itemData(i)) for i in range(box.count())]:
        box.clear()
        for text, data in items:
            box.addItem(text, data)
