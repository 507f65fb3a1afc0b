"""Years, dates, access dates and languages in a reference."""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Fall|"
    r"Winter)\.?"
)
YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
# A year standing alone: not part of a page range, a DOI or a longer number.
YEAR_RE = re.compile(r"(?P<year>[12](?<![\w/.:\-][12])(?:(?<=1)[5-9]\d\d|(?<=2)0[0-4]\d))(?P<suffix>[a-z](?![a-z]))?(?![\w/]|-\d|\.\d)")
# "(1972) [1969]", "(1984 [1970])", "(January 1968)", "(17 August 1999)", "(1968, March 3)",
# "(2015a)", "(n.d.)"
_DATE = (
    rf"(?:(?:\d{{1,2}}\s+)?{MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{YEAR})(?P<suffix>[a-z](?![a-z]))?"
    rf"(?:,?\s*{MONTH}(?:\s+\d{{1,2}})?|/\d{{2,4}}|-\d{{2,4}})?"
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
