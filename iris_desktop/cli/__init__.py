"""The command line: the GUI by default, headless sub-commands for scripts and OS
schedulers. `main` (parser and dispatch) is in main.py, the sub-commands in commands.py."""

from iris_desktop.cli.main import entry, main

__all__ = ["entry", "main"]
