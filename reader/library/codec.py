"""A versioned, explicit encoding of the core's frozen dataclasses as compact JSON.

Driven by ``dataclasses.fields`` and the fields' type hints, so a field added to a model
needs no code here: it is written when it differs from its default and read back by its
declared type. Pickle would be shorter still, but unpickling runs code named by the
data; this reads only lists, dicts, strings and numbers into the classes the caller
names.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import zlib
from collections.abc import Mapping
from functools import cache
from typing import Any, TypeVar

# Bumped when the layout written here changes (not when a model gains a field).
CODEC_VERSION = 1

T = TypeVar("T")


class DecodeError(ValueError):
    """Stored data no longer fits the classes it is read into (treated as a miss)."""


def to_data(value: object) -> Any:
    """A dataclass tree as JSON-ready data: dicts of non-default fields, lists for tuples."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {}
        for field in _fields(type(value)):
            item = getattr(value, field.name)
            if not _is_default(field, item):
                data[field.name] = to_data(item)
        return data
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, Mapping):  # string keys only, as JSON has (a story's provenance)
        return {str(key): to_data(item) for key, item in value.items()}
    return value


def from_data(kind: type[T], data: Any) -> T:
    """Rebuild an instance of ``kind`` from what ``to_data`` wrote.

    Raises:
        DecodeError: When the data does not fit ``kind`` (a field renamed or retyped).
    """
    try:
        return typing.cast(T, _decoder(typing.cast(Any, kind))(data))
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise DecodeError(f"cannot read {kind.__name__}: {error}") from error


def pack(data: Any) -> bytes:
    """Compact JSON, compressed: what the database stores."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return zlib.compress(text.encode("utf-8"), 6)


def unpack(blob: bytes) -> Any:
    """The data ``pack`` stored."""
    try:
        return json.loads(zlib.decompress(blob).decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DecodeError(f"unreadable stored data: {error}") from error


Decoder = typing.Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


@cache
def _decoder(kind: Any) -> Decoder:
    """A function reading data into ``kind``, built once per type: reading 10,000
    articles calls it for every span, so nothing is looked up per value."""
    if dataclasses.is_dataclass(kind):
        return _dataclass_decoder(typing.cast(type, kind))
    origin = typing.get_origin(kind)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            if item is _same:
                return tuple
            return lambda data: tuple(map(item, data))
        parts = [_decoder(arg) for arg in args]
        return lambda data: tuple(p(v) for p, v in zip(parts, data, strict=True))
    if origin is Mapping or origin is dict:
        item = _decoder(typing.get_args(kind)[1])
        if item is _same:
            return dict
        return lambda data: {key: item(value) for key, value in data.items()}
    if origin is typing.Union or origin is types.UnionType:
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"ambiguous union {kind}: give the field one non-None type")
        inner = _decoder(options[0])
        if inner is _same:
            return _same
        return lambda data: None if data is None else inner(data)
    # str, int, float, bool and Literal values are stored as themselves.
    return _same


def _dataclass_decoder(kind: type) -> Decoder:
    hints = typing.get_type_hints(kind)  # resolves the models' string annotations
    # Fields stored as themselves need no call at all.
    converted = [
        (field.name, decoder) for field in _fields(kind)
        if (decoder := _decoder(hints[field.name])) is not _same
    ]

    def decode(data: Any) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"{kind.__name__} needs an object, got {type(data).__name__}")
        # In place: the dict is fresh from json.loads and read only here.
        for name, convert in converted:
            value = data.get(name)
            if value is not None:
                data[name] = convert(value)
        return kind(**data)

    return decode


@cache
def _fields(kind: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(kind)


def _is_default(field: dataclasses.Field[Any], value: object) -> bool:
    if field.default is not dataclasses.MISSING:
        return bool(value == field.default)
    if field.default_factory is not dataclasses.MISSING:
        return bool(value == field.default_factory())
    return False
