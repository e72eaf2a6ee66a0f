"""The few pieces of raw-HTML reading that work on tag strings rather than a parsed tree: the
<link> and <meta> tags of a page's head and their attributes (read by `html` for canonical links
and og:url, by `date_context` for date metadata)."""
from __future__ import annotations

import re
from html import unescape

LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def attrs(tag: str) -> dict[str, str]:
    """A tag string's attributes, names lower-cased; values are HTML text, unescaped
    ('https&#x3A;&#x2F;&#x2F;www.x.de&#x2F;a.html' is 'https://www.x.de/a.html')."""
    return {m.group(1).lower(): unescape(m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None
                                         else m.group(4))
            for m in _ATTR.finditer(tag)}
