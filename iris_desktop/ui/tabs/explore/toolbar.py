"""The Explore tab's toolbar: selection mode and tool, clear, jitter, the variety
legend (click to show or hide a variety) and plot exports."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton, QWidget

from iris_desktop.domain import VARIETIES
from iris_desktop.ui.runtime.i18n import tr
from iris_desktop.ui.tabs.explore.selection import Mode
from iris_desktop.ui.widgets import colors
from iris_desktop.ui.widgets.key_text import held_text, shortcut_text

MODE_KEYS = {Mode.REPLACE: "Alt+1", Mode.ADD: "Alt+2", Mode.INTERSECT: "Alt+3", Mode.REMOVE: "Alt+4"}
TOOL_KEYS = {"rectangle": "Alt+R", "lasso": "Alt+L", "pan": "Alt+N"}


def tool_text(tool: str) -> tuple[str, str]:
    """A mouse tool's (name, tip)."""
    texts = {
        "rectangle": (tr("Rectangle"), tr("Drag a rectangle on any scatter to select the flowers in it")),
        "lasso": (tr("Lasso"), tr("Draw a free shape on any scatter to select the flowers in it")),
        "pan": (tr("Pan/zoom"), tr("Drag to move the plots; the wheel zooms either way")),
    }
    return texts[tool]


def mode_tip(mode: Mode) -> str:
    """What picking in `mode` does, and the keys held while dragging that pick it."""
    if mode is Mode.ADD:
        return tr("A new selection is added to the current one (or hold {shift} while dragging)").format(
            shift=held_text("Shift")
        )
    if mode is Mode.INTERSECT:
        return tr("Keep only what is in both (or hold {ctrl} while dragging)").format(ctrl=held_text("Ctrl"))
    if mode is Mode.REMOVE:
        return tr(
            "A new selection is taken out of the current one (or hold {ctrl_shift} or {alt} while dragging)"
        ).format(ctrl_shift=held_text("Ctrl+Shift"), alt=held_text("Alt"))
    return tr("A new selection replaces the current one")


def swatch(variety, size: int = 12) -> QIcon:
    """A round swatch of `variety`'s colour, drawn at 1x, 2x and 3x: crisp at any scaling."""
    icon = QIcon()
    for ratio in (1, 2, 3):
        pixmap = QPixmap(size * ratio, size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(colors.color(variety))
        painter.setPen(colors.outline(variety))
        painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class ExploreToolbar(QToolBar):
    modeChanged = Signal(object)  # Mode
    toolChanged = Signal(str)
    clearRequested = Signal()
    jitterToggled = Signal(bool)
    varietyToggled = Signal(int, bool)  # variety index, shown
    resetZoomRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("Explore"), parent)
        self.setIconSize(QSize(12, 12))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addWidget(QLabel(" " + tr("Selection:") + " "))
        self.mode_actions: dict[Mode, QAction] = {}
        modes = QActionGroup(self)
        for mode in Mode:
            action = QAction(mode.label, self, checkable=True)
            action.setShortcut(QKeySequence(MODE_KEYS[mode]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{mode_tip(mode)} ({shortcut_text(MODE_KEYS[mode])})")
            action.triggered.connect(lambda _c=False, m=mode: self.modeChanged.emit(m))
            modes.addAction(action)
            self.addAction(action)
            self.mode_actions[mode] = action
        self.mode_actions[Mode.REPLACE].setChecked(True)
        self.addSeparator()
        self.tool_actions: dict[str, QAction] = {}
        tools = QActionGroup(self)
        for tool, shortcut in TOOL_KEYS.items():
            text, tip = tool_text(tool)
            action = QAction(text, self, checkable=True)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{tip} ({shortcut_text(shortcut)})")
            action.triggered.connect(lambda _c=False, t=tool: self.toolChanged.emit(t))
            tools.addAction(action)
            self.addAction(action)
            self.tool_actions[tool] = action
        self.tool_actions["rectangle"].setChecked(True)
        self.addSeparator()
        self.clear_action = QAction(tr("Clear"), self)
        self.clear_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.clear_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.clear_action.setToolTip(tr("Select nothing (Esc)"))
        self.clear_action.triggered.connect(self.clearRequested.emit)
        self.addAction(self.clear_action)
        self.jitter_action = QAction(tr("Jitter"), self, checkable=True)
        self.jitter_action.setShortcut(QKeySequence("Alt+J"))
        self.jitter_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.jitter_action.setToolTip(
            tr("Spread flowers that share their measurements by up to ±0.045 cm, so stacked points show")
            + f" ({shortcut_text('Alt+J')})"
        )
        self.jitter_action.toggled.connect(self.jitterToggled.emit)
        self.addAction(self.jitter_action)
        self.reset_action = QAction(tr("Reset zoom"), self)
        self.reset_action.setShortcut(QKeySequence("Alt+0"))
        self.reset_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.reset_action.setToolTip(tr("Show every flower in every plot again") + f" ({shortcut_text('Alt+0')})")
        self.reset_action.triggered.connect(self.resetZoomRequested.emit)
        self.addAction(self.reset_action)
        self.addSeparator()
        self.variety_actions: list[QAction] = []
        for k, v in enumerate(VARIETIES):
            action = QAction(swatch(v), v.label, self, checkable=True, checked=True)
            action.setToolTip(tr("Show or hide the {name} flowers in every plot").format(name=v.label))
            action.toggled.connect(lambda shown, k=k: self.varietyToggled.emit(k, shown))
            self.addAction(action)
            button = cast(QToolButton, self.widgetForAction(action))  # what a toolbar makes for an action
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.variety_actions.append(action)
        self.addSeparator()
        self.export_menu = QMenu(tr("Export"), self)
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export"))
        self.export_button.setToolTip(tr("Save a plot as PNG or SVG, or flowers as CSV"))
        self.export_button.setMenu(self.export_menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.addWidget(self.export_button)
        colors.follow(self.restyle)

    def restyle(self, _scheme: colors.Scheme) -> None:
        for v, action in zip(VARIETIES, self.variety_actions):
            action.setIcon(swatch(v))

    def set_mode(self, mode: Mode) -> None:
        self.mode_actions[mode].setChecked(True)

    def set_tool(self, tool: str) -> None:
        self.tool_actions[tool].setChecked(True)

    def set_variety_shown(self, k: int, shown: bool) -> None:
        self.variety_actions[k].setChecked(shown)  # toggled -> varietyToggled
