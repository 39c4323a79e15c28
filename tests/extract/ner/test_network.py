"""The numpy network: its first convolution, folded into per-id lookup tables, gives the
scores of the plain computation (concatenate the embeddings, convolve, ReLU) on the
shipped model's own weights."""

from __future__ import annotations

import numpy as np

from industry_atlas.extract.ner.features import featurize_batch
from industry_atlas.extract.ner.model import default_model_path, load_model
from industry_atlas.extract.ner.network import network_from_arrays

TEXTS = ["小米集团董事长雷军在北京发布了CyberOne人形机器人。", "合肥市经济和信息化局印发通知", "x"]


def plain_scores(arrays: dict[str, np.ndarray], char_ids, pair_ids, flags) -> np.ndarray:
    """Scores as the network is defined: every layer a convolution over concatenated rows."""
    hidden = np.concatenate(
        (
            arrays["char_embedding"][char_ids],
            arrays["pair_embedding"][pair_ids],
            flags @ arrays["flag_weight"],
        ),
        axis=1,
    ).astype(np.float64)
    mask = (char_ids != 0)[:, None]
    hidden *= mask
    for layer in range(int(arrays["conv_layers"])):
        weight, bias = arrays[f"conv{layer}_weight"], arrays[f"conv{layer}_bias"]
        width = hidden.shape[1]
        kernel = weight.shape[0] // width
        half = kernel // 2
        output = np.zeros((len(hidden), weight.shape[1]))
        for row in range(half, len(hidden) - half):
            window = hidden[row - half : row + half + 1].reshape(-1)
            output[row] = np.maximum(window @ weight + bias, 0.0)
        hidden = output * mask
    return hidden @ arrays["output_weight"] + arrays["output_bias"]


def test_folded_first_layer_scores_like_the_plain_network() -> None:
    with np.load(default_model_path(), allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in stored.files}
    model = load_model(default_model_path())
    inputs, _, _ = featurize_batch(model.featurizer, TEXTS, model.network.kernel // 2)

    folded = network_from_arrays(arrays).scores(inputs)
    plain = plain_scores(arrays, inputs.char_ids, inputs.pair_ids, inputs.flags)

    assert folded.shape == plain.shape
    assert np.abs(plain).max() > 1.0  # real scores, not an all-zero block
    np.testing.assert_allclose(folded, plain, rtol=1e-4, atol=1e-3)
