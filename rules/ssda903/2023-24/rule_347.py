"""Rule 347: a care leaver under 18 lives in a foyer."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="347",
    message="Care leavers aged under 18 years, can not be accommodated in a Foyer.",
    tables=["OC3"],
    fields=["ACCOM", "DOB"],
    tags=["care-leavers", "age"],
)
def foyer_under_eighteen(ctx: RuleContext) -> pl.LazyFrame:
    """A care leaver under 18 on 1 April lives in a foyer (accommodation ACCOM T1 or T2).

    A young person under 18 cannot be accommodated in a foyer: check their date of birth (DOB) and
    accommodation, and correct whichever was recorded wrongly.
    """
    # DfE's coding: if ACCOM is T then DOB must be at least 18 years before the collection start
    # date. ACCOM codes carry a suitability digit, so "T" means T1 and T2. The catalogue lists
    # PLACE, DEC and URN as fields, a slip in the peer validator; the rule reads OC3's ACCOM and
    # DOB. NOTE: the peer compares ACCOM with the bare letter "T", which no valid code equals. A
    # blank or unreadable DOB is not flagged.
    foyer = pl.col("ACCOM").is_in(ctx.codes("ACCOM_FOYER"))
    return ctx.table("OC3").filter(foyer & (age_on(pl.col("DOB"), ctx.start) < 18))


CASES = [
    Case(
        "a foyer for someone who turns 18 the day after the year starts is flagged",
        period="2024-25",
        tables={"OC3": table(["CHILD", "DOB", "ACCOM"], ["2", "02/04/2006", "T2"])},
        flagged={"OC3": [0]},
    ),
    Case(
        "a foyer for someone 18 by the year's start, or other accommodation, is not flagged",
        period="2024-25",
        tables={
            "OC3": table(
                ["CHILD", "DOB", "ACCOM"],
                ["1", "01/04/2006", "T1"],
                ["3", "02/04/2006", "B1"],
                ["5", "31/03/2006", "T2"],
                ["8", "01/04/2005", "T1"],
            )
        },
        flagged={},
    ),
    Case(
        "a foyer with a blank or unreadable date of birth is not flagged",
        period="2024-25",
        tables={
            "OC3": table(
                ["CHILD", "DOB", "ACCOM"],
                ["4", "", "T1"],
                ["6", "31/02/2007", "T1"],
                ["7", "2006-04-02", "T1"],
            )
        },
        flagged={},
    ),
]
