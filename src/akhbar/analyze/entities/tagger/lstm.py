"""The network heads' BiLSTMs and output layers, run by ONNX Runtime on the CPU.

The heads are trained with PyTorch (``scripts/train_ner_network.py``) and stored as plain
arrays in ``models/ner-network.npz``; :func:`lstm_runner` turns those arrays into an ONNX graph
in memory (one ``LSTM`` node, both directions, and a ``MatMul`` per head) for ONNX Runtime, the
runtime made for this: its LSTM runs every step in C++ (the Python step loop it replaces was
most of akhbar's analysis time). ``python benchmarks/entities.py`` compares the two.

ONNX Runtime pads a batch to its longest sentence and computes the padding too, so sentences
run in batches of similar lengths (``_BATCH_TOKENS`` of work, padding included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import onnxruntime
from onnx import TensorProto, helper, numpy_helper

__all__ = ["LstmRunner", "lstm_runner"]

# Tokens (padding included) run in one call: bounds memory on a very long article.
_BATCH_TOKENS = 4096
# A sentence joins the current batch while the padding that brings stays under this share.
_MAX_PADDING = 0.25


@dataclass(frozen=True, eq=False)
class LstmRunner:
    """An ONNX Runtime session over every head: inputs ``x0, x1, ...`` (steps x sentences x
    width) and ``lengths``; outputs ``y0, y1, ...`` (steps x sentences x labels)."""

    session: onnxruntime.InferenceSession
    heads: int

    def scores(self, inputs: Sequence[np.ndarray], lengths: Sequence[int]) -> np.ndarray:
        """Label scores of every token (heads x tokens x labels) given each head's inputs
        (tokens x width) of sentences of ``lengths``, tokens in order."""
        total = sum(lengths)
        labels = self.session.get_outputs()[0].shape[-1]
        out = np.zeros((self.heads, total, labels), dtype=np.float32)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        for batch in _batches(lengths):
            sizes = np.array([lengths[s] for s in batch], dtype=np.int64)
            steps = int(sizes.max())
            # Token k of sentence s of the batch sits at (position, column) in the padding.
            column = np.repeat(np.arange(len(batch)), sizes)
            position = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            tokens = np.repeat(starts[batch], sizes) + position
            feeds = {"lengths": sizes.astype(np.int32)}
            for head, head_inputs in enumerate(inputs):
                padded = np.zeros((steps, len(batch), head_inputs.shape[1]), dtype=np.float32)
                padded[position, column] = head_inputs[tokens]
                feeds[f"x{head}"] = padded
            for head, scores in enumerate(self.session.run(None, feeds)):
                out[head, tokens] = scores[position, column]
        return out


def _batches(lengths: Sequence[int]) -> list[list[int]]:
    """Sentences (by index) in batches of similar lengths, longest first; empty ones left out."""
    order = sorted((s for s, n in enumerate(lengths) if n), key=lambda s: -lengths[s])
    batches: list[list[int]] = []
    for sentence in order:
        current = batches[-1] if batches else None
        if current is not None:
            longest = lengths[current[0]]
            real = sum(lengths[s] for s in current) + lengths[sentence]
            padded = longest * (len(current) + 1)
            if padded <= _BATCH_TOKENS and padded - real <= _MAX_PADDING * padded:
                current.append(sentence)
                continue
        batches.append([sentence])
    return batches


def lstm_runner(heads: Sequence[dict[str, np.ndarray]]) -> LstmRunner:
    """The session for ``heads`` (arrays as the training script exports them: PyTorch's gate
    order input, forget, cell, output; both LSTM biases summed)."""
    nodes, weights, inputs, outputs = [], [], [], []
    for number, head in enumerate(heads):
        size = head["forward_hidden"].shape[1]
        width = head["forward_input"].shape[1]
        labels = head["output_bias"].shape[0]
        ways = ("forward", "backward")
        arrays = {
            "w": np.stack([_onnx_gates(head[f"{way}_input"]) for way in ways]),
            "r": np.stack([_onnx_gates(head[f"{way}_hidden"]) for way in ways]),
            "b": np.stack(
                [
                    np.concatenate([_onnx_gates(head[f"{way}_bias"]), np.zeros(4 * size)])
                    for way in ways
                ]
            ),
            "out_w": head["output_weight"].T,
            "out_b": head["output_bias"],
            "shape": np.array([0, 0, 2 * size], dtype=np.int64),
        }
        for name, value in arrays.items():
            dtype = np.int64 if name == "shape" else np.float32
            weights.append(numpy_helper.from_array(value.astype(dtype), f"{name}{number}"))
        x, y = f"x{number}", f"y{number}"
        nodes += [
            helper.make_node(
                "LSTM",
                [x, f"w{number}", f"r{number}", f"b{number}", "lengths"],
                [f"states{number}"],
                direction="bidirectional",
                hidden_size=size,
            ),
            # steps x directions x sentences x size -> steps x sentences x (directions x size)
            helper.make_node("Transpose", [f"states{number}"], [f"t{number}"], perm=[0, 2, 1, 3]),
            helper.make_node("Reshape", [f"t{number}", f"shape{number}"], [f"h{number}"]),
            helper.make_node("MatMul", [f"h{number}", f"out_w{number}"], [f"m{number}"]),
            helper.make_node("Add", [f"m{number}", f"out_b{number}"], [y]),
        ]
        inputs.append(helper.make_tensor_value_info(x, TensorProto.FLOAT, [None, None, width]))
        outputs.append(helper.make_tensor_value_info(y, TensorProto.FLOAT, [None, None, labels]))
    inputs.append(helper.make_tensor_value_info("lengths", TensorProto.INT32, [None]))
    graph = helper.make_graph(nodes, "akhbar-ner-heads", inputs, outputs, weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
    options = onnxruntime.SessionOptions()
    # The matrices are small: one thread per process is fastest, and --jobs gives the rest.
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(
        model.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    return LstmRunner(session, len(heads))


def _onnx_gates(array: np.ndarray) -> np.ndarray:
    """PyTorch's gate blocks (input, forget, cell, output) in ONNX's order (input, output,
    forget, cell)."""
    enter, forget, cell, leave = np.split(array, 4, axis=0)
    return np.concatenate([enter, leave, forget, cell], axis=0)
