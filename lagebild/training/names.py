"""Recipe for the name lexicon shipped beside the NER model (`lagebild/models/ner/names.tsv`).

    lagebild train names

Every entity span of the human-annotated NER sources (`DEFAULT_SOURCES`: no pseudo-labels, no
GermEval hold-out or tune sentences) is counted by its surface form and coarse type. A form is written
with the type that most of its spans carry (`name<TAB>TYPE<TAB>count`), when that type holds at least
half of them. `names.json` records the sources, their sha256 hashes and the counts.

The entity stage reads it as open-data evidence that a phrase is a name of that type
(`link/entity_evidence.py`): a single model mention typed ORG that no annotated corpus knows as an
organisation is more often a product, a work or a description than a name.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import typer

from ..analyse import ner_corpora as C
from .ner import DEFAULT_SOURCES, MODEL_DIR, _load_source, sha256, source_files

TYPES = ("PER", "LOC", "ORG", "MISC")


def name_counts(sources: list[str]) -> dict[str, Counter]:
    """Surface form -> Counter of coarse types over all entity spans of the sources."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for name in sources:
        for s in _load_source(name):
            for a, b, lab in C.spans_of(s.tags):
                if lab in TYPES:
                    seen[" ".join(s.words[a:b])][lab] += 1
    return seen


def lexicon_rows(seen: dict[str, Counter]) -> list[tuple[str, str, int]]:
    rows = []
    for form, counts in seen.items():
        if len(form) < 2 or not (form[:1].isupper() or form[:1].isdigit()) or "\t" in form:
            continue
        label, n = counts.most_common(1)[0]
        if 2 * n >= sum(counts.values()):
            rows.append((form, label, n))
    return sorted(rows)


def train_names(
    sources: str = typer.Option(",".join(DEFAULT_SOURCES), help="comma-separated source names"),
    out: Path = typer.Option(MODEL_DIR, help="folder to write names.tsv and names.json into"),
) -> None:
    """Write the name lexicon (names.tsv) from the annotated NER sources."""
    names = [s.strip() for s in sources.split(",") if s.strip()]
    rows = lexicon_rows(name_counts(names))
    out.mkdir(parents=True, exist_ok=True)
    (out / "names.tsv").write_text("".join(f"{f}\t{t}\t{n}\n" for f, t, n in rows), encoding="utf-8")
    manifest = {"sources": names, "forms": len(rows), "by_type": dict(Counter(t for _, t, _ in rows)),
                "data_sha256": {f"{n}/{p.name}": sha256(p) for n in names for p in source_files(n)}}
    (out / "names.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    typer.echo(json.dumps({k: manifest[k] for k in ("forms", "by_type")}))
