"""Recipe for lagebild's own German NER model (spaCy 3.8, CNN tok2vec + transition-based ner).

    lagebild train ner [--sources a,b,...] [--max-steps N] [--out DIR]

1. read every source of the shared pool with its own label mapping (lagebild.analyse.ner_corpora),
2. split GermEval-2014 dev: sentences [0, 1300) train, [1300, 1500) tune (model selection),
   [1500, 2200) HOLD-OUT (never trained or tuned on; `lagebild eval ner FILE --holdout`),
3. write spaCy DocBin files + data sha256 hashes to training/ner/runs/,
4. train with training/ner/config.cfg under a fixed seed,
5. copy the best model to lagebild/models/ner/ (tok2vec+ner only) with meta.json
   (data hashes, seed, sources, per-source counts, tune and held-out scores).
"""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from pathlib import Path
from typing import Optional

import typer

from ..analyse import ner_corpora as C
from ..datapaths import REPO, shared_data

RECIPE_DIR = REPO / "training" / "ner"
WORK = RECIPE_DIR / "runs"
MODEL_DIR = REPO / "lagebild" / "models" / "ner"
SEED = 20141

# GermEval-2014 dev split (sentence indices); the hold-out is the last 700 sentences.
GE_TRAIN = (0, 1300)
GE_TUNE = (1300, 1500)
GE_HOLDOUT = (1500, 2200)

# Sources: name -> (relative files under shared/data/ner, licence note). Order = default use.
LICENCES = {
    "germeval2014": "CC BY 4.0",
    "wikiann-de": "unclear (WikiANN), vendored under CC BY-NC-SA 4.0: research use",
    "wikineural-de": "CC BY-NC-SA 4.0 (non-commercial)",
    "europarl-de": "unclear (Faruqui & Pado 2010)",
    "legal-de": "CC BY 4.0",
    "ehri-de": "EUPL-1.2",
    "hipe2020-de": "CC BY-NC-SA 4.0 (non-commercial)",
    "newseye-de": "CC BY 4.0",
    "sonar-de": "CC BY 4.0",
    "europeana-de": "CC0",
    "smartdata": "CC BY 4.0 annotations, texts research use only",
    "mobie": "CC BY 4.0",
    # pseudo-labels made by lagebild's own entity stage on 10kGNAD news (python -m lagebild.training.selftrain)
    "selftrain-10kgnad": "CC BY-NC-SA 4.0 texts (10kGNAD), labels by lagebild",
}
ALL_SOURCES = list(LICENCES)
# The shipped model's mix: legal-de is left out (court-decision language; its many law/decision
# names are O there, while GermEval tags such names as OTH).
DEFAULT_SOURCES = [s for s in ALL_SOURCES if s not in ("legal-de", "selftrain-10kgnad")]


def _tokenizer():
    """Tokenise raw text (SmartData) the way the runtime does: blank 'de' + our sentence split."""
    from ..analyse.nlp import get_nlp

    nlp = get_nlp("de")

    def tok(text: str) -> list[tuple[int, int, int]]:
        out = []
        k = 0
        for para_start, line in _lines(text):
            if not line.strip():
                continue
            doc = nlp(line)
            for sent in doc.sents:
                for t in sent:
                    if not t.is_space:
                        out.append((para_start + t.idx, para_start + t.idx + len(t.text), k))
                k += 1
        return out

    return tok


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def germeval_dev() -> list[C.Sent]:
    return list(C.read_germeval(shared_data("ner", "germeval2014", "dev.tsv")))


# Sources whose annotation guidelines tag demonym adjectives (we relabel those to LOCderiv);
# in all other non-GermEval sources demonym-like O tokens become missing (see mark_unannotated).
TAGS_DEMONYMS = {"wikineural-de", "europarl-de", "ehri-de", "selftrain-10kgnad"}


def load_source(name: str) -> list[C.Sent]:
    """All sentences of one source, mapped to the FINE label set, GermEval conventions marked."""
    sents = _load_source(name)
    if name == "germeval2014":
        return sents
    return [C.mark_unannotated(s, demonyms=name not in TAGS_DEMONYMS) for s in sents]


def _load_source(name: str) -> list[C.Sent]:
    d = shared_data("ner", name)
    cm = C.map_with(C.COARSE_MAP)
    if name == "germeval2014":
        return germeval_dev()[slice(*GE_TRAIN)]
    if name == "wikiann-de":
        out = []
        for f in ("train.conllu", "dev.conllu"):
            for s in C.read_columns(d / f, name, cm):
                # list fragments and redirect stubs: spans starting lower-case, WEITERLEITUNG lines
                if any(s.words[a][:1].islower() for a, _, _ in C.spans_of(s.tags)):
                    continue
                if any(w.upper().startswith("WEITERLEITUNG") for w in s.words) or len(s.words) < 3:
                    continue
                out.append(s)
        return out
    if name == "wikineural-de":
        return [C.demonyms_to_deriv(s) for s in C.read_columns(d / "dev.conllu", name, cm)]
    if name == "europarl-de":
        return [C.demonyms_to_deriv(s) for f in ("train.tsv", "dev.tsv") for s in C.read_columns(d / f, name, cm, token_col=0)]
    if name == "legal-de":
        return list(C.read_columns(d / "dev.conll", name, C.map_with(C.LEGAL_MAP)))
    if name == "ehri-de":
        return [C.demonyms_to_deriv(s) for s in C.read_columns(d / "ehri_de.txt", name, C.map_with(C.EHRI_MAP))]
    if name in ("hipe2020-de", "newseye-de", "sonar-de"):
        return [s for f in sorted(d.glob("*.tsv")) for s in C.read_hipe(f, name)]
    if name == "europeana-de":
        return [s for f in sorted(d.glob("*.bio")) for s in C.read_columns(f, name, cm, max_len=40)]
    if name == "mobie":
        return [s for f in ("train.conll2003", "dev.conll2003")
                for s in C.read_columns(d / f, name, C.map_with(C.DFKI_MAP), token_col=0)]
    if name == "selftrain-10kgnad":
        from .selftrain import OUT

        if not OUT.exists():
            raise typer.BadParameter(f"{OUT} missing: run `python -m lagebild.training.selftrain` first")
        return [C.Sent(r["words"], r["tags"], name) for r in map(json.loads, OUT.read_text(encoding="utf-8").splitlines())]
    if name == "smartdata":
        tok = _tokenizer()
        return [s for f in ("train_from_v1.jsonl.gz", "dev_v3.jsonl.gz") for s in C.read_dfki_jsonl(d / f, name, tok)]
    raise typer.BadParameter(f"unknown source {name!r}; known: {', '.join(ALL_SOURCES)}")


def source_files(name: str) -> list[Path]:
    if name == "selftrain-10kgnad":
        from .selftrain import OUT

        return [shared_data("corpus", "10kgnad", "test.csv"), OUT]
    d = shared_data("ner", name)
    return sorted(p for p in d.iterdir() if p.is_file()) if d.exists() else []


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def to_docbin(sents: list[C.Sent], vocab):
    from spacy.tokens import Doc, DocBin

    db = DocBin(store_user_data=False)
    for s in sents:
        words = [w if w.strip() else "_" for w in s.words]
        doc = Doc(vocab, words=words, ents=s.tags)
        db.add(doc)
    return db


def _write_demonyms(sents: list[C.Sent], path: Path, min_count: int = 2) -> None:
    """Lower-case one-token LOCderiv adjectives of the training data (>= min_count times) for the
    gazetteer rule (lagebild.analyse.ner_gazetteer); irregular ones like 'französisch' live here."""
    from collections import Counter

    from ..analyse.ner_gazetteer import adjective_base

    seen: Counter = Counter()
    for s in sents:
        for a, b, lab in C.spans_of(s.tags):
            w = s.words[a]
            if lab == "LOCderiv" and b - a == 1 and w[:1].islower() and adjective_base(w.lower()):
                seen[w.lower()] += 1
    path.write_text("\n".join(sorted(w for w, n in seen.items() if n >= min_count)) + "\n", encoding="utf-8")


def _write_places(sents: list[C.Sent], path: Path, min_count: int = 2) -> None:
    """One-token LOC names of the training data (>= min_count times) for the place-adjective rule
    ('Berliner' -> LOCderiv when 'Berlin' is a known place)."""
    from collections import Counter

    seen: Counter = Counter()
    for s in sents:
        for a, b, lab in C.spans_of(s.tags):
            if lab == "LOC" and b - a == 1 and len(s.words[a]) >= 4:
                seen[s.words[a]] += 1
    path.write_text("\n".join(sorted(w for w, n in seen.items() if n >= min_count)) + "\n", encoding="utf-8")


def prepare(sources: list[str], germeval_weight: int, cap: int, seed: int = SEED, work: Path = WORK) -> dict:
    """Write train/tune/holdout .spacy files into `work`; return the data manifest."""
    import spacy

    work.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    rng = random.Random(seed)
    train: list[C.Sent] = []
    counts: dict[str, dict] = {}
    for name in sources:
        sents = load_source(name)
        if cap and name != "germeval2014" and len(sents) > cap:
            rng.shuffle(sents)
            sents = sents[:cap]
        reps = germeval_weight if name == "germeval2014" else 1
        train.extend(sents * reps)
        counts[name] = {"sentences": len(sents), "tokens": sum(len(s.words) for s in sents),
                        "spans": sum(len(C.spans_of(s.tags)) for s in sents), "repeat": reps}
    rng.shuffle(train)
    _write_demonyms(train, work / "demonyms.txt")
    _write_places(train, work / "places.txt")
    dev = germeval_dev()
    tune, hold = dev[slice(*GE_TUNE)], dev[slice(*GE_HOLDOUT)]
    to_docbin(train, vocab).to_disk(work / "train.spacy")
    to_docbin(tune, vocab).to_disk(work / "tune.spacy")
    to_docbin(hold, vocab).to_disk(work / "holdout.spacy")
    hashes = {f"{n}/{p.name}": sha256(p) for n in sources for p in source_files(n)}
    if "germeval2014" not in sources:
        hashes["germeval2014/dev.tsv"] = sha256(shared_data("ner", "germeval2014", "dev.tsv"))
    return {"sources": counts, "data_sha256": hashes,
            "licences": {n: LICENCES[n] for n in sources},
            "germeval_dev_split": {"train": GE_TRAIN, "tune": GE_TUNE, "holdout": GE_HOLDOUT},
            "germeval_weight": germeval_weight, "cap_per_source": cap}


# Unlabelled German text for tok2vec pretraining. GermEval is left out entirely (hold-out safety).
def build_raw_text(path: Path, seed: int = SEED) -> dict:
    """Write {"text": ...} JSON lines (one sentence/paragraph each) from unlabelled German text in
    shared/data (10kGNAD news, Wikinews quote-corpus texts, GePaDe debates) plus the words of the
    labelled pool (minus GermEval). Returns counts + sha256 of the inputs."""
    import csv
    import gzip

    lines: list[str] = []
    files: list[Path] = []
    gnad = shared_data("corpus", "10kgnad", "test.csv")
    if gnad.exists():
        files.append(gnad)
        csv.field_size_limit(1 << 24)
        with open(gnad, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh, delimiter=";", quotechar="'"):
                if len(row) > 1:
                    lines.extend(p for p in row[1].split("\n") if len(p.split()) >= 5)
    wq = shared_data("quotes", "wikinews-quotes-2024", "train.jsonl.gz")
    if wq.exists():
        files.append(wq)
        with gzip.open(wq, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("originalText") or ""
                lines.extend(p.strip() for p in text.split("\n") if len(p.split()) >= 5)
    gp = shared_data("quotes", "spkatt2023", "train")
    for f in sorted(gp.glob("*.json")) if gp.exists() else []:
        files.append(f)
        doc = json.loads(f.read_text(encoding="utf-8"))
        lines.extend(" ".join(s.get("Tokens", [])) for s in doc.get("Sentences", []) if len(s.get("Tokens", [])) >= 5)
    for name in ALL_SOURCES:
        if name in ("germeval2014", "selftrain-10kgnad"):  # hold-out safety; 10kGNAD is read above
            continue
        files.extend(source_files(name))
        lines.extend(" ".join(s.words) for s in load_source(name) if len(s.words) >= 5)
    random.Random(seed).shuffle(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
    return {"lines": len(lines), "words": sum(len(x.split()) for x in lines),
            "sha256": {str(f.relative_to(shared_data())): sha256(f) for f in files[:40]}}


def pretrain(config: Path, raw: Path, out: Path, epochs: int, seed: int) -> Path:
    """spaCy character-objective pretraining of the tok2vec; returns the final weights file."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    cfg = load_config(config, overrides={"paths.raw_text": str(raw), "system.seed": seed,
                                         "pretraining.max_epochs": epochs}, interpolate=False).interpolate()
    out.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(cfg, out, use_gpu=-1, silent=False)
    return out / "model-last.bin"


def train_ner(
    sources: str = typer.Option(",".join(DEFAULT_SOURCES), help="comma-separated source names"),
    germeval_weight: int = typer.Option(5, help="how often the GermEval train slice is repeated"),
    cap: int = typer.Option(10000, help="max sentences per non-GermEval source (0 = all)"),
    max_steps: int = typer.Option(8000, help="training steps"),
    eval_frequency: int = typer.Option(400, help="steps between tune evaluations"),
    seed: int = typer.Option(SEED),
    out: Optional[Path] = typer.Option(None, help="training output dir (default training/ner/runs/run)"),
    install: bool = typer.Option(True, help="copy the best model to lagebild/models/ner"),
    config: Path = typer.Option(RECIPE_DIR / "config.cfg"),
    pretrain_epochs: int = typer.Option(0, help="pretrain the tok2vec on unlabelled text first (0 = no)"),
    init_tok2vec: Optional[Path] = typer.Option(None, help="use these pretrained tok2vec weights"),
    vectors: Optional[Path] = typer.Option(None, help="static word vectors (a spaCy vectors dir from "
                                           "`python -m lagebild.training.vectors`) concatenated to the embeddings"),
    install_from: Optional[Path] = typer.Option(None, help="skip training: rescore and install RUN_DIR/model-best"),
    set_: list[str] = typer.Option([], "--set", help="config override KEY=VALUE, e.g. "
                                   "components.ner.model.hidden_width=48 (repeatable)"),
) -> None:
    """Train the German NER model from the shared pool and (by default) install it."""
    from spacy.cli.train import train as spacy_train

    if install_from:
        finalize(install_from)
        return

    names = [s.strip() for s in sources.split(",") if s.strip()]
    t0 = time.time()
    out = out or WORK / "run"
    manifest = prepare(names, germeval_weight, cap, seed, out)
    typer.echo(json.dumps({"prepared": manifest["sources"], "secs": round(time.time() - t0, 1)}))
    overrides = {
        "paths.train": str(out / "train.spacy"),
        "paths.dev": str(out / "tune.spacy"),
        "system.seed": seed,
        "training.max_steps": max_steps,
        "training.eval_frequency": eval_frequency,
    }
    if pretrain_epochs and not init_tok2vec:
        t_pre = time.time()
        manifest["pretraining_text"] = build_raw_text(out / "raw.jsonl", seed)
        init_tok2vec = pretrain(config, out / "raw.jsonl", out / "pretrain", pretrain_epochs, seed)
        manifest["pretraining_seconds"] = round(time.time() - t_pre)
    for item in set_:
        key, _, value = item.partition("=")
        try:
            overrides[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key.strip()] = value
    if vectors:
        overrides["paths.vectors"] = str(vectors)
        overrides["components.tok2vec.model.embed.include_static_vectors"] = True
        vm = vectors.parent / "vectors_manifest.json"
        manifest["vectors"] = json.loads(vm.read_text(encoding="utf-8")) if vm.exists() else str(vectors)
    if init_tok2vec:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
        manifest["init_tok2vec"] = str(init_tok2vec)
    t1 = time.time()
    spacy_train(config, out, overrides=overrides, use_gpu=-1)
    train_secs = time.time() - t1
    manifest.update({"overrides": {k: v for k, v in overrides.items() if not k.startswith("paths.")}, "seed": seed, "max_steps": max_steps, "train_seconds": round(train_secs),
                     "config": config.read_text(encoding="utf-8")})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    if install:
        finalize(out)
    else:
        # ablation runs look at the tune slice only; the hold-out is scored when a model is installed
        sc = _scores(out, splits=("tune",))
        typer.echo(json.dumps({k: v["strict"] for k, v in sc.items()}))


def _scores(run: Path, splits: tuple[str, ...] = ("tune", "holdout")) -> dict:
    """Tune and held-out scores of run/model-best, with and without the gazetteer rules."""
    from ..evaluate.ner import score_model

    best = run / "model-best"
    for name, write in (("demonyms.txt", _write_demonyms), ("places.txt", _write_places)):
        if not (best / name).exists():  # the rules read their lexicons from the model dir
            if not (run / name).exists():
                write(_sents_from_docbin(run / "train.spacy"), run / name)
            shutil.copy(run / name, best / name)
    out = {}
    for split in splits:
        out[f"{split}_scores"] = score_model(best, str(run / f"{split}.spacy"), rules=True)
        out[f"{split}_scores_model_only"] = score_model(best, str(run / f"{split}.spacy"), rules=False)
    return out


def finalize(run: Path) -> None:
    """Score run/model-best (tune + hold-out, with/without rules) and install it with provenance."""
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    manifest.update(_scores(run))
    (run / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    typer.echo(json.dumps({k: manifest[k]["strict"] for k in manifest if k.endswith(("_scores", "_model_only"))}))
    install_model(run / "model-best", manifest)


def install_model(best: Path, manifest: dict) -> None:
    """Copy a trained pipeline into lagebild/models/ner; our provenance (data hashes, seed, scores,
    sources, licences) goes under the "lagebild" key of the pipeline's meta.json."""
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    shutil.copytree(best, MODEL_DIR)
    demonyms = best.parent / "demonyms.txt"
    if not demonyms.exists() and (best.parent / "train.spacy").exists():
        _write_demonyms(_sents_from_docbin(best.parent / "train.spacy"), demonyms)
    if demonyms.exists():
        shutil.copy(demonyms, MODEL_DIR / "demonyms.txt")
    places = best.parent / "places.txt"
    if not places.exists() and (best.parent / "train.spacy").exists():
        _write_places(_sents_from_docbin(best.parent / "train.spacy"), places)
    if places.exists():
        shutil.copy(places, MODEL_DIR / "places.txt")
    meta_path = MODEL_DIR / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["name"] = "lagebild_ner_de"
    meta["lagebild"] = {k: v for k, v in manifest.items() if k != "config"}
    meta_path.write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")


def _sents_from_docbin(path: Path) -> list[C.Sent]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("de").vocab
    return [C.Sent([t.text for t in d], [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in d])
            for d in DocBin().from_disk(path).get_docs(vocab)]
