"""Recipe: international first names for English and French text (issue 16).

    python -m lagebild.training.first_names      # needs the `train` extra (faker)

The NER lexicon's first names (analyse/ner_lexicon.tsv, from the German training corpora) know
1,253 names; English news name people the German pool rarely has ('Melissa', 'Rodney', 'Cheryl'),
so a full name with such a first name was neither listed on one mention nor typed as a person. This
writes lagebild/data/first-names-intl.txt from the first-name lists of Faker's person providers
(MIT licence, https://github.com/joke2k/faker) for the locales below, leaving out names that are
also common words or places: Faker's English lorem words, the lexicon's German nouns and common
words, the gazetteer's and the place list's names, and a short list of English words that are first
names too ('Summer', 'Grant', 'Chase'). The file is read only for text that is not German.
"""
from __future__ import annotations

import hashlib
import importlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "first-names-intl.txt"
LOCALES = ("en_US", "en_GB", "en_IE", "en_NZ", "en_IN", "fr_FR", "es_ES", "es_MX", "it_IT", "pt_BR", "pt_PT",
           "nl_NL", "pl_PL", "cs_CZ", "de_DE", "sv_SE", "da_DK", "no_NO", "fi_FI", "tr_TR", "hu_HU", "ro_RO",
           "hr_HR", "sk_SK")
# English words that are first names too: a capitalised one opens many a name that is no person
WORDS = frozenset("""Grant Chase Dean Autumn Winter Spring Rose Will Art Page Sandy Glen Royal King Major Joy Faith
Grace Baron Bishop Marshal Duke Earl Prince Sky Star Ocean River Brook Forest Stone Don Can Ay Bay Bliss Blue Brooks
Cash Clay Cliff Crystal Dale Dawn Deal Drew Early Fox Gay Gene Gray Green Heath Holly Honey Hunter Iris Ivy Jack Jewel
Lane Lee Love Mason Miles Misty Norman Page Park Pat Penny Price Ray Reed Rich Rod Rocky Ruby Rusty Sage Scott Shadow
Sterling Storm Sunny Tanner Taylor Terry Tucker Victor Violet Wade Ward Wells West Young Ali Angel Justice Amber
Crystal Destiny Harmony Heaven Liberty Lucky Memory Precious Serenity Trinity Unity""".split())


def build(out: Path = OUT) -> dict:
    import faker
    from faker.providers.lorem.en_US import Provider as Lorem

    from ..analyse.ner_doc import LEXICON, _read_lexicon
    from ..link.entity_evidence import _places
    from ..link.gazetteer import place_code

    nouns, first, words = _read_lexicon(str(LEXICON))
    lorem = {w.lower() for w in Lorem.word_list}
    names: set[str] = set()
    for loc in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            names |= {w for w in getattr(provider, attr, ()) or () if w.isalpha() and len(w) >= 3
                      and w[:1].isupper() and w[1:].islower()}
    keep = sorted(w for w in names - first if w.lower() not in lorem and w not in words and w not in WORDS
                  and w not in _places() and place_code(w) is None)
    body = "".join(w + "\n" for w in keep)
    header = (f"# first names for English/French text: Faker {faker.VERSION} person providers ({', '.join(LOCALES)}),"
              f" MIT licence; built by `python -m lagebild.training.first_names`; {len(keep)} names"
              f" (not the lexicon's), sha1 {hashlib.sha1(body.encode()).hexdigest()[:12]}\n")
    out.write_text(header + body, encoding="utf-8")
    return {"names": len(keep), "file": str(out)}


if __name__ == "__main__":
    print(build())
