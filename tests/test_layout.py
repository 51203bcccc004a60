"""The collection seam: generic modules name no collection, and every collection is complete."""

import ast
import re
from pathlib import Path

import pytest

from csc_validate import collections, packs, schemas

SOURCE = Path(__file__).resolve().parents[1] / "src" / "csc_validate"


def _generic_modules() -> list[Path]:
    return sorted(
        path for path in SOURCE.rglob("*.py") if "collections" not in path.relative_to(SOURCE).parts
    )


def _code_strings(tree: ast.Module) -> list[ast.Constant]:
    """String constants other than docstrings."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("path", _generic_modules(), ids=lambda p: p.relative_to(SOURCE).as_posix())
def test_generic_modules_name_no_collection(path: Path) -> None:
    names = "|".join(re.escape(name) for name in collections.registry())
    pattern = re.compile(rf"\b({names})\b", re.IGNORECASE)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _code_strings(tree):
        assert not pattern.search(node.value), f"{path.name}:{node.lineno} names a collection"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            named = set(parts) & set(collections.registry())
            assert not named, f"{path.name}:{node.lineno} imports a collection's package"


@pytest.mark.parametrize("name", list(collections.registry()))
def test_every_collection_has_schemas_and_packs_for_the_same_years(name: str) -> None:
    assert schemas.available_years(name) == packs.years(name)
    assert schemas.available_years(name), f"{name} has no schema"


# Ways of turning text into a date; only the collection's date reader may use them.
DATE_PARSERS = re.compile(r"\b(strptime|fromisoformat|to_date|to_datetime|dateutil|parse_date)\b")
DATE_READER = SOURCE / "readers" / "casting.py"


@pytest.mark.parametrize(
    "path", sorted(SOURCE.rglob("*.py")), ids=lambda p: p.relative_to(SOURCE).as_posix()
)
def test_dates_are_read_only_by_the_date_reader(path: Path) -> None:
    """One date reader: a second parser is where a date read another way crashes or is guessed."""
    if path == DATE_READER:
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
        if isinstance(node, ast.alias):
            name = node.name
        assert not (name and DATE_PARSERS.fullmatch(name)), (
            f"{path.name}:{getattr(node, 'lineno', '?')} parses dates itself ({name}); "
            "use readers.casting.read_dates with the collection's date formats"
        )
    # Modules that import a date library by name count too (from dateutil import parser).
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert not DATE_PARSERS.search(node.module), f"{path.name} imports {node.module}"
