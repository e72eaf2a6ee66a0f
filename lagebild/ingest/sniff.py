"""Byte-level checks before parsing: binary sniffing, text decoding, input-kind detection.

Every reader goes through `decode_bytes`, so encoding problems are handled (and recorded) in one
place: UTF-8 (with or without BOM) first, then UTF-16 by BOM, then charset detection
(charset_normalizer), then cp1252 as the last resort that never fails.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Magic numbers of formats that are never news text. gzip is handled separately (.warc.gz, .jsonl.gz).
_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx/zip)"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"),
    (b"RIFF", "RIFF media file"),
    (b"ID3", "MP3 audio"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"SQLite format 3", "SQLite database"),
]

GZIP_MAGIC = b"\x1f\x8b"


_LATIN1_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso-ir-100", "cp819"}


_WESTERN = re.compile("[À-ÖØ-öø-ÿ„“”‘’‚–—…€«»•·°§©®™×±\xa0]")
_PLAUSIBLE = {
    "cp1252", "windows_1252", "latin_1", "iso8859_1", "iso8859_15", "cp1250", "windows_1250", "iso8859_2",
    "cp1251", "windows_1251", "koi8_r", "koi8_u", "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9",
    "cp1257", "iso8859_13", "mac_roman", "utf_16", "utf_16_le", "utf_16_be", "big5", "gb2312", "gb18030",
    "shift_jis", "euc_jp", "euc_kr", "cp1255", "cp1256", "iso8859_8",
}


@dataclass
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the bytes were not clean UTF-8


def binary_kind(data: bytes) -> str | None:
    """A short description when `data` is clearly not text, else None."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None  # BOM: UTF-16/UTF-8 text (UTF-16 is full of NUL bytes)
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(GZIP_MAGIC):
        return "gzip archive"
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    # Many control characters (other than tab/newline/CR/formfeed/ESC) mean binary.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if head and controls / len(head) > 0.1:
        return "binary data (control characters)"
    return None


def _stray_bytes_as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    return exc.object[exc.start:exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("lagebild_stray_cp1252", _stray_bytes_as_cp1252)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few invalid bytes (a Latin-1 'ü' pasted into a UTF-8 page): decode as UTF-8 and
    read only the stray bytes as cp1252, instead of turning every umlaut of the page into mojibake."""
    probe = data.decode("utf-8", errors="replace")
    bad = probe.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in probe if ord(ch) > 127 and ch != "\ufffd")
    if good < 2 or bad > good:
        return None
    text = data.decode("utf-8", errors="lagebild_stray_cp1252")
    return Decoded(text, "utf-8", f"UTF-8 with {bad} invalid byte(s), read as cp1252")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Bytes -> text. Never raises; `note` says what was done when UTF-8 failed."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16", "decoded as UTF-16 (BOM)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:  # a few stray bytes in a UTF-8 page cost those bytes, not the page (issue 17)
        return mixed
    if declared:
        # As browsers do (WHATWG Encoding): a page declaring latin-1/ASCII is read as windows-1252,
        # so typographic quotes and dashes (bytes 0x80-0x9F) come out right.
        candidates = [declared]
        if declared.lower().replace("_", "-") in _LATIN1_LABELS:
            candidates = ["cp1252", "latin-1"]
        for enc in candidates:
            try:
                return Decoded(data.decode(enc), enc.lower(), f"not UTF-8; decoded as declared {declared} ({enc})")
            except (UnicodeDecodeError, LookupError):
                pass
    # German/Western pages without a declaration are nearly always windows-1252: take it when every
    # non-ASCII character it yields is a Latin letter or common typography (detectors often say
    # cp1250 or worse for such short, umlaut-poor texts).
    try:
        western = data.decode("cp1252")
        odd = sum(1 for ch in western if ord(ch) > 127 and not _WESTERN.match(ch))
        letters = sum(1 for ch in western if ch.isalpha())
        accented = sum(1 for ch in western if ch.isalpha() and ord(ch) > 127)
        # Cyrillic/Greek read as cp1252 is all accented letters; German/French has a few percent.
        if odd == 0 and accented <= 0.2 * max(letters, 1):
            return Decoded(western, "cp1252", "not UTF-8; decoded as cp1252 (Western text)")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        # Detection on short texts can pick exotic code pages (EBCDIC cp037 ...): accept only
        # encodings that European news sites actually use; otherwise fall back to cp1252.
        if best is not None and best.encoding and best.encoding.lower().replace("-", "_") in _PLAUSIBLE:
            enc = best.encoding
            try:
                return Decoded(data.decode(enc), enc, f"not UTF-8; detected charset {enc}")
            except (UnicodeDecodeError, LookupError):
                pass
    except Exception:  # charset detection is best effort
        pass
    # cp1252 covers the typical German web page that is "latin-1"; undefined bytes are replaced.
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", "not UTF-8; decoded as cp1252 (fallback; undefined bytes replaced)")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,30})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,30})""", re.I)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB, if any."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def sniff_kind(head: str) -> str:
    """Guess the input kind from the start of the decoded text: html | feed | warc | jsonl | txt."""
    start = head.lstrip("\ufeff \t\r\n")[:2000]
    low = start.lower()
    if start.startswith("WARC/"):
        return "warc"
    if low.startswith(("<!doctype html", "<html")) or ("<html" in low[:600] and "<body" in low):
        return "html"
    if low.startswith("<?xml") or low.startswith(("<rss", "<feed", "<rdf:rdf")):
        if "<rss" in low or "<feed" in low or "<rdf:rdf" in low or "<channel" in low:
            return "feed"
        if "<html" in low:
            return "html"
        return "feed"  # other XML: the feed reader reports it clearly
    if start.startswith("{"):
        return "jsonl"
    if low.startswith("<") and re.match(r"<(div|p|article|body|head|meta|section)\b", low):
        return "html"
    return "txt"
