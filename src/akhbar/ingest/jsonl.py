"""JSON Lines input: one article a line, ``{"id","outlet","date","title","url","text"|"html"}``.

Lines are read one at a time (also from ``.jsonl.gz``), so a large file never sits in memory.
A broken line becomes a :class:`SkippedInput` and the next line is read.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from types import MappingProxyType
from typing import IO, Any

from akhbar.errors import InputError
from akhbar.model import InputKind, RawDocument, SkippedInput

__all__ = ["CONTRACT_KEYS", "document_from_record", "read_jsonl_lines"]

logger = logging.getLogger(__name__)

CONTRACT_KEYS = ("id", "outlet", "date", "title", "url", "text", "html")
_STRING_KEYS = ("outlet", "date", "title", "url")
_CHUNK = 1 << 20


def read_jsonl_lines(
    stream: IO[bytes],
    source: str,
    *,
    max_bytes: int,
    max_total: int | None = None,
    kind: InputKind = "jsonl",
    first: int = 1,
) -> Iterator[RawDocument | SkippedInput]:
    """Yield one document (or skip) per non-blank line of ``stream``; ``first`` numbers lines.

    ``max_bytes`` bounds a line; ``max_total`` (default: no bound) the whole stream as read
    (a gzip's decompressed bytes): past it the rest is one skip, and what was read before
    it is kept."""
    number = first - 1
    total = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        where = f"{source}:{number}"
        total += len(raw)
        if max_total is not None and total > max_total:
            yield SkippedInput(where, _too_much(max_total))
            return
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield SkippedInput(where, _too_long(max_bytes))
            continue
        if not raw.strip():
            continue
        try:
            yield document_from_line(raw, where, kind)
        except InputError as error:
            yield SkippedInput(where, error.problem)


def _too_much(max_total: int) -> str:
    return (
        f"file holds more than the {max_total / 2**30:g} GiB limit (decompressed); this line "
        "and the rest were not read. Split the file or raise the limit "
        "(IngestConfig.max_jsonl_bytes)"
    )


def load_json_line(line: str, where: str) -> Any:
    """One line of JSON; a broken or absurdly nested one raises :class:`InputError`."""
    try:
        record = json.loads(line)
        return _without_lone_surrogates(record, where) if "\\u" in line else record
    except json.JSONDecodeError as error:
        raise InputError(
            where, f"line is not valid JSON ({error.msg}, column {error.colno}); fix or drop it"
        ) from error
    except RecursionError:
        # json recurses once per level: thousands of levels are no article, and would
        # take the whole run down with them.
        raise InputError(
            where, "line is JSON nested deeper than a reader allows (no article is); drop it"
        ) from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value: Any, where: str) -> Any:
    """``value`` with each lone surrogate (an escaped emoji a scraper cut in half: "\\ud83d")
    replaced by U+FFFD, which every later stage can encode; pairs were joined by json."""
    if isinstance(value, str):
        if _SURROGATE.search(value) is None:
            return value
        logger.warning("%s: a character cut in half (lone surrogate) replaced with U+FFFD", where)
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item, where) for item in value]
    if isinstance(value, dict):
        return {
            _without_lone_surrogates(key, where): _without_lone_surrogates(item, where)
            for key, item in value.items()
        }
    return value


def document_from_line(raw: bytes, where: str, kind: InputKind) -> RawDocument:
    try:
        line = raw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError as error:
        raise InputError(
            where, f"line is not valid UTF-8 (byte {error.start}); JSONL must be UTF-8"
        ) from error
    record = load_json_line(line, where)
    if not isinstance(record, dict):
        raise InputError(
            where, f"line is JSON {type(record).__name__}, not an object; write one object a line"
        )
    return document_from_record(record, where, kind)


def document_from_record(record: dict[str, Any], where: str, kind: InputKind) -> RawDocument:
    """A :class:`RawDocument` from one decoded JSON object; unknown keys go to ``metadata``."""
    text, html = record.get("text"), record.get("html")
    if text is None and html is None and not (isinstance(record.get("title"), str)):
        raise InputError(
            where,
            'missing "text" (or "html") and "title"; every line needs the article body, '
            "or at least its title",
        )
    for key, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(where, f'"{key}" is {type(value).__name__}, not a string')
    fields = {key: _as_string(record.get(key), key, where) for key in _STRING_KEYS}
    raw_id = record.get("id")
    doc_id = None if raw_id is None else str(raw_id)
    metadata = {key: value for key, value in record.items() if key not in CONTRACT_KEYS}
    return RawDocument(
        source=where,
        kind=kind,
        text=text if text is not None else None,
        html=html if text is None else None,
        id=doc_id,
        metadata=MappingProxyType(metadata),
        **fields,
    )


def _as_string(value: Any, key: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    logger.warning("%s: %r is %s, read as a string", where, key, type(value).__name__)
    return str(value)


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _too_long(max_bytes: int) -> str:
    return (
        f"line is over the {max_bytes:,}-byte limit; raise --max-bytes (IngestConfig.max_bytes) "
        "to read it"
    )
