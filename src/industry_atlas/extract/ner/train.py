"""Train the entity tagger on CLUENER data and evaluate a tagger on labelled records.

Training needs the `train` extra (torch, jieba); torch is imported inside the training
functions only, so evaluation and the tagger work without it. Imports numpy, core and
the `ner` modules; must not import the CLI.
"""

from __future__ import annotations

import json
import os
import platform
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from industry_atlas.extract.ner.cluener import CluenerRecord
from industry_atlas.extract.ner.evaluation import Evaluation, score_spans
from industry_atlas.extract.ner.features import CharInputs, Featurizer, Lexicon, Vocabulary
from industry_atlas.extract.ner.model import save_model
from industry_atlas.extract.ner.pretrained import CharEmbeddings
from industry_atlas.extract.ner.spans import encode_tags, tag_names
from industry_atlas.extract.ner.tagger import EntityRecognizer

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class TrainOptions:
    """How to train; every field is recorded in the model's metrics file.

    Attributes:
        seed: seeds the validation split, the folds, the batches and torch.
        validation_fraction: share of records held out for the reported scores.
        labels: labels to learn (None: every label in the data).
        epochs: passes over the training records.
        average_from: weights are averaged over the epochs from this one on.
        folds: the gazetteer features of a training record come from the other folds.
        batch_size: records per optimizer step.
        learning_rate: Adam's step size.
        min_pair_count: character pairs seen fewer times get no embedding of their own.
        word_min_frequency: jieba words rarer than this are left out of the word lexicon.
        layers, kernel, hidden: shape of the convolutional encoder.
        pair_dim, flag_dim: widths of the character-pair embedding and flag projection.
        threads: torch CPU threads.
    """

    seed: int = 2020
    validation_fraction: float = 0.1
    labels: tuple[str, ...] | None = None
    epochs: int = 12
    average_from: int = 6
    folds: int = 10
    batch_size: int = 32
    learning_rate: float = 2e-3
    min_pair_count: int = 2
    word_min_frequency: int = 5
    layers: int = 2
    kernel: int = 3
    hidden: int = 64
    pair_dim: int = 32
    flag_dim: int = 16
    threads: int = 2


@dataclass(frozen=True, slots=True)
class TrainReport:
    """What training produced: where the model is, its validation scores, how long it took."""

    model_path: Path
    metrics_path: Path
    evaluation: Evaluation
    seconds: float
    record_counts: dict[str, int] = field(default_factory=dict)


def split_records(
    records: Sequence[CluenerRecord], fraction: float, seed: int
) -> tuple[list[CluenerRecord], list[CluenerRecord]]:
    """Split records into (training, held-out) with a seeded shuffle; file order is kept.

    The same records, fraction and seed always give the same split.
    """
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    held = set(order[: round(len(records) * fraction)])
    return (
        [record for index, record in enumerate(records) if index not in held],
        [record for index, record in enumerate(records) if index in held],
    )


def evaluate(recognizer: EntityRecognizer, records: Sequence[CluenerRecord]) -> Evaluation:
    """Tag the texts of labelled records and score the result against their spans."""
    predicted = recognizer.recognize_many([record.text for record in records])
    return score_spans([record.spans for record in records], predicted)


def train_and_save(
    records: Sequence[CluenerRecord],
    model_path: Path,
    options: TrainOptions = TrainOptions(),
    progress: Progress | None = None,
) -> TrainReport:
    """Split off the validation records, train on the rest, save and score the model.

    Writes `model_path` and, beside it, `<stem>.metrics.json` with the validation scores,
    the options, the record counts, the training time and the machine.
    """
    started = time.perf_counter()
    training, validation = split_records(records, options.validation_fraction, options.seed)
    if not training or not validation:
        raise ValueError("too few records to hold out a validation split")
    train_model(training, model_path, options, progress)
    seconds = time.perf_counter() - started
    evaluation = evaluate(EntityRecognizer(model_path), validation)
    counts = {"training": len(training), "validation": len(validation)}
    metrics_path = model_path.with_name(model_path.stem + ".metrics.json")
    metrics = {
        "validation": evaluation.as_dict(),
        "options": asdict(options),
        "records": counts,
        "training_seconds": round(seconds, 1),
        "machine": machine_summary(),
    }
    metrics_path.write_text(
        json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return TrainReport(model_path, metrics_path, evaluation, seconds, counts)


def machine_summary() -> str:
    """Describe this machine in one line (processor, cores, Python)."""
    processor = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        processor = names[0].partition(":")[2].strip() if names else processor
    system = f"{platform.system()} {platform.machine()}"
    return f"{system}, {processor}, {os.cpu_count()} cores, Python {platform.python_version()}"


def train_model(
    records: Sequence[CluenerRecord],
    model_path: Path,
    options: TrainOptions = TrainOptions(),
    progress: Progress | None = None,
) -> None:
    """Train a tagger on `records` (all of them) and write it to `model_path`."""
    from industry_atlas.extract.ner import pretrained

    labels = options.labels or tuple(sorted({s.label for r in records for s in r.spans}))
    records = [_keep_labels(record, labels) for record in records]
    names, words = pretrained.read_jieba_words(max(options.word_min_frequency, 1))
    embeddings = pretrained.read_lac_embeddings()
    vocabulary = _build_vocabulary(records, embeddings.chars, options.min_pair_count)
    fixed = [Lexicon("names", ("nr", "ns", "nt", "nz"), names)]
    if options.word_min_frequency:
        fixed.append(Lexicon("words", ("w",), words))
    gazetteer = Lexicon("gazetteer", labels, gazetteer_of(records))
    tags = tag_names(labels)
    examples = _jackknife_examples(records, vocabulary, fixed, gazetteer, options, tags)
    arrays = _fit(examples, vocabulary, embeddings, options, len(tags), progress)
    config = {"labels": list(labels), "tags": list(tags), "options": asdict(options)}
    save_model(model_path, arrays, vocabulary, [*fixed, gazetteer], config)


def _keep_labels(record: CluenerRecord, labels: Sequence[str]) -> CluenerRecord:
    return replace(record, spans=tuple(s for s in record.spans if s.label in labels))


def gazetteer_of(records: Sequence[CluenerRecord]) -> dict[str, str]:
    """Map every entity surface of 2+ characters to its most frequent label."""
    votes: dict[str, Counter[str]] = {}
    for record in records:
        for span in record.spans:
            if len(span.text) >= 2:
                votes.setdefault(span.text, Counter())[span.label] += 1
    return {surface: counter.most_common(1)[0][0] for surface, counter in votes.items()}


def _build_vocabulary(
    records: Sequence[CluenerRecord], pretrained_chars: str, min_pair_count: int
) -> Vocabulary:
    from industry_atlas.core.text import fold_width

    texts = [fold_width(record.text) for record in records]
    seen = dict.fromkeys(pretrained_chars)
    seen.update(dict.fromkeys(char for text in texts for char in text))
    pairs = Counter(text[i : i + 2] for text in texts for i in range(len(text) - 1))
    return Vocabulary("".join(seen), sorted(p for p, n in pairs.items() if n >= min_pair_count))


Example = tuple[CharInputs, list[int]]


def _jackknife_examples(
    records: Sequence[CluenerRecord],
    vocabulary: Vocabulary,
    fixed: Sequence[Lexicon],
    gazetteer: Lexicon,
    options: TrainOptions,
    tags: Sequence[str],
) -> list[Example]:
    """Featurize records; each fold sees a gazetteer built from the other folds only.

    Without this, every training entity would be in the gazetteer and the network would
    learn to trust it blindly; at tagging time most entities are new.
    """
    order = list(range(len(records)))
    random.Random(options.seed + 1).shuffle(order)
    index = {tag: number for number, tag in enumerate(tags)}
    examples: list[Example] = []
    for fold in range(options.folds):
        inside = order[fold :: options.folds]
        others = [records[i] for i in sorted(set(order) - set(inside))]
        fold_gazetteer = Lexicon(gazetteer.name, gazetteer.categories, gazetteer_of(others))
        featurizer = Featurizer(vocabulary, [*fixed, fold_gazetteer])
        for i in inside:
            record = records[i]
            tagged = encode_tags(len(record.text), record.spans)
            examples.append((featurizer.featurize(record.text), [index[t] for t in tagged]))
    return [example for example in examples if example[1]]


def _fit(
    examples: list[Example],
    vocabulary: Vocabulary,
    embeddings: CharEmbeddings,
    options: TrainOptions,
    tag_count: int,
    progress: Progress | None,
) -> dict[str, npt.NDArray[np.generic]]:
    from industry_atlas.extract.ner import torchnet

    shape = torchnet.NetShape(
        char_count=vocabulary.char_count,
        pair_count=vocabulary.pair_count,
        flag_count=examples[0][0].flags.shape[1],
        tag_count=tag_count,
        hidden=options.hidden,
        pair_dim=options.pair_dim,
        flag_dim=options.flag_dim,
        layers=options.layers,
        kernel=options.kernel,
    )
    settings = torchnet.FitSettings(
        epochs=options.epochs,
        average_from=options.average_from,
        batch_size=options.batch_size,
        learning_rate=options.learning_rate,
        seed=options.seed,
        threads=options.threads,
    )
    initial = _initial_chars(vocabulary, embeddings, shape.char_dim, options.seed)
    return torchnet.fit(shape, settings, examples, initial, progress)


def _initial_chars(
    vocabulary: Vocabulary, embeddings: CharEmbeddings, dim: int, seed: int
) -> npt.NDArray[np.float32]:
    """Start characters LAC knows from its vectors, the others small and random."""
    random_rows = np.random.default_rng(seed).uniform(-0.1, 0.1, (vocabulary.char_count, dim))
    rows = random_rows.astype(np.float32)
    known = {char: row for row, char in enumerate(embeddings.chars)}
    for number, char in enumerate(vocabulary.chars):
        if char in known:
            rows[number + 2] = embeddings.vectors[known[char], :dim]
    rows[0] = 0.0
    return rows
