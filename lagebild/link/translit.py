"""Spelling-insensitive keys for names written in several scripts and transliterations.

German, English and French press transliterate Cyrillic, Korean, Arabic ... names differently:
Selenskyj / Zelensky / Zelenskyy / Zelenski, Peskow / Peskov, Andrij / Andrii / Andriï,
Tschernyschow / Chernyshov, Schoigu / Shoigu, Sacharowa / Zakharova, Kim Jong Un / Kim Jong-un.
Each convention is a regular mapping of the same sounds, so a few ordered rewrite rules
collapse them to one *skeleton*; a phonetic key (metaphone on the skeleton) and a
normalised-edit similarity on skeletons catch the remaining single-letter differences.

Only general orthographic rules live here; no name is listed.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz

# Letters NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans({
    "ß": "ss", "ẞ": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ð": "d", "þ": "th",
    "’": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'",
})
_DASHES = re.compile(r"[\u2010-\u2015\u2212_\-/.]+")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """'Andriï Šević Müller' -> 'Andrii Sevic Muller' (unidecode-like for Latin scripts)."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Case-, accent-, hyphen- and apostrophe-insensitive form: 'Kim Jong-un' -> 'kim jong un'."""
    text = strip_accents(text).casefold()
    text = _DASHES.sub(" ", text)
    text = _NON_WORD.sub("", text)  # apostrophes: "O'Brien" -> "obrien", "Ri'ad" -> "riad"
    return _SPACES.sub(" ", text).strip()


# Ordered rewrites on one folded token. Order matters: longer German clusters first
# (tsch before sch before ch), then letter equivalences, then vowel/glide clean-up.
_RULES: list[tuple[re.Pattern, str]] = [(re.compile(p), r) for p, r in [
    (r"(?<![aeiou])ae", "a"), (r"(?<![aeiou])oe", "o"), (r"(?<![aeiouq])ue", "u"),  # Mueller = Müller
    (r"eh$", "a"),  # Arabic/Persian final ta marbuta: Haniyeh = Hanija
    (r"dsch", "j"), (r"dzh", "j"),  # German dsch = English j (Modschtaba = Mojtaba)
    (r"tsch", "ch"), (r"tch", "ch"), (r"sch", "sh"), (r"zh", "sh"),  # Ч/Ш/Ж: tsch/ch/tch, sch/sh, sch/zh
    (r"shch", "sh"), (r"shtsh", "sh"),  # Щ
    (r"kh", "ch"),  # Х: German ch = English kh
    (r"ck", "k"), (r"ph", "f"), (r"th", "t"), (r"dh", "d"), (r"gh", "g"),
    (r"w", "v"),  # Wolodymyr = Volodymyr, Peskow = Peskov
    (r"tz", "z"), (r"ts", "z"), (r"z", "s"),  # Selenskyj = Zelensky; Zar = Tsar
    (r"qu", "kv"), (r"c(?=[aou]|$)", "k"), (r"q", "k"), (r"x", "ks"),  # German qu = kv (Lindquist/Lindqvist)
    (r"^j(?=[aeiou])", "y"),  # Juri = Yuri, Jong = Yong
    (r"j", "i"), (r"y", "i"),  # Andrij/Andriy, Selenskyj/Zelenskyy, Kyjiw/Kyiv
    (r"ou", "u"),  # French: Poutine
    (r"([a-z])\1+", r"\1"),  # double letters: Gaddafi/Gadafi, Andrii -> andri, Russland
    (r"ie(?=[^aeiou]|$)", "i"),  # German long i: Dmitriew ~ Dmitriev
]]


@lru_cache(maxsize=65536)
def skeleton_token(token: str) -> str:
    """Transliteration-insensitive form of one token: 'Selenskyj' and 'Zelenskyy' -> 'selenski'."""
    t = fold(token).replace(" ", "")
    for pattern, repl in _RULES:
        t = pattern.sub(repl, t)
    return t


def tokens(name: str) -> list[str]:
    """Folded tokens of a name ('Kim Jong-un' -> ['kim', 'jong', 'un'])."""
    return fold(name).split()


def skeleton(name: str) -> str:
    """Skeleton of a whole name, tokens joined by one space."""
    return " ".join(skeleton_token(t) for t in tokens(name))


def joined_skeleton(name: str) -> str:
    """Skeleton without spaces: 'Kim Jongun' and 'Kim Jong-un' agree."""
    return skeleton(name).replace(" ", "")


@lru_cache(maxsize=65536)
def phonetic_key(token: str) -> str:
    """Metaphone of the skeleton: catches e.g. Chruschtschow / Khrushchev (close after rules)."""
    sk = skeleton_token(token)
    return jellyfish.metaphone(sk) if sk else ""


def similarity(a: str, b: str) -> float:
    """0..100 similarity of two names' skeletons (normalised Indel distance)."""
    return fuzz.ratio(skeleton(a), skeleton(b))


@lru_cache(maxsize=262144)
def token_similar(a: str, b: str, threshold: float = 85.0) -> bool:
    """Two single tokens spell the same name (same skeleton, or near and phonetically equal)."""
    sa, sb = skeleton_token(a), skeleton_token(b)
    if not sa or not sb:
        return False
    if sa == sb:
        return True
    if (sa[-1] == "a") != (sb[-1] == "a"):  # Slavic feminine surname: Nawalny vs Nawalnaja, Petrow vs Petrowa
        return False
    if min(len(sa), len(sb)) < 4:  # short tokens (Un, Li, Xi) must match exactly
        return False
    score = fuzz.ratio(sa, sb)
    same_sound = phonetic_key(a) == phonetic_key(b)
    if score >= 90 and (same_sound or min(len(sa), len(sb)) >= 10):
        return True
    return score >= threshold and same_sound and sa[0] == sb[0]


def blocking_keys(token: str) -> set[str]:
    """Keys under which a token is indexed so only plausible pairs are compared (near-linear)."""
    sk = skeleton_token(token)
    if not sk:
        return set()
    keys = {"s:" + sk, "p:" + phonetic_key(token)}
    if len(sk) >= 5:
        keys.add("h:" + sk[:3] + str(len(sk) // 3))  # prefix + length band: one-letter typos late in the word
        keys.add("t:" + sk[-4:])  # suffix: differing first letters (Chodorkowski / Khodorkovsky)
    return keys


# ------------------------------------------------------------------------------ names

_PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "le", "la", "al", "el",
              "bin", "ibn", "zu", "ten", "ter", "vom", "dos", "das", "mac", "ap"}
_FUNCTION = {"für", "fur", "der", "die", "das", "des", "den", "dem", "und", "von", "vom", "zur", "zum",
             "im", "in", "of", "the", "for", "and", "on", "de", "du", "la", "le", "les", "et", "pour", "a"}
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü&]{1,9}$")


def name_parts(name: str) -> list[str]:
    """Whitespace parts of a person name; a hyphenated surname stays one part (Bergmann-Ode)."""
    return list(_parts(name))


@lru_cache(maxsize=65536)
def _parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in (w.strip(".,;:()") for w in name.split()) if p)


def split_name(name: str) -> tuple[list[str], list[str]]:
    """(given names, surname parts): 'Ursula von der Leyen' -> (['Ursula'], ['von', 'der', 'Leyen']);
    'von der Leyen' and 'Selenskyj' have no given name."""
    given, sur = _split(name)
    return list(given), list(sur)


@lru_cache(maxsize=65536)
def _split(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    parts = _parts(name)
    i = len(parts) - 1
    while i > 0 and parts[i - 1].casefold() in _PARTICLES:
        i -= 1
    if i == 0 and parts and parts[0].casefold() in _PARTICLES:
        return (), parts
    return parts[:i], parts[i:]


def surname_variants(name: str) -> list[str]:
    """Spellings a surname is cited by: 'von der Leyen' / 'Leyen'; 'al-Assad' / 'Assad'."""
    return list(_surname_variants(name))


@lru_cache(maxsize=65536)
def _surname_variants(name: str) -> tuple[str, ...]:
    _, sur = _split(name)
    if not sur:
        return []
    core = [p for p in sur if p.casefold() not in _PARTICLES] or sur
    out = ["".join(sur), "".join(core)]
    last = core[-1]
    head, _, tail = last.partition("-")
    if tail and head.islower():
        out.append(tail)  # Arabic article: al-Assad, el-Sisi
    return tuple(dict.fromkeys(out))


def _surnames_match(a: list[str], b: list[str]) -> bool:
    return any(token_similar(x, y) for x in a for y in b)


def _first_names_compatible(a: list[str], b: list[str]) -> bool:
    """First given names agree, or one is an initial ('W.' ~ 'Wolodymyr')."""
    fa, fb = a[0], b[0]
    if len(fa) <= 2 or len(fb) <= 2:
        sa, sb = skeleton_token(fa), skeleton_token(fb)
        return bool(sa and sb) and sa[0] == sb[0]
    return token_similar(fa, fb, 80.0)  # given names vary more (Hafis / Hafez)


@lru_cache(maxsize=262144)
def _any_first_name(word: str) -> bool:
    from .entity_evidence import any_first_name

    return any_first_name(word)


@lru_cache(maxsize=262144)
def persons_compatible(a: str, b: str) -> bool:
    """Two full or partial person names can denote one person. Different given names with one
    surname are two people (Vitali / Wladimir Klitschko); so are Slavic feminine/masculine forms."""
    ta, tb = name_parts(a), name_parts(b)
    if not ta or not tb:
        return False
    if joined_skeleton(a) == joined_skeleton(b):
        return True  # Kim Jong-un / Kim Jongun / Kim Jong Un
    ga, gb = _split(a)[0], _split(b)[0]
    va, vb = _surname_variants(a), _surname_variants(b)
    if not ga or not gb:
        single, full, full_given = (va, tb, gb) if not ga else (vb, ta, ga)
        if _surnames_match(va, vb):
            return True
        if full_given and any(token_similar(v, full_given[0]) for v in single):
            return True  # family name first (Kim ~ Kim Jong Un) or given name only (Jasper)
        return any(skeleton_token(v) == skeleton_token("".join(full[1:])) for v in single)  # Bergmann Ode
    if not _surnames_match(va, vb):
        return False
    if len(ga) >= 2 and len(ga) == len(gb):
        return all(token_similar(x, y, 80.0) for x, y in zip(ga, gb))  # Kim Jong Un vs Kim Yo Jong
    short, long_ = sorted((ga, gb), key=len)
    if [x.casefold() for x in long_[len(long_) - len(short):]] == [x.casefold() for x in short] \
            and _any_first_name(long_[0]) and _any_first_name(short[0]):
        # (not 'Amtrak George D. Warrington': a name run on from another; not 'García Pérez', a double surname)
        return True  # 'Ali Samani' is the tail of 'Mohammed Resa Ali Samani': his last given name and surname
    return _first_names_compatible(ga, gb)


def is_acronym(text: str) -> bool:
    """'ISW', 'BfV', 'OSZE' (two or more capitals, no space)."""
    return bool(_ACRONYM.match(text))


def initials(name: str) -> set[str]:
    """Acronyms a long form may abbreviate: all words, or content words only (ISW, BfV)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).casefold()
    content = "".join(w[0] for w in words if w.casefold() not in _FUNCTION).casefold()
    return {every, content} - {""}


# ------------------------------------------------------------------- German compounds

@lru_cache(maxsize=8192)
def known_word(word: str) -> bool:
    import simplemma

    return len(word) >= 3 and simplemma.is_known(word.capitalize(), lang="de")


@lru_cache(maxsize=4096)
def compound_splits(word: str) -> tuple[tuple[str, ...], ...]:
    """Ways to read a German compound as dictionary words, linking s/es/n allowed:
    'bundesnachrichtendienst' -> (..., ('bundes', 'nachrichten', 'dienst'))."""
    word = word.casefold()
    out: list[tuple[str, ...]] = [(word,)] if known_word(word) else []
    for k in range(4, len(word) - 2):  # heads of 4+ letters: 'Bun|des' is no reading
        head, rest = word[:k], word[k:]
        if not (known_word(head) or (head[-1] in "sn" and known_word(head[:-1]))):
            continue
        for tail in compound_splits(rest):
            out.append((head,) + tail)
            if len(out) >= 12:
                return tuple(out)
    return tuple(out)


def acronym_candidates(name: str) -> set[str]:
    """Acronyms a long form can stand behind: word initials (with or without function words),
    and initials of compound parts ('Bundesnachrichtendienst' -> 'bnd', 'Europäische Zentralbank' -> 'ezb')."""
    out = set(initials(name))
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if not words or len(words) > 6:
        return out
    options: list[set[str]] = []
    for w in words:
        alts = {w[0].casefold(), w[:2].casefold()}  # 'EuGH': Europäischer Gerichtshof
        if w[:1].isupper() and len(w) >= 8:
            alts |= {"".join(p[0] for p in split) for split in compound_splits(w)}
        if w.casefold() in _FUNCTION:
            alts.add("")
        options.append(alts)
    combos = {""}
    for alts in options:
        combos = {c + a for c in combos for a in alts}
        if len(combos) > 256:
            return out
    return out | {c for c in combos if len(c) >= 2}


def split_compound(text: str) -> str:
    """'Kremlsprecher' -> 'Kreml': cut off the longest tail that is a German word (simplemma
    dictionary), also across a linking s ('Regierungssprecher' -> 'Regierung')."""
    import simplemma

    for k in range(3, len(text) - 3):
        tail = text[k:]
        if tail[:1].islower() and simplemma.is_known(tail.capitalize(), lang="de"):
            head = text[:k]
            if head.endswith("s") and len(head) > 4 and simplemma.is_known(head[:-1], lang="de"):
                head = head[:-1]
            return head
    return text


# ------------------------------------------------------------------- name surfaces

TITLES = {"herr", "frau", "dr", "prof", "sir", "mr", "mrs", "ms", "mme", "dame", "lord"}


def strip_titles(name: str, lang: str) -> str:
    """The name without leading titles; 'M.' is French 'Monsieur' only in French text (in German
    results lists 'M. Hofmann' and 'S. Hofmann' are two players)."""
    titles = TITLES | {"m"} if lang == "fr" else TITLES
    words = name.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in titles:
        words = words[1:]
    return " ".join(words)


def genitive_base(text: str, known: set[str]) -> str:
    """'Selenskyjs' -> 'Selenskyj' when the story knows that base; "Xi's" -> 'Xi'."""
    for suffix in ("'s", "’s", "s'", "'", "’", "s"):
        if text.endswith(suffix) and len(text) >= len(suffix) + 2:
            base = text[: -len(suffix)]
            if fold(base) in known:
                return base
    return text


def compound_name(text: str, known: set[str]) -> str:
    """The name inside a compound: 'Kreml-Despot' -> 'Kreml', 'Kremlsprecher' -> 'Kreml' (if known)."""
    if "-" in text:
        parts = text.split("-")
        head = [p for p in parts[:-1] if p]
        if head and all(p[:1].isupper() for p in head):
            return " ".join(head)
    key = fold(text)
    for n in range(len(key) - 3, 2, -1):  # longest name of the story that prefixes the compound
        if key[:n] in known:
            return text[:n]
    return split_compound(text)


def name_tails(names, min_words: int = 1) -> set[str]:
    """Every name and each of its word tails of at least `min_words` words ('Rahmani Pur' and 'Pur' of 'Arasch Rahmani
    Pur'): the forms a genitive 's' may stand on."""
    out = set(names)
    for n in names:
        words = n.split()
        out.update(" ".join(words[k:]) for k in range(1, len(words) - min_words + 1))
    return out
