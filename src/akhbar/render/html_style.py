"""The inline stylesheet of the HTML report: Arabic-first, right-to-left, phone-friendly.

Kept apart from the markup so the page code stays short. Logical properties
(``margin-inline``, ``text-align: start``) follow ``dir="rtl"`` without mirrored rules.
"""

from __future__ import annotations

FONT_STACK = (
    '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma, "Geeza Pro", sans-serif'
)

STYLESHEET = f"""
:root {{
  color-scheme: light dark;
  --ink: #1d1d1f; --muted: #5c5c66; --paper: #fdfdfb; --line: #d9d9de; --card: #f3f3ef;
  --accent: #0b5a8a; --good: #1f6f3d; --warn: #8a5a00; --bad: #9b1c1c; --main: #b5471b;
}}
@media (prefers-color-scheme: dark) {{
  :root {{
    --ink: #ececf0; --muted: #a8a8b3; --paper: #16161a; --line: #3a3a42; --card: #202026;
    --accent: #7cc0ee; --good: #7fd39b; --warn: #e7b75f; --bad: #f08a8a; --main: #f0a27a;
  }}
}}
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{
  margin: 0; padding: 1rem; background: var(--paper); color: var(--ink);
  font-family: {FONT_STACK};
  font-size: 1.0625rem; line-height: 1.8; text-align: start;
  /* break-word, not anywhere: long ids and URLs still wrap, but table columns keep whole words. */
  overflow-wrap: break-word;
}}
main {{ max-width: 60rem; margin-inline: auto; }}
h1, h2, h3, h4 {{ line-height: 1.4; margin-block: 1.4em 0.5em; }}
h1 {{ font-size: 1.6rem; margin-block-start: 0.2em; }}
h2 {{ font-size: 1.35rem; border-block-end: 2px solid var(--line); padding-block-end: 0.2em; }}
h3 {{ font-size: 1.15rem; }}
h4 {{ font-size: 1rem; color: var(--accent); }}
.en {{ font-size: 0.85em; color: var(--muted); font-weight: normal; }}
.meta, .none, small {{ color: var(--muted); }}
.none {{ font-style: italic; }}
.story {{
  background: var(--card); border: 1px solid var(--line); border-radius: 0.6rem;
  padding: 0.2rem 1rem 1rem; margin-block: 1rem;
}}
ul, ol {{ padding-inline-start: 1.4rem; margin-block: 0.4rem; }}
li {{ margin-block: 0.35rem; }}
code, .id {{ font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }}
a {{ color: var(--accent); }}
q {{ quotes: "«" "»"; }}
details {{ margin-block: 0.3rem; }}
summary {{ cursor: pointer; color: var(--muted); }}
.status {{ font-weight: bold; }}
.status-corroborated {{ color: var(--good); }}
.status-single_source {{ color: var(--warn); }}
.status-contested {{ color: var(--bad); }}
/* The story at a glance: the summary paragraph, its citations, the contradictions flag. */
.glance .summary {{ font-size: 1.08rem; line-height: 1.9; }}
.glance .cite {{ text-decoration: none; margin-inline-start: 0.1rem; }}
.glance mark {{ background: #fff3b0; }}
.glance li:target mark {{ background: #ffd54f; }}
.flag a {{ color: var(--bad); font-weight: bold; }}
/* Contradictions: each side in its own column, side by side where the page is wide. */
.sides {{
  display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.6rem;
}}
.side {{ border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.2rem 0.6rem; }}
.side blockquote {{
  margin: 0.3rem 0; padding-inline-start: 0.6rem; border-inline-start: 3px solid var(--line);
}}
.kind-name > strong, .kind-number > strong, .kind-date > strong {{ color: var(--bad); }}
.kind-account > strong {{ color: var(--warn); }}
.matrix td.mark {{ text-align: center; }}
.matrix th[scope="row"] {{ font-weight: normal; text-align: start; }}
/* The timeline drawing: 360 units wide, shrinking with the page, coloured from the variables. */
.timeline {{ margin: 0.5rem 0; }}
.timeline-svg {{ display: block; max-width: 100%; height: auto; }}
.timeline figcaption {{ font-size: 0.8rem; color: var(--muted); }}
.tl-axis {{ stroke: var(--muted); stroke-width: 2; }}
.tl-long {{ stroke-dasharray: 3 5; }}
.tl-gap {{ font-size: 12px; fill: var(--muted); font-style: italic; }}
.tl-mark {{ fill: var(--accent); stroke: var(--accent); stroke-width: 2.5; }}
.tl-mark.tl-main {{ fill: var(--main); stroke: var(--main); }}
.tl-mark.tl-approx {{ fill: var(--paper); }}
.tl-date {{ font-size: 15px; font-weight: bold; fill: var(--ink); }}
.tl-label {{ font-size: 14px; fill: var(--accent); }}
.tl-meta {{ font-size: 12.5px; fill: var(--muted); }}
.tl-chip rect {{ fill: var(--paper); stroke: var(--accent); }}
.tl-chip text {{
  font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 11px;
  fill: var(--accent); text-anchor: middle; direction: ltr;
}}
.tl-chip.tl-main rect {{ fill: var(--main); stroke: var(--main); }}
.tl-chip.tl-main text {{ fill: var(--paper); }}
li.tl-main > strong {{ color: var(--main); }}
.count {{ white-space: nowrap; }}
.undated {{ font-weight: bold; margin-block: 0.8rem 0.2rem; }}
.settled li {{ text-align: start; }}
.table-wrap {{ max-width: 100%; overflow-x: auto; }}
table {{ width: 100%; border-collapse: collapse; font-size: 0.95rem; }}
th, td {{
  border: 1px solid var(--line); padding: 0.35rem 0.5rem; vertical-align: top; text-align: start;
}}
th {{ background: var(--card); }}
@media (max-width: 40rem) {{
  body {{ padding: 0.75rem; font-size: 1rem; }}
  /* On a phone each article row becomes a stacked card so nothing scrolls sideways. */
  table, thead, tbody, tr, th, td {{ display: block; }}
  thead {{ position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip-path: inset(50%); }}
  tr {{ border: 1px solid var(--line); border-radius: 0.4rem; margin-block: 0.6rem; }}
  td {{ border: 0; border-block-end: 1px dashed var(--line); }}
  td::before {{ content: attr(data-label); display: block; font-size: 0.8em; color: var(--muted); }}
}}
@media print {{
  details {{ display: block; }}
  .story {{ break-inside: avoid-page; }}
}}
"""
