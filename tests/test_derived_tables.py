"""Derived tables: built once for all the rules of a run, never shared between runs or returns."""

import polars as pl
import pytest

from csc_validate import engine, schemas
from csc_validate.collections.ssda903.rulekit import carryover, oc2_cohort, periods_of_care
from csc_validate.collections.ssda903.rulekit import episodes as episode_kit
from csc_validate.rulekit import Case, RuleContext, rule, table
from csc_validate.testing import build_tables

SCHEMA = schemas.load("ssda903", "2025-26")
builds: list[str] = []


def _case(*sexes: str) -> Case:
    rows = [[str(child), sex] for child, sex in enumerate(sexes)]
    return Case("children", tables={"Header": table(["CHILD", "SEX"], *rows)})


def girls(ctx: RuleContext) -> pl.LazyFrame:
    builds.append("girls")
    return ctx.table("Header").filter(pl.col("SEX") == "2")


def unbuildable(ctx: RuleContext) -> pl.LazyFrame:
    builds.append("unbuildable")
    return ctx.table("Header").filter(pl.col("NO_SUCH_COLUMN") == 1)


def needs_reviews(ctx: RuleContext) -> pl.LazyFrame:
    builds.append("needs_reviews")
    return ctx.table("Reviews")


@rule(code="D1", message="Girls.", tables=["Header"])
def every_girl(ctx: RuleContext) -> pl.LazyFrame:
    """Flags every girl."""
    return ctx.derived(girls)


@rule(code="D2", message="Girls, first.", tables=["Header"])
def the_first_girl(ctx: RuleContext) -> pl.LazyFrame:
    """Flags the first girl by row."""
    return ctx.derived(girls).sort("_row").head(1)


@rule(code="D3", message="Uses a table that cannot be built.", tables=["Header"])
def broken_one(ctx: RuleContext) -> pl.LazyFrame:
    """Fails."""
    return ctx.derived(unbuildable)


@rule(code="D4", message="Uses it too.", tables=["Header"])
def broken_two(ctx: RuleContext) -> pl.LazyFrame:
    """Fails too."""
    return ctx.derived(unbuildable).head(1)


@rule(code="D5", message="Needs reviews.", tables=["Reviews"])
def needs_them(ctx: RuleContext) -> pl.LazyFrame:
    """Skipped without reviews."""
    return ctx.derived(needs_reviews)


def _run(case: Case, *rules) -> engine.RunResult:
    builds.clear()
    return engine.run(list(rules), build_tables(case, "ssda903", "2025-26"), SCHEMA)


def _flagged(result: engine.RunResult) -> dict[str, list[int]]:
    return {hit.rule.code: hit.rows.to_list() for hit in result.hits}


def test_a_derived_table_is_built_once_for_every_rule_of_a_run() -> None:
    result = _run(_case("1", "2", "2"), every_girl, the_first_girl)
    assert builds == ["girls"]
    assert _flagged(result) == {"D1": [1, 2], "D2": [1]}


def test_two_runs_in_a_row_build_their_own() -> None:
    first = _run(_case("2", "1"), every_girl)
    second = _run(_case("1", "1", "2"), every_girl, the_first_girl)
    assert builds == ["girls"]  # cleared by the second run, which built its own
    assert _flagged(first) == {"D1": [0]}
    assert _flagged(second) == {"D1": [2], "D2": [2]}


def test_a_table_that_cannot_be_built_fails_only_the_rules_that_use_it() -> None:
    result = _run(_case("2", "1"), broken_one, every_girl, broken_two)
    assert builds.count("unbuildable") == 1
    assert [crash.rule for crash in result.crashes] == ["D3", "D4"]
    assert all("ColumnNotFoundError" in crash.error for crash in result.crashes)
    assert _flagged(result) == {"D1": [0]}


def test_a_derived_table_of_an_absent_table_skips_its_rules() -> None:
    result = _run(_case("2"), needs_them, every_girl)
    assert [(s.rule, s.reason) for s in result.skipped] == [("D5", "no Reviews table")]
    assert not result.crashes and _flagged(result) == {"D1": [0]}


EPISODES = Case(
    "two children in care all year",
    tables={
        "Episodes": table(
            ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
            ["1", "01/01/2024", "S", "C2", "", ""],
            ["2", "01/01/2024", "S", "C2", "01/06/2025", "E11"],
            ["2", "01/06/2025", "P", "C2", "", ""],
        )
    },
)


@pytest.mark.parametrize(
    ("helper", "built"),
    [(periods_of_care, "with_periods_of_care"), (oc2_cohort, "continuously_looked_after")],
)
def test_episode_tables_are_built_once_per_context(monkeypatch, helper, built) -> None:
    original = getattr(episode_kit, built)
    calls: list[int] = []

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(episode_kit, built, counted)
    tables = build_tables(EPISODES, "ssda903", "2025-26")
    context = RuleContext(tables, SCHEMA)
    first, again = helper(context).collect(), helper(context).collect()
    assert len(calls) == 1 and first.equals(again)
    assert helper(RuleContext(tables, SCHEMA)).collect().equals(first)
    assert len(calls) == 2  # a new run builds afresh
    expected = original if built == "with_periods_of_care" else None
    if expected is not None:
        assert first.equals(expected(context.table("Episodes")).collect())


def test_last_years_open_episodes_are_paired_once_per_context(monkeypatch) -> None:
    original = carryover._first_episodes
    calls: list[int] = []

    def counted(episodes: pl.LazyFrame) -> pl.LazyFrame:
        calls.append(1)
        return original(episodes)

    monkeypatch.setattr(carryover, "_first_episodes", counted)
    case = Case(
        "carried over",
        tables={
            **EPISODES.tables,
            "Episodes_last": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC"],
                ["1", "01/01/2024", "S", "C2", ""],
                ["2", "01/01/2024", "S", "C2", "01/06/2024"],
            ),
        },
    )
    context = RuleContext(build_tables(case, "ssda903", "2025-26"), SCHEMA)
    shared = [carryover.carried_over(context, [c]).sort("_row").collect() for c in ("LS", "RNE")]
    assert len(calls) == 1
    each = carryover.first_after_open_episode(
        context.table("Episodes"), context.table("Episodes_last"), ["LS"]
    )
    assert shared[0].equals(each.sort("_row").collect())
    assert shared[0]["CHILD"].to_list() == ["1"]
