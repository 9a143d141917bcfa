"""The result store: records in pack files, complete or ignored."""

from __future__ import annotations

import multiprocessing

from chitieu.pipeline.cache import ShardStore, open_store, source_key
from chitieu.pipeline.read import Source
from chitieu.pipeline.write import Rendered


def rendered(n: int) -> Rendered:
    return Rendered(csv={"targets": f"d{n},Tỷ lệ hộ nghèo,{n}\n".encode()}, text_line=b"", target_rows=[(f"d{n}", n)],
                    status="ok", targets=1, references=0)


def key(n: int) -> str:
    return source_key(Source(f"d{n}", f"d{n}.txt", "text", data=f"Đạt {n}%".encode()), "v1")


def test_put_then_get_in_this_and_a_fresh_store(tmp_path):
    store = ShardStore(tmp_path / "v1")
    for n in range(5):
        store.put(key(n), rendered(n))
    assert store.get(key(3)) == rendered(3)  # not in the index yet: read from the packs
    assert store.has(key(3)) and not store.has(key(9))
    store.close()
    again = ShardStore(tmp_path / "v1")
    assert len(again) == 5
    assert [again.get(key(n)).target_rows for n in range(5)] == [[(f"d{n}", n)] for n in range(5)]
    assert again.get(key(9)) is None


def test_a_record_cut_short_by_a_kill_is_ignored_the_rest_kept(tmp_path):
    store = ShardStore(tmp_path / "v1")
    for n in range(3):
        store.put(key(n), rendered(n))
    store.close()
    (pack,) = (tmp_path / "v1").glob("*.pack")
    data = pack.read_bytes()
    pack.write_bytes(data[:-7])  # the last record lost its end
    cut = ShardStore(tmp_path / "v1")
    assert (cut.has(key(0)), cut.has(key(1)), cut.has(key(2))) == (True, True, False)
    assert cut.get(key(1)) == rendered(1)


def test_a_damaged_payload_fails_its_checksum(tmp_path):
    store = ShardStore(tmp_path / "v1")
    store.put(key(0), rendered(0))
    store.put(key(1), rendered(1))
    store.close()
    (pack,) = (tmp_path / "v1").glob("*.pack")
    data = bytearray(pack.read_bytes())
    data[-3] ^= 0xFF
    pack.write_bytes(bytes(data))
    damaged = ShardStore(tmp_path / "v1")
    assert damaged.has(key(0)) and not damaged.has(key(1))


def _put_in_child(root: str, n: int) -> None:
    open_store(root).put(key(n), rendered(n))


def test_records_of_other_processes_are_seen_after_a_refresh(tmp_path):
    root = tmp_path / "v1"
    store = open_store(root)
    store.put(key(0), rendered(0))
    assert open_store(root) is store  # one store per process and root
    context = multiprocessing.get_context("fork")
    child = context.Process(target=_put_in_child, args=(str(root), 1))
    child.start()
    child.join()
    assert child.exitcode == 0
    assert len(list(root.glob("*.pack"))) == 2  # the child wrote a pack of its own, not into ours
    assert store.get(key(1)) == rendered(1)  # an unknown key makes the store read the packs again
    store.refresh()
    assert len(store) == 2
    store.close()
