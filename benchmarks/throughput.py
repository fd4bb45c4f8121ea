"""End-to-end throughput: `eventwire ingest` with 1 and 2 workers beside bare spaCy-sm `nlp.pipe`, same texts,
same run, on a conflict-only stream and on a mixed stream where most articles are not about conflict.

    python benchmarks/throughput.py [--articles 200] [--data ../shared/data]

Streams (built from the shared gold data; nothing is memorised):
- conflict: ACLED coders' notes grouped six to an article (one country each), like a wire round-up;
- mixed: LGL local news and the article-extraction gold bodies (mostly not about conflict), with one
  conflict article in ten.
Each eventwire run is a fresh process with a fresh store, so its peak RSS (and its workers') is its own.
Prints articles/s, the ratio to bare spaCy, parallel efficiency at 2 workers and peak RSS per worker, and
whether the acceptance bars hold (≥ 0.5× spaCy on conflict, ≥ 3× on mixed, ≥ 80 % efficiency, ≤ 1.5 GB).
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from eventwire.ingest import IngestPlan, ingest
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store import Store


def conflict_stream(data: Path, count: int, rng: random.Random) -> list[str]:
    with (data / "acled-events" / "acled-2022-sample.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_country: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_country[row["country"]].append(row["notes"])
    articles = []
    countries = sorted(c for c, notes in by_country.items() if len(notes) >= 6)
    while len(articles) < count:
        notes = by_country[rng.choice(countries)]
        articles.append("\n\n".join(rng.sample(notes, 6)))
    return articles


def other_news(data: Path) -> list[str]:
    texts = [article.findtext("text") or "" for article in ET.parse(data / "geoparsing" / "lgl.xml").getroot()]
    truth = json.loads((data / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    texts += [page["articleBody"] for page in truth.values()]
    return [t for t in texts if len(t.split()) >= 150]


def mixed_stream(data: Path, count: int, rng: random.Random) -> list[str]:
    conflict = conflict_stream(data, max(1, count // 10), rng)
    others = other_news(data)
    stream = conflict + [rng.choice(others) for _ in range(count - len(conflict))]
    rng.shuffle(stream)
    return stream


def bare_spacy(texts: list[str], model: str) -> float:
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:8]))  # warm-up
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(texts) / (time.perf_counter() - began)


def _eventwire_run(texts: list[str], workers: int, queue: multiprocessing.Queue) -> None:
    settings = Settings.load()
    Pipeline(settings).run(Article(raw=texts[0]))  # load the model and the place index before timing
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.sqlite")
        articles = [Article(raw=text, url=f"https://bench.example/{n}") for n, text in enumerate(texts)]
        began = time.perf_counter()
        summary = ingest(articles, settings, store, IngestPlan(workers=workers))
        seconds = time.perf_counter() - began
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    queue.put({"rate": len(texts) / seconds, "events": summary.events, "drops": dict(summary.drops),
               "rss_mb": own if workers == 1 else children, "parent_rss_mb": own})


def eventwire_rate(texts: list[str], workers: int) -> dict[str, object]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_eventwire_run, args=(texts, workers, queue))
    process.start()
    result: dict[str, object] = queue.get()
    process.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"throughput: no gold data at {args.data} (pass --data)")
    model = str(Settings.load().get("annotate.model"))
    rng = random.Random(5)
    ok = True
    print(f"{'stream':<10}{'articles':>9}{'spaCy/s':>9}{'ew 1w/s':>9}{'ratio':>7}{'ew 2w/s':>9}{'effic.':>8}"
          f"{'RSS/worker MB':>15}  drops (1 worker)")
    for name, texts, bar in (("conflict", conflict_stream(args.data, args.articles, rng), 0.5),
                             ("mixed", mixed_stream(args.data, args.articles, rng), 3.0)):
        spacy_rate = bare_spacy(texts, model)
        one, two = eventwire_rate(texts, 1), eventwire_rate(texts, 2)
        rate1, rate2 = float(str(one["rate"])), float(str(two["rate"]))
        ratio, efficiency = rate1 / spacy_rate, rate2 / (2 * rate1)
        rss = max(float(str(one["rss_mb"])), float(str(two["rss_mb"])))
        drops = ", ".join(f"{k} {v}" for k, v in sorted(dict(one["drops"]).items()))  # type: ignore[call-overload]
        print(f"{name:<10}{len(texts):>9}{spacy_rate:>9.1f}{rate1:>9.1f}{ratio:>6.2f}x{rate2:>9.1f}"
              f"{efficiency:>7.0%}{rss:>15.0f}  {drops}")
        holds = ratio >= bar and efficiency >= 0.8 and rss <= 1536
        ok = ok and holds
        print(f"  {name}: {'meets' if holds else 'misses'} the bars (≥ {bar}× spaCy, ≥ 80 % efficiency, "
              f"≤ 1.5 GB per worker); events {one['events']} with 1 worker, {two['events']} with 2")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
