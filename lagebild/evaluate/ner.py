"""`lagebild eval ner FILE`: strict span P/R/F1 of the shipped NER model on gold-tokenised text.

Input: GermEval-2014 tsv ('#' comment lines; idx, token, outer tag, inner tag) or CoNLL (token TAG,
or tab-separated 'idx token tag'). Only OUTER spans are scored (GermEval's main metric).

Scoring (micro, exact span boundaries and exact label):
- strict: the 12 GermEval labels are kept distinct (LOC != LOCderiv != LOCpart; OTH is MISC). The
  model predicts these fine labels itself; `Mention` carries them as label=base + derived=True
  (LOCderiv and LOCpart both -> LOC, derived=True; see lagebild.analyse.entities.split_label).
- coarse: *deriv / *part collapsed to the base type in gold and prediction.

`--holdout` selects the 700 GermEval-2014 dev sentences the model never saw (dev[1500:2200]);
`--sentences A:B` selects any slice.
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

from . import emit, prf


def base_label(label: str) -> str:
    return label.replace("deriv", "").replace("part", "")


def score_spans(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict:
    """Micro P/R/F1, strict and coarse, plus per-label (strict) with support."""
    out: dict = {}
    for name, conv in (("strict", lambda x: x), ("coarse", base_label)):
        tp = fp = fn = 0
        per_tp: Counter = Counter()
        per_fp: Counter = Counter()
        per_fn: Counter = Counter()
        for g, p in zip(gold, pred):
            gs = {(s, e, conv(lab)) for s, e, lab in g}
            ps = {(s, e, conv(lab)) for s, e, lab in p}
            for x in gs & ps:
                per_tp[x[2]] += 1
            for x in ps - gs:
                per_fp[x[2]] += 1
            for x in gs - ps:
                per_fn[x[2]] += 1
            tp += len(gs & ps)
            fp += len(ps - gs)
            fn += len(gs - ps)
        out[name] = prf(tp, fp, fn)
        if name == "strict":
            out["gold_spans"], out["pred_spans"] = tp + fn, tp + fp
        labels = sorted(set(per_tp) | set(per_fp) | set(per_fn))
        out[f"per_label_{name}"] = {
            lab: prf(per_tp[lab], per_fp[lab], per_fn[lab]) | {"support": per_tp[lab] + per_fn[lab]} for lab in labels
        }
    return out


def predict(nlp, sents_words: list[list[str]], rules: bool = True, model_dir: str | None = None):
    """Run model (+ gazetteer rules) on gold tokens; return spans per sentence and seconds spent."""
    from spacy.tokens import Doc

    from ..analyse.entities import tag

    docs = [Doc(nlp.vocab, words=[w if w.strip() else "_" for w in ws]) for ws in sents_words]
    t0 = time.perf_counter()
    out = []
    for doc in tag(nlp, docs, rules=rules, model_dir=model_dir, batch_size=256):
        out.append([(e.start, e.end, e.label_) for e in doc.ents])
    return out, time.perf_counter() - t0


def load_gold(path: str, sentences: Optional[str] = None, holdout: bool = False):
    """[(words, spans)] from a tsv/CoNLL file or a spaCy DocBin (.spacy)."""
    from ..analyse import ner_corpora as C

    if path.endswith(".spacy"):
        import spacy
        from spacy.tokens import DocBin

        vocab = spacy.blank("de").vocab
        docs = list(DocBin().from_disk(path).get_docs(vocab))
        items = [([t.text for t in d], [(e.start, e.end, e.label_) for e in d.ents]) for d in docs]
    else:
        items = [(s.words, C.spans_of(s.tags)) for s in C.read_any(Path(path))]
    if holdout:
        from ..training.ner import GE_HOLDOUT

        if len(items) != 2200:
            raise typer.BadParameter(f"--holdout expects GermEval-2014 dev.tsv (2200 sentences), got {len(items)}")
        items = items[slice(*GE_HOLDOUT)]
    elif sentences:
        a, _, b = sentences.partition(":")
        items = items[slice(int(a) if a else None, int(b) if b else None)]
    return items


def score_model(model_dir, path: str, sentences: Optional[str] = None, holdout: bool = False,
                rules: bool = True) -> dict:
    from ..analyse.entities import load_model

    nlp = load_model(str(model_dir))
    items = load_gold(path, sentences, holdout)
    pred, secs = predict(nlp, [w for w, _ in items], rules=rules, model_dir=str(model_dir))
    res = score_spans([g for _, g in items], pred)
    n_tok = sum(len(w) for w, _ in items)
    res.update({"sentences": len(items), "tokens": n_tok, "tokens_per_s": round(n_tok / secs) if secs else None})
    return res


def run(
    file: str = typer.Argument(..., help="GermEval-2014 tsv or CoNLL file"),
    holdout: bool = typer.Option(False, "--holdout", help="only the 700 held-out GermEval dev sentences"),
    sentences: Optional[str] = typer.Option(None, "--sentences", help="slice A:B of the file's sentences"),
    model: Optional[str] = typer.Option(None, "--model", help="model dir (default: the shipped model)"),
    rules: bool = typer.Option(True, "--rules/--no-rules", help="apply the gazetteer rules after the model"),
) -> None:
    """Strict/coarse span P/R/F1 and per-label F1 of the NER model; prints one JSON line."""
    from ..analyse.entities import model_path

    mdir = model or str(model_path())
    res = score_model(mdir, file, sentences, holdout, rules)
    emit({"task": "ner", "file": file, "slice": "holdout" if holdout else sentences,
          "model": str(mdir), "rules": rules, **res})
