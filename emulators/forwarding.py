"""How an emulator offers what its components do as its own API: a test writes
``emu.add_team(...)`` or ``emu.dispatch(...)`` and reaches the component that does it (the
state, Socket Mode, the gateway ...), while mypy still sees that method's own signature."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, Self, TypeVar, cast, overload

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


class Forwarded(Generic[P, R]):
    """``add_team = Forwarded("state", SlackState.add_team)`` in a class body: on an instance,
    ``emu.add_team`` is ``emu.state.add_team`` (bound to the component the emulator built)."""

    def __init__(self, component: str, method: Callable[Concatenate[Any, P], R]) -> None:
        self._component = component
        self._method = method.__name__
        self.__doc__ = method.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> Callable[P, R]: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Self | Callable[P, R]:
        if obj is None:
            return self
        return cast(Callable[P, R], getattr(getattr(obj, self._component), self._method))


class Shared(Generic[T]):
    """``views: Shared[dict[str, JsonDict]] = Shared("state")`` in a class body: on an
    instance, ``emu.views`` reads (and assigning it sets) ``emu.state.views``; with
    ``Shared("socket_mode", "connection_count")`` that attribute of the component."""

    def __init__(self, component: str, name: str = "") -> None:
        self._component = component
        self._name = name

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = self._name or name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Self | T:
        if obj is None:
            return self
        return cast(T, getattr(getattr(obj, self._component), self._name))

    def __set__(self, obj: object, value: T) -> None:
        setattr(getattr(obj, self._component), self._name, value)
