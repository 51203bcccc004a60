"""The engine: crashes are isolated, absent tables skip a rule, findings locate their source."""

import polars as pl
import pytest

from csc_validate import engine, schemas
from csc_validate.findings import sort_key
from csc_validate.locate import locate
from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.testing import build_tables

SCHEMA = schemas.load("ssda903", "2025-26")
CASE = Case(
    "two children",
    tables={
        "Header": table(["CHILD", "SEX", "DOB"], ["1", "F", "01/01/2015"], ["2", "x", ""]),
        "Episodes": table(["CHILD", "DECOM"], ["2", "01/05/2025"]),
    },
)


@rule(code="T1", message="Sex is not M.", tables=["Header"], fields=["SEX", "DOB"])
def sex_not_m(ctx: RuleContext) -> pl.LazyFrame:
    """Flags every child whose sex is not M."""
    return ctx.table("Header").filter(pl.col("SEX") != "M")


@rule(code="T2", message="Always fails.", tables=["Header"])
def broken(ctx: RuleContext) -> pl.LazyFrame:
    """Refers to a column that does not exist, so polars raises when it runs."""
    return ctx.table("Header").filter(pl.col("NO_SUCH_COLUMN") == 1)


@rule(code="T3", message="Needs reviews.", tables=["Reviews"])
def needs_reviews(ctx: RuleContext) -> pl.LazyFrame:
    """Needs a table the case does not have."""
    return ctx.table("Reviews")


@rule(code="T4", message="Blames two tables.", tables=["Episodes", "Header"], fields=["DECOM"])
def blames_two_tables(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """Returns rows of both tables."""
    return {"Episodes": ctx.table("Episodes"), "Header": ctx.table("Header").head(1)}


def _run(*rules):
    tables = build_tables(CASE, "ssda903", "2025-26")
    return tables, engine.run(list(rules), tables, SCHEMA)


def test_a_rule_that_raises_is_reported_and_the_others_still_run() -> None:
    _, result = _run(sex_not_m, broken)
    assert [crash.rule for crash in result.crashes] == ["T2"]
    assert "ColumnNotFoundError" in result.crashes[0].error
    assert [(hit.rule.code, hit.rows.to_list()) for hit in result.hits] == [("T1", [0, 1])]


def test_a_rule_whose_table_is_absent_is_skipped_with_the_reason() -> None:
    _, result = _run(needs_reviews)
    assert [(s.rule, s.reason) for s in result.skipped] == [("T3", "no Reviews table")]


def test_findings_carry_line_child_and_values_as_written() -> None:
    tables, result = _run(sex_not_m)
    findings = sorted(locate(result.hits, tables, SCHEMA), key=sort_key)
    second = findings[1]
    assert (second.row, second.line, second.child) == (1, 3, "2")
    assert second.values == {"SEX": "x", "DOB": None}


def test_a_rule_may_blame_rows_of_several_tables() -> None:
    tables, result = _run(blames_two_tables)
    findings = locate(result.hits, tables, SCHEMA)
    assert sorted((f.table, f.row, f.fields) for f in findings) == [
        ("Episodes", 0, ("DECOM",)),
        ("Header", 0, ()),
    ]


def test_a_rule_must_return_frames() -> None:
    @rule(code="T5", message="Returns the wrong thing.", tables=["Header"])
    def wrong(ctx: RuleContext) -> pl.LazyFrame:
        """Returns a list."""
        return []  # type: ignore[return-value]

    _, result = _run(wrong)
    assert result.crashes[0].error.startswith("TypeError")


@pytest.mark.parametrize("year", ["2023-24", "2026-27"])
def test_cases_cast_with_the_years_schema(year: str) -> None:
    tables = build_tables(CASE, "ssda903", year)
    assert tables.typed("Header")["SEX"].to_list() == ["F", "x"]  # codes are kept as written


def _sex_rule(number: int):
    @rule(code=f"M{number:03d}", message="Sex is not M.", tables=["Header"], fields=["SEX"])
    def many(ctx: RuleContext) -> pl.LazyFrame:
        """Flags the children whose sex is not M (or, from the second rule on, one of them)."""
        return ctx.table("Header").filter(pl.col("SEX") != "M").head(1 + number % 2)

    return many


@rule(code="X1", message="Fails on the data.", tables=["Episodes", "Header"])
def fails_when_run(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """Plans cleanly but fails when collected: SEX "F" is not a number (and DOB, on both tables,
    is not either), so both of its queries fail."""
    return {
        "Header": ctx.table("Header").filter(pl.col("SEX").cast(pl.Int64, strict=True) > 0),
        "Episodes": ctx.table("Episodes").filter(
            (pl.col("CHILD") + "x").cast(pl.Int64, strict=True) > 0
        ),
    }


@rule(code="X2", message="Fails when planned.", tables=["Header", "Episodes"])
def fails_on_its_second_table(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """Its Header query is sound; its Episodes query names a column that does not exist."""
    return {
        "Header": ctx.table("Header"),
        "Episodes": ctx.table("Episodes").filter(pl.col("NO_SUCH_COLUMN") == 1),
    }


@pytest.mark.parametrize("position", [0, 17, 39])
def test_a_rule_failing_among_many_is_found_by_splitting_the_batch(monkeypatch, position) -> None:
    calls: list[int] = []
    collect_all = pl.collect_all

    def counted(frames, *args, **kwargs):
        calls.append(len(frames))
        return collect_all(frames, *args, **kwargs)

    monkeypatch.setattr(engine.pl, "collect_all", counted)
    many = [_sex_rule(number) for number in range(40)]
    _, alone = _run(*many)
    calls.clear()
    _, result = _run(*many[:position], fails_when_run, *many[position:])
    assert [(crash.rule, crash.table) for crash in result.crashes] == [("X1", "Header")]
    assert "InvalidOperationError" in result.crashes[0].error
    # Every other rule's findings are kept, exactly as when the failing rule is not there.
    assert [(h.rule.code, h.rows.to_list()) for h in result.hits] == [
        (h.rule.code, h.rows.to_list()) for h in alone.hits
    ]
    # 42 queries: splitting costs a few batches per failing query, not one per query.
    assert calls[0] == 42 and len(calls) <= 2 * 2 * 6 + 1


def test_a_failing_rule_is_reported_once_without_findings() -> None:
    _, result = _run(fails_when_run, fails_on_its_second_table)
    assert sorted(crash.rule for crash in result.crashes) == ["X1", "X2"]
    assert not result.hits
