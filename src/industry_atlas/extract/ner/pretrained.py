"""Training-time resources read from the installed `jieba` package (the `train` extra).

* `dict.txt`: ~350k words with part-of-speech tags; words tagged nr/ns/nt/nz become the
  proper-name lexicon, and frequent words the word lexicon.
* `lac_small/`: Baidu LAC's small model (Apache-2.0), whose 128-d character embeddings,
  trained on a large corpus, initialize the tagger's character embedding.

Only training reads these; the shipped model carries what it needs. Imports numpy and
the standard library; must not import torch or jieba itself (only its data files).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

import numpy as np
import numpy.typing as npt

from industry_atlas.core.errors import ConfigError

PROPER_NAME_TAGS = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt", "nz": "nz"}


@dataclass(frozen=True, slots=True)
class CharEmbeddings:
    """Pretrained character vectors: `vectors[i]` belongs to `chars[i]`."""

    chars: str
    vectors: npt.NDArray[np.float32]


def _jieba_file(*parts: str) -> Traversable:
    try:
        path = resources.files("jieba").joinpath(*parts)
    except ModuleNotFoundError as error:
        raise ConfigError(
            "training needs the jieba package (Tip: pip install 'industry-atlas[train]')"
        ) from error
    if not path.is_file():
        raise ConfigError(f"jieba has no {'/'.join(parts)} (Tip: pip install jieba==0.42.1)")
    return path


def read_jieba_words(min_frequency: int) -> tuple[dict[str, str], dict[str, str]]:
    """Read jieba's dictionary.

    Args:
        min_frequency: words rarer than this are left out of the word lexicon.

    Returns:
        (proper names -> nr/ns/nt/nz, frequent words -> "w"), words of 2+ characters.
    """
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    text = _jieba_file("dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split()
        if len(parts) != 3 or len(parts[0]) < 2:
            continue
        word, frequency, tag = parts
        if tag in PROPER_NAME_TAGS:
            names[word] = PROPER_NAME_TAGS[tag]
        if int(frequency) >= min_frequency:
            words[word] = "w"
    return names, words


def read_lac_embeddings() -> CharEmbeddings:
    """Read LAC's character embedding and vocabulary from jieba's `lac_small` folder."""
    vectors = _read_paddle_tensor(_jieba_file("lac_small", "model_baseline", "word_emb"))
    chars: list[str] = []
    rows: list[int] = []
    vocabulary = _jieba_file("lac_small", "word.dic").read_text(encoding="utf-8")
    for line in vocabulary.splitlines():
        row, _, char = line.partition("\t")
        if len(char) == 1 and row.isdigit() and int(row) < len(vectors):
            chars.append(char)
            rows.append(int(row))
    return CharEmbeddings("".join(chars), vectors[np.array(rows)])


def _read_paddle_tensor(path: Traversable) -> npt.NDArray[np.float32]:
    """Parse one PaddlePaddle LoDTensor file holding a float32 matrix.

    The layout is: uint32 version, uint64 LoD level (0 here), uint32 tensor version,
    int32 size of a TensorDesc protobuf (field 1 data type, field 2 repeated dims), data.
    """
    data = path.read_bytes()
    (lod_level,) = struct.unpack_from("<Q", data, 4)
    if lod_level != 0:
        raise ConfigError(f"{path}: unexpected PaddlePaddle tensor layout")
    (desc_size,) = struct.unpack_from("<i", data, 16)
    dims = _protobuf_dims(data[20 : 20 + desc_size])
    matrix = np.frombuffer(data, dtype="<f4", offset=20 + desc_size)
    return matrix.reshape(dims).astype(np.float32)


def _protobuf_dims(desc: bytes) -> list[int]:
    dims: list[int] = []
    position = 0
    while position < len(desc):
        key = desc[position]
        position += 1
        value, shift = 0, 0
        while True:
            byte = desc[position]
            position += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if key >> 3 == 2:
            dims.append(value)
    return dims
