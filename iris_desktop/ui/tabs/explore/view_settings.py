"""The Explore tab's view as the user left it, from the settings file: the large
scatter's axes, jitter, the distributions' bin width, density and feature, the
statistics' feature, the selection tool, the page and the splitters. A value that is
missing or unreadable keeps its default. The tab writes each one as it changes."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from iris_desktop.ui.widgets.splitters import remember


def _number(s: QSettings, key: str, default, kind=int):
    try:
        return kind(s.value(key, default))
    except (TypeError, ValueError):
        return default


def restore(tab) -> None:
    """Set the Explore tab's controls from tab.settings (before their signals are connected)."""
    s = tab.settings
    x, y = _number(s, "explore/x", 2), _number(s, "explore/y", 3)
    if 0 <= x < 4 and 0 <= y < 4:
        tab.large.x_combo.setCurrentIndex(x)
        tab.large.y_combo.setCurrentIndex(y)
    tab.toolbar.jitter_action.setChecked(str(s.value("explore/jitter", "false")).lower() == "true")
    tab.distributions.bin_spin.setValue(_number(s, "explore/bin_width", 0.2, float))
    tab.distributions.density_check.setChecked(str(s.value("explore/density", "false")).lower() == "true")
    feature = _number(s, "explore/dist_feature", 2)
    if 0 <= feature < 4:
        tab.distributions.feature_combo.setCurrentIndex(feature)
    feature = _number(s, "explore/stats_feature", 2)
    if 0 <= feature < 4:
        tab.statistics.feature_combo.setCurrentIndex(feature)
    tool = str(s.value("explore/tool", "rectangle"))
    tab._set_tool(tool if tool in tab.toolbar.tool_actions else "rectangle")
    tab.pages.setCurrentIndex(max(0, min(2, _number(s, "explore/page", 0))))
    remember(tab.splitter, s, "explore/splitter")
    remember(tab.plots_splitter, s, "explore/plots_splitter")
