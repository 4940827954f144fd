"""Qt's .ts translation files, read and written with the standard library (tasks.py runs
under any Python, before the project is installed).

English is the source language, so its catalogue holds only the plural forms
(`pyside6-lupdate -pluralonly`): "%Ln flower(s)" is spelled "%Ln flower" and "%Ln flowers"
here, by the one rule the sources follow (drop "(s)" for one, the parentheses for many).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def read(path: Path) -> ET.ElementTree:
    return ET.parse(path)


def write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(HEADER + body + "\n", encoding="utf-8")


def english_plurals(path: Path) -> int:
    """Fill the English catalogue's unfinished plural forms from their sources; returns
    how many were filled."""
    tree = read(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") != "unfinished" or "(s)" not in source:
            continue
        for form in list(translation):
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        filled += 1
    if filled:
        write(tree, path)
    return filled


def unfinished(path: Path) -> list[str]:
    """The sources of messages still to be translated (or marked obsolete/vanished)."""
    return [
        message.findtext("source", "")
        for message in read(path).getroot().iter("message")
        if (message.find("translation") is not None and message.find("translation").get("type"))  # type: ignore[union-attr]
    ]
