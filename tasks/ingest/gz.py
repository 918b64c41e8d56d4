"""Gzip input, decompressed in pieces under a size limit.

`gzip.decompress` inflated a 4 MB bomb to 8.7 GB before any check: here the output is
counted as it is produced and the file is refused the moment it passes the limit.
"""
from __future__ import annotations

import zlib

from models.errors import UnreadableInput

# The same limit as for an uncompressed file (flows.config `max_file_bytes` default).
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 16


def gunzip_limited(raw: bytes, limit: int = MAX_UNZIPPED_BYTES) -> bytes:
    """Every member of a gzip stream, at most `limit` bytes in all, else UnreadableInput."""
    out: list[bytes] = []
    size = 0
    data = raw
    try:
        while data:
            inflater = zlib.decompressobj(wbits=31)
            pending = data
            while pending and not inflater.eof:
                piece = inflater.decompress(pending, _CHUNK)
                size += len(piece)
                if size > limit:
                    raise UnreadableInput(f"gzip file unpacks to more than {limit} bytes (limit)")
                out.append(piece)
                pending = inflater.unconsumed_tail
            if not inflater.eof:
                raise UnreadableInput("not a valid gzip file: the stream ends early")
            data = inflater.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise UnreadableInput(f"not a valid gzip file: {exc}") from None
    return b"".join(out)
