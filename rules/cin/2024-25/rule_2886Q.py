"""Rule 2886Q: more than 2% of children have no sex recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import no_sex_share_above_two_percent
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="2886Q",
    message=(
        "Please check and either amend or provide a reason: Percentage of children with no sex "
        "recorded is more than 2% (excluding unborns)"
    ),
    severity="query",
    tables=["ChildIdentifiers"],
    fields=["Sex", "ExpectedPersonBirthDate"],
    tags=["characteristics", "return"],
)
def too_many_children_without_sex(ctx: RuleContext) -> pl.LazyFrame:
    """The return, when more than 2% of child records have no sex recorded.

    No sex means a blank sex or U (unknown) for a child who is not unborn. Unborn children (those
    with an expected date of birth) are not counted as missing a sex, but every child record counts
    towards the total. Record the sex of the born children where it is known, or explain why so many
    are unknown.
    """
    return no_sex_share_above_two_percent(ctx, "Sex")


def _children(*sexes: str, known: int) -> dict:
    """`known` children of sex F, then one child for each of `sexes` (a sex written with a
    trailing "+" is an unborn child's)."""
    rows = [[f"K{n}", "F", ""] for n in range(known)]
    rows += [
        [f"X{n}", sex.removesuffix("+"), "2025-06-01" if sex.endswith("+") else ""]
        for n, sex in enumerate(sexes)
    ]
    return {"ChildIdentifiers": table(["LAchildID", "Sex", "ExpectedPersonBirthDate"], *rows)}


CASES = [
    Case("1 child in 50 with no sex (2%) is not flagged", tables=_children("", known=49)),
    Case(
        "1 child in 49 with no sex (over 2%) is flagged",
        tables=_children("", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "sex U counts as no sex",
        tables=_children("U", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "a lower-case u is not DfE's U, so it is not counted (rule 4180 reports it)",
        tables=_children("u", known=48),
    ),
    Case("2 children in 100 with no sex are not flagged", tables=_children("", "U", known=98)),
    Case(
        "3 children in 100 with no sex are flagged",
        tables=_children("", "U", "", known=97),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "an invalid sex is not counted here (rule 4180 reports it)",
        tables=_children("U", "X", "0", known=47),
    ),
    Case(
        "unborn children are not counted as missing a sex",
        tables=_children("U+", "+", "U+", "", known=47),
    ),
    Case(
        "unborn children count in the total: 1 in 50 with no sex among 48 unborn",
        tables=_children("", *["+"] * 24, *["U+"] * 24, known=1),
    ),
]
