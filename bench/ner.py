"""Entity tagger speed on one core, model size, and the validation scores it was shipped with.

Usage: python bench/ner.py [--model FILE] [--chars 1000000] [--repeat 3]

Tags a synthetic news-like text of about `--chars` characters (sentences built from
entity-rich templates) in one process with one BLAS thread, after a warm-up call that
loads the model. Prints characters/s (best of `--repeat`), the model file size, the
per-label validation scores from the metrics JSON next to the model, and the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

COMPANIES = ["小米集团", "优必选科技股份有限公司", "智谱AI", "宇树科技", "北京银行", "达闼机器人"]
BODIES = ["北京市经济和信息化局", "工业和信息化部", "上海市人民政府", "深圳市科技创新委员会"]
PEOPLE = ["雷军", "张鹏", "王兴兴", "周剑", "李明"]
TITLES = ["董事长", "首席执行官", "总经理", "副局长", "首席科学家"]
TEMPLATES = [
    "{company}{title}{person}表示，人形机器人产业正在加速发展。",
    "{body}近日印发行动方案，支持{company}等企业开展关键技术攻关。",
    "记者从{body}获悉，{company}的大模型产品已在多个行业落地应用。",
    "{person}担任{company}{title}以来，公司营收同比增长百分之三十。",
    "据{body}统计，2023年全市机器人产业规模超过170亿元。",
]


def make_text(chars: int, seed: int = 1) -> str:
    """Return a news-like text of at least `chars` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = rng.choice(TEMPLATES).format(
            company=rng.choice(COMPANIES),
            body=rng.choice(BODIES),
            person=rng.choice(PEOPLE),
            title=rng.choice(TITLES),
        )
        parts.append(sentence + ("\n" if rng.random() < 0.2 else ""))
        size += len(parts[-1])
    return "".join(parts)


def measure(model: Path | None, chars: int, repeat: int) -> dict[str, float]:
    """Tag the synthetic text `repeat` times; return the best speed in characters/s."""
    from industry_atlas.extract.ner import EntityRecognizer

    recognizer = EntityRecognizer(model)
    recognizer.recognize("小米集团董事长雷军表示。")
    text = make_text(chars)
    best = float("inf")
    span_count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        span_count = len(recognizer.recognize(text))
        best = min(best, time.perf_counter() - start)
    return {
        "chars": len(text),
        "seconds": round(best, 3),
        "chars_per_s": round(len(text) / best),
        "spans": span_count,
    }


def main() -> None:
    """Run the benchmark and print its results."""
    from industry_atlas.extract.ner.model import DEFAULT_METRICS, default_model_path
    from industry_atlas.extract.ner.train import machine_summary

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    model = args.model or default_model_path()
    result = measure(args.model, args.chars, args.repeat)
    print(f"machine: {machine_summary()}")
    print(f"model:   {model} ({model.stat().st_size / 1e6:.1f} MB)")
    print(
        f"speed:   {result['chars_per_s']:,} characters/s on one core "
        f"({result['chars']:,} characters in {result['seconds']} s, {result['spans']:,} spans)"
    )
    metrics_path = (
        model.with_name(DEFAULT_METRICS)
        if args.model is None
        else model.with_name(model.stem + ".metrics.json")
    )
    if metrics_path.exists():
        metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
        print(
            f"validation scores ({metrics_path.name}, trained in {metrics['training_seconds']} s):"
        )
        for label, score in metrics["validation"]["labels"].items():
            print(
                f"  {label:14s} P {score['precision']:.3f}  R {score['recall']:.3f}  F1 {score['f1']:.3f}"
            )
        focus = metrics["validation"]["micro_focus"]
        print(
            f"  micro-F1 on {', '.join(metrics['validation']['focus_labels'])}: {focus['f1']:.3f}"
        )


if __name__ == "__main__":
    main()
