"""The Daily tab's parts: the day shown, the generator plots, the list of days, the
parameters table and the pipeline controls (composed in ui/daily_tab.py)."""
