"""Every case of every rule, in every year the rule is in force, with that year's schema."""

import pytest

from csc_validate import engine, packs, schemas
from csc_validate.rulekit.cases import Case, build_references, build_tables
from csc_validate.rulekit.rule import Rule


def _all_cases() -> list:
    params = []
    for collection in packs.collections():
        for year in packs.years(collection):
            for rule in packs.load(collection, year).ordered():
                for case in rule.cases:
                    if not case.runs_in(year):
                        continue
                    marks = (
                        [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
                    )
                    params.append(
                        pytest.param(
                            collection,
                            year,
                            rule,
                            case,
                            id=f"{collection}/{year}/{rule.code}/{case.slug}",
                            marks=marks,
                        )
                    )
    return params


@pytest.mark.parametrize(("collection", "year", "rule", "case"), _all_cases())
def test_case(collection: str, year: str, rule: Rule, case: Case) -> None:
    schema = schemas.load(collection, year)
    tables = build_tables(case, collection, year)
    references = build_references(case, collection, tables)
    result = engine.run([rule], tables, schema, case.period_for(year, collection), references)
    assert not result.crashes, result.crashes
    if case.skipped:
        assert result.skipped and not result.hits, f"rule {rule.code} ran: {result.hits}"
        return
    assert not result.skipped, result.skipped
    flagged = {hit.table: _ordered(hit.rows.to_list()) for hit in result.hits}
    expected = {table: _ordered(rows) for table, rows in case.flagged.items() if rows}
    assert flagged == expected, (
        f"\nexpected rows: {expected}\nflagged rows:  {flagged}\n(rule {rule.code}, {rule.source})"
    )
    if case.related:
        named = {
            (hit.table, *pair)
            for hit in result.hits
            if hit.related is not None
            for pair in hit.related.iter_rows()
        }
        assert named == set(case.related), f"related rows: {sorted(named)}"


def _ordered(rows: list[int | None] | tuple[int | None, ...]) -> list[int | None]:
    """Rows in order; None, a finding about the whole table, first."""
    return sorted(rows, key=lambda row: (row is not None, row or 0))
