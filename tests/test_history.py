"""Several --previous years: each recognised by its year, and the rules that look further back."""

import io
from functools import cache
from pathlib import Path

import polars as pl
import pytest

from csc_validate import atomic, engine, packs, schemas
from csc_validate.collections.ssda903.rulekit.geography import uasc_children
from csc_validate.collections.ssda903.synthetic import returns
from csc_validate.errors import InputError, UsageError
from csc_validate.pipeline.load import load
from csc_validate.rulekit.cases import Case, table
from csc_validate.rulekit.context import RuleContext
from csc_validate.testing import build_tables


@cache
def _years(folder: Path) -> Path:
    """folder/2025-26, 2024-25 (the same children) and 2023-24 (a return of that year)."""
    this = returns.generate(100, 4, "2025-26", 0)
    _write(this.current, folder / "2025-26")
    _write(this.previous, folder / "2024-25")
    _write(returns.generate(100, 4, "2024-25", 0).previous, folder / "2023-24")
    return folder


def _write(tables: dict[str, pl.DataFrame], folder: Path) -> None:
    for name, frame in tables.items():
        buffer = io.BytesIO()
        frame.write_csv(buffer)
        atomic.write_bytes(folder / returns.FILE_NAMES[name], buffer.getvalue())


@pytest.fixture(scope="module")
def years(tmp_path_factory) -> Path:
    return _years(tmp_path_factory.mktemp("history"))


def test_each_previous_return_is_recognised_by_its_year(years: Path) -> None:
    # Given oldest first: the order on the command line does not matter.
    tables = load([years / "2025-26"], [years / "2023-24", years / "2024-25"])
    assert "Episodes_last" in tables and tables.typed("Episodes_last").height
    assert [earlier.year for earlier in tables.earlier] == ["2023-24"]
    assert tables.earlier[0].tables["Episodes"].height
    assert sum(1 for given in tables.inputs if given.previous) == 2 * len(returns.FILE_NAMES) - 2
    assert any("earlier years given with --previous" in note for note in tables.notes)


def test_a_file_whose_year_cannot_be_told_is_last_years(years: Path) -> None:
    others = [path for path in (years / "2024-25").iterdir() if path.name != "header.csv"]
    tables = load(
        [years / "2025-26"], [*others, years / "2024-25" / "header.csv", years / "2023-24"]
    )
    assert "Header_last" in tables and [e.year for e in tables.earlier] == ["2023-24"]


def test_a_previous_return_of_this_year_or_later_is_refused(years: Path, tmp_path: Path) -> None:
    # This year's episodes, one changed so that the file differs: still this year's.
    episodes = (years / "2025-26" / "episodes.csv").read_text().replace("PR2", "PR1", 1)
    (tmp_path / "episodes.csv").write_text(episodes)
    with pytest.raises(UsageError, match="the same year as this return"):
        load([years / "2025-26"], [years / "2024-25", tmp_path / "episodes.csv"])
    with pytest.raises(InputError, match="is the same file as"):
        load([years / "2025-26"], [years / "2024-25", years / "2025-26" / "episodes.csv"])
    with pytest.raises(UsageError, match="swapped"):
        load([years / "2024-25"], [years / "2025-26"])


def test_two_returns_of_one_year_are_refused(years: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    episodes = (years / "2023-24" / "episodes.csv").read_bytes()
    (copy / "episodes.csv").write_bytes(episodes + b"")
    with pytest.raises(InputError, match="Episodes"):
        load([years / "2025-26"], [years / "2024-25", years / "2023-24", copy])


ADOPTED_TWO_YEARS_AGO = Case(
    "adopted two years back and looked after again",
    period="2025-26",
    tables={
        "Episodes": table(["CHILD", "DECOM", "REC"], ["1", "01/06/2025", ""]),
        "Episodes_last": table(["CHILD", "DECOM", "REC"], ["2", "01/06/2024", "X1"]),
    },
    earlier={"2023-24": {"Episodes": table(["CHILD", "DECOM", "REC"], ["1", "01/06/2023", "E11"])}},
    flagged={"Episodes": (0,)},
)


@pytest.mark.parametrize("given", [True, False])
def test_a_rule_that_looks_back_uses_every_year_given(given: bool) -> None:
    rule = packs.load("ssda903", "2025-26").rules["199"]
    assert rule.earlier_years and packs.EARLIER_YEARS_TAG in rule.tags
    case = ADOPTED_TWO_YEARS_AGO
    if not given:
        case = case.model_copy(update={"earlier": {}})
    tables = build_tables(case, "ssda903", "2025-26")
    schema = schemas.load("ssda903", "2025-26")
    result = engine.run([rule], tables, schema, case.period_for("2025-26", "ssda903"))
    assert [hit.rows.to_list() for hit in result.hits] == ([[0]] if given else [])


# What a rule that looks back calls: the history itself, or a helper that reads every year.
LOOKS_BACK = ("ctx.history(", "uasc_children(")


def test_uasc_in_an_earlier_year_makes_a_child_formerly_uasc() -> None:
    case = Case(
        "UASC three years back",
        period="2025-26",
        tables={
            "Header": table(["CHILD", "DOB"], ["1", "01/01/2008"], ["2", "01/01/2008"]),
            "Header_last": table(["CHILD", "DOB"], ["1", "01/01/2008"]),
        },
        earlier={
            "2022-23": {
                "Header": table(["CHILD", "DOB"], ["1", "01/01/2008"]),
                "UASC": table(["CHILD", "DUC"], ["1", "01/01/2026"]),
            }
        },
    )
    tables = build_tables(case, "ssda903", "2025-26")
    context = RuleContext(tables, schemas.load("ssda903", "2025-26"))
    assert uasc_children(context).collect()["CHILD"].to_list() == ["1"]
    without = build_tables(case.model_copy(update={"earlier": {}}), "ssda903", "2025-26")
    assert (
        uasc_children(RuleContext(without, schemas.load("ssda903", "2025-26"))).collect().height
        == 0
    )


def test_every_rule_that_looks_back_reads_the_history() -> None:
    for collection in packs.collections():
        pack = packs.load(collection, packs.years(collection)[-1])
        for rule in pack.rules.values():
            if rule.earlier_years:
                assert rule.source is not None
                text = rule.source.read_text(encoding="utf-8")
                assert any(marker in text for marker in LOOKS_BACK), rule.code
