"""Rule 100: the header's reference date is not 31 March of the census year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="100",
    message="Reference Date is incorrect",
    tables=["Header"],
    fields=["ReferenceDate"],
    tags=["header", "dates"],
)
def reference_date_not_census_end(ctx: RuleContext) -> pl.LazyFrame:
    """The header's reference date is blank, not a date, or not 31 March of the census year.

    The reference date is the last day of the census year (31 March 2025 for 2024-25); set it in the
    header of the return, and check that the return is for the year you meant.
    """
    # A blank or unreadable reference date is null; DfE requires the date itself, so both fail.
    reference = pl.col("ReferenceDate")
    return ctx.table("Header").filter(
        reference.is_null() | (reference != pl.lit(ctx.end, dtype=pl.Date))
    )


def _header(reference_date: str) -> dict:
    return {
        "Header": table(["Collection", "Year", "ReferenceDate"], ["CIN", "2025", reference_date])
    }


CASES = [
    Case("31 March of the census year is correct", tables=_header("2025-03-31"), period="2024-25"),
    Case(
        "the day before 31 March is flagged",
        tables=_header("2025-03-30"),
        flagged={"Header": [0]},
        period="2024-25",
    ),
    Case(
        "the day after 31 March is flagged",
        tables=_header("2025-04-01"),
        flagged={"Header": [0]},
        period="2024-25",
    ),
    Case(
        "the previous census year's reference date is flagged",
        tables=_header("2024-03-31"),
        flagged={"Header": [0]},
        period="2024-25",
    ),
    Case(
        "a blank reference date is flagged",
        tables=_header(""),
        flagged={"Header": [0]},
        period="2024-25",
    ),
    Case(
        "an impossible date is flagged",
        tables=_header("2025-02-30"),
        flagged={"Header": [0]},
        period="2024-25",
    ),
    Case(
        "the date written dd/mm/yyyy is read and is correct",
        tables=_header("31/03/2025"),
        period="2024-25",
    ),
]
