"""decode_bytes: every encoding Arabic news files arrive in, and binary refusal."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.errors import InputError
from akhbar.ingest import decode_bytes

SEEDS = Path(__file__).parent.parent / "examples" / "seeds"
SEED_002 = (SEEDS / "002_408b543a26764ddd.txt").read_text(encoding="utf-8")
SHORT = "بوتين يهاتف الشرع"  # short texts are where charset guessers go wrong
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6"]
)
@pytest.mark.parametrize("text", [SEED_002, SHORT], ids=["seed002", "short"])
def test_round_trip_each_encoding(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding), "a.txt") == text


def test_utf16_bom_is_not_left_in_text() -> None:
    data = codecs.BOM_UTF16_LE + SHORT.encode("utf-16-le")
    assert decode_bytes(data, "a.txt") == SHORT


def test_newlines_normalised() -> None:
    assert decode_bytes("سطر\r\nسطر ثان\rثالث".encode("cp1256"), "a.txt") == "سطر\nسطر ثان\nثالث"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8 + b"\n "])
def test_empty_refused(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "empty.txt")
    assert str(caught.value) == "empty.txt: file is empty; pass a file that holds an article"


def test_png_refused() -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(PNG + bytes(range(256)), "photo.txt")
    assert str(caught.value) == (
        "photo.txt: looks like binary data (PNG image), not text; pass a text, HTML or JSONL file"
    )


def test_nul_bytes_refused() -> None:
    with pytest.raises(InputError, match=r"^x\.txt: looks like binary data \(NUL bytes\)"):
        decode_bytes(b"\x13\x00\x00\x7f\xfe\x00abc\x00\x00\x00\x91", "x.txt")


def test_control_characters_refused() -> None:
    with pytest.raises(InputError, match=r"mostly control characters"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"abc", "x.txt")


@given(st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1))
def test_arabic_letters_survive_utf8_and_utf16(letters: str) -> None:
    text = f"خبر {letters}"
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-16"):
        assert decode_bytes(text.encode(encoding), "p.txt") == text
