"""The tagger's model file: one `.npz` with the weights, vocabulary, lexicons and config.

Saved with `allow_pickle=False`, so loading a model never runs code. Imports numpy and
the other `ner` inference modules; must not import torch.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from industry_atlas.core.errors import ConfigError
from industry_atlas.extract.ner.features import Featurizer, Lexicon, Vocabulary
from industry_atlas.extract.ner.network import Network, network_from_arrays

MODEL_FORMAT = "industry-atlas-ner.v1"
DEFAULT_MODEL = "cluener.npz"
DEFAULT_METRICS = "cluener.metrics.json"


@dataclass(frozen=True, slots=True)
class TaggerModel:
    """Everything needed to tag: features, network, tag names and the stored config."""

    featurizer: Featurizer
    network: Network
    tags: tuple[str, ...]
    config: Mapping[str, Any]


def default_model_path() -> Path:
    """Return the path of the model shipped inside the package."""
    return Path(str(resources.files("industry_atlas.extract.ner").joinpath("data", DEFAULT_MODEL)))


def save_model(
    path: Path,
    arrays: Mapping[str, npt.NDArray[np.generic]],
    vocabulary: Vocabulary,
    lexicons: Sequence[Lexicon],
    config: Mapping[str, Any],
) -> None:
    """Write a model file.

    Args:
        path: the `.npz` file to write (its folder must exist).
        arrays: network weights from `torchnet.export_arrays`.
        vocabulary: the character and pair vocabulary.
        lexicons: the lexicons, in flag-column order.
        config: JSON-serializable settings; must hold "tags".
    """
    stored = dict(arrays)
    stored["chars"] = np.array([ord(char) for char in vocabulary.chars], dtype=np.int32)
    stored["pairs"] = np.array(
        [[ord(pair[0]), ord(pair[1])] for pair in vocabulary.pairs], dtype=np.int32
    ).reshape(-1, 2)
    entries = []
    for number, lexicon in enumerate(lexicons):
        words = sorted(lexicon.words)
        stored[f"lexicon{number}_words"] = _text_array("\n".join(words))
        index = {category: position for position, category in enumerate(lexicon.categories)}
        stored[f"lexicon{number}_categories"] = np.array(
            [index[lexicon.words[word]] for word in words], dtype=np.uint8
        )
        entries.append({"name": lexicon.name, "categories": list(lexicon.categories)})
    full_config = {"format": MODEL_FORMAT, **config, "lexicons": entries}
    stored["config"] = _text_array(json.dumps(full_config, ensure_ascii=False))
    with path.open("wb") as handle:
        np.savez_compressed(handle, **stored)  # type: ignore[arg-type]


def load_model(path: Path) -> TaggerModel:
    """Read a model file written by `save_model`.

    Raises:
        ConfigError: if the file is missing, not a model file, or of another format.
    """
    try:
        with np.load(path, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise ConfigError(f"{path}: not a readable NER model ({error})") from error
    if "config" not in arrays:
        raise ConfigError(f"{path}: not an NER model file (no config)")
    config = json.loads(_array_text(arrays["config"]))
    if config.get("format") != MODEL_FORMAT:
        raise ConfigError(f"{path}: unsupported NER model format {config.get('format')!r}")
    return TaggerModel(
        featurizer=Featurizer(_vocabulary(arrays), _lexicons(arrays, config)),
        network=network_from_arrays(arrays),
        tags=tuple(config["tags"]),
        config=config,
    )


def _vocabulary(arrays: Mapping[str, npt.NDArray[Any]]) -> Vocabulary:
    chars = "".join(chr(code) for code in arrays["chars"].tolist())
    pairs = [chr(first) + chr(second) for first, second in arrays["pairs"].tolist()]
    return Vocabulary(chars, pairs)


def _lexicons(arrays: Mapping[str, npt.NDArray[Any]], config: Mapping[str, Any]) -> list[Lexicon]:
    lexicons = []
    for number, entry in enumerate(config["lexicons"]):
        text = _array_text(arrays[f"lexicon{number}_words"])
        words = text.split("\n") if text else []
        categories = entry["categories"]
        codes = arrays[f"lexicon{number}_categories"].tolist()
        mapping = {word: categories[code] for word, code in zip(words, codes, strict=True)}
        lexicons.append(Lexicon(entry["name"], tuple(categories), mapping))
    return lexicons


def _text_array(text: str) -> npt.NDArray[np.uint8]:
    return np.frombuffer(text.encode("utf-8", errors="surrogatepass"), dtype=np.uint8)


def _array_text(array: npt.NDArray[Any]) -> str:
    return bytes(array.astype(np.uint8)).decode("utf-8", errors="surrogatepass")
