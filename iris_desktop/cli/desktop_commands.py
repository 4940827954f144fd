"""Sub-commands that add Iris Desktop to the Linux applications menu and take it away:
install-desktop-entry, uninstall-desktop-entry."""

from __future__ import annotations

import sys
from pathlib import Path

from iris_desktop.cli.common import out as _out
from iris_desktop.errors import UserError


def add_commands(command) -> None:
    inst = command(
        "install-desktop-entry",
        install,
        "add Iris Desktop to the applications menu (Linux: a desktop entry and icons in $XDG_DATA_HOME, for this user)",
    )
    inst.add_argument(
        "--exec",
        dest="program",
        metavar="PATH",
        help="the program the entry starts (default: this bundle or installation's iris-desktop)",
    )
    command("uninstall-desktop-entry", uninstall, "remove the desktop entry and icons that install-desktop-entry added")


def _require_xdg_desktop() -> None:
    if sys.platform == "win32":
        raise UserError(
            "desktop entries are for Linux desktops; on Windows, pin iris-desktop.exe to Start or make a shortcut to it"
        )
    if sys.platform == "darwin":
        raise UserError("desktop entries are for Linux desktops; on macOS, drag Iris Desktop.app into Applications")


def install(args) -> int:
    from iris_desktop import desktop_entry

    _require_xdg_desktop()
    command = None
    if args.program:
        program = Path(args.program).expanduser().absolute()
        if not program.is_file():
            raise UserError(f"--exec: no such program: {program}")
        command = [str(program)]
    written = desktop_entry.install(command)
    entry = written[0]
    _out(f"Installed {entry}")
    _out(f"  and {len(written) - 1} icons under {desktop_entry.data_home() / 'icons' / 'hicolor'}")
    _out(f"It starts: {desktop_entry.exec_line(command or desktop_entry.launcher_command())}")
    _out("Iris Desktop is in the applications menu (some desktops show it after a new log-in).")
    return 0


def uninstall(args) -> int:
    from iris_desktop import desktop_entry

    _require_xdg_desktop()
    removed = desktop_entry.uninstall()
    if not removed:
        _out(f"No desktop entry of Iris Desktop under {desktop_entry.data_home()}: nothing to remove.")
        return 0
    icons = sum(1 for path in removed if path.suffix != ".desktop")
    entry = "the desktop entry and " if len(removed) > icons else ""
    _out(f"Removed {entry}{icons} icon(s) from {desktop_entry.data_home()}.")
    return 0
