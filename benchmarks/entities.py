"""Entity tagging speed on ANT articles: model sizes, load times, tokens/s and articles/s.

    python benchmarks/entities.py [--articles 1000] [--ant ../shared/data/ant-multisource.jsonl.gz]

On the first N articles of the ANT corpus, in one process:

1. the taggers alone, on the same tokenised sentences: the CRF alone (akhbar's tagger until
   the network came, the named alternative), the network alone, and the two combined as akhbar
   tags (CRF marginals + network marginals, one network batch per article);
2. ``find_entities`` end to end (tagger, rules, titles), as ``akhbar extract`` runs it.

Each model's first load is timed apart.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from akhbar.analyze import entity_model, entity_network
from akhbar.analyze.entities import find_entities
from akhbar.analyze.entity_text import tag_tokens
from akhbar.arabic.sentences import split_sentences

DEFAULT_ANT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ant-multisource.jsonl.gz"


def read_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    return texts


def article_forms(text: str) -> list[list[tuple[str, str]]]:
    """The ``(key, base)`` forms of each sentence, as find_entities gives them to the tagger."""
    out = []
    for sentence in split_sentences(text):
        tokens = tag_tokens(text, sentence.start, sentence.end)
        if tokens:
            out.append([(token.key, token.base) for token in tokens])
    return out


def timed(function, articles) -> float:
    started = time.perf_counter()
    for sentences in articles:
        function(sentences)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    args = parser.parse_args()
    texts = read_texts(args.ant, args.articles)
    articles = [article_forms(text) for text in texts]
    tokens = sum(len(forms) for sentences in articles for forms in sentences)

    started = time.perf_counter()
    entity_model.crf_tags([("قال", "قال")])
    crf_load = time.perf_counter() - started
    started = time.perf_counter()
    network = entity_network.shipped_network()
    network_load = time.perf_counter() - started
    crf_size = entity_model.model_path().stat().st_size
    network_size = entity_network.network_path().stat().st_size
    print(f"CRF model: {crf_size / 1e6:.1f} MB, load {crf_load * 1000:.0f} ms")
    print(
        f"network:   {network_size / 1e6:.1f} MB ({len(network.heads)} heads),"
        f" load {network_load * 1000:.0f} ms"
    )
    print(f"{len(texts)} articles, {tokens:,} tokens in tagged sentences")

    taggers = {
        "CRF alone (the alternative)": lambda s: [entity_model.crf_tags(f) for f in s],
        "network alone": lambda s: [
            entity_network.valid_path(
                entity_network.network_marginals(network, scores), network.labels
            )
            for scores in entity_network.sentence_scores(network, s)
        ],
        "CRF + network (akhbar)": entity_model.tag_sentences,
    }
    for name, tagger in taggers.items():
        elapsed = timed(tagger, articles)
        print(
            f"  {name:28} {elapsed:6.1f} s  {tokens / elapsed:9,.0f} tokens/s"
            f"  {len(texts) / elapsed:6.1f} articles/s"
        )
    started = time.perf_counter()
    mentions = sum(len(find_entities(text)) for text in texts)
    elapsed = time.perf_counter() - started
    print(
        f"find_entities end to end: {mentions} mentions in {elapsed:.1f} s: "
        f"{tokens / elapsed:,.0f} tokens/s, {len(texts) / elapsed:.1f} articles/s"
    )


if __name__ == "__main__":
    main()
