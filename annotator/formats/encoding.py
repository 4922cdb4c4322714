"""Finding the encoding of an imported text file, and refusing what is not text.

Order of the checks (:func:`decode_bytes`):

1. an encoding the caller names wins (a bad byte is then an error, never a guess);
2. known binary signatures (PDF, ZIP/DOCX, images, SQLite …) are refused;
3. a byte-order mark: UTF-8, UTF-16 and UTF-32, either byte order;
4. NUL bytes: UTF-16 without a BOM when every other byte is NUL, otherwise binary;
5. strict UTF-8;
6. the legacy Vietnamese font encodings VNI and TCVN3 (ABC), which Python has no codec for:
   they are recognised by their tell-tale bytes and refused with a message saying what they are,
   rather than imported as mojibake;
7. Windows-1258 when it yields Vietnamese letters (its tone marks are combining characters; NFC,
   applied later by :mod:`annotator.textnorm`, composes them);
8. charset-normalizer's best guess, then Windows-1252.

Decoded text that is still full of control characters is refused as binary.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from annotator.errors import FormatError

__all__ = [
    "Decoded",
    "decode_bytes",
    "sniff_encoding",
    "LEGACY_VIETNAMESE",
]

# Python codec names we report, with the BOM (if any) the decoder strips.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .zip file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF)"),
    (b"\x1f\x8b", "a gzip archive"),
)

LEGACY_VIETNAMESE = ("VNI", "TCVN3")

# VNI writes a base letter followed by a byte for the modifier and one for the tone. Read as
# Latin-1 these are letters no Vietnamese (and rarely any other) text has after a vowel.
_VNI = re.compile(r"[öÖ][ôÔ]|[ñÑ][aeiouyâêôöAEIOUYÂÊÔÖ]|[aeiouyAEIOUYâêôÂÊÔ][øïûäåëü]")
# TCVN3 (ABC) puts lower-case Vietnamese letters on bytes that are symbols in Latin-1.
_TCVN3_CHARS = "¨©ª«¬\xad®µ¶·¸¹»¼½¾"
_TCVN3 = re.compile(rf"(?<=[A-Za-z])[{_TCVN3_CHARS}]|[{_TCVN3_CHARS}](?=[a-z])")
_WORD = re.compile(r"\w+")

_VIET_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"}
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v", "\x1b"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text as found in the file (line ends and normalisation untouched) and how it was read."""

    text: str
    encoding: str  # a Python codec name: utf-8, utf-8-sig, utf-16, cp1258, …
    guessed: bool = False  # True when no BOM, UTF-8 or caller settled it


def _binary(what: str, path: str | None) -> FormatError:
    return FormatError(f"not a text file: {what}", path=path)


def _bom(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes sit on every other byte, as in mostly-ASCII text."""
    n = len(data) - len(data) % 2
    if n < 4:
        return None
    even = data[0:n:2]
    odd = data[1:n:2]
    half = n // 2
    if odd.count(0) >= 0.6 * half and even.count(0) <= 0.05 * half:
        return "utf-16-le"
    if even.count(0) >= 0.6 * half and odd.count(0) <= 0.05 * half:
        return "utf-16-be"
    return None


def _too_many_controls(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch < " " and ch not in _CONTROL_OK or ch == "\x7f")
    return bad > max(2, len(sample) // 100)


def _legacy_vietnamese(data: bytes) -> str | None:
    """'VNI' or 'TCVN3' when the bytes look like one of those font encodings."""
    latin = data[:262144].decode("latin-1")
    words = max(1, len(_WORD.findall(latin)))
    vni = len(_VNI.findall(latin))
    tcvn = len(_TCVN3.findall(latin))
    if vni >= 3 and vni >= 0.05 * words and vni >= tcvn:
        return "VNI"
    if tcvn >= 3 and tcvn >= 0.08 * words:
        return "TCVN3"
    return None


def _vietnamese_score(text: str) -> tuple[int, int]:
    """(Vietnamese letters outside Latin-1, combining marks left uncomposed) after NFC."""
    nfc = unicodedata.normalize("NFC", text)
    letters = 0
    loose = 0
    for ch in nfc:
        o = ord(ch)
        if o < 0x100:
            continue
        if ch in "đĐ" or 0x1EA0 <= o <= 0x1EF9 or ch in "ăĂơƠưƯĩĨũŨ":
            letters += 1
        elif unicodedata.combining(ch):
            loose += 1
    return letters, loose


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, *, path: str | None = None, encoding: str | None = None) -> Decoded:
    """Decode a whole file's bytes; raise :class:`FormatError` naming ``path`` when it is not text.

    The text is returned raw: a BOM is removed, but CRLF and decomposed characters are kept so
    offsets given on the file's characters still apply (see :func:`annotator.textnorm.normalize`).
    """
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise FormatError(f"unknown encoding {encoding!r}", path=path) from None
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise FormatError(
                f"byte {exc.start} is not valid {encoding} ({exc.reason})", path=path, line=line
            ) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        if _too_many_controls(text):
            raise _binary("it holds control characters or NUL bytes", path)
        return Decoded(text, encoding)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary(f"it is {what}", path)
    bom = _bom(data)
    if bom:
        text_or_none = _try(data, bom)
        if text_or_none is None:
            raise FormatError(f"the file starts with a {bom} byte-order mark but is not valid {bom}", path=path)
        if bom == "utf-8-sig" and _too_many_controls(text_or_none):
            raise _binary("it holds control characters or NUL bytes", path)
        return Decoded(text_or_none, bom)
    if b"\x00" in data:
        enc16 = _utf16_without_bom(data)
        if enc16:
            text16 = _try(data, enc16)
            if text16 is not None and not _too_many_controls(text16):
                return Decoded(text16, enc16, guessed=True)
        raise _binary("it holds NUL bytes", path)
    utf8 = _try(data, "utf-8")
    if utf8 is not None:
        if _too_many_controls(utf8):
            raise _binary("it holds control characters", path)
        return Decoded(utf8, "utf-8")
    legacy = _legacy_vietnamese(data)
    if legacy:
        raise FormatError(
            f"the text looks like the legacy Vietnamese {legacy} encoding, which cannot be decoded "
            f"reliably; convert the file to Unicode (UTF-8) first, e.g. with UniKey's converter",
            path=path,
        )
    candidates: list[tuple[str, str]] = []
    cp1258 = _try(data, "cp1258")
    if cp1258 is not None:
        letters, loose = _vietnamese_score(cp1258)
        if letters and loose <= letters // 20:
            candidates.append(("cp1258", cp1258))
    if not candidates:
        # For a Vietnamese/English tool a legacy single-byte file is most likely Windows-1252;
        # charset-normalizer is trusted over it only for multi-byte (CJK) guesses, where its
        # statistics are reliable, or when Windows-1252 cannot decode the bytes at all.
        guess = _charset_normalizer_guess(data)
        order = [guess, "cp1252"] if guess and _multibyte(guess) else ["cp1252", guess, "cp1258"]
        for enc_c in order:
            if enc_c:
                text_c = _try(data, enc_c)
                if text_c is not None:
                    candidates.append((enc_c, text_c))
    for enc, text in candidates:
        if not _too_many_controls(text):
            return Decoded(text, enc, guessed=True)
    raise _binary("its bytes are not text in UTF-8, UTF-16 or a known legacy encoding", path)


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[:262144]).best()
    if best is None:
        return None
    enc = best.encoding
    return None if enc.startswith("utf_16") or enc.startswith("utf_32") else enc


_MULTIBYTE = ("gb", "big5", "shift_jis", "cp932", "euc", "cp949", "iso2022", "johab", "hz", "cp950")


def _multibyte(enc: str) -> bool:
    try:
        name = codecs.lookup(enc).name
    except LookupError:
        return False
    return name.startswith(_MULTIBYTE)


def sniff_encoding(head: bytes, *, path: str | None = None) -> str:
    """The codec to stream a file with, judged from its first bytes (up to ~256 KB).

    UTF-8 is accepted when the head decodes (a multi-byte character cut at the end of the
    head is allowed); otherwise :func:`decode_bytes` decides on the head alone.
    """
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise _binary(f"it is {what}", path)
    bom = _bom(head)
    if bom:
        return bom
    if b"\x00" not in head:
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            dec.decode(head, final=False)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    return decode_bytes(head, path=path).encoding
