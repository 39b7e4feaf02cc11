"""Commands that are imported only when they are used, so that the CLI starts fast.

``spinewise --help`` lists every command by name and one-line summary. The summaries live in
:data:`spinewise.cli.app.COMMANDS`, so listing them imports no command module; a command's own
module (and whatever it needs: the planner, OR-Tools, the database) is imported only when that
command runs, or when its own help (``spinewise plan --help``) or a shell completion is asked
for. ``tests/cli/test_cli_fast_start.py`` checks that each summary is the one the command's
module declares, so the two cannot drift apart.

See docs/decisions/0130-fast-start.md.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

__all__ = ["LazyCommand", "LazyEntry", "LazyGroup", "click_command"]


@dataclass(frozen=True, slots=True)
class LazyEntry:
    """One command of the ``spinewise`` app, known by name before its module is imported.

    Attributes
    ----------
    name
        The command's name on the command line (``plan``, ``replan-all``).
    target
        ``"module:attribute"``: a Typer sub-app (a command group) or a command function.
    summary
        The first paragraph of the command's help, as ``spinewise --help`` lists it.
    kind
        ``group`` for a Typer sub-app, ``command`` for a command function.
    """

    name: str
    target: str
    summary: str
    kind: Literal["group", "command"] = "command"

    def load(self) -> _click.Command:
        """Import the command's module and build its Click command, as Typer would eagerly."""
        module_name, _, attribute = self.target.partition(":")
        return click_command(self.name, getattr(importlib.import_module(module_name), attribute))


def _no_callback() -> None:
    """Make the wrapper below a group, so that its command comes out as Typer builds it."""


def click_command(name: str, obj: Any) -> _click.Command:
    """The Click command Typer makes of ``obj`` registered under ``name`` on a parent app.

    Parameters
    ----------
    name
        The command's name on the command line.
    obj
        A :class:`typer.Typer` sub-app (``app.add_typer(obj, name=name)``) or a command function
        (``app.command(name)(obj)``).

    Returns
    -------
    The same command object Typer builds when the parent app is built with everything in it.
    """
    wrapper = typer.Typer(add_completion=False)
    wrapper.callback()(_no_callback)
    if isinstance(obj, typer.Typer):
        wrapper.add_typer(obj, name=name)
    else:
        wrapper.command(name)(obj)
    group = typer.main.get_command(wrapper)
    assert isinstance(group, TyperGroup)
    return group.commands[name]


class LazyCommand(TyperCommand):
    """A stand-in listed by name and summary; everything else is done by the real command.

    Click runs a subcommand through ``make_context`` (parsing, ``--help``, ``no_args_is_help``,
    completion) and then ``ctx.command.invoke``; handing ``make_context`` to the real command
    makes the real command the one that runs, with its own help and options.
    """

    def __init__(self, entry: LazyEntry) -> None:
        super().__init__(name=entry.name, help=entry.summary)
        self.entry = entry
        self._real: _click.Command | None = None

    def real(self) -> _click.Command:
        """The command itself (its module is imported the first time)."""
        if self._real is None:
            self._real = self.entry.load()
        return self._real

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: _click.Context | None = None,
        **extra: Any,
    ) -> _click.Context:
        """Parse the arguments with the real command (its context runs it)."""
        return self.real().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: _click.Context) -> Any:
        """Run the real command (reached only if a caller skips :meth:`make_context`)."""
        return self.real().invoke(ctx)

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        """The real command's parameters."""
        return self.real().get_params(ctx)


class LazyGroup(TyperGroup):
    """The top-level group: lazy commands first, then eager ones, then lazy sub-apps.

    That is the order Typer lists commands in (functions before sub-apps), so ``--help`` reads
    as it did when every command module was imported up front. Subclasses set ``entries``.
    """

    entries: ClassVar[tuple[LazyEntry, ...]] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        eager = dict(self.commands)
        lazy = {entry.name: LazyCommand(entry) for entry in self.entries}
        commands: dict[str, _click.Command] = {}
        for entry in self.entries:
            if entry.kind == "command":
                commands[entry.name] = lazy[entry.name]
        commands.update(eager)
        for entry in self.entries:
            if entry.kind == "group":
                commands[entry.name] = lazy[entry.name]
        self.commands = commands
