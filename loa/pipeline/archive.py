"""Content-addressed archive of raw fetched bytes, so that reprocessing never needs a refetch.

A body is stored once under the SHA-256 of its raw bytes, gzip-compressed, at
``<root>/ab/cd/abcdef….gz`` (two fan-out levels keep directories small). Writes go to a temporary
file in the same directory and are renamed into place, so readers never see a partial file and two
workers storing the same body at once both succeed. Only the standard library is used.

What the bytes were (URL, headers, time) is the caller's record: the archive knows only content.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import tempfile
from pathlib import Path

_DIGEST = re.compile(r"^[0-9a-f]{64}$")


class ArchiveError(Exception):
    """Missing, unreadable or corrupted archive entry."""


class RawArchive:
    def __init__(self, root: Path | str, compresslevel: int = 6) -> None:
        self.root = Path(root)
        self.compresslevel = compresslevel

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def path_for(self, digest: str) -> Path:
        if not _DIGEST.match(digest):
            raise ArchiveError(f"not a SHA-256 hex digest: {digest!r}")
        return self.root / digest[:2] / digest[2:4] / f"{digest}.gz"

    def has(self, digest: str) -> bool:
        return self.path_for(digest).is_file()

    def put(self, data: bytes) -> str:
        """Store ``data`` (idempotent) and return its SHA-256 hex digest."""
        digest = self.digest(data)
        path = self.path_for(digest)
        if path.is_file():
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        # mtime=0: the same bytes always give the same file, whoever wrote it.
        compressed = gzip.compress(data, compresslevel=self.compresslevel, mtime=0)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(compressed)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        """The stored bytes; raises ArchiveError if missing or if they no longer match the digest."""
        path = self.path_for(digest)
        try:
            data = gzip.decompress(path.read_bytes())
        except FileNotFoundError as exc:
            raise ArchiveError(f"no archived body {digest}") from exc
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise ArchiveError(f"unreadable archived body {digest}: {exc}") from exc
        if self.digest(data) != digest:
            raise ArchiveError(f"archived body {digest} is corrupted (hash mismatch)")
        return data
