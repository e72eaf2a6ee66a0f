"""Self-training data for the NER model (issue 4: "self-training on the unlabelled German text").

    python -m lagebild.training.selftrain [--model DIR] [--out FILE]

The shipped entity stage - model, gazetteer rules, sentence fixes and the document-level pass
(one label per name, every occurrence of a found name tagged) - labels the 10kGNAD news
articles in shared/data/corpus (unlabelled German news). The document pass sees a whole article,
which the sentence model never does, so its output is a better teacher than the model alone.
Sentences become training data (source `selftrain-10kgnad` of `lagebild train ner`), tagged in
IOB2 over the fine labels: a derived mention is *deriv when it is a lower-case adjective
('nordkoreanische') and *part otherwise ('EU-Kommission').
"""
from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import typer

from ..datapaths import shared_data

OUT = Path(__file__).resolve().parents[2] / "training" / "ner" / "runs" / "selftrain" / "10kgnad.jsonl"


def _fine(label: str, derived: bool, text: str) -> str:
    if not derived:
        return label
    return label + ("deriv" if text[:1].islower() else "part")


def build(model: str | None = None, out: Path = OUT, limit: int = 0) -> dict:
    from ..analyse import sentences
    from ..analyse.entities import find_entities, load_model
    from ..records import AnalysedArticle, Article

    if model:
        import os

        os.environ["LAGEBILD_NER_MODEL"] = model
    nlp = load_model()
    src = shared_data("corpus", "10kgnad", "test.csv")
    csv.field_size_limit(1 << 24)
    with open(src, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter=";", quotechar="'") if len(r) > 1]
    if limit:
        rows = rows[:limit]
    out.parent.mkdir(parents=True, exist_ok=True)
    n_sent = n_ent = 0
    t0 = time.time()
    with open(out, "w", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            doc = AnalysedArticle(Article(id=f"g{i}", source="10kgnad", text=row[1]))
            sentences(doc)
            find_entities(doc)
            for s, e in doc.sentences:
                sdoc = nlp.make_doc(doc.text[s:e])
                words = [t.text for t in sdoc if not t.is_space]
                if not 6 <= len(words) <= 60:
                    continue
                starts = {t.idx + s: k for k, t in enumerate(t for t in sdoc if not t.is_space)}
                ends = {t.idx + s + len(t.text): k for k, t in enumerate(t for t in sdoc if not t.is_space)}
                tags = ["O"] * len(words)
                ok = True
                for m in doc.mentions:
                    if m.start < s or m.end > e:
                        continue
                    a, b = starts.get(m.start), ends.get(m.end)
                    if a is None or b is None:  # a mention inside a token ('CDU' in 'CDU-Chef'): skip the sentence
                        ok = False
                        break
                    lab = _fine(m.label, m.derived, m.text)
                    tags[a] = "B-" + lab
                    for k in range(a + 1, b + 1):
                        tags[k] = "I-" + lab
                    n_ent += 1
                if ok:
                    fh.write(json.dumps({"words": words, "tags": tags}, ensure_ascii=False) + "\n")
                    n_sent += 1
    return {"articles": len(rows), "sentences": n_sent, "mentions": n_ent, "seconds": round(time.time() - t0, 1),
            "out": str(out)}


def main(model: str = typer.Option(None, help="teacher model dir (default: the shipped one)"),
         out: Path = typer.Option(OUT), limit: int = typer.Option(0)) -> None:
    typer.echo(json.dumps(build(model, out, limit)))


if __name__ == "__main__":
    typer.run(main)
