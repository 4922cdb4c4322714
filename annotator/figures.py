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
  ("Điều 5", "Quận 1", "số 26", "COVID-19", "5G", and a bare number after a capitalised word
  inside a sentence: "Boeing 737", "Apollo 11").

Attributes: ``value`` (or ``low``/``high`` for a range or a period) as decimal strings with "."
and no grouping, scale words multiplied in; ``scale`` the multiplier ("1000000"); ``bound`` one
of = ~ > ≥ < ≤ (absent means stated exactly; "gần", "nearly", "almost" read as ~); ``unit`` "%",
"pp" (percentage points), an ISO 4217 code, a measure unit (km, ha, t, kg, m2, °C, age …) or a
time unit (year, month, week, day, hour …) for a DURATION; ``date`` ISO (2020-08-04, 2020-08,
2020, XXXX-09, XXXX-08-04), or an ISO 8601 interval for a range of days ("1-5/8/2020" →
2020-08-01/2020-08-05), with ``granularity`` day/month/year/decade; ``ambiguous`` true when
the reading could not be settled ("1.500" in a text of unknown language; a bare "4/8" that may
be a date or a fraction; "8/4/2020" in English). A RATIO's ``value`` is the quotient
(17/17 → "1", 2/3 → "0.666667"); a range of them has ``low`` and ``high`` ("2-3/10 người" →
0.2 and 0.3). Several days of one month are one DATE each ("ngày 3 và 4/8").

Numbers follow the document's convention: the ``language`` argument ("vi" → decimal comma,
"en" → decimal point), else the language guessed from the text (Vietnamese letters → vi), with
the numbers of the text itself overriding or deciding (see :mod:`annotator.numbers`).
Vietnamese dates are day first; English numeric dates month first. Vietnamese numbers written
in words are read when they hold a tens, hundreds or scale word ("ba triệu người", "hai mươi
lăm", see :func:`spelled_value`); a lone digit word ("năm", "ba") is too ambiguous to read.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from annotator import figures_patterns as P
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
        self.anchors: list[int] = []  # where each number starts
        self._cands: dict[int, list[int]] = {}

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
        m = self.before(P.ORD_HEAD_BEFORE_RE if ordinal else P.HEAD_BEFORE_RE, pos, 30)
        return re.sub(r"\s+", " ", m.group("h")) if m else None

    def referent_after(self, pos: int) -> str | None:
        """The noun the figure ending at ``pos`` counts: a Vietnamese noun from the word list, or in
        English the next word unless it is a function word."""
        m = P.REF_VI_RE.match(self.text, pos)
        if m:
            return re.sub(r"\s+", " ", m.group("r"))
        if self.lang == "vi":
            return None
        p = pos
        for _ in range(3):
            w = P.EN_WORD_RE.match(self.text, p)
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
        self.anchors = [m.start() for m in P.NUM_RE.finditer(text)]
        self.doc_refs()
        self.day_ranges()
        self.numeric_dates()
        self.noise()
        self.periods()
        self.word_dates()
        self.ordinals()
        for m in P.NUM_RE.finditer(text):
            if self.free(*m.span()):
                self.quantity(m)
        if self.lang != "en":
            self.spelled()
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
        while j > lim and text[j - 1] not in P.TOKEN_STOP:
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
        for m in P.TOKEN_MARK_RE.finditer(text):
            s, e = m.start(), m.end()
            if self.taken[s]:
                continue
            while s > 0 and text[s - 1] not in P.TOKEN_STOP:
                s -= 1
            while e < n and text[e] not in P.TOKEN_STOP:
                e += 1
            while e > s and text[e - 1] in ".,;:!?…":
                e -= 1
            self.block(s, e)

    def doc_refs(self) -> None:
        for rx, firsts in ((P.DOC_TYPED_RE, P.DOC_FIRSTS), (P.DOC_BARE_RE, P.DOC_FIRSTS)):
            for m in self.matches(rx, firsts):
                if rx is P.DOC_BARE_RE and not m.group("no") and \
                        re.sub(r"\s+", " ", m.group("type")).lower() not in W.STRONG_DOC_TYPES:
                    continue
                code = re.sub(r"\s+", "", m.group("code"))
                self.add(m.start(), m.end(), "DOC_REF", {"normalized": code})
        for m in self.matches(P.DOC_CODE_RE, P.DIGITS):
            code = m.group("code")
            parts = re.split(r"[-/]", code)
            first = next((p for p in parts[1:] if not p.isdigit()), "")
            if len(first) >= 2:
                self.add(m.start(), m.end(), "DOC_REF", {"normalized": code})

    def day_ranges(self) -> None:
        """Ranges of days: "1-5/8/2020", "từ ngày 10 đến 15/9", "30/7-5/8/2020", "August 1-5, 2020".

        The ``date`` is an ISO 8601 interval ("2020-08-01/2020-08-05"; "XXXX" for an unknown
        year). A Vietnamese range needs a cue ("ngày", "từ", a year, a day/month on both sides,
        or a date word before it) and no fraction cue ("2-3/10 người" is a ratio).
        """
        if self.lang != "en":
            for m in self.matches(P.DAY_RANGE_RE, P.DIGITS | P.NGAY | P.THANG):
                d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
                m1 = int(m["m1"]) if m["m1"] else m2
                year = int(m["y"]) if m["y"] else None
                cue = bool(m["cal"] or m["y"] or m["m1"]) or self.before(P.DATE_CUE_RE, m.start(), 20) is not None
                fraction = (self.before(P.RATIO_CUE_RE, m.start(), 20) is not None and not m["cal"]
                            or P.REF_VI_RE.match(self.text, m.end()) is not None)
                if cue and not fraction and not self._day_range(m.start(), m.end(), year, (m1, d1), (m2, d2)):
                    self.block(m.start("d1"), m.end())  # "ngày 5-1/8": a broken range, not a count
                elif (fraction or not cue) and not m["cal"] and not m["m1"] and not m["y"] and d1 < d2 <= m2 \
                        and m["conn"].strip() in {"-", "–"}:
                    # "2-3/10 người": two or three in ten
                    self.emit(m.start("d1"), m.end(), "RATIO",
                              {"low": ratio_value(Decimal(d1), Decimal(m2)), "high": ratio_value(Decimal(d2), Decimal(m2))},
                              referent_at=m.end(), core=m.start("d1"))
            for m in self.matches(P.DAY_LIST_RE, P.NGAY):
                mo = int(m["m"])
                year = int(m["y"]) if m["y"] else None
                days = [(m.start("days") + d.start(), m.start("days") + d.end(), int(d.group()))
                        for d in re.finditer(r"\d{1,2}", m["days"])] + [(m.start("d"), m.end(), int(m["d"]))]
                if not all(_valid_day(year, mo, day) for _s, _e, day in days):
                    continue
                y = f"{year:04d}" if year is not None else "XXXX"
                for k, (a, b, day) in enumerate(days):
                    # the first takes "ngày" (the calendar word), as "ngày 4/8" does
                    self.add(m.start() if k == 0 else a, b, "DATE", {"date": f"{y}-{mo:02d}-{day:02d}", "granularity": "day"})
        for m in self.matches(P.EN_DAY_RANGE_RE, P.MONTH_FIRSTS | P.DIGITS):
            mon = m["mon"] or m["mon2"]
            mo = W.MONTHS_EN[mon]
            d1, d2 = int(m["d1"] or m["e1"]), int(m["d2"] or m["e2"])
            self._day_range(m.start(), m.end(), int(m["y"]) if m["y"] else None, (mo, d1), (mo, d2))

    def _day_range(self, start: int, end: int, year: int | None, first: tuple[int, int],
                   last: tuple[int, int]) -> bool:
        """Add the range as one DATE if it is one (the first day before the last); say whether it was."""
        (m1, d1), (m2, d2) = first, last
        y1 = year - 1 if year is not None and m1 > m2 else year  # "25/12-3/1/2021"
        if m1 == m2 and d1 >= d2 or not (_valid_day(y1, m1, d1) and _valid_day(year, m2, d2)):
            return False
        if year is None and m1 > m2:
            return False  # across a new year with no year given: not read
        a = f"{y1:04d}" if y1 is not None else "XXXX"
        b = f"{year:04d}" if year is not None else "XXXX"
        return self.add(start, end, "DATE",
                        {"date": f"{a}-{m1:02d}-{d1:02d}/{b}-{m2:02d}-{d2:02d}", "granularity": "day"})

    def numeric_dates(self) -> None:
        for m in self.matches(P.ISO_RE, P.DIGITS):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if _valid_day(y, mo, d):
                self.add(m.start(), m.end(), "DATE", {"date": f"{y:04d}-{mo:02d}-{d:02d}", "granularity": "day"})
        for m in self.matches(P.NUM_DATE_RE, P.DIGITS | P.NGAY):
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
        for m in self.matches(P.NGAY_DM_RE, P.NGAY):
            d, mo = int(m["d"]), int(m["m"])
            if _valid_day(None, mo, d):
                self.add(m.start(), m.end(), "DATE", {"date": f"XXXX-{mo:02d}-{d:02d}", "granularity": "day"})

    def noise(self) -> None:
        for m in self.matches(P.PHONE_KW_RE, P.PHONE_KW_FIRSTS):
            self.block(*m.span("p"))
        for m in self.matches(P.PHONE_RE, P.PHONE_FIRSTS):
            if sum(ch.isdigit() for ch in m.group()) >= 9:
                self.block(*m.span())
        for m in self.matches(P.LONG_ID_RE, P.DIGITS):
            self.block(*m.span())
        for m in self.matches(P.CHAINAGE_RE, frozenset("kK")):
            self.block(*m.span())  # "km 1.234+500": a position on a road
        for m in self.matches(P.TIME_RE, P.TIME_FIRSTS):
            if not self.before(P.RATIO_WORDS_RE, m.start(), 12):
                self.block(*m.span())
        for m in P.ENUM_RE.finditer(self.text):
            self.block(*m.span(1))

    def word_dates(self) -> None:
        text = self.text
        for m in self.matches(P.VI_FULL_RE, P.DIGITS | P.NGAY):
            d, mo = int(m["d"]), int(m["m"])
            y = m["y"] or m["y2"]
            year = int(y) if y else None
            if _valid_day(year, mo, d):
                date = f"{year:04d}-{mo:02d}-{d:02d}" if year else f"XXXX-{mo:02d}-{d:02d}"
                self.add(m.start(), m.end(), "DATE", {"date": date, "granularity": "day"})
        for m in self.matches(P.VI_MONTH_RE, P.THANG):
            self._vi_month(m)
        for m in self.word_matches(P.VI_MONTH_WORD_RE):
            self._vi_month(m)
        for m in self.matches(P.VI_YEAR_RE, P.VI_YEAR_FIRSTS):
            if not m["pre"] and P.AFTER_NUMBER_RE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "5 năm 2020": the years of a duration
            y = int(m["y"])
            cal = m["cal"].lower()
            decade = cal.startswith("thập") or (m["pre"] is not None and y % 10 == 0)
            self.add(m.start("cal"), m.end(), "DATE",
                     {"date": f"{y:04d}", "granularity": "decade" if decade else "year"})
        for m in self.matches(P.EN_MDY_RE, P.MONTH_FIRSTS):
            self._en_date(m)
        for m in self.matches(P.EN_DMY_RE, P.DIGITS):
            self._en_date(m)
        for m in self.matches(P.EN_MY_RE, P.MONTH_FIRSTS):
            mo = W.MONTHS_EN[m["mon"]]
            self.add(m.start(), m.end(), "DATE", {"date": f"{int(m['y']):04d}-{mo:02d}", "granularity": "month"})
        for m in self.word_matches(P.EN_M_RE):
            if self.before(P.MONTH_CUE_RE, m.start(), 16):
                mo = W.MONTHS_EN[m["mon"]]
                self.add(m.start(), m.end(), "DATE", {"date": f"XXXX-{mo:02d}", "granularity": "month"})
        for m in self.matches(P.DECADE_RE, P.DIGITS):
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
        for m in self.matches(P.PERIOD_RE, P.PERIOD_FIRSTS):
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
            if m["cal"] and not m["from"] and P.AFTER_NUMBER_RE.search(self.text, max(0, start - 8), start):
                start = m.start("y1")  # "5 năm 2021-2025": "năm" belongs to the 5
            referent = self.head_before(start)
            if referent is None:
                w = P.EN_WORD_RE.match(self.text, m.end())
                if w and w.group(1) in W.HEADS_AFTER_EN:
                    referent = w.group(1)
            self.add(start, m.end(), "DURATION",
                     {"low": str(y1), "high": str(y2), "granularity": "year", "referent": referent})

    def ordinals(self) -> None:
        text = self.text
        for m in self.matches(P.QUARTER_RE, P.QUY):
            raw = m["n"]
            q = int(raw) if raw.isdigit() else roman_to_int(raw)
            if q and self.free(m.start(), m.end()):
                self.add(m.start("n"), m.end("n"), "ORDINAL", {"value": str(q), "referent": m["head"]})
                self.add(m.start("y"), m.end("y"), "DATE", {"date": m["y"], "granularity": "year"})
        for m in self.word_matches(P.THU_RE):
            raw = m["n"]
            if raw.isdigit():
                value: int | None = int(raw)
                if P.WEEKDAY_AFTER_RE.match(text, m.end()) and m["thu"][0] == "T":
                    continue  # "Thứ 2, ngày 4/8": a weekday
            elif raw.lower() == "nhất":
                value = 1
            else:
                value = roman_to_int(raw)
            if not value:
                continue
            self.add(m.start(), m.end(), "ORDINAL",
                     {"value": str(value), "referent": self.head_before(m.start(), ordinal=True)})
        for m in self.word_matches(P.HEAD_ORD_RE):
            raw, head = m["n"], m["head"]
            if raw.isdigit():
                if re.sub(r"\s+", " ", head.lower()) not in P.DIGIT_ORDINAL_HEADS or int(raw) == 0:
                    continue
                if P.REF_VI_RE.match(text, m.end()) or P.UNIT_RE.match(text, m.end()):
                    continue
                value = int(raw)
            else:
                value = roman_to_int(raw)
            if value:
                self.add(m.start("n"), m.end("n"), "ORDINAL", {"value": str(value), "referent": head})
        for m in self.matches(P.EN_ORD_RE, P.DIGITS):
            if _en_ordinal_ok(m["n"], m["suf"]) and int(m["n"]) > 0:
                self.add(m.start(), m.end(), "ORDINAL",
                         {"value": str(int(m["n"])), "referent": self.referent_after(m.end())})

    # -- quantities ----------------------------------------------------------------------------

    def tail(self, pos: int, value: Decimal, *, currency: bool) -> _Tail:
        """Scale words, a Vietnamese chain ("1 tỷ 200 triệu"), then a unit, from ``pos``."""
        text = self.text
        t = _Tail(pos, value)
        m = P.SCALE_RE.match(text, pos)
        cur_scale = None if m or not currency else P.CUR_SCALE_RE.match(text, pos)
        if m:
            scale = Decimal(W.SCALES[re.sub(r"\s+", " ", m.group(1)).lower()])
        elif cur_scale:
            scale = Decimal(W.CURRENCY_SCALES[cur_scale.group(1).lower()])
            m = cur_scale
        if m:
            t.value, t.scale, t.end = value * scale, scale, m.end()
            last = scale
            while True:
                c = P.CHAIN_RE.match(text, t.end)
                if not c:
                    break
                s2 = Decimal(W.SCALES[re.sub(r"\s+", " ", c.group(2)).lower()])
                n2 = parse_number(c.group(1), self.dec)
                if n2 is None or s2 >= last or n2.value >= 1000:
                    break
                t.value += n2.value * s2
                t.end, last = c.end(), s2
        u = P.UNIT_RE.match(text, t.end)
        if u:
            surface = re.sub(r"\s+", " ", u.group("u"))
            entry = P.UNITS_CS.get(surface) or P.UNITS_CI.get(surface.lower())
            hyphen_ok = surface.isascii() and surface.replace("-", "").isalpha()
            if entry is not None and not (u.group("sep") == "-" and not hyphen_ok):
                t.label, t.unit, t.end = entry[1], entry[2], u.end()
                if t.label in {"MONEY", "MEASURE"}:
                    per = P.PER_RE.match(text, t.end)
                    if per:
                        t.unit = f"{t.unit}/{P.PER_UNITS[per.group(1)]}"
                        t.end = per.end()
        return t

    def quantity(self, m: re.Match[str]) -> None:
        text = self.text
        s, e = m.span()
        cur = self.before(P.CUR_PREFIX_RE, s, 6)
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
            lab = self.before(P.LABEL_PREFIX_RE, s, 20)
            if lab is not None and not (lab.group("l").lower() == "số" and self.before(P.SO_COMPOUND_RE, lab.start(), 12)):
                return  # "Điều 5", "Quận 1", "số 26" name things; "dân số 96 triệu" does not
        if e < self.n - 1 and text[e] in "/:" and text[e + 1].isdigit():
            self.slashed(m, num, start)
            return
        dm = P.DASH_DAY_MONTH_RE.match(text, e) if not num.grouped and not num.decimal else None
        if dm and self.before(P.DAY_CUE_RE, s, 16) and _valid_day(None, int(dm.group(1)), int(num.value)):
            # "sáng 5-8": the 5th of August, written with a dash
            self.add(s, dm.end(), "DATE", {"date": f"XXXX-{int(dm.group(1)):02d}-{int(num.value):02d}",
                                           "granularity": "day"})
            return
        out_of = P.OUT_OF_RE.match(text, e)
        if out_of and cur is None:
            den = parse_number(out_of.group(1), self.dec)
            if den is not None and den.value > 0:
                self.emit(start, out_of.end(), "RATIO", {"value": ratio_value(num.value, den.value)},
                          referent_at=out_of.end(), core=s)
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
        r = P.RANGE_RE.match(text, end)
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
                frm = self.before(P.RANGE_FROM_RE, start, 10)
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
        bound_word = None
        if not is_range:
            start, end, bound_word = self.bounds(start, end, label, attrs)
        if ambiguous:
            attrs["ambiguous"] = True
        if label is None:
            year_like = (not num.grouped and not num.decimal and num.digits == 4 and 1800 <= num.value <= 2100
                         and t.scale is None and not is_range)
            plain = bound_word is None or bound_word.lower() in W.PREPOSITION_BOUNDS
            if year_like and plain and "bound" in attrs and bound_word is None:
                plain = False  # "2020 trở lên"
            if year_like and plain and not P.REF_VI_RE.match(text, e):
                self.add(s, e, "DATE", {"date": str(int(num.value)), "granularity": "year",
                                        "referent": self.head_before(s)})
                return
            if (cur is None and bound_word is None and "bound" not in attrs and not is_range and t.scale is None
                    and self.after_name(s) and self.referent_after(end) is None):
                self.block(s, end)  # "Boeing 737", "Apollo 11", "Euro 2024 …": part of a name
                return
            label = "COUNT"
        if unit is not None:
            attrs["unit"] = unit
        core = cur.start() if cur else s
        if label in {"DURATION", "MEASURE", "MONEY"}:
            self.emit(start, end, label, attrs, referent_at=None, core=core)
        else:
            self.emit(start, end, label, attrs, referent_at=end, core=core)

    def bounds(self, start: int, end: int, label: str | None, attrs: dict[str, Any]) -> tuple[int, int, str | None]:
        """The bound words around a figure from ``start`` to ``end``: before it ("hơn", "khoảng")
        and after it ("trở lên", "+" on a count; "từ … trở lên"). Sets ``attrs["bound"]``; returns
        the figure's start and end with them, and the word before (None when there is none)."""
        bound_word = None
        b = self.before(P.BOUND_BEFORE_RE, start, 30)
        if b:
            bound_word = b.group("b")
            attrs["bound"] = W.BOUND_BEFORE[re.sub(r"\s+", " ", bound_word).lower()]
            start = b.start()
        a = P.BOUND_AFTER_RE.match(self.text, end)
        if a and not (a.group("plus") and label is not None and label != "COUNT"):
            attrs["bound"] = W.BOUND_AFTER[re.sub(r"\s+", " ", a.group("b")).lower()] if a.group("b") else "≥"
            end = a.end()
            if a.group("b") and a.group("b").lower().startswith("trở") and not bound_word:
                frm = self.before(P.RANGE_FROM_RE, start, 10)
                if frm and frm.group("f").lower() == "từ":
                    start = frm.start()
        return start, end, bound_word

    def after_name(self, pos: int) -> bool:
        """Whether the number at ``pos`` follows a capitalised word inside a sentence ("Boeing 737",
        "Apollo 11"): it is then part of a name. At the start of a sentence a capital says nothing."""
        text = self.text
        if pos < 2 or text[pos - 1] != " ":
            return False
        k = pos - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = text[k:pos - 1]
        if not word or not word[0].isupper() or not word.replace("-", "").isalnum():
            return False
        p = k
        while p > 0 and text[p - 1] in " \t\u00a0":
            p -= 1
        return p > 0 and text[p - 1] not in ".!?:;\n\"“(«…-–—'‘"

    def emit(self, start: int, end: int, label: str, attrs: dict[str, Any], *, referent_at: int | None,
             core: int) -> None:
        """Add a figure; when its bound or range words overlap a span already taken, add the
        figure from ``core`` (its number or currency mark) without them."""
        if referent_at is not None:
            attrs["referent"] = self.referent_after(referent_at)
        if not self.add(start, end, label, attrs) and core > start:
            if "low" not in attrs:
                attrs.pop("bound", None)
            self.add(core, end, label, attrs)

    def spelled(self) -> None:
        """Vietnamese numbers written in words: "ba triệu người", "hai mươi lăm", "mười hai tỷ đồng".

        Only a run of number words holding a strong one (mười, mươi, chục, trăm, nghìn, ngàn,
        triệu, tỷ) is read; a lone digit word ("năm", "ba", "một") never is. The run must not
        follow a word that makes it a month, a day, an ordinal or a vague amount ("tháng mười",
        "thứ ba", "hàng trăm", "vài nghìn"), nor start with a capital inside a sentence (a name:
        "anh Mười"). Bounds, units and referents are read as for digits.
        """
        text = self.text
        for hit in P.NUMBER_STRONG_RE.finditer(text):
            if self.taken[hit.start()]:
                continue
            words = self._number_run(hit.start())
            if words is None:
                continue
            got = spelled_value([w.lower() for _a, _b, w in words])
            if got is None:
                continue
            value, scale, used = got
            s, e = words[0][0], words[used - 1][1]
            if not self.free(s, e):
                continue
            t = self.tail(e, value, currency=False)
            end = t.end
            if end < self.n and (text[end].isalnum() or text[end] == "_"):
                continue
            attrs: dict[str, Any] = {"value": format_decimal(t.value)}
            sc = t.scale if t.scale is not None else scale
            if sc is not None:
                attrs["scale"] = format_decimal(sc)
            start, end, _word = self.bounds(s, end, t.label, attrs)
            label = t.label or "COUNT"
            if t.unit is not None:
                attrs["unit"] = t.unit
            self.emit(start, end, label, attrs, referent_at=None if label in {"DURATION", "MEASURE", "MONEY"} else end,
                      core=s)

    def _number_run(self, pos: int) -> list[tuple[int, int, str]] | None:
        """The number words around the strong word at ``pos``, as (start, end, word); None when
        the word before them or their capital says they are not a number."""
        text = self.text
        words: list[tuple[int, int, str]] = []
        # back to the first number word of the run
        a = pos
        while True:
            k = a
            while k > 0 and text[k - 1] in " \t\u00a0":
                k -= 1
            if k == a or k == 0 or not text[k - 1].isalpha():
                break
            j = k
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j:k].lower() not in W.NUMBER_WORDS_VI or (j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_")):
                break
            a = j
        # forward over number words
        i = a
        while True:
            j = i
            while j < self.n and text[j].isalpha():
                j += 1
            word = text[i:j].lower()
            if word not in W.NUMBER_WORDS_VI or (j < self.n and (text[j].isalnum() or text[j] == "_")):
                break
            not_before = P.SCALE_WORD_NOT_BEFORE_RE.get(word)
            if not_before is not None and not_before.match(text, j):
                break  # "tỷ lệ", "triệu phú": not a scale
            words.append((i, j, text[i:j]))
            k = j
            while k < self.n and text[k] in " \t\u00a0":
                k += 1
            if k == j or k >= self.n or not text[k].isalpha():
                break
            i = k
        if not words or not any(w.lower() in W.NUMBER_STRONG_VI for _a, _b, w in words):
            return None
        # the word before the run
        k = a
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        j = k
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if j < k and text[j:k].lower() in W.NUMBER_WORDS_NOT_AFTER_VI:
            return None
        first = words[0][2]
        if first[0].isupper():
            p = a
            while p > 0 and text[p - 1] in " \t\u00a0":
                p -= 1
            if p > 0 and text[p - 1] not in ".!?:;\n\"“(«…-–—":
                return None  # "anh Mười", "Hai Bà Trưng": a name inside a sentence
        return words

    def slashed(self, m: re.Match[str], num: ParsedNumber, start: int) -> None:
        """"17/17", "4/8", "8/2020", "1:3" from the first number."""
        text = self.text
        s, e = m.span()
        sm = P.SLASH_RE.match(text, e)
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
        bound = self.before(P.BOUND_BEFORE_RE, start, 30)
        if sm.group("sep") == "/" and a_int and b_int:
            a, b = int(num.value), int(den.value)
            if den.digits == 4 and 1800 <= b <= 2100 and 1 <= a <= 12:
                self.add(s, end, "DATE", {"date": f"{b:04d}-{a:02d}", "granularity": "month"})
                return
            d, mo = (b, a) if self.lang == "en" else (a, b)
            if _valid_day(None, mo, d) and bound is None:
                ratio_cue = (P.REF_VI_RE.match(text, end) is not None or P.RATIO_AFTER_RE.match(text, end) is not None
                             or self.before(P.RATIO_CUE_RE, s, 20) is not None)
                date_cue = self.before(P.DATE_CUE_RE, s, 20) is not None
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
        self.emit(start, end, "RATIO", attrs, referent_at=end, core=m.start())


_DIGIT_AFTER_TENS = {"mốt": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "nhăm": 5, "sáu": 6,
                     "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_SCALE_WORDS = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}


def spelled_value(words: list[str]) -> tuple[Decimal, Decimal | None, int] | None:
    """The value of Vietnamese number words (lower case): (value, scale or None, how many words
    were read), or None when they do not make a number.

    "ba triệu" → 3000000 (scale 10⁶); "hai mươi lăm" → 25; "một trăm linh năm" → 105; "mười hai
    tỷ" → 12×10⁹; "hai triệu rưỡi" → 2500000; "ba nghìn tỷ" → 3×10¹² (scale 10¹²). The scale is
    the first scale word's, as for digits ("2 tỷ 300 triệu"). Not read: a digit word after "trăm"
    or a scale word with nothing to place it ("một trăm năm": a hundred years; "ba triệu hai"),
    "năm" after "mươi" ("hai mươi năm": twenty years; 25 is "hai mươi lăm"), two digit words in a
    row ("hai ba trăm": two or three hundred), a scale word with no number before it ("triệu
    người": millions of people).
    """
    total = Decimal(0)
    group = 0  # the current group, below a thousand
    pending: int | None = None  # a digit word not yet placed
    scale: Decimal | None = None
    last_scale = Decimal(0)
    prev = ""  # what the last word read was: digit, unit, mười, mươi, trăm, linh, scale, half
    used = 0
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w in W.DIGIT_WORDS_VI:
            if pending is not None:
                break
            if prev in {"mười", "mươi"}:
                if w not in _DIGIT_AFTER_TENS:
                    break  # "năm" after tens is "years" ("mười năm"); five is "lăm"
                group += _DIGIT_AFTER_TENS[w]
                used, prev = k + 1, "unit"
                continue
            if prev == "linh":
                group += W.DIGIT_WORDS_VI[w]
                used, prev = k + 1, "unit"
                continue
            if w in {"lăm", "nhăm", "mốt"} or prev in {"unit", "half"}:
                break
            if prev in {"trăm", "scale"} and nxt not in {"mươi", "chục", "trăm", *_SCALE_WORDS}:
                break
            pending, prev = W.DIGIT_WORDS_VI[w], "digit"
            continue
        if w == "mười":
            if pending is not None or prev in {"mười", "mươi", "unit", "half"}:
                break
            group += 10
        elif w in {"mươi", "chục"}:
            if pending is None or pending < (2 if w == "mươi" else 1):
                break
            group += pending * 10
            pending = None
        elif w == "trăm":
            if pending is None or (pending == 0 and total == 0):
                break  # "không trăm" only inside a larger number ("một triệu không trăm linh năm")
            group += pending * 100
            pending = None
        elif w in {"linh", "lẻ"}:
            if prev != "trăm" or nxt not in W.DIGIT_WORDS_VI:
                break
            w = "linh"
        elif w in _SCALE_WORDS:
            sc = Decimal(_SCALE_WORDS[w])
            g = group + (pending or 0)
            if prev == "scale":
                total *= sc  # "nghìn tỷ"
                last_scale *= sc
                if _only_one_group(words[:k]):
                    scale = last_scale
            elif g == 0:
                break
            else:
                total += g * sc
                last_scale = sc
                if scale is None:
                    scale = sc
            group, pending = 0, None
            used, prev = k + 1, "scale"
            continue
        elif w == "rưỡi":
            if prev == "scale":
                total += last_scale / 2
            elif prev == "trăm":
                group += 50
            else:
                break
            used, prev = k + 1, "half"
            continue
        else:
            break
        used, prev = k + 1, w
    if used == 0 or not any(w in W.NUMBER_STRONG_VI for w in words[:used]):
        return None
    value = total + group
    if value <= 0:
        return None
    return value, scale, used


def _only_one_group(words: list[str]) -> bool:
    """Whether the words hold one scale word only ("ba nghìn" before "tỷ")."""
    return sum(1 for w in words if w in _SCALE_WORDS) == 1


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
