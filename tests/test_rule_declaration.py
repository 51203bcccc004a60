"""The rule declaration: what `@rule` makes of a function and its docstring, and what it refuses.
(The mutation run cannot reach this code through rule cases: every rule is declared on import.)"""

import polars as pl
import pydantic
import pytest

from csc_validate.rulekit import rule
from csc_validate.rulekit.rule import MidYear, _split_doc


def _check(ctx) -> pl.LazyFrame:
    """Rows with a blank CHILD.

    Fill in the child's ID.

    Then check the Header.
    """
    return ctx.table("Header")


def test_the_docstring_gives_the_summary_then_the_rest_with_line_breaks_folded() -> None:
    assert _split_doc(_check.__doc__) == (
        "Rows with a blank CHILD.",
        "Fill in the child's ID.\n\nThen check the Header.",
    )
    assert _split_doc("One line.") == ("One line.", "")
    assert _split_doc("  \n\n ") == ("", "")


def test_a_declaration_without_optional_parts_has_empty_ones() -> None:
    declared = rule(code="X1", message=" A message. ", tables=["Header"])(_check)
    undocumented = rule(code="X2", message="m", tables=["Header"])(lambda ctx: ctx)
    assert (declared.fields, declared.tags, declared.aliases, declared.needs) == ((),) * 4
    assert declared.message == "A message." and declared.summary == "Rows with a blank CHILD."
    assert (undocumented.summary, undocumented.explanation) == ("", "")
    assert not declared.earlier_years and declared.provisional == ""
    assert declared.mid_year is MidYear.AS_AT and declared.check is _check


def test_a_declaration_keeps_what_it_is_given() -> None:
    declared = rule(
        code="X3",
        message="m",
        tables=["Header"],
        fields=["SEX"],
        tags=["codes"],
        aliases=["x3"],
        needs=["--la"],
    )(_check)
    assert (declared.fields, declared.tags, declared.aliases, declared.needs) == (
        ("SEX",),
        ("codes",),
        ("x3",),
        ("--la",),
    )


@pytest.mark.parametrize(
    "wrong",
    [
        {"code": "X4", "message": "  ", "tables": ["Header"]},
        {"code": "X4", "message": "m", "tables": []},
        {"code": "X 4", "message": "m", "tables": ["Header"]},
    ],
)
def test_a_declaration_without_a_message_a_table_or_a_plain_code_is_refused(wrong: dict) -> None:
    with pytest.raises(pydantic.ValidationError):
        rule(**wrong)(_check)


def test_a_rule_cannot_be_changed_once_declared() -> None:
    declared = rule(code="X5", message="m", tables=["Header"])(_check)
    with pytest.raises(pydantic.ValidationError):
        declared.message = "other"  # type: ignore[misc]
