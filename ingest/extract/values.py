"""The base of the small value classes the readers build by the thousand (sentences, tokens, mentions)."""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
M = TypeVar("M")


class Value:
    """Compared, hashed and shown as the tuple of its fields, as a dataclass with `unsafe_hash=True` is.

    A subclass is a plain class with its own `__init__` (a dataclass's generated one is interpreted even
    where its module is compiled), names its fields in `_fields`, and never assigns to one once built.
    Only instances of the same class are equal.
    """

    __slots__ = ()

    def _fields(self) -> tuple[object, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self) or not isinstance(other, Value):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._fields()!r}"


class Shared(Generic[K, M]):
    """Frozen models made once for each key and shared by every reader that asks for the same one (a
    pydantic model takes microseconds to make; nothing changes a frozen one or its lists). At most
    `limit` are kept: when full the store is emptied, a bound on what a stream of texts may bring.

        found = _ITEMS.get(key)
        if found is None:
            found = _ITEMS.keep(key, Item(...))
    """

    __slots__ = ("_found", "_limit")

    def __init__(self, limit: int = 4096) -> None:
        self._found: dict[K, M] = {}
        self._limit = limit

    def get(self, key: K) -> M | None:
        """The model kept for `key`, if any."""
        return self._found.get(key)

    def keep(self, key: K, model: M) -> M:
        """Keep `model` for `key`; `model`."""
        if len(self._found) >= self._limit:
            self._found.clear()
        self._found[key] = model
        return model
