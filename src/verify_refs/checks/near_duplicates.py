"""Finding near-duplicate passages without comparing every pair: MinHash LSH.

Each passage becomes the set of its word bigrams. The MinHash sketches of all passages are
computed at once with numpy, with the same "affine32" scheme as ``datasketch.MinHash``
(a word's CRC-32, mixed with the MurmurHash3 finalizer, then ``a * h + b mod 2**32`` for
each of ``NUM_PERM`` permutations), and cut into ``BANDS`` bands of ``ROWS`` values, as
``datasketch.MinHashLSH`` does: only passages that share a whole band become candidates,
which the caller then confirms by aligning their words. See
https://ekzhu.com/datasketch/lsh.html.

Why not ``datasketch`` itself: importing it imports SciPy (for the integral that picks the
band shape), about 0.35 s of every run over two documents or more, where the whole check of
``corpus/`` takes under a second. The tests hold this module to ``datasketch``: the same
signatures as ``MinHash`` and the same candidates as ``MinHashLSH`` on random passages.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

NUM_PERM = 64
THRESHOLD = 0.3  # Jaccard of bigram sets; one changed word in 12 leaves ~0.7
SEED = 1
# The band shape ``MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)`` picks (it minimises
# the false positive plus false negative probability at the threshold); the tests check it.
BANDS, ROWS = 21, 3
_CHUNK = 1 << 18  # shingles per numpy batch: 2**18 x 64 x 4 bytes = 64 MB
_GOLDEN = np.uint32(0x9E3779B1)


def fmix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finalizer, element-wise (multiplication wraps mod 2**32)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def shingle_hashes(words: Sequence[str], cache: dict[str, int] | None = None) -> np.ndarray:
    """32-bit hashes of the word bigrams of one passage (of the word, if only one)."""
    cache = {} if cache is None else cache
    hashes = np.fromiter((_word_hash(w, cache) for w in words), dtype=np.uint32, count=len(words))
    if len(hashes) < 2:
        return hashes
    with np.errstate(over="ignore"):
        return fmix32(hashes[:-1] * _GOLDEN) ^ hashes[1:]


def _word_hash(word: str, cache: dict[str, int]) -> int:
    value = cache.get(word)
    if value is None:
        value = cache[word] = zlib.crc32(word.encode())
    return value


def sketches(passages: Sequence[Sequence[str]]) -> np.ndarray:
    """The MinHash signatures of many passages: an ``(n, NUM_PERM)`` uint32 array.

    Row ``i`` equals ``MinHash(NUM_PERM, SEED, hashfunc=int).update_batch(shingles_i)``.
    """
    a, b = permutations()
    cache: dict[str, int] = {}
    per_passage = [shingle_hashes(words, cache) for words in passages]
    result = np.empty((len(per_passage), NUM_PERM), dtype=np.uint32)
    start = 0
    while start < len(per_passage):
        stop, size = start, 0
        while stop < len(per_passage) and (size == 0 or size + len(per_passage[stop]) <= _CHUNK):
            size += len(per_passage[stop])
            stop += 1
        result[start:stop] = _min_hashes(per_passage[start:stop], a, b)
        start = stop
    return result


def permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``NUM_PERM`` affine maps ``h -> a * h + b mod 2**32`` of ``datasketch.MinHash``'s
    "affine32" scheme for ``SEED``: the same generator, drawn in the same order (``a`` odd,
    so that each map is a bijection)."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _min_hashes(batch: list[np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lengths = np.fromiter((len(h) for h in batch), dtype=np.int64, count=len(batch))
    if np.any(lengths == 0):
        raise ValueError("every passage needs at least one word")
    flat = fmix32(np.concatenate(batch))
    with np.errstate(over="ignore"):
        permuted = flat[:, None] * a[None, :] + b[None, :]
    offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    return np.minimum.reduceat(permuted, offsets, axis=0)


def candidate_pairs(passages: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of passages whose bigram sets are probably similar: those
    whose signatures agree on all ``ROWS`` values of at least one band."""
    signatures = sketches(passages)
    pairs = set()
    for band in range(BANDS):
        buckets: dict[bytes, list[int]] = {}
        rows = signatures[:, band * ROWS:(band + 1) * ROWS]
        for index, row in enumerate(rows):
            buckets.setdefault(row.tobytes(), []).append(index)
        for bucket in buckets.values():
            pairs.update((i, j) for k, i in enumerate(bucket) for j in bucket[k + 1:])
    return sorted(pairs)
