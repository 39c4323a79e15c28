"""The training twin of `network.Network`, in PyTorch, and its export to numpy arrays.

Imported only by `train.py`, inside the training functions: torch is a training-only
dependency (the `train` extra) and the tagger never imports this module.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import torch
from torch import nn
from torch.optim.swa_utils import AveragedModel

from industry_atlas.extract.ner.features import CharInputs


@dataclass(frozen=True, slots=True)
class NetShape:
    """Sizes of the network; stored in the model's config."""

    char_count: int
    pair_count: int
    flag_count: int
    tag_count: int
    char_dim: int = 128
    pair_dim: int = 64
    flag_dim: int = 32
    hidden: int = 128
    layers: int = 2
    kernel: int = 3
    dropout: float = 0.3


class TaggerNet(nn.Module):
    """Embeddings of characters, pairs and flags -> ReLU convolutions -> CRF."""

    def __init__(self, shape: NetShape) -> None:
        """Create randomly initialized layers of the given shape."""
        super().__init__()
        self.char_embedding = nn.Embedding(shape.char_count, shape.char_dim, padding_idx=0)
        self.pair_embedding = nn.Embedding(shape.pair_count, shape.pair_dim)
        self.flag_projection = nn.Linear(shape.flag_count, shape.flag_dim, bias=False)
        width = shape.char_dim + shape.pair_dim + shape.flag_dim
        self.convolutions = nn.ModuleList(
            nn.Conv1d(width if layer == 0 else shape.hidden, shape.hidden, shape.kernel)
            for layer in range(shape.layers)
        )
        self.kernel = shape.kernel
        self.dropout = nn.Dropout(shape.dropout)
        self.output = nn.Linear(shape.hidden, shape.tag_count)
        self.crf_start = nn.Parameter(torch.zeros(shape.tag_count))
        self.crf_matrix = nn.Parameter(torch.zeros(shape.tag_count, shape.tag_count))
        self.crf_end = nn.Parameter(torch.zeros(shape.tag_count))

    def forward(
        self, chars: torch.Tensor, pairs: torch.Tensor, flags: torch.Tensor
    ) -> torch.Tensor:
        """Return [batch, length, tags] emission scores; char id 0 marks padding."""
        mask = (chars != 0).unsqueeze(1).float()
        hidden = torch.cat(
            (self.char_embedding(chars), self.pair_embedding(pairs), self.flag_projection(flags)),
            dim=-1,
        )
        hidden = self.dropout(hidden).transpose(1, 2) * mask
        half = self.kernel // 2
        for convolution in self.convolutions:
            padded = nn.functional.pad(hidden, (half, half))
            hidden = torch.relu(convolution(padded)) * mask
        scores: torch.Tensor = self.output(self.dropout(hidden.transpose(1, 2)))
        return scores

    def loss(self, scores: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Return the CRF negative log-likelihood summed over the batch."""
        return (self._log_partition(scores, mask) - self._path_score(scores, tags, mask)).sum()

    def _path_score(
        self, scores: torch.Tensor, tags: torch.Tensor, mask: torch.Tensor
    ) -> torch.Tensor:
        emitted = scores.gather(2, tags.unsqueeze(2)).squeeze(2) * mask
        moved = self.crf_matrix[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]
        last = tags.gather(1, (mask.sum(1).long() - 1).unsqueeze(1)).squeeze(1)
        return self.crf_start[tags[:, 0]] + emitted.sum(1) + moved.sum(1) + self.crf_end[last]

    def _log_partition(self, scores: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        alpha = self.crf_start + scores[:, 0]
        for position in range(1, scores.shape[1]):
            stepped = torch.logsumexp(alpha.unsqueeze(2) + self.crf_matrix, dim=1)
            stepped = stepped + scores[:, position]
            alpha = torch.where(mask[:, position].unsqueeze(1) > 0, stepped, alpha)
        return torch.logsumexp(alpha + self.crf_end, dim=1)


def to_tensors(batch: list[CharInputs]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pad a batch of inputs into (chars, pairs, flags) tensors."""
    length = max(inputs.char_ids.size for inputs in batch)
    chars = np.zeros((len(batch), length), dtype=np.int64)
    pairs = np.zeros((len(batch), length), dtype=np.int64)
    flags = np.zeros((len(batch), length, batch[0].flags.shape[1]), dtype=np.float32)
    for row, inputs in enumerate(batch):
        size = inputs.char_ids.size
        chars[row, :size] = inputs.char_ids
        pairs[row, :size] = inputs.pair_ids
        flags[row, :size] = inputs.flags
    return torch.from_numpy(chars), torch.from_numpy(pairs), torch.from_numpy(flags)


def export_arrays(net: TaggerNet) -> dict[str, npt.NDArray[np.generic]]:
    """Return the weights as the numpy arrays `network.network_from_arrays` reads."""

    def array(tensor: torch.Tensor) -> npt.NDArray[np.float32]:
        return np.asarray(tensor.detach().cpu().numpy(), dtype=np.float32)

    arrays: dict[str, npt.NDArray[np.generic]] = {
        "char_embedding": array(net.char_embedding.weight).astype(np.float16),
        "pair_embedding": array(net.pair_embedding.weight).astype(np.float16),
        "flag_weight": array(net.flag_projection.weight).T.copy(),
        "conv_layers": np.array(len(net.convolutions)),
        "output_weight": array(net.output.weight).T.copy(),
        "output_bias": array(net.output.bias),
        "crf_start": array(net.crf_start),
        "crf_matrix": array(net.crf_matrix),
        "crf_end": array(net.crf_end),
    }
    for layer, convolution in enumerate(net.convolutions):
        assert isinstance(convolution, nn.Conv1d)
        weight = array(convolution.weight)  # [out, in, kernel]
        arrays[f"conv{layer}_weight"] = weight.transpose(2, 1, 0).reshape(-1, weight.shape[0])
        arrays[f"conv{layer}_bias"] = array(convolution.bias)  # type: ignore[arg-type]
    return arrays


@dataclass(frozen=True, slots=True)
class FitSettings:
    """Optimization settings of `fit`."""

    epochs: int
    average_from: int
    batch_size: int
    learning_rate: float
    seed: int
    threads: int


Example = tuple[CharInputs, list[int]]


def fit(
    shape: NetShape,
    settings: FitSettings,
    examples: Sequence[Example],
    initial_chars: npt.NDArray[np.float32],
    progress: Callable[[str], None] | None = None,
) -> dict[str, npt.NDArray[np.generic]]:
    """Train a network with Adam and return the weights averaged over the last epochs."""
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    net = TaggerNet(shape)
    with torch.no_grad():
        net.char_embedding.weight.copy_(torch.from_numpy(initial_chars))
    optimizer = torch.optim.Adam(net.parameters(), lr=settings.learning_rate)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: 1 / (1 + 0.05 * epoch))
    averaged: AveragedModel | None = None
    shuffler = random.Random(settings.seed)
    for epoch in range(settings.epochs):
        loss = _run_epoch(net, optimizer, examples, settings.batch_size, shuffler)
        schedule.step()
        if epoch >= settings.average_from:
            if averaged is None:
                averaged = AveragedModel(net)
            else:
                averaged.update_parameters(net)
        if progress:
            progress(f"epoch {epoch + 1}/{settings.epochs}: loss {loss:.3f}")
    final = net if averaged is None else averaged.module
    assert isinstance(final, TaggerNet)
    return export_arrays(final)


def _run_epoch(
    net: TaggerNet,
    optimizer: torch.optim.Optimizer,
    examples: Sequence[Example],
    batch_size: int,
    shuffler: random.Random,
) -> float:
    """One pass in length-bucketed random batches; returns the mean loss per record."""
    net.train()
    order = sorted(range(len(examples)), key=lambda i: len(examples[i][1]) + shuffler.random() * 4)
    batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    shuffler.shuffle(batches)
    total = 0.0
    for batch in batches:
        chars, pairs, flags = to_tensors([examples[i][0] for i in batch])
        tags = torch.zeros_like(chars)
        for row, i in enumerate(batch):
            tags[row, : len(examples[i][1])] = torch.tensor(examples[i][1])
        loss = net.loss(net(chars, pairs, flags), tags, (chars != 0).float()) / len(batch)
        optimizer.zero_grad()
        loss.backward()  # type: ignore[no-untyped-call]
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        optimizer.step()
        total += loss.item() * len(batch)
    return total / max(len(examples), 1)
