"""The tagger's network in numpy: embeddings -> convolutions -> tag scores -> CRF.

Inference only; `torchnet.py` is its training twin and `export` there writes the arrays
read here. Imports numpy and `ner.features`/`ner.crf`; must not import torch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from industry_atlas.extract.ner.crf import Transitions, viterbi
from industry_atlas.extract.ner.features import CharInputs

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Network:
    """Weights of the convolutional tagger, its first convolution folded into lookups.

    The first layer is linear in the concatenated embeddings before its ReLU, so each
    kernel offset's share of it is a fixed row per character, per pair and per flag
    projection: precomputed once, a lookup and two additions replace the widest matrix
    product of the network (the same result, to float rounding).

    Attributes:
        char_table: [characters, kernel * hidden] the first layer's share of each
            character id, one `hidden`-wide block per kernel offset (row 0 pads: zero).
        pair_table: the same per character-pair id.
        flag_table: [flags, kernel * hidden] the same per flag.
        first_bias: [hidden] the first layer's bias.
        convolutions: the further layers: a [kernel * in_dim, out_dim] matrix and a bias.
        output_weight: [hidden, tags] and `output_bias` [tags]: the tag scores.
        transitions: the CRF scores.
    """

    char_table: FloatArray
    pair_table: FloatArray
    flag_table: FloatArray
    first_bias: FloatArray
    convolutions: tuple[tuple[FloatArray, FloatArray], ...]
    output_weight: FloatArray
    output_bias: FloatArray
    transitions: Transitions

    @property
    def kernel(self) -> int:
        """Width of every convolution (odd)."""
        return int(self.char_table.shape[1] // self.first_bias.shape[0])

    def tag(self, inputs: CharInputs, starts: IntArray, lengths: IntArray) -> list[IntArray]:
        """Return the best tag indices of each text in a joined batch.

        Args:
            inputs: texts joined into one block; rows with char id 0 are padding, and at
                least `kernel // 2` of them stand before, between and after the texts.
            starts: the first row of each text.
            lengths: the length of each text (at least 1).
        """
        scores = self.scores(inputs)
        tags: list[IntArray] = [np.zeros(0, dtype=np.int64)] * len(starts)
        order = np.argsort(lengths, kind="stable")
        for group in np.array_split(order, max(1, len(order) // 1024)):
            width = int(lengths[group].max())
            mask = np.arange(width)[None, :] < lengths[group, None]
            rows = np.minimum(starts[group, None] + np.arange(width)[None, :], len(scores) - 1)
            decoded = viterbi(scores[rows], mask, self.transitions)
            for row, number in enumerate(group.tolist()):
                tags[number] = decoded[row, : lengths[number]]
        return tags

    def scores(self, inputs: CharInputs) -> FloatArray:
        """Return [rows, tags] emission scores; padding rows (char id 0) stay zero inside."""
        mask = (inputs.char_ids != 0).astype(np.float32)[:, None]
        shares = self.char_table[inputs.char_ids]
        shares += self.pair_table[inputs.pair_ids]
        shares += inputs.flags @ self.flag_table
        shares *= mask
        hidden = _first_layer(shares, self.first_bias, self.kernel) * mask
        for weight, bias in self.convolutions:
            hidden = _convolve(hidden, weight, bias, self.kernel) * mask
        result: FloatArray = hidden @ self.output_weight + self.output_bias
        return result


def _first_layer(shares: FloatArray, bias: FloatArray, kernel: int) -> FloatArray:
    """ReLU of the first convolution from each row's per-offset shares.

    Rows within `kernel // 2` of either end are left zero: they are padding.
    """
    size = shares.shape[0]
    width = bias.shape[0]
    half = kernel // 2
    output = np.zeros((size, width), dtype=np.float32)
    if size <= 2 * half:
        return output
    inner = output[half : size - half]
    inner += bias
    for offset in range(kernel):
        inner += shares[offset : size - 2 * half + offset, offset * width : (offset + 1) * width]
    np.maximum(inner, 0.0, out=inner)
    return output


def _convolve(hidden: FloatArray, weight: FloatArray, bias: FloatArray, kernel: int) -> FloatArray:
    """ReLU of a same-size 1-d convolution, one matrix product per kernel offset.

    Rows within `kernel // 2` of either end are left zero: they are padding.
    """
    size, width = hidden.shape
    half = kernel // 2
    output = np.zeros((size, weight.shape[1]), dtype=np.float32)
    if size <= 2 * half:
        return output
    inner = output[half : size - half]
    inner += bias
    for offset in range(kernel):
        inner += (
            hidden[offset : size - 2 * half + offset]
            @ weight[offset * width : (offset + 1) * width]
        )
    np.maximum(inner, 0.0, out=inner)
    return output


def network_from_arrays(arrays: Mapping[str, npt.NDArray[np.generic]]) -> Network:
    """Build a `Network` from the arrays of a model file (see `torchnet.export_arrays`)."""

    def get(name: str) -> FloatArray:
        return np.asarray(arrays[name], dtype=np.float32)

    layer_count = int(np.asarray(arrays["conv_layers"]))
    first_weight, first_bias = get("conv0_weight"), get("conv0_bias")
    char_embedding, pair_embedding = get("char_embedding"), get("pair_embedding")
    flag_weight = get("flag_weight")
    in_dims = np.cumsum([0, char_embedding.shape[1], pair_embedding.shape[1], flag_weight.shape[1]])
    kernel = first_weight.shape[0] // int(in_dims[-1])

    def share(part: int, inputs: FloatArray) -> FloatArray:
        """The first layer's share of `inputs` (one embedding part), offset by offset."""
        width = int(in_dims[-1])
        first, last = int(in_dims[part]), int(in_dims[part + 1])
        blocks = [
            first_weight[offset * width + first : offset * width + last] for offset in range(kernel)
        ]
        return np.ascontiguousarray(inputs @ np.concatenate(blocks, axis=1), dtype=np.float32)

    return Network(
        char_table=share(0, char_embedding),
        pair_table=share(1, pair_embedding),
        flag_table=share(2, flag_weight),
        first_bias=first_bias,
        convolutions=tuple(
            (get(f"conv{layer}_weight"), get(f"conv{layer}_bias"))
            for layer in range(1, layer_count)
        ),
        output_weight=get("output_weight"),
        output_bias=get("output_bias"),
        transitions=Transitions(get("crf_start"), get("crf_matrix"), get("crf_end")),
    )
