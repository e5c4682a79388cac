"""A store's location as messages show it: a database URL never shows its password."""

from __future__ import annotations

import urllib.parse

__all__ = ["redact"]


def redact(url: str) -> str:
    """``url`` without its password, for messages and :attr:`ArticleStore.location`.

    >>> redact("postgresql://akhbar:secret@db.example:5432/news?password=x&sslmode=require")
    'postgresql://akhbar@db.example:5432/news?sslmode=require'
    """
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{host}" if user else host
    query = urllib.parse.urlencode(
        [
            (key, value)
            for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if key != "password"
        ]
    )
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
