"""`lagebild eval ner` scoring and the NER corpus readers (invented data only)."""
from __future__ import annotations

import json

import pytest

from lagebild.analyse import ner_corpora as C
from lagebild.evaluate.ner import score_spans

GERMEVAL_TSV = (
    "#\thttp://example.org/a\t[2024-01-01]\n"
    "1\tAnna\tB-PER\tO\n2\tMüller\tI-PER\tO\n3\treist\tO\tO\n4\tnach\tO\tO\n5\tWien\tB-LOC\tO\n6\t.\tO\tO\n"
    "\n"
    "#\thttp://example.org/b\t[2024-01-02]\n"
    "1\tDie\tO\tO\n2\tösterreichische\tB-LOCderiv\tO\n3\tFirma\tO\tO\n4\tZorbex\tB-ORG\tO\n5\twächst\tO\tO\n"
    "\n"
)


def _ruler_model(tmp_path):
    """A deterministic stand-in model: an entity ruler with known right and wrong answers."""
    import spacy

    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"ORTH": "Anna"}, {"ORTH": "Müller"}]},  # correct
        {"label": "ORG", "pattern": "Wien"},  # wrong label (gold LOC)
        {"label": "LOCderiv", "pattern": "österreichische"},  # correct, derived
        {"label": "PER", "pattern": "Firma"},  # spurious
    ])
    path = tmp_path / "model"
    nlp.to_disk(path)
    return path


def test_eval_ner_cli_known_scores(tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    data = tmp_path / "mini.tsv"
    data.write_text(GERMEVAL_TSV, encoding="utf-8")
    model = _ruler_model(tmp_path)
    res = CliRunner().invoke(app, ["eval", "ner", str(data), "--model", str(model), "--no-rules"])  # scoring alone
    assert res.exit_code == 0, res.output
    line = [ln for ln in res.output.splitlines() if ln.startswith("{")][-1]
    out = json.loads(line)
    # gold: PER, LOC, LOCderiv, ORG (4); pred: PER ok, ORG(Wien) wrong, LOCderiv ok, PER(Firma) wrong
    assert out["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert out["gold_spans"] == 4 and out["pred_spans"] == 4
    assert out["per_label_strict"]["LOCderiv"]["f1"] == 1.0
    assert out["per_label_strict"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert out["sentences"] == 2 and out["tokens"] == 11


def test_eval_ner_sentence_slice(tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    data = tmp_path / "mini.tsv"
    data.write_text(GERMEVAL_TSV, encoding="utf-8")
    model = _ruler_model(tmp_path)
    res = CliRunner().invoke(app, ["eval", "ner", str(data), "--model", str(model), "--no-rules", "--sentences", "1:2"])
    out = json.loads([ln for ln in res.output.splitlines() if ln.startswith("{")][-1])
    # second sentence only: gold LOCderiv + ORG, pred LOCderiv + PER(Firma)
    assert out["sentences"] == 1
    assert out["strict"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_score_spans_strict_vs_coarse():
    gold = [[(0, 1, "LOCderiv"), (3, 5, "PER")]]
    pred = [[(0, 1, "LOC"), (3, 5, "PER"), (6, 7, "ORG")]]
    res = score_spans(gold, pred)
    assert res["strict"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert res["strict"]["recall"] == 0.5
    assert res["coarse"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert res["coarse"]["recall"] == 1.0


def test_reader_survives_malformed_tags_and_crlf(tmp_path):
    raw = (
        "# file:\t\tF_X_001\r\n"
        "Herr O\r\nKarl B-PEr\r\nMeier I_PER\r\nin O\r\nBad B.LOC\r\nEms I-LOC extra\r\n"
        "ohneTag\r\n"
        "und ??? \r\n"
        "\r\n"
        "Die Böhminger O\r\n"
        "fuhr O\r\nnach O\r\nUlm I-LOC\r\n"
    )
    f = tmp_path / "bad.bio"
    f.write_bytes(raw.encode("utf-8"))
    sents = list(C.read_columns(f, "t", C.map_with(C.COARSE_MAP)))
    assert len(sents) == 2
    s0, s1 = sents
    assert s0.words[:3] == ["Herr", "Karl", "Meier"]
    assert all("\r" not in w for s in sents for w in s.words)
    assert C.spans_of(s0.tags) == [(1, 3, "PER"), (4, 6, "LOC")]
    assert s0.words[6] == "ohneTag" and s0.tags[6] == "O"
    # the token with a space is kept as two words; IOB1 'I-LOC' after O starts a span
    assert s1.words[:2] == ["Die", "Böhminger"]
    assert C.spans_of(s1.tags) == [(4, 5, "LOC")]


def test_germeval_reader_and_labels(tmp_path):
    f = tmp_path / "g.tsv"
    f.write_text(GERMEVAL_TSV.replace("\n", "\r\n"), encoding="utf-8")
    sents = list(C.read_any(f))
    assert [C.spans_of(s.tags) for s in sents] == [[(0, 2, "PER"), (4, 5, "LOC")], [(1, 2, "LOCderiv"), (3, 4, "ORG")]]
    assert C.germeval_label("OTHpart") == "MISCpart"
    assert C.split_tag("B_LOC") == ("B", "LOC") and C.split_tag("???") == ("O", "")


def test_conll_three_column_and_demonyms(tmp_path):
    f = tmp_path / "c.conllu"
    f.write_text("0\tdie\tO\n1\tdeutsche\tB-LOC\n2\tRegierung\tO\n3\tin\tO\n4\tBerlin\tB-LOC\n", encoding="utf-8")
    (s,) = list(C.read_any(f))
    assert s.words[1] == "deutsche"
    s = C.demonyms_to_deriv(s)
    assert C.spans_of(s.tags) == [(1, 2, "LOCderiv"), (4, 5, "LOC")]


NESTED_TSV = (
    "#\thttp://example.org/c\t[2024-01-03]\n"
    "1\tDie\tO\tO\n2\tUniversität\tB-ORG\tO\n3\tWien\tI-ORG\tB-LOC\n4\tehrt\tO\tO\n"
    "5\tAnna\tB-PER\tO\n6\t.\tO\tO\n"
    "\n"
)


def test_germeval_m1_counts_inner_spans(tmp_path):
    """M1 adds the inner level: a model that predicts outer spans only loses the inner recall."""
    from typer.testing import CliRunner

    import spacy

    from lagebild.cli import app

    data = tmp_path / "nested.tsv"
    data.write_text(NESTED_TSV, encoding="utf-8")
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": [{"ORTH": "Universität"}, {"ORTH": "Wien"}]},  # outer, right
        {"label": "LOC", "pattern": "Anna"},  # outer, wrong label
    ])
    nlp.to_disk(tmp_path / "m")
    pred_file = tmp_path / "pred.tsv"
    res = CliRunner().invoke(app, ["eval", "ner", str(data), "--model", str(tmp_path / "m"), "--no-rules",
                                   "--predictions", str(pred_file)])
    assert res.exit_code == 0, res.output
    out = json.loads([ln for ln in res.output.splitlines() if ln.startswith("{")][-1])
    # outer: gold ORG, PER; pred ORG (tp), LOC (fp) -> P 1/2, R 1/2.  inner: gold LOC, pred none -> R 0.
    assert out["m3_1_outer"]["f1"] == 0.5
    assert out["m3_2_inner"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": 1, "pred": 0}
    # M1: tp 1, fp 1, fn 1 + 1 -> P 0.5, R 1/3
    assert out["strict"]["precision"] == 0.5
    assert out["strict"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    rows = [ln.split("\t") for ln in pred_file.read_text(encoding="utf-8").splitlines() if ln]
    assert [r[2] for r in rows] == ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]
    assert all(r[3] == "O" for r in rows) and rows[0][:2] == ["1", "Die"]


def test_official_m1_sums_levels():
    from lagebild.evaluate.ner import official

    res = official([[(0, 2, "ORG")]], [[(1, 2, "LOC")]], [[(0, 2, "ORG")]], [[(1, 2, "LOC")]])
    assert res["m1"]["f1"] == 1.0
    res = official([[(0, 2, "ORG")]], [[(1, 2, "LOC")]], [[(0, 2, "ORG")]], [[(1, 2, "PER")]])
    assert res["m1"]["precision"] == 0.5 and res["m1"]["recall"] == 0.5
