"""Rule 602: adoption details for a child not adopted in the year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table

ADOPTION_FIELDS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]


@rule(
    code="602",
    message=(
        "The episode data submitted for this child does not show that he/she was adopted during"
        " the year."
    ),
    tables=["AD1", "Episodes"],
    fields=["CHILD"],
    tags=["adoption"],
)
def adoption_details_without_adoption(ctx: RuleContext) -> pl.LazyFrame:
    """Adoption details (AD1) are given for a child who was not adopted during the year.

    Adoption details are returned only for a child whose episode ended in adoption (E11 or E12)
    between 1 April and 31 March: check the date and reason the child's episode ended, or remove the
    adoption details.
    """
    # A row with every item blank carries no adoption details and is not flagged.
    dec = pl.col("DEC")
    adopted = ctx.table("Episodes").filter(
        pl.col("REC").is_in(ctx.codes("REC_ADOPTED")) & (dec >= ctx.start) & (dec <= ctx.end)
    )
    filled = [
        pl.col(raw_name(f) if f.startswith("DATE_") else f).is_not_null() for f in ADOPTION_FIELDS
    ]
    details = ctx.table("AD1").filter(pl.any_horizontal(filled))
    return details.join(adopted.select("CHILD").unique(), on="CHILD", how="anti")


CASES = [
    Case(
        "details of a child adopted 1 April to 31 March are fine; a day outside is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "01/04/2025", "E11"],
                ["2", "31/03/2025", "E12"],
                ["5", "01/04/2026", "E11"],
                ["6", "31/03/2026", "E12"],
                ["7", "02/04/2025", "E11"],
                ["8", "30/03/2026", "E12"],
                ["11", "01/04/2024", "E8"],
                ["11", "01/06/2025", "E11"],
            ),
            "AD1": table(
                ["CHILD", "DATE_INT", "NB_ADOPTR"],
                ["1", "01/01/2025", "1"],
                ["2", "01/01/2025", "1"],
                ["5", "01/01/2025", ""],
                ["6", "01/01/2025", ""],
                ["7", "01/01/2025", "1"],
                ["8", "01/01/2025", "1"],
                ["11", "01/01/2025", "2"],
            ),
        },
        flagged={"AD1": [1, 2]},
        period="2025-26",
    ),
    Case(
        "details of a child not adopted, with no episode or an unreadable DEC, are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"], ["3", "01/05/2025", "E13"], ["9", "31/02/2026", "E11"]
            ),
            "AD1": table(
                ["CHILD", "DATE_INT", "NB_ADOPTR"],
                ["3", "", "2"],
                ["9", "01/01/2025", "1"],
                ["10", "31/02/2025", ""],
            ),
        },
        flagged={"AD1": [0, 1, 2]},
        period="2025-26",
    ),
    Case(
        "an AD1 row with every item blank is not flagged",
        tables={
            "Episodes": table(["CHILD", "DEC", "REC"]),
            "AD1": table(["CHILD", "DATE_INT", "NB_ADOPTR"], ["4", "", ""]),
        },
        period="2025-26",
    ),
]
