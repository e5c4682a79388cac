"""Bytes to text: BOMs, UTF-16 without BOM, Arabic legacy code pages, and binary refusal.

>>> decode_bytes("سوريا".encode("cp1256"), "a.txt")
'سوريا'
"""

from __future__ import annotations

import codecs
import logging
import unicodedata

import charset_normalizer

from akhbar.errors import InputError

__all__ = ["decode_bytes", "normalize_newlines"]

logger = logging.getLogger(__name__)

_FIX = "pass a text, HTML or JSONL file"

# Magic numbers of formats people rename by mistake (a scanned page saved as .txt ...).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Arabic legacy code pages, tried in this order when the bytes are not UTF-8.
_LEGACY = ("cp1256", "iso-8859-6")
# How many leading bytes the sniffers look at; enough for a reliable vote, cheap on 50 MB.
_SNIFF_BYTES = 64 * 1024
# In UTF-16 text the high byte of each unit is 0x00 (ASCII) or 0x06 (Arabic) nearly always.
_UTF16_HIGH_BYTES = frozenset({0x00, 0x06})
_UTF16_MIN_SHARE = 0.6
# Above this share of control characters a decoding is not text.
_MAX_CONTROL_SHARE = 0.05
# Bad UTF-8 sequences a file may hold and still be read as UTF-8: one per this many good
# multibyte characters (an Arabic article has thousands).
_MIN_GOOD_PER_BAD = 50
# Text has a space at least every 25 characters (Arabic news: one every 5 or 6).
_MIN_SPACE_SHARE = 0.04
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` to text with ``\\n`` newlines.

    Raises :class:`InputError` for empty input and for binary data.
    """
    if not data.strip():
        raise InputError(source, "file is empty; pass a file that holds an article")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"looks like binary data ({kind}), not text; {_FIX}")
    text = _decode(data, source)
    text = normalize_newlines(text).removeprefix("\ufeff")
    if not text.strip():
        raise InputError(source, "file is empty; pass a file that holds an article")
    if _control_share(text[:_SNIFF_BYTES]) > _MAX_CONTROL_SHARE:
        raise InputError(
            source, f"looks like binary data (mostly control characters), not text; {_FIX}"
        )
    return text


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, source)
    utf16 = _sniff_utf16(data[:_SNIFF_BYTES])
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            logger.debug("%s: NUL pattern suggested %s but it does not decode", source, utf16)
    if b"\x00" in data:
        raise InputError(source, f"looks like binary data (NUL bytes), not text; {_FIX}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    repaired = _mostly_utf8(data)
    if repaired is not None:
        text, bad = repaired
        logger.warning(
            "%s: not valid UTF-8 at byte %d (%d bad byte sequence(s) replaced with U+FFFD); "
            "read as UTF-8",
            source,
            first_bad,
            bad,
        )
        return text
    return _decode_legacy(data, source)


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes (a scraper's cut, one stray byte) and the number of bad
    sequences, or None when the bytes are another encoding: Windows-1256 Arabic read as
    UTF-8 breaks on nearly every letter, while one bad byte among a UTF-8 file's thousands
    of letters is damage, not an encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(text) - sum(char.isascii() for char in text) - bad
    return (text, bad) if bad * _MIN_GOOD_PER_BAD <= multibyte else None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            source,
            f"starts with a {encoding} byte-order mark but is not valid {encoding} "
            f"(byte {error.start}); re-save the file as UTF-8",
        ) from error


def _sniff_utf16(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when one byte parity is nearly all 0x00/0x06 high bytes."""
    if len(head) < 4 or b"\x00" not in head:
        return None
    even = head[0::2]
    odd = head[1::2]
    even_share = sum(byte in _UTF16_HIGH_BYTES for byte in even) / len(even)
    odd_share = sum(byte in _UTF16_HIGH_BYTES for byte in odd) / len(odd)
    if odd_share >= _UTF16_MIN_SHARE and even_share < 1 - _UTF16_MIN_SHARE:
        return "utf-16-le"
    if even_share >= _UTF16_MIN_SHARE and odd_share < 1 - _UTF16_MIN_SHARE:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, source: str) -> str:
    """Pick the decoding whose text is most Arabic; charset-normalizer breaks no ties.

    charset-normalizer alone confuses cp1256, iso-8859-6, cp1252 and koi8 on short Arabic
    texts, so the Arabic code pages are tried first and kept when they read as Arabic.
    """
    candidates: list[tuple[float, int, str, str]] = []
    for rank, encoding in enumerate(_LEGACY):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            candidates.append((_arabic_share(text), -rank, encoding, text))
    best = max(candidates, default=None)
    if best is not None and best[0] >= 0.5:
        logger.debug("%s: decoded as %s (Arabic share %.2f)", source, best[2], best[0])
        return best[3]
    guess = charset_normalizer.from_bytes(data).best()
    if guess is not None and _reads_as_text(str(guess)):
        logger.debug("%s: decoded as %s (charset-normalizer)", source, guess.encoding)
        return str(guess)
    if best is not None:
        return best[3]
    raise InputError(
        source,
        "is not text in UTF-8, Windows-1256 or any encoding akhbar knows (binary data?); "
        "re-save the file as UTF-8",
    )


def _reads_as_text(text: str) -> bool:
    """Words with spaces between them: any byte decodes in Windows-1256, random bytes too,
    but only text puts a space between its words."""
    head = text[:_SNIFF_BYTES]
    return bool(head) and sum(char.isspace() for char in head) >= _MIN_SPACE_SHARE * len(head)


def _arabic_share(text: str) -> float:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 0.0
    arabic = sum("\u0600" <= char <= "\u06ff" for char in letters)
    return arabic / len(letters)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS for char in text
    )
    return controls / len(text)
