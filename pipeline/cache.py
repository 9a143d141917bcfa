"""Per-document result shards: the content-hash cache that makes batch runs resumable.

A document's result is stored as one file named by the hash of what produced it: the
pipeline's version key (``pipeline.__version__`` plus a hash of the pipeline and extractor code
and data files) and the document's own content (file bytes or record text, doc_id, metadata).
The shard holds the document's rows already formatted for every output table
(:class:`pipeline.write.Rendered`, pickled: shards are written and read only by chitieu itself).
Shards are written atomically (temporary name, then rename), so a run killed at any moment —
even by SIGKILL — leaves only complete shards; a rerun finds them and skips those documents.

    >>> key = source_key(Source("d1", "a.txt", "text", data="Tỷ lệ 80%".encode()), "v1")
    >>> len(key), key == source_key(Source("d1", "a.txt", "text", data="Tỷ lệ 80%".encode()), "v1")
    (64, True)
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from functools import lru_cache
from pathlib import Path

import pipeline
from pipeline.read import Source
from pipeline.write import Rendered

WORK_DIR = ".chitieu-work"
_CODE_PACKAGES = ("pipeline", "extractors")


@lru_cache(maxsize=1)
def pipeline_key() -> str:
    """``<version>-<hash>`` of everything that decides a document's result: code and data files.

    Any edit to an extractor, its data or the pipeline's stages gives a new key, so a cached
    result is never reused by a pipeline that would compute it differently.
    """
    digest = hashlib.sha256(pipeline.__version__.encode())
    root = Path(pipeline.__file__).resolve().parent.parent
    for package in _CODE_PACKAGES:
        base = root / package
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (
                ".py", ".csv", ".tsv", ".json", ".txt"
            ):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return f"{pipeline.__version__}-{digest.hexdigest()[:16]}"


def source_key(src: Source, version_key: str) -> str:
    """Hash of a source's content and identity under a pipeline version (hex, 64 characters)."""
    digest = hashlib.sha256()
    for part in (version_key, src.kind, src.doc_id, json.dumps(src.meta, sort_keys=True)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    if src.data is not None:
        digest.update(src.data)
    elif src.text is not None:
        digest.update(src.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ShardStore:
    """Result shards of one pipeline version under ``root`` (``root/ab/abcdef….json``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        return self.path(key).is_file()

    def get(self, key: str) -> Rendered | None:
        """The stored rows, or None when absent or unreadable (a damaged shard is recomputed)."""
        try:
            with open(self.path(key), "rb") as fh:
                value = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None
        return value if isinstance(value, Rendered) else None

    def put(self, key: str, rendered: Rendered) -> None:
        """Store one document's rows atomically: readers see the whole shard or none."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(rendered, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)


def cache_root(out_dir: Path) -> Path:
    return Path(out_dir) / WORK_DIR / "cache"


def store_for(out_dir: Path, version_key: str | None = None) -> ShardStore:
    """The shard store of the current pipeline version under ``OUT/.chitieu-work/cache/``."""
    return ShardStore(cache_root(out_dir) / (version_key or pipeline_key()))


def prune_other_versions(out_dir: Path, version_key: str) -> None:
    """Remove shards of other pipeline versions: they can never be used again."""
    root = cache_root(out_dir)
    if root.is_dir():
        for child in root.iterdir():
            if child.is_dir() and child.name != version_key:
                shutil.rmtree(child, ignore_errors=True)
