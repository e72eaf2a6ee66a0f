"""Derive the synonym table for figure topics (lagebild/analyse/topic_synonyms.json) from data.

    nice python training/numbers/build_synonyms.py [--threshold 0.55] [--write]

Method (no hand list of synonyms):
1. Read the unlabelled German text in shared/data (10kGNAD news, Wikinews, Bundestag
   debates, Europarl, Wikipedia NER sentences, UD, legal text) as sentences of words.
2. Key every noun (capitalised word not starting a sentence) with `topics.noun_key`, so
   'Soldaten' and 'Soldat' are one type; other words are lower-cased.
3. Count co-occurrences in a +-5 word window, weight them with positive PMI (context
   distribution smoothed by ^0.75), reduce to 150 dimensions (truncated SVD).
4. Candidates are the nouns seen counted (right after a number, optionally with adjectives
   between) at least MIN_COUNTED times. Two candidates are synonyms when each is among the
   other's 3 nearest candidates and their cosine is >= threshold. Groups are the connected
   components of that graph; the most frequent member is the representative.
5. It prints, for the synonym pairs in tests/data/topic_pairs.tsv (written by
   hand, with negatives such as tote/verletzt that a distributional model tends to merge),
   accuracy of the derived table and ROC-AUC of the raw cosine; `--write` stores the table.

Finding (2.1M words): cosine AUC 0.41, table accuracy 0.48 -- the vectors capture
relatedness ('tot' ~ 'zivilist', 'flüchtling' ~ 'österreich'), not synonymy, so the
runtime relies on the general lexicon in topics.py and this table is not written by default.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from lagebild.analyse.numbers import parse_number_word  # noqa: E402
from lagebild.analyse.topics import SYNONYM_FILE, noun_key  # noqa: E402
from lagebild.datapaths import shared_data  # noqa: E402

PAIRS = REPO / "tests" / "data" / "topic_pairs.tsv"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d[\d.,]*")
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
WINDOW, DIMS, MIN_FREQ, MIN_COUNTED, CONTEXTS, MAX_GROUP = 5, 150, 5, 2, 30000, 4
csv.field_size_limit(10**9)


def _raw_texts():
    p = shared_data("corpus", "10kgnad", "test.csv")
    if p.exists():
        with open(p, encoding="utf-8") as f:
            for row in csv.reader(f, delimiter=";", quotechar="'"):
                if len(row) >= 2:
                    yield row[1]
    p = shared_data("quotes", "wikinews-quotes-2024", "train.jsonl.gz")
    if p.exists():
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)["originalText"]


def _token_files():
    """(path, token column) of token-per-line corpora."""
    d = shared_data()
    for rel, col in [
        ("ner/europarl-de/train.tsv", 0), ("ner/europarl-de/dev.tsv", 0), ("ner/wikineural-de/dev.conllu", 1),
        ("ner/wikiann-de/train.conllu", 1), ("ner/germeval2014/dev.tsv", 1), ("ud/de-gsd/dev.conllu", 1),
        ("ner/legal-de/dev.conll", 0), ("ner/mobie/train.conll2003", 0),
        # historical newspapers (1800-1950): much war and army reporting
        ("ner/hipe2020-de/HIPE-data-v1.4-train-de.tsv", 0), ("ner/hipe2020-de/HIPE-data-v1.4-dev-de.tsv", 0),
        ("ner/newseye-de/HIPE-2022-v2.1-newseye-dev-de.tsv", 0),
        ("ner/newseye-de/HIPE-2022-v2.1-newseye-dev2-de.tsv", 0), ("ner/sonar-de/HIPE-2022-v2.1-sonar-dev-de.tsv", 0),
        ("ner/europeana-de/enp_DE.lft.bio", 0), ("ner/europeana-de/enp_DE.onb.bio", 0),
        ("ner/europeana-de/enp_DE.sbb.bio", 0), ("ner/ehri-de/ehri_de.txt", 0),
    ]:
        if (d / rel).exists():
            yield d / rel, col


def sentences():
    """Lists of word strings."""
    for text in _raw_texts():
        for para in text.split("\n"):
            for s in SENT.split(para):
                w = WORD.findall(s)
                if len(w) > 3:
                    yield w
    for path, col in _token_files():
        cur: list[str] = []
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    if len(cur) > 3:
                        yield cur
                    cur = []
                    continue
                parts = line.split("\t") if "\t" in line else line.split(" ")
                if len(parts) > col and WORD.fullmatch(parts[col]):
                    cur.append(parts[col])
        if len(cur) > 3:
            yield cur
    d = shared_data("quotes", "redewiedergabe", "tsv")
    for p in sorted(d.glob("*.tsv.gz")) if d.exists() else []:
        cur = []
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 6 or parts[0] == "tok":
                    continue
                if parts[5] == "yes" and len(cur) > 3:
                    yield cur
                    cur = []
                if WORD.fullmatch(parts[0]):
                    cur.append(parts[0])
        if len(cur) > 3:
            yield cur
    d = shared_data("quotes", "spkatt2023")
    for p in sorted(d.glob("*/*.json")) if d.exists() else []:
        for s in json.loads(p.read_text(encoding="utf-8")).get("Sentences", []):
            w = [t for t in s["Tokens"] if WORD.fullmatch(t)]
            if len(w) > 3:
                yield w


def _is_number(w: str) -> bool:
    return w[0].isdigit() or parse_number_word(w) is not None


def build(threshold: float, write: bool) -> None:
    vocab: dict[str, int] = {}
    ids: list[int] = []
    sent_id: list[int] = []
    counted: Counter = Counter()
    coordinated: set[tuple[str, str]] = set()
    key_cache: dict[str, str] = {}
    for si, words in enumerate(sentences()):
        prev_num = -9
        for k, w in enumerate(words):
            if k > 0 and w[0].isupper() and not w.isupper():
                key = key_cache.get(w)
                if key is None:
                    key = key_cache[w] = "N:" + (noun_key(w) or w.lower())
                if k - prev_num <= 3 and all(x.islower() for x in words[prev_num + 1:k]):
                    counted[key] += 1
            else:
                key = w.lower()
                if _is_number(w):
                    prev_num = k
            if k >= 2 and key.startswith("N:") and words[k - 1].lower() in ("und", "oder", "sowie", "bzw"):
                # 'Tote und Verletzte', 'Männer und Frauen': coordinated nouns are different sets
                j = k - 2
                while j > 0 and words[j].islower():
                    j -= 1
                other = key_cache.get(words[j])
                if other and other != key:
                    coordinated.add((other, key))
                    coordinated.add((key, other))
            ids.append(vocab.setdefault(key, len(vocab)))
            sent_id.append(si)
    ids_a = np.array(ids)
    sid = np.array(sent_id)
    freq = np.bincount(ids_a, minlength=len(vocab))
    inv = {i: w for w, i in vocab.items()}
    print(f"tokens {len(ids_a)}, types {len(vocab)}, sentences {sid[-1] + 1}", file=sys.stderr)

    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    ctx_ids = np.argsort(-freq)[:CONTEXTS]
    ctx_map = -np.ones(len(vocab), dtype=np.int64)
    ctx_map[ctx_ids] = np.arange(len(ctx_ids))
    targets = np.where(freq >= MIN_FREQ)[0]
    tgt_map = -np.ones(len(vocab), dtype=np.int64)
    tgt_map[targets] = np.arange(len(targets))
    rows, cols = [], []
    for d in range(1, WINDOW + 1):
        same = sid[:-d] == sid[d:]
        a, b = ids_a[:-d][same], ids_a[d:][same]
        for x, y in ((a, b), (b, a)):
            ok = (tgt_map[x] >= 0) & (ctx_map[y] >= 0)
            rows.append(tgt_map[x][ok])
            cols.append(ctx_map[y][ok])
    r, c = np.concatenate(rows), np.concatenate(cols)
    m = sparse.coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(targets), len(ctx_ids))).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_p = np.asarray(m.sum(axis=1)).ravel() / total
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col / col.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / (row_p[m.row] * col_p[m.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    vec = TruncatedSVD(n_components=DIMS, random_state=0).fit_transform(ppmi)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    index = {inv[t][2:]: k for k, t in enumerate(targets) if inv[t].startswith("N:")}

    cands = [w for w, n in counted.items() if n >= MIN_COUNTED and w[2:] in index]
    cand_keys = [w[2:] for w in cands]
    cv = vec[[index[k] for k in cand_keys]]
    sims = cv @ cv.T
    np.fill_diagonal(sims, -1)
    top = np.argsort(-sims, axis=1)[:, :3]
    parent = list(range(len(cand_keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(len(cand_keys)):
        for j in top[i]:
            if i in top[j] and sims[i, j] >= threshold and (cands[i], cands[j]) not in coordinated:
                parent[find(i)] = find(j)
    comps: dict[int, list[int]] = {}
    for i in range(len(cand_keys)):
        comps.setdefault(find(i), []).append(i)
    nfreq = {k: counted["N:" + k] for k in cand_keys}
    groups = [sorted((cand_keys[i] for i in g), key=lambda k: -nfreq[k]) for g in comps.values() if 1 < len(g) <= MAX_GROUP]
    print(f"counted-noun candidates {len(cand_keys)}, synonym groups {len(groups)}", file=sys.stderr)

    if write:
        SYNONYM_FILE.write_text(json.dumps({
            "method": "PPMI+SVD over shared/data German text, mutual top-3 counted nouns, cosine >= "
                      f"{threshold}; built by training/numbers/build_synonyms.py",
            "groups": sorted(groups),
        }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    evaluate(vec, index, groups)


def evaluate(vec, index, groups) -> None:
    if not PAIRS.exists():
        return
    rep = {k: g[0] for g in groups for k in g}
    scores, gold, right, n = [], [], 0, 0
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, lab = line.split("\t")
        ka, kb = noun_key(a), noun_key(b)
        same = rep.get(ka, ka) == rep.get(kb, kb)
        right += same == (lab == "1")
        n += 1
        if ka in index and kb in index:
            scores.append(float(vec[index[ka]] @ vec[index[kb]]))
            gold.append(lab == "1")
    from sklearn.metrics import roc_auc_score

    auc = roc_auc_score(gold, scores) if len(set(gold)) == 2 else None
    print(json.dumps({"pairs": n, "table_accuracy": round(right / n, 4), "pairs_in_vocab": len(scores),
                      "cosine_auc": round(auc, 4) if auc else None}))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.55)
    ap.add_argument("--write", action="store_true", help="write lagebild/analyse/topic_synonyms.json")
    args = ap.parse_args()
    build(args.threshold, args.write)
