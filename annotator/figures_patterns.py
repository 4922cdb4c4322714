"""The compiled patterns of the figure recogniser, built once from :mod:`annotator.figures_words`.

Spaces inside a figure match runs of spaces and tabs (never a line break). Most patterns are
only tried where a number or one of the few words before it begins (``_Scan.matches`` in
:mod:`annotator.figures`), so each ``*_FIRSTS`` set lists the characters such a match can start
with; the patterns without digits (THU_RE, HEAD_ORD_RE, EN_M_RE, TOKEN_MARK_RE …) are led by
literals so that scanning the whole text stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator import figures_words as W

S = r"[ \t\u00a0]"  # a space inside a figure (never a line break)
SP = S + "+"
OS = S + "*"
NW = r"(?![\w])"  # not followed by a word character
NUM = r"\d+(?:[.,]\d+)*"


def word_alternation(items: Iterable[str], *, ci: bool = True, boundary: bool = True) -> str:
    """An alternation of words, longest first; spaces match runs of spaces."""
    parts = []
    for w in sorted(set(items), key=lambda x: (-len(x), x)):
        pat = SP.join(re.escape(p) for p in w.split(" "))
        if boundary and (w[-1].isalnum() or w[-1] == "."):
            pat += NW
        parts.append(f"(?i:{pat})" if ci else pat)
    return "(?:" + "|".join(parts) + ")"


def not_before(alternatives: str) -> str:
    return rf"(?!{OS}(?:{alternatives})(?![^\W\d]))"


def unit_alternation() -> str:
    parts = []
    for surface, _label, _unit in sorted(W.UNITS, key=lambda u: (-len(u[0]), u[0])):
        pat = SP.join(re.escape(p) for p in surface.split(" "))
        if surface[-1].isalnum():
            pat += NW
        if surface in W.UNIT_NOT_BEFORE:
            pat += not_before(W.UNIT_NOT_BEFORE[surface])
        parts.append(pat if surface in W.CASE_SENSITIVE_UNITS else f"(?i:{pat})")
    return "(?:" + "|".join(parts) + ")"


def scale_alternation() -> str:
    parts = []
    for word in sorted(W.SCALES, key=lambda x: (-len(x), x)):
        pat = SP.join(re.escape(p) for p in word.split(" ")) + NW
        if word in W.SCALE_NOT_BEFORE:
            pat += not_before(W.SCALE_NOT_BEFORE[word])
        parts.append(f"(?i:{pat})")
    return "(?:" + "|".join(parts) + ")"


UNITS_CS = {u[0]: u for u in W.UNITS}
UNITS_CI = {u[0].lower(): u for u in W.UNITS if u[0] not in W.CASE_SENSITIVE_UNITS}
SCALE_ALT = scale_alternation()
SCALE_RE = re.compile(OS + "(" + SCALE_ALT + ")")
CUR_SCALE_RE = re.compile(r"(?i:(bn|tn|k|m|b))" + NW)
CHAIN_RE = re.compile(SP + "(" + NUM + ")" + OS + "(" + SCALE_ALT + ")")
UNIT_RE = re.compile(r"(?P<sep>" + S + r"{0,2}|-)(?P<u>" + unit_alternation() + ")")
PER_UNITS = {"kg": "kg", "tấn": "t", "ha": "ha", "m2": "m2", "lít": "l", "tháng": "month", "năm": "year",
              "ngày": "day", "người": "person", "giờ": "hour", "km": "km", "con": "head", "USD": "USD",
              "đồng": "VND", "tuần": "week", "thùng": "bbl", "m3": "m3", "MWh": "MWh", "kWh": "kWh"}
PER_RE = re.compile(OS + "/" + OS + "(" + "|".join(sorted(PER_UNITS, key=len, reverse=True)) + ")" + NW)
CUR_PREFIX_RE = re.compile(
    r"(?<![\w$])(?P<c>" + "|".join(re.escape(c) for c in sorted(W.CURRENCY_PREFIX, key=len, reverse=True))
    + r")" + S + r"?\Z"
)
BOUND_BEFORE_RE = re.compile(r"(?<![\w])(?P<b>" + word_alternation(W.BOUND_BEFORE, boundary=False) + ")" + SP + r"\Z")
BOUND_AFTER_RE = re.compile(SP + "(?P<b>" + word_alternation(W.BOUND_AFTER) + ")|(?P<plus>\\+)(?![\\w+])")
RANGE_FROM_RE = re.compile(r"(?<![\w])(?P<f>(?i:từ|from|between))" + SP + r"\Z")
RANGE_RE = re.compile(
    r"(?P<conn>" + OS + "[-–—]" + OS + "|" + SP + r"(?i:đến|tới|to|and)" + SP + r")"
    + r"(?P<cur>(?:US\$|\$|€|£|¥))?(?P<n>" + NUM + ")"
)
OUT_OF_RE = re.compile(SP + r"(?i:out" + SP + "of|trong" + SP + "số|trong" + SP + "tổng" + SP + "số)"
                        + SP + "(" + NUM + ")" + NW)
SLASH_RE = re.compile(r"(?P<sep>[/:])(?P<b>" + NUM + r")(?![\w])")
CS_LABELS = ("Km", "KM", "Quận", "Phường", "District", "Ward", "Tổ", "Khu", "Block", "Tòa", "Lô", "Ấp", "Xóm")
LABEL_PREFIX_RE = re.compile(
    r"(?<![\w])(?P<l>" + word_alternation([w for w in W.LABEL_PREFIXES if w not in {"km", "quận", "phường", "district",
                                                                          "ward", "tổ", "khu", "block", "tòa",
                                                                          "lô", "ấp", "xóm"}], boundary=False)
    + "|" + word_alternation(CS_LABELS, ci=False, boundary=False) + r")" + OS + r"[.:#]?" + OS + r"\Z"
)
REF_VI_RE = re.compile(SP + "(?P<r>" + word_alternation(W.REFERENTS_VI) + ")")
EN_WORD_RE = re.compile(SP + r"([a-z][a-z\-]*[a-z])" + NW)
HEAD_BEFORE_RE = re.compile(r"(?<![\w])(?P<h>" + word_alternation(W.HEADS_BEFORE, boundary=False) + ")" + SP + r"\Z")
ORD_HEAD_BEFORE_RE = re.compile(r"(?<![\w])(?P<h>" + word_alternation(W.HEADS_BEFORE + W.ORDINAL_REFERENTS, boundary=False)
                                 + ")" + SP + r"\Z")

# noise: tokens that never hold a figure (URLs, e-mail addresses, domains, file names), found by a
# literal mark and widened to the whole token
def both_cases(words: Iterable[str]) -> str:
    return "(?:" + "|".join(sorted({v for w in words for v in (w, w.upper())}, key=len, reverse=True)) + ")"


TOKEN_MARK_RE = re.compile(
    r"://|www\.|WWW\.|@\w|(?<=\w)\.(?:"
    + both_cases("jpg jpeg png gif webp bmp tif tiff svg pdf doc docx xls xlsx ppt pptx csv txt zip rar 7z mp3 "
                  "mp4 avi mov mkv htm html php asp aspx json xml com net org vn gov edu info io co uk us biz tv "
                  "asia int".split())
    + r")(?![\w])"
)
TOKEN_STOP = " \t\n\r\u00a0<>\"'()[]{}"
PHONE_KW_RE = re.compile(
    r"(?i:hotline|đường dây nóng|tổng đài|điện thoại|đt|sđt|tel|phone|fax|zalo|mobile|di động)"
    r"[ \t]*[:.]?[ \t]*(?P<p>\+?\(?\d[\d ().-]{5,}\d)"
)
PHONE_RE = re.compile(
    r"(?<![\w+.,])(?:\+84|\(\+?84\)|\(0\d{1,3}\)|0\d{1,3})(?:[ .-]?\d{2,4}){2,4}(?![\w]|[.,]\d)"
)
CHAINAGE_RE = re.compile(r"(?i:km)" + OS + r"\d+(?:[.,]\d+)?\+\d+")
LONG_ID_RE = re.compile(r"(?<![\w.,])\d{9,}(?:[ ._-]\d+)*(?![\w])")
TIME_RE = re.compile(
    r"(?<![\w.,:/])(?:[01]?\d|2[0-4])(?::[0-5]\d(?::[0-5]\d)?|h[0-5]\d|" + OS + r"giờ" + OS
    + r"[0-5]?\d(?:" + OS + r"phút)?|h(?![\w]))(?![\w]|[.,:]\d)"
    r"|(?i:lúc|vào lúc)" + SP + r"\d{1,2}(?:(?::|h|" + OS + r"giờ" + OS + r")[0-5]?\d(?:" + OS + r"phút)?|"
    + OS + r"(?:giờ|h))?"
    r"|(?<![\w.,:/])\d{1,2}(?::[0-5]\d)?" + OS + r"(?:a\.m\.|p\.m\.|am|pm)(?![\w])"
)
RATIO_WORDS_RE = re.compile(r"(?i:tỷ lệ|tỉ lệ|tỷ số|tỉ số|ratio|score)" + OS + r"\Z")
ENUM_RE = re.compile(r"(?m)^[ \t]*\(?(\d{1,2})[.)](?=[ \t])")

# document references
CODE = r"[A-ZĐ][A-ZĐ0-9]*(?:[a-z][A-ZĐ0-9]*)?(?![\w])"
LSEP = S + "?[-/]" + S + "?"
DOC_TYPES_CI = "(?:" + "|".join(
    f"[{t[0]}{t[0].lower()}]" + SP.join(re.escape(p) for p in t[1:].split(" ")) for t in
    sorted(W.DOC_TYPES, key=len, reverse=True)
) + ")"
DOC_TYPES_CS = "(?:" + "|".join(SP.join(re.escape(p) for p in t.split(" "))
                                 for t in sorted(W.DOC_TYPES, key=len, reverse=True)) + ")"
DOC_NO = r"(?P<no>(?:số|Số|No\.?|number)" + OS + ")?"
DOC_TYPED_RE = re.compile(
    r"(?<![\w])(?P<type>" + DOC_TYPES_CI + ")" + SP + DOC_NO
    + r"(?P<code>\d{1,5}[a-z]?(?:" + LSEP + r"(?:19|20)\d{2})?" + LSEP + CODE + "(?:" + LSEP + CODE + ")*)"
)
DOC_BARE_RE = re.compile(
    r"(?<![\w])(?P<type>" + DOC_TYPES_CS + ")" + SP + DOC_NO
    + r"(?P<code>\d{1,5}(?:/(?:19|20)\d{2})?)(?![\w/]|[.,]\d|" + SP + r"(?:năm|tháng|ngày|người|%))"
)
DOC_CODE_RE = re.compile(
    r"(?<![\w/.\-])(?P<code>\d{1,5}[a-z]?(?:/(?:19|20)\d{2})?[-/]" + CODE + "(?:[-/]" + CODE + ")*)"
)

# dates
MON = "(?:" + "|".join(sorted(W.MONTHS_EN, key=len, reverse=True)) + ")"
MON_FULL = "(?:" + "|".join(m for m in W.MONTHS_EN if len(m) > 4 or m in {"May", "June", "July"}) + ")"
ORD_SUF = "(?:st|nd|rd|th)"
YEAR_END = r"(?![\w]|[/.,:\-]\d)"
NUM_DATE_RE = re.compile(
    r"(?<![\w/.,\-])(?P<cal>(?i:ngày)" + SP + r")?(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})"
    + YEAR_END
)
ISO_RE = re.compile(r"(?<![\w/.\-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + YEAR_END)
NGAY_DM_RE = re.compile(r"(?<![\w])(?P<cal>(?i:ngày))" + SP + r"(?P<d>\d{1,2})[/\-](?P<m>\d{1,2})" + YEAR_END)
VI_YEAR_TAIL = (r"(?:" + OS + "," + r"?" + OS + r"(?i:năm)" + SP + r"(?P<y>\d{4})|" + S + r"?[/\-]" + S
                 + r"?(?P<y2>\d{4}))?")
VI_FULL_RE = re.compile(
    r"(?<![\w])(?:(?P<cal>(?i:ngày))" + SP + r")?(?P<d>\d{1,2})" + SP + r"(?i:tháng)" + SP + r"(?P<m>\d{1,2})"
    + VI_YEAR_TAIL + YEAR_END
)
VI_MONTH_RE = re.compile(
    r"(?<![\w])(?P<cal>(?i:tháng))" + SP + r"(?P<m>\d{1,2})" + NW + VI_YEAR_TAIL + YEAR_END
)
VI_MONTH_WORD_RE = re.compile(
    r"(?P<cal>tháng|Tháng|THÁNG)" + SP + r"(?P<m>"
    + "|".join(sorted(W.MONTHS_VI_WORDS, key=len, reverse=True)).replace(" ", SP) + r")" + NW + VI_YEAR_TAIL
    + YEAR_END
)
VI_YEAR_RE = re.compile(
    r"(?<![\w])(?P<pre>(?i:những)" + SP + r")?(?P<cal>(?i:năm|thập niên|thập kỷ|thập kỉ))" + SP
    + r"(?P<y>\d{4})(?![\w]|[/.,]\d|" + OS + r"[-–—]" + OS + r"\d|" + SP + r"(?i:đến|tới)" + SP + r")"
)
EN_MDY_RE = re.compile(
    r"(?<![\w])(?P<mon>" + MON + r")\.?" + SP + r"(?P<d>\d{1,2})" + ORD_SUF + "?(?:,?" + SP
    + r"(?P<y>\d{4}))?" + YEAR_END
)
EN_DMY_RE = re.compile(
    r"(?<![\w])(?P<d>\d{1,2})" + ORD_SUF + "?" + SP + r"(?:of" + SP + r")?(?P<mon>" + MON + r")(?:\.|"
    + NW + r")(?:,?" + SP + r"(?P<y>\d{4})" + YEAR_END + ")?"
)
EN_MY_RE = re.compile(r"(?<![\w])(?P<mon>" + MON + r")\.?,?" + SP + r"(?P<y>\d{4})" + YEAR_END)
EN_M_RE = re.compile(r"(?P<mon>" + MON_FULL + r")" + NW)
MONTH_CUE_RE = re.compile(
    r"(?<![\w])(?i:" + "|".join(re.escape(c) for c in W.MONTH_CUES_EN) + r")" + SP + r"\Z"
)
DECADE_RE = re.compile(r"(?<![\w'])(?P<y>1\d{2}0|20\d0)'?s(?![\w])")

# periods: year to year
YEAR = r"(?:1[5-9]|20)\d{2}"
PERIOD_RE = re.compile(
    r"(?<![\w/.,\-])(?P<from>(?i:từ|from|between)" + SP + r")?(?P<cal>(?i:năm)" + SP + r")?(?P<y1>" + YEAR
    + r")(?P<conn>" + OS + r"[-–—]" + OS + r"|/|" + SP + r"(?P<w>(?i:đến|tới|to|and|until|through|till))"
    + SP + r"(?:(?i:năm)" + SP + r")?)(?P<y2>" + YEAR + r"|\d{2})" + YEAR_END
)

# ordinals
ROMAN = r"[IVXLCDM]+"
THU_RE = re.compile(
    r"(?P<thu>thứ|Thứ|THỨ)" + SP + r"(?P<n>\d{1,3}|" + ROMAN + r"|(?i:nhất))(?![\w]|[.,/:]\d)"
)
WEEKDAY_AFTER_RE = re.compile(r"[ ,]*(?:(?i:ngày)" + SP + r")?\d{1,2}/\d{1,2}")
DIGIT_ORDINAL_HEADS = frozenset({"khóa", "khoá", "quý", "thế kỷ", "thế kỉ", "hội nghị trung ương", "kỳ họp",
                                  "kì họp", "lần"})
HEAD_ORD_RE = re.compile(
    r"(?P<head>" + both_cases([v for w in W.ORDINAL_HEADS for v in (w, w[0].upper() + w[1:])]).replace(" ", SP)
    + ")" + SP
    + r"(?P<n>" + ROMAN + r"|\d{1,3})(?![\w]|[.,]\d|/\d)"
)
QUARTER_RE = re.compile(
    r"(?<![\w])(?P<head>(?i:quý))" + SP + r"(?P<n>IV|I{1,3}|[1-4])/(?P<y>\d{4})" + YEAR_END
)
EN_ORD_RE = re.compile(r"(?<![\w])(?P<n>\d{1,4})(?P<suf>st|nd|rd|th)(?![\w])")

NUM_RE = re.compile(NUM)
DASH_DAY_MONTH_RE = re.compile(r"-(\d{1,2})(?![\w]|[-/.,]\d)")
DAY_CUE_RE = re.compile(r"(?<![\w])(?i:sáng|chiều|tối|trưa|đêm|hôm|rạng sáng|lễ|dịp)" + SP + r"\Z")

# first characters of the patterns tried at the candidate starts of a number
DIGITS = frozenset("0123456789")
NGAY = frozenset("nN")
THANG = frozenset("tT")
QUY = frozenset("qQ")
DOC_FIRSTS = frozenset(c for t in W.DOC_TYPES for c in (t[0], t[0].lower()))
PHONE_KW_FIRSTS = frozenset("hHđĐtTsSpPfFzZmMdD")
PHONE_FIRSTS = frozenset("0+(")
TIME_FIRSTS = DIGITS | frozenset("lLvV")
PERIOD_FIRSTS = DIGITS | frozenset("tTfFbBnN")
VI_YEAR_FIRSTS = frozenset("nNtT")
MONTH_FIRSTS = frozenset(m[0] for m in W.MONTHS_EN)
SO_COMPOUND_RE = re.compile(r"(?<![\w])" + word_alternation(W.SO_COMPOUNDS, boundary=False) + SP + r"\Z")
AFTER_NUMBER_RE = re.compile(r"\d" + OS + r"\Z")
RATIO_AFTER_RE = re.compile(SP + r"(?i:số|tổng số|of)" + NW)
RATIO_CUE_RE = re.compile(r"(?<![\w])" + word_alternation(W.RATIO_CUES, boundary=False) + SP + r"\Z")
DATE_CUE_RE = re.compile(r"(?<![\w])" + word_alternation(W.DATE_CUES, boundary=False) + SP + r"\Z")

# numbers in words: a strong number word, widened to the run of number words around it
NUMBER_STRONG_RE = re.compile(r"(?<![\w])(?i:" + "|".join(sorted(W.NUMBER_STRONG_VI, key=len, reverse=True))
                              + r")(?![\w])")
SCALE_WORD_NOT_BEFORE_RE = {w: re.compile(OS + "(?:" + W.SCALE_NOT_BEFORE[w] + r")(?![^\W\d])")
                            for w in W.SCALE_NOT_BEFORE}

# day ranges: "1-5/8/2020", "từ ngày 10 đến 15/9", "30/7-5/8/2020" (day first); "August 1-5, 2020"
DAY_RANGE_RE = re.compile(
    r"(?<![\w/.,\-])(?P<cal>(?:(?i:từ)" + SP + r")?(?i:ngày)" + SP + r"|(?i:từ)" + SP + r")?"
    r"(?P<d1>\d{1,2})(?:/(?P<m1>\d{1,2}))?"
    r"(?P<conn>" + OS + r"[-–]" + OS + r"|" + SP + r"(?i:đến|tới)" + SP + r"(?:(?i:ngày)" + SP + r")?)"
    r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?:/(?P<y>\d{4}))?" + YEAR_END
)
EN_DAY_RANGE_RE = re.compile(
    r"(?<![\w])(?:(?P<mon>" + MON + r")\.?" + SP + r"(?P<d1>\d{1,2})" + OS + r"[-–]" + OS + r"(?P<d2>\d{1,2})"
    r"|(?P<e1>\d{1,2})" + OS + r"[-–]" + OS + r"(?P<e2>\d{1,2})" + SP + r"(?P<mon2>" + MON + r")" + NW + ")"
    r"(?:,?" + SP + r"(?P<y>\d{4}))?" + YEAR_END
)
# several days of one month: "ngày 3 và 4/8", "(các) ngày 3, 4 và 5/8/2020"
DAY_LIST_RE = re.compile(
    r"(?<![\w])(?P<cal>(?i:ngày)" + SP + r")(?P<days>\d{1,2}(?:" + OS + r"," + OS + r"\d{1,2})*"
    r"(?:" + OS + r"," + OS + r"|" + SP + r"(?i:và)" + SP + r"))(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?"
    + YEAR_END
)
