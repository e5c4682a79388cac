"""Provenance of a story: which outlet cites which agency and source, and who copied whom.

Nodes are the story's outlets and every name in its attribution chains; edges are

- ``cites``: one step of a chain, outlet side first ("خبر مباشر" cites "ريا نوفوستي",
  which cites "الكرملين": Khabar Mubasher cites RIA Novosti, which cites the Kremlin);
- ``copies``: an outlet printed sentences of another outlet's article nearly verbatim
  (:mod:`akhbar.corpus.wire`), from the later article to the earlier one, both ways when
  the order is unknown.

Every edge keeps the articles and the evidence it rests on.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

from akhbar.corpus.wire import (
    WireCopy,
    WirePair,
    find_wire_copies,
    sentence_prints,
    wire_pairs,
)
from akhbar.model import (
    ArticleAnalysis,
    Attribution,
    Evidence,
    ProvenanceEdge,
    ProvenanceGraph,
    ProvenanceNode,
)

__all__ = [
    "NODE_KINDS",
    "provenance_graphml",
    "story_provenance",
]

NODE_KINDS = (
    "outlet",
    "agency",
    "newspaper",
    "site",
    "official",
    "person",
    "document",
    "anonymous",
)
# Source types the analyzers give that are not node kinds: a broadcaster publishes its own
# reports as a newspaper does; an unclassified name ("other") is most often a person.
_KIND_OF_TYPE = {"broadcaster": "newspaper", "other": "person"}
# Characters XML 1.0 cannot hold: GraphML drops them rather than fail to parse.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Builder:
    """Nodes and edges in first-seen order; an edge seen again gathers articles and evidence."""

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        self.edges: dict[tuple[str, str, str], tuple[list[str], list[Evidence]]] = {}

    def node(self, name: str, kind: str) -> None:
        self.kinds.setdefault(name, kind)

    def edge(
        self, source: str, target: str, kind: str, article: str, evidence: Sequence[Evidence]
    ) -> None:
        articles, places = self.edges.setdefault((source, target, kind), ([], []))
        if article not in articles:
            articles.append(article)
        places.extend(item for item in evidence if item not in places)

    def graph(self) -> ProvenanceGraph:
        return ProvenanceGraph(
            nodes=tuple(ProvenanceNode(name, name, kind) for name, kind in self.kinds.items()),
            edges=tuple(
                ProvenanceEdge(source, target, kind, tuple(articles), tuple(evidence))
                for (source, target, kind), (articles, evidence) in self.edges.items()
            ),
        )


def _node_kind(source_type: str) -> str:
    kind = _KIND_OF_TYPE.get(source_type, source_type)
    return kind if kind in NODE_KINDS else "person"


def _link_types(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    """Each cited name's type, as the first link that names it gives it."""
    types: dict[str, str] = {}
    for analysis in analyses:
        for citation in analysis.sources:
            for link in citation.links:
                types.setdefault(link.name, link.type)
    return types


def _add_chains(
    builder: _Builder,
    attributions: Sequence[Attribution],
    outlets: Mapping[str, str],
    types: Mapping[str, str],
) -> None:
    for attribution in attributions:
        chain = attribution.chain or (attribution.source,)
        for name in chain:
            outlet = name == outlets.get(attribution.article)
            builder.node(name, "outlet" if outlet else _node_kind(types.get(name, "")))
        for source, target in itertools.pairwise(chain):
            builder.edge(source, target, "cites", attribution.article, attribution.evidence)


def _add_copies(builder: _Builder, pairs: Sequence[WirePair], outlets: Mapping[str, str]) -> None:
    for pair in pairs:
        earlier, later = outlets.get(pair.first), outlets.get(pair.second)
        if not earlier or not later or earlier == later:
            continue  # a copy edge joins two named outlets
        evidence = [item for copy in pair.copies for item in (copy.second, copy.first)]
        builder.edge(later, earlier, "copies", pair.second, evidence)
        builder.edge(later, earlier, "copies", pair.first, ())
        if not pair.ordered:
            builder.edge(earlier, later, "copies", pair.first, evidence)
            builder.edge(earlier, later, "copies", pair.second, ())


def story_provenance(
    analyses: Sequence[ArticleAnalysis],
    attributions: Sequence[Attribution],
    copies: Sequence[WireCopy] | None = None,
) -> ProvenanceGraph:
    """The provenance graph of a story from its analyses and their attributions.

    ``copies`` default to :func:`~akhbar.corpus.wire.find_wire_copies` of ``analyses``.
    An article without an outlet contributes its chains but no outlet node.
    """
    outlets = {a.article.id: a.article.outlet for a in analyses if a.article.outlet}
    builder = _Builder()
    for outlet in outlets.values():
        builder.node(outlet, "outlet")
    _add_chains(builder, attributions, outlets, _link_types(analyses))
    if len(analyses) > 1:  # one article copies no one
        prints = [sentence_prints(analysis) for analysis in analyses]  # once, for both
        if copies is None:
            copies = find_wire_copies(analyses, prints=prints)
        _add_copies(builder, wire_pairs(analyses, copies, prints=prints), outlets)
    return builder.graph()


def provenance_graphml(graph: ProvenanceGraph) -> str:
    """The graph as GraphML (networkx ``MultiDiGraph``; the edge key is its kind).

    Node attributes ``label`` and ``kind``; edge attributes ``kind``, ``articles``
    (ids, space-separated) and ``evidence`` (the quoted words, one per line).
    """
    import networkx as nx  # only this export needs it

    def xml(text: str) -> str:
        return _NOT_XML.sub("", text)

    multi = nx.MultiDiGraph()
    for node in graph.nodes:
        multi.add_node(xml(node.id), label=xml(node.label), kind=node.kind)
    for edge in graph.edges:
        multi.add_edge(
            xml(edge.source),
            xml(edge.target),
            key=edge.kind,
            kind=edge.kind,
            articles=xml(" ".join(edge.articles)),
            evidence=xml("\n".join(item.text for item in edge.evidence)),
        )
    return "\n".join(nx.generate_graphml(multi, encoding="utf-8", prettyprint=True)) + "\n"
