"""The Daily tab's parts: the day shown, the generator plots, the list of days, the
parameters table, the pipeline controls and the tasks they run (composed in tab.py)."""
