"""Names and error texts that are safe to store and to print.

A file name is bytes on Linux: one that is not UTF-8 reaches Python with surrogate escapes, which
no database, JSON writer or terminal accepts. `display_name` turns it into text that shows the
odd bytes as `\\xNN` escapes; `printable` escapes control characters (terminal escapes, line
breaks, bidi overrides) so that one error stays one inert line.
"""
from __future__ import annotations

import os
import unicodedata

# Control characters, surrogates, format (bidi) characters, line/paragraph separators, unassigned
_ESCAPED = {"Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn"}


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control/format character and lone surrogate written as an escape."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _ESCAPED else ch for ch in text)


def display_name(name: str | os.PathLike) -> str:
    """A path as storable, printable text: undecodable bytes become `\\xNN`, controls escapes."""
    raw = os.fsencode(name)
    return printable(raw.decode("utf-8", errors="backslashreplace"))


def clean_surrogates(text: str) -> tuple[str, int]:
    """(text with lone surrogates replaced by U+FFFD, how many) — JSON escapes like "\\ud800"
    decode to strings that cannot be written as UTF-8 anywhere."""
    try:
        text.encode("utf-8")
        return text, 0
    except UnicodeEncodeError:
        pass
    n = sum(1 for ch in text if 0xD800 <= ord(ch) <= 0xDFFF)
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text), n
