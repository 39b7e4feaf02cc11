"""Typed, immutable records read from JSON and written back byte for byte.

A plan is stored and exchanged as JSON (``docs/contracts/plan.schema.json``) but handled in code
as frozen dataclasses. Two things make the round trip exact:

- :class:`Layout` remembers how an object was written: its keys in order, and the keys the record
  does not know (or could read only in part) as JSON text, written back unchanged;
- :class:`JsonRecord` reads a record's fields from their annotations, leniently: a key that is
  missing or ``null`` gives ``None`` (or an empty tuple); a value of the wrong type gives the same
  and is kept as it was; a list keeps the entries of the right type. Readers of the record (the
  plan's renderers) therefore never see a value of the wrong type, and a plan that an older or
  newer version wrote still reads and writes back as it was.

Only this module and the ``from_json``/``to_json`` of the plan's records touch JSON values;
everything else sees typed fields.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self

__all__ = ["NEW_LAYOUT", "JsonRecord", "Layout"]


@dataclass(frozen=True, slots=True)
class Layout:
    """How an object was written: its keys in order, and the values to write back as they were.

    ``keys`` is ``None`` for an object made in code (its fields are written in their canonical
    order); ``extra`` holds, as JSON text, the keys the record does not know and the known keys
    whose value could be read only in part, so they survive a round trip unchanged and cannot be
    edited in place.
    """

    keys: tuple[str, ...] | None = None
    extra: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(
        cls, obj: Mapping[str, object], known: Sequence[str], kept: Sequence[str] = ()
    ) -> Layout:
        """The layout of ``obj`` read as an object with the ``known`` keys.

        ``kept`` names known keys whose value is kept as written (read only in part).
        """
        extra = tuple((k, json.dumps(v)) for k, v in obj.items() if k not in known or k in kept)
        return cls(tuple(obj), extra)

    def kept(self) -> tuple[tuple[str, object], ...]:
        """The values kept as written (unknown keys, values read in part), in the order written."""
        return tuple((k, json.loads(v)) for k, v in self.extra)

    def emit(self, known: Mapping[str, object], appendable: Sequence[str] = ()) -> dict[str, Any]:
        """The JSON object: ``known`` values and kept keys in the remembered order.

        A known key missing from the remembered order is written only if it is ``appendable``
        (a field that later versions add at the end, such as an adapted plan's ``version``).
        """
        extra = dict(self.extra)
        if self.keys is None:
            out = dict(known)
            out.update((k, json.loads(v)) for k, v in self.extra)
            return out
        out = {}
        for k in self.keys:
            if k in extra:
                out[k] = json.loads(extra[k])
            elif k in known:
                out[k] = known[k]
        for k in appendable:
            if k in known and k not in out:
                out[k] = known[k]
        return out


#: The layout of a record made in code.
NEW_LAYOUT = Layout()

#: Reads one JSON value: (the typed value, whether it was read completely).
_Read = Callable[[object], tuple[object, bool]]
#: Writes one typed value as JSON.
_Write = Callable[[object], object]


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _scalar(tp: object) -> Callable[[object], bool] | None:
    """A test for a JSON scalar of type ``tp``, or None when ``tp`` is not one."""
    if tp is str:
        return lambda v: isinstance(v, str)
    if tp is bool:
        return lambda v: isinstance(v, bool)
    if tp is int:
        return _is_int
    if tp is float:  # a JSON number: 70 and 70.0 are both a float field's value, kept as written
        return lambda v: isinstance(v, float) or _is_int(v)
    return None


def _union_args(tp: object) -> tuple[object, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return tuple(a for a in typing.get_args(tp) if a is not type(None))
    return (tp,)


def _element(tp: object) -> tuple[_Read, _Write]:
    """How to read and write one value of type ``tp`` (without ``None``)."""
    args = _union_args(tp)
    tests = [_scalar(a) for a in args]
    if all(t is not None for t in tests):
        checks = [t for t in tests if t is not None]

        def read_scalar(v: object) -> tuple[object, bool]:
            return (v, True) if any(check(v) for check in checks) else (None, False)

        return read_scalar, lambda v: v
    (only,) = args
    if isinstance(only, type) and issubclass(only, JsonRecord):
        record = only

        def read_record(v: object) -> tuple[object, bool]:
            if isinstance(v, Mapping):
                return record.from_json(v), True
            return None, False

        return read_record, lambda v: typing.cast(JsonRecord, v).to_json()
    raise TypeError(f"no JSON reading for {tp!r}")


def _field(tp: object) -> tuple[_Read, _Write]:
    """How to read and write a field of type ``tp``; ``None`` is always allowed."""
    args = _union_args(tp)
    if len(args) == 1 and typing.get_origin(args[0]) is tuple:
        inner = typing.get_args(args[0])[0]
        if typing.get_origin(inner) is tuple:  # tuple[tuple[str, str], ...]: an object of strings
            read, write = _pairs(typing.get_args(inner)[1])
        else:
            read, write = _sequence(*_element(inner))
        if type(None) not in typing.get_args(tp):
            return read, write  # a missing list reads as an empty one

        def read_list_or_none(v: object) -> tuple[object, bool]:
            if v is None:
                return None, True
            value, complete = read(v)
            return (value, True) if complete else (None, False)

        return read_list_or_none, lambda v: None if v is None else write(v)
    read, write = _element(tp)

    def read_optional(v: object) -> tuple[object, bool]:
        return (None, True) if v is None else read(v)

    return read_optional, lambda v: None if v is None else write(v)


def _sequence(read: _Read, write: _Write) -> tuple[_Read, _Write]:
    def read_list(v: object) -> tuple[object, bool]:
        if v is None:  # missing (then not written back) or null (kept as written)
            return (), False
        if isinstance(v, str) or not isinstance(v, Sequence):
            return (), False
        got = [read(x) for x in v]
        return tuple(x for x, ok in got if ok), all(ok for _, ok in got)

    return read_list, lambda v: [write(x) for x in typing.cast(tuple[object, ...], v)]


def _pairs(value_type: object) -> tuple[_Read, _Write]:
    read, write = _element(value_type)

    def read_object(v: object) -> tuple[object, bool]:
        if v is None:  # missing (then not written back) or null (kept as written)
            return (), False
        if not isinstance(v, Mapping):
            return (), False
        got = [(k, *read(x)) for k, x in v.items()]
        return tuple((k, x) for k, x, ok in got if ok), all(ok for _, _, ok in got)

    def write_object(v: object) -> object:
        return {k: write(x) for k, x in typing.cast(tuple[tuple[str, object], ...], v)}

    return read_object, write_object


_CODECS: dict[type, tuple[tuple[str, _Read, _Write], ...]] = {}


def _codec(cls: type) -> tuple[tuple[str, _Read, _Write], ...]:
    """Each field's name, reader and writer, from the record's annotations (made once a class)."""
    found = _CODECS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = tuple(
            (f.name, *_field(hints[f.name]))
            for f in fields(typing.cast(Any, cls))
            if f.name != "layout"
        )
        _CODECS[cls] = found
    return found


class JsonRecord:
    """A frozen dataclass read from and written to a JSON object, field by field.

    Subclasses are ``@dataclass(frozen=True, slots=True)`` with a last field
    ``layout: Layout = field(default=NEW_LAYOUT, compare=False, repr=False)``; every other field
    is named like its JSON key and typed as one of: ``str``, ``bool``, ``int``, ``float`` (any
    JSON number, kept as written: ``70`` or ``70.0``), another record (each ``| None``);
    ``tuple[T, ...]`` of those (``| None`` when a missing list differs from an empty one); or
    ``tuple[tuple[str, T], ...]`` for an object of string keys. A record made in code writes
    every field in the order declared.
    """

    __slots__ = ()
    layout: Layout
    #: Fields that a record made in code leaves out of its JSON while they are ``None``.
    OMITTED_WHEN_NONE: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_json(cls, obj: Mapping[str, object]) -> Self:
        """Read the record from a JSON object (see the class docstring for leniency)."""
        values: dict[str, object] = {}
        kept: list[str] = []
        codec = _codec(cls)
        for name, read, _write in codec:
            value, complete = read(obj.get(name))
            values[name] = value
            if not complete:
                kept.append(name)
        layout = Layout.of(obj, [name for name, _, _ in codec], kept)
        make: Callable[..., Self] = cls
        return make(**values, layout=layout)

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object, byte for byte as it was read."""
        known = {
            name: write(value)
            for name, _read, write in _codec(type(self))
            if (value := getattr(self, name)) is not None
            or name not in self.OMITTED_WHEN_NONE
            or self.layout.keys is not None
        }
        return self.layout.emit(known)
