"""The Linux desktop entry and the icons: `iris-desktop install-desktop-entry` /
`uninstall-desktop-entry` into a temporary XDG_DATA_HOME, the entry's content (checked
here, and by desktop-file-validate where it is installed), and the icon files that
packaging/make_icons.py renders from the SVG."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from iris_desktop import APP_ID, desktop_entry
from iris_desktop.cli import main

ROOT = Path(__file__).resolve().parents[1]
SIZES = desktop_entry.ICON_SIZES
xdg_desktop = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="desktop entries are for Linux desktops")


@pytest.fixture
def xdg(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def read_entry(path: Path) -> dict[str, str]:
    """The [Desktop Entry] group as a dict (the file has that one group)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert all("=" in line for line in lines[1:]), lines
    return dict(line.split("=", 1) for line in lines[1:])


def parse_exec(value: str) -> list[str]:
    """The spec's reading of an Exec value: string unescaping, then quoted arguments."""
    value = value.replace("\\\\", "\0").replace("\\s", " ").replace("\0", "\\")
    args, current, quoted, escaped, started = [], "", False, False, False
    for char in value:
        if escaped:
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if current or started:
                args.append(current)
            current, started = "", False
        else:
            current += char
    if current or started:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def validate(path: Path) -> None:
    """desktop-file-validate where it is installed (desktop-file-utils): no error, no warning."""
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        return  # the content checks of each test still ran
    done = subprocess.run([validator, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error:" not in done.stdout and "warning:" not in done.stdout, done.stdout


@xdg_desktop
def test_install_places_the_entry_and_icons_and_uninstall_takes_them_away(xdg, capsys):
    assert main(["install-desktop-entry"]) == 0
    out = capsys.readouterr().out
    entry_file = xdg / "applications" / f"{APP_ID}.desktop"
    assert f"Installed {entry_file}" in out
    entry = read_entry(entry_file)
    assert entry["Type"] == "Application" and entry["Name"] == "Iris Desktop"
    assert entry["Icon"] == APP_ID  # the theme icon installed below, found by name
    assert entry["Terminal"] == "false"
    command = parse_exec(entry["Exec"])
    assert command == desktop_entry.launcher_command()
    assert Path(command[0]).is_absolute() and Path(command[0]).exists()
    assert entry["TryExec"] == command[0]
    for size in SIZES:
        icon = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (size, size)
    scalable = xdg / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "iris-desktop.svg").read_bytes()
    validate(entry_file)

    assert main(["install-desktop-entry"]) == 0  # again: the same files, no error
    assert len([p for p in xdg.rglob("*") if p.is_file()]) == len(SIZES) + 2

    assert main(["uninstall-desktop-entry"]) == 0
    assert "Removed the desktop entry and 9 icon(s)" in capsys.readouterr().out
    assert [p for p in xdg.rglob("*") if p.is_file()] == []
    assert main(["uninstall-desktop-entry"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


@xdg_desktop
def test_exec_quotes_a_program_path_with_spaces_and_special_characters(tmp_path, xdg):
    program = tmp_path / 'My Apps $HOME "100%"' / "iris\\desktop"
    written = desktop_entry.install([str(program), "--data-dir", str(tmp_path / "a b")])
    entry = read_entry(written[0])
    assert parse_exec(entry["Exec"]) == [str(program), "--data-dir", str(tmp_path / "a b")]
    assert entry["Exec"].startswith('"')
    validate(written[0])


@xdg_desktop
def test_exec_option_names_another_program(tmp_path, xdg, capsys):
    program = tmp_path / "bin" / "iris-desktop"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    assert main(["install-desktop-entry", "--exec", str(program)]) == 0
    entry = read_entry(xdg / "applications" / f"{APP_ID}.desktop")
    assert parse_exec(entry["Exec"]) == [str(program)]
    assert main(["install-desktop-entry", "--exec", str(tmp_path / "missing")]) == 2
    assert "no such program" in capsys.readouterr().err


def test_data_home_follows_xdg_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("USERPROFILE", str(tmp_path))  # what Path.home() reads on Windows
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # ignored, as the spec says
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_launcher_is_the_bundle_when_frozen(monkeypatch, tmp_path):
    exe = tmp_path / "iris-desktop"
    exe.write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    assert desktop_entry.launcher_command() == [str(exe.resolve())]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_are_told_what_to_do_instead(monkeypatch, capsys, xdg, platform):
    monkeypatch.setattr(sys, "platform", platform)
    assert main(["install-desktop-entry"]) == 2
    assert "desktop entries are for Linux desktops" in capsys.readouterr().err
    assert not xdg.exists()


def test_the_shipped_entry_is_named_as_the_app_tells_the_desktop(qapp):
    from iris_desktop.ui.app import application

    template = ROOT / "resources" / f"{APP_ID}.desktop"
    assert read_entry(template)["Icon"] == APP_ID
    assert application().desktopFileName() == APP_ID  # Wayland finds the icon by this name
    validate(template)


def test_icons_are_rendered_from_the_svg(tmp_path):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import make_icons
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    written = make_icons.generate(out=tmp_path)
    assert {p.name for p in written} == {p.name for p in (ROOT / "resources" / "icons").iterdir()}
    for size in SIZES:
        assert png_size(tmp_path / make_icons.png_name(size)) == (size, size)
        assert png_size(ROOT / "resources" / "icons" / make_icons.png_name(size)) == (size, size)

    ico = (tmp_path / "iris-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", ico, 6 + 16 * i)
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.append(width or 256)
    assert sizes == list(make_icons.ICO_SIZES)

    icns = (tmp_path / "iris-desktop.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    chunks, at = [], 8
    while at < len(icns):
        kind, length = icns[at : at + 4], struct.unpack_from(">I", icns, at + 4)[0]
        assert icns[at + 8 : at + 16] == b"\x89PNG\r\n\x1a\n"
        chunks.append(kind)
        at += length
    assert chunks == [kind for kind, _ in make_icons.ICNS_TYPES]
