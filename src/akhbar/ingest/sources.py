"""Where documents come from: files, folders, ``.jsonl(.gz)`` and stdin, one at a time.

Nothing here cleans text; it decodes, sniffs the format and hands over a
:class:`RawDocument` (or a :class:`SkippedInput` naming the problem and the fix).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import IO

from akhbar.errors import InputError
from akhbar.ingest.config import DEFAULT_CONFIG, IngestConfig
from akhbar.ingest.encoding import decode_bytes
from akhbar.ingest.html import looks_like_html
from akhbar.ingest.jsonl import document_from_line, read_jsonl_lines
from akhbar.model import RawDocument, SkippedInput

__all__ = ["READ_SUFFIXES", "iter_documents"]

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
READ_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

Item = RawDocument | SkippedInput


def iter_documents(
    paths: Sequence[str],
    *,
    config: IngestConfig = DEFAULT_CONFIG,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Yield every document under ``paths`` in order, streaming; ``-`` reads ``stdin``.

    Folders are walked in sorted order, hidden entries skipped, unknown extensions ignored;
    a file named explicitly is read whatever its extension (sniffed as HTML or text).
    Two files with the same stem get distinct ids: the second gets ``-`` and 8 hex digits
    of its content hash.
    """
    stems: set[str] = set()
    for path in paths:
        if path == "-":
            items = _read_stdin(stdin if stdin is not None else sys.stdin.buffer, config)
        elif os.path.isdir(path):
            items = _read_folder(path, config)
        elif os.path.exists(path):
            items = _read_file(path, config, explicit=True)
        else:
            items = iter([SkippedInput(path, "no such file or directory; check the path")])
        for item in items:
            yield _unique_id(_printable(item), stems)


def _printable(item: Item) -> Item:
    """A file name that is not UTF-8 (a Windows zip's) named by its bytes: ``\\xe4.txt``. The
    OS gave it back with surrogate escapes, which no report, store or terminal can write;
    control characters likewise."""
    source = _escaped(item.source)
    if isinstance(item, SkippedInput):
        return item if source == item.source else replace(item, source=source)
    article_id = None if item.id is None else _escaped(item.id)
    if source == item.source and article_id == item.id:
        return item
    return replace(item, source=source, id=article_id)


def _escaped(name: str) -> str:
    """``name`` with bytes that are not UTF-8 and control characters (an escape sequence in
    a file name would recolour the terminal) written as escapes."""
    if name.isprintable():
        return name
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)


def _unique_id(item: Item, stems: set[str]) -> Item:
    if not isinstance(item, RawDocument) or item.kind not in ("txt", "html") or item.id is None:
        return item
    if item.id not in stems:
        stems.add(item.id)
        return item
    content = (item.text if item.text is not None else item.html or "").encode("utf-8")
    new_id = f"{item.id}-{hashlib.sha1(content).hexdigest()[:8]}"
    logger.info("%s: id %r already used in this run; using %r", item.source, item.id, new_id)
    stems.add(new_id)
    return replace(item, id=new_id)


def _read_folder(folder: str, config: IngestConfig) -> Iterator[Item]:
    read_any = False
    for path in _walk(folder):
        if isinstance(path, SkippedInput):
            yield path
            continue
        if not _regular(path):
            # Opening a FIFO waits for a writer that may never come; a socket or a device
            # is no article.
            yield SkippedInput(
                path, "is not a regular file (a FIFO, socket or device); name it to read it"
            )
            continue
        for item in _read_file(path, config, explicit=False):
            read_any = read_any or isinstance(item, RawDocument)
            yield item
    if not read_any:
        yield SkippedInput(
            folder,
            "folder has no readable article; put .txt, .html or .jsonl files in it",
        )


def _regular(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # _read_file reports why it cannot be read


def _walk(folder: str) -> Iterator[str | SkippedInput]:
    """Files to read under ``folder``, and a skip for each subfolder that cannot be listed
    (no permission, gone meanwhile): its articles are missing, and the run says so."""
    unlisted: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unlisted.append):
        while unlisted:
            yield _unlisted(unlisted.pop(0))
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(READ_SUFFIXES):
                yield os.path.join(root, name)
    for error in unlisted:
        yield _unlisted(error)


def _unlisted(error: OSError) -> SkippedInput:
    return SkippedInput(
        str(error.filename), f"folder cannot be listed ({error.strerror or error}); check it"
    )


def _read_file(path: str, config: IngestConfig, *, explicit: bool) -> Iterator[Item]:
    name = os.path.basename(path).lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from _read_jsonl_file(path, config)
            return
        text = decode_bytes(_read_bounded(path, config.max_bytes), path)
    except InputError as error:
        yield SkippedInput(path, error.problem)
        return
    except OSError as error:
        yield SkippedInput(path, f"cannot be read ({error.strerror or error}); check it")
        return
    if _is_akhbar_report(text):
        yield SkippedInput(
            path, "is a report akhbar wrote, not an article; keep reports out of input folders"
        )
        return
    stem = _stem(os.path.basename(path))
    if name.endswith(HTML_SUFFIXES) or (not name.endswith(TEXT_SUFFIXES) and looks_like_html(text)):
        yield RawDocument(source=path, kind="html", html=text, id=stem)
    else:
        yield RawDocument(source=path, kind="txt", text=text, id=stem)


def _is_akhbar_report(text: str) -> bool:
    """An HTML or Markdown report akhbar wrote (its generator tag, or its title and schema
    line): analysing a folder again must not read last run's report as an article."""
    head = text[:4096]
    if '<meta name="generator" content="akhbar ' in head:
        return True
    return head.startswith("# تقرير الأخبار (akhbar report)") and "akhbar.report/" in head


def _stem(name: str) -> str:
    """File name without its extension: ``000_a07f516d440c7618.txt`` -> ``000_a07f516d440c7618``."""
    base, dot, _ = name.rpartition(".")
    return base if dot and base else name


def _read_bounded(path: str, max_bytes: int) -> bytes:
    size = os.stat(path).st_size
    if size > max_bytes:
        raise InputError(path, _too_big(size, max_bytes))
    with open(path, "rb") as stream:  # a pipe's size is 0: read one byte past the limit
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(path, _too_big(None, max_bytes))
    return data


def _too_big(size: int | None, max_bytes: int) -> str:
    what = f"is {size / 2**20:.1f} MiB" if size is not None else "is larger than the limit"
    return (
        f"file {what}, over the {max_bytes / 2**20:g} MiB limit; split it or raise the limit "
        "(akhbar --max-bytes 104857600, or IngestConfig(max_bytes=100 * 2**20))"
    )


def _read_jsonl_file(path: str, config: IngestConfig) -> Iterator[Item]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            yield from read_jsonl_lines(
                stream, path, max_bytes=config.max_bytes, max_total=config.max_jsonl_bytes
            )
    except (OSError, EOFError) as error:  # a truncated or non-gzip .gz raises mid-stream
        yield SkippedInput(path, f"cannot be read as JSONL ({error}); check the file")


def _read_stdin(stream: IO[bytes], config: IngestConfig) -> Iterator[Item]:
    head = b""
    number = 0
    while not head.strip():
        line = stream.readline(config.max_bytes + 1)
        if not line:
            yield SkippedInput("-", "standard input is empty; pipe an article or JSONL into it")
            return
        head += line
        number += 1
    if _is_json_object(line):
        try:
            yield document_from_line(line, f"-:{number}", "jsonl")
        except InputError as error:
            yield SkippedInput(f"-:{number}", error.problem)
        yield from read_jsonl_lines(
            stream,
            "-",
            max_bytes=config.max_bytes,
            max_total=config.max_jsonl_bytes,
            first=number + 1,
        )
        return
    rest = stream.read(max(config.max_bytes - len(head), 0) + 1)
    if len(head) + len(rest) > config.max_bytes:
        yield SkippedInput("-", _too_big(None, config.max_bytes))
        return
    try:
        text = decode_bytes(head + rest, "-")
    except InputError as error:
        yield SkippedInput("-", error.problem)
        return
    if looks_like_html(text):
        yield RawDocument(source="-", kind="stdin", html=text)
    else:
        yield RawDocument(source="-", kind="stdin", text=text)


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.decode("utf-8-sig")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False
