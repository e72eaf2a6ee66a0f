"""The incremental story index (`link.cluster.StoryIndex`) as plain arrays + JSON, never pickle.

Unpickling runs code: anyone who could write to a shared database could run code on every
machine that ingests into it. This codec writes only numbers, strings and numpy arrays into an
`.npz` archive and reads it back with `allow_pickle=False`; the classes it rebuilds are named
here, not in the data. Document frequencies (a 4 M-bucket vector, mostly zeros) are stored
sparsely, so the state is small: a few hundred bytes per article.

The codec knows every attribute of StoryIndex, _Story and _Stored: an attribute it does not know
raises `IndexFormatError` (a test catches that when the index grows a field), and a stored state
it cannot read makes the caller rebuild the index from the stored articles.
"""
from __future__ import annotations

import io
import json
from collections import defaultdict

import numpy as np

FORMAT = 1

_INDEX_FIELDS = {"threshold", "vectoriser", "stories", "redirect", "postings", "story_of", "stored", "joined_via",
                 "surface", "copy_of", "copies_of"}
_STORY_FIELDS = {"id", "founder", "keys", "vals", "article_ids", "first", "last", "copies", "sq", "langs"}
_STORY_DERIVED = {"first_day", "last_day"}  # not stored: _Story rebuilds them from first and last
_STORED_FIELDS = {"keys", "vals", "chan", "published", "length", "lang"}
_VECTORISER_FIELDS = {"df", "n_docs"}


class IndexFormatError(ValueError):
    """The state is not one this codec writes (or the index has fields it does not know)."""


def _check(obj, known: set[str], what: str) -> None:
    extra = set(vars(obj)) - known
    if extra:
        raise IndexFormatError(f"{what} has fields the codec does not store: {sorted(extra)}")


def _ragged(arrays: list[np.ndarray], dtype) -> tuple[np.ndarray, np.ndarray]:
    """(concatenation, offsets) of a list of 1-d arrays."""
    offsets = np.zeros(len(arrays) + 1, np.int64)
    if arrays:
        offsets[1:] = np.cumsum([len(a) for a in arrays])
        flat = np.concatenate([np.asarray(a, dtype) for a in arrays]) if offsets[-1] else np.zeros(0, dtype)
    else:
        flat = np.zeros(0, dtype)
    return flat, offsets


def _split(flat: np.ndarray, offsets: np.ndarray) -> list[np.ndarray]:
    return [flat[offsets[i]:offsets[i + 1]].copy() for i in range(len(offsets) - 1)]


def dump_index(index) -> bytes:
    """StoryIndex -> bytes (an .npz archive of arrays and one JSON document)."""
    _check(index, _INDEX_FIELDS, "StoryIndex")
    _check(index.vectoriser, _VECTORISER_FIELDS, "Vectoriser")
    stories = list(index.stories.values())
    for st in stories:
        _check(st, _STORY_FIELDS | _STORY_DERIVED, "_Story")
    stored_ids = list(index.stored)
    stored = [index.stored[a] for a in stored_ids]
    for art in stored:
        _check(art, _STORED_FIELDS, "_Stored")
    df = index.vectoriser.df
    nz = np.flatnonzero(df).astype(np.int64)
    meta = {
        "format": FORMAT,
        "threshold": index.threshold,
        "n_docs": index.vectoriser.n_docs,
        "df_size": int(len(df)),
        "stories": [{"id": st.id, "founder": list(st.founder), "article_ids": st.article_ids, "first": st.first,
                     "last": st.last, "copies": st.copies, "sq": st.sq, "langs": st.langs} for st in stories],
        "stored": [{"id": a, "published": s.published, "length": s.length, "lang": s.lang}
                   for a, s in zip(stored_ids, stored)],
        "redirect": index.redirect,
        "postings": [[k, v] for k, v in index.postings.items()],
        "story_of": index.story_of,
        "joined_via": index.joined_via,
        "surface": [[k, v] for k, v in index.surface.items()],
        "copy_of": index.copy_of,
        "copies_of": index.copies_of,
    }
    sk, sk_off = _ragged([st.keys for st in stories], np.int32)
    sv, _ = _ragged([st.vals for st in stories], np.float32)
    ak, ak_off = _ragged([s.keys for s in stored], np.int32)
    av, _ = _ragged([s.vals for s in stored], np.float32)
    ac, _ = _ragged([s.chan for s in stored], np.int8)
    buf = io.BytesIO()
    np.savez_compressed(
        buf, meta=np.frombuffer(json.dumps(meta, separators=(",", ":")).encode("utf-8"), np.uint8),
        df_idx=nz, df_val=df[nz], story_keys=sk, story_vals=sv, story_off=sk_off,
        art_keys=ak, art_vals=av, art_chan=ac, art_off=ak_off)
    return buf.getvalue()


def load_index(blob: bytes):
    """bytes from `dump_index` -> StoryIndex; IndexFormatError when they are not such a state."""
    from ..link.cluster import POSTINGS_CAP, StoryIndex, _Story, _Stored
    from ..link.postings import Postings

    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
    except Exception as exc:  # not an npz, a pickle from an older version, truncated ...
        raise IndexFormatError(f"not a stored story index: {type(exc).__name__}") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise IndexFormatError("unknown story index format")
    try:
        index = StoryIndex(threshold=float(meta["threshold"]))
        vec = index.vectoriser
        df = np.zeros(int(meta["df_size"]), np.int32)
        df[arrays["df_idx"]] = arrays["df_val"]
        vec.df, vec.n_docs = df, int(meta["n_docs"])
        skeys = _split(arrays["story_keys"], arrays["story_off"])
        svals = _split(arrays["story_vals"], arrays["story_off"])
        for row, k, v in zip(meta["stories"], skeys, svals, strict=True):
            index.stories[row["id"]] = _Story(
                id=row["id"], founder=tuple(row["founder"]), keys=k, vals=v, article_ids=list(row["article_ids"]),
                first=row["first"], last=row["last"], copies=int(row["copies"]), sq=float(row["sq"]),
                langs=dict(row["langs"]))
        akeys = _split(arrays["art_keys"], arrays["art_off"])
        avals = _split(arrays["art_vals"], arrays["art_off"])
        achan = _split(arrays["art_chan"], arrays["art_off"])
        for row, k, v, c in zip(meta["stored"], akeys, avals, achan, strict=True):
            index.stored[row["id"]] = _Stored(k, v, c, row["published"], int(row["length"]), row["lang"])
        index.redirect = dict(meta["redirect"])
        index.postings = Postings.from_items(((int(k), list(v)) for k, v in meta["postings"]), index.redirect,
                                             POSTINGS_CAP, len(index.postings.row_of))
        index.story_of = dict(meta["story_of"])
        index.joined_via = dict(meta["joined_via"])
        index.surface = {int(k): v for k, v in meta["surface"]}
        index.copy_of = dict(meta["copy_of"])
        index.copies_of = defaultdict(list, {k: list(v) for k, v in meta["copies_of"].items()})
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise IndexFormatError(f"story index state is inconsistent: {type(exc).__name__}: {exc}") from exc
    return index
