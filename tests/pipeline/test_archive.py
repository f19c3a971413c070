"""Content-addressed raw archive: layout, idempotence, atomicity, corruption detection."""

from __future__ import annotations

import gzip
import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from loa.pipeline.archive import ArchiveError, RawArchive

BODY = "<html><body><p>Ủy ban nhân dân tỉnh Thái Nguyên</p></body></html>".encode()


def test_roundtrip_and_fan_out_layout(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    digest = archive.put(BODY)
    assert digest == hashlib.sha256(BODY).hexdigest()
    path = archive.path_for(digest)
    assert path == tmp_path / digest[:2] / digest[2:4] / f"{digest}.gz"
    assert gzip.decompress(path.read_bytes()) == BODY
    assert archive.has(digest)
    assert archive.get(digest) == BODY


def test_put_is_idempotent_and_deterministic(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    digest = archive.put(BODY)
    first = archive.path_for(digest).read_bytes()
    assert archive.put(BODY) == digest
    assert archive.path_for(digest).read_bytes() == first
    other = RawArchive(tmp_path / "other")
    other.put(BODY)
    assert other.path_for(digest).read_bytes() == first  # mtime=0: same bytes, same file
    assert len(list(tmp_path.glob("??/??/*.gz"))) == 1


def test_concurrent_writers_of_the_same_body(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    with ThreadPoolExecutor(max_workers=8) as pool:
        digests = set(pool.map(lambda _: archive.put(BODY), range(32)))
    assert len(digests) == 1
    assert archive.get(digests.pop()) == BODY
    assert not list(tmp_path.rglob(".tmp-*"))


def test_empty_and_binary_bodies(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    for data in (b"", bytes(range(256)) * 100):
        assert archive.get(archive.put(data)) == data


def test_missing_entry(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no archived body"):
        RawArchive(tmp_path).get("0" * 64)
    assert not RawArchive(tmp_path).has("0" * 64)


@pytest.mark.parametrize("digest", ["../../etc/passwd", "ABC", "0" * 63, "g" * 64, "0" * 64 + "/.."])
def test_only_sha256_digests_are_accepted(tmp_path: Path, digest: str) -> None:
    with pytest.raises(ArchiveError, match="not a SHA-256"):
        RawArchive(tmp_path).path_for(digest)


def test_corruption_is_detected(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    digest = archive.put(BODY)
    path = archive.path_for(digest)
    path.write_bytes(gzip.compress(b"tampered", mtime=0))
    with pytest.raises(ArchiveError, match="corrupted"):
        archive.get(digest)
    path.write_bytes(b"not gzip")
    with pytest.raises(ArchiveError, match="unreadable"):
        archive.get(digest)
