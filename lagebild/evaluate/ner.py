"""`lagebild eval ner FILE`: span P/R/F1 of the shipped NER model on gold-tokenised text.

Input: GermEval-2014 tsv ('#' comment lines; idx, token, outer tag, inner tag) or CoNLL (token TAG,
or tab-separated 'idx token tag').

GermEval-2014's official metrics (nereval.perl; Benikova et al. 2014):
- M1 (the official ranking metric, printed as the headline `strict`): strict, outer AND inner
  (first- and second-level) spans combined: true positives, false positives and false negatives
  of both levels are added up, then micro P/R/F1. The model predicts one level only, so every gold
  inner span is a false negative: M1 says so honestly (`m3_2_inner.recall` is 0).
- M3.1 (`m3_1_outer`): strict on outer spans only (what earlier READMEs called "strict");
  M3.2 (`m3_2_inner`): strict on inner spans only.
CoNLL input has no inner level: M1 equals M3.1 there.

Per-level scoring (micro, exact span boundaries and exact label):
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

from . import emit, prf, shown_path


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


def official(gold_outer, gold_inner, pred_outer, pred_inner=None) -> dict:
    """GermEval-2014 M1 (outer + inner combined, strict) with M3.1 / M3.2 beside it."""
    pred_inner = pred_inner or [[] for _ in gold_inner]

    def counts(gold, pred):
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            gs, ps = set(g), set(p)
            tp, fp, fn = tp + len(gs & ps), fp + len(ps - gs), fn + len(gs - ps)
        return tp, fp, fn

    o, i = counts(gold_outer, pred_outer), counts(gold_inner, pred_inner)
    return {
        "m1": prf(o[0] + i[0], o[1] + i[1], o[2] + i[2]),
        "m3_1_outer": prf(*o) | {"gold": o[0] + o[2], "pred": o[0] + o[1]},
        "m3_2_inner": prf(*i) | {"gold": i[0] + i[2], "pred": i[0] + i[1]},
    }


def write_germeval(path: str, items, pred_outer, pred_inner=None) -> None:
    """Predictions as GermEval-2014 tsv (idx, token, outer, inner; IOB2), for any external scorer."""
    pred_inner = pred_inner or [[] for _ in items]

    def tags(n, spans):
        t = ["O"] * n
        for s, e, lab in spans:
            ge = lab.replace("MISC", "OTH")
            t[s] = "B-" + ge
            for k in range(s + 1, e):
                t[k] = "I-" + ge
        return t

    with open(path, "w", encoding="utf-8") as fh:
        for item, po, pi in zip(items, pred_outer, pred_inner):
            words = item[0]
            to, ti = tags(len(words), po), tags(len(words), pi)
            for k, w in enumerate(words):
                fh.write(f"{k + 1}\t{w}\t{to[k]}\t{ti[k]}\n")
            fh.write("\n")


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
    """[(words, outer spans, inner spans)] from a tsv/CoNLL file or a spaCy DocBin (.spacy)."""
    from ..analyse import ner_corpora as C

    if path.endswith(".spacy"):
        import spacy
        from spacy.tokens import DocBin

        vocab = spacy.blank("de").vocab
        docs = list(DocBin().from_disk(path).get_docs(vocab))
        items = [([t.text for t in d], [(e.start, e.end, e.label_) for e in d.ents], []) for d in docs]
    elif C.is_germeval(path):
        outer = list(C.read_germeval(Path(path)))
        inner = list(C.read_germeval(Path(path), level="inner"))
        items = [(o.words, C.spans_of(o.tags), C.spans_of(i.tags)) for o, i in zip(outer, inner)]
    else:
        items = [(s.words, C.spans_of(s.tags), []) for s in C.read_any(Path(path))]
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
                rules: bool = True, predictions: Optional[str] = None) -> dict:
    """M1 as the headline `strict`, M3.1 / M3.2 and the per-level breakdown (outer) beside it."""
    from ..analyse.entities import load_model

    nlp = load_model(str(model_dir))
    items = load_gold(path, sentences, holdout)
    pred, secs = predict(nlp, [it[0] for it in items], rules=rules, model_dir=str(model_dir))
    outer = score_spans([it[1] for it in items], pred)
    off = official([it[1] for it in items], [it[2] for it in items], pred)
    if predictions:
        write_germeval(predictions, items, pred)
    res = {
        "metric": "GermEval-2014 M1: strict, outer + inner spans combined (nereval.perl)",
        "strict": off["m1"],
        "m3_1_outer": off["m3_1_outer"],
        "m3_2_inner": off["m3_2_inner"],
        "inner_predicted": False,
        "outer_coarse": outer["coarse"],
        "gold_spans": outer["gold_spans"], "pred_spans": outer["pred_spans"],
        "per_label_strict": outer["per_label_strict"],
        "per_label_coarse": outer["per_label_coarse"],
    }
    n_tok = sum(len(it[0]) for it in items)
    res.update({"sentences": len(items), "tokens": n_tok, "tokens_per_s": round(n_tok / secs) if secs else None})
    return res


def run(
    file: str = typer.Argument(..., help="GermEval-2014 tsv or CoNLL file"),
    holdout: bool = typer.Option(False, "--holdout", help="only the 700 held-out GermEval dev sentences"),
    sentences: Optional[str] = typer.Option(None, "--sentences", help="slice A:B of the file's sentences"),
    model: Optional[str] = typer.Option(None, "--model", help="model dir (default: the shipped model)"),
    rules: bool = typer.Option(True, "--rules/--no-rules", help="apply the gazetteer rules after the model"),
    predictions: Optional[str] = typer.Option(None, "--predictions", help="write predictions as GermEval tsv"),
) -> None:
    """GermEval-2014 M1 (headline `strict`), M3.1 outer, M3.2 inner, per-label F1; one JSON line."""
    from ..analyse.entities import model_path

    mdir = model or str(model_path())
    res = score_model(mdir, file, sentences, holdout, rules, predictions)
    emit({"task": "ner", "file": file, "slice": "holdout" if holdout else sentences,
          "model": shown_path(mdir), "rules": rules, **res})
