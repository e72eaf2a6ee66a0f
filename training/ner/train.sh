#!/bin/sh
# Reproduce the shipped German NER model (lagebild/models/ner). CPU only; ~60-70 min on 2 busy cores.
# Everything written goes to training/ner/runs/ (git-ignored); the best model is installed into
# lagebild/models/ner with provenance (data sha256, seed, sources, scores) in its meta.json.
set -e
cd "$(dirname "$0")/../.."
mkdir -p training/ner/runs
nice -n 10 lagebild train ner --out training/ner/runs/run2 "$@" 2>&1 | tee training/ner/runs/run2.log
# held-out score (GermEval-2014 dev sentences 1500-2199, never trained or tuned on):
lagebild eval ner "$(python -c 'from lagebild.datapaths import shared_data; print(shared_data("ner","germeval2014","dev.tsv"))')" --holdout
