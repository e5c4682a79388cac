"""Write each story's provenance graph of a JSON report as GraphML, one file per story.

    .venv/bin/python scripts/provenance_graphml.py REPORT.json OUTDIR

Files are named after the story id (``story-001.graphml``); open them in Gephi, yEd or
``networkx.read_graphml``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from akhbar.codec import from_data
from akhbar.model import ProvenanceGraph
from akhbar.story.provenance import provenance_graphml

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    report, outdir = Path(argv[0]), Path(argv[1])
    document = json.loads(report.read_text(encoding="utf-8"))
    outdir.mkdir(parents=True, exist_ok=True)
    for story in document["stories"]:
        if not story.get("provenance"):
            continue
        path = outdir / f"{_UNSAFE.sub('_', story['id'])}.graphml"
        path.write_text(
            provenance_graphml(from_data(ProvenanceGraph, story["provenance"])), "utf-8"
        )
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
