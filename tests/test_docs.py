"""Documentation is tested: every setting and every CLI command must be documented."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main
from pydantic_settings import BaseSettings

from waspada import settings as settings_module
from waspada.cli import app

ROOT = Path(__file__).resolve().parent.parent


def _env_names() -> set[str]:
    names = set()
    for obj in vars(settings_module).values():
        if isinstance(obj, type) and issubclass(obj, BaseSettings) and obj is not settings_module.Settings:
            prefix = obj.model_config.get("env_prefix", "")
            for field_name, field in obj.model_fields.items():
                if isinstance(field.default, BaseSettings) or field.default_factory is not None:
                    continue
                names.add(f"{prefix}{field_name}".upper())
    return names


def test_every_setting_is_in_env_example_and_readme():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", example, re.M))
    missing_example = _env_names() - documented
    missing_readme = {name for name in _env_names() if f"`{name}`" not in readme}
    assert not missing_example, f"add to .env.example: {sorted(missing_example)}"
    assert not missing_readme, f"add to README's configuration table: {sorted(missing_readme)}"


def _command_paths(group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _command_paths(command, path)
        else:
            yield " ".join(path)


def test_every_cli_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    click_app = typer.main.get_command(app)
    missing = [path for path in _command_paths(click_app) if f"waspada {path}" not in readme]
    assert not missing, f"document in README: {missing}"
