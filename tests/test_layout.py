"""The collection seam: generic modules name no collection, and every collection is complete."""

import ast
import itertools
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


def _package(module: str) -> str | None:
    """The top-level package or module of csc_validate that a dotted name is in."""
    parts = module.split(".")
    return parts[1] if parts[0] == "csc_validate" and len(parts) > 1 else None


# Imports made inside a function that close a loop between packages, each with why it is
# there. A loop through any other import (at module level or in a function) fails the test.
LAZY_LOOPS = {
    ("schemas", "collections"): "a year's schema asks its collection for the period it covers",
    ("rulekit", "collections"): "RuleContext and Case.period_for ask the collection for its period",
    ("rulekit", "as_at"): "Case.period_for reads a case's as_at date as --as-at is read",
    ("resources", "collections"): "a collection from another package says where its rules and "
    "schemas are",
    ("subject", "collections"): "reports ask the registry whom a collection's rows are about",
    ("interrupts", "cli"): "the entry point installs its handlers before importing the app",
}


def _imports(tree: ast.Module) -> list[tuple[str, int, bool]]:
    """The csc_validate modules a module imports: (name, line, whether inside a function),
    leaving out those under `if TYPE_CHECKING`, which never run."""
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child, lazy)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno, lazy) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module == "csc_validate":
                found.extend((f"csc_validate.{a.name}", node.lineno, lazy) for a in node.names)
            else:
                found.append((node.module, node.lineno, lazy))
        inside = lazy or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, False)
    return found


def _import_graph() -> dict[str, dict[str, str]]:
    """{package: {package it imports: "file:line" of the first such import}}, without the
    function-level imports LAZY_LOOPS allows."""
    graph: dict[str, dict[str, str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        source = path.relative_to(SOURCE).parts[0].removesuffix(".py")
        edges = graph.setdefault(source, {})
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for module, line, in_function in _imports(tree):
            target = _package(module)
            if target is None or target == source:
                continue
            if not (in_function and (source, target) in LAZY_LOOPS):
                edges.setdefault(target, f"{path.relative_to(SOURCE).as_posix()}:{line}")
    return graph


def _cycle(graph: dict[str, dict[str, str]]) -> list[str] | None:
    """One import loop as [a, b, ..., a], or None (depth-first search, in name order)."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        trail.append(node)
        for target in sorted(graph.get(node, {})):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (loop := visit(target)) is not None:
                return loop
        state[node] = "done"
        trail.pop()
        return None

    for node in sorted(graph):
        if node not in state and (loop := visit(node)) is not None:
            return loop
    return None


def test_packages_import_each_other_without_loops() -> None:
    """A loop between packages (returns -> load -> collections -> returns, as once) means
    neither can be understood, tested or imported without the other."""
    graph = _import_graph()
    loop = _cycle(graph)
    assert loop is None, (
        "import loop: "
        + " -> ".join(
            f"{source} ({graph[source][target]})" for source, target in itertools.pairwise(loop)
        )
        + f" -> {loop[-1]}"
    )


def test_the_loop_finder_names_a_loop() -> None:
    graph = {"a": {"b": "a.py:1"}, "b": {"c": "b.py:2"}, "c": {"a": "c.py:3"}, "d": {"a": "d:1"}}
    assert _cycle(graph) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b": "a.py:1"}, "b": {}, "c": {"a": "c.py:1"}}) is None
