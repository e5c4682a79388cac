"""Background document frequencies shipped in the package (built by
``scripts/build_background_df.py`` from the ANT corpus), so IDF weights do not depend on
how many articles one run happens to read.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from akhbar.errors import ConfigError

__all__ = ["BACKGROUND_PATH", "BackgroundFrequencies", "load_background"]

BACKGROUND_PATH = Path(__file__).parent / "data" / "background_df.tsv.gz"


@dataclass(frozen=True)
class BackgroundFrequencies:
    documents: int
    frequencies: dict[str, int]


@cache
def load_background(path: Path = BACKGROUND_PATH) -> BackgroundFrequencies:
    """Read the background table; a missing or broken file is a ConfigError naming the fix."""
    fix = "rebuild it with: python scripts/build_background_df.py"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            documents = 0
            frequencies: dict[str, int] = {}
            for line in lines:
                if line.startswith("#documents\t"):
                    documents = int(line.split("\t")[1])
                elif line.strip() and not line.startswith("#"):
                    key, df = line.rstrip("\n").split("\t")
                    frequencies[key] = int(df)
    except (OSError, ValueError, EOFError) as error:
        raise ConfigError(
            f"background frequencies {path} cannot be read ({error}); {fix}"
        ) from None
    if documents <= 0:
        raise ConfigError(f"background frequencies {path} has no '#documents' row; {fix}")
    return BackgroundFrequencies(documents=documents, frequencies=frequencies)
