"""Meta-checks on the rule packs: declarations, cases and the style of rule code."""

import ast
import csv
from pathlib import Path

import pytest

from csc_validate import packs, schemas
from csc_validate.builtin import BUILTIN_RULES
from csc_validate.errors import RuleDefinitionError
from csc_validate.resources import data_dir

BUILTIN = {rule.code for rule in BUILTIN_RULES}
FORBIDDEN_CALLS = {"iter_rows", "map_elements", "map_rows", "to_dicts", "apply", "iterrows", "rows"}
CATALOGUES = Path(__file__).resolve().parents[2] / "shared" / "reference"


def _rules() -> list:
    seen = {}
    for collection in packs.collections():
        for year in packs.years(collection):
            for rule in packs.load(collection, year).ordered():
                if rule.code not in BUILTIN and rule.source not in seen:
                    seen[rule.source] = pytest.param(
                        collection, rule, id=f"{collection}/{rule.code}/{rule.source.parent.name}"
                    )
    return list(seen.values())


@pytest.mark.parametrize(("collection", "rule"), _rules())
def test_rule_has_flagged_and_clean_cases(collection: str, rule) -> None:
    flagged = sum(len(rows) for case in rule.cases for rows in case.flagged.values())
    total = sum(
        len(t.rows) for case in rule.cases for name, t in case.tables.items() if name in rule.tables
    )
    assert flagged >= 1, f"{rule.source}: no case flags a row"
    assert total > flagged, f"{rule.source}: no case has a row that must not be flagged"


@pytest.mark.parametrize(("collection", "rule"), _rules())
def test_rule_declares_known_tables_and_fields(collection: str, rule) -> None:
    year = rule.source.parent.name
    in_force = [schemas.load(collection, y) for y in packs.years_in_force(collection, rule.code)]
    columns = {c for s in in_force for table in s.tables.values() for c in table.column_names}
    tables = {name for s in in_force for name in s.tables}
    for table in rule.tables:
        assert table.removesuffix("_last") in tables, f"{rule.source}: unknown table {table}"
    unknown = set(rule.fields) - columns
    assert not unknown, f"{rule.source} ({year}): unknown fields {sorted(unknown)}"
    assert rule.summary, f"{rule.source}: the function needs a docstring saying what it checks"
    # The summary heads every report's entry for the rule: one whole sentence, not a fragment.
    assert rule.summary.endswith((".", "?")), f"{rule.source}: the summary is not a sentence"
    assert len(rule.summary) <= 200, f"{rule.source}: the summary is longer than a sentence"


@pytest.mark.parametrize(("collection", "rule"), _rules())
def test_rule_code_uses_whole_table_expressions(collection: str, rule) -> None:
    tree = ast.parse(rule.source.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_CALLS:
            pytest.fail(f"{rule.source}:{node.lineno}: .{node.attr} loops over rows")
        if isinstance(node, ast.For | ast.While):
            pytest.fail(
                f"{rule.source}:{node.lineno}: a loop in rule code; use expressions and joins"
            )


def test_rule_modules_are_named_by_code() -> None:
    for path in data_dir("rules").glob("*/*/rule_*.py"):
        assert path.stem.startswith("rule_")


def _catalogue(collection: str) -> dict[str, dict]:
    path = CATALOGUES / collection / "rules.csv"
    if not path.exists():
        pytest.skip("the rule catalogue (../shared/reference) is not beside this checkout")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


PACK_YEARS = [(name, year) for name in packs.collections() for year in packs.years(name)]


@pytest.mark.parametrize(("collection", "year"), PACK_YEARS)
def test_pack_lists_only_catalogue_rules_in_force(collection: str, year: str) -> None:
    catalogue = _catalogue(collection)
    pack = packs.load(collection, year)
    for code in set(pack.rules) - BUILTIN:
        if code.startswith("CSC"):
            continue  # csc-validate's own rules, where DfE has none
        assert code in catalogue, f"{code} is not a DfE rule in the catalogue"
        assert year in catalogue[code]["active_in"].split(";"), f"{code} is not in force in {year}"


@pytest.mark.parametrize("year", packs.years("cin"))
def test_cin_pack_holds_every_catalogue_rule_in_force(year: str) -> None:
    catalogue = _catalogue("cin")
    wanted = {code for code, row in catalogue.items() if year in row["active_in"].split(";")}
    assert wanted <= set(packs.load("cin", year).rules), sorted(
        wanted - set(packs.load("cin", year).rules)
    )


@pytest.mark.parametrize("year", packs.years("cin"))
def test_cin_rules_carry_dfe_messages_and_severities(year: str) -> None:
    catalogue = _catalogue("cin")
    for code, rule in packs.load("cin", year).rules.items():
        if code in BUILTIN or code.startswith("CSC"):
            continue  # csc-validate's own checks carry csc-validate's messages
        assert rule.severity.value == ("query" if code.endswith("Q") else "error"), code
        if not catalogue[code]["changed_in"] or year >= catalogue[code]["changed_in"]:
            expected = " ".join(catalogue[code]["message"].split())
            assert " ".join(rule.message.split()) == expected, code


def test_a_year_can_revise_an_inherited_rules_wording_only() -> None:
    before, after = packs.load("ssda903", "2024-25"), packs.load("ssda903", "2025-26")
    assert "226" in after.changed
    assert after.rules["226"].message != before.rules["226"].message
    assert after.rules["226"].check is before.rules["226"].check


def test_a_year_can_revise_a_rule_through_its_code_lists_alone() -> None:
    before, after = packs.load("ssda903", "2024-25"), packs.load("ssda903", "2025-26")
    assert {"229", "1015"} <= set(after.changed)
    # The same rule, but its 2025-26 reading is provisional (the year's text was not available).
    assert after.rules["229"].model_copy(update={"provisional": ""}) == before.rules["229"]
    assert "218" in packs.load("ssda903", "2024-25").changed


def test_a_code_list_revision_must_name_a_list_the_year_changed() -> None:
    manifest = data_dir("rules") / "ssda903" / "2025-26" / "pack.toml"
    years = ("ssda903", "2025-26", "2024-25")
    packs._check_code_lists(manifest, "229", ["PLACE_PROVIDER_LA_NOT_CHECKED"], years)
    for unchanged in ("PLACE_FOSTER", "NO_SUCH_LIST"):
        with pytest.raises(RuleDefinitionError, match=unchanged):
            packs._check_code_lists(manifest, "229", [unchanged], years)


def test_a_year_can_revise_a_rule_through_its_year_parameters() -> None:
    before, after = packs.load("ssda903", "2024-25"), packs.load("ssda903", "2025-26")
    assert "SW02STG1" in after.changed
    # One function, bound to the year's values; the years before keep the first year's.
    assert after.rules["SW02STG1"].check.keywords == {"shortest_id": 4}
    assert after.rules["SW02STG1"].check.func is before.rules["SW02STG1"].check
    assert after.rules["SW02STG1"].source == before.rules["SW02STG1"].source
    # A later year inherits the values, and a revision of other parameters keeps them.
    assert packs.load("ssda903", "2026-27").rules["SW02STG1"].check.keywords == {"shortest_id": 4}


def test_year_parameters_must_be_keyword_only_parameters_of_the_check() -> None:
    manifest = data_dir("rules") / "ssda903" / "2025-26" / "pack.toml"
    rule = packs.load("ssda903", "2024-25").rules["SW10STG2"]
    first = packs._with_params(manifest, rule, {"later_start_too": False})
    both = packs._with_params(
        manifest, rule.model_copy(update={"check": first}), {"first_contact_exempt": True}
    )
    assert both.keywords == {"later_start_too": False, "first_contact_exempt": True}
    assert both.func is first.func and both.__wrapped__ is first.func
    for wrong in ({"no_such": 1}, {}, ["later_start_too"]):
        with pytest.raises(RuleDefinitionError, match="keyword-only parameters"):
            packs._with_params(manifest, rule, wrong)


def test_a_revision_may_give_the_years_wording_and_fields() -> None:
    before, after = packs.load("cin", "2023-24"), packs.load("cin", "2024-25")
    assert before.rules["4180"].fields == ("GenderCurrent",)
    assert after.rules["4180"].fields == ("Sex",)
    assert after.rules["4180"].summary != before.rules["4180"].summary
    assert after.rules["4180"].explanation != before.rules["4180"].explanation
