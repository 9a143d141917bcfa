"""``make bench``: throughput against underthesea, 2 vs 1 workers, and memory at 1x vs 5x corpus size.

    python -m bench                 # about 5 minutes on 2 cores
    python -m bench --mb 5 --scale 2 --sample-seconds 5   # a quick look
    python -m bench --profile       # where the time goes, per function (cProfile)

Steps, all on this machine in this run:

1. Generate (or reuse) a corpus of at least ``--mb`` MB of varied articles under ``bench/data/``
   (see :mod:`bench.corpus` for how they are composed), and a ``--scale`` times larger one with
   other articles (another seed) for the memory comparison.
2. Baseline: underthesea ``word_tokenize`` on the sentences of the same corpus. A random sample of
   sentences (about a third of ``--sample-seconds`` long) is timed three times, between the
   pipeline's runs, and the fastest pass is extrapolated to all sentences by character count (the
   output says so); the whole corpus would take too long.
3. The pipeline with the cache off (``run_batch(use_cache=False)``), each run in its own process:
   1 worker and 2 workers on the corpus (alternating, twice), then 2 workers on the larger one.
   Peak RSS is the process's own (the main process) and its largest worker's.

Other programs on the machine (on a shared VM, its neighbours) slow some runs by 10–25%: every
measurement is repeated and the fastest counts, for the baseline as for the pipeline, so a ratio
compares the two at their best on the same machine. Every pass is printed, with the load average.

Targets (issue 4): throughput ≥10× word_tokenize on the same text in the same run on the same
machine, chitieu running as it does by default (a worker per core; word_tokenize is a single call per
sentence, as underthesea is used); 2 workers ≥ 1.7× one; peak RSS growth < 20% for 5× corpus. The
ratio per core (one worker against word_tokenize's one process) is printed for reference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from chitieu.pipeline.batch import default_jobs

from bench.corpus import generate

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences_of(folder: Path) -> list[str]:
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        out.extend(s for s in SENTENCE_END.split(path.read_text(encoding="utf-8")) if s.strip())
    return out


def baseline_sample(sentences: list[str], budget: float) -> tuple[list[str], float]:
    """A random sample of ``sentences`` that underthesea ``word_tokenize`` needs about ``budget``
    seconds for, and the seconds its first pass took."""
    from underthesea import word_tokenize

    word_tokenize("Khởi động mô hình tách từ.")  # model loading is not part of the rate
    order = list(range(len(sentences)))
    random.Random(0).shuffle(order)
    sample: list[str] = []
    started = time.perf_counter()
    for i in order:
        word_tokenize(sentences[i])
        sample.append(sentences[i])
        if time.perf_counter() - started > budget and len(sample) >= 200:
            break
    return sample, time.perf_counter() - started


def time_sample(sample: list[str]) -> float:
    """Seconds for ``word_tokenize`` on every sentence of ``sample`` (one more pass)."""
    from underthesea import word_tokenize

    started = time.perf_counter()
    for sentence in sample:
        word_tokenize(sentence)
    return time.perf_counter() - started


def baseline_rate(sentences: list[str], sample: list[str], passes: list[float]) -> dict:
    """The baseline from the fastest pass over the sample, extrapolated to all ``sentences``."""
    sample_chars = sum(map(len, sample))
    best = min(passes)
    total_chars = sum(map(len, sentences))
    return {
        "sentences": len(sentences), "sampled": len(sample), "passes": passes,
        "chars_per_s": sample_chars / best, "seconds": best * total_chars / sample_chars,
        "extrapolated": len(sample) < len(sentences),
    }


def run_once(inputs: Path, jobs: int, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "bench.run_once", str(inputs), "--out", str(out), "--jobs", str(jobs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"bench: the pipeline run failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    shutil.rmtree(out, ignore_errors=True)
    return result


def profile(folder: Path, n: int = 300) -> None:
    import cProfile
    import pstats

    from chitieu.pipeline.engine import warm_up
    from chitieu.pipeline.run import process_document

    from chitieu.models import Document

    warm_up()
    docs = [Document(p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))[:n]]
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        process_document(doc)
    profiler.disable()
    print(f"\nProfile of process_document over {len(docs)} documents (cumulative time, top 25):")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the corpus in MB (default 20)")
    parser.add_argument("--scale", type=int, default=5, help="the larger corpus is this many times larger")
    parser.add_argument("--sample-seconds", type=float, default=20.0, help="time budget of the word_tokenize sample")
    parser.add_argument("--profile", action="store_true", help="only profile the pipeline on 300 documents")
    args = parser.parse_args()

    print(f"Generating the corpora under {DATA} (reused when already there) ...", flush=True)
    # one folder per size, so that a quick look (--mb 5) does not replace the full corpus
    small = generate(DATA / f"corpus_{args.mb:g}mb", args.mb, seed=1)
    if args.profile:
        profile(Path(small["path"]))
        return
    large = generate(DATA / f"corpus_{args.mb * args.scale:g}mb_seed2", args.mb * args.scale, seed=2)
    print(f"  1x: {small['documents']} articles, {small['bytes'] / 1e6:.1f} MB;  "
          f"{args.scale}x: {large['documents']} articles, {large['bytes'] / 1e6:.1f} MB")
    print("  (each article composed at random from headline/lead/target/result/increase/reference/number/"
          "news-sentence templates over 63 provinces, 40 indicators, years 2015-2035; see bench/corpus.py)")

    sentences = sentences_of(Path(small["path"]))
    print(f"Baseline: underthesea word_tokenize on {len(sentences)} sentences of the 1x corpus: a random sample "
          f"timed 3 times, between the pipeline's runs ...", flush=True)
    sample, first = baseline_sample(sentences, args.sample_seconds / 3)
    passes = [first]
    print(f"  sample of {len(sample)} sentences: {first:.1f} s", flush=True)

    print("Pipeline, cache off (1x runs alternate 1 and 2 workers twice; the faster of each counts):", flush=True)
    runs: dict[str, dict] = {}
    cores = default_jobs()
    default_label = {1: "1x, 1 worker", 2: "1x, 2 workers"}.get(cores, f"1x, {cores} workers")
    extra = [] if cores in (1, 2) else [(default_label, small, cores)]  # all cores, as chitieu runs
    plan = [("1x, 1 worker", small, 1), ("1x, 2 workers", small, 2), *extra, ("baseline", None, 0)] * 2 + [
        (f"{args.scale}x, 2 workers", large, 2)]
    for label, folder, jobs in plan:
        load = os.getloadavg()[0]
        if folder is None:
            passes.append(time_sample(sample))
            print(f"  baseline sample  {passes[-1]:7.1f} s  (load average before: {load:.2f})", flush=True)
            continue
        r = run_once(Path(folder["path"]), jobs, DATA / "out")
        r["load_before"] = load
        print(f"  {label:<16} {r['seconds']:7.1f} s  {r['bytes'] / 1e6 / r['seconds']:6.2f} MB/s  "
              f"{r['documents'] / r['seconds']:7.1f} docs/s  {r['targets']} targets  {r['failed']} failed  "
              f"peak RSS main {r['rss_main_mb']:.0f} MB, largest worker {r['rss_worker_mb']:.0f} MB  "
              f"(load average before: {load:.2f})", flush=True)
        if label not in runs or r["seconds"] < runs[label]["seconds"]:
            runs[label] = r
    base = baseline_rate(sentences, sample, passes)
    how = (f"the fastest of {len(passes)} passes over a random sample of {base['sampled']} sentences, "
           "extrapolated by characters" if base["extrapolated"] else f"the fastest of {len(passes)} passes")
    print(f"Baseline: {base['chars_per_s'] / 1e3:.1f} k chars/s → {base['seconds']:.0f} s for the whole corpus "
          f"({how}; passes: {', '.join(f'{x:.1f}' for x in passes)} s)")

    one, two, big = runs["1x, 1 worker"], runs["1x, 2 workers"], runs[f"{args.scale}x, 2 workers"]
    ratio_one = base["seconds"] / one["seconds"]
    ratio_two = base["seconds"] / two["seconds"]
    ratio_default = base["seconds"] / runs[default_label]["seconds"]
    speedup = one["seconds"] / two["seconds"]
    growth_main = big["rss_main_mb"] / two["rss_main_mb"] - 1
    growth_worker = big["rss_worker_mb"] / two["rss_worker_mb"] - 1
    growth_total = (big["rss_main_mb"] + 2 * big["rss_worker_mb"]) / (two["rss_main_mb"] + 2 * two["rss_worker_mb"]) - 1
    checks = [
        (f"throughput vs word_tokenize, chitieu as it runs (all {cores} cores), same text, same machine: "
         f"{ratio_default:.1f}x", ratio_default >= 10),
        (f"2 workers vs 1: {speedup:.2f}x", speedup >= 1.7),
        (f"peak RSS growth at {args.scale}x corpus: main {growth_main:+.0%}, largest worker {growth_worker:+.0%}, "
         f"main + 2 workers {growth_total:+.0%}", max(growth_main, growth_worker) < 0.20),
    ]
    print("Targets (issue 4):")
    for text, ok in checks:
        print(f"  [{'PASS' if ok else 'FAIL'}] {text}")
    print(f"For reference: per core (1 worker against word_tokenize's 1 process) {ratio_one:.1f}x; "
          f"2 workers {ratio_two:.1f}x")
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "results.json").write_text(json.dumps(
        {"corpus": {"1x": small, f"{args.scale}x": large}, "baseline": base, "runs": runs,
         "ratio_1_worker": ratio_one, "ratio_2_workers": ratio_two, "ratio_default": ratio_default,
         "default_workers": cores, "speedup_2_workers": speedup,
         "rss_growth_main": growth_main, "rss_growth_worker": growth_worker}, indent=2))
    print(f"(numbers also in {DATA / 'results.json'})")


if __name__ == "__main__":
    main()
