"""Ingest: files, folders, JSONL and stdin in; clean :class:`~akhbar.model.Article` out.

>>> from akhbar.ingest import ingest
>>> result = ingest(["examples/seeds"])          # doctest: +SKIP
>>> result.articles[0].title                      # doctest: +SKIP
'في رسالة إلى الرئيس الشرع.. بوتين يدعو إلى تعزيز التعاون مع سوريا'
"""

from __future__ import annotations

import logging

from akhbar.ingest.article import build_article
from akhbar.ingest.config import IngestConfig
from akhbar.ingest.encoding import decode_bytes
from akhbar.ingest.repeated import learn_repeated_lines, strip_repeated_lines
from akhbar.ingest.run import build_item, duplicate_id, ingest
from akhbar.ingest.sources import iter_documents

__all__ = [
    "IngestConfig",
    "build_article",
    "build_item",
    "decode_bytes",
    "duplicate_id",
    "ingest",
    "iter_documents",
    "learn_repeated_lines",
    "strip_repeated_lines",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
