"""Years, dates, access dates and languages in a reference."""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Fall|"
    r"Winter)\.?"
)
YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
# Month names in the other languages our users' sources are written in (Spanish, Portuguese,
# Italian, French, German, Dutch; Russian in the genitive, as dates write it), with the usual
# abbreviations ("2 ago. 2019", "14. März 2019", "14 марта 2019"), any case.
FOREIGN_MONTH = (
    r"(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|décembre"
    r"|jänner|januar|februar|märz|juni|juli|oktober|dezember"
    r"|januari|februari|maart|mei|augustus"
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|ene|abr|ago|dic|fev|set|out|dez|janv|févr|avr|juil|déc|okt|mrt)\.?"
)
# A year standing alone: not part of a page range, a DOI or a longer number.
YEAR_RE = re.compile(r"(?P<year>[12](?<![\w/.:\-][12])(?:(?<=1)[5-9]\d\d|(?<=2)0[0-4]\d))(?P<suffix>[a-z](?![a-z]))?(?![\w/]|-\d|\.\d)")
# "(1972) [1969]", "(1984 [1970])", "(January 1968)", "(17 August 1999)", "(1968, March 3)",
# "(2015a)", "(n.d.)", "(2001-12-01)"
# (and in other languages: "(2019, 14 de octubre)", "(2019, 12 maart)", "(14 de octubre de 2019)")
_DATE = (
    rf"(?:(?:\d{{1,2}}\s+)?{MONTH}\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\.?\s(?:de\s)?{FOREIGN_MONTH}\s(?:de\s)?)?"
    rf"(?P<year>{YEAR})(?P<suffix>[a-z](?![a-z]))?"
    rf"(?:,?\s*{MONTH}(?:\s+\d{{1,2}})?|,\s\d{{1,2}}\.?\s(?:de\s)?(?:{FOREIGN_MONTH}|{MONTH})|-\d\d-\d\d(?=\))|/\d{{2,4}}|-\d{{2,4}})?"
)
LEADING_DATE = re.compile(
    rf"\s*[.,:]?\s*(?:(?P<open>\(){_DATE}(?:\s*\[(?P<orig_in>{YEAR})\])?\)|{_DATE.replace('<year>', '<year2>').replace('<suffix>', '<suffix2>')}"
    rf"(?=\s*[.,:;\[]|\s*$|\s+[\"'A-ZА-Я]))"
    rf"(?:\s*\[(?P<orig>{YEAR})\])?"
    rf"|\s*[.,]?\s*\((?P<nd>n\.\s?d\.|in press|forthcoming|s\.\s?d\.)\)"
)
DAY_DATE = re.compile(
    rf"\b\d{{1,2}}\s+{MONTH}\s+{YEAR}\b|\b{MONTH}\s+\d{{1,2}},?\s+{YEAR}\b|\b{YEAR},?\s+{MONTH}\s+\d{{1,2}}\b"
)
# A day's date in those languages, or in English with the day first after the year, or in
# numbers as German writes it: "14 de octubre de 2019", "(2019, 14 de octubre)", "2019. 14
# марта", "15 mars 2019", "14.3.2019". (Searched only where a newspaper may be in question.)
FOREIGN_DAY_DATE = re.compile(
    rf"\b\d{{1,2}}\.?\s(?:de\s)?(?:{FOREIGN_MONTH}|{MONTH})(?:\sde)?,?\s{YEAR}\b"
    rf"|\b{YEAR}[.,]\s\d{{1,2}}\.?\s(?:de\s)?(?:{FOREIGN_MONTH}|{MONTH})"
    rf"|\b(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.{YEAR}\b"
)
# A quick test before DAY_DATE: the start of a month name as MONTH writes it (capitalised).
MONTH_QUICK = re.compile(r"J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug|utumn)|Sep|Oct|Nov|Dec|S(?:pring|ummer)|Fall|Winter")
ORIGINAL_YEAR = re.compile(rf"\s*\[(?P<orig>{YEAR})\]")
_ACCESS_DATE = (
    rf"\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|{MONTH}\s+\d{{4}}"
)
ACCESSED = re.compile(
    r"[RrAaLlVvCcZzDd](?<!\w.)(?:etrieved|ccessed|ast accessed|iewed|onsulted|onsulté le|"
    rf"ugriff am|ate accessed)\s*(?:on\s+)?:?\s*(?P<date>{_ACCESS_DATE})\s*[\])]?(?:,?\s*from\b)?"
)
LANGUAGE = re.compile(r"[(\[]\s*[Ii]n\s+(?P<lang>[A-Z][a-z]+)\s*[)\]]")
LANGUAGES = {
    "russian": "ru", "english": "en", "german": "de", "french": "fr", "japanese": "ja",
    "chinese": "zh", "spanish": "es", "italian": "it", "polish": "pl", "ukrainian": "uk",
    "portuguese": "pt", "dutch": "nl", "swedish": "sv", "czech": "cs", "hungarian": "hu",
    "finnish": "fi", "norwegian": "no", "danish": "da", "turkish": "tr", "korean": "ko",
    "mongolian": "mn", "hebrew": "he", "arabic": "ar", "persian": "fa", "greek": "el",
    "romanian": "ro", "bulgarian": "bg", "serbian": "sr", "croatian": "hr", "belarusian": "be",
    "latvian": "lv", "lithuanian": "lt", "estonian": "et", "georgian": "ka", "armenian": "hy",
    "yiddish": "yi", "latin": "la",
}
