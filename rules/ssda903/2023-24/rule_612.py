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


def _cases(female: str, male: str, years: tuple[str, ...]) -> list[Case]:
    def case(name: str, *rows: list[str], flagged: list[int] | None = None) -> Case:
        return Case(
            f"{name} (female coded {female})",
            tables={"Header": table(["CHILD", "SEX", "MOTHER", "MC_DOB"], *rows)},
            flagged={"Header": flagged} if flagged else {},
            years=years,
        )

    return [
        case(
            "a girl with MC_DOB, even an unreadable one, but MOTHER 0 or blank is flagged",
            ["1", female, "0", "01/01/2024"],
            ["2", female, "", "01/01/2024"],
            ["7", female, "0", "31/02/2024"],
            ["9", female, "", "2024-01-01"],
            flagged=[0, 1, 2, 3],
        ),
        case(
            "a girl with MC_DOB and MOTHER 1, or a code outside the list, is not flagged",
            ["3", female, "1", "01/01/2024"],
            ["8", female, "9", "01/01/2024"],
        ),
        case(
            "a girl without MC_DOB, a boy or a blank SEX is not checked",
            ["4", female, "0", ""],
            ["5", male, "0", "01/01/2024"],
            ["6", "", "0", "01/01/2024"],
            ["10", female, "", ""],
        ),
    ]


CASES = [
    *_cases("2", "1", ("2023-24",)),
    *_cases("F", "M", ("2024-25", "2025-26", "2026-27")),
]
