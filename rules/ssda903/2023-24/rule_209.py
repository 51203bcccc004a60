"""Rule 209: a child of school age has the unknown UPN code UN1."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, birthday, rule, table


@rule(
    code="209",
    message=(
        "Child looked after is of school age and should not have an unknown Unique Pupil Number "
        "(UPN) code of UN1."
    ),
    tables=["Header"],
    fields=["UPN", "DOB"],
    tags=["upn", "age"],
)
def school_age_child_coded_under_six(ctx: RuleContext) -> pl.LazyFrame:
    """A child of school age has the UPN code UN1 (child under 6 without a UPN).

    A child who was 4 by 31 August before the collection year has started school: get the child's
    UPN from the school, or use the unknown code that applies.
    """
    # DfE's check uses 31 August of the calendar year before the collection starts (for 2019-20,
    # 31/08/2018): a child 4 by then has started school and should have a UPN. A blank or unreadable
    # DOB is not flagged.
    school_start = dt.date(ctx.start.year - 1, 8, 31)
    coded_un1 = pl.col("UPN").is_in(ctx.codes("UPN_UNDER_SIX"))
    return ctx.table("Header").filter(coded_un1 & (birthday(pl.col("DOB"), 4) <= school_start))


CASES = [
    Case(
        "UN1, as DfE writes it, for a child 4 by 31 August the year before (on or a day before)",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB", "UPN"],
                ["1", "31/08/2019", "UN1"],
                ["3", "30/08/2019", "un1"],
                ["9", "30/08/2019", "UN1"],
            )
        },
        flagged={"Header": [0, 2]},
    ),
    Case(
        "UN1 for a child 4 a day later is not flagged, nor other codes or a blank UPN",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB", "UPN"],
                ["2", "01/09/2019", "UN1"],
                ["4", "01/01/2012", "UN2"],
                ["6", "01/01/2012", ""],
            )
        },
        flagged={},
    ),
    Case(
        "a blank or unreadable date of birth gives no age and is not flagged",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB", "UPN"],
                ["5", "", "UN1"],
                ["7", "31/02/2019", "UN1"],
                ["8", "2019-08-30", "UN1"],
            )
        },
        flagged={},
    ),
]
