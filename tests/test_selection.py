"""--select and --ignore: codes, tables and tags; unknown and retired codes stop the run."""

import pytest

from csc_validate import packs
from csc_validate.errors import UsageError
from csc_validate.selection import resolve

PACK = packs.load("ssda903", "2025-26")


def codes(select: list[str], ignore: list[str] | None = None) -> list[str]:
    rules, _ = resolve(PACK, select, ignore or [])
    return [rule.code for rule in rules]


def test_everything_runs_when_nothing_is_selected() -> None:
    assert len(codes([])) == len(PACK.rules)


def test_codes_are_matched_exactly_never_by_prefix() -> None:
    assert codes(["101"]) == ["101"]
    with pytest.raises(UsageError):
        codes(["10"])


def test_comma_separated_and_case_insensitive_references() -> None:
    assert codes(["101, 102", "csc001"]) == ["101", "102", "CSC001"]


def test_a_table_selects_its_rules_and_ignore_wins() -> None:
    header = codes(["Header"])
    assert "101" in header and "388" not in header
    assert "101" not in codes(["header"], ["101"])


def test_tags_select_rules() -> None:
    assert "102" in codes(["tag:dates"])
    with pytest.raises(UsageError, match="no rule has the tag"):
        codes(["tag:nonsense"])


def test_a_retired_code_says_when_it_was_retired() -> None:
    with pytest.raises(UsageError, match="retired in 2024-25"):
        codes(["217t"])


def test_an_unknown_code_suggests_a_near_one() -> None:
    with pytest.raises(UsageError, match="did you mean Episodes"):
        codes(["Episode"])


def test_ignoring_a_code_this_year_does_not_run_is_a_note_not_an_error() -> None:
    rules, notes = resolve(PACK, [], ["217t", "101", "SW11aSTG2"])
    assert "101" not in {rule.code for rule in rules}
    assert len(rules) == len(PACK.rules) - 1
    assert any("217t" in note and "retired in 2024-25" in note for note in notes)
    assert any("SW11aSTG2" in note and "changes nothing" in note for note in notes)
    with pytest.raises(UsageError, match="not a rule code"):
        resolve(PACK, [], ["nonsense"])


def test_a_rule_csc_validate_does_not_check_is_known_and_says_why() -> None:
    first = packs.load("ssda903", "2023-24")
    assert "SW11aSTG2" in first.not_implemented and "SW11aSTG2" not in first.rules
    assert "SW11aSTG2" not in packs.load("ssda903", "2024-25").not_implemented
    with pytest.raises(UsageError, match="not checked by csc-validate"):
        resolve(first, ["SW11aSTG2"], [])
    rules, notes = resolve(first, [], ["SW11aSTG2"])
    assert len(rules) == len(first.rules)
    assert any("does not check SW11aSTG2" in note for note in notes)
