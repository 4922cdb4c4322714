"""The figure recogniser: proposes figures and document references in Vietnamese and English news.

:func:`recognise` reads a text and returns :class:`Suggestion`\\ s — offsets in code points into
the text, end exclusive — labelled with the news schema's figure labels (COUNT, PERCENT, MONEY,
MEASURE, DATE, DURATION, ORDINAL, RATIO) or DOC_REF, with attributes named and typed as the
schema declares them. It is a pure function of its arguments: no project, no database, safe to
call from any thread.

Span convention (the gold annotations follow it too):

* Inside the span: the digits and every word needed to read the value — the bound words
  before or after ("hơn 90%", "khoảng 53%", "at least 85%", "50% trở lên", with ``bound``
  set), range words ("từ 10 đến 15", "between 5 and 7"), scale words ("1,5 triệu"), currency
  marks and unit words ("$195 million", "4.500 đồng", "25 ha", "5 năm"), the calendar words of a
  date ("ngày 4/8/2020", "tháng 9", "năm 2020", "August 4, 2020"), and "thứ" of an ordinal
  ("thứ XIII").
* Outside the span: the noun the figure counts or belongs to, recorded as ``referent``:
  "595 Đảng bộ" → span "595", referent "Đảng bộ"; "nhiệm kỳ 2020-2025" → span "2020-2025",
  referent "nhiệm kỳ"; "khóa XV" → span "XV", referent "khóa"; "lần thứ XIII" → span "thứ XIII",
  referent "lần". Modifiers such as "cuối", "đầu", "toàn bộ", "the" stay outside too.
* A document reference is one DOC_REF span from its type word to the end of its code
  ("Chỉ thị số 35-CT/TW", "Nghị định 30/2020/NĐ-CP"), or the bare code ("35-CT/TW");
  ``normalized`` holds the code without spaces. No figure is proposed inside it.
* Nothing is proposed for phone numbers, long identifiers, times of day, URLs, e-mail
  addresses, file names, list numbers at the start of a line, or numbers that name a thing
  ("Điều 5", "Quận 1", "số 26", "COVID-19", "5G").

Attributes: ``value`` (or ``low``/``high`` for a range or a period) as decimal strings with "."
and no grouping, scale words multiplied in; ``scale`` the multiplier ("1000000"); ``bound`` one
of = ~ > ≥ < ≤ (absent means stated exactly; "gần", "nearly", "almost" read as ~); ``unit`` "%",
"pp" (percentage points), an ISO 4217 code, a measure unit (km, ha, t, kg, m2, °C, age …) or a
time unit (year, month, week, day, hour …) for a DURATION; ``date`` ISO (2020-08-04, 2020-08,
2020, XXXX-09, XXXX-08-04) with ``granularity`` day/month/year/decade; ``ambiguous`` true when
the reading could not be settled ("1.500" in a text of unknown language; a bare "4/8" that may
be a date or a fraction; "8/4/2020" in English). A RATIO's ``value`` is the quotient
(17/17 → "1", 2/3 → "0.666667").

Numbers follow the document's convention: the ``language`` argument ("vi" → decimal comma,
"en" → decimal point), else the language guessed from the text (Vietnamese letters → vi), with
the numbers of the text itself overriding or deciding (see :mod:`annotator.numbers`).
Vietnamese dates are day first; English numeric dates month first.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from annotator import figures_words as W
from annotator.model import SpanRecord, SpanState
from annotator.numbers import (
    ParsedNumber,
    decimal_separator,
    format_decimal,
    guess_language,
    parse_number,
    ratio_value,
    roman_to_int,
)

__all__ = ["FIGURE_LABELS", "RECOGNISED_LABELS", "Suggestion", "recognise"]

FIGURE_LABELS = frozenset({"COUNT", "PERCENT", "MONEY", "MEASURE", "DATE", "DURATION", "ORDINAL", "RATIO"})
RECOGNISED_LABELS = FIGURE_LABELS | {"DOC_REF"}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed span: code-point offsets into the text (end exclusive), label, attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)

    def text_in(self, text: str) -> str:
        return text[self.start:self.end]

    def to_record(self) -> SpanRecord:
        """The suggestion as a format record in the SUGGESTED state."""
        return SpanRecord(self.start, self.end, self.label, dict(self.attrs), SpanState.SUGGESTED)


# ---- regular expressions (compiled once) ------------------------------------------------------

_S = r"[ \t\u00a0]"  # a space inside a figure (never a line break)
_SP = _S + "+"
_OS = _S + "*"
_NW = r"(?![\w])"  # not followed by a word character
_NUM = r"\d+(?:[.,]\d+)*"


def _words(words: Iterable[str], *, ci: bool = True, boundary: bool = True) -> str:
    """An alternation of words, longest first; spaces match runs of spaces."""
    parts = []
    for w in sorted(set(words), key=lambda x: (-len(x), x)):
        pat = _SP.join(re.escape(p) for p in w.split(" "))
        if boundary and (w[-1].isalnum() or w[-1] == "."):
            pat += _NW
        parts.append(f"(?i:{pat})" if ci else pat)
    return "(?:" + "|".join(parts) + ")"


def _not_before(alternatives: str) -> str:
    return rf"(?!{_OS}(?:{alternatives})(?![^\W\d]))"


def _unit_alternation() -> str:
    parts = []
    for surface, _label, _unit in sorted(W.UNITS, key=lambda u: (-len(u[0]), u[0])):
        pat = _SP.join(re.escape(p) for p in surface.split(" "))
        if surface[-1].isalnum():
            pat += _NW
        if surface in W.UNIT_NOT_BEFORE:
            pat += _not_before(W.UNIT_NOT_BEFORE[surface])
        parts.append(pat if surface in W.CASE_SENSITIVE_UNITS else f"(?i:{pat})")
    return "(?:" + "|".join(parts) + ")"


def _scale_alternation() -> str:
    parts = []
    for word in sorted(W.SCALES, key=lambda x: (-len(x), x)):
        pat = _SP.join(re.escape(p) for p in word.split(" ")) + _NW
        if word in W.SCALE_NOT_BEFORE:
            pat += _not_before(W.SCALE_NOT_BEFORE[word])
        parts.append(f"(?i:{pat})")
    return "(?:" + "|".join(parts) + ")"


_UNITS_CS = {u[0]: u for u in W.UNITS}
_UNITS_CI = {u[0].lower(): u for u in W.UNITS if u[0] not in W.CASE_SENSITIVE_UNITS}
_SCALE_ALT = _scale_alternation()
_SCALE_RE = re.compile(_OS + "(" + _SCALE_ALT + ")")
_CUR_SCALE_RE = re.compile(r"(?i:(bn|tn|k|m|b))" + _NW)
_CHAIN_RE = re.compile(_SP + "(" + _NUM + ")" + _OS + "(" + _SCALE_ALT + ")")
_UNIT_RE = re.compile(r"(?P<sep>" + _S + r"{0,2}|-)(?P<u>" + _unit_alternation() + ")")
_PER_UNITS = {"kg": "kg", "tấn": "t", "ha": "ha", "m2": "m2", "lít": "l", "tháng": "month", "năm": "year",
              "ngày": "day", "người": "person", "giờ": "hour", "km": "km", "con": "head", "USD": "USD",
              "đồng": "VND", "tuần": "week", "thùng": "bbl", "m3": "m3", "MWh": "MWh", "kWh": "kWh"}
_PER_RE = re.compile(_OS + "/" + _OS + "(" + "|".join(sorted(_PER_UNITS, key=len, reverse=True)) + ")" + _NW)
_CUR_PREFIX_RE = re.compile(
    r"(?<![\w$])(?P<c>" + "|".join(re.escape(c) for c in sorted(W.CURRENCY_PREFIX, key=len, reverse=True))
    + r")" + _S + r"?\Z"
)
_BOUND_BEFORE_RE = re.compile(r"(?<![\w])(?P<b>" + _words(W.BOUND_BEFORE, boundary=False) + ")" + _SP + r"\Z")
_BOUND_AFTER_RE = re.compile(_SP + "(?P<b>" + _words(W.BOUND_AFTER) + ")|(?P<plus>\\+)(?![\\w+])")
_RANGE_FROM_RE = re.compile(r"(?<![\w])(?P<f>(?i:từ|from|between))" + _SP + r"\Z")
_RANGE_RE = re.compile(
    r"(?P<conn>" + _OS + "[-–—]" + _OS + "|" + _SP + r"(?i:đến|tới|to|and)" + _SP + r")"
    + r"(?P<cur>(?:US\$|\$|€|£|¥))?(?P<n>" + _NUM + ")"
)
_OUT_OF_RE = re.compile(_SP + r"(?i:out" + _SP + "of|trong" + _SP + "số|trong" + _SP + "tổng" + _SP + "số)"
                        + _SP + "(" + _NUM + ")" + _NW)
_SLASH_RE = re.compile(r"(?P<sep>[/:])(?P<b>" + _NUM + r")(?![\w])")
_CS_LABELS = ("Km", "KM", "Quận", "Phường", "District", "Ward", "Tổ", "Khu", "Block", "Tòa", "Lô", "Ấp", "Xóm")
_LABEL_PREFIX_RE = re.compile(
    r"(?<![\w])(?P<l>" + _words([w for w in W.LABEL_PREFIXES if w not in {"km", "quận", "phường", "district",
                                                                          "ward", "tổ", "khu", "block", "tòa",
                                                                          "lô", "ấp", "xóm"}], boundary=False)
    + "|" + _words(_CS_LABELS, ci=False, boundary=False) + r")" + _OS + r"[.:#]?" + _OS + r"\Z"
)
_REF_VI_RE = re.compile(_SP + "(?P<r>" + _words(W.REFERENTS_VI) + ")")
_EN_WORD_RE = re.compile(_SP + r"([a-z][a-z\-]*[a-z])" + _NW)
_HEAD_BEFORE_RE = re.compile(r"(?<![\w])(?P<h>" + _words(W.HEADS_BEFORE, boundary=False) + ")" + _SP + r"\Z")
_ORD_HEAD_BEFORE_RE = re.compile(r"(?<![\w])(?P<h>" + _words(W.HEADS_BEFORE + W.ORDINAL_REFERENTS, boundary=False)
                                 + ")" + _SP + r"\Z")

# noise: tokens that never hold a figure (URLs, e-mail addresses, domains, file names), found by a
# literal mark and widened to the whole token
def _both_cases(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted({v for w in words for v in (w, w.upper())}, key=len, reverse=True)) + ")"


_TOKEN_MARK_RE = re.compile(
    r"://|www\.|WWW\.|@\w|(?<=\w)\.(?:"
    + _both_cases("jpg jpeg png gif webp bmp tif tiff svg pdf doc docx xls xlsx ppt pptx csv txt zip rar 7z mp3 "
                  "mp4 avi mov mkv htm html php asp aspx json xml com net org vn gov edu info io co uk us biz tv "
                  "asia int".split())
    + r")(?![\w])"
)
_TOKEN_STOP = " \t\n\r\u00a0<>\"'()[]{}"
_PHONE_KW_RE = re.compile(
    r"(?i:hotline|đường dây nóng|tổng đài|điện thoại|đt|sđt|tel|phone|fax|zalo|mobile|di động)"
    r"[ \t]*[:.]?[ \t]*(?P<p>\+?\(?\d[\d ().-]{5,}\d)"
)
_PHONE_RE = re.compile(
    r"(?<![\w+.,])(?:\+84|\(\+?84\)|\(0\d{1,3}\)|0\d{1,3})(?:[ .-]?\d{2,4}){2,4}(?![\w]|[.,]\d)"
)
_CHAINAGE_RE = re.compile(r"(?i:km)" + _OS + r"\d+(?:[.,]\d+)?\+\d+")
_LONG_ID_RE = re.compile(r"(?<![\w.,])\d{9,}(?:[ ._-]\d+)*(?![\w])")
_TIME_RE = re.compile(
    r"(?<![\w.,:/])(?:[01]?\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?|h[0-5]\d|" + _OS + r"giờ" + _OS
    + r"[0-5]?\d(?:" + _OS + r"phút)?|h(?![\w]))(?![\w]|[.,:]\d)"
    r"|(?i:lúc|vào lúc)" + _SP + r"\d{1,2}(?:(?::|h|" + _OS + r"giờ" + _OS + r")[0-5]?\d(?:" + _OS + r"phút)?|"
    + _OS + r"(?:giờ|h))?"
    r"|(?<![\w.,:/])\d{1,2}(?::[0-5]\d)?" + _OS + r"(?:a\.m\.|p\.m\.|am|pm)(?![\w])"
)
_RATIO_WORDS_RE = re.compile(r"(?i:tỷ lệ|tỉ lệ|tỷ số|tỉ số|ratio|score)" + _OS + r"\Z")
_ENUM_RE = re.compile(r"(?m)^[ \t]*\(?(\d{1,2})[.)](?=[ \t])")

# document references
_CODE = r"[A-ZĐ][A-ZĐ0-9]*(?:[a-z][A-ZĐ0-9]*)?(?![\w])"
_LSEP = _S + "?[-/]" + _S + "?"
_DOC_TYPES_CI = "(?:" + "|".join(
    f"[{t[0]}{t[0].lower()}]" + _SP.join(re.escape(p) for p in t[1:].split(" ")) for t in
    sorted(W.DOC_TYPES, key=len, reverse=True)
) + ")"
_DOC_TYPES_CS = "(?:" + "|".join(_SP.join(re.escape(p) for p in t.split(" "))
                                 for t in sorted(W.DOC_TYPES, key=len, reverse=True)) + ")"
_DOC_NO = r"(?P<no>(?:số|Số|No\.?|number)" + _OS + ")?"
_DOC_TYPED_RE = re.compile(
    r"(?<![\w])(?P<type>" + _DOC_TYPES_CI + ")" + _SP + _DOC_NO
    + r"(?P<code>\d{1,5}[a-z]?(?:" + _LSEP + r"(?:19|20)\d{2})?" + _LSEP + _CODE + "(?:" + _LSEP + _CODE + ")*)"
)
_DOC_BARE_RE = re.compile(
    r"(?<![\w])(?P<type>" + _DOC_TYPES_CS + ")" + _SP + _DOC_NO
    + r"(?P<code>\d{1,5}(?:/(?:19|20)\d{2})?)(?![\w/]|[.,]\d|" + _SP + r"(?:năm|tháng|ngày|người|%))"
)
_DOC_CODE_RE = re.compile(
    r"(?<![\w/.\-])(?P<code>\d{1,5}[a-z]?(?:/(?:19|20)\d{2})?[-/]" + _CODE + "(?:[-/]" + _CODE + ")*)"
)

# dates
_MON = "(?:" + "|".join(sorted(W.MONTHS_EN, key=len, reverse=True)) + ")"
_MON_FULL = "(?:" + "|".join(m for m in W.MONTHS_EN if len(m) > 4 or m in {"May", "June", "July"}) + ")"
_ORD_SUF = "(?:st|nd|rd|th)"
_YEAR_END = r"(?![\w]|[/.,:\-]\d)"
_NUM_DATE_RE = re.compile(
    r"(?<![\w/.,\-])(?P<cal>(?i:ngày)" + _SP + r")?(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})"
    + _YEAR_END
)
_ISO_RE = re.compile(r"(?<![\w/.\-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + _YEAR_END)
_NGAY_DM_RE = re.compile(r"(?<![\w])(?P<cal>(?i:ngày))" + _SP + r"(?P<d>\d{1,2})[/\-](?P<m>\d{1,2})" + _YEAR_END)
_VI_YEAR_TAIL = (r"(?:" + _OS + "," + r"?" + _OS + r"(?i:năm)" + _SP + r"(?P<y>\d{4})|" + _S + r"?[/\-]" + _S
                 + r"?(?P<y2>\d{4}))?")
_VI_FULL_RE = re.compile(
    r"(?<![\w])(?:(?P<cal>(?i:ngày))" + _SP + r")?(?P<d>\d{1,2})" + _SP + r"(?i:tháng)" + _SP + r"(?P<m>\d{1,2})"
    + _VI_YEAR_TAIL + _YEAR_END
)
_VI_MONTH_RE = re.compile(
    r"(?<![\w])(?P<cal>(?i:tháng))" + _SP + r"(?P<m>\d{1,2})" + _NW + _VI_YEAR_TAIL + _YEAR_END
)
_VI_MONTH_WORD_RE = re.compile(
    r"(?P<cal>tháng|Tháng|THÁNG)" + _SP + r"(?P<m>"
    + "|".join(sorted(W.MONTHS_VI_WORDS, key=len, reverse=True)).replace(" ", _SP) + r")" + _NW + _VI_YEAR_TAIL
    + _YEAR_END
)
_VI_YEAR_RE = re.compile(
    r"(?<![\w])(?P<pre>(?i:những)" + _SP + r")?(?P<cal>(?i:năm|thập niên|thập kỷ|thập kỉ))" + _SP
    + r"(?P<y>\d{4})(?![\w]|[/.,]\d|" + _OS + r"[-–—]" + _OS + r"\d|" + _SP + r"(?i:đến|tới)" + _SP + r")"
)
_EN_MDY_RE = re.compile(
    r"(?<![\w])(?P<mon>" + _MON + r")\.?" + _SP + r"(?P<d>\d{1,2})" + _ORD_SUF + "?(?:,?" + _SP
    + r"(?P<y>\d{4}))?" + _YEAR_END
)
_EN_DMY_RE = re.compile(
    r"(?<![\w])(?P<d>\d{1,2})" + _ORD_SUF + "?" + _SP + r"(?:of" + _SP + r")?(?P<mon>" + _MON + r")(?:\.|"
    + _NW + r")(?:,?" + _SP + r"(?P<y>\d{4})" + _YEAR_END + ")?"
)
_EN_MY_RE = re.compile(r"(?<![\w])(?P<mon>" + _MON + r")\.?,?" + _SP + r"(?P<y>\d{4})" + _YEAR_END)
_EN_M_RE = re.compile(r"(?P<mon>" + _MON_FULL + r")" + _NW)
_MONTH_CUE_RE = re.compile(
    r"(?<![\w])(?i:" + "|".join(re.escape(c) for c in W.MONTH_CUES_EN) + r")" + _SP + r"\Z"
)
_DECADE_RE = re.compile(r"(?<![\w'])(?P<y>1\d{2}0|20\d0)'?s(?![\w])")

# periods: year to year
_YEAR = r"(?:1[5-9]|20)\d{2}"
_PERIOD_RE = re.compile(
    r"(?<![\w/.,\-])(?P<from>(?i:từ|from|between)" + _SP + r")?(?P<cal>(?i:năm)" + _SP + r")?(?P<y1>" + _YEAR
    + r")(?P<conn>" + _OS + r"[-–—]" + _OS + r"|/|" + _SP + r"(?P<w>(?i:đến|tới|to|and|until|through|till))"
    + _SP + r"(?:(?i:năm)" + _SP + r")?)(?P<y2>" + _YEAR + r"|\d{2})" + _YEAR_END
)

# ordinals
_ROMAN = r"[IVXLCDM]+"
_THU_RE = re.compile(
    r"(?P<thu>thứ|Thứ|THỨ)" + _SP + r"(?P<n>\d{1,3}|" + _ROMAN + r"|(?i:nhất))(?![\w]|[.,/:]\d)"
)
_WEEKDAY_AFTER_RE = re.compile(r"[ ,]*(?:(?i:ngày)" + _SP + r")?\d{1,2}/\d{1,2}")
_DIGIT_ORDINAL_HEADS = frozenset({"khóa", "khoá", "quý", "thế kỷ", "thế kỉ", "hội nghị trung ương", "kỳ họp",
                                  "kì họp", "lần"})
_HEAD_ORD_RE = re.compile(
    r"(?P<head>" + _both_cases([v for w in W.ORDINAL_HEADS for v in (w, w[0].upper() + w[1:])]).replace(" ", _SP)
    + ")" + _SP
    + r"(?P<n>" + _ROMAN + r"|\d{1,3})(?![\w]|[.,]\d|/\d)"
)
_QUARTER_RE = re.compile(
    r"(?<![\w])(?P<head>(?i:quý))" + _SP + r"(?P<n>IV|I{1,3}|[1-4])/(?P<y>\d{4})" + _YEAR_END
)
_EN_ORD_RE = re.compile(r"(?<![\w])(?P<n>\d{1,4})(?P<suf>st|nd|rd|th)(?![\w])")

_NUM_RE = re.compile(_NUM)
_DASH_DAY_MONTH_RE = re.compile(r"-(\d{1,2})(?![\w]|[-/.,]\d)")
_DAY_CUE_RE = re.compile(r"(?<![\w])(?i:sáng|chiều|tối|trưa|đêm|hôm|rạng sáng|lễ|dịp)" + _SP + r"\Z")

# first characters of the patterns tried at the candidate starts of a number
_DIGITS = frozenset("0123456789")
_NGAY = frozenset("nN")
_THANG = frozenset("tT")
_QUY = frozenset("qQ")
_DOC_FIRSTS = frozenset(c for t in W.DOC_TYPES for c in (t[0], t[0].lower()))
_PHONE_KW_FIRSTS = frozenset("hHđĐtTsSpPfFzZmMdD")
_PHONE_FIRSTS = frozenset("0+(")
_TIME_FIRSTS = _DIGITS | frozenset("lLvV")
_PERIOD_FIRSTS = _DIGITS | frozenset("tTfFbBnN")
_VI_YEAR_FIRSTS = frozenset("nNtT")
_MONTH_FIRSTS = frozenset(m[0] for m in W.MONTHS_EN)
_SO_COMPOUND_RE = re.compile(r"(?<![\w])" + _words(W.SO_COMPOUNDS, boundary=False) + _SP + r"\Z")
_AFTER_NUMBER_RE = re.compile(r"\d" + _OS + r"\Z")
_RATIO_AFTER_RE = re.compile(_SP + r"(?i:số|tổng số|of)" + _NW)
_RATIO_CUE_RE = re.compile(r"(?<![\w])" + _words(W.RATIO_CUES, boundary=False) + _SP + r"\Z")
_DATE_CUE_RE = re.compile(r"(?<![\w])" + _words(W.DATE_CUES, boundary=False) + _SP + r"\Z")


def _lang(language: str | None, text: str) -> str | None:
    if language is None:
        return guess_language(text)
    code = language.strip().lower()[:2]
    return code if code in {"vi", "en"} else None


def _valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    last = calendar.monthrange(year if year is not None else 2000, month)[1]
    return day <= last


def _en_ordinal_ok(n: str, suf: str) -> bool:
    v = int(n)
    if v % 100 in {11, 12, 13}:
        return suf == "th"
    return suf == {1: "st", 2: "nd", 3: "rd"}.get(v % 10, "th")


@dataclass(slots=True)
class _Tail:
    end: int
    value: Decimal
    scale: Decimal | None = None
    label: str | None = None
    unit: str | None = None


class _Scan:
    """One run of the recogniser over one text."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.n = len(text)
        self.lang = _lang(language, text)
        self.dec = decimal_separator(text, self.lang)
        self.taken = bytearray(self.n)
        self.out: list[Suggestion] = []

    # -- bookkeeping ---------------------------------------------------------------------------

    def free(self, s: int, e: int) -> bool:
        return s < e and self.taken.find(1, s, e) == -1

    def block(self, s: int, e: int) -> None:
        if s < e:
            self.taken[s:e] = b"\x01" * (e - s)

    def add(self, s: int, e: int, label: str, attrs: dict[str, Any]) -> bool:
        if not self.free(s, e):
            return False
        self.block(s, e)
        self.out.append(Suggestion(s, e, label, {k: v for k, v in attrs.items() if v is not None}))
        return True

    # -- context helpers -----------------------------------------------------------------------

    def before(self, pattern: re.Pattern[str], pos: int, width: int = 40) -> re.Match[str] | None:
        return pattern.search(self.text, max(0, pos - width), pos)

    def head_before(self, pos: int, *, ordinal: bool = False) -> str | None:
        m = self.before(_ORD_HEAD_BEFORE_RE if ordinal else _HEAD_BEFORE_RE, pos, 30)
        return re.sub(r"\s+", " ", m.group("h")) if m else None

    def referent_after(self, pos: int, *, fallback: bool = True) -> str | None:
        m = _REF_VI_RE.match(self.text, pos)
        if m:
            return re.sub(r"\s+", " ", m.group("r"))
        if not fallback or self.lang == "vi":
            return None
        p = pos
        for _ in range(3):
            w = _EN_WORD_RE.match(self.text, p)
            if not w:
                return None
            word = w.group(1)
            if word in W.SKIP_WORDS_EN:
                p = w.end()
                continue
            return None if word in W.STOPWORDS_EN else word
        return None

    # -- passes --------------------------------------------------------------------------------

    def run(self) -> list[Suggestion]:
        text = self.text
        self.tokens()
        self.anchors = [m.start() for m in _NUM_RE.finditer(text)]
        self._cands: dict[int, list[int]] = {}
        self.doc_refs()
        self.numeric_dates()
        self.noise()
        self.periods()
        self.word_dates()
        self.ordinals()
        for m in _NUM_RE.finditer(text):
            if self.free(*m.span()):
                self.quantity(m)
        self.out.sort(key=lambda s: (s.start, s.end))
        return self.out

    # -- finding matches near the numbers ------------------------------------------------------

    def candidates(self, d: int) -> list[int]:
        """Where a figure holding the number at ``d`` may start: the starts of up to five words
        before it on the same line (and their first letters), the start of its own token, and
        ``d`` itself; farthest first."""
        got = self._cands.get(d)
        if got is not None:
            return got
        text = self.text
        out = [d]
        j, lim = d, max(0, d - 12)
        while j > lim and text[j - 1] not in _TOKEN_STOP:
            j -= 1
        if j < d:
            out.append(j)
            if not text[j].isalnum():
                k = j
                while k < d and not text[k].isalnum():
                    k += 1
                if k < d:
                    out.append(k)
        i = j
        for _ in range(5):
            k = i
            while k > 0 and text[k - 1] in " \t\u00a0":
                k -= 1
            if k == i or k == 0 or d - k > 45:
                break
            ws, lim = k, max(0, k - 25)
            while ws > lim and not text[ws - 1].isspace():
                ws -= 1
            out.append(ws)
            if not text[ws].isalnum():
                a = ws
                while a < k and not text[a].isalnum():
                    a += 1
                if a < k:
                    out.append(a)
            i = ws
        out.sort()
        self._cands[d] = out
        return out

    def matches(self, rx: re.Pattern[str], firsts: frozenset[str]) -> Iterator[re.Match[str]]:
        """Matches of ``rx`` that hold a number, tried from the candidate starts of each number
        whose first character is in ``firsts``; farthest start first."""
        text, taken = self.text, self.taken
        for d in self.anchors:
            if taken[d]:
                continue
            for c in self.candidates(d):
                if text[c] in firsts:
                    m = rx.match(text, c)
                    if m is not None and m.end() > d:
                        yield m
                        break

    def word_matches(self, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of a literal-led ``rx`` that start a word."""
        text = self.text
        for m in rx.finditer(text):
            s = m.start()
            if s == 0 or not (text[s - 1].isalnum() or text[s - 1] == "_"):
                yield m

    # -- passes --------------------------------------------------------------------------------

    def tokens(self) -> None:
        """Block URLs, e-mail addresses, domains and file names: the whole token around a mark."""
        text, n = self.text, self.n
        for m in _TOKEN_MARK_RE.finditer(text):
            s, e = m.start(), m.end()
            if self.taken[s]:
                continue
            while s > 0 and text[s - 1] not in _TOKEN_STOP:
                s -= 1
            while e < n and text[e] not in _TOKEN_STOP:
                e += 1
            while e > s and text[e - 1] in ".,;:!?…":
                e -= 1
            self.block(s, e)

    def doc_refs(self) -> None:
        for rx, firsts in ((_DOC_TYPED_RE, _DOC_FIRSTS), (_DOC_BARE_RE, _DOC_FIRSTS)):
            for m in self.matches(rx, firsts):
                if rx is _DOC_BARE_RE and not m.group("no") and \
                        re.sub(r"\s+", " ", m.group("type")).lower() not in W.STRONG_DOC_TYPES:
                    continue
                code = re.sub(r"\s+", "", m.group("code"))
                self.add(m.start(), m.end(), "DOC_REF", {"normalized": code})
        for m in self.matches(_DOC_CODE_RE, _DIGITS):
            code = m.group("code")
            parts = re.split(r"[-/]", code)
            first = next((p for p in parts[1:] if not p.isdigit()), "")
            if len(first) >= 2:
                self.add(m.start(), m.end(), "DOC_REF", {"normalized": code})

    def numeric_dates(self) -> None:
        for m in self.matches(_ISO_RE, _DIGITS):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if _valid_day(y, mo, d):
                self.add(m.start(), m.end(), "DATE", {"date": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day"})
        for m in self.matches(_NUM_DATE_RE, _DIGITS | _NGAY):
            a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
            ambiguous = False
            if self.lang == "en" and not m["cal"]:
                mo, d = a, b
                if not _valid_day(y, mo, d):
                    mo, d = b, a
                else:
                    ambiguous = a <= 12 and b <= 12 and a != b
            else:
                d, mo = a, b
                if not _valid_day(y, mo, d):
                    d, mo = b, a
                else:
                    ambiguous = self.lang is None and not m["cal"] and a <= 12 and b <= 12 and a != b
            if _valid_day(y, mo, d):
                self.add(m.start(), m.end(), "DATE", {"date": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day",
                                                      "ambiguous": True if ambiguous else None})
        for m in self.matches(_NGAY_DM_RE, _NGAY):
            d, mo = int(m["d"]), int(m["m"])
            if _valid_day(None, mo, d):
                self.add(m.start(), m.end(), "DATE", {"date": f"XXXX-{mo:02d}-{d:02d}", "granularity": "day"})

    def noise(self) -> None:
        for m in self.matches(_PHONE_KW_RE, _PHONE_KW_FIRSTS):
            self.block(*m.span("p"))
        for m in self.matches(_PHONE_RE, _PHONE_FIRSTS):
            if sum(ch.isdigit() for ch in m.group()) >= 9:
                self.block(*m.span())
        for m in self.matches(_LONG_ID_RE, _DIGITS):
            self.block(*m.span())
        for m in self.matches(_CHAINAGE_RE, frozenset("kK")):
            self.block(*m.span())  # "km 1.234+500": a position on a road
        for m in self.matches(_TIME_RE, _TIME_FIRSTS):
            if not self.before(_RATIO_WORDS_RE, m.start(), 12):
                self.block(*m.span())
        for m in _ENUM_RE.finditer(self.text):
            self.block(*m.span(1))

    def word_dates(self) -> None:
        text = self.text
        for m in self.matches(_VI_FULL_RE, _DIGITS | _NGAY):
            d, mo = int(m["d"]), int(m["m"])
            y = m["y"] or m["y2"]
            year = int(y) if y else None
            if _valid_day(year, mo, d):
                date = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"XXXX-{mo:02d}-{d:02d}"
                self.add(m.start(), m.end(), "DATE", {"date": date, "granularity": "day"})
        for m in self.matches(_VI_MONTH_RE, _THANG):
            self._vi_month(m)
        for m in self.word_matches(_VI_MONTH_WORD_RE):
            self._vi_month(m)
        for m in self.matches(_VI_YEAR_RE, _VI_YEAR_FIRSTS):
            if not m["pre"] and _AFTER_NUMBER_RE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "5 năm 2020": the years of a duration
            y = int(m["y"])
            cal = m["cal"].lower()
            decade = cal.startswith("thập") or (m["pre"] is not None and y % 10 == 0)
            self.add(m.start("cal"), m.end(), "DATE",
                     {"date": f"{y:04d}", "granularity": "decade" if decade else "year"})
        for m in self.matches(_EN_MDY_RE, _MONTH_FIRSTS):
            self._en_date(m)
        for m in self.matches(_EN_DMY_RE, _DIGITS):
            self._en_date(m)
        for m in self.matches(_EN_MY_RE, _MONTH_FIRSTS):
            mo = W.MONTHS_EN[m["mon"]]
            self.add(m.start(), m.end(), "DATE", {"date": f"{int(m['y']):04d}-{mo:02d}", "granularity": "month"})
        for m in self.word_matches(_EN_M_RE):
            if self.before(_MONTH_CUE_RE, m.start(), 16):
                mo = W.MONTHS_EN[m["mon"]]
                self.add(m.start(), m.end(), "DATE", {"date": f"XXXX-{mo:02d}", "granularity": "month"})
        for m in self.matches(_DECADE_RE, _DIGITS):
            self.add(m.start(), m.end(), "DATE", {"date": m["y"], "granularity": "decade"})

    def _vi_month(self, m: re.Match[str]) -> None:
        raw = m["m"]
        mo = int(raw) if raw.isdigit() else W.MONTHS_VI_WORDS.get(re.sub(r"\s+", " ", raw), 0)
        y = m["y"] or m["y2"]
        if 1 <= mo <= 12:
            date = f"{int(y):04d}-{mo:02d}" if y else f"XXXX-{mo:02d}"
            self.add(m.start(), m.end(), "DATE", {"date": date, "granularity": "month"})

    def _en_date(self, m: re.Match[str]) -> None:
        mo, d = W.MONTHS_EN[m["mon"]], int(m["d"])
        year = int(m["y"]) if m["y"] else None
        if _valid_day(year, mo, d):
            date = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"XXXX-{mo:02d}-{d:02d}"
            self.add(m.start(), m.end(), "DATE", {"date": date, "granularity": "day"})

    def periods(self) -> None:
        for m in self.matches(_PERIOD_RE, _PERIOD_FIRSTS):
            y1 = int(m["y1"])
            raw2 = m["y2"]
            word = (m["w"] or "").lower()
            if len(raw2) == 2:
                if word:
                    continue
                y2 = y1 // 100 * 100 + int(raw2)
            else:
                y2 = int(raw2)
            if not y1 < y2 <= y1 + 100 or (m["conn"] == "/" and y2 != y1 + 1):
                continue  # "2020/2021" is a season or a school year; other slashes are not periods
            frm = (m["from"] or "").strip().lower()
            if word == "and" and frm != "between":
                continue
            if frm == "between" and word not in {"and", ""}:
                continue
            start = m.start()
            if m["cal"] and not m["from"] and _AFTER_NUMBER_RE.search(self.text, max(0, start - 8), start):
                start = m.start("y1")  # "5 năm 2021-2025": "năm" belongs to the 5
            referent = self.head_before(start)
            if referent is None:
                w = _EN_WORD_RE.match(self.text, m.end())
                if w and w.group(1) in W.HEADS_AFTER_EN:
                    referent = w.group(1)
            self.add(start, m.end(), "DURATION",
                     {"low": str(y1), "high": str(y2), "granularity": "year", "referent": referent})

    def ordinals(self) -> None:
        text = self.text
        for m in self.matches(_QUARTER_RE, _QUY):
            raw = m["n"]
            q = int(raw) if raw.isdigit() else roman_to_int(raw)
            if q and self.free(m.start(), m.end()):
                self.add(m.start("n"), m.end("n"), "ORDINAL", {"value": str(q), "referent": m["head"]})
                self.add(m.start("y"), m.end("y"), "DATE", {"date": m["y"], "granularity": "year"})
        for m in self.word_matches(_THU_RE):
            raw = m["n"]
            if raw.isdigit():
                value: int | None = int(raw)
                if _WEEKDAY_AFTER_RE.match(text, m.end()) and m["thu"][0] == "T":
                    continue  # "Thứ 2, ngày 4/8": a weekday
            elif raw.lower() == "nhất":
                value = 1
            else:
                value = roman_to_int(raw)
            if not value:
                continue
            self.add(m.start(), m.end(), "ORDINAL",
                     {"value": str(value), "referent": self.head_before(m.start(), ordinal=True)})
        for m in self.word_matches(_HEAD_ORD_RE):
            raw, head = m["n"], m["head"]
            if raw.isdigit():
                if re.sub(r"\s+", " ", head.lower()) not in _DIGIT_ORDINAL_HEADS or int(raw) == 0:
                    continue
                if _REF_VI_RE.match(text, m.end()) or _UNIT_RE.match(text, m.end()):
                    continue
                value = int(raw)
            else:
                value = roman_to_int(raw)
            if value:
                self.add(m.start("n"), m.end("n"), "ORDINAL", {"value": str(value), "referent": head})
        for m in self.matches(_EN_ORD_RE, _DIGITS):
            if _en_ordinal_ok(m["n"], m["suf"]) and int(m["n"]) > 0:
                self.add(m.start(), m.end(), "ORDINAL",
                         {"value": str(int(m["n"])), "referent": self.referent_after(m.end())})

    # -- quantities ----------------------------------------------------------------------------

    def tail(self, pos: int, value: Decimal, *, currency: bool) -> _Tail:
        """Scale words, a Vietnamese chain ("1 tỷ 200 triệu"), then a unit, from ``pos``."""
        text = self.text
        t = _Tail(pos, value)
        m = _SCALE_RE.match(text, pos)
        cur_scale = None if m or not currency else _CUR_SCALE_RE.match(text, pos)
        if m:
            scale = Decimal(W.SCALES[re.sub(r"\s+", " ", m.group(1)).lower()])
        elif cur_scale:
            scale = Decimal(W.CURRENCY_SCALES[cur_scale.group(1).lower()])
            m = cur_scale
        if m:
            t.value, t.scale, t.end = value * scale, scale, m.end()
            last = scale
            while True:
                c = _CHAIN_RE.match(text, t.end)
                if not c:
                    break
                s2 = Decimal(W.SCALES[re.sub(r"\s+", " ", c.group(2)).lower()])
                n2 = parse_number(c.group(1), self.dec)
                if n2 is None or s2 >= last or n2.value >= 1000:
                    break
                t.value += n2.value * s2
                t.end, last = c.end(), s2
        u = _UNIT_RE.match(text, t.end)
        if u:
            surface = re.sub(r"\s+", " ", u.group("u"))
            entry = _UNITS_CS.get(surface) or _UNITS_CI.get(surface.lower())
            hyphen_ok = surface.isascii() and surface.replace("-", "").isalpha()
            if entry is not None and not (u.group("sep") == "-" and not hyphen_ok):
                t.label, t.unit, t.end = entry[1], entry[2], u.end()
                if t.label in {"MONEY", "MEASURE"}:
                    per = _PER_RE.match(text, t.end)
                    if per:
                        t.unit = f"{t.unit}/{_PER_UNITS[per.group(1)]}"
                        t.end = per.end()
        return t

    def quantity(self, m: re.Match[str]) -> None:
        text = self.text
        s, e = m.span()
        cur = self.before(_CUR_PREFIX_RE, s, 6)
        if s > 0 and cur is None:
            prev = text[s - 1]
            if prev.isalnum() or prev == "_":
                return
            if prev in "-./:\\'’" and s >= 2 and text[s - 2].isalnum():
                return
        num = parse_number(m.group(), self.dec)
        if num is None:
            self.block(s, e)
            return
        if (num.digits >= 9 and not num.grouped) or (num.leading_zero and num.digits >= 4):
            return
        start = cur.start() if cur else s
        if cur is None:
            lab = self.before(_LABEL_PREFIX_RE, s, 20)
            if lab is not None and not (lab.group("l").lower() == "số" and self.before(_SO_COMPOUND_RE, lab.start(), 12)):
                return  # "Điều 5", "Quận 1", "số 26" name things; "dân số 96 triệu" does not
        if e < self.n - 1 and text[e] in "/:" and text[e + 1].isdigit():
            self.slashed(m, num, start)
            return
        dm = _DASH_DAY_MONTH_RE.match(text, e) if not num.grouped and not num.decimal else None
        if dm and self.before(_DAY_CUE_RE, s, 16) and _valid_day(None, int(dm.group(1)), int(num.value)):
            # "sáng 5-8": the 5th of August, written with a dash
            self.add(s, dm.end(), "DATE", {"date": f"XXXX-{int(dm.group(1)):02d}-{int(num.value):02d}",
                                           "granularity": "day"})
            return
        out_of = _OUT_OF_RE.match(text, e)
        if out_of and cur is None:
            den = parse_number(out_of.group(1), self.dec)
            if den is not None and den.value > 0:
                self.emit(start, out_of.end(), "RATIO", {"value": ratio_value(num.value, den.value)},
                          referent_at=out_of.end())
                return
        t = self.tail(e, num.value, currency=cur is not None)
        end = t.end
        if end < self.n and (text[end].isalnum() or text[end] == "_"):
            return  # "5G", "3D": an identifier, not a figure
        label, unit = t.label, t.unit
        if cur is not None:
            label, unit = "MONEY", W.CURRENCY_PREFIX[cur.group("c")]
        attrs: dict[str, Any] = {"value": format_decimal(t.value)}
        if t.scale is not None:
            attrs["scale"] = format_decimal(t.scale)
        ambiguous = num.ambiguous
        # a range: "10-15%", "từ 5 đến 7 triệu đồng", "between 5 and 7"
        r = _RANGE_RE.match(text, end)
        is_range = False
        if r and not (label is not None and r.group("cur")):
            n2 = parse_number(r.group("n"), self.dec)
            r_end_ok = r.end() >= self.n or not (text[r.end()] in "/:" and r.end() + 1 < self.n
                                                 and text[r.end() + 1].isdigit())
            if n2 is not None and r_end_ok and self.free(r.start("n"), r.end("n")):
                t2 = self.tail(r.end(), n2.value, currency=bool(r.group("cur")))
                after = text[t2.end:t2.end + 1]
                label2 = "MONEY" if r.group("cur") else t2.label
                unit2 = W.CURRENCY_PREFIX[r.group("cur")] if r.group("cur") else t2.unit
                conn = r.group("conn").strip().lower()
                frm = self.before(_RANGE_FROM_RE, start, 10)
                compatible = (label is None or label2 is None or (label == label2 and unit == unit2))
                if conn == "and" and not (frm and frm.group("f").lower() == "between"):
                    compatible = False
                if compatible and not (after.isalnum() or after == "_"):
                    low = t.value if t.scale is not None or t2.scale is None else num.value * t2.scale
                    high = t2.value
                    if low < high:
                        is_range = True
                        end = t2.end
                        label, unit = label or label2, unit or unit2
                        attrs = {"low": format_decimal(low), "high": format_decimal(high)}
                        scale = t.scale or t2.scale
                        if scale is not None:
                            attrs["scale"] = format_decimal(scale)
                        ambiguous = ambiguous or n2.ambiguous
                        if frm:
                            start = frm.start()
                    elif r.group("conn") in {"-", "–", "—"}:
                        self.block(s, t2.end)  # "3-1": a score or a code, not a range
                        return
        # bounds
        bound_word = None
        if not is_range:
            b = self.before(_BOUND_BEFORE_RE, start, 30)
            if b:
                bound_word = b.group("b")
                attrs["bound"] = W.BOUND_BEFORE[re.sub(r"\s+", " ", bound_word).lower()]
                start = b.start()
            a = _BOUND_AFTER_RE.match(text, end)
            if a and not (a.group("plus") and label is not None and label != "COUNT"):
                attrs["bound"] = W.BOUND_AFTER[re.sub(r"\s+", " ", a.group("b")).lower()] if a.group("b") else "≥"
                end = a.end()
                if a.group("b") and a.group("b").lower().startswith("trở") and not bound_word:
                    frm = self.before(_RANGE_FROM_RE, start, 10)
                    if frm and frm.group("f").lower() == "từ":
                        start = frm.start()
        if ambiguous:
            attrs["ambiguous"] = True
        if label is None:
            year_like = (not num.grouped and not num.decimal and num.digits == 4 and 1800 <= num.value <= 2100
                         and t.scale is None and not is_range)
            plain = bound_word is None or bound_word.lower() in W.PREPOSITION_BOUNDS
            if year_like and plain and "bound" in attrs and bound_word is None:
                plain = False  # "2020 trở lên"
            if year_like and plain and not _REF_VI_RE.match(text, e):
                self.add(s, e, "DATE", {"date": str(int(num.value)), "granularity": "year",
                                        "referent": self.head_before(s)})
                return
            label = "COUNT"
        if unit is not None:
            attrs["unit"] = unit
        if label in {"DURATION", "MEASURE", "MONEY"}:
            self.emit(start, end, label, attrs, referent_at=None)
        else:
            self.emit(start, end, label, attrs, referent_at=end)

    def emit(self, start: int, end: int, label: str, attrs: dict[str, Any], *, referent_at: int | None) -> None:
        if referent_at is not None:
            attrs["referent"] = self.referent_after(referent_at)
        if not self.add(start, end, label, attrs):
            # the bound or range words overlap something taken: try the bare figure
            return

    def slashed(self, m: re.Match[str], num: ParsedNumber, start: int) -> None:
        """"17/17", "4/8", "8/2020", "1:3" from the first number."""
        text = self.text
        s, e = m.span()
        sm = _SLASH_RE.match(text, e)
        if sm is None:
            self.block(s, e)
            return
        after = text[sm.end():sm.end() + 2]
        if len(after) == 2 and after[0] in "/-" and after[1].isalnum():
            self.block(s, sm.end())  # "1/2/3", "12/2020/…": a code
            return
        den = parse_number(sm.group("b"), self.dec)
        if den is None:
            self.block(s, sm.end())
            return
        a_int = not num.decimal and not num.grouped
        b_int = not den.decimal and not den.grouped
        end = sm.end()
        bound = self.before(_BOUND_BEFORE_RE, start, 30)
        if sm.group("sep") == "/" and a_int and b_int:
            a, b = int(num.value), int(den.value)
            if den.digits == 4 and 1800 <= b <= 2100 and 1 <= a <= 12:
                self.add(s, end, "DATE", {"date": f"{b:04d}-{a:02d}", "granularity": "month"})
                return
            d, mo = (b, a) if self.lang == "en" else (a, b)
            if _valid_day(None, mo, d) and bound is None:
                ratio_cue = (_REF_VI_RE.match(text, end) is not None or _RATIO_AFTER_RE.match(text, end) is not None
                             or self.before(_RATIO_CUE_RE, s, 20) is not None)
                date_cue = self.before(_DATE_CUE_RE, s, 20) is not None
                if date_cue or (not ratio_cue and self.lang != "en"):
                    self.add(s, end, "DATE", {"date": f"XXXX-{mo:02d}-{d:02d}", "granularity": "day",
                                              "ambiguous": None if date_cue else True})
                    return
        value = ratio_value(num.value, den.value)
        if value is None:
            self.block(s, end)
            return
        attrs: dict[str, Any] = {"value": value}
        if bound is not None:
            attrs["bound"] = W.BOUND_BEFORE[re.sub(r"\s+", " ", bound.group("b")).lower()]
            start = bound.start()
        if num.ambiguous or den.ambiguous:
            attrs["ambiguous"] = True
        self.emit(start, end, "RATIO", attrs, referent_at=end)


def recognise(text: str, *, language: str | None = None) -> list[Suggestion]:
    """Propose the figures and document references of ``text``, sorted by position.

    ``language`` is the document's language ("vi", "en", or a tag such as "vi-VN"); None guesses
    it from the text. Spans never overlap, are never empty, and lie within ``text``; every
    attribute validates against the news schema. Pure and thread-safe; roughly linear in the
    length of the text.
    """
    if not text:
        return []
    return _Scan(text, language).run()
