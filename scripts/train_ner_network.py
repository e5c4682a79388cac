"""Train akhbar's neural NER tagger (BiLSTM-CRF, PyTorch) and export it for numpy inference.

    pip install -e '.[train]'
    python scripts/train_ner_network.py [--data ../shared/data/ner] [--epochs 10] [--heads 3]

Steps:

1. Word vectors: word2vec (gensim, skip-gram, 100 dimensions, window 5, words seen 3+ times,
   one worker and a fixed seed so a rerun gives the same vectors) on the clitic-free words of
   ``../shared/data/ant-multisource.jsonl.gz``, cached under ``build/ner/``.
2. Three heads (:mod:`akhbar.analyze.entities.tagger.network` describes one), each trained from its
   own seed (1, 2, 3: initial weights, dropout, batch order) on the same data as the CRF
   (``scripts/train_ner.py``: NewsFANE's training blocks and Wojood's train file, plus the
   copies with conjunctions re-attached and person mentions swapped), with Adam, for a fixed
   10 epochs. The word vectors stay as word2vec made them.
3. The weights are exported to ``src/akhbar/analyze/models/ner-network.npz`` (word vectors
   once, in float16) with ``ner-network.json`` beside it (settings, data, dev scores of the
   heads alone and of the CRF + network combination akhbar uses).

Measured on newsfane-dev while choosing (micro-F1 of one head alone): word vectors tuned with
the rest peaked at .742 after 3 epochs and fell after (they move the seen names away from
the unseen ones they resemble), kept as trained .774; 10 % of training words read as unknown
.758; a 200-unit LSTM was too slow to train here. Heads average well: two heads .779 alone,
and with the CRF .790 against one head's .785.

The development split (NewsFANE's held-out blocks and Wojood's val) is never trained on; the
epoch count and the combination weight were chosen on newsfane-dev. Needs the ``train`` extra
(PyTorch, gensim); tagging needs neither.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

from akhbar.analyze.entities.tagger.combined import NETWORK_WEIGHT, tag_forms
from akhbar.analyze.entities.tagger.features import lexicon_features, word_forms
from akhbar.analyze.entities.tagger.network import (
    MAX_CHARS,
    NETWORK_FILE,
    char_window,
    load_network,
    network_tags,
)
from akhbar.eval.gold import GoldSentence
from akhbar.eval.ner import score_sentences
from build_ner_lexicons import ant_articles
from train_ner import (
    DEFAULT_DATA,
    MODEL_DIR,
    attach_clitics,
    load_splits,
    replace_mentions,
)

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / "build" / "ner"
LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
WORD_DIMENSIONS, WORD_WINDOW, WORD_MIN_COUNT, WORD_EPOCHS, WORD_SEED = 100, 5, 3, 5, 1
CHAR_DIMENSIONS, CHAR_FILTERS, FEATURE_DIMENSIONS, HIDDEN = 30, 50, 32, 100
DROPOUT, LEARNING_RATE, BATCH, CLIP = 0.5, 2e-3, 16, 5.0
# Lexicon features and characters seen fewer times than this in training are dropped.
MIN_COUNT = 2
EPOCHS = 10
SEED = 1
# Heads trained from seeds SEED, SEED + 1, ...; their probabilities are averaged.
HEADS = 3


def word_vectors(data: Path, cache: Path):
    """word2vec vectors of ANT's clitic-free words (trained once, then read from the cache)."""
    from gensim.models import KeyedVectors, Word2Vec

    path = cache / "ant-word2vec.kv"
    if path.is_file():
        return KeyedVectors.load(str(path))
    started = time.perf_counter()
    ant = data.parent / "ant-multisource.jsonl.gz"
    sentences = [bases for _, bases in ant_articles(ant)]
    model = Word2Vec(
        sentences,
        vector_size=WORD_DIMENSIONS,
        window=WORD_WINDOW,
        min_count=WORD_MIN_COUNT,
        sg=1,
        epochs=WORD_EPOCHS,
        workers=1,
        seed=WORD_SEED,
    )
    cache.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(path))
    print(
        f"word2vec: {len(model.wv)} words in {time.perf_counter() - started:.0f}s", file=sys.stderr
    )
    return model.wv


def vocabularies(items, vectors):
    """Word, character and lexicon-feature vocabularies (index 0 pads, 1 is unknown)."""
    words = ["<pad>", "<unk>", *vectors.index_to_key]
    chars: dict[str, int] = {}
    features: dict[str, int] = {}
    for forms, feats, _ in items:
        for (key, _), names in zip(forms, feats, strict=True):
            for char in char_window(key):
                chars[char] = chars.get(char, 0) + 1
            for name in names:
                features[name] = features.get(name, 0) + 1
    char_list = ["<pad>", "<unk>", *sorted(c for c, n in chars.items() if n >= MIN_COUNT)]
    feature_list = ["<pad>", *sorted(f for f, n in features.items() if n >= MIN_COUNT)]
    return words, char_list, feature_list


def build_network(torch, nn, sizes: dict[str, int], vectors: np.ndarray):
    class Tagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.words = nn.Embedding.from_pretrained(torch.from_numpy(vectors), freeze=True)
            self.chars = nn.Embedding(sizes["chars"], CHAR_DIMENSIONS, padding_idx=0)
            self.conv = nn.Conv1d(CHAR_DIMENSIONS, CHAR_FILTERS, 3, padding=1)
            self.features = nn.EmbeddingBag(
                sizes["features"], FEATURE_DIMENSIONS, mode="sum", padding_idx=0
            )
            self.dropout = nn.Dropout(DROPOUT)
            width = WORD_DIMENSIONS + CHAR_FILTERS + FEATURE_DIMENSIONS
            self.lstm = nn.LSTM(width, HIDDEN, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * HIDDEN, len(LABELS))
            self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def scores(self, words, chars, feats, mask):
            n, steps = words.shape
            char_in = self.chars(chars.view(n * steps, MAX_CHARS)).transpose(1, 2)
            char_out = torch.relu(self.conv(char_in)).max(2).values.view(n, steps, CHAR_FILTERS)
            feat_out = self.features(feats.view(n * steps, -1)).view(n, steps, FEATURE_DIMENSIONS)
            inputs = self.dropout(torch.cat([self.words(words), char_out, feat_out], -1))
            packed = nn.utils.rnn.pack_padded_sequence(
                inputs, mask.sum(1), batch_first=True, enforce_sorted=False
            )
            hidden, _ = self.lstm(packed)
            hidden, _ = nn.utils.rnn.pad_packed_sequence(
                hidden, batch_first=True, total_length=steps
            )
            return self.out(self.dropout(hidden))

        def loss(self, scores, labels, mask):
            """Negative log-likelihood of the gold paths under the linear-chain CRF."""
            steps = scores.shape[1]
            gold = self.start[labels[:, 0]] + scores[:, 0].gather(1, labels[:, :1]).squeeze(1)
            alpha = self.start + scores[:, 0]
            for t in range(1, steps):
                on = mask[:, t]
                step = self.transitions[labels[:, t - 1], labels[:, t]]
                step = step + scores[:, t].gather(1, labels[:, t : t + 1]).squeeze(1)
                gold = gold + step * on
                moved = torch.logsumexp(
                    alpha.unsqueeze(2) + self.transitions.unsqueeze(0) + scores[:, t].unsqueeze(1),
                    1,
                )
                alpha = torch.where(on.unsqueeze(1), moved, alpha)
            last = labels.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
            gold = gold + self.end[last]
            return (torch.logsumexp(alpha + self.end, 1) - gold).sum()

    return Tagger()


def encode(forms, feats, index):
    words = [index["words"].get(base, index["words"].get(key, 1)) for key, base in forms]
    chars = [[index["chars"].get(c, 1) for c in char_window(key)] for key, _ in forms]
    bags = [[index["features"][f] for f in names if f in index["features"]] for names in feats]
    return words, chars, bags


def batch_tensors(torch, batch):
    n, steps = len(batch), max(len(item[0]) for item in batch)
    width = max(1, max(len(bag) for item in batch for bag in item[2]))
    words = torch.zeros(n, steps, dtype=torch.long)
    chars = torch.zeros(n, steps, MAX_CHARS, dtype=torch.long)
    feats = torch.zeros(n, steps, width, dtype=torch.long)
    labels = torch.zeros(n, steps, dtype=torch.long)
    mask = torch.zeros(n, steps, dtype=torch.bool)
    for row, (word_ids, char_ids, bags, label_ids) in enumerate(batch):
        length = len(word_ids)
        words[row, :length] = torch.tensor(word_ids)
        labels[row, :length] = torch.tensor(label_ids)
        mask[row, :length] = True
        for column, ids in enumerate(char_ids):
            chars[row, column, : len(ids)] = torch.tensor(ids)
        for column, ids in enumerate(bags):
            if ids:
                feats[row, column, : len(ids)] = torch.tensor(ids)
    return words, chars, feats, labels, mask


def train_head(torch, nn, sizes, table, encoded, seed: int, epochs: int):
    """One head, trained from ``seed`` (initial weights, dropout and batch order)."""
    random.seed(seed)
    torch.manual_seed(seed)
    model = build_network(torch, nn, sizes, table)
    optimiser = torch.optim.Adam(
        [p for p in model.parameters() if p.requires_grad], lr=LEARNING_RATE
    )
    rng = random.Random(seed)
    order = list(range(len(encoded)))
    for epoch in range(epochs):
        rng.shuffle(order)
        batches = []
        # Batches of similar lengths (sorted within shuffled pools of 50 batches): less padding.
        for first in range(0, len(order), BATCH * 50):
            pool = sorted(order[first : first + BATCH * 50], key=lambda i: len(encoded[i][0]))
            batches += [pool[i : i + BATCH] for i in range(0, len(pool), BATCH)]
        rng.shuffle(batches)
        total = 0.0
        model.train()
        for batch in batches:
            words, chars, feats, labels, mask = batch_tensors(torch, [encoded[i] for i in batch])
            loss = model.loss(model.scores(words, chars, feats, mask), labels, mask)
            optimiser.zero_grad()
            (loss / len(batch)).backward()
            nn.utils.clip_grad_norm_(model.parameters(), CLIP)
            optimiser.step()
            total += loss.item()
        print(f"  seed {seed} epoch {epoch + 1}: loss {total:.0f}", file=sys.stderr)
    model.eval()
    return model


def export(models, words, chars, features, table: np.ndarray, path: Path) -> None:
    """Write the heads in the format
    :func:`akhbar.analyze.entities.tagger.network.load_network` reads."""
    arrays = {
        "words": np.array("\n".join(words)),
        "chars": np.array("\n".join(chars)),
        "features": np.array("\n".join(features)),
        "labels": np.array("\n".join(LABELS)),
        "word_vectors": table.astype(np.float16),
    }
    for number, model in enumerate(models):
        state = {name: value.detach().numpy() for name, value in model.state_dict().items()}
        conv = state["conv.weight"]  # filters x char dimensions x width
        head = {
            "char_vectors": state["chars.weight"],
            "char_filters": conv.transpose(2, 1, 0).reshape(-1, conv.shape[0]),
            "char_bias": state["conv.bias"],
            "feature_vectors": state["features.weight"],
            "output_weight": state["out.weight"],
            "output_bias": state["out.bias"],
            "transitions": state["transitions"],
            "start": state["start"],
            "end": state["end"],
        }
        for way, suffix in (("forward", ""), ("backward", "_reverse")):
            head[f"{way}_input"] = state[f"lstm.weight_ih_l0{suffix}"]
            head[f"{way}_hidden"] = state[f"lstm.weight_hh_l0{suffix}"]
            head[f"{way}_bias"] = (
                state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"]
            )
        arrays |= {f"head{number}.{name}": value for name, value in head.items()}
    np.savez_compressed(path, **arrays)


def evaluate(path: Path, dev: dict[str, list[GoldSentence]]) -> dict[str, dict[str, float]]:
    """Micro-F1 per dev set of the network alone and of the CRF + network combination."""
    network = load_network(path)
    out: dict[str, dict[str, float]] = {"network": {}, "combined": {}}
    for name, sentences in dev.items():
        alone, combined = [], []
        for sentence in sentences:
            forms = word_forms(sentence.tokens)
            alone.append(network_tags(forms, network=network))
            combined.append(tag_forms(forms, network=network))
        out["network"][name] = round(score_sentences(sentences, alone).micro.f1, 4)
        out["combined"][name] = round(score_sentences(sentences, combined).micro.f1, 4)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED, help="the first head's seed")
    parser.add_argument("--heads", type=int, default=HEADS, help="heads, seeds seed, seed + 1, ...")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="folder for the network")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="folder for word2vec")
    args = parser.parse_args(argv)
    import torch
    from torch import nn

    started = time.perf_counter()
    vectors = word_vectors(args.data, args.cache)
    train, dev = load_splits(args.data)
    glued = [s for s in (attach_clitics(s) for s in train) if s is not None]
    replaced = replace_mentions(train)
    items = []
    for sentence in [*train, *glued, *replaced]:
        forms = word_forms(sentence.tokens)
        items.append((forms, lexicon_features(forms), sentence.labels))
    words, chars, features = vocabularies(items, vectors)
    index = {
        "words": {w: i for i, w in enumerate(words)},
        "chars": {c: i for i, c in enumerate(chars)},
        "features": {f: i for i, f in enumerate(features)},
    }
    label_index = {label: i for i, label in enumerate(LABELS)}
    encoded = [
        (*encode(forms, feats, index), [label_index[label] for label in labels])
        for forms, feats, labels in items
    ]
    table = np.zeros((len(words), WORD_DIMENSIONS), dtype=np.float32)
    unit = vectors.vectors / np.linalg.norm(vectors.vectors, axis=1, keepdims=True)
    table[2:] = unit
    print(
        f"train: {len(encoded)} sentences, {len(words)} words, {len(chars)} chars, "
        f"{len(features)} lexicon features ({time.perf_counter() - started:.0f}s)",
        file=sys.stderr,
    )
    sizes = {"chars": len(chars), "features": len(features)}
    models = []
    for seed in range(args.seed, args.seed + args.heads):
        models.append(train_head(torch, nn, sizes, table, encoded, seed, args.epochs))
        print(
            f"head {len(models)} (seed {seed}): {time.perf_counter() - started:.0f}s",
            file=sys.stderr,
        )
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / NETWORK_FILE
    export(models, words, chars, features, table, path)
    scores = evaluate(path, dev)
    print(f"dev micro-F1: {scores}", file=sys.stderr)
    meta = {
        "epochs": args.epochs,
        "heads": args.heads,
        "seeds": list(range(args.seed, args.seed + args.heads)),
        "word2vec": {
            "dimensions": WORD_DIMENSIONS,
            "window": WORD_WINDOW,
            "min_count": WORD_MIN_COUNT,
            "epochs": WORD_EPOCHS,
            "seed": WORD_SEED,
            "corpus": "ant-multisource.jsonl.gz, clitic-free words",
        },
        "layers": {
            "char_dimensions": CHAR_DIMENSIONS,
            "char_filters": CHAR_FILTERS,
            "feature_dimensions": FEATURE_DIMENSIONS,
            "hidden": HIDDEN,
            "dropout": DROPOUT,
        },
        "learning_rate": LEARNING_RATE,
        "batch": BATCH,
        "combination_weight": NETWORK_WEIGHT,
        "dev_micro_f1": scores,
        "data": ["newsfane/newsfane-train.txt (train blocks)", "wojood/train.txt"],
        "train_sentences": len(encoded),
    }
    (args.out / "ner-network.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
