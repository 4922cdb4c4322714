"""Reading numbers as Vietnamese and English news write them.

Vietnamese groups thousands with a dot and writes decimals with a comma ("4.500", "88,8");
English does the reverse ("4,500", "88.8"). A separator followed by exactly three digits
("1.500", "1,500") can be read either way; :func:`parse_number` settles it with the decimal
separator of the document (see :func:`decimal_separator`) and flags it ``ambiguous`` when that
is unknown. Values are :class:`~decimal.Decimal`, rendered by :func:`format_decimal` as the
schema wants them: "." for decimals, no grouping, no exponent.

Pure functions; any thread may call them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

__all__ = [
    "ParsedNumber",
    "decimal_separator",
    "format_decimal",
    "guess_language",
    "parse_number",
    "ratio_value",
    "roman_to_int",
]

# Letters only Vietnamese uses among our two languages (lower case; text is lower-cased first).
_VI_LETTERS = set(
    "ăâđêôơư"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
_EN_STOPWORDS = frozenset(
    "the of and to in is was for on that with by at from are were has have had said it this be as "
    "an which will would their its not but or been he she they we you his her our all do does did "
    "more most than then there here when where who what how about after before over under into out "
    "just also only very still some many per each".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_GROUPED = re.compile(r"\d+(?:[.,]\d+)+")


def guess_language(text: str, *, sample: int = 20000) -> str | None:
    """"vi", "en" or None, from the first ``sample`` characters.

    Counts words with Vietnamese letters against common English words; a tie (including a text
    with neither, such as "1.500" or unaccented Vietnamese) is None.
    """
    vi = en = 0
    for m in _WORD.finditer(text, 0, min(len(text), sample)):
        w = m.group().lower()
        if w in _EN_STOPWORDS:
            en += 1
        elif not w.isascii() and any(ch in _VI_LETTERS for ch in w):
            vi += 1
    if vi > en:
        return "vi"
    if en > vi:
        return "en"
    return None


def decimal_separator(text: str, language: str | None) -> str | None:
    """The decimal separator ("," or ".") the document uses, or None when it cannot be told.

    The language decides ("vi" → ",", "en" → ".") unless the text shows at least two numbers
    that only the other convention reads ("1,234,567", "3.14") and none for its own. Without a
    language the numbers the text shows decide; with no evidence either way the answer is None.
    """
    votes = {",": 0, ".": 0}
    for m in _GROUPED.finditer(text):
        tok = m.group()
        seps = [c for c in tok if c in ".,"]
        groups = re.split(r"[.,]", tok)
        if len(set(seps)) == 2:
            votes[seps[-1]] += 1
        elif len(seps) >= 2:
            if 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
                votes["," if seps[0] == "." else "."] += 1
        elif len(groups[1]) != 3:
            votes[seps[0]] += 1
    own = {"vi": ",", "en": "."}.get(language or "")
    if own is not None:
        other = "." if own == "," else ","
        if votes[other] >= 2 and votes[own] == 0:
            return other
        return own
    if votes[","] > votes["."]:
        return ","
    if votes["."] > votes[","]:
        return "."
    return None


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number token read as a value."""

    value: Decimal
    ambiguous: bool = False  # "1.500" with no known convention: read as 1500, flagged
    grouped: bool = False  # thousands separators were used
    decimal: bool = False  # it has a fractional part as written
    digits: int = 0  # how many digits the token has
    leading_zero: bool = False  # "08", "0912…"


def parse_number(token: str, decimal_sep: str | None) -> ParsedNumber | None:
    """Read ``token`` (digits with "." and "," inside) or return None when it is not one number.

    ``decimal_sep`` is the document's decimal separator or None (unknown). None is returned for
    shapes no convention reads as a number: "1.2.3", "0912.345.678", "1,23,4".
    """
    # isdecimal, not isdigit: "²" is a digit that int() does not read
    if not token or not token[0].isdecimal() or not token[-1].isdecimal():
        return None
    digits = sum(ch.isdecimal() for ch in token)
    seps = [c for c in token if c in ".,"]
    if not seps:
        if not token.isdecimal():
            return None
        return ParsedNumber(Decimal(int(token)), digits=digits,
                            leading_zero=len(token) > 1 and token[0] == "0")
    groups = re.split(r"[.,]", token)
    if any(not g.isdecimal() for g in groups):
        return None
    lead0 = len(groups[0]) > 1 and groups[0][0] == "0"

    def grouping_ok(parts: list[str]) -> bool:
        return 1 <= len(parts[0]) <= 3 and not lead0 and all(len(g) == 3 for g in parts[1:])

    if len(set(seps)) == 2:
        dec = seps[-1]
        if seps.count(dec) != 1 or not grouping_ok(groups[:-1]):
            return None
        whole = "".join(groups[:-1])
        return ParsedNumber(Decimal(f"{int(whole)}.{groups[-1]}"), grouped=True, decimal=True,
                            digits=digits)
    if len(seps) >= 2:
        if not grouping_ok(groups):
            return None
        return ParsedNumber(Decimal(int("".join(groups))), grouped=True, digits=digits)
    a, b = groups
    sep = seps[0]
    if len(b) == 3 and grouping_ok(groups):
        if decimal_sep is None:
            return ParsedNumber(Decimal(int(a + b)), ambiguous=True, grouped=True, digits=digits)
        if sep != decimal_sep:
            return ParsedNumber(Decimal(int(a + b)), grouped=True, digits=digits)
    if lead0:
        return None
    return ParsedNumber(Decimal(f"{int(a)}.{b}"), decimal=True, digits=digits)


def format_decimal(value: Decimal | int) -> str:
    """"1500000", "88.8", "0.5": '.' for decimals, no grouping, no exponent, no trailing zeros."""
    d = Decimal(value)
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in {"-0", ""}:
        s = "0"
    return s


_SIX = Decimal("0.000001")


def ratio_value(numerator: Decimal, denominator: Decimal) -> str | None:
    """numerator ÷ denominator as a decimal string: exact when it ends within six places,
    otherwise rounded to six ("2/3" → "0.666667"). None for a zero denominator."""
    if denominator == 0:
        return None
    try:
        q = numerator / denominator
        r = q.quantize(_SIX, rounding=ROUND_HALF_EVEN)
    except InvalidOperation:
        return None
    return format_decimal(r)


_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(numeral: str) -> int | None:
    """Value of an upper-case Roman numeral ("XIII" → 13), or None when it is not a valid one."""
    if not numeral or not _ROMAN.match(numeral):
        return None
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN_VALUES[ch]
        if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
