"""Options for reading inputs, with the calibration behind each default."""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.errors import ConfigError

__all__ = ["DEFAULT_CONFIG", "DEFAULT_MAX_BYTES", "IngestConfig"]

# 20 MiB: the longest single article in ANT is under 100 KB and a saved news page with
# inline scripts is rarely over 5 MB, so anything bigger is almost surely not one article
# (a dump, a video renamed .html). JSONL files may be larger: the limit applies per line.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A whole JSONL file or stream, decompressed: all of ANT (31,525 articles) is 0.13 GiB.
DEFAULT_MAX_JSONL_BYTES = 16 * 1024**3

# Repeated-line learning, calibrated on ANT (31.5k articles, 5 outlets):
# - BBC's app-notice footer sits in ~22% of BBC articles (two spellings, ~11% each), the
#   Al Arabiya op-ed disclaimer in 7%; real sentences recur in at most ~0.6% of an outlet's
#   articles (CNN background paragraphs: 10-21 of 3,507). A 5% share separates the two.
# - Small runs: at least 5 distinct articles, so a headline or quote that two or three
#   articles of one outlet share is never removed.
# - Footers and headers sit in the first/last 3 non-blank lines (863 of 867 BBC footers are
#   the last line); only those lines are counted and stripped, so a background paragraph that
#   recurs mid-article stays.
DEFAULT_REPEATED_MIN_ARTICLES = 5
DEFAULT_REPEATED_MIN_SHARE = 0.05
DEFAULT_REPEATED_EDGE_LINES = 3


@dataclass(frozen=True)
class IngestConfig:
    """How inputs are read.

    ``max_bytes``: files (and JSONL lines, and stdin) larger than this are refused before
    they are read, so memory stays bounded; raise it for unusually large inputs.
    ``max_jsonl_bytes``: what one JSONL file or stream may decompress to in all (a gzip of
    endless blank lines ends there); it is read line by line, so this bounds time, not
    memory.
    ``learn_repeated``: learn each outlet's recurring header/footer lines over a run and move
    them to boilerplate (reason ``repeated``); the other three fields tune that learning.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_jsonl_bytes: int = DEFAULT_MAX_JSONL_BYTES
    learn_repeated: bool = True
    repeated_min_articles: int = DEFAULT_REPEATED_MIN_ARTICLES
    repeated_min_share: float = DEFAULT_REPEATED_MIN_SHARE
    repeated_edge_lines: int = DEFAULT_REPEATED_EDGE_LINES

    def __post_init__(self) -> None:
        if self.max_bytes < 1 or self.max_jsonl_bytes < 1:
            raise ConfigError(
                f"max_bytes={self.max_bytes} and max_jsonl_bytes={self.max_jsonl_bytes}: "
                "must be positive numbers of bytes"
            )
        if self.repeated_min_articles < 2:
            raise ConfigError(
                f"repeated_min_articles={self.repeated_min_articles}: must be at least 2 "
                "(a line seen in one article is not repeated)"
            )
        if not 0.0 < self.repeated_min_share <= 1.0:
            raise ConfigError(
                f"repeated_min_share={self.repeated_min_share}: must be in (0, 1], e.g. 0.05"
            )
        if self.repeated_edge_lines < 1:
            raise ConfigError(f"repeated_edge_lines={self.repeated_edge_lines}: must be at least 1")


# The defaults, shared as argument defaults (a frozen value, so sharing is safe).
DEFAULT_CONFIG = IngestConfig()
