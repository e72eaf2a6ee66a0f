"""Line patterns for German (and some English) news boilerplate.

Derived from the extraction output of the 150 pages in shared/data/boilerplate/trafilatura-de and
typical German news layouts (teaser blocks, comment sections, credits, paywall/cookie/newsletter
prompts). Each pattern matches a WHOLE line (after whitespace normalisation); length limits keep
them from eating real paragraphs that happen to start the same way.
"""
from __future__ import annotations

import re

I = re.IGNORECASE

# --- teaser / "read more" headers: remove the line and the link list that follows -------------
_TEASER_HEAD = (
    r"(?:lesen sie (?:auch|hier|mehr|dazu|weiter|außerdem|zudem|ebenfalls|jetzt)"
    r"|lies (?:auch|hier|mehr)|auch (?:interessant|lesen|spannend|lesenswert)|ebenfalls interessant"
    r"|mehr zum thema|mehr dazu|mehr (?:themen|artikel|nachrichten|news|infos|meldungen|videos)"
    r"|mehr aus (?:der|dem|unserer|unserem)\b.{0,40}|weitere (?:artikel|themen|nachrichten|meldungen|beiträge|topthemen|videos|news)"
    r"|top-?themen|das könnte (?:sie|dich|euch) (?:auch )?interessieren|das (?:interessiert|gefällt) (?:sie|dich) (?:vielleicht |bestimmt )?auch"
    r"|passend (?:dazu|zum thema)|zum weiterlesen|weiterlesen|empfehlungen? (?:der|aus der) redaktion|unsere empfehlungen?"
    r"|meistgelesen(?:e artikel)?|am meisten gelesen|beliebte (?:artikel|beiträge)|verwandte (?:artikel|themen|beiträge)"
    r"|ähnliche (?:artikel|beiträge|themen)|artikel zum thema|siehe auch|weiterführende links?|interessante links"
    r"|links zum thema|meine news|lesetipps?|leseempfehlungen?|dazu passend"
    r"|(?:weitere|mehr) (?:informationen|infos) (?=[^.]*:$)|weitere (?:informationen|infos)$"
    r"|read (?:more|also)|also read|related(?: articles| stories| content)?|more on this(?: topic| story)?|recommended)"
)
BULLET = r"(?:[•·▪■►▶→*-]|>{1,3})"
# header alone ("Mehr zum Thema", "Lesen Sie auch die folgenden Beiträge:")
TEASER_HEADER = re.compile(rf"^{BULLET}?\s*{_TEASER_HEAD}\b(?:[^.!?]|\.(?=\w)){{0,45}}:?$", I)
# header with the teased headline on the same line ("Lesen Sie auch: Nordkorea feuert ...")
TEASER_INLINE = re.compile(rf"^{BULLET}?\s*{_TEASER_HEAD}\s*(?::|[-–|>»]+)\s*\S.{{0,240}}$", I)

# --- comment sections: everything from here to the end is reader comments ------------------------
COMMENT_HEADER = re.compile(
    r"^(?:\d+\s+)?(?:leser)?kommentare?(?:\s*\(\d+\))?(?:\s+(?:zu diesem artikel|zum artikel|anzeigen|lesen\??|einblenden))?:?$"
    r"|^(?:dein|deine|ihr|ihre|neuer|einen|schreiben sie einen|schreibe einen|hinterlasse einen|hinterlassen sie einen) kommentar\b.{0,40}$"
    r"|^kommentar (?:schreiben|verfassen|abgeben|hinzufügen|absenden)\b.{0,30}$"
    r"|^(?:kommentare|diskussion) (?:lesen|anzeigen|einblenden|schließen|ausblenden)\??$"
    r"|^beiträge aus dem forum$|^zum forum\b.{0,40}$|^diskutieren sie mit\b.{0,60}$|^(?:eine )?antwort (?:schreiben|hinterlassen)$"
    r"|^antworten abbrechen$|^(?:leave a (?:reply|comment)|\d+\s+comments?|comments?)$",
    I,
)

# --- single-line boilerplate, by reason ----------------------------------------------------------
_MONTHS_EN = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
              r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTHS_FR = r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)"
_DATE = (r"(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}\.\s?(?:jan(?:uar)?|feb(?:ruar)?|mär(?:z)?"
         r"|apr(?:il)?|mai|jun(?:i)?|jul(?:i)?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?)\.?\s+\d{4}"
         # English and French date lines: 'May 2, 2013', '14 June 2013', '5 mai 2010'
         rf"|{_MONTHS_EN}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}|\d{{1,2}}(?:st|nd|rd|th|er)?\s+(?:{_MONTHS_EN}|{_MONTHS_FR})\.?,?\s+\d{{4}})"
)
_TIME = r"(?:,?\s*(?:um\s*|at\s*)?\d{1,2}\s?[:.]\s?\d{2}(?:\s*uhr|\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4}\b)?)"
_WEEKDAY = (r"(?:(?:mo|di|mi|do|fr|sa|so)\.?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
            r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
            r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)")

LINE_RULES: list[tuple[str, re.Pattern]] = [
    ("feedback", re.compile(
        r"^(?:feedback(?: (?:für|an) die redaktion)?|hat (?:dir|ihnen|euch) (?:dieser|der|das) (?:artikel|beitrag|text|video) gefallen\??"
        r"|(?:war|ist) (?:dieser|der) (?:artikel|beitrag|text) (?:hilfreich|lesenswert|informativ|interessant)\??"
        r"|(?:haben sie|hast du) (?:einen )?fehler (?:im (?:artikel|text) )?(?:entdeckt|gefunden)\?.{0,80}|fehler (?:entdeckt|gefunden|melden)\??.{0,60}"
        r"|artikel bewerten|bewerten:?|bewertung(?: abgeben| entfernt)?!?|bewertet!?|wie (?:gefällt|gefiel) (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag)\??"
        r"|ihre meinung(?: ist gefragt| zählt)?!?|danke für (?:ihr|dein) feedback.{0,60}|(?:ihr|dein) feedback.{0,40}"
        r"|schreiben sie uns.{0,60}|kontakt zur redaktion|sagen sie uns (?:ihre|die) meinung.{0,40})$", I)),
    ("login", re.compile(
        r"^(?:sie sind (?:aktuell |derzeit |momentan )?nicht (?:eingeloggt|angemeldet)\.?"
        r"|bitte (?:melden sie sich an|loggen sie sich ein|melde dich an|logge dich ein).{0,60}"
        r"|um .{0,80}(?:melde dich|melden sie sich|loggen sie sich|logge dich|registrieren sie sich|registriere dich).{0,60}"
        r"|(?:jetzt )?(?:anmelden|einloggen|registrieren|login|log in|abmelden)(?: und .{0,60})?|noch kein (?:konto|account).{0,80}"
        r"|passwort vergessen\??|mit dem absenden .{0,300}|benutzername|e-mail-adresse|(?:ihr |dein )?name ?\*?)$", I)),
    ("paywall", re.compile(
        r"^(?:wählen sie ihren zugang.{0,80}|jetzt (?:weiterlesen|abonnieren|testen|abo abschließen|gratis testen).{0,80}"
        r"|weiterlesen mit .{0,60}|(?:sie haben|du hast) bereits ein (?:abo|abonnement|konto).{0,60}|bereits abonnent.{0,60}"
        r"|(?:z\+|f\+|sz plus|welt ?plus|\+plus)(?:-artikel)?|dieser (?:artikel|inhalt) ist (?:nur )?für abonnenten.{0,80}"
        r"|(?:exklusiv )?für abonnenten|abo(?:nnement)? (?:abschließen|testen|wählen).{0,40})$", I)),
    ("newsletter", re.compile(
        r"^(?=.{0,300}$)(?=.*newsletter)(?=.*(?:abonn|anmeld|bestell|registrier|kostenlos|e-mail|erhalten|jetzt|melden sie sich|trag dich|eintragen|dein |ihr |personalisiert|immer informiert|direkt in (?:ihr|dein) postfach)).*$", I)),
    ("cookie", re.compile(
        r"^(?=.{0,400}$)(?=.*cookie)(?=.*(?:verwende|nutze|setzen|akzeptier|zustimm|einstellung|einverstanden|datenschutz|tracking|erlauben|zulassen)).*$"
        r"|^(?:alle akzeptieren|akzeptieren|zustimmen|einverstanden|ablehnen|datenschutz(?:erklärung| ?einstellungen)?(?: und widerrufshinweise)?"
        r"|impressum|nutzungsbedingungen|agb|privatsphäre(?:-einstellungen)?)$", I)),
    ("social", re.compile(
        r"^(?:(?:artikel |beitrag |seite |link )?(?:teilen|drucken|merken|versenden|empfehlen|kopieren|kommentieren)"
        r"|teilen (?:auf|per|via) .{0,30}|(?:auf|bei) (?:facebook|twitter|x|whatsapp|linkedin|xing|pinterest|threads|bluesky) teilen"
        r"|folgen? (?:sie )?(?:uns|mir) (?:auf|bei) .{0,80}|gemerkt.{0,30}|merken beendet"
        r"|(?:facebook|twitter|instagram|whatsapp|telegram|linkedin|xing|pinterest|e-?mail|mail|flipboard|pocket|youtube|tiktok|threads|bluesky|reddit)"
        r"(?:\s*[,|/·•]?\s*(?:facebook|twitter|instagram|whatsapp|telegram|linkedin|xing|pinterest|e-?mail|mail|flipboard|pocket|youtube|tiktok|threads|bluesky|reddit))*"
        r"|nach oben|zurück(?: zur übersicht| zur startseite)?|zur startseite|startseite|mehr anzeigen|alle anzeigen|schließen|weiter"
        r"|video abspielen|abspielen|play|pause|artikel anhören|anhören|vorlesen|audio(?: abspielen)?|zum artikel|zur übersicht|druckversion)$", I)),
    ("advert", re.compile(
        r"^(?:anzeige|werbung|sponsored|gesponsert|advertorial|promotion|affiliate-link|partner-inhalt)(?:\s*[-–:|]\s*.{0,200})?$", I)),
    ("media", re.compile(
        r"^(?:(?:video|audio|podcast|bildergalerie|galerie|fotostrecke|bilderstrecke|grafik|infografik)"
        r"(?:\s+verfügbar bis .{0,40}|\s*:\s*.{0,120}|\s*\(\s*\d.{0,20}\)|\s+\d+\s*(?:bilder|fotos))?"
        r"|video verfügbar bis .{0,40}|\d{1,2}:\d{2}(?::\d{2})?\s*(?:min\.?|minuten)?|dauer:? .{0,20}|\d+\s*(?:bilder|fotos)"
        r"|(?:lesezeit|lesedauer)\s*:?.{0,20}|\d+\s*min(?:\.|uten)?\s*(?:lesezeit|lesedauer|lesen))$", I)),
    ("credit", re.compile(
        r"^\(?(?:foto|fotos|bild|bilder|bildquelle|bildrechte|quelle|credit|credits|copyright|titelbild|beitragsbild|symbolbild|symbolfoto"
        r"|vorschaubild|archivbild|archivfoto|illustration|screenshot|fotograf(?:in)?|photo|image)\s*(?::|via|von)\s*.{1,120}\)?$"
        r"|^(?:©|\(c\)|copyright\b).{0,160}$|^.{1,200}\s(?:©|\(c\))\s?[^.]{1,80}$"
        r"|^(?:symbolbild|symbolfoto|archivbild|archivfoto|beitragsbild)\b.{0,160}$"
        r"|^abb(?:ildung|\.)\s*\d+\s*[:.].{0,300}$"
        r"|^.{3,300}?[\s.|/–-](?:foto|bild|fotos|bildquelle)\s*:\s*[A-ZÄÖÜ©(][^.:?!]{1,60}$", I)),
    ("date", re.compile(
        rf"^(?:(?:stand|aktualisiert|update|updated|last updated|published|posted|veröffentlicht|erstellt|zuletzt aktualisiert|publiziert|datum|erschienen|publié|mis à jour)(?: am| on| le)?\s*:?\s*)?"
        rf"(?:{_WEEKDAY},?\s*)?{_DATE}{_TIME}?(?:\s*[|,·-]\s*(?:aktualisiert|update)?:?\s*(?:{_DATE})?{_TIME}?)?\.?$", I)),
    ("legal", re.compile(
        r"^\(?alle angaben ohne gewähr\.?!?\)?$|^(?:dieser|der) (?:artikel|beitrag|text) (?:erschien|ist) (?:zuerst|erstmals|ursprünglich) .{0,160}$"
        r"|^dieses thema im programm:.{0,200}$|^(?:erschienen|zuerst erschienen) (?:in|auf|bei) .{0,120}$"
        r"|^(?:\(?(?:mit material|material) (?:von|der|aus)\b.{0,120}\)?)$", I)),
    ("link", re.compile(
        r"^(?:>{2,}|►|▶|→|->)\s*.{1,200}$|^.{1,200}\s?<{2,}$"
        r"|^.{0,150}\b(?:findest du|finden sie|findet ihr|gibt es|lesen sie|erfahren sie|sehen sie|geht es|gelangen sie)\s+(?:hier|HIER|in unserem [^.]{0,40})\s*[.!:]?$"
        r"|^(?:hier|HIER) (?:klicken|geht(?:'|’)?s|gehts|weiterlesen|lesen|mehr erfahren)\b.{0,80}$|^.{0,120}(?:einfach|jetzt) hier klicken.{0,120}$"
        r"|^(?:mehr (?:erfahren|lesen)|weiterlesen|zum beitrag|zum video|zur galerie)\s*[»>→]*$"
        r"|^.{0,200}\b(?:pdf|docx?|xlsx?|pptx?|zip|mp3)\s*[|(,]\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\b.{0,80}$", I)),
]

# --- translation notes -----------------------------------------------------------------------------
LANG_ADJ = {
    "englisch": "en", "amerikanisch": "en", "französisch": "fr", "spanisch": "es", "italienisch": "it",
    "russisch": "ru", "ukrainisch": "uk", "polnisch": "pl", "niederländisch": "nl", "holländisch": "nl",
    "portugiesisch": "pt", "schwedisch": "sv", "dänisch": "da", "norwegisch": "no", "finnisch": "fi",
    "tschechisch": "cs", "slowakisch": "sk", "ungarisch": "hu", "rumänisch": "ro", "bulgarisch": "bg",
    "kroatisch": "hr", "serbisch": "sr", "slowenisch": "sl", "griechisch": "el", "türkisch": "tr",
    "arabisch": "ar", "hebräisch": "he", "persisch": "fa", "chinesisch": "zh", "japanisch": "ja",
    "koreanisch": "ko", "hindi": "hi", "deutsch": "de", "katalanisch": "ca", "litauisch": "lt",
    "lettisch": "lv", "estnisch": "et", "english": "en", "french": "fr", "spanish": "es", "italian": "it",
    "russian": "ru", "ukrainian": "uk", "polish": "pl", "dutch": "nl", "portuguese": "pt", "german": "de",
    "swedish": "sv", "turkish": "tr", "arabic": "ar", "chinese": "zh", "japanese": "ja",
}
_ADJ = r"([A-ZÄÖÜa-zäöü]+?)(?:ischen|sischen|schen|en|n)?"
TRANSLATION = re.compile(
    rf"^(?:\(?(?:dieser|der|dieses|das) (?:artikel|beitrag|text|interview|kommentar|gastbeitrag) (?:wurde|ist)\s+(?:.{{0,60}}?\s)?)?"
    rf"(?:(?:maschinell |automatisch |redaktionell )?(?:übersetzt|übertragen)\s+)?(?:aus dem|vom)\s+{_ADJ}\s+"
    rf"(?:(?:maschinell |automatisch )?(?:übersetzt|übertragen|von\s.{{1,60}}))[^.]{{0,80}}\.?\)?$"
    rf"|^\(?(?:übersetzt|übersetzung|übertragen)(?: aus dem| vom)\s+{_ADJ}(?:\s.{{0,80}})?\.?\)?$"
    rf"|^\(?aus dem\s+{_ADJ}\s+von\s+.{{1,60}}\.?\)?$"
    rf"|^\(?(?:this (?:article|story|text) (?:was|has been) )?(?:machine[- ])?translated from(?: the)?\s+([A-Za-z]+)\b.{{0,100}}\)?$",
    I,
)


def translation_language(line: str) -> str | None:
    """ISO 639-1 code of the source language named in a translation note, else None."""
    m = TRANSLATION.match(line)
    if not m:
        return None
    word = next((g for g in m.groups() if g), "").lower()
    if len(word) < 3:
        return None
    for adj, code in LANG_ADJ.items():
        if adj.startswith(word) or word.startswith(adj):
            return code
    return None
