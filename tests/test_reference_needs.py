"""A rule's declared `needs` are exactly what it is listed as not run for without them."""

import pytest

from csc_validate import collections, engine, packs, schemas
from csc_validate.reference import ReferenceRequest, References
from csc_validate.testing import build_tables


def _rules_with_needs() -> list:
    found = {}
    for collection in packs.collections():
        for year in packs.years(collection):
            for rule in packs.load(collection, year).ordered():
                if rule.needs:
                    found[(collection, rule.code, rule.source)] = (collection, year, rule)
    return [
        pytest.param(*item, id=f"{item[0]}/{item[2].code}/{item[1]}") for item in found.values()
    ]


@pytest.mark.parametrize(("collection", "year", "rule"), _rules_with_needs())
def test_without_reference_data_the_rule_is_not_run_and_says_what_it_needs(
    collection: str, year: str, rule
) -> None:
    case = next(case for case in rule.cases if case.runs_in(year))
    tables = build_tables(case, collection, year)
    # What `check` gives the rules when the user gives no --la and no --ofsted.
    nothing = References(collections.get(collection).references(ReferenceRequest(), tables))
    result = engine.run([rule], tables, schemas.load(collection, year), references=nothing)
    assert not result.crashes and not result.hits
    assert [s.reason for s in result.skipped] == [f"needs {' and '.join(rule.needs)}"]
