"""Strawberry's extension hooks, looked up once per extension class.

For each operation strawberry builds four context managers (operation, parsing,
validation, executing) and, for each, asks every extension whether it has that hook: a
getattr, two `inspect` checks, and for each hook found a new `contextlib` wrapper of a
bound method (`functools.update_wrapper` included). With our twelve extensions that is
48 lookups and 13 wrappers per request, about a tenth of a millisecond of the smallest
request (docs/benchmarks.md). Here the lookups and the wrappers are made once per
(the schema's extension classes, hook), listing only the extensions that have it; a
request binds each wrapper to its own extension instance with a partial. What runs is unchanged: the same hooks, entered and left in the same order by
strawberry's own context managers (their `__aenter__` and `__aexit__` are not
overridden), each seeing its own instance. A hook that is a plain function (neither a
generator nor an async generator) takes strawberry's own lookup.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    ExtensionContextManagerBase,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner

_PLAIN = object()  # a hook that is a plain function: strawberry's get_hook makes its wrapper


def _lookup(kind: type[SchemaExtension], name: str) -> tuple[Any, bool] | None:
    """The hook `name` of `kind` as (its context manager factory, async), or None when
    the class does not define it."""
    hook = getattr(kind, name)
    if hook is getattr(SchemaExtension, name):
        return None
    if inspect.isgeneratorfunction(hook):
        return contextlib.contextmanager(hook), False
    if inspect.isasyncgenfunction(hook):
        return contextlib.asynccontextmanager(hook), True
    return _PLAIN, False


# (the extensions' classes, hook name) -> for each extension defining the hook, its
# index and lookup: the extensions of a schema come in the same classes every request,
# so each lookup is made once.
_TABLES: dict[tuple[tuple[type[SchemaExtension], ...], str], list[tuple[int, Any, bool]]] = {}


def _table(kinds: tuple[type[SchemaExtension], ...], name: str) -> list[tuple[int, Any, bool]]:
    key = (kinds, name)
    table = _TABLES.get(key)
    if table is None:
        table = _TABLES[key] = [
            (i, *found) for i, kind in enumerate(kinds) if (found := _lookup(kind, name))
        ]
    return table


class _Looked(ExtensionContextManagerBase):
    """Strawberry's context manager for one hook, its lookup kept per class: the
    extensions without the hook are not asked each request."""

    def __init__(self, extensions: list[SchemaExtension]) -> None:
        self.default_hook = getattr(SchemaExtension, self.HOOK_NAME)
        self.hooks = []
        for i, factory, is_async in _table(tuple(map(type, extensions)), self.HOOK_NAME):
            extension = extensions[i]
            if factory is _PLAIN:
                plain = super().get_hook(extension)
                assert plain is not None
                self.hooks.append(plain)
            else:
                bound = functools.partial(factory, extension)
                self.hooks.append(WrappedHook(extension=extension, hook=bound, is_async=is_async))


class _Operation(_Looked, OperationContextManager):
    pass


class _Parsing(_Looked, ParsingContextManager):
    pass


class _Validation(_Looked, ValidationContextManager):
    pass


class _Executing(_Looked, ExecutingContextManager):
    pass


class Runner(SchemaExtensionsRunner):
    """Strawberry's runner, with the hooks looked up once per class."""

    def operation(self) -> OperationContextManager:
        return _Operation(self.extensions)

    def parsing(self) -> ParsingContextManager:
        return _Parsing(self.extensions)

    def validation(self) -> ValidationContextManager:
        return _Validation(self.extensions)

    def executing(self) -> ExecutingContextManager:
        return _Executing(self.extensions)
