"""Rule 2886Q: more than 2% of children have no sex (until 2023-24, gender) recorded."""

import polars as pl

from csc_validate.collections.cin.rulekit.identifiers import no_sex_share_above_two_percent
from csc_validate.rulekit import Case, RuleContext, from_year, rule, table

FROM_2024 = from_year("cin", "2024-25")


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
def too_many_children_without_gender(
    ctx: RuleContext, *, sex: str = "GenderCurrent"
) -> pl.LazyFrame:
    """The return, when more than 2% of child records have no gender recorded.

    No gender means a blank gender or 0 (not known) for a child who is not unborn. Unborn children
    (those with an expected date of birth) are not counted as missing a gender, but every child
    record counts towards the total. Record the gender of the born children where it is known, or
    explain why so many are unknown.
    """
    # From 2024-25 Sex (M/F/U) replaces GenderCurrent (pack.toml: sex = "Sex"); the year's
    # SEX_UNKNOWN list says which code counts as no sex.
    return no_sex_share_above_two_percent(ctx, sex)


def _children(*sexes: str, known: int, column: str = "Sex", known_code: str = "F") -> dict:
    """`known` children of sex F (or another `known_code`), then one child for each of `sexes`
    (a sex written with a trailing "+" is an unborn child's)."""
    rows = [[f"K{n}", known_code, ""] for n in range(known)]
    rows += [
        [f"X{n}", sex.removesuffix("+"), "2025-06-01" if sex.endswith("+") else ""]
        for n, sex in enumerate(sexes)
    ]
    return {"ChildIdentifiers": table(["LAchildID", column, "ExpectedPersonBirthDate"], *rows)}


def _genders(*genders: str, known: int) -> dict:
    """As `_children`, in GenderCurrent (until 2023-24): `known` children with gender 1."""
    return _children(*genders, known=known, column="GenderCurrent", known_code="1")


CASES = [
    Case(
        "1 child in 50 with no gender (2%) is not flagged",
        years=("2023-24",),
        tables=_genders("", known=49),
    ),
    Case(
        "1 child in 49 with no gender (over 2%) is flagged",
        years=("2023-24",),
        tables=_genders("", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "gender 0 (not known) counts as no gender",
        years=("2023-24",),
        tables=_genders("0", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "gender 9 (not specified) is a gender recorded",
        years=("2023-24",),
        tables=_genders("0", "9", "9", known=47),
    ),
    Case(
        "2 children in 100 with no gender are not flagged",
        years=("2023-24",),
        tables=_genders("", "0", known=98),
    ),
    Case(
        "3 children in 100 with no gender are flagged",
        years=("2023-24",),
        tables=_genders("", "0", "", known=97),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "unborn children are not counted as missing a gender",
        years=("2023-24",),
        tables=_genders("0+", "+", "0+", "", known=47),
    ),
    Case(
        "unborn children count in the total: 1 in 50 with no gender among 48 unborn",
        years=("2023-24",),
        tables=_genders("", *["+"] * 24, *["0+"] * 24, known=1),
    ),
    Case(
        "1 child in 50 with no sex (2%) is not flagged",
        years=FROM_2024,
        tables=_children("", known=49),
    ),
    Case(
        "1 child in 49 with no sex (over 2%) is flagged",
        years=FROM_2024,
        tables=_children("", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "sex U counts as no sex",
        years=FROM_2024,
        tables=_children("U", known=48),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "a lower-case u is not DfE's U, so it is not counted (rule 4180 reports it)",
        years=FROM_2024,
        tables=_children("u", known=48),
    ),
    Case(
        "2 children in 100 with no sex are not flagged",
        years=FROM_2024,
        tables=_children("", "U", known=98),
    ),
    Case(
        "3 children in 100 with no sex are flagged",
        years=FROM_2024,
        tables=_children("", "U", "", known=97),
        flagged={"ChildIdentifiers": [None]},
    ),
    Case(
        "an invalid sex is not counted here (rule 4180 reports it)",
        years=FROM_2024,
        tables=_children("U", "X", "0", known=47),
    ),
    Case(
        "unborn children are not counted as missing a sex",
        years=FROM_2024,
        tables=_children("U+", "+", "U+", "", known=47),
    ),
    Case(
        "unborn children count in the total: 1 in 50 with no sex among 48 unborn",
        years=FROM_2024,
        tables=_children("", *["+"] * 24, *["U+"] * 24, known=1),
    ),
]
