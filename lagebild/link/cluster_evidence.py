"""Evidence rows of story membership (moved out of cluster.py, which is at its size limit): for
each member of a story, its average link to the other members split by channel (text, entities,
numbers), the names and figures it shares with them and how it joined. Read by
`StoryIndex.clusters`; nothing here changes the index."""
from __future__ import annotations

from .sparse import at, sdot

_CHANNELS = ("text", "entities", "numbers")


def evidence_row(index, aid: str, st) -> dict:
    """Why `aid` is in `st`: its average link to the other members, split by channel."""
    art = index.stored[aid]
    original = index.copy_of.get(aid)
    n = st.units - 1
    parts = {c: 0.0 for c in _CHANNELS}
    shared: dict[str, list[tuple[float, str]]] = {"entities": [], "numbers": []}
    if n > 0:
        # the rest of the story: a copy is not in the sum vector, its original is left out
        own = art.vals if original is None else at(index.stored[original].keys, index.stored[original].vals, art.keys)
        rest = st.get(art.keys) - own
        for h, v, c, other in zip(art.keys.tolist(), art.vals.tolist(), art.chan.tolist(), rest.tolist()):
            if other <= 1e-7:
                continue
            contrib = v * other / n
            parts[_CHANNELS[c]] += contrib
            if c > 0 and h in index.surface:
                shared[_CHANNELS[c]].append((contrib, index.surface[h]))
    score = sum(parts.values())
    via = index.joined_via.get(aid, "founder")
    if original is not None:
        via = "duplicate"  # evidence: 'duplicate_of'
    elif n > 0 and via != "founder":
        via = max(parts, key=parts.get)
    row = {
        "article_id": aid,
        "score": round(score, 4),
        "similarity": {k: round(v, 4) for k, v in parts.items()},
        "shared_entities": [t for _, t in sorted(shared["entities"], reverse=True)[:10]],
        "shared_figures": [t for _, t in sorted(shared["numbers"], reverse=True)[:10]],
        "joined_via": via if n > 0 or original is not None else "singleton",
    }
    if original is not None:
        row["duplicate_of"] = original
        row["duplicate_similarity"] = round(sdot(art.keys, art.vals, index.stored[original].keys,
                                                  index.stored[original].vals), 4)
    return row
