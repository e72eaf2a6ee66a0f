"""The look-ups that made analysis linear in the text length (issue 18) give the answers of the scans
they replaced: each is compared with the plain scan on random or real input."""
import random
import re

from lagebild.analyse.ner_doc import target_hits
from lagebild.analyse.timex_rules import Candidate, RULES, resolve_overlaps
from lagebild.link.speakers_index import PersonNames
from lagebild.link.translit import name_parts, persons_compatible, split_name, token_similar
from lagebild.records import AnalysedArticle, Article, Mention, SpanIndex


class _Span:
    def __init__(self, start, end):
        self.start, self.end = start, end


def test_span_index_and_sentence_of_answer_like_a_scan():
    rng = random.Random(1)
    for _ in range(200):
        items = [_Span(a, a + rng.randint(0, 15)) for a in (rng.randint(0, 100) for _ in range(rng.randint(0, 30)))]
        index = SpanIndex(items)
        for _ in range(30):
            s = rng.randint(-5, 110)
            e = s + rng.randint(0, 30)
            assert index.overlapping(s, e) == [m for m in items if m.start < e and s < m.end]
            assert index.within(s, e) == [m for m in items if s <= m.start and m.end <= e]
            assert index.starting_in(s, e) == [m for m in items if s <= m.start < e]
        cuts = sorted(rng.sample(range(1, 100), rng.randint(0, 8)))
        bounds = [0, *cuts, 100]
        sents = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
        if rng.random() < 0.3:
            rng.shuffle(sents)  # unsorted: the scan's answer (first in list order) all the same
        doc = AnalysedArticle(article=Article(id="x", source="x", text="a" * 100), sentences=sents)
        for offset in range(-2, 103):
            expected = next(((s, e) for s, e in sents if s <= offset < e), (0, 100))
            assert tuple(doc.sentence_of(offset)) == expected


def test_timex_overlap_resolution_keeps_what_the_pairwise_check_kept():
    def pairwise(cands):
        chosen = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
            if all(c.end <= k.start or c.start >= k.end for k in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    rng = random.Random(2)
    for n in range(500):
        cands = [Candidate(a, a + rng.randint(0 if n % 5 == 0 else 1, 12), {}, "r", rng.randint(0, 2))
                 for a in (rng.randint(0, 80) for _ in range(rng.randint(0, 25)))]
        assert [id(c) for c in resolve_overlaps(cands)] == [id(c) for c in pairwise(cands)]


def test_name_propagation_hits_equal_the_alternation_regex():
    def alternation(text, targets):
        alt = "|".join(re.escape(t) for t in sorted(targets, key=len, reverse=True))
        pat = re.compile(rf"(?<![\w\-])({alt})(s)?(?![\w\-])")
        return [(h.start(), h.end(), h.group(1), bool(h.group(2))) for h in pat.finditer(text)]

    vocab = ["Olaf", "Scholz", "Olaf Scholz", "Kamp-Lintfort", "Kamp", "Berg", "Bergs", "Anna Berg", "Über", "Öl",
             "St. Pölten", "St", "Müller-Lüdenscheidt", "Müller", "B"]
    words = [*vocab, "s", "-", " ", ",", ".", "sagte", "Olafs", "Kamp-", "-Berg", "_x", "1", "Bergss"]
    rng = random.Random(3)
    for n in range(1500):
        targets = rng.sample(vocab, rng.randint(1, 8)) + (["(x)"] if n % 17 == 0 else [])
        text = "".join(rng.choice(words) + rng.choice(["", " ", "-", "s ", ". "]) for _ in range(rng.randint(0, 30)))
        assert target_hits(text, targets) == alternation(text, targets), (text, targets)


def test_timex_rule_needs_are_in_every_match():
    """A rule's `need` only skips texts the rule cannot match: every match contains a hit of it."""
    samples = ["um halb acht Uhr", "zehn Minuten vor drei", "drei Tage später", "im Sommer 2016",
               "im ersten Quartal 2015", "Q3 2016", "nächste Woche am Montag", "Montag nächster Woche",
               "vierjährige Haft", "im Mai nächsten Jahres", "im vergangenen Jahr im März", "300 v. Chr.",
               "im 19. Jahrhundert", "am Abend des 3. Mai", "im selben Monat", "im März des Jahres 2015",
               "Anfang Mai 2016", "im Vorjahr", "seit Jänner"]
    rules = [r for rs in RULES.values() for r in rs if r.need is not None]
    assert len(rules) >= 15
    matched = 0
    for text in samples:
        for r in rules:
            for m in r.regex.finditer(text):
                matched += 1
                assert r.need.search(m.group()), (r.name, m.group())
    assert matched >= len(samples)


def _names() -> list[str]:
    base = ["Wolodymyr Selenskyj", "Selenskyj", "Zelensky", "Olaf Scholz", "Scholz", "Kim Jong Un", "Kim",
            "Kim Jong-un", "Ursula von der Leyen", "von der Leyen", "Leyen", "Anna Bergmann Ode", "Bergmann Ode",
            "Vitali Klitschko", "Wladimir Klitschko", "Klitschko", "Alexej Nawalny", "Julija Nawalnaja", "Nawalny",
            "Baschar al-Assad", "Assad", "Hafis al-Assad", "Dmitri Peskow", "Peskow", "Peskov", "Angela Merkel",
            "Merkel", "Christian Kern", "Kern", "Sebastian Kurz", "Kurz", "Schwarzenegger", "Arnold Schwarzenegger",
            "Schwartzenegger", "Jasper", "Jasper Müller", "W. Selenskyj", "Donald Trump", "Trump", "Trumps"]
    rng = random.Random(4)
    return base + ["".join(rng.choice("aeiouklmnrst") for _ in range(rng.randint(3, 12))).title() for _ in range(60)]


def test_person_name_index_answers_like_the_pairwise_scans():
    names = _names()
    persons = [Mention("a", i, i + 1, t, "PER") for i, t in enumerate(names)]
    index = PersonNames(persons)

    def longest(name, ms):
        best = name
        for text in dict.fromkeys(m.text for m in ms):  # in order: ties to the name written first
            if len(name_parts(text)) > len(name_parts(best)) and persons_compatible(name, text):
                best = text
        return best

    def best_name(words):
        best, score = None, 0
        for name in dict.fromkeys(m.text for m in persons):
            hits = sum(1 for w in words if any(token_similar(w, t) for t in name.split()))
            if hits and (hits > score or (hits == score and best and len(name) > len(best))):
                best, score = name, hits
        return best

    given = [m for m in persons if split_name(m.text)[0]]
    for name in names:
        assert index.full_names(True).longest(name) == longest(name, given), name
        assert index.full_names(False).longest(name) == longest(name, persons), name
        words = ["Sprecher", *name.split()]
        assert index.best_name(words) == best_name(words), name
