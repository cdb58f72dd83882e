"""The base of the small value classes the readers build by the thousand (sentences, tokens, mentions)."""

from __future__ import annotations


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
