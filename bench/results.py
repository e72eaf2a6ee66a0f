"""Re-run every row of the README's results table and rewrite the table, so it cannot drift from the code.

    python bench/results.py                 # run every row, save bench/results/<row>.json, rewrite README
    python bench/results.py --only ner,time_wikiwars   # run some rows; the others come from their saved JSON
    python bench/results.py --render        # no runs: rewrite the README table from the saved JSON only
    python bench/results.py --list          # the rows, their split and their command

Each row names its data set, says **held-out** (never tuned on, never read for rules) or **tuned on**
(dev / in-sample / written while building), and gives the exact command; the score cell is computed
from the command's JSON line by the row's formatter. Only held-out rows are printed in bold, so that a
tuned-on figure is never a capability's headline. A row whose data is missing (no ../shared) is kept
from its saved JSON and marked with the date it was measured.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SAVED = ROOT / "bench" / "results"
README = ROOT / "README.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
HELD_OUT, TUNED = "held-out", "tuned on"


def _f(x, nd=3) -> str:
    return "–" if x is None else f"{x:.{nd}f}"


def _prf(d: dict, nd=3) -> str:
    return f"F1 {_f(d.get('f1'), nd)} (P {_f(d.get('precision'), nd)}, R {_f(d.get('recall'), nd)})"


@dataclass
class Row:
    id: str
    capability: str
    data: str
    split: str  # HELD_OUT or TUNED
    command: str
    fmt: Callable[[dict], str]
    needs: str = ""  # a path (relative to the repo) that must exist for the row to run
    note: str = ""
    prepare: str = ""  # a command that builds the row's input first (shown in the table)
    reuse: str = ""  # another row whose run gives this row's JSON (same command, other figures)


def _fmt_boilerplate(d):
    return (f"lagebild {_prf(d['lagebild'])} vs trafilatura {_f(d['trafilatura']['f1'])} "
            f"(its benchmark settings: include_comments=False, include_tables=True)")


def _fmt_dates(d):
    base = d.get("htmldate") or d.get("baseline") or {}
    settings = d.get("baseline_settings") or {}
    extra = ", ".join(f"{k}={v}" for k, v in settings.items() if k in ("original_date", "extensive_search"))
    acc = base.get("accuracy") if isinstance(base, dict) else base
    return f"lagebild accuracy {_f(d['lagebild']['accuracy'], 2)} vs htmldate {_f(acc, 2)}" + (f" ({extra})" if extra else "")


def _fmt_ner(d):
    return (f"M1 (official: outer + inner, strict) {_prf(d['strict'])}; M3.1 outer F1 {_f(d['m3_1_outer']['f1'])}; "
            f"inner spans predicted: {'yes' if d.get('inner_predicted') else 'no'} — target 0.80 not reached")


def _fmt_quotes_official(d):
    o = d.get("official") or {}
    j, s = o.get("joint") or {}, o.get("simplified") or {}
    return f"official joint {_prf(j)}; simplified {_f(s.get('f1'))}"


def _fmt_cluster(d):
    sp = d["bcubed_f1_spread"]
    return (f"B-cubed {_prf(d['bcubed'])}, mean of seeds {d['seeds']} (min {_f(sp['min'])}, max {_f(sp['max'])}); "
            f"shuffled order, neutral ids")


def _fmt_figure_survey(d):
    return (f"shown figures right (value, unit, counted noun, source as shown): {d['kept_right']} of "
            f"{d['kept_right'] + d['kept_wrong']} judged figures still shown as judged ({_f(d['kept_precision'])}); "
            f"when judged {_f(d['first_precision'])} of {d['judged']}; {d.get('changed_right', 0) + d.get('changed_wrong', 0)} "
            f"shown differently now ({d.get('changed_wrong', 0)} of them judged wrong), {d.get('gone_right', 0) + d.get('gone_wrong', 0)} "
            f"no longer shown ({d.get('gone_wrong', 0)} judged wrong), {d['unjudged_now']} shown that no one judged")


def _fmt_numbers(d):
    return f"span {_prf(d.get('spans') or d)}" + (f", values exact {_f(d['values_exact'])}" if "values_exact" in d else "")


def _fmt_time(d):
    """The headline counts independent cases only; own invented cases are reported apart."""
    out = (f"relaxed F1 {_f((d.get('relaxed') or {}).get('f1'))}, strict F1 {_f((d.get('strict') or {}).get('f1'))}, "
           f"value accuracy {_f(d.get('value_accuracy'))} ({d.get('docs')} independent docs)")
    own = d.get("own_cases")
    if own:
        out += f"; own invented cases apart ({own.get('docs')} docs): value accuracy {_f(own.get('value_accuracy'))}"
    return out


def _fmt_quotes_shown(d):
    q = (d.get("quotes") or d).get("shown") or {}
    extra = ""
    if "counts" in d:
        extra = f" ({d['counts'].get('shown_right', '?')} of {d['counts'].get('shown', '?')} shown)"
    return f"shown quotes (message and speaker right): precision {_f(q.get('precision'))}{extra}, recall {_f(q.get('recall'))}"


def _fmt_timeline_undated(d):
    s = d["shown"]
    return (f"shown timeline rows right: precision {_f(s['precision'])} ({s['right']} of {s['shown']}), "
            f"recall {_f(s['recall'])}; all rows (no threshold) {_f(d['by_threshold']['0.0']['precision'])}")


def _fmt_metadata(d):
    return (f"bylines right or empty {_f(d['bylines_right_or_empty'])} (exact {_f(d['bylines_exact'])}), "
            f"invented dates {d['invented_dates']}, date accuracy {_f(d['dates_accuracy'])}, "
            f"mojibake pages {d['mojibake_pages']}, URL accuracy {_f(d['url_accuracy'])}")


def _fmt_dates_only(d):
    return (f"invented dates {d['invented_dates']} of {d['pages']} pages, date accuracy {_f(d['dates_accuracy'])}, "
            f"wrong dates {d['dates_wrong']}")


def _fmt_stories(d):
    dp = d.get("disagreement_precision")
    dis = (f"{_f(dp)} ({d['genuine']} of {d['flagged']} flagged)" if d.get("flagged") else "– (none flagged)")
    shown = (f"shown figure groups right {_f(d.get('shown_group_precision'))} ({d.get('shown_groups_right')} of "
             f"{d.get('shown_groups')}); " if "shown_groups" in d else "")
    return (f"disagreement precision {dis}, recall {_f(d.get('disagreement_recall'))} of {d.get('gold_disagree')} gold; {shown}"
            f"listed entities precision {_f(d['entity_precision'])}, recall {_f(d['entity_recall'])} "
            f"({d['listed_entities']} listed)")


def _fmt_groups(d):
    """A set annotated for figure groups only (entities: null)."""
    return _fmt_stories(d).split("; listed entities")[0] + f"; verdicts of groups that hit a gold group {d.get('verdicts')}"


def _fmt_group_survey(d):
    return (f"groups right when judged {d['first_right']} of {d['judged']} ({_f(d['first_precision'])}); now "
            f"{d['kept_right']} of {d['kept_right'] + d['kept_wrong']} judged groups still made as judged are right "
            f"({_f(d['kept_precision'])}), {d.get('changed_right', 0) + d.get('changed_wrong', 0)} made with another "
            f"verdict or reason, {d.get('gone_right', 0) + d.get('gone_wrong', 0)} no longer made; groups made now "
            f"{d['groups_now']}")


def _fmt_aliases(d):
    return f"pairwise {_prf(d['pairwise'])}"


def _fmt_translation(d):
    o = d.get("originals") or {}
    return (f"precision {_f(d.get('precision'))}, recall {_f(d.get('recall'))}; "
            f"false positives on German originals {o.get('false_positives', '–')} of {o.get('total', '–')}")


def _fmt_report(d):
    n = d.get("stories")
    return (f"{d.get('articles')} articles, {n} {'story' if n == 1 else 'stories'}, {d.get('items')} items, "
            f"evidence spans that check {_f(d.get('span_ok_share'), 2)}")


def _fmt_quotes_cases(d):
    keys = [k for k in ("quote_precision", "quote_recall", "speaker_accuracy") if k in d]
    return ", ".join(f"{k.replace('_', ' ')} {_f(d[k], 2)}" for k in keys) or json.dumps(d)[:120]


SHARED = "../shared/data"
ROWS: list[Row] = [
    Row("boilerplate", "boilerplate removal", "trafilatura-de, 150 shared German pages (rules written from them)",
        TUNED, f"lagebild eval boilerplate {SHARED}/boilerplate/trafilatura-de --baseline", _fmt_boilerplate,
        needs=f"{SHARED}/boilerplate/trafilatura-de"),
    Row("dates", "publication date", "htmldate-de, 100 shared German pages", TUNED,
        f"lagebild eval dates {SHARED}/dates/htmldate --baseline", _fmt_dates, needs=f"{SHARED}/dates/htmldate"),
    Row("ner", "NER (GermEval-2014)", "700 GermEval-2014 dev sentences never trained or tuned on", HELD_OUT,
        f"lagebild eval ner {SHARED}/ner/germeval2014/dev.tsv --holdout", _fmt_ner, needs=f"{SHARED}/ner/germeval2014/dev.tsv"),
    Row("quotes_heldout", "speaker attribution (SpkAtt-2023 task 2 scoring)",
        "Wikinews SpkAtt train, own held-out split (140 docs)", HELD_OUT,
        f"lagebild eval quotes {SHARED}/quotes/wikinews-spkatt/train --split heldout", _fmt_quotes_official,
        needs=f"{SHARED}/quotes/wikinews-spkatt/train",
        note="this split was scored as a checkpoint ~10 times over three sessions, never tuned on; 0.669 (P 0.758, "
             "R 0.598) at the end of the round of surveys 29-32, the figure in this row after the round of surveys "
             "33-35 (fronted 'laut X' frames out of the message: SpkAtt's message spans leave them out too), scored "
             "twice that round (at its refresh and after the last fixes from survey 35), was 0.671 (P 0.761, R 0.600); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.671 (P 0.761, R 0.600); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("quotes_heldout_shown", "quotes shown in the dossier (SpkAtt)", "Wikinews SpkAtt, own held-out split (140 docs)",
        HELD_OUT, f"lagebild eval quotes {SHARED}/quotes/wikinews-spkatt/train --split heldout", _fmt_quotes_shown,
        needs=f"{SHARED}/quotes/wikinews-spkatt/train", reuse="quotes_heldout",
        note="0.902 (recall 0.225), then 0.894 (recall 0.223) in the previous round once a document that names "
             "no owner ('laut Ankündigung') was no longer shown (SpkAtt's Source convention counts it as right, the "
             "outside-style audits as wrong); the figure in this row after the speaker rules of audits 11-14 (a "
             "sentence's own trailing cue after a fronted phrase, sources that end before a subject or an age), "
             "scored three times in the previous round, at its three table refreshes, with the same figure; the "
             "figure in this row after this round's speaker rules from audits 17-21 (a speaking pronoun never "
             "means a thing, appositions and addressees cut, nameless speakers not shown): 0.911 (recall 0.227) "
             "at this round's first four refreshes, then 0.910 (recall 0.225; joint F1 0.668 -> 0.667) after the "
             "last one (a noun's apposition after the speaker is no message), the quotes not read; the figure in "
             "this row after the next round's rules from audits 22-25 (scored once, at that round's one refresh; "
             "joint F1 0.667 -> 0.668), the quotes not read, was 0.911 (recall 0.227); the figure in this row "
             "after the round of surveys 26-28 and audit 26 (web pages, Wikinews tuning docs), scored once at that "
             "round's one refresh, and with a change of method: 'shown' is now the dossier's flag after the link "
             "stage (before, the analysis stage's flag was scored, which the dossier can still hide; on the dev "
             "split 586 -> 497 shown at the same precision 0.928), the quotes not read, was 0.930 (recall 0.189); "
             "the figure in this row after the round of surveys 29-32 (Wikinews tuning docs: nameless speakers and relatives, genitive names, weekdays ahead after 'bis'/'ab'/'für', a nationwide figure against a place's), scored once at that round's one refresh, not read, was 0.929 (recall 0.187); the figure in this row after the round of surveys 33-35 (Wikinews tuning docs: fronted 'laut X' frames out of the message, unnamed role holders and generic bodies not shown, national teams, kind nouns before names no aliases, scheduled and past dates), scored twice that round: at its refresh and after the last fixes from survey 35 (airlines, roads, genitives of persons the model typed otherwise, generic '-organisation' speakers), not read in between, was 0.928 (recall 0.183); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.938 (recall 0.183); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("speech_pages_heldout", "quotes shown in the dossier (real web pages)",
        "own real-page set, held-out part (35 pages, 195 speech acts; annotated before any run)", HELD_OUT,
        "lagebild eval quotes tests/data/speech_pages_heldout.jsonl", _fmt_quotes_shown, needs=SHARED,
        note="scored twice while building (0.80, then 0.85 after changes found on dev only), then at each table "
             "refresh; 0.900 (36 of 40) before this round's speaker rules from the outside-style audits (a document "
             "with no owner is not shown: two fewer right quotes shown here, none fewer wrong), 0.895 (34 of 38) "
             "at the end of the previous round; the figure in this row after this round's speaker rules from "
             "audits 17-21: one shown quote more is wrong (the pages were not read, so which one is not known; "
             "the dev part stays at 45 of 47), the same at each of this round's table refreshes; the figure in this "
             "row after the next round's rules from audits 22-25 (34 of 38 again, scored once at that round's one "
             "refresh; the dev part unchanged at 45 of 47), the pages not read; the figure in this row after the "
             "round of surveys 26-28 and audit 26 (scored once, at that round's one refresh; the dev part 45 of 47 "
             "-> 44 of 46: an unnamed 'Ein BMW-Händler' that the dev annotation counts as right is no longer "
             "shown), the pages not read, was 0.895 (34 of 38; recall 0.174); "
             "the figure in this row after the round of surveys 29-32 (Wikinews tuning docs: nameless speakers and relatives, genitive names, weekdays ahead after 'bis'/'ab'/'für', a nationwide figure against a place's), scored once at that round's one refresh, not read, was 0.919 (34 of 37; recall 0.174); the figure in this row after the round of surveys 33-35 (Wikinews tuning docs: fronted 'laut X' frames out of the message, unnamed role holders and generic bodies not shown, national teams, kind nouns before names no aliases, scheduled and past dates), scored twice that round: at its refresh and after the last fixes from survey 35 (airlines, roads, genitives of persons the model typed otherwise, generic '-organisation' speakers), not read in between, was 0.919 (34 of 37; recall 0.174); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.919 (34 of 37; recall 0.174); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("speech_pages_dev", "quotes shown in the dossier (real web pages)", "own real-page set, dev part (35 pages)",
        TUNED, "lagebild eval quotes tests/data/speech_pages_dev.jsonl", _fmt_quotes_shown, needs=SHARED),
    Row("speech_pages_en_heldout", "quotes shown in the dossier (English news)",
        "own set of 30 English ECB+ articles (topics 11-20), held-out part (242 speech acts; annotated before "
        "any run)", HELD_OUT, "lagebild eval quotes tests/data/speech_pages_en_heldout.jsonl", _fmt_quotes_shown,
        needs=f"{SHARED}/clustering",
        note="the quote confidence model is fitted on German data only; English weights fitted with the English "
             "dev part were tried (dev out-of-fold 0.907 at 43 of 60 shown) and scored once here: precision "
             "0.848, recall 0.207 (59 shown) against 0.929 and 0.107 without them; not kept (precision first), "
             "so this part has been scored twice, then once at each table refresh (0.929, 26 of 28, at the end of "
             "the round of surveys 26-28); "
             "the figure in this row after the round of surveys 29-32 (Wikinews tuning docs: nameless speakers and relatives, genitive names, weekdays ahead after 'bis'/'ab'/'für', a nationwide figure against a place's), scored once at that round's one refresh, not read, was 0.929 (26 of 28; recall 0.107); the figure in this row after the round of surveys 33-35 (Wikinews tuning docs: fronted 'laut X' frames out of the message, unnamed role holders and generic bodies not shown, national teams, kind nouns before names no aliases, scheduled and past dates), scored twice that round: at its refresh and after the last fixes from survey 35 (airlines, roads, genitives of persons the model typed otherwise, generic '-organisation' speakers), not read in between, was 0.929 (26 of 28; recall 0.107); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.929 (26 of 28; recall 0.107); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("speech_pages_en_dev", "quotes shown in the dossier (English news)",
        "own set of 30 English ECB+ articles (topics 1-10), dev part (216 speech acts; annotated before any run)",
        TUNED, "lagebild eval quotes tests/data/speech_pages_en_dev.jsonl", _fmt_quotes_shown,
        needs=f"{SHARED}/clustering"),
    Row("quotes_dev", "speaker attribution (SpkAtt-2023 task 2 scoring)", "Wikinews SpkAtt train, tuning split (560 docs)",
        TUNED, f"lagebild eval quotes {SHARED}/quotes/wikinews-spkatt/train --split dev", _fmt_quotes_official,
        needs=f"{SHARED}/quotes/wikinews-spkatt/train"),
    Row("time_news_heldout", "time expressions (news)", "tests/data/time_dev.jsonl held-out slice", HELD_OUT,
        "lagebild eval time tests/data/time_dev.jsonl --split heldout", _fmt_time,
        note="0.966 / 0.735 / 0.812 (own cases 0.967) at the end of the round of surveys 26-28; "
             "the figure in this row after the round of surveys 29-32 (Wikinews tuning docs: nameless speakers and relatives, genitive names, weekdays ahead after 'bis'/'ab'/'für', a nationwide figure against a place's), scored once at that round's one refresh, not read, was 0.966 / 0.748 / 0.812 (own cases 0.967); the figure in this row after the round of surveys 33-35 (Wikinews tuning docs: fronted 'laut X' frames out of the message, unnamed role holders and generic bodies not shown, national teams, kind nouns before names no aliases, scheduled and past dates), scored three times that round: at its refresh, after two tense fixes that survey 35 found on fresh Wikinews docs ('am gestrigen Donnerstag', strong preterites such as 'stach') and after the last entity and speaker fixes from survey 35 (airlines, roads, genitives of persons the model typed otherwise, generic '-organisation' speakers), not read in between, was 0.966 / 0.748 / 0.812 (own cases 0.967); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.966 / 0.735 / 0.812 (own cases 0.967); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("time_news_dev", "time expressions (news)", "tests/data/time_dev.jsonl tuning slice", TUNED,
        "lagebild eval time tests/data/time_dev.jsonl --split dev", _fmt_time),
    Row("time_wikiwars", "time expressions (narrative)", "WikiWarsDE dev half (11 articles)", TUNED,
        f"lagebild eval time {SHARED}/time/wikiwarsde-dev/wikiwarsde-dev.jsonl", _fmt_time,
        needs=f"{SHARED}/time/wikiwarsde-dev/wikiwarsde-dev.jsonl"),
    Row("timeline_undated", "timeline of undated articles (shown rows)",
        "own invented undated articles (25, written with the rules)", TUNED,
        "python tests/test_timeline_undated.py", _fmt_timeline_undated,
        note="48 of 49 shown before this round: a season label ('2008/09', '2014/15') is no longer shown as two "
             "years (two audits judged such rows wrong), which these cases count as right"),
    Row("metadata_heldout", "article metadata (byline, date, URL)",
        "own set from shared HTML pages, held-out part (35 pages; annotated before any run)", HELD_OUT,
        "lagebild eval metadata tests/data/metadata_pages_heldout.jsonl", _fmt_metadata, needs=SHARED,
        note="scored twice while building, 3 more times in the next round, 4 times in the round after (each time "
             "after dev-only changes: 3 -> 2 invented dates, then 2, 2 and 2 after the last rules); then three times in "
             "the round of the undated-page rules (chosen on the cut dev set below): 1 invented date after their "
             "first scored version, 2 after each later one (better on dev: 24 -> 15 -> 11 -> 9 invented on the cut set); "
             "the final rules were kept, as choosing between versions by this part would tune on it; scored once more "
             "after the next round's rules on what the words before a date say it dates (cut set 8 -> 2 invented): "
             "still 2 (four times this round: at its three table refreshes and after the comment-meta rule); the pages were not read (held-out); "
             "the figure in this row after the round of surveys 26-28 (no metadata rule changed; a scrambled paywall "
             "paragraph is now removed as boilerplate), scored once at that round's one refresh (2 invented dates, "
             "bylines 0.914); "
             "the figure in this row after the round of surveys 29-32 (no metadata rule changed), scored once at "
             "that round's one refresh, was the same (2 invented dates, bylines 0.914); the figure in this row after "
             "the round of surveys 33-35 (no metadata rule changed), scored twice that round (at its refresh and "
             "after the last entity and speaker fixes), was the same (2 invented dates, bylines 0.914); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 2 invented dates, bylines 0.914; the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("metadata_dev", "article metadata (byline, date, URL)", "own set, dev part (35 pages)", TUNED,
        "lagebild eval metadata tests/data/metadata_pages_dev.jsonl", _fmt_metadata, needs=SHARED),
    Row("metadata_dev2", "article metadata (byline, date, URL)",
        "own set, second dev part (40 more pages, annotated without lagebild output)", TUNED,
        "lagebild eval metadata tests/data/metadata_pages_dev2.jsonl", _fmt_metadata, needs=SHARED),
    Row("metadata_dev3", "article metadata (byline, date, URL)",
        "own set, third dev part (the remaining 61 pages, annotated without lagebild output)", TUNED,
        "lagebild eval metadata tests/data/metadata_pages_dev3.jsonl", _fmt_metadata, needs=SHARED),
    Row("metadata_cut", "publication date of undated pages",
        "own undated variants of 87 dev pages (own date cut out, annotated blind; selected where the old finder "
        "still gave a date; 51 with no date left)", TUNED,
        "lagebild eval metadata tests/data/metadata_pages_cut.jsonl", _fmt_dates_only, needs=SHARED,
        note="51 invented dates before the undated-page rules (lagebild/ingest/date_context.py), written while "
             "reading these pages; 8 before the rules on what a date's words say it dates (a release, a source's "
             "'Stand', a span's end, an event in a sentence) and on teaser cards in their own <article>; 2 before a "
             "comment's meta box ('comment-date') was read as the comment's"),
    Row("metadata_cut_fresh", "publication date of undated pages",
        "own undated variants of the 9 htmldate pages, outside every other metadata set, on which the finder before "
        "or after the undated-page rules still gave a date (annotated blind after those rules were written)",
        HELD_OUT, "lagebild eval metadata tests/data/metadata_pages_cut_fresh.jsonl", _fmt_dates_only, needs=SHARED,
        note="first scored with the rules unchanged since the cut set above: 0 invented (the finder before those "
             "rules: 4 invented, 3 of 9 right); the pages are not read for rules, was 0 invented dates of 9 pages, date accuracy 0.778; the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0 invented dates of 9 pages, date accuracy 0.778; the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored twice that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules), the same figure both times; the figure in this row after the round of the figure-group rules (issue 16: other accounts, shown groups, confirmations across articles; no quote, entity, time or figure rule changed), scored once at its refresh, the same figure"),
    Row("figures_C", "figures shown in the dossier (German Wikinews)",
        "figure survey part C: 181 Wikinews articles of surveys 28-41 (read for quote, entity and time rules, never "
        "for figure rules), 543 shown figures judged blind by helper reviewers (bench/figure_guideline.md)",
        HELD_OUT, "python bench/figure_survey.py score --parts C", _fmt_figure_survey, needs=SHARED,
        note="judged once, on the figure code of ebff242 (455 of 543, 0.838); 25 of its 38 'not a figure' items are the "
             "single scores of one football report; then scored at the round's two table refreshes, after fixes from parts "
             "A and B (a speech verb's speaker gives only what stands in the message; 'Bündnis 90/Die Grünen' is a name, "
             "a class the C reviewers' summaries also named; sources in brackets, disasters that 'fordern' lives), the "
             "same figure both times; the items not read for rules; after the next round's figure-group rules (no figure "
             "rule changed; its group judgments and some sentences of its articles were read for group rules) the "
             "same figure; rescored once more after that round's unit rules from parts A and B (a coordinated number "
             "takes its neighbour's unit, millions after money are money, 'US $' keeps its hedge, hedged ranges, a "
             "bracket's speaker): 453 of 534 kept (was 454 of 537), the items that changed not read"),
    Row("figures_D", "figures shown in the dossier (German news)",
        "figure survey part D: 50 10kGNAD test articles outside the own story sets, 182 shown figures judged blind "
        "(bench/figure_guideline.md; drawn by `python bench/figure_survey.py draw-gnad DIR`)",
        HELD_OUT, "python bench/figure_survey.py score --parts D", _fmt_figure_survey, needs=SHARED,
        note="judged once, on f55c243, and rescored at the round's last table refresh after two source rules from parts "
             "A and B (fdb6a7d): no judged item changed; the articles were read for quote, entity and time "
             "rules by earlier audits, and an earlier round read 24 figure pairs of 996 10kGNAD articles as disagreement "
             "near-misses (which articles is not recorded), never for these figure rules; not read for rules; after the "
             "next round's figure-group rules (no figure rule changed; its group judgments were read for group rules) "
             "the same figure; rescored once more after that round's unit rules from parts A and B: 165 of 181 kept "
             "(was 165 of 182; one judged-wrong item shown differently, not read)"),
    Row("figures_A", "figures shown in the dossier (German Wikinews)",
        "figure survey part A: 182 articles, 572 shown figures judged blind on the code before the figure rules "
        "of its round, then tuned on", TUNED, "python bench/figure_survey.py score --parts A", _fmt_figure_survey,
        needs=SHARED),
    Row("figures_B", "figures shown in the dossier (German Wikinews)",
        "figure survey part B: 197 articles, 597 shown figures judged blind after part A's rules (1afee79), then "
        "tuned on", TUNED, "python bench/figure_survey.py score --parts B", _fmt_figure_survey, needs=SHARED),
    Row("group_survey", "figure groups (German Wikinews and news)",
        "figure-group survey: the 141 groups of figure-survey parts A-D (all inside one article) judged blind by helper "
        "reviewers (bench/figure_group_guideline.md); A, B judged before the previous round's group rules, C, D once "
        "after them; all read for this round's rules (which groups are shown)", TUNED,
        "python bench/group_survey.py score --total", _fmt_group_survey, needs=SHARED),
    Row("stories_heldout", "figure disagreements and canonical entities",
        "own 10kGNAD multi-article stories, held-out part (15 stories, 32 articles; annotated before any run)",
        HELD_OUT, "lagebild eval stories tests/data/stories_heldout.jsonl", _fmt_stories,
        needs=f"{SHARED}/corpus/10kgnad",
        note="entity lists completed by a second blind annotation pass (tests/data/stories_entity_audit.md); "
             "only 1 gold disagreement in this part: see the English held-out row; entities 0.872 (337 listed) in the "
             "previous round, then 0.875 after the duplicate-entity merge and 0.877 after the demonym ranking (both "
             "found by outside-style audits, not on this part); 0.892 (332 listed) after the rules from the fifth "
             "to eighth audits, 0.891 (330 listed) after those of the ninth; the figure in this row after the rules "
             "from audits 11-14 (scored three times, at that round's three table refreshes: the same figure), "
             "0.896 (328 listed) at the end of the previous round; the figure in this row after this round's "
             "name-evidence rules (link/entity_vouch.py: a place, organisation or dictionary-word person of one "
             "mention needs evidence beyond the model's type) and the rules from audits 17-21: 0.918 (recall 0.597) "
             "at this round's three full refreshes, then 0.915 (recall 0.595) after the last rules (a region's "
             "capital or a two-word city as its club, the strong form of names opened by an adjective; which of "
             "the 318 listed changed was not read); the figure in this row after the next round's rules from audits "
             "22-25 (role phrases are no person's name, names whose adjective only changes its ending keep their "
             "plain mentions, 'für' complements, titles): scored once, at that round's one refresh, not read, was 0.921 "
             "(recall 0.599, 318 listed); the figure in this row after the round of surveys 26-28 and audit 26 (web "
             "pages and Wikinews: unknown one-word places no mention puts anywhere, hyphenated common compounds, "
             "bodies named with a country): scored once, at that round's one refresh, not read, was 0.933 (recall "
             "0.595, 312 listed; no flag); "
             "the figure in this row after the round of surveys 29-32 (Wikinews tuning docs: nameless speakers and relatives, genitive names, weekdays ahead after 'bis'/'ab'/'für', a nationwide figure against a place's), scored once at that round's one refresh, not read, was 0.933 (recall 0.595, 312 listed; no flag); the figure in this row after the round of surveys 33-35 (Wikinews tuning docs: fronted 'laut X' frames out of the message, unnamed role holders and generic bodies not shown, national teams, kind nouns before names no aliases, scheduled and past dates), scored twice that round: at its refresh and after the last fixes from survey 35 (airlines, roads, genitives of persons the model typed otherwise, generic '-organisation' speakers), not read in between, was 0.926 (recall 0.591, 312 listed; no flag); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.926 (recall 0.591, 312 listed; no flag); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored three times that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules) and after the figure-group rules (too general topics no series or agreement, 'ums Leben', reasons), the same figure each time; the figure in this row after the round of the figure-group rules (issue 16): scored once at its refresh, the same figure (entities; no flag; no group shown), and the same at a second scoring after that round's figure-unit rules"),
    Row("stories_gnad2_heldout", "figure disagreements",
        "fresh 10kGNAD stories, held out (136 stories of 139 articles no own set used: 16 TF-IDF candidate stories, "
        "confirmed or split by the annotators, and 100 single articles by salted hash, bench/story_draw.py; gold "
        "figure groups annotated blind: 88 agree, 12 series, 3 disagree, 2 update)", HELD_OUT,
        "lagebild eval stories tests/data/stories_gnad2_heldout.jsonl", _fmt_groups, needs=f"{SHARED}/corpus/10kgnad",
        note="128 of the 139 articles were in outside-style audits 1-25 (read for quote, entity and timeline rules, "
             "never for figure-group rules; an earlier round's near-miss scan read 24 figure pairs of 996 10kGNAD "
             "articles, which ones is not recorded); first scored on the code before this round's group rules "
             "(1d0b685): none flagged, 0 of 3 gold found; "
             "the annotators' summaries named the 3 gold disagreements (two budget figures of a fiscal council "
             "against the finance ministry in one article; 'knapp 50 Prozent' against 40 of 96 municipalities) "
             "before this round's group rules were written; those rules came from Wikinews and the dev stories; scored four times: on 1d0b685, once after the first group rule (counts only: none flagged), at the round's refresh, and a fourth time after that round's figure-unit rules (the figure in this row, the same); never read"),
    Row("stories_en_heldout", "figure disagreements and canonical entities",
        "own multi-outlet ECB+ stories (English), held-out part (22 stories from topics 11-20, 78 articles, 19 gold "
        "disagreements; annotated before any run)", HELD_OUT,
        "lagebild eval stories tests/data/stories_en_heldout.jsonl", _fmt_stories, needs=f"{SHARED}/clustering",
        note="disagreements: scored once while building (0.571, 4 of 7), then at table refreshes 2 of 7, 2 of 7, "
             "2 of 6, 1 of 4 after dev-only near-miss rules, 0 of 2 after the next dev-only figure rules (one genuine "
             "flag lost, one false flag gone), 0 of 3 since figure sources are read per clause and with English "
             "grammar (dev flags unchanged; the change stays: the sources it gives are right, and undoing it for a "
             "held-out flag would tune on this part); the flags were never read (held-out), so the gap is not "
             "explained here. "
             "Entities: 0.679 (recall 0.401) before the rule that lists one English mention only for a full person "
             "name (chosen on English dev), 0.776 after it, 0.757 (169 listed) after more dev-found fixes; then rules "
             "from a survey of all 204 ECB+ dev documents of topics 1-10 (weekdays, glued sentence openers, prizes "
             "and titles, lone surnames joining their person, unknown multi-word model places): 0.788 (160 listed) "
             "when scored once after the first batch, and with the second batch and international first names the "
             "previous round's 0.806 (160 listed); then rules from a second, blind-annotated English dev part "
             "(offices, organisation names cut at 'and'/'for'/'of', 'Judge X of Y Court', work titles, acronyms, "
             "first names with role-like endings): 0.837 (153 listed) when scored once, and with the English "
             "two-mention rule for MISC and unknown places (chosen on dev) 0.841 (151 listed); the figure in this "
             "row after the German audit rules of the previous round (the same 0.840 at both of its refreshes) "
             "and of the round after (audits 11-16: scored three times, at its three table refreshes, 0.840 each "
             "time), and the same 0.840 after this round's name-evidence rules (link/entity_vouch.py; English "
             "single mentions were already held back) at its three refreshes; the figure in this row after the next "
             "round's English dev rules (works named after people, award names, spaced-hyphen ages, a first name "
             "the NER left out) and German audit rules 22-25: 127 of 150 right, one short of 0.85, scored once at "
             "that round's one refresh; the held-out entities were not read; the figure in this row after the round of "
             "surveys 26-28 and audit 26 (German web pages and Wikinews; English dev 0.944 -> 0.951, dev2 0.949 -> "
             "0.951 with them): scored once, at that round's one refresh, not read, was 0.851 (recall 0.301, 148 "
             "listed; 0 of 3 flags right); "
             "the figure in this row after the round of surveys 29-32 (Wikinews tuning docs: nameless speakers and relatives, genitive names, weekdays ahead after 'bis'/'ab'/'für', a nationwide figure against a place's), scored once at that round's one refresh, not read, was 0.851 (recall 0.301, 148 listed; 0 of 3 flags right); the figure in this row after the round of surveys 33-35 (Wikinews tuning docs: fronted 'laut X' frames out of the message, unnamed role holders and generic bodies not shown, national teams, kind nouns before names no aliases, scheduled and past dates), scored twice that round: at its refresh and after the last fixes from survey 35 (airlines, roads, genitives of persons the model typed otherwise, generic '-organisation' speakers), not read in between, was 0.851 (recall 0.301, 148 listed; 0 of 3 flags right); the figure in this row after the round of surveys 37-40 (Wikinews tuning docs: role holders of a person named in the genitive, addressees, framing 'laut' claims and nameless courts not shown; nominative names, former states, kinds of names; nights, weekdays of the week a text told, past clauses), scored twice that round: at its refresh after survey 40's fixes and after three recurring classes of surveys 36-41 ('heute' in an age, nameless opposition parties and administrations), not read in between, was 0.851 (recall 0.301, 148 listed; 0 of 3 flags right); the figure in this row after the round of the figure survey (figures only: strict hedges, ranges, units, non-figures, whole counted phrases, figure sources; no quote, entity or time rule changed), scored three times that round: at its two table refreshes (after the figure rules of survey parts A and B, and after the last figure-source rules) and after the figure-group rules (too general topics no series or agreement, 'ums Leben', reasons), the same figure each time; the figure in this row after the round of the figure-group rules (issue 16: an article's own other account, 'Tote' and people who died as one key, shown groups, confirmations across articles, counts one apart no agreement, holders named by a country adjective): scored once at its refresh, not read: entities the same, flags 0 of 4 (one more false flag; which rule made it was not looked for, since that would read this part), shown figure groups 21 of 26 right (a new score, first computed then); scored a second time after that round's figure-unit rules, the same figures; scored a second time after that round's figure-unit rules, the same figures"),
    Row("stories_en_dev", "figure disagreements and canonical entities",
        "own ECB+ stories (English), dev part (18 stories from topics 1-10, 63 articles)", TUNED,
        "lagebild eval stories tests/data/stories_en_dev.jsonl", _fmt_stories, needs=f"{SHARED}/clustering"),
    Row("stories_en_dev2", "figure disagreements and canonical entities",
        "own ECB+ stories (English), second dev part (27 stories from the topics 1-10 documents the first part does "
        "not use, 101 articles, 4 gold disagreements; annotated blind)", TUNED,
        "lagebild eval stories tests/data/stories_en_dev2.jsonl", _fmt_stories, needs=f"{SHARED}/clustering",
        note="first scored before any rule was taken from it: listed entities precision 0.882 (439 listed), "
             "recall 0.456; 0 of 4 gold disagreements flagged, no false flag"),
    Row("stories_dev", "figure disagreements and canonical entities", "own stories, dev part (20 stories, 46 articles)",
        TUNED, "lagebild eval stories tests/data/stories_dev.jsonl", _fmt_stories, needs=f"{SHARED}/corpus/10kgnad"),
    Row("cluster_ecb", "story clustering", "ECB+ dev topics (English; constants tuned on it)", TUNED,
        f"lagebild eval cluster {SHARED}/clustering/ecbplus-dev.jsonl", _fmt_cluster,
        needs=f"{SHARED}/clustering/ecbplus-dev.jsonl"),
    Row("cluster_ecb_ner", "story clustering, pipeline features", "ECB+ dev through the pipeline's own features", TUNED,
        f"lagebild eval cluster {SHARED}/clustering/ecbplus-dev.jsonl --ner", _fmt_cluster,
        needs=f"{SHARED}/clustering/ecbplus-dev.jsonl"),
    Row("cluster_gnad", "story clustering (German)", "45 hand-labelled 10kGNAD articles (constants tuned on it)", TUNED,
        "lagebild eval cluster training/cluster/runs/gnad-stories-dev.jsonl --ner", _fmt_cluster,
        needs=f"{SHARED}/corpus/10kgnad", prepare="python training/cluster/build_gnad_dev.py"),
    Row("cluster_multi", "cross-language story joins", "own invented set (22 articles, 5 stories)", TUNED,
        "lagebild eval cluster tests/data/cluster_multilingual.jsonl --ner", _fmt_cluster),
    Row("aliases", "entity aliases", "own set (117 stories, 495 pairs)", TUNED, "lagebild eval aliases", _fmt_aliases),
    Row("numbers_dev", "figures with hedges", "own dev set (80 cases)", TUNED,
        "lagebild eval numbers tests/data/numbers_dev.jsonl", _fmt_numbers),
    Row("numbers_recognizers", "figures with hedges", "derived from Recognizers-Text German specs (195 cases)", TUNED,
        "lagebild eval numbers tests/data/numbers_recognizers.jsonl", _fmt_numbers),
    Row("numbers_en_fr", "figures in English and French", "own cases (113)", TUNED,
        "lagebild eval numbers tests/data/numbers_en_fr.jsonl", _fmt_numbers),
    Row("numbers_units", "figures: non-quantities and units", "own cases (29; written with the rules)", TUNED,
        "lagebild eval numbers tests/data/numbers_units_nonquantities.jsonl", _fmt_numbers),
    Row("numbers_fresh", "figures with hedges", "cases written after the rules were frozen (26; fixed after)", TUNED,
        "lagebild eval numbers tests/data/numbers_fresh.jsonl", _fmt_numbers),
    Row("quotes_cases", "quotes, invented cases", "own cases (81)", TUNED,
        "lagebild eval quotes tests/data/quotes_cases.jsonl", _fmt_quotes_cases),
    Row("quotes_en_fr", "English/French speech", "own cases (21 + 13 written after the rules; fixed after)", TUNED,
        "lagebild eval quotes tests/data/quotes_cases_en_fr.jsonl", _fmt_quotes_cases),
    Row("translation", "translations without a note", "own invented cases (40) + German originals (FP check)", TUNED,
        "lagebild eval translation", _fmt_translation),
    Row("seeds", "seeds end to end", "5 real German articles (tried on all along)", TUNED,
        "lagebild eval report ../shared/seeds", _fmt_report, needs="../shared/seeds"),
]


def _json_line(out: str) -> dict:
    for line in reversed(out.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in the output")


def run_row(row: Row) -> dict | None:
    if row.needs and not (ROOT / row.needs).exists():
        print(f"skip {row.id}: {row.needs} absent", file=sys.stderr)
        return None
    t0 = dt.datetime.now(dt.timezone.utc)
    if row.prepare:
        prep = subprocess.run(shlex.split(row.prepare), cwd=ROOT, capture_output=True, text=True)
        if prep.returncode != 0:
            print(f"FAILED {row.id} (prepare): {prep.stderr[-2000:]}", file=sys.stderr)
            return None
    proc = subprocess.run(shlex.split(row.command), cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"FAILED {row.id}: {proc.stderr[-2000:]}", file=sys.stderr)
        return None
    rec = {"row": row.id, "command": row.command, "split": row.split, "measured": t0.strftime("%Y-%m-%d"),
           "seconds": round((dt.datetime.now(dt.timezone.utc) - t0).total_seconds(), 1),
           "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores", "result": _json_line(proc.stdout)}
    SAVED.mkdir(parents=True, exist_ok=True)
    (SAVED / f"{row.id}.json").write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return rec


def load_saved(row: Row) -> dict | None:
    path = SAVED / f"{row.id}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def render(records: dict[str, dict]) -> str:
    lines = ["| capability | data | split | score | command |", "|---|---|---|---|---|"]
    for row in ROWS:
        rec = records.get(row.id)
        if rec is None:
            continue
        try:
            score = row.fmt(rec["result"])
        except Exception as exc:  # a formatter that no longer fits the JSON is visible, not silent
            score = f"(unformattable: {type(exc).__name__})"
        if row.split == HELD_OUT:
            score = f"**{score}**"
        if row.note:
            score += f"; {row.note}"
        cmd = f"`{row.prepare} && {row.command}`" if row.prepare else f"`{row.command}`"
        lines.append(f"| {row.capability} | {row.data} | {row.split} | {score} (measured {rec['measured']}) | {cmd} |")
    return "\n".join(lines)


def rewrite_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit(f"README has no {BEGIN} … {END} markers")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{table}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated row ids to re-run (the rest from saved JSON)")
    ap.add_argument("--render", action="store_true", help="no runs: rewrite the table from saved JSON")
    ap.add_argument("--list", action="store_true", help="print the rows and exit")
    ap.add_argument("--no-readme", action="store_true", help="print the table instead of rewriting README.md")
    args = ap.parse_args(argv)
    if args.list:
        for row in ROWS:
            print(f"{row.id:22} {row.split:9} {row.command}")
        return 0
    only = set(args.only.split(",")) if args.only else None
    unknown = (only or set()) - {r.id for r in ROWS}
    if unknown:
        raise SystemExit(f"unknown rows: {sorted(unknown)}")
    records: dict[str, dict] = {}
    for row in ROWS:
        rec = None
        if row.reuse:
            rec = records.get(row.reuse)
            rec = dict(rec, row=row.id) if rec else load_saved(row)
        elif not args.render and (only is None or row.id in only):
            print(f"run {row.id}: {row.command}", file=sys.stderr)
            rec = run_row(row)
        records[row.id] = rec or load_saved(row)
    table = render({k: v for k, v in records.items() if v})
    if args.no_readme:
        print(table)
    else:
        rewrite_readme(table)
        print(f"README table rewritten ({sum(1 for v in records.values() if v)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
