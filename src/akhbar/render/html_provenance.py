"""A story's provenance graph drawn as inline SVG: outlets, media, primary sources.

Three columns in reading order for a right-to-left page: the story's outlets on the right,
agencies, newspapers and sites in the middle, primary sources (officials, people,
documents, anonymous sources) on the left. A "cites" edge is a solid arrow, a "copies"
edge (printed another outlet's text) a dashed one. The drawing is 360 units wide and
shrinks with the page, so it never scrolls sideways on a 390 px phone; long names wrap on
two lines and are cut with "…", the full name is in the node's ``<title>``. Every label
is escaped with ``esc`` and stripped of control characters, so the SVG is well-formed XML.
"""

from __future__ import annotations

import re
from typing import Any

from akhbar.render.html_parts import anchor, esc
from akhbar.render.labels import Label

__all__ = ["CHAINS", "COPIES", "COPIES_TEXT_OF", "LEGEND", "provenance_svg"]

_Item = dict[str, Any]

CHAINS = Label("سلاسل النقل", "chains")
COPIES = Label("نسخ النص", "copied text")
COPIES_TEXT_OF = Label("ينقل نص", "copies text of")
LEGEND = Label("سهم متصل: يستشهد بـ · سهم متقطع: ينقل نص", "solid: cites · dashed: copies")
_HEADINGS = ("الوسائل", "الوكالات والصحف", "المصادر الأولى")
_COLUMN_OF_KIND = {"outlet": 0, "agency": 1, "newspaper": 1, "site": 1}

WIDTH = 360
BOX_WIDTH = 100
BOX_HEIGHT = 32
ROW = 40
TOP = 24
LINE_CHARS = 17  # about what 100 units hold at 12px in an Arabic sans face
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")

_STYLE = (
    "<style>"
    ".provenance{margin:0.5rem 0}"
    ".prov-svg{display:block;width:100%;max-width:540px;height:auto}"
    ".prov-svg .pv-box{fill:var(--card,#f4f4f4);stroke:var(--line,#bbb)}"
    ".prov-svg .pv-outlet .pv-box{stroke:var(--accent,#1a5fb4);stroke-width:1.5}"
    ".prov-svg text{font-size:12px;fill:var(--ink,#222);text-anchor:middle}"
    ".prov-svg .pv-head{font-size:11px;font-weight:bold;fill:var(--muted,#666)}"
    ".prov-svg .pv-edge{fill:none;stroke:var(--muted,#666);stroke-width:1.2}"
    ".prov-svg .pv-copies{stroke:var(--warn,#b5651d);stroke-dasharray:5 3}"
    ".prov-svg marker path{fill:var(--muted,#666)}"
    "</style>"
)


def _clean(text: str) -> str:
    return _CONTROL.sub("", str(text))


def _lines(text: str) -> list[str]:
    """At most two lines of about ``LINE_CHARS`` characters, the rest cut with "…"."""
    lines: list[str] = []
    for word in _clean(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARS:
            lines[-1] += " " + word
        elif len(lines) == 2:
            lines[-1] = lines[-1][: LINE_CHARS - 1] + "…"
            break
        else:
            lines.append(word if len(word) <= LINE_CHARS else word[: LINE_CHARS - 1] + "…")
    return lines or ["—"]


def _positions(nodes: list[_Item]) -> dict[str, tuple[float, float]]:
    """Centre of each node's box: column by kind, rows in first-seen order."""
    rows = [0, 0, 0]
    placed: dict[str, tuple[float, float]] = {}
    step = (WIDTH - BOX_WIDTH) / 2
    for node in nodes:
        column = _COLUMN_OF_KIND.get(node["kind"], 2)
        x = WIDTH - BOX_WIDTH / 2 - column * step
        placed[node["id"]] = (x, TOP + rows[column] * ROW + BOX_HEIGHT / 2)
        rows[column] += 1
    return placed


def _node(node: _Item, x: float, y: float) -> str:
    lines = _lines(node["label"])
    first = y - (len(lines) - 1) * 7 + 4
    text = "".join(
        f'<text x="{x:.0f}" y="{first + 14 * i:.0f}">{esc(line)}</text>'
        for i, line in enumerate(lines)
    )
    box = (
        f'<rect class="pv-box" x="{x - BOX_WIDTH / 2:.0f}" y="{y - BOX_HEIGHT / 2:.0f}"'
        f' width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="5"/>'
    )
    title = f"<title>{esc(_clean(node['label']))} ({esc(node['kind'])})</title>"
    return f'<g class="pv-node pv-{esc(node["kind"])}">{title}{box}{text}</g>'


def _edge(edge: _Item, placed: dict[str, tuple[float, float]], marker: str) -> str:
    (x1, y1), (x2, y2) = placed[edge["source"]], placed[edge["target"]]
    half = BOX_WIDTH / 2
    if x1 > x2 + half:  # source column to the right of the target's: a straight arrow
        path = f"M{x1 - half:.0f},{y1:.0f} L{x2 + half + 2:.0f},{y2:.0f}"
    else:  # same column (copies between outlets) or backwards: bend out on the left
        bend = min(x1, x2) - half - 22
        path = (
            f"M{x1 - half:.0f},{y1:.0f} C{bend:.0f},{y1:.0f} {bend:.0f},{y2:.0f}"
            f" {x2 - half - 2:.0f},{y2:.0f}"
        )
    kind = "pv-copies" if edge["kind"] == "copies" else "pv-cites"
    title = f"<title>{esc(_clean(edge['source']))} → {esc(_clean(edge['target']))}</title>"
    return f'<path class="pv-edge {kind}" d="{path}" marker-end="url(#{marker})">{title}</path>'


def provenance_svg(graph: _Item, story_id: str) -> str:
    """The ``<svg role="img">`` of one story's ``provenance`` dict (report form)."""
    placed = _positions(graph["nodes"])
    rows = max((y for _, y in placed.values()), default=0.0) + BOX_HEIGHT / 2 + 6
    height = int(max(rows, TOP + ROW))
    marker = anchor("pv-arrow-", story_id)
    step = (WIDTH - BOX_WIDTH) / 2
    heads = "".join(
        f'<text class="pv-head" x="{WIDTH - BOX_WIDTH / 2 - i * step:.0f}" y="14">{esc(h)}</text>'
        for i, h in enumerate(_HEADINGS)
    )
    defs = (
        f'<defs><marker id="{marker}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7"'
        ' markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>'
    )
    edges = "".join(_edge(edge, placed, marker) for edge in graph["edges"])
    nodes = "".join(_node(node, *placed[node["id"]]) for node in graph["nodes"])
    aria = f"{len(graph['nodes'])} مصادر و{len(graph['edges'])} صلات"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="prov-svg" role="img"'
        f' aria-label="{esc(aria)}" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}">{_STYLE}{defs}{heads}{edges}{nodes}</svg>'
    )
