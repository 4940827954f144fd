"""View ▸ Colours (follow the system, light, dark; high contrast), View ▸ Language and
Help ▸ Keyboard shortcuts. The choices are kept in the settings file; the Theme
(ui/widgets/theme.py) applies colours to the window and the plots, and follows the
desktop when asked to; a language takes effect at the next start (ui/runtime/i18n.py)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup

from iris_desktop.ui.actions.base import Actions
from iris_desktop.ui.runtime import i18n
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.widgets import strings
from iris_desktop.ui.widgets.theme import Theme

if TYPE_CHECKING:  # imported when first shown
    from iris_desktop.ui.dialogs.shortcuts_dialog import ShortcutsDialog


def colour_items() -> tuple[tuple[str, str, str], ...]:  # (choice, text, tip)
    return (
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
        for choice, text, tip in colour_items():
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
        self._populate_languages(menus["view"].addMenu(tr("&Language")))
        self.action(menus["help"], strings.MENU_SHORTCUTS, self.show_shortcuts, "F1", strings.MENU_SHORTCUTS_TIP)

    def _populate_languages(self, menu) -> None:
        """System (the computer's language), then each language named in itself."""
        settings = self.theme.settings
        chosen = str(settings.value(i18n.LANGUAGE_KEY, i18n.SYSTEM))
        group = QActionGroup(menu)
        self.language_actions = {}
        items = [(i18n.SYSTEM, tr("&System language")), *i18n.LANGUAGES.items()]
        for choice, text in items:
            act = self.action(menu, text, partial(self.set_language, choice))
            act.setCheckable(True)
            act.setChecked(chosen == choice or (choice == i18n.SYSTEM and chosen not in i18n.LANGUAGES))
            group.addAction(act)
            self.language_actions[choice] = act
        menu.setStatusTip(tr("The language of the window; the command line stays in English"))

    def set_language(self, choice: str) -> None:
        """Keep the choice; the window is in it from the next start (every label, menu
        and number format is made once, when the window is built)."""
        settings = self.theme.settings
        if str(settings.value(i18n.LANGUAGE_KEY, i18n.SYSTEM)) == choice:
            return
        settings.setValue(i18n.LANGUAGE_KEY, choice)
        settings.sync()
        name = i18n.LANGUAGES[i18n.language_for(choice)]
        text = tr("Iris Desktop will be in {language} the next time it starts.").format(language=name)
        self.reporter.show(tr("Language"), text, level="information")

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
