"""The window's first paint is its frame (title, menu bar, tab bar, the tab's loading
page, status bar); the menus' actions, their keys, the welcome panel and the recovery
banner are made right after it, and whatever uses them sooner makes them then."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QAction, QShortcut

from iris_desktop import APP_DISPLAY_NAME
from iris_desktop.ui.main_window import TABS

AFTER_THE_FIRST_PAINT = [
    "iris_desktop.ui.actions.menus",
    "iris_desktop.ui.actions.data_actions",
    "iris_desktop.ui.dialogs.store_recovery",
    "iris_desktop.ui.widgets.welcome_panel",
]


def test_the_first_paint_is_the_real_window_and_waits_for_no_menu_item(tmp_path):
    code = f"""
        import json, sys
        from iris_desktop.ui import main_window
        seen = {{}}
        original = main_window.MainWindow.paintEvent
        def paint(self, event):
            original(self, event)
            if not seen:
                bar = self.menuBar()
                seen.update(
                    title=self.windowTitle(),
                    visible=self.isVisible(),
                    menus=[a.text() for a in bar.actions()],
                    items=sum(len(a.menu().actions()) for a in bar.actions()),
                    tabs=[self.tabs.tabText(i) for i in range(self.tabs.count())],
                    loading=type(self.tab_widget(self.tabs.currentIndex())).__name__,
                    words=self.tab_widget(self.tabs.currentIndex()).label.text(),
                    imported=[m for m in {AFTER_THE_FIRST_PAINT!r} if m in sys.modules],
                )
        main_window.MainWindow.paintEvent = paint
        from iris_desktop.cli import main
        code = main(["--quit-after-startup"])
        print(json.dumps(seen))
        sys.exit(code)
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IRIS_DESKTOP_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["title"] == APP_DISPLAY_NAME and seen["visible"]
    assert seen["menus"] == ["&File", "&Pipelines", "&View", "&Help"]
    assert seen["tabs"] == [name for name, _ in TABS] and seen["loading"] == "LoadingPage"
    assert seen["words"] == "Loading Explore…"
    assert seen["items"] == 0 and seen["imported"] == []  # made after the first paint


def test_menus_and_keys_are_there_right_after_the_first_paint(make_window, qtbot):
    window = make_window()
    assert not window.completed
    window.show()
    qtbot.waitUntil(lambda: window.completed)
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert all(menu.actions() for menu in menus.values()), menus
    assert "Import CSV…" in [a.text().replace("&", "") for a in menus["&File"].actions()]
    keys = {a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    keys |= {s.key().toString() for s in window.findChildren(QShortcut)}
    assert {"Ctrl+1", "Ctrl+6"} <= keys and len(keys) > 8
    # hidden until there is something to say, above the tabs
    assert not window.welcome.isVisible() and not window.recovery_banner.isVisible()
    column = window.centralWidget().layout()
    assert [column.itemAt(i).widget() for i in range(3)] == [window.recovery_banner, window.welcome, window.tabs]


def test_an_action_used_before_the_first_paint_fills_the_menus_then(make_window):
    window = make_window()
    assert not window.completed and not window.menuBar().actions()[0].menu().actions()
    assert window.data_actions.backfill  # made on this first use
    assert window.completed and window.menuBar().actions()[0].menu().actions()
    assert window.welcome is not None and window.view_actions is not None
