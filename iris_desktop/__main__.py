from iris_desktop.cli import entry

entry()
