"""Error classes of survey 30 (40 more Wikinews articles of the SpkAtt tuning split, judged blind; tuned-on
material), on invented text.

Quotes: 'dessen Stellvertreter' (a deputy, unnamed), 'Die Veranstalter der Demonstration', a speaker phrase cut
to lower case ('geltende frühere Präsident Irans') and 'eine Sprecherin der Staatsanwaltschaft' with no listed
prosecutor's office are not shown. Entities: a genitive the annotated corpora know without its s ('einer
Wahlniederlage Barack Obamas') is that name; a one-word dictionary noun left of a name ('Landtag' of 'Schweriner
Landtag') is no alias. Time: 'im vergangenen Jahr' in news is the writer's last year, also after a paragraph on
2003; a month after 'für 2004' is not dated by that year; '31:23 (18:11)' holds no time of day."""
from __future__ import annotations

import lagebild
from lagebild.api import analyse


def _story(text: str, published: str):
    return analyse(articles=[lagebild.Article(text="Titel\n" + text, published=published)]).stories[0]


def test_speakers_that_name_nobody_are_not_shown():
    s = _story("Fidschis Militärchef Bainimarama hat geputscht. Laut dessen Stellvertreter sei die Lage ruhig. Die "
               "Veranstalter der Demonstration sagten, es seien 3000 Menschen gekommen. Eine Sprecherin der "
               "Staatsanwaltschaft sagte, es gebe erste Hinweise.", "2008-07-21")
    assert s.quotes and not any(q.shown for q in s.quotes)


def test_genitives_and_generic_heads():
    s = _story("Er verglich das mit einer Wahlniederlage Barack Obamas gegenüber John McCain. Fritz Tack, Agrarexperte "
               "der Linksfraktion im Schweriner Landtag, kritisierte den Plan.", "2008-07-21")
    ents = {e.name: e for e in s.entities}
    assert "Barack Obama" in ents and "Barack Obamas" not in ents
    assert ents["Schweriner Landtag"].aliases == ["Schweriner Landtag"]


def test_last_year_in_news_and_a_report_for_a_year():
    s = _story("Der Gewinn wird auf dem Niveau des Geschäftsjahres 2003 liegen. Im vergangenen Jahr wurde eine Dividende "
               "gezahlt. Der gesamte Jahresabschluss für 2004 wird im April veröffentlicht. Deutschland hat sich mit 31:23 "
               "(18:11) durchgesetzt.", "2005-03-11")
    tl = {t.text: t.value for t in s.timeline}
    assert tl["vergangenen Jahr"] == "2004" and tl["April"] == "2005-04" and "18:11" not in tl


def test_adjectives_currencies_radio_institutes_and_congresses():
    from types import SimpleNamespace

    from lagebild.link.entity_kinds import _kind_of_thing, event_name
    from lagebild.link.entity_vouch import _not_a_name
    from lagebild.records import Mention

    text = "Auch dieses Jahr gab es einen Markt für Dresdner Geschichte. Die Spenden lagen bei US $ 42.000."
    dresdner = SimpleNamespace(name="Dresdner", type="LOC", place=None,
                               mentions=[Mention("a", text.index("Dresdner"), text.index("Dresdner") + 8, "Dresdner", "LOC")])
    assert _not_a_name(dresdner, {"a": text})
    assert _not_a_name(SimpleNamespace(name="US $", type="LOC", place=None, mentions=[]), {"a": text})
    mittelmeer = SimpleNamespace(name="Mittelmeer", type="LOC", place=None,
                                 mentions=[Mention("a", 0, 10, "Mittelmeer", "LOC")])
    assert not _not_a_name(mittelmeer, {"a": "Mittelmeer Flüchtlinge"})  # a place's name, not an adjective
    assert event_name("Chaos Computer Club-Kongress") and not event_name("US Congress")
    for name, kind in (("National Public Radio", "PER"), ("Space Telescope Science Institute", "MISC")):
        assert _kind_of_thing(SimpleNamespace(name=name, type=kind, place=None, mentions=[]), {}) == "ORG"


def test_survey31_classes():
    """Survey 31: race times ('Maria Riesch (1:15:40)', 'mit 1:15:32') are no times of day ('um 8:00:31' is); a
    weekday inside a person's name ('Jerzy Montag') and a paper's name ('Rundschau am Sonntag') date nothing and
    set no day for what follows; a clinic or institute named with its town is no form of the town; 'BBC News' is
    an organisation."""
    from types import SimpleNamespace

    from lagebild.link.entity_kinds import _kind_of_thing

    s = _story("Maria Riesch (1:15:40) wurde Vierte, Lindsey Kildow kam mit 1:15:32 ins Ziel. Am 14. Oktober um 8:00:31 "
               "ist es so weit.", "2020-01-08")
    shown = {t.text: t.value for t in s.timeline if t.extra.get("shown", True)}
    assert "1:15:40" not in shown and "1:15:32" not in shown and shown["14. Oktober um 8:00:31"] == "2019-10-14T08:00:31"
    s = _story("Der Grünen-Politiker Jerzy Montag kritisierte das. Das berichtete die Rundschau am Sonntag. Um 13:15 Uhr "
               "fiel der Startschuss. Die Ärzte der Universitätsfrauenklinik Erlangen sind in Erlangen tätig.", "2020-01-08")
    shown = {t.text: t.value for t in s.timeline if t.extra.get("shown", True)}
    assert "Montag" not in shown and "Sonntag" not in shown and shown["13:15 Uhr"] == "2020-01-08T13:15"
    ents = {e.name: e for e in s.entities}
    assert ents["Erlangen"].aliases == ["Erlangen"] and ents["Universitätsfrauenklinik Erlangen"].type == "ORG"
    ents = {e.name: e for e in _story("Das Kriminologische Forschungsinstitut Niedersachsen warnt, in Niedersachsen sei "
                                      "alles schlimm.", "2020-01-08").entities}
    assert ents["Niedersachsen"].type == "LOC" and ents["Niedersachsen"].aliases == ["Niedersachsen"]
    assert _kind_of_thing(SimpleNamespace(name="BBC News", type="MISC", place=None, mentions=[]), {}) == "ORG"
    assert _kind_of_thing(SimpleNamespace(name="Fake News", type="MISC", place=None, mentions=[]), {}) is None


def test_survey31_speakers_and_bodies():
    """'Die britische Tageszeitung', 'Der Generalanwalt' / 'des Generalanwalts' name nobody; 'Deutsche
    Schutzvereinigung' takes its 'für Wertpapierbesitz'."""
    from lagebild.link.speakers import _NAMELESS, _bare_role

    assert _NAMELESS.fullmatch("Die britische Tageszeitung") and _NAMELESS.fullmatch("die Internet-Nachrichtensite")
    assert _bare_role("des Generalanwalts") and _bare_role("Der Generalanwalt") and not _bare_role("der PiS-Vorsitzende")
    ents = {e.name for e in _story("Die Deutsche Schutzvereinigung für Wertpapierbesitz (DSW) kritisierte den Plan.",
                                   "2020-01-08").entities}
    assert "Deutsche Schutzvereinigung für Wertpapierbesitz" in ents


def test_a_name_that_opens_with_a_particle_is_no_cut_phrase():
    from lagebild.link.speakers import _cut_phrase

    assert not _cut_phrase("el-Baradei") and not _cut_phrase("van Gaal") and not _cut_phrase("de Maizière")
    assert _cut_phrase("geltende frühere Präsident Irans") and _cut_phrase("dem") and _cut_phrase("Prof.")


def test_survey32_genitive_bodies_observers_and_some_court():
    """Survey 32: 'des Bundeskriminalamtes' is the Bundeskriminalamt (and 'des Auswärtigen Amtes' the Auswärtiges
    Amt), not 'Bundeskriminalamte'; 'Politischen Beobachtern' and 'Ein Londoner Gericht' name nobody ('das
    Gericht' of the story's trial stays)."""
    from lagebild.link.speakers import _NAMELESS, _SOME_COURT

    s = _story("Das geht aus einer Information des Bundeskriminalamtes hervor. Der Sprecher des Auswärtigen Amtes "
               "schwieg.", "2020-01-08")
    names = {e.name for e in s.entities}
    assert "Bundeskriminalamt" in names and "Bundeskriminalamte" not in names
    assert _NAMELESS.fullmatch("Politischen Beobachtern") and _SOME_COURT.fullmatch("Ein Londoner Gericht")
    assert not _SOME_COURT.fullmatch("das Gericht")
