"""Rule 612: a child's date of birth given for a girl not recorded as a mother."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="612",
    message=(
        "Date of birth field has been completed but mother field indicates child is not a mother."
    ),
    tables=["Header"],
    fields=["SEX", "MOTHER", "MC_DOB"],
    tags=["header"],
)
def child_birth_date_for_non_mother(ctx: RuleContext) -> pl.LazyFrame:
    """A girl not recorded as a mother has a date of birth for a first child.

    If she is a mother, set her mother status (MOTHER) to 1; if not, remove the first child's date
    of birth (MC_DOB).
    """
    # DfE checks girls whose MOTHER is 0 or blank. Female is the year's SEX_FEMALE code (2 until
    # 2023-24, F from 2024-25); any text in MC_DOB counts as completed.
    not_mother = pl.col("MOTHER").is_in(ctx.codes("FLAG_NO")) | pl.col("MOTHER").is_null()
    return ctx.table("Header").filter(
        pl.col("SEX").is_in(ctx.codes("SEX_FEMALE"))
        & not_mother
        & pl.col(raw_name("MC_DOB")).is_not_null()
    )


def _case(female: str, male: str, years: tuple[str, ...]) -> Case:
    return Case(
        f"a girl with MC_DOB but MOTHER 0 or blank is flagged (female coded {female})",
        tables={
            "Header": table(
                ["CHILD", "SEX", "MOTHER", "MC_DOB"],
                ["1", female, "0", "01/01/2024"],
                ["2", female, "", "01/01/2024"],
                ["3", female, "1", "01/01/2024"],
                ["4", female, "0", ""],
                ["5", male, "0", "01/01/2024"],
                ["6", "", "0", "01/01/2024"],
                ["7", female, "0", "31/02/2024"],
                ["8", female, "9", "01/01/2024"],
                ["9", female, "", "2024-01-01"],
                ["10", female, "", ""],
            )
        },
        flagged={"Header": [0, 1, 6, 8]},
        years=years,
    )


CASES = [
    _case("2", "1", ("2023-24",)),
    _case("F", "M", ("2024-25", "2025-26", "2026-27")),
]
