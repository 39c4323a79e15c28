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
    """Weights of the convolutional tagger.

    Attributes:
        char_embedding: [characters, dim] rows per character id (row 0 pads).
        pair_embedding: [pairs, dim] rows per character-pair id.
        flag_weight: [flags, dim] projection of the per-character flags.
        convolutions: per layer, a [kernel * in_dim, out_dim] matrix and an [out_dim] bias.
        output_weight: [hidden, tags] and `output_bias` [tags]: the tag scores.
        transitions: the CRF scores.
    """

    char_embedding: FloatArray
    pair_embedding: FloatArray
    flag_weight: FloatArray
    convolutions: tuple[tuple[FloatArray, FloatArray], ...]
    output_weight: FloatArray
    output_bias: FloatArray
    transitions: Transitions

    @property
    def kernel(self) -> int:
        """Width of every convolution (odd)."""
        in_dim = self.char_embedding.shape[1] + self.pair_embedding.shape[1]
        in_dim += self.flag_weight.shape[1]
        return int(self.convolutions[0][0].shape[0] // in_dim)

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
        hidden = np.concatenate(
            (
                self.char_embedding[inputs.char_ids],
                self.pair_embedding[inputs.pair_ids],
                inputs.flags @ self.flag_weight,
            ),
            axis=1,
        )
        hidden *= mask
        for weight, bias in self.convolutions:
            hidden = _convolve(hidden, weight, bias, self.kernel) * mask
        result: FloatArray = hidden @ self.output_weight + self.output_bias
        return result


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
    return Network(
        char_embedding=get("char_embedding"),
        pair_embedding=get("pair_embedding"),
        flag_weight=get("flag_weight"),
        convolutions=tuple(
            (get(f"conv{layer}_weight"), get(f"conv{layer}_bias")) for layer in range(layer_count)
        ),
        output_weight=get("output_weight"),
        output_bias=get("output_bias"),
        transitions=Transitions(get("crf_start"), get("crf_matrix"), get("crf_end")),
    )
