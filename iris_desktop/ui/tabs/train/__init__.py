"""The Train tab's pieces: the settings form, results, validation curve, decision
regions, the registry table and its dialogs (train_tab.py puts them together)."""
