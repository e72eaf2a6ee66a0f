"""Reference time while reading (issue 17): deictic expressions follow the publication date,
anaphoric and narrative ones the last date the text itself established."""
from tests.test_time import timexes


def values(text, published="2012-10-18"):
    return {t.text: (t.type, t.value) for t in timexes(text, published)}


def test_history_paragraph_in_news_follows_the_text_and_news_part_the_date():
    text = ("Im September 1939 begann der Krieg. Am 17. September marschierte die Rote Armee ein. "
            "Zwei Tage später fiel die Stadt.\nGestern sagte der Historiker, am Mittwoch vergangener Woche "
            "sei das Buch erschienen.")
    found = values(text)
    assert found["17. September"] == ("DATE", "1939-09-17")
    assert found["Zwei Tage später"] == ("DATE", "1939-09-19")
    assert found["Gestern"] == ("DATE", "2012-10-17")
    assert found["Mittwoch vergangener Woche"] == ("DATE", "2012-10-10")  # a Thursday article


def test_news_month_without_history_stays_deictic():
    found = values("Der Minister trat im Mai zurück. Am selben Tag sprach die Kanzlerin.")
    assert found["Mai"] == ("DATE", "2012-05")


def test_narrative_document_resolves_everything_against_the_text():
    text = ("Der Krieg begann 1939.\n\n1940\n\nIm Mai griff die Armee an. Noch im selben Monat fiel Paris. "
            "Einen Tag später, am 15. Juni, wurde verhandelt. Bis zum Ende des Jahres blieb die Front ruhig. "
            "Im nächsten Jahr kam der Angriff. Heute gilt das als Wende. Der Plan ging auf ab 1936 "
            "entworfene Studien zurück. Am 3. Juli war es vorbei.")
    found = values(text, "2011-02-16")
    assert found["Mai"] == ("DATE", "1940-05")
    assert found["selben Monat"][1] == "1940-05"
    assert found["15. Juni"] == ("DATE", "1940-06-15")
    assert found["Ende des Jahres"] == ("DATE", "1940")
    assert found["nächsten Jahr"] == ("DATE", "1941")
    assert found["Heute"][1] == "PRESENT_REF"
    assert found["3. Juli"] == ("DATE", "1941-07-03")  # 'ab 1936' is an aside, not where the story is


def test_eras_centuries_ranges_and_coordination():
    found = values("Um 490 v. Chr. siegten die Athener. Im 4. Jh. v. Chr. stieg Makedonien auf. "
                   "Das 20. Jahrhundert sah den Winterkrieg 1939/40. Am 8. und 9. Mai 1945 endete er. "
                   "Am Morgen des 22. Juni 1941 um 4:15 Uhr mitteleuropäischer Zeit begann es.", "2011-02-16")
    assert found["490 v. Chr."][1] == "BC0490"
    assert found["4. Jh. v. Chr."][1] == "BC03"
    assert found["20. Jahrhundert"][1] == "19"
    assert found["1939"][1] == "1939" and found["40"][1] == "1940"
    assert found["8."][1] == "1945-05-08"
    assert any(v == ("TIME", "1941-06-22T04:15+01") for v in found.values()), found


def test_news_errors_of_issue_17():
    found = values("Die Stadt von morgen wird grün. In vier Tagen beginnt die Messe. "
                   "Er hat die Strecke in vier Tagen geschafft.")
    assert "morgen" not in found
    assert found["In vier Tagen"] == ("DATE", "2012-10-22")
    assert found["in vier Tagen"] == ("DURATION", "P4D")  # a span measured from the reference
    assert "1908" not in values("macbacchi16.10.1908:53 Antwort auf den Beitrag")


def test_heute_in_a_news_article_with_a_history_part_is_the_publication_day():
    text = ("Am 1. September 1939 begann der Krieg. Im Oktober 1939 fiel Warschau. 1945 endete er.\n"
            "Heute erinnert die Stadt an die Opfer, am Montag sprach der Bürgermeister.")
    found = values(text, "2019-09-01")
    assert found["Heute"] == ("DATE", "2019-09-01")
    assert found["Oktober 1939"] == ("DATE", "1939-10")


def test_a_year_that_only_qualifies_a_noun_sets_no_reference():
    found = values("Die Regelung von 2009 gilt seit Januar. Das Gesetz aus 2008 wurde im März geändert.")
    assert found["Januar"] == ("DATE", "2012-01") and found["März"] == ("DATE", "2012-03")


def test_early_and_late_seasons():
    found = values("Im Spätsommer 1940 und im Frühherbst kam es zu Kämpfen.", "2011-02-16")
    assert found["Spätsommer 1940"] == ("DATE", "1940-SU") and found["Frühherbst"] == ("DATE", "1940-FA")


def test_night_of_month_of_year_and_counts_that_are_no_years():
    found = values("In der Nacht vom 16. auf den 17. April 1945 fiel die Stadt. Im April des Jahres 1918 kam es "
                   "zu Kämpfen auf einer Front von 1600 km in 2000 Dörfern.", "2011-02-16")
    assert found["Nacht vom 16."] == ("TIME", "1945-04-16TNI") and found["17. April 1945"] == ("DATE", "1945-04-17")
    assert found["April des Jahres 1918"] == ("DATE", "1918-04")
    assert "1600" not in found and "2000" not in found


def test_dieses_jahr_and_heuer_are_the_writers_year_even_after_old_years():
    """A news feature naming 1974, 1996 and 1999 is read as narrative, yet 'dieses Jahr' and 'heuer' are the
    year it was written in; 'Ende dieses Jahres' after a year still follows the text."""
    text = ("Das Festival zeigt heuer Filme aus Kanada. Das Studio öffnete 1974 und schloss 1996. Die Pionierin "
            "starb 1999. Langfilme stehen dieses Jahr keine auf dem Programm.")
    found = values(text, "2016-03-01")
    assert found["heuer"] == ("DATE", "2016") and found["dieses Jahr"] == ("DATE", "2016")
    found = values("Der Krieg begann 1861. Im Jahr 1862 rückten sie vor. Ende dieses Jahres fiel die Stadt. Die Truppen "
                   "zogen 1863 ab.", "2011-02-16")
    assert found["Ende dieses Jahres"] == ("DATE", "1862")


def test_a_day_a_few_weeks_ahead_is_the_coming_one_whatever_the_tense():
    """A text of 12 September: 'hat die Kundgebung am 25. September abgesagt' is this year's 25 September
    (eleven months back is far less likely); a day long after the date stays in the past year."""
    found = values("Die Partei hat ihre Kundgebung am 25. September abgesagt. Am 27. September wird gewählt. "
                   "Im Dezember war die Lage ruhig. Am 20. Dezember tagte der Rat.", "2015-09-12")
    assert found["25. September"] == ("DATE", "2015-09-25") and found["27. September"] == ("DATE", "2015-09-27")
    assert found["20. Dezember"] == ("DATE", "2014-12-20")
