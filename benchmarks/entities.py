"""Entity tagging speed on ANT articles: model sizes, load times, tokens/s and articles/s.

    python benchmarks/entities.py [--articles 1000] [--ant ../shared/data/ant-multisource.jsonl.gz]

On the first N articles of the ANT corpus, in one process, on the same tokenised sentences:

1. the CRF's marginals from python-crfsuite's own tagger (how akhbar ran the CRF before: one
   ``marginal(label, token)`` call at a time, the named alternative) against akhbar's numpy
   run of the same model (:mod:`akhbar.analyze.entities.tagger.crf`), with the largest
   difference between the two;
2. the network alone (its LSTMs in ONNX Runtime), and the CRF + network combined as akhbar
   tags (one forward-backward for the CRF and every head over an article's sentences);
3. ``find_entities`` end to end (tagger, rules, titles), as ``akhbar extract`` runs it.

Each model's first load is timed apart. ``benchmarks/analyze.py`` compares whole analyses
with the code before the rebuild.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import numpy as np
import pycrfsuite

from akhbar.analyze.entities import find_entities
from akhbar.analyze.entities.rules.text import tag_tokens
from akhbar.analyze.entities.tagger import combined, crf, network
from akhbar.analyze.entities.tagger.features import sentence_features
from akhbar.arabic.doc import make_doc

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
    doc = make_doc(text)
    out = []
    for sentence in doc.sentences:
        tokens = tag_tokens(doc.sentence_tokens(sentence.index))
        if tokens:
            out.append([(token.key, token.base) for token in tokens])
    return out


def crfsuite_marginals(tagger: pycrfsuite.Tagger, forms, labels) -> np.ndarray:
    tagger.set(sentence_features(forms))
    return np.array([[tagger.marginal(label, t) for label in labels] for t in range(len(forms))])


def timed(function, articles) -> tuple[float, list]:
    started = time.perf_counter()
    results = [function(sentences) for sentences in articles]
    return time.perf_counter() - started, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--ant", type=Path, default=DEFAULT_ANT)
    args = parser.parse_args()
    texts = read_texts(args.ant, args.articles)
    articles = [article_forms(text) for text in texts]
    tokens = sum(len(forms) for sentences in articles for forms in sentences)

    started = time.perf_counter()
    model = crf.shipped_crf()
    crf_load = time.perf_counter() - started
    started = time.perf_counter()
    shipped = network.shipped_network()
    network_load = time.perf_counter() - started
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf.model_path()))
    print(
        f"CRF model: {crf.model_path().stat().st_size / 1e6:.1f} MB, load {crf_load * 1000:.0f} ms"
    )
    print(
        f"network:   {network.network_path().stat().st_size / 1e6:.1f} MB "
        f"({len(shipped.heads)} heads), load {network_load * 1000:.0f} ms"
    )
    print(f"{len(texts)} articles, {tokens:,} tokens in tagged sentences")

    def report(name: str, elapsed: float) -> None:
        print(
            f"  {name:44} {elapsed:6.1f} s  {tokens / elapsed:9,.0f} tokens/s"
            f"  {len(texts) / elapsed:6.1f} articles/s"
        )

    labels = model.labels
    old_time, old = timed(lambda s: [crfsuite_marginals(tagger, f, labels) for f in s], articles)
    report("CRF marginals, python-crfsuite (alternative)", old_time)
    new_time, new = timed(lambda s: [combined.crf_marginals(f, labels) for f in s], articles)
    report("CRF marginals, akhbar (numpy), first pass", new_time)
    new_time, new = timed(lambda s: [combined.crf_marginals(f, labels) for f in s], articles)
    report("CRF marginals, akhbar (numpy), words seen", new_time)
    gap = max(
        float(np.abs(a - b).max())
        for x, y in zip(old, new, strict=True)
        for a, b in zip(x, y, strict=True)
    )
    print(f"  largest difference between the two: {gap:.1e}")
    elapsed, _ = timed(lambda s: [network.network_tags(f, network=shipped) for f in s], articles)
    report("network alone (ONNX Runtime), one sentence a call", elapsed)
    elapsed, _ = timed(combined.tag_sentences, articles)
    report("CRF + network (akhbar's tagger), an article a call", elapsed)
    started = time.perf_counter()
    mentions = sum(len(find_entities(make_doc(text))) for text in texts)
    elapsed = time.perf_counter() - started
    report(f"find_entities end to end ({mentions} mentions)", elapsed)


if __name__ == "__main__":
    main()
