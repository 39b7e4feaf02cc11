"""Session starts mapped to a whole number each, in about 20 bytes a start (decision 0277).

An import keeps one number per session start of the file: the streaming importer where the
session's last chunk is, the backup reader where a start was first seen. A ``dict`` of
``datetime`` to ``int`` costs about 200 bytes a start, so a hostile file of 200,000 one-set
sessions held about 20 MB more than a file of the same sets in sessions of 40.
:class:`StartMap` keeps the starts as whole microseconds since 1970 in a sorted NumPy
``int64`` array with a parallel array of values (16 bytes a start) and takes new starts into a
small ``dict`` first, merged into the arrays when it outgrows a thirty-second of them (at
most about 5 bytes a start more, and a merge costs a copy of the arrays, so the merges of a
whole file cost about 32 copies of the final arrays).

Examples
--------
>>> from datetime import datetime
>>> starts = StartMap()
>>> starts.increment(datetime(2024, 3, 1, 9)), starts.increment(datetime(2024, 3, 1, 9))
(0, 1)
>>> starts[datetime(2024, 3, 1, 9)], starts.get(datetime(2024, 3, 2, 9))
(2, None)
>>> starts.setdefault(datetime(2024, 3, 2, 9), 7), starts.setdefault(datetime(2024, 3, 2, 9), 8)
(7, 7)
>>> starts.put(datetime(2024, 3, 2, 9), 5), starts.put(datetime(2024, 3, 3, 9), 1)
(7, None)
>>> sorted(starts.numbers().tolist())
[1, 2, 5]
>>> list(starts.items())[:2]
[(datetime.datetime(2024, 3, 1, 9, 0), 2), (datetime.datetime(2024, 3, 2, 9, 0), 5)]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

__all__ = ["StartMap"]

_EPOCH = datetime(1970, 1, 1)
_MICROSECOND = timedelta(microseconds=1)
_MIN_RECENT = 4096  # new starts held in the dict before a merge, at the least
_RECENT_SHARE = 32  # ... or a thirty-second of the starts merged so far


def _key(start: datetime) -> int:
    """Whole microseconds since 1970 (``start`` without offset, as every session start)."""
    return (start - _EPOCH) // _MICROSECOND


class StartMap(Mapping[datetime, int]):
    """Session starts (without offset) to a whole number each, held compactly.

    Reading is a ``Mapping``; :meth:`increment`, :meth:`put` and :meth:`setdefault` write.
    Iteration is in order of start.
    """

    __slots__ = ("_keys", "_recent", "_values")

    def __init__(self) -> None:
        self._keys: npt.NDArray[np.int64] = np.empty(0, np.int64)
        self._values: npt.NDArray[np.int64] = np.empty(0, np.int64)
        self._recent: dict[int, int] = {}

    def _find(self, key: int) -> int:
        """The position of ``key`` in the arrays, or -1."""
        keys = self._keys
        at = int(keys.searchsorted(key))
        return at if at < len(keys) and keys[at] == key else -1

    def _value(self, key: int) -> int | None:
        found = self._recent.get(key)
        if found is not None:
            return found
        at = self._find(key)
        return None if at < 0 else int(self._values[at])

    def _put_new(self, key: int, value: int) -> None:
        recent = self._recent
        recent[key] = value
        if len(recent) >= max(_MIN_RECENT, len(self._keys) // _RECENT_SHARE):
            self._merge()

    def _merge(self) -> None:
        """Move the recent starts into the sorted arrays."""
        order = sorted(self._recent)
        keys = np.fromiter(order, np.int64, len(order))
        values = np.fromiter((self._recent[k] for k in order), np.int64, len(order))
        at = self._keys.searchsorted(keys)
        self._keys = np.insert(self._keys, at, keys)
        self._values = np.insert(self._values, at, values)
        self._recent.clear()

    def increment(self, start: datetime) -> int:
        """Add one to the number of ``start`` (0 when new); return the number before."""
        key = _key(start)
        recent = self._recent
        found = recent.get(key)
        if found is not None:
            recent[key] = found + 1
            return found
        at = self._find(key)
        if at >= 0:
            before = int(self._values[at])
            self._values[at] = before + 1
            return before
        self._put_new(key, 1)
        return 0

    def put(self, start: datetime, value: int) -> int | None:
        """Set the number of ``start`` to ``value``; return the number before (None when new)."""
        key = _key(start)
        recent = self._recent
        found = recent.get(key)
        if found is not None:
            recent[key] = value
            return found
        at = self._find(key)
        if at >= 0:
            before = int(self._values[at])
            self._values[at] = value
            return before
        self._put_new(key, value)
        return None

    def numbers(self) -> npt.NDArray[np.int64]:
        """Every start's number, in no particular order (a new array)."""
        recent = np.fromiter(self._recent.values(), np.int64, len(self._recent))
        return np.concatenate((self._values, recent))

    def setdefault(self, start: datetime, value: int) -> int:
        """The number of ``start``; ``value`` (kept) when it has none yet."""
        key = _key(start)
        found = self._value(key)
        if found is not None:
            return found
        self._put_new(key, value)
        return value

    def __getitem__(self, start: datetime) -> int:
        found = self._value(_key(start))
        if found is None:
            raise KeyError(start)
        return found

    def __contains__(self, start: object) -> bool:
        if not isinstance(start, datetime) or start.tzinfo is not None:
            return False
        return self._value(_key(start)) is not None

    def __len__(self) -> int:
        return len(self._keys) + len(self._recent)

    def __iter__(self) -> Iterator[datetime]:
        if self._recent:
            self._merge()
        for key in self._keys.tolist():
            yield _EPOCH + timedelta(microseconds=key)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (the recent starts' ``dict`` not counted)."""
        return int(self._keys.nbytes + self._values.nbytes)
