"""One timed batch run in its own process, so its peak memory is its own: prints a JSON line.

    python -m bench.run_once --jobs 2 --out bench/data/out bench/data/corpus_20mb
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import time
from pathlib import Path

from chitieu.pipeline.batch import run_batch


def _own_peak_kib() -> float:
    """Peak resident memory of this process since it started (Linux ``VmHWM``), in KiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    summary = run_batch(args.inputs, Path(args.out), jobs=args.jobs, use_cache=False, progress=False,
                        errors=io.StringIO())
    seconds = time.perf_counter() - started
    print(json.dumps({
        "seconds": seconds,
        "documents": summary.documents,
        "failed": summary.failed,
        "targets": summary.targets,
        "references": summary.references,
        "bytes": summary.bytes,
        # The main process's own peak (VmHWM: ru_maxrss would carry over the peak of the bench
        # process this one was forked from), and the largest worker's (ru_maxrss, KiB on Linux).
        "rss_main_mb": _own_peak_kib() / 1024,
        "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


if __name__ == "__main__":
    main()
