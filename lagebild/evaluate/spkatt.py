"""The SpkAtt-2023 task-2 scoring (official scheme of uhh-lt/news-speaker-attribution-2023, eval/).

Per document: a matrix of message token-F1 between every gold and every predicted annotation; a
Hungarian assignment (scipy's linear_sum_assignment) that maximises it. Every matched pair, every
unmatched prediction (against an empty gold annotation) and every unmatched gold annotation (against
an empty prediction) is one group. In each group, for each role of Message, Addr, Cue, Frame, Source:
tp/fp/fn over token ids; tp/(tp+fp) is appended to that role's precision list where tp+fp > 0 and
tp/(tp+fn) to its recall list where tp+fn > 0. Joint precision and recall are the means over all
roles' lists pooled over the corpus; F1 from the two. "Simplified": roles Message and Source only,
nested annotations (IsNested) left out on both sides.

An assigned pair whose messages share no token counts as two unmatched annotations (for the Message
role this is the same; for other roles it denies credit for an accidental overlap).

Annotations are dicts of role -> set of (sentence, token) ids, plus an optional "nested" flag.
"""
from __future__ import annotations

ROLES = ("Message", "Addr", "Cue", "Frame", "Source")
SIMPLE_ROLES = ("Message", "Source")


def token_f1(a: set, b: set) -> float:
    t = len(a & b)
    return 2 * t / (len(a) + len(b)) if t else 0.0


def assign(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Gold/prediction index pairs of the assignment maximising summed message token-F1."""
    if not gold or not pred:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    m = np.array([[token_f1(g.get("Message", set()), p.get("Message", set())) for p in pred] for g in gold])
    rows, cols = linear_sum_assignment(m, maximize=True)
    return [(i, j) for i, j in zip(rows.tolist(), cols.tolist()) if m[i, j] > 0]


def groups(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """(gold, prediction) groups of one document; an empty dict stands for the missing side."""
    pairs = assign(gold, pred)
    mg = {i for i, _ in pairs}
    mp = {j for _, j in pairs}
    out = [(gold[i], pred[j]) for i, j in pairs]
    out += [({}, p) for j, p in enumerate(pred) if j not in mp]
    out += [(g, {}) for i, g in enumerate(gold) if i not in mg]
    return out


def role_lists(docs, roles=ROLES) -> dict[str, tuple[list[float], list[float]]]:
    """Per role: (precision list, recall list) over all groups of all documents."""
    lists = {r: ([], []) for r in roles}
    for gold, pred in docs:
        for g, p in groups(gold, pred):
            for r in roles:
                gs, ps = g.get(r, set()), p.get(r, set())
                tp = len(gs & ps)
                if ps:
                    lists[r][0].append(tp / len(ps))
                if gs:
                    lists[r][1].append(tp / len(gs))
    return lists


def _prf(precisions: list[float], recalls: list[float]) -> dict:
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def official(docs: list[tuple[list[dict], list[dict]]]) -> dict:
    """{"joint", "simplified", "roles": {role: prf}} for (gold, pred) annotation lists per document."""
    full = role_lists(docs, ROLES)
    simple_docs = [([g for g in gold if not g.get("nested")], [p for p in pred if not p.get("nested")])
                   for gold, pred in docs]
    simple = role_lists(simple_docs, SIMPLE_ROLES)

    def pooled(lists):
        return _prf([x for ps, _ in lists.values() for x in ps], [x for _, rs in lists.values() for x in rs])

    return {
        "joint": pooled(full),
        "simplified": pooled(simple),
        "roles": {r: _prf(*full[r]) for r in ROLES},
        "simplified_roles": {r: _prf(*simple[r]) for r in SIMPLE_ROLES},
    }


def to_refs(ids: set) -> list[str]:
    return [f"{s}:{t}" for s, t in sorted(ids)]


def prediction_json(doc: dict, pred: list[dict]) -> dict:
    """The input document in SpkAtt task-2 JSON with our annotations in place of the gold ones."""
    anns = []
    for p in pred:
        ann = {r: to_refs(p.get(r, set())) for r in ("Cue", "Source", "Message", "Addr", "Frame")}
        ann["Form"] = "Direct" if p.get("direct") else ("Reported" if p.get("kind") == "reported" else "Indirect")
        ann["IsNested"] = bool(p.get("nested"))
        ann["HasNested"] = bool(p.get("has_nested"))
        anns.append(ann)
    return {**{k: v for k, v in doc.items() if k != "Annotations"}, "Annotations": anns}


MATCH_F1 = 0.5  # a predicted message matches its assigned gold message at token-F1 >= 0.5


def judged(gold: list[dict], pred: list[dict]) -> tuple[list[bool], set[int]]:
    """Per prediction: right or not (its message matches the assigned gold message at token-F1 >=
    MATCH_F1 and its Source shares a token with the gold Source; a pronoun counts as written, since the
    corpus marks the pronoun, not its antecedent); and the gold indices found by a right prediction."""
    ok = [False] * len(pred)
    found = set()
    for i, j in assign(gold, pred):
        g, p = gold[i], pred[j]
        if token_f1(g["Message"], p["Message"]) >= MATCH_F1 and g.get("Source", set()) & p.get("Source", set()):
            ok[j] = True
            found.add(i)
    return ok, found


def shown_scores(docs: list[tuple[list[dict], list[dict]]]) -> dict:
    """Precision/recall of the quotes a dossier shows (pred['shown']) and of all quotes with a speaker."""
    out = {}
    for name, keep in (("shown", lambda p: p.get("shown")), ("all", lambda p: bool(p.get("Source")))):
        n_pred = n_ok = n_gold = n_found = 0
        for gold, pred in docs:
            gold = [g for g in gold if not g.get("nested")]
            pred = [p for p in pred if keep(p) and not p.get("inner")]
            ok, found = judged(gold, pred)
            n_pred += len(pred)
            n_ok += sum(ok)
            n_gold += len(gold)
            n_found += len(found)
        p = n_ok / n_pred if n_pred else 0.0
        r = n_found / n_gold if n_gold else 0.0
        f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": f1,
                     "predicted": n_pred, "right": n_ok, "gold": n_gold}
    return out
