"""German speech-cue lexicon and Konjunktiv detection (issue 5).

The verb list was curated from the cue counts printed by training/quotes/derive_lexicon.py
(Wikinews speaker attribution, tuning part, and the SpkAtt-2023 debates): every verb that
introduced reported speech at least twice there, plus their close synonyms; a second round
(training/quotes/derive_verbs.py) added the uncovered cue verbs of the tuning split whose
cue precision (cue uses / all uses) is at least 0.5 (lauten, würdigen, beschließen, plädieren, …).
The corpus-style extent of a cue ('hatte … gesagt', 'teilte … mit', 'äußerte sich', 'verwies
darauf') is built by cue_parts. Finite forms are
generated from a compact spec so that 'teilte ... mit', 'mitteilte', 'mitgeteilt' all match.

Konjunktiv: the closed list of frequent forms (habe, seien, werde, könne, hätten, befänden …)
comes from the same script (forms whose occurrences lie mostly inside annotated indirect
messages); other Konjunktiv I forms are recognised morphologically: a lower-case word ending
in -e whose indicative twin in -t is a verb ('brauche'/'braucht', 'handele'/'handelt').
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .speakers import SUBJ_STARTERS, tokenize

# (stem, particle, kind) — kind: 'w' weak verb; strong verbs give their forms explicitly below.
# A particle verb ('mitteilen') matches 'teilte ... mit' (particle must follow in the clause),
# 'mitteilte' and 'mitgeteilt'.
_WEAK = """
sag erklär beton bericht meld bestätig äußer behaupt kritisier warn forder mein glaub hoff
befürcht vermut versicher entgegn antwort ergänz dementier verkünd droh beklag kommentier argumentier
begründ schätz bezeichn zitier
mahn appellier verlang bekräftig insistier signalisier prognostizier zweifel bezweifel
erinner beteuer unterstell bemerk twitter post informier klag beschwer spekulier protestier
beschuldig fürcht bekenn versichert_ befürwort empfehl_ präzisier bilanzier resümier
erläuter bedauer begrüß schilder entscheid erwäg plan beabsichtig bitt lob verurteil wiederhol bekund
erwider bejah vernein verdächtig frag urteil folger erkenn beschließ_
würdig plädier
""".split()

# Strong/irregular verbs: lemma -> (3sg pres, 3pl pres, 3sg past, 3pl past, participle, particle)
_STRONG = {
    "schreiben": ("schreibt", "schreiben", "schrieb", "schrieben", "geschrieben", ""),
    "sprechen": ("spricht", "sprechen", "sprach", "sprachen", "gesprochen", "von"),
    "nennen": ("nennt", "nennen", "nannte", "nannten", "genannt", ""),
    "heißen": ("heißt", "heißen", "hieß", "hießen", "geheißen", ""),
    "mitteilen": ("teilt", "teilen", "teilte", "teilten", "mitgeteilt", "mit"),
    "bekanntgeben": ("gibt", "geben", "gab", "gaben", "bekanntgegeben", "bekannt"),
    "angeben": ("gibt", "geben", "gab", "gaben", "angegeben", "an"),
    "zugeben": ("gibt", "geben", "gab", "gaben", "zugegeben", "zu"),
    "hinweisen": ("weist", "weisen", "wies", "wiesen", "hingewiesen", "hin"),
    "zurückweisen": ("weist", "weisen", "wies", "wiesen", "zurückgewiesen", "zurück"),
    "verweisen": ("verweist", "verweisen", "verwies", "verwiesen", "verwiesen", ""),
    "vorwerfen": ("wirft", "werfen", "warf", "warfen", "vorgeworfen", "vor"),
    "vorschlagen": ("schlägt", "schlagen", "schlug", "schlugen", "vorgeschlagen", "vor"),
    "hervorheben": ("hebt", "heben", "hob", "hoben", "hervorgehoben", "hervor"),
    "bestreiten": ("bestreitet", "bestreiten", "bestritt", "bestritten", "bestritten", ""),
    "rufen": ("ruft", "rufen", "rief", "riefen", "gerufen", ""),
    "verraten": ("verrät", "verraten", "verriet", "verrieten", "verraten", ""),
    "versprechen": ("verspricht", "versprechen", "versprach", "versprachen", "versprochen", ""),
    "ausführen": ("führt", "führen", "führte", "führten", "ausgeführt", "aus"),
    "feststellen": ("stellt", "stellen", "stellte", "stellten", "festgestellt", "fest"),
    "klarstellen": ("stellt", "stellen", "stellte", "stellten", "klargestellt", "klar"),
    "einräumen": ("räumt", "räumen", "räumte", "räumten", "eingeräumt", "ein"),
    "hinzufügen": ("fügt", "fügen", "fügte", "fügten", "hinzugefügt", "hinzu"),
    "ankündigen": ("kündigt", "kündigen", "kündigte", "kündigten", "angekündigt", "an"),
    "andeuten": ("deutet", "deuten", "deutete", "deuteten", "angedeutet", "an"),
    "zusichern": ("sichert", "sichern", "sicherte", "sicherten", "zugesichert", "zu"),
    "anmerken": ("merkt", "merken", "merkte", "merkten", "angemerkt", "an"),
    "wissen": ("weiß", "wissen", "wusste", "wussten", "gewusst", ""),
    "denken": ("denkt", "denken", "dachte", "dachten", "gedacht", ""),
    "bezeichnen": ("bezeichnet", "bezeichnen", "bezeichnete", "bezeichneten", "bezeichnet", ""),
    "beschuldigen": ("beschuldigt", "beschuldigen", "beschuldigte", "beschuldigten", "beschuldigt", ""),
    "verkünden": ("verkündet", "verkünden", "verkündete", "verkündeten", "verkündet", ""),
    "zeigen": ("zeigt", "zeigen", "zeigte", "zeigten", "gezeigt", "überzeugt"),
    "ausgehen": ("geht", "gehen", "ging", "gingen", "ausgegangen", "davon aus"),
    "auffordern": ("fordert", "fordern", "forderte", "forderten", "aufgefordert", "auf"),
    "aufrufen": ("ruft", "rufen", "rief", "riefen", "aufgerufen", "auf"),
    "ablehnen": ("lehnt", "lehnen", "lehnte", "lehnten", "abgelehnt", "ab"),
    "zusagen": ("sagt", "sagen", "sagte", "sagten", "zugesagt", "zu"),
    "anregen": ("regt", "regen", "regte", "regten", "angeregt", "an"),
    "raten": ("rät", "raten", "riet", "rieten", "geraten", "zu"),
    "herausfinden": ("findet", "finden", "fand", "fanden", "herausgefunden", "heraus"),
    "ergeben": ("ergibt", "ergeben", "ergab", "ergaben", "ergeben", ""),
    "vorgeben": ("gibt", "geben", "gab", "gaben", "vorgegeben", "vor"),
    "erhoffen": ("erhofft", "erhoffen", "erhoffte", "erhofften", "erhofft", "sich"),
    "einschätzen": ("schätzt", "schätzen", "schätzte", "schätzten", "eingeschätzt", "ein"),
    "halten": ("hält", "halten", "hielt", "hielten", "gehalten", "es für"),
    "vertreten": ("vertritt", "vertreten", "vertrat", "vertraten", "vertreten", "die auffassung"),
    "meinungsein": ("ist", "sind", "war", "waren", "gewesen", "der meinung"),
    "ansichtsein": ("ist", "sind", "war", "waren", "gewesen", "der ansicht"),
    "auffassungsein": ("ist", "sind", "war", "waren", "gewesen", "der auffassung"),
    "ansehen": ("sieht", "sehen", "sah", "sahen", "angesehen", "als erwiesen an"),
    "bekanntwerden": ("wird", "werden", "wurde", "wurden", "bekanntgeworden", "bekannt"),
    "empfehlen": ("empfiehlt", "empfehlen", "empfahl", "empfahlen", "empfohlen", ""),
    "besagen": ("besagt", "besagen", "besagte", "besagten", "besagt", ""),
    "unterstreichen": ("unterstreicht", "unterstreichen", "unterstrich", "unterstrichen", "unterstrichen", ""),
    # added from training/quotes/derive_verbs.py (tuning split: cue count >= 2, precision >= 0.5)
    "lauten": ("lautet", "lauten", "lautete", "lauteten", "gelautet", ""),
    "beschließen": ("beschließt", "beschließen", "beschloss", "beschlossen", "beschlossen", ""),
    "entscheiden": ("entscheidet", "entscheiden", "entschied", "entschieden", "entschieden", ""),
    "hervorgehen": ("geht", "gehen", "ging", "gingen", "hervorgegangen", "hervor"),
    "rechtfertigen": ("rechtfertigt", "rechtfertigen", "rechtfertigte", "rechtfertigten", "gerechtfertigt", ""),
    "widersprechen": ("widerspricht", "widersprechen", "widersprach", "widersprachen", "widersprochen", ""),
}

# A few English and French reporting verbs (no German word has these forms), so that direct
# quotations in English/French articles get their speakers too: '“…,” said Kirby'.
_OTHER_LANG = {
    "said": "sagen", "says": "sagen", "told": "sagen", "added": "hinzufügen", "stated": "erklären",
    "wrote": "schreiben", "explained": "erklären", "warned": "warnen", "insisted": "betonen",
    "dit": "sagen", "déclaré": "erklären", "affirmé": "behaupten", "ajouté": "hinzufügen",
    "expliqué": "erklären",
    "estimé": "meinen", "souligné": "betonen", "assuré": "versichern", "écrit": "schreiben",
}
# Verbs that introduce reported speech with a dass- or Konjunktiv clause. Those in
# _THOUGHT report beliefs (glaubt, hofft): still quotes in the corpus sense (STWR 'Thought').
_THOUGHT = {"glauben", "hoffen", "befürchten", "vermuten", "meinen", "denken", "wissen", "schätzen",
            "bezweifeln", "zweifeln", "ausgehen", "zeigen"}

# Particles of separable verbs seen in finite V2 position ('teilte ... mit').
_INSEP_PREFIX = ("be", "er", "ver", "zer", "ent", "emp", "ge", "miss", "über", "unter", "wider", "hinter")


@dataclass(frozen=True)
class CueForm:
    lemma: str
    particle: str  # '' or the separated particle that must follow in the clause
    finite: bool  # finite form (V2 or verb-final) vs. participle
    thought: bool = False


def _weak_forms(stem: str, particle: str) -> tuple[list[str], str]:
    """Finite 3rd-person forms and the participle of a weak verb stem."""
    e = "e" if re.search(r"(t|d|chn|gn|ffn|tm)$", stem) else ""
    pl = stem + ("n" if stem.endswith(("er", "el")) else "en")
    fin = [stem + e + "t", pl, stem + e + "te", stem + e + "ten"]
    if stem.endswith("ier") or stem.startswith(_INSEP_PREFIX):
        part = stem + e + "t"
    else:
        part = "ge" + stem + e + "t"
    return fin, particle + part


@lru_cache(maxsize=1)
def cue_table() -> dict[str, list[CueForm]]:
    """Word form (lower case) -> possible cue readings."""
    table: dict[str, list[CueForm]] = {}

    def add(form: str, cf: CueForm) -> None:
        table.setdefault(form.lower(), [])
        if cf not in table[form.lower()]:
            table[form.lower()].append(cf)

    for spec in _WEAK:
        parts = spec.split("|")
        if spec.endswith("_"):  # placeholder entries (irregular, listed in _STRONG)
            continue
        particle, stem = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
        lemma = particle + stem + ("n" if stem.endswith(("er", "el")) else "en")
        thought = lemma in _THOUGHT
        fin, part = _weak_forms(stem, particle)
        for f in fin:
            add(f, CueForm(lemma, particle, True, thought))
            if particle:  # verb-final subordinate clause: 'wie die Polizei mitteilte'
                add(particle + f, CueForm(lemma, "", True, thought))
        add(part, CueForm(lemma, "", False, thought))
    for lemma, (sg, pl, past, pastpl, part, particle) in _STRONG.items():
        thought = lemma in _THOUGHT
        sep = particle if particle and lemma.startswith(particle) else ""
        need = particle if particle else ""
        for f in (sg, pl, past, pastpl):
            add(f, CueForm(lemma, need, True, thought))
            if sep:
                add(sep + f, CueForm(lemma, "", True, thought))
        add(part, CueForm(lemma, need if not sep else "", False, thought))
    for f in ("ausgeht", "ausgehen", "ausging", "ausgingen"):  # verb-final 'wenn X davon ausgeht'
        add(f, CueForm("ausgehen", "davon", True, True))
    for form, lemma in _OTHER_LANG.items():  # English/French reporting verbs for translated or foreign text
        add(form, CueForm(lemma, "", True, False))
    return table


def cue_readings(word: str) -> list[CueForm]:
    return cue_table().get(word.lower(), [])


# Prepositional / adverbial attribution cues ('laut X', 'X zufolge', 'nach Angaben von X').
_SOURCE_NOUNS = (r"(?:Angaben|Aussagen?|Informationen|Berichte?n?|Mitteilung|Darstellung|Einschätzung|Ansicht|"
                 r"Auffassung|Meinung|Erkenntnissen|Schätzungen?|Berechnungen|Umfrage|Studie|Untersuchung|"
                 r"Ermittlungen|Recherchen|Meldungen?|Worten|Auskunft|Daten|Zahlen|Urteil|Erklärung|Aussage|"
                 r"Medienberichten|Polizeiangaben|Behördenangaben|Zeugenaussagen|Expertenmeinung|Regierungsangaben|"
                 r"Augenzeugenberichten|Schilderungen?)")
# the same nouns as heads of compounds ('Armeeangaben', 'Regierungsberichten', 'Expertenschätzungen')
_COMPOUND_HEADS = r"(?:angaben|aussagen|informationen|berichten|meldungen|schätzungen|einschätzung|erkenntnissen)"
# Prepositional / adverbial attribution cues ('laut X', 'gemäß X', 'nach Angaben von X', 'nach einem
# Bericht der Zeitung'); 'nach' only before a source noun so that 'nach dem Spiel' does not count.
ACCORDING_PRE = re.compile(
    r"\b(?:(?:[Ll]aut|[Gg]emäß)\b|[Aa]ccording\s+to|[Ss]elon|[Dd][’']après|[Nn]ach\s+(?=(?:(?:den|dem|der|einer|einem|eines|eigenen)\s+)?"
    r"(?:[a-zäöüß]+(?:en|er|em|e)\s+){0,2}(?:[A-ZÄÖÜ]?[\w-]*?" + _SOURCE_NOUNS + "|[A-ZÄÖÜ][\\w-]*?" + _COMPOUND_HEADS
    + r")\b))"
)
# 'Seiner Meinung nach', 'Angaben der UN nach': 'nach' as a post-position after a source noun phrase
ACCORDING_NACH_POST = re.compile(r"^(?:[\w-]*" + _SOURCE_NOUNS + r"|[\w-]*" + _COMPOUND_HEADS + r"|Medien|Quellen)$")
ACCORDING_POST = re.compile(r"\b(?:zufolge)\b")
# Adverbs that refer back to a source named earlier ('Demnach wurden …', '…, wonach …').
ANAPHORIC_SOURCE = re.compile(r"\b(?:[Dd]emnach|[Ww]onach)\b")

# Closed list of frequent Konjunktiv forms (derive_lexicon.py: share inside indirect messages).
KONJ_I = {
    "sei", "seien", "seiest", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge",
    "gebe", "gehe", "stehe", "liege", "bestehe", "komme", "handele", "handle", "brauche", "nehme",
    "sehe", "wisse", "bleibe", "lasse", "spreche", "helfe", "treffe", "trete", "lese", "sitze",
}
KONJ_II = {
    "hätte", "hätten", "wäre", "wären", "würde", "würden", "könnte", "könnten", "müsste", "müssten",
    "dürfte", "dürften", "befände", "befänden", "gäbe", "gäben", "käme", "kämen", "läge", "lägen",
    "stünde", "stünden", "stände", "ständen", "wüsste", "wüssten", "bräuchte", "bräuchten", "ginge",
    "gingen_", "hielte", "hielten", "ließe", "ließen", "sähe", "sähen", "träfe", "fände", "fänden",
}
# Konjunktiv II used as polite/hypothetical forms outside reported speech: weaker evidence.
_WEAK_KII = {"könnte", "könnten", "würde", "würden", "dürfte", "dürften", "müsste", "müssten"}

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")
_KNOWN_T = re.compile(r"[a-zäöüß]{3,}e$")


def konjunktiv_forms(text: str, known_words: set[str] | None = None) -> list[tuple[str, int, int, str]]:
    """Konjunktiv verb forms in `text` as (form, start, end, 'I'|'II'|'II-weak').

    `known_words` (lower-case words of the article) enables the morphological Konjunktiv I
    test: 'brauche' counts when 'braucht' or 'brauchen' occurs somewhere in the article or is a
    cue form. Capitalised words are skipped (German nouns), except sentence-initial 'Sei'.
    """
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        lw = w.lower()
        if w[0].isupper() and lw not in KONJ_I and lw not in KONJ_II:
            continue
        if lw in KONJ_I and lw not in ("gebe",) or (lw == "gebe" and w.islower()):
            out.append((w, m.start(), m.end(), "I"))
        elif lw in KONJ_II:
            out.append((w, m.start(), m.end(), "II-weak" if lw in _WEAK_KII else "II"))
        elif (known_words is not None and w.islower() and _KNOWN_T.match(lw)
              and not lw.endswith(("ige", "ische", "liche"))):
            if (lw[:-1] + "t" in known_words or lw + "t" in known_words and lw.endswith("te")) and lw not in _NOT_KI:
                out.append((w, m.start(), m.end(), "I"))
            elif lw.endswith("iere") and len(lw) > 6:
                out.append((w, m.start(), m.end(), "I"))  # '-ieren' verbs: 'funktioniere', 'basiere'
    return out


# (A verb-second-position test for unknown -e forms was tried and lowered precision on the
# tuning split, so only the -t twin test remains.)
# Lower-case words in -e that are not Konjunktiv verbs (determiners, adverbs, adjectives).
_NOT_KI = {
    "eine", "keine", "meine", "deine", "seine", "ihre", "unsere", "eure", "diese", "jene", "welche", "solche", "alle",
    "viele", "einige", "manche", "beide", "wenige", "mehrere", "andere", "gerne", "ferne", "ohne", "bitte", "ganze",
    "halbe", "nahe", "gerade", "heute", "ende", "dieselbe", "derselbe", "dasselbe", "lange", "genauso", "ebenso",
    "mitte", "beinahe", "alleine", "gleiche", "erste", "zweite", "dritte", "letzte", "nächste", "große", "kleine",
    "neue", "alte", "hohe", "gute", "weitere", "obere", "untere", "innere", "äußere", "ihrerseite", "zunächste",
}


def has_konjunktiv(text: str, known_words: set[str] | None = None, strong_only: bool = False) -> bool:
    kinds = {k for _, _, _, k in konjunktiv_forms(text, known_words)}
    if strong_only:
        return bool(kinds & {"I", "II"})
    return bool(kinds)


def substitute_konjunktiv(forms) -> bool:
    """Konjunktiv II that marks reported speech rather than a hypothesis.

    Reported speech uses Konjunktiv II only where Konjunktiv I would look like the indicative:
    in the plural ('sie hätten', 'würden', 'könnten' for 'haben', 'werden', 'können'). Singular
    Konjunktiv II ('Das Bündnis könnte …', 'es wäre') has a distinct Konjunktiv I ('könne',
    'sei'), so it is the writer's own hypothesis and does not continue a speaker. 'wären' has
    the distinct 'seien' and is treated the same way.
    """
    # (on the tuning split this rule also beat 'any Konjunktiv II', 'strong II only' and 'Konjunktiv I only')
    return any(kind == "I" or (w.lower().endswith("en") and w.lower() != "wären") for w, _a, _b, kind in forms)


def first_person(text: str, a: int, b: int) -> bool:
    """'ich habe', 'habe ich': Konjunktiv I and the first person indicative look alike."""
    return (re.search(r"\bich\s+(?:\w+\s+)?$", text[max(0, a - 20):a], re.I) is not None
                             or re.match(r"\s+ich\b", text[b:b + 5], re.I) is not None)


# ---------------------------------------------------------------------------- cue spans (corpus style)
_CUE_AUX = {"hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "wurde", "werden", "wurden",
            "habe", "hätte", "hätten", "sei", "seien"}
_REFLEXIVE_CUES = {"äußern", "zeigen", "beklagen", "beschweren", "melden", "erklären"}
_ALS_CUES = {"bezeichnen", "nennen", "ansehen", "kritisieren", "loben", "begrüßen"}
_PRON_ADV = re.compile(r"^da(?:r(?:auf|über|an|um|in|aus)|zu|mit|von|bei|für|nach|gegen)$")


def cue_parts(text: str, cue: tuple[int, int], unit: tuple[int, int]) -> list[tuple[int, int]]:
    """All words of a cue as the corpus marks them: 'teilte … mit', 'wie … mitteilte', 'heißt es',
    'hatte … gesagt', 'wurde … vorgeworfen', 'äußerte sich', 'bezeichnete … als'."""
    parts = [cue]
    word = text[cue[0]:cue[1]]
    readings = cue_readings(word)
    if not readings:
        return parts  # 'laut', 'zufolge', 'so', 'Demnach': one word
    toks = tokenize(text, 0, unit[0], unit[1])
    n = next((k for k, t in enumerate(toks) if t.start == cue[0]), None)
    if n is None:
        return parts
    stop = {",", ".", ";", ":", "!", "?", "„", "“", "»", "«", "\"", "(", ")", "–"}
    ce = next((k for k in range(n + 1, len(toks)) if toks[k].text in stop), len(toks))  # clause end
    cs = n
    while cs > 0 and toks[cs - 1].text not in stop:
        cs -= 1
    after = [t.low for t in toks[n + 1:ce]]
    # the separable particle of the reading whose particle really follows ('forderte … auf')
    best = None
    for r in readings:
        if r.particle:
            ws = r.particle.split()
            hit = next((k for k in range(len(after) - len(ws) + 1) if after[k:k + len(ws)] == ws), None)
            if hit is not None and (best is None or len(ws) > len(best[1])):
                best = (hit, ws)
    if best is None:  # after an apposition: 'teilte der Direktor, Bagus Puruhito, mit.'
        for r in readings:
            ws = r.particle.split()
            if len(ws) != 1:
                continue
            k = next((k for k in range(ce, min(n + 25, len(toks))) if toks[k].text in {".", ";", ":"}
                      or (toks[k].low == ws[0] and toks[k - 1].text == ","
                          and (k + 1 == len(toks) or toks[k + 1].text in {",", ".", ";", ":"}))), None)
            if k is not None and toks[k].low == ws[0]:
                best = (k - n - 1, ws)
                break
    if best is not None:
        k0 = n + 1 + best[0]
        parts.append((toks[k0].start, toks[k0 + len(best[1]) - 1].end))
    lemma = readings[0].lemma
    low = word.lower()
    participle = any(not r.finite for r in readings)
    if participle:
        # perfect/passive: the auxiliary before ('hatte … gesagt') and after ('aufgefordert wurde',
        # 'vorgeworfen worden')
        aux = next((k for k in range(cs, n) if toks[k].low in _CUE_AUX), None)
        if aux is not None:
            parts.append((toks[aux].start, toks[aux].end))
        for k in range(n + 1, min(n + 3, ce)):
            if toks[k].low in _CUE_AUX | {"worden"}:
                parts.append((toks[k].start, toks[k].end))
            else:
                break
        # impersonal 'Es wird vermutet', 'hatte es geheißen'
        if aux is not None:
            for k in (aux - 1, aux + 1):
                if cs <= k < n and toks[k].low == "es":
                    parts.append((toks[k].start, toks[k].end))
    if lemma in _REFLEXIVE_CUES:
        k = next((k for k in range(cs, ce) if toks[k].low == "sich" and abs(k - n) <= 3), None)
        if k is not None:
            parts.append((toks[k].start, toks[k].end))
    # a pronominal adverb right after the verb belongs to it: 'verwies darauf', 'erklärte dazu'
    if n + 1 < ce and _PRON_ADV.match(toks[n + 1].low):
        parts.append((toks[n + 1].start, toks[n + 1].end))
    if lemma in _ALS_CUES:
        k = next((k for k in range(n + 1, ce) if toks[k].low == "als"), None)
        if k is not None:
            parts.append((toks[k].start, toks[k].end))
    if low in ("heißt", "hieß", "geheißen"):
        for k in (n - 1, n + 1):
            if cs <= k < ce and toks[k].low == "es":
                parts.append((toks[k].start, toks[k].end))
    # 'wie X (, Sprecher der Y,) mitteilte': the relay 'wie' opens the clause
    w = next((k for k in range(n - 1, max(-1, n - 16), -1) if toks[k].low == "wie"
              and (k == 0 or toks[k - 1].text in {",", "–", "(", "„"} or toks[k - 1].low in SUBJ_STARTERS)), None)
    if w is not None and not any(toks[m].text in {".", ";", ":"} or (m != n and cue_readings(toks[m].text)
                                                                     and toks[m].text.islower())
                                 for m in range(w + 1, n)):
        parts.append((toks[w].start, toks[w].end))
    return sorted(set(parts))
