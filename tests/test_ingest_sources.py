"""iter_documents / ingest: files, folders, JSONL, stdin, limits; bad inputs never stop others."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from akhbar.ingest import IngestConfig, ingest, iter_documents
from akhbar.model import RawDocument, SkippedInput

SEEDS = Path(__file__).parent.parent / "examples" / "seeds"
SEED_004 = (SEEDS / "004_c80ef43e0c326550.txt").read_text(encoding="utf-8")
SEED_001 = (SEEDS / "001_a72c5b70b15c2776.txt").read_text(encoding="utf-8")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_photo.txt").write_bytes(PNG + b"\x00" * 64)
    (folder / "c_win.txt").write_bytes(SEED_004.encode("cp1256"))
    (folder / "d_iso.txt").write_bytes(SEED_004.splitlines()[4].encode("iso-8859-6"))
    (folder / "e_utf16.txt").write_bytes(SEED_004.encode("utf-16"))
    (folder / "f_utf16nobom.txt").write_bytes(SEED_004.encode("utf-16-le"))
    (folder / "g_bom.txt").write_bytes(SEED_004.encode("utf-8-sig"))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 skipped silently")
    (folder / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    return folder


def test_folder_bad_files_skipped_with_reason_others_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = ingest([str(folder)])
    assert [f"{skip.source}: {skip.reason}" for skip in result.skipped] == [
        f"{folder}/a_empty.txt: file is empty; pass a file that holds an article",
        f"{folder}/b_photo.txt: looks like binary data (PNG image), not text; "
        "pass a text, HTML or JSONL file",
    ]
    assert [article.id for article in result.articles] == [
        "c_win",
        "d_iso",
        "e_utf16",
        "f_utf16nobom",
        "g_bom",
    ]
    for article in result.articles:
        if article.id != "d_iso":
            assert article.text == SEED_004.replace("\n\n\n", "\n\n")
            assert article.title == SEED_004.splitlines()[0]
    assert result.articles[1].text == SEED_004.splitlines()[4]


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "image.png").write_bytes(PNG)
    good = tmp_path / "004.txt"
    good.write_text(SEED_004, encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    result = ingest([missing, str(empty), str(good)])
    assert result.skipped == (
        SkippedInput(missing, "no such file or directory; check the path"),
        SkippedInput(
            str(empty), "folder has no readable article; put .txt, .html or .jsonl files in it"
        ),
    )
    assert [article.id for article in result.articles] == ["004"]


def test_size_limit_refuses_then_reads_when_raised(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = (SEED_004.splitlines()[4] + "\n").encode("utf-8")
    with big.open("wb") as stream:
        for _ in range(50 * 2**20 // len(paragraph) + 1):
            stream.write(paragraph)
    result = ingest([str(big), str(SEEDS / "004_c80ef43e0c326550.txt")])
    assert result.skipped[0] == SkippedInput(
        str(big),
        "file is 50.0 MiB, over the 20 MiB limit; split it or raise the limit "
        "(akhbar --max-bytes 104857600, or IngestConfig(max_bytes=100 * 2**20))",
    )
    assert [article.id for article in result.articles] == ["004_c80ef43e0c326550"]
    docs = list(iter_documents([str(big)], config=IngestConfig(max_bytes=60 * 2**20)))
    assert len(docs) == 1 and isinstance(docs[0], RawDocument)
    assert docs[0].text is not None and len(docs[0].text) > 25 * 2**20


def _jsonl_lines() -> list[str]:
    good = {
        "id": "ant:1",
        "outlet": "CNN",
        "date": "Sun, 18 Feb 2018 21:35:43 +0400",
        "title": "عنوان",
        "url": "https://arabic.cnn.com/x",
        "text": SEED_004,
        "category": "x",
    }
    return [
        json.dumps(good, ensure_ascii=False),
        '{"id": "ant:2", "text": "نص مكسور',
        json.dumps({"id": "ant:3", "url": "https://arabic.cnn.com/3"}, ensure_ascii=False),
        "",
        json.dumps({"id": 4, "text": ""}),
        json.dumps({**good, "id": "ant:5", "date": "أمس"}, ensure_ascii=False),
    ]


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_jsonl_broken_and_missing_text_lines(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"feed{suffix}"
    data = ("\n".join(_jsonl_lines()) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    result = ingest([str(path)])
    assert [f"{skip.source}: {skip.reason}" for skip in result.skipped] == [
        f"{path}:2: line is not valid JSON (Unterminated string starting at, column 25); "
        "fix or drop it",
        f'{path}:3: missing "text" (or "html") and "title"; every line needs the article '
        "body, or at least its title",
        f"{path}:5: text is empty; give the article body in the input",
    ]
    first, fifth = result.articles
    assert (first.id, first.source, first.title, first.outlet) == (
        "ant:1",
        f"{path}:1",
        "عنوان",
        "CNN",
    )
    assert (
        first.published is not None and first.published.isoformat() == "2018-02-18T21:35:43+04:00"
    )
    assert (first.published_source, dict(first.metadata)) == ("input", {"category": "x"})
    assert (fifth.id, fifth.published, fifth.published_source) == ("ant:5", None, "unknown")


def test_stdin_jsonl_text_and_html() -> None:
    lines = "\n\n" + "\n".join(_jsonl_lines()[:2]) + "\n"
    items = list(iter_documents(["-"], stdin=io.BytesIO(lines.encode("utf-8"))))
    assert [type(item).__name__ for item in items] == ["RawDocument", "SkippedInput"]
    assert (items[0].source, items[1].source) == ("-:3", "-:4")
    text_items = list(iter_documents(["-"], stdin=io.BytesIO(SEED_001.encode("cp1256"))))
    assert text_items == [RawDocument(source="-", kind="stdin", text=SEED_001)]
    html = "<!DOCTYPE html><html><body><p>نص</p></body></html>"
    html_items = list(iter_documents(["-"], stdin=io.BytesIO(html.encode("utf-8"))))
    assert html_items == [RawDocument(source="-", kind="stdin", html=html)]


def test_stdin_text_gets_content_hash_id() -> None:
    result = ingest_stdin(SEED_004)
    assert (
        result.id
        == "sha1:" + __import__("hashlib").sha1(result.text.encode("utf-8")).hexdigest()[:16]
    )


def ingest_stdin(text: str):  # small helper: stdin through the public pieces
    from akhbar.ingest import build_article

    (doc,) = iter_documents(["-"], stdin=io.BytesIO(text.encode("utf-8")))
    assert isinstance(doc, RawDocument)
    return build_article(doc)


def test_same_stem_gets_hash_suffix_and_unknown_extension_sniffed(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "x.txt").write_text(SEED_004, encoding="utf-8")
    (tmp_path / "two" / "x.txt").write_text(SEED_001, encoding="utf-8")
    page = tmp_path / "page.dat"
    page.write_text(
        "<html><body><article><p>" + SEED_004.splitlines()[4] + "</p></article></body></html>",
        encoding="utf-8",
    )
    items = list(iter_documents([str(tmp_path / "one"), str(tmp_path / "two"), str(page)]))
    suffix = __import__("hashlib").sha1(SEED_001.encode("utf-8")).hexdigest()[:8]
    assert [(item.id, item.kind) for item in items] == [
        ("x", "txt"),
        (f"x-{suffix}", "txt"),
        ("page", "html"),
    ]
