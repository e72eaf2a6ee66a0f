"""Static German word vectors for the NER model, trained by lagebild from the unlabelled text in
shared/data (issue 4: "may pretrain or train word vectors from the unlabelled German text").

    python -m lagebild.training.vectors --out training/ner/runs/vectors

1. collect German text: everything `build_raw_text` reads (10kGNAD, Wikinews quotes, GePaDe, the words of
   the labelled NER pool minus GermEval) plus the main text of the boilerplate and date HTML pages
   (trafilatura), Wikinews SpkAtt documents and the REDEWIEDERGABE samples;
   GermEval-2014 is left out entirely, so no hold-out sentence is seen even unlabelled;
2. tokenise with the runtime tokenizer and train gensim FastText (skip-gram, char 3-5 grams);
3. export the most frequent words plus every word of the NER training data (FastText composes
   vectors for rare/unseen words from their character n-grams) as a spaCy vectors table
   (`spacy init vectors`), small enough for the shipped model (<= 30 MB in total).
"""
from __future__ import annotations

import gzip
import json
import time
from collections import Counter
from pathlib import Path

import typer

from ..datapaths import shared_data
from .ner import SEED, WORK, build_raw_text, sha256


def _html_texts() -> tuple[list[str], list[Path]]:
    import trafilatura

    out, files = [], []
    for sub in (("boilerplate", "trafilatura-de", "html"), ("dates", "htmldate", "html")):
        d = shared_data(*sub)
        if not d.exists():
            continue
        for f in sorted(d.glob("*")):
            if not f.is_file():
                continue
            raw = f.read_bytes()
            if f.suffix == ".gz":
                raw = gzip.decompress(raw)
            text = trafilatura.extract(raw.decode("utf-8", "replace"), include_comments=False) or ""
            out.extend(p for p in text.split("\n") if len(p.split()) >= 5)
            files.append(f)
    return out, files


def _quote_corpora() -> tuple[list[str], list[Path]]:
    out, files = [], []
    d = shared_data("quotes", "wikinews-spkatt", "train")
    for f in sorted(d.glob("*.json")) if d.exists() else []:
        doc = json.loads(f.read_text(encoding="utf-8"))
        sents = doc.get("Sentences") or doc.get("sentences") or []
        for s in sents:
            toks = s.get("Tokens") or s.get("tokens") or []
            if len(toks) >= 5:
                out.append(" ".join(toks))
        if not sents and isinstance(doc.get("text"), str):
            out.extend(p for p in doc["text"].split("\n") if len(p.split()) >= 5)
        files.append(f)
    d = shared_data("quotes", "redewiedergabe", "tsv")
    for f in sorted(d.glob("*.tsv*")) if d.exists() else []:
        opener = gzip.open if f.suffix == ".gz" else open
        sent: list[str] = []
        with opener(f, "rt", encoding="utf-8") as fh:
            next(fh, None)
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 6:
                    continue
                if cols[5] in ("yes", "1", "True") and sent:
                    if len(sent) >= 5:
                        out.append(" ".join(sent))
                    sent = []
                sent.append(cols[0])
        if len(sent) >= 5:
            out.append(" ".join(sent))
        files.append(f)
    return out, files


def collect(work: Path) -> tuple[Path, dict]:
    """Write one tokenised sentence/paragraph per line to work/text.txt; return (path, provenance)."""
    from ..analyse.nlp import get_nlp

    work.mkdir(parents=True, exist_ok=True)
    raw = work / "raw.jsonl"
    prov = build_raw_text(raw, SEED)
    lines = [json.loads(x)["text"] for x in raw.read_text(encoding="utf-8").splitlines()]
    extra_files: list[Path] = []
    for fn in (_html_texts, _quote_corpora):
        more, files = fn()
        lines.extend(more)
        extra_files.extend(files)
    tok = get_nlp("de").tokenizer
    path = work / "text.txt"
    n_tok = 0
    with open(path, "w", encoding="utf-8") as fh:
        for line in dict.fromkeys(lines):  # de-duplicate, keep order
            words = [t.text for t in tok(line) if not t.is_space]
            n_tok += len(words)
            fh.write(" ".join(words) + "\n")
    prov["extra_files"] = len(extra_files)
    prov["extra_sha256_sample"] = {str(f.relative_to(shared_data())): sha256(f) for f in extra_files[:20]}
    prov["tokens"] = n_tok
    return path, prov


def train(text: Path, dim: int, epochs: int, seed: int):
    from gensim.models import FastText

    class Lines:
        def __iter__(self):
            with open(text, encoding="utf-8") as fh:
                for line in fh:
                    yield line.split()

    model = FastText(vector_size=dim, window=5, min_count=3, sg=1, min_n=3, max_n=5, bucket=400_000,
                     workers=2, seed=seed, epochs=epochs)
    model.build_vocab(corpus_iterable=Lines())
    model.train(corpus_iterable=Lines(), total_examples=model.corpus_count, epochs=epochs)
    return model


def export(model, text: Path, ner_words: list[str], n_top: int, out_txt: Path) -> int:
    """Write word2vec text format: the n_top most frequent corpus words + every NER training word."""
    counts: Counter[str] = Counter()
    with open(text, encoding="utf-8") as fh:
        for line in fh:
            counts.update(line.split())
    words = [w for w, _ in counts.most_common(n_top)]
    seen = set(words)
    ner_counts = Counter(ner_words)
    words.extend(w for w, c in ner_counts.most_common() if c >= 2 and w not in seen and " " not in w)
    with open(out_txt, "w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {model.wv.vector_size}\n")
        for w in words:
            v = model.wv[w]
            fh.write(w + " " + " ".join(f"{x:.4f}" for x in v) + "\n")
    return len(words)


def main(out: Path = typer.Option(WORK / "vectors"), dim: int = typer.Option(64), epochs: int = typer.Option(5),
         top: int = typer.Option(50_000), ner_train: Path = typer.Option(WORK / "run2" / "train.spacy"),
         seed: int = typer.Option(SEED)) -> None:
    import spacy
    from spacy.tokens import DocBin

    t0 = time.time()
    text, prov = collect(out)
    t1 = time.time()
    model = train(text, dim, epochs, seed)
    t2 = time.time()
    ner_words: list[str] = []
    if ner_train.exists():
        for d in DocBin().from_disk(ner_train).get_docs(spacy.blank("de").vocab):
            ner_words.extend(t.text for t in d)
    n = export(model, text, ner_words, top, out / "vectors.txt")
    import subprocess
    import sys
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "de", str(out / "vectors.txt"),
                    str(out / "spacy_vectors")], check=True)
    prov.update({"dim": dim, "epochs": epochs, "top": top, "rows": n, "seed": seed,
                 "collect_seconds": round(t1 - t0), "train_seconds": round(t2 - t1)})
    (out / "vectors_manifest.json").write_text(json.dumps(prov, indent=1, ensure_ascii=False), encoding="utf-8")
    typer.echo(json.dumps({k: v for k, v in prov.items() if "sha256" not in k}))


if __name__ == "__main__":
    typer.run(main)
