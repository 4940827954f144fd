"""The text layer of the CSV reader: bytes to lines (line ends, blank lines, quotes,
kept line numbers) and the guesses about a file's layout (delimiter, decimal mark).
numpy scans the bytes where that is faster than str methods."""

from __future__ import annotations

import re

import numpy as np

from iris_desktop.errors import UserError

DELIMITERS = ("\t", ";", ",", "whitespace")  # preference order when several fit
NUMBER = {  # plain decimals only: no exponent, inf, nan, hex, "_" or non-ASCII digits
    ".": r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)",
    ",": r"[+-]?(?:[0-9]+(?:,[0-9]*)?|,[0-9]+)",
}


class CsvImportError(UserError, ValueError):
    """A file that cannot be imported; says where (file, line, column) and what."""

    def __init__(
        self, file: str, message: str, line: int | None = None, column: str | None = None, value: str | None = None
    ):
        self.file, self.line, self.column, self.value = file, line, column, value
        where = file + (f", line {line}" if line else "") + (f", column '{column}'" if column else "")
        super().__init__(f"{where}: {message}")


def unix_line_ends(data: bytes) -> bytes:
    """CRLF and lone CR become LF. On bytes: CR and LF mean the same in all four encodings."""
    codes = np.frombuffer(data, np.uint8)
    cr = np.flatnonzero(codes == 13)
    if not len(cr):
        return data
    if cr[-1] + 1 < len(codes) and (codes[cr + 1] == 10).all():
        return data.replace(b"\r", b"")  # CRLF only: one fast single-byte pass
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def non_blank_lines(text: str, file: str) -> tuple[str, bytes, np.ndarray]:
    """The text without blank lines, as str and UTF-8 bytes, and the 1-based file line of
    each line kept: pandas would drop blank lines silently, and the line numbers with them."""
    stripped = text.strip(" \t\n")
    if not stripped:
        raise CsvImportError(file, "the file is empty")
    start = text.rfind("\n", 0, text.index(stripped[0])) + 1  # a leading tab is a field: kept
    end = text.find("\n", start + len(text[start:].rstrip(" \t\n")))
    body = text[start:] if end < 0 else text[start:end]
    first, raw = text.count("\n", 0, start) + 1, body.encode("utf-8")
    codes = np.frombuffer(raw, np.uint8)  # numpy scans bytes ~10x faster than str methods
    if not has_blank_line(codes, ends := np.flatnonzero(codes == 10)):
        return body, raw, np.arange(first, first + len(ends) + 1)
    lines = body.split("\n")
    kept = [i for i, line in enumerate(lines) if line.strip(" \t")]
    body = "\n".join(lines[i] for i in kept)
    return body, body.encode("utf-8"), first + np.array(kept)


def has_blank_line(codes: np.ndarray, ends: np.ndarray) -> bool:
    """Two newlines (at `ends`) with nothing, or only spaces and tabs, between them."""
    if (np.diff(ends) == 1).any():
        return True
    if not np.isin(codes[ends + 1], (32, 9)).any():  # no line starts with a space or tab
        return False
    newline = codes[(codes != 32) & (codes != 9)] == 10
    return bool((newline[1:] & newline[:-1]).any())


def check_quotes(raw: bytes, numbers: np.ndarray, file: str) -> None:
    """An odd number of quotes on a line is an unclosed quote (a value spanning lines
    is not iris data, and would break the row -> line mapping)."""
    codes = np.frombuffer(raw, np.uint8)
    if (codes == ord('"')).any():
        # cumulative parity at each line's end: the first odd one is the first unbalanced line
        odd = quote_parity(codes)[np.append(np.flatnonzero(codes == 10), -1)]
        odd[-1] = (odd[-1] + (codes[-1] == ord('"'))) & 1
        if odd.any():
            line = int(numbers[np.argmax(odd)])
            raise CsvImportError(file, 'a quote (") is not closed on this line', line)


def quote_parity(codes: np.ndarray) -> np.ndarray:
    """1 where an odd number of quotes precede a byte (inside quotes), else 0. uint8 wraps
    around, but keeps the parity, at an eighth of int64's memory traffic."""
    quotes = (codes == ord('"')).view(np.uint8)
    parity: np.ndarray = (np.cumsum(quotes, dtype=np.uint8) - quotes) & 1
    return parity


def unquoted(line: str) -> str:
    return re.sub(r'"(?:[^"]|"")*"', "q", line) if '"' in line else line


def field_count(line: str, delimiter: str) -> int:
    line = unquoted(line)
    if delimiter == "whitespace":  # spaces and tabs only, as in _field_marks (str.split takes more)
        return len(re.findall(r"[^ \t]+", line))
    return line.count(delimiter) + 1


def detect_delimiter(sample: list[str]) -> str:
    """The delimiter giving every data line the same 5+ fields (the header may have one
    fewer: R's row names), without spaces inside values (`5,1 3,5` is whitespace-separated).
    csv.Sniffer guesses wrong on decimal commas and ragged headers; this scores simply."""

    def score(delimiter: str) -> tuple[bool, bool, int, int]:
        counts = [field_count(line, delimiter) for line in sample]
        data = counts[1:] or counts
        consistent = len(set(data)) == 1 and data[0] >= 5 and counts[0] in (data[0], data[0] - 1)
        cells = (
            []
            if delimiter == "whitespace"
            else [c for line in sample[1:] or sample for c in unquoted(line).split(delimiter)]
        )
        clean = not any(re.search(r"\S\s+\S", cell) for cell in cells)
        return consistent, clean, min(counts[0], 5), -DELIMITERS.index(delimiter)

    return max(DELIMITERS, key=score)


def detect_decimal(data: str, raw: bytes, delimiter: str) -> str:
    if delimiter == "," or not (np.frombuffer(raw, np.uint8) == ord(",")).any():
        return "."
    return "," if re.search(r"[0-9],[0-9]", data) else "."


def is_number(cell: str, decimal: str) -> bool:
    return re.fullmatch(NUMBER[decimal], cell.strip()) is not None
