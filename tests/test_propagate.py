"""Story-level propagation of multi-word names across articles."""
from lagebild.link.propagate import propagate_names
from lagebild.records import AnalysedArticle, Article, Mention


def doc(aid, text, names):
    d = AnalysedArticle(Article(id=aid, source=aid, text=text))
    for name, label in names:
        s = text.index(name)
        d.mentions.append(Mention(aid, s, s + len(name), name, label))
    return d


def test_name_found_in_one_copy_is_found_in_the_other():
    a = doc("a", "Der Damm der Talsperre Grauwasser brach. Die Talsperre Grauwasser ist alt.", [("Talsperre Grauwasser", "LOC")])
    b = doc("b", "An der Talsperre Grauwasser-Nord nicht, aber an der Talsperre Grauwasser schon.", [])
    c = doc("c", "Anna Berg sagte, Berg sei müde.", [("Anna Berg", "PER")])
    added = propagate_names([a, b, c])
    assert added == 2  # the second occurrence in a, the exact one in b (not the hyphenated compound)
    for d in (a, b):
        for m in d.mentions:
            assert d.text[m.start:m.end] == m.text
    assert [m.text for m in b.mentions] == ["Talsperre Grauwasser"]
    assert not any(m.text == "Berg" for m in c.mentions)  # single words are not propagated


def test_existing_mentions_are_not_overlapped():
    a = doc("a", "Hydra Energie AG und Hydra Energie.", [("Hydra Energie AG", "ORG")])
    b = doc("b", "Hydra Energie meldet Verluste.", [("Hydra Energie", "ORG")])
    propagate_names([a, b])
    spans = sorted((m.start, m.end) for m in a.mentions)
    assert all(e1 <= s2 for (s1, e1), (s2, e2) in zip(spans, spans[1:]))
