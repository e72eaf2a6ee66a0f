"""Ingest: files, directories and globs -> RawDocument records (or one IngestError per bad file/line)."""
from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import IngestError, RawDocument

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def stable_id(*parts: str) -> str:
    """A short stable hash id for URLs/records."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def expand_paths(paths: Iterable[str]) -> Iterator[Path]:
    """Files, directories (recursively, sorted) and globs -> files."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif path.exists():
            yield path
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield path  # reported as missing by read_file
            for m in matches:
                if Path(m).is_file():
                    yield Path(m)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Read one file of any supported kind."""
    if not path.exists():
        yield IngestError(str(path), "no such file")
        return
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        yield IngestError(str(path), "empty file")
        return
    yield RawDocument(id=path.stem, source=str(path), text=text)


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    for path in expand_paths(paths):
        yield from read_file(path, max_bytes)
