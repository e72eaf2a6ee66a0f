#!/bin/sh
# Reproduce the shipped German NER model (lagebild/models/ner = run10_self). CPU only; ~2 h on 2 busy cores.
# 1. run2: the base model from the shared NER pool (not installed);
# 2. run2's whole entity stage labels the 10kGNAD news articles (self-training data);
# 3. run10_self: run2's recipe + those sentences; installed with provenance (data sha256, seed,
#    sources, scores) in lagebild/models/ner/meta.json.
# Everything written goes to training/ner/runs/ (git-ignored).
set -e
cd "$(dirname "$0")/../.."
mkdir -p training/ner/runs
nice -n 10 lagebild train ner --out training/ner/runs/run2 --no-install "$@" 2>&1 | tee training/ner/runs/run2.log
cp training/ner/runs/run2/demonyms.txt training/ner/runs/run2/places.txt training/ner/runs/run2/model-best/ 2>/dev/null || true
nice -n 10 python -m lagebild.training.selftrain --model training/ner/runs/run2/model-best
SOURCES=$(python -c 'from lagebild.training.ner import DEFAULT_SOURCES; print(",".join(DEFAULT_SOURCES + ["selftrain-10kgnad"]))')
nice -n 10 lagebild train ner --sources "$SOURCES" --out training/ner/runs/run10_self "$@" 2>&1 | tee training/ner/runs/run10_self.log
# held-out score (GermEval-2014 dev sentences 1500-2199, never trained or tuned on):
lagebild eval ner "$(python -c 'from lagebild.datapaths import shared_data; print(shared_data("ner","germeval2014","dev.tsv"))')" --holdout
