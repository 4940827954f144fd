"""Issue 31: the README never lies. Its tabs are the window's tabs, in order; every menu
item it names ("File ▸ Import CSV…") is an action of that menu; every key of its
shortcut table is bound in the window; every command and flag of its command table is
the parser's; the app `make run` launches starts, headless, and ends by itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from iris_desktop.cli.main import _parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _menus(window) -> dict[str, list[str]]:
    """Menu title -> its actions' texts, as shown (no & mnemonics)."""
    return {
        a.text().replace("&", ""): [b.text().replace("&", "") for b in a.menu().actions() if not b.isSeparator()]
        for a in window.menuBar().actions()
        if a.menu() is not None
    }


def test_the_tabs_the_readme_lists_are_the_windows(make_window):
    window = make_window()
    listed = re.findall(r"(?m)^- \*\*(\w+)\*\* — ", _section("What it does"))
    assert listed == [window.tabs.tabText(i) for i in range(window.tabs.count())]
    count = re.search(r"^(\w+) tabs, in the order of the lab's pipelines \(`Ctrl\+1` … `Ctrl\+(\d)`\)", README, re.M)
    assert count is not None and int(count.group(2)) == window.tabs.count()
    assert count.group(1).lower() == ["zero", "one", "two", "three", "four", "five", "six", "seven"][len(listed)]


def test_every_menu_item_the_readme_names_exists(make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitUntil(lambda: window.completed)  # the menus are filled right after the first paint
    menus = _menus(window)
    named = re.findall(r"(?=\b(File|Pipelines|View|Help) ▸ (.{1,60}))", README.replace("\n", " "))
    assert len(named) >= 8
    for menu, rest in named:
        assert any(rest.startswith(item) for item in menus[menu]), (
            f"README: {menu} ▸ {rest[:40]}… is not in {menus[menu]}"
        )
    # and the sentence that lists the menus lists every item, in order
    for menu, items in menus.items():
        listed = re.search(rf"\*\*{menu}\*\* \(([^)]*(?:\([^)]*\)[^)]*)*)\)", README.replace("\n", " "))
        assert listed is not None, menu
        shown = [re.sub(r" `[^`]+`$", "", part.strip()) for part in listed.group(1).split(", ")]
        assert [s.removesuffix(" Iris Desktop") for s in shown] == [i.removesuffix(" Iris Desktop") for i in items]


def test_every_window_key_of_the_shortcut_table_is_bound(make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitUntil(lambda: window._painted)
    qtbot.waitUntil(lambda: bool(window.findChildren(QShortcut)))  # installed after the first paint
    bound = {a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}
    bound |= {s.key().toString() for s in window.findChildren(QShortcut)}
    rows = re.findall(r"(?m)^\| Window \| ([^|]+) \|", README)
    assert rows
    for keys in rows:
        if keys.startswith("Alt+F"):  # the menus' mnemonics
            titles = [a.text() for a in window.menuBar().actions()]
            for letter in re.findall(r"Alt\+(\w)", keys):
                assert any(f"&{letter}" in t for t in titles), (letter, titles)
            continue
        span = re.fullmatch(r"Ctrl\+(\d) … Ctrl\+(\d)", keys.strip())
        wanted = [f"Ctrl+{n}" for n in range(int(span[1]), int(span[2]) + 1)] if span else [keys.strip()]
        for key in wanted:
            assert QKeySequence(key).toString() in bound, (key, sorted(bound))


def _command_rows() -> list[str]:
    table = README.split("| command | does |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    return [line.split(" | ", 1)[0].strip("| ") for line in table.splitlines()]


def test_every_command_and_flag_of_the_readme_is_the_parsers():
    parser = _parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    commands = sub.choices
    checked = 0
    for cell in _command_rows():
        for usage in re.findall(r"`([^`]+)`", cell):
            name = usage.split()[0]
            assert name in commands, f"README names `{name}`, which is not a command"
            flags = {o for a in commands[name]._actions for o in a.option_strings}
            for flag in re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", usage):
                assert flag in flags, f"README: `{name}` has no {flag}"
            checked += 1
    assert checked >= 20
    # and the code block's command
    self_test = re.search(r"^iris-desktop (--self-test[^#\n]*)", README, re.M)
    assert self_test is not None
    top = {o for a in parser._actions for o in a.option_strings}
    assert set(re.findall(r"--[\w-]+", self_test.group(1))) <= top


@pytest.mark.skipif(sys.platform == "win32", reason="the offscreen platform stands for the display everywhere")
def test_what_make_run_launches_starts_and_quits(tmp_path):
    """`make run` is `python -m iris_desktop` from the project's venv: here headless, ending
    by itself once the window is ready (a first run on a new folder)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "iris_desktop", "--data-dir", str(tmp_path / "lab"), "--quit-when-ready"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "lab" / "iris.sqlite3").is_file()
