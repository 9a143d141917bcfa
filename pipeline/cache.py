"""Per-document result shards: the content-hash cache that makes batch runs resumable.

A document's result is stored under the hash of what produced it: the pipeline's version key
(``chitieu.pipeline.__version__`` plus a hash of the pipeline and extractor code and data files) and the
document's own content (file bytes or record text, doc_id, path, metadata). The shard holds the
document's rows already formatted for every output table (:class:`chitieu.pipeline.write.Rendered`,
pickled: shards are written and read only by chitieu itself). Shards are appended to pack files
with a length and checksum each (:class:`ShardStore`), so a run killed at any moment — even by
SIGKILL — leaves only complete shards that count; a rerun finds them and skips those documents.

    >>> key = source_key(Source("d1", "a.txt", "text", data="Tỷ lệ 80%".encode()), "v1")
    >>> len(key), key == source_key(Source("d1", "a.txt", "text", data="Tỷ lệ 80%".encode()), "v1")
    (64, True)
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pickle
import shutil
import struct
import time
import zlib
from functools import lru_cache
from pathlib import Path

from chitieu.extractors.lexicon import override_dir
from chitieu.pipeline import __version__
from chitieu.pipeline.read import Source
from chitieu.pipeline.write import Rendered

WORK_DIR = ".chitieu-work"
_CODE_PACKAGES = ("pipeline", "extractors", "")  # "": chitieu itself (models.py)


@lru_cache(maxsize=1)
def pipeline_key() -> str:
    """``<version>-<hash>`` of everything that decides a document's result: code and data files.

    Any edit to an extractor, its data or the pipeline's stages gives a new key, so a cached
    result is never reused by a pipeline that would compute it differently.
    """
    digest = hashlib.sha256(__version__.encode())
    for package in _CODE_PACKAGES:
        base = Path(importlib.import_module(f"chitieu.{package}".rstrip(".")).__file__).resolve().parent
        for path in sorted(base.glob("*") if not package else base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (
                ".py", ".csv", ".tsv", ".json", ".txt"
            ):
                digest.update(f"{package}/{path.relative_to(base)}".encode())
                digest.update(path.read_bytes())
    override = override_dir()  # a project's own word lists decide results too
    if override is not None and override.is_dir():
        for path in sorted(override.glob("*.csv")):
            digest.update(f"override/{path.name}".encode())
            digest.update(path.read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


def source_key(src: Source, version_key: str) -> str:
    """Hash of a source's content and identity under a pipeline version (hex, 64 characters).

    It holds everything the rows hold: the path too, so a rerun after moving the inputs writes
    where they are now, not where they were."""
    digest = hashlib.sha256()
    meta = json.dumps(src.meta, sort_keys=True, default=str)
    for part in (version_key, src.kind, src.doc_id, src.path, meta, "|".join(src.warnings)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    if src.data is not None:
        digest.update(src.data)
    elif src.text is not None:
        digest.update(src.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


_HEADER = struct.Struct("<4s64sQI")  # magic, key (64 hex digits), payload length, CRC-32 of the payload
_MAGIC = b"CHR1"


class ShardStore:
    """Result shards of one pipeline version, appended to pack files under ``root``.

    Each process that stores results appends them to a pack of its own (``root/<pid>-<ns>.pack``);
    a record is a header (key, length, checksum) followed by the pickled rows, and is flushed to the
    operating system as soon as it is written. A process killed mid-record (SIGKILL) leaves at most
    one incomplete record at the end of its pack, which fails its length or checksum test and is
    ignored: the document is simply computed again. One file per run and worker, not per document:
    creating and renaming a file per document cost more than extracting it on some file systems.

        >>> store = ShardStore(Path(tmp) / "v1")  # doctest: +SKIP
        >>> store.put("ab" * 32, rendered); ShardStore(Path(tmp) / "v1").has("ab" * 32)  # doctest: +SKIP
        True
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._index: dict[str, tuple[Path, int, int]] | None = None
        self._pid = os.getpid()
        self._out = None

    def _own(self) -> None:
        """Forget the handles of the process this store was copied from (a forked worker)."""
        if self._pid != os.getpid():
            self._pid, self._out = os.getpid(), None

    @property
    def index(self) -> dict[str, tuple[Path, int, int]]:
        """``{key: (pack, offset, length)}`` of every complete record, read once per process."""
        self._own()
        if self._index is None:
            self._index = {}
            for pack in sorted(self.root.glob("*.pack")) if self.root.is_dir() else []:
                self._scan(pack)
        return self._index

    def _scan(self, pack: Path) -> None:
        try:
            with open(pack, "rb") as fh:
                offset = 0
                while True:
                    header = fh.read(_HEADER.size)
                    if len(header) < _HEADER.size:
                        return
                    magic, key, length, crc = _HEADER.unpack(header)
                    payload = fh.read(length)
                    if magic != _MAGIC or len(payload) < length or zlib.crc32(payload) != crc:
                        return  # an incomplete last record (the writer was killed): ignored
                    offset += _HEADER.size
                    self._index.setdefault(key.decode("ascii"), (pack, offset, length))
                    offset += length
        except OSError:
            return

    def __len__(self) -> int:
        return len(self.index)

    def has(self, key: str) -> bool:
        return key in self.index

    def get(self, key: str) -> Rendered | None:
        """The stored rows, or None when absent or unreadable (a damaged record is recomputed)."""
        where = self.index.get(key)
        if where is None:  # stored by another process since this one read the packs
            self.refresh()
            where = self.index.get(key)
        if where is None:
            return None
        pack, offset, length = where
        try:
            with open(pack, "rb") as fh:
                fh.seek(offset)
                value = pickle.loads(fh.read(length))
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None
        return value if isinstance(value, Rendered) else None

    def put(self, key: str, rendered: Rendered) -> None:
        """Append one document's rows to this process's pack; readers see the whole record or none.

        The record is not added to this process's index (a run computes each document once), so a
        worker's memory does not grow with the number of documents it processes."""
        self._own()
        if self._out is None:
            self.root.mkdir(parents=True, exist_ok=True)
            self._out = open(self.root / f"{os.getpid()}-{time.time_ns()}.pack", "ab")  # noqa: SIM115 (open for the life of the process)
        payload = pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL)
        self._out.write(_HEADER.pack(_MAGIC, key.encode("ascii"), len(payload), zlib.crc32(payload)) + payload)
        self._out.flush()  # in the OS's hands now: survives a SIGKILL of this process

    def close(self) -> None:
        """Close this process's pack (the next ``put`` starts a new one)."""
        if self._out is not None and self._pid == os.getpid():
            self._out.close()
        self._out = None

    def refresh(self) -> None:
        """Read the packs again on next use (other processes may have added some) and close ours."""
        self.close()
        self._index = None


_STORES: dict[tuple[str, int], ShardStore] = {}


def open_store(root: str | Path) -> ShardStore:
    """This process's store for ``root`` (one pack and one index per process, not per document)."""
    key = (str(root), os.getpid())
    if key not in _STORES:
        _STORES[key] = ShardStore(Path(root))
    return _STORES[key]


def cache_root(out_dir: Path) -> Path:
    return Path(out_dir) / WORK_DIR / "cache"


def store_for(out_dir: Path, version_key: str | None = None) -> ShardStore:
    """The shard store of the current pipeline version under ``OUT/.chitieu-work/cache/``."""
    return open_store(cache_root(out_dir) / (version_key or pipeline_key()))


def prune_other_versions(out_dir: Path, version_key: str) -> None:
    """Remove shards of other pipeline versions: they can never be used again."""
    root = cache_root(out_dir)
    if root.is_dir():
        for child in root.iterdir():
            if child.is_dir() and child.name != version_key:
                shutil.rmtree(child, ignore_errors=True)
