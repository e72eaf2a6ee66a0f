"""Precision sanity check on a dated German stream: 700 Wikinews articles (2004-2017).

    python training/cluster/wikinews_stream.py

No gold: the articles of the Wikinews quotation corpus (shared data, train split) are mostly
separate events spread over 13 years, so every multi-article story this prints can be judged by
its titles and dates. It is where the time damping of story-level merges was checked (before it:
11 multi-article stories, among them earthquakes seven years apart and Bundesliga match days of
different seasons; after: 3, all from the same few days or weeks).
"""
from __future__ import annotations

import gzip
import json

from lagebild.datapaths import shared_data
from lagebild.link.cluster import cluster_features
from lagebild.link.similarity import extract_features


def load() -> list[dict]:
    base = shared_data("quotes", "wikinews-quotes-2024")
    meta = {}
    for line in (base / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        doc_id, date, title = line.split("\t")[:3]
        meta[doc_id] = (date, title)
    rows = []
    with gzip.open(base / "train.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            date, title = meta.get(str(doc.get("file_id")), (None, None))
            rows.append({"id": str(doc.get("file_id")), "title": title, "text": doc["originalText"], "published": date})
    return rows


def main() -> None:
    rows = load()
    by_id = {r["id"]: r for r in rows}
    feats = [extract_features(r["id"], r["text"], r["title"], "de", r["published"]) for r in rows]
    multi = [c for c in cluster_features(feats) if len(c["article_ids"]) > 1]
    print(f"{len(rows)} articles, {len(multi)} multi-article stories")
    for c in multi:
        print(" | ".join(f"{by_id[a]['published']} {by_id[a]['title']}" for a in c["article_ids"]))


if __name__ == "__main__":
    main()
