"""View ▸ Colours (follow the system, light, dark; high contrast) and Help ▸ Keyboard
shortcuts. The choice is kept in the settings file; the Theme (ui/widgets/theme.py)
applies it to the window and the plots, and follows the desktop when asked to."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.theme import Theme

if TYPE_CHECKING:  # imported when first shown
    from iris_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog

COLOUR_ITEMS = (  # (choice, text, tip)
    ("system", strings.COLOURS_SYSTEM, strings.COLOURS_SYSTEM_TIP),
    ("light", strings.COLOURS_LIGHT, strings.COLOURS_LIGHT_TIP),
    ("dark", strings.COLOURS_DARK, strings.COLOURS_DARK_TIP),
)


class ViewActions(Actions):
    def __init__(self, parent, state, reporter, theme: Theme):
        super().__init__(parent, state, reporter)
        self.theme = theme
        self.dialog: ShortcutsDialog | None = None  # the shortcuts dialog on screen, if any

    def populate(self, menus) -> None:
        colours = menus["view"].addMenu(strings.MENU_COLOURS)
        group = QActionGroup(colours)  # exclusive: radio items
        self.colour_actions = {}
        for choice, text, tip in COLOUR_ITEMS:
            act = self.action(colours, text, partial(self.theme.set_choice, choice), tip=tip)
            act.setCheckable(True)
            act.setChecked(self.theme.choice == choice)
            group.addAction(act)
            self.colour_actions[choice] = act
        colours.addSeparator()
        self.contrast_action = self.action(colours, strings.COLOURS_HIGH_CONTRAST, self._contrast_toggled)
        self.contrast_action.setStatusTip(strings.COLOURS_HIGH_CONTRAST_TIP)
        self.contrast_action.setCheckable(True)
        self.contrast_action.setChecked(self.theme.high_contrast)
        self.action(menus["help"], strings.MENU_SHORTCUTS, self.show_shortcuts, "F1", strings.MENU_SHORTCUTS_TIP)

    def _contrast_toggled(self) -> None:
        self.theme.set_high_contrast(self.contrast_action.isChecked())

    def show_shortcuts(self):
        """Help ▸ Keyboard shortcuts: one dialog, brought back if open."""
        from iris_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = self.dialog
        if dialog is None:
            dialog = self.dialog = ShortcutsDialog(self.widget)
            dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
