"""PySide6 + pyqtgraph front end. Only this package imports Qt."""
