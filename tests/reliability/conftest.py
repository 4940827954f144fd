"""The reliability campaign is run by `make reliability`, not by pytest: collect nothing here."""

collect_ignore_glob = ["*"]
