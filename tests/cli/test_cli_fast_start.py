"""Fast start: the CLI imports a command's module, and the heavy libraries, only when needed.

Decision 0130. The timings themselves are in ``bench/cli_start.py``; these tests check what is
imported (in a fresh interpreter) and that the lazy commands behave as the eager ones did.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import spinewise.services as services
from spinewise.cli import app as cli_app
from spinewise.cli.lazy import LazyCommand, click_command

ROOT = Path(__file__).parents[2]
PROFILE = ROOT / "examples" / "profile.example.toml"
#: Libraries that take a large part of a second to import on this machine.
HEAVY = ("ortools", "scipy", "pandas", "sqlalchemy", "alembic", "fastapi", "matplotlib")


def _loaded_after(code: str) -> set[str]:
    """The top-level packages in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    script = textwrap.dedent(code) + textwrap.dedent(
        """
        import json, sys
        sys.__stdout__.write("\\n@@" + json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(json.loads(done.stdout.rsplit("@@", 1)[1]))


def _heavy(loaded: set[str]) -> set[str]:
    return loaded & set(HEAVY)


def test_importing_the_cli_imports_no_heavy_library_and_no_command_module():
    loaded = _loaded_after("import spinewise.cli\nimport spinewise.cli.app")
    assert _heavy(loaded) == set()
    assert "numpy" not in loaded


def test_no_command_module_is_imported_by_the_app():
    code = """
    import sys
    import spinewise.cli.app
    found = sorted(m for m in sys.modules if m.startswith("spinewise.") and m not in (
        "spinewise.cli", "spinewise.cli.app", "spinewise.cli.lazy", "spinewise.errors"))
    assert found == [], found
    """
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True, cwd=ROOT)


def test_help_and_catalog_list_import_no_heavy_library():
    for argv in (["--help"], ["catalog", "list"], ["plan", "--help"], ["version"]):
        loaded = _loaded_after(
            "import contextlib, io\n"
            "from spinewise.cli.app import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    code = main({argv!r})\n"
            "assert code == 0, code\n"
        )
        assert _heavy(loaded) == set(), argv


def test_plan_imports_the_solver_and_no_database_web_or_statistics_library():
    loaded = _loaded_after(
        "import contextlib, io\n"
        "from spinewise.cli.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['plan', {str(PROFILE)!r}, '--format', 'json',"
        " '--today', '2026-01-05'])\n"
        "assert code == 0, code\n"
    )
    assert "ortools" in loaded  # the plan was solved here, not somewhere else
    assert _heavy(loaded) - {"ortools", "pandas"} == set()  # pandas comes with OR-Tools


def _eager_app() -> typer.Typer:
    """The app as it was built before decision 0130: every command module imported up front."""
    eager = typer.Typer(
        name="spinewise",
        help=cli_app.app.info.help,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
    )
    for entry in cli_app.COMMANDS:
        module_name, _, attribute = entry.target.partition(":")
        obj = getattr(importlib.import_module(module_name), attribute)
        if entry.kind == "group":
            eager.add_typer(obj, name=entry.name)
        else:
            eager.command(entry.name)(obj)
    eager.command("version")(cli_app.version)
    eager.command("demo")(cli_app.demo)
    return eager


@pytest.mark.parametrize(
    "argv", [["--help"], [], ["pla"], ["nosuch"], ["catalog", "--help"], ["plan", "--help"]]
)
def test_lazy_app_prints_what_the_eager_app_printed(argv):
    runner = CliRunner()
    eager = runner.invoke(_eager_app(), argv, prog_name="spinewise", env={"COLUMNS": "100"})
    lazy = runner.invoke(cli_app.app, argv, prog_name="spinewise", env={"COLUMNS": "100"})
    assert lazy.output == eager.output
    assert lazy.exit_code == eager.exit_code


def test_each_summary_is_the_first_paragraph_of_the_commands_help():
    for entry in cli_app.COMMANDS:
        module_name, _, attribute = entry.target.partition(":")
        real = click_command(entry.name, getattr(importlib.import_module(module_name), attribute))
        assert real.help is not None, entry.name
        first = real.help.strip().split("\n\n")[0].replace("\n", " ").strip()
        assert entry.summary == first, entry.name


def test_a_lazy_command_runs_the_real_one(capsys):
    assert cli_app.main(["version"]) == 0
    assert cli_app.main(["catalog", "show", "bird_dog"]) == 0
    out = capsys.readouterr().out
    assert "Bird" in out
    command = LazyCommand(cli_app.COMMANDS[0])
    assert command.real() is command.real()  # built once
    assert command.real().name == "assess"


def test_services_resolve_every_name_lazily_and_keep_schedule_the_service():
    for name in services.__all__:
        assert getattr(services, name) is not None, name
    importlib.import_module("spinewise.services.schedule")
    assert callable(services.schedule)
    from spinewise.services.sessions import schedule

    assert services.schedule is schedule
    with pytest.raises(AttributeError, match="no_such_service"):
        _ = services.no_such_service  # type: ignore[attr-defined]
