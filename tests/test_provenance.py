"""Provenance of the seed story: chain edges, GraphML, the HTML drawing and escaping."""

from __future__ import annotations

import dataclasses
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from akhbar.codec import from_data
from akhbar.model import Attribution, ProvenanceEdge, ProvenanceGraph, Report
from akhbar.pipeline import analyze_inputs
from akhbar.render.document import report_to_dict
from akhbar.render.html import render_html
from akhbar.render.markdown import render_markdown
from akhbar.story.provenance import provenance_graphml, story_provenance

SEEDS = Path(__file__).parent.parent / "examples" / "seeds"
A001, A004 = "001_a72c5b70b15c2776", "004_c80ef43e0c326550"
HOSTILE = 'وكالة <script>alert("x")</script> & «ن»'


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze_inputs([str(SEEDS)])


def _edges(report: Report) -> dict[tuple[str, str, str], ProvenanceEdge]:
    graph = report.stories[0].provenance
    assert graph is not None
    return {(e.source, e.target, e.kind): e for e in graph.edges}


def test_chain_edges_of_001_and_004(report: Report) -> None:
    edges = _edges(report)
    agency = edges[("خبر مباشر", "ريا نوفوستي", "cites")]
    assert agency.articles == (A001,)
    assert edges[("ريا نوفوستي", "الكرملين", "cites")].articles == (A001,)
    reuters = edges[("رويترز", "مصدر سوري مطلع", "cites")]
    assert reuters.articles == (A004,)
    assert [e.text for e in reuters.evidence] == [
        report.analyses[4].article.text[e.span.start : e.span.end] for e in reuters.evidence
    ]
    kinds = {n.id: n.kind for n in report.stories[0].provenance.nodes}
    assert (kinds["خبر مباشر"], kinds["ريا نوفوستي"], kinds["الكرملين"]) == (
        "outlet",
        "agency",
        "official",
    )
    assert (kinds["رويترز"], kinds["مصدر سوري مطلع"]) == ("agency", "anonymous")
    assert not [e for e in edges.values() if e.kind == "copies"]  # the seeds share no text


def test_graphml_parses_with_networkx(report: Report) -> None:
    graph = report.stories[0].provenance
    text = provenance_graphml(graph)
    parsed = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert {"خبر مباشر", "ريا نوفوستي", "الكرملين", "رويترز", "مصدر سوري مطلع"} <= set(parsed)
    assert parsed.nodes["ريا نوفوستي"]["kind"] == "agency"
    assert parsed.has_edge("رويترز", "مصدر سوري مطلع")
    assert parsed.number_of_nodes() == len(graph.nodes)
    doc = report_to_dict(report)["stories"][0]["provenance"]
    assert from_data(ProvenanceGraph, doc) == graph


def test_html_has_one_parsable_svg_per_story(report: Report) -> None:
    page = render_html(report)
    svgs = re.findall(r'<svg[^>]*class="prov-svg".*?</svg>', page, flags=re.S)
    assert len(svgs) == len(report.stories) == 1
    root = ET.fromstring(svgs[0])
    texts = "".join(root.itertext())
    assert "رويترز" in texts and "الكرملين" in texts


def test_markdown_lists_chains(report: Report) -> None:
    text = render_markdown(report)
    assert "- خبر مباشر ← ريا نوفوستي ← الكرملين — 001\\_a72c5b70b15c2776" in text
    assert "- رويترز ← مصدر سوري مطلع — 004\\_c80ef43e0c326550" in text


def test_hostile_source_name_is_escaped(report: Report) -> None:
    story = report.stories[0]
    hostile = Attribution(article=A004, source=HOSTILE, chain=(HOSTILE, "\x07" + HOSTILE))
    members = [a for a in report.analyses if a.article.id in story.articles]
    graph = story_provenance(members, (*story.attributions, hostile))
    page = render_html(
        dataclasses.replace(report, stories=(dataclasses.replace(story, provenance=graph),))
    )
    assert "<script>" not in page
    (svg,) = re.findall(r'<svg[^>]*class="prov-svg".*?</svg>', page, flags=re.S)
    root = ET.fromstring(svg)  # well-formed despite <, &, quotes and a control character
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert f"{HOSTILE} (person)" in titles
    nx.read_graphml(io.BytesIO(provenance_graphml(graph).encode("utf-8")))
