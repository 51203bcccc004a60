"""Rule 2886Q (to 2023-24): more than 2% of children have no gender recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import no_sex_share_above_two_percent
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="2886Q",
    message=(
        "Please check and either amend or provide a reason: Percentage of children with no "
        "gender recorded is more than 2% (excluding unborns)"
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["GenderCurrent", "ExpectedPersonBirthDate"],
    tags=["characteristics", "return"],
)
def too_many_children_without_gender(ctx: RuleContext) -> pl.LazyFrame:
    """The return, when more than 2% of child records have no gender recorded.

    No gender means a blank gender or 0 (not known) for a child who is not unborn. Unborn children
    (those with an expected date of birth) are not counted as missing a gender, but every child
    record counts towards the total. Record the gender of the born children where it is known, or
    explain why so many are unknown.
    """
    return no_sex_share_above_two_percent(ctx, "GenderCurrent")


def _children(*genders: str, known: int) -> dict:
    """`known` children with gender 1, then one child for each of `genders` (a gender written
    with a trailing "u" is an unborn child's)."""
    rows = [[f"K{n}", "1", ""] for n in range(known)]
    rows += [
        [f"X{n}", gender.removesuffix("u"), "2024-06-01" if gender.endswith("u") else ""]
        for n, gender in enumerate(genders)
    ]
    return {
        "ChildIdentifiers": table(["LAchildID", "GenderCurrent", "ExpectedPersonBirthDate"], *rows)
    }


CASES = [
    Case("1 child in 50 with no gender (2%) is not flagged", tables=_children("", known=49)),
    Case(
        "1 child in 49 with no gender (over 2%) is flagged",
        tables=_children("", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "gender 0 (not known) counts as no gender",
        tables=_children("0", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "gender 9 (not specified) is a gender recorded",
        tables=_children("0", "9", "9", known=47),
    ),
    Case("2 children in 100 with no gender are not flagged", tables=_children("", "0", known=98)),
    Case(
        "3 children in 100 with no gender are flagged",
        tables=_children("", "0", "", known=97),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "unborn children are not counted as missing a gender",
        tables=_children("0u", "u", "0u", "", known=47),
    ),
    Case(
        "unborn children count in the total: 1 in 50 with no gender among 48 unborn",
        tables=_children("", *["u"] * 24, *["0u"] * 24, known=1),
    ),
]
