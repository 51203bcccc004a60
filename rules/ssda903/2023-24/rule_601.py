"""Rule 601: adopted in the year without the adoption details completed."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table

ADOPTION_FIELDS = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]


@rule(
    code="601",
    message=(
        "The additional fields relating to adoption have not been completed although the episode"
        " data shows that the child was adopted during the year."
    ),
    tables=["AD1", "Episodes"],
    fields=["REC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    tags=["adoption"],
)
def adopted_without_adoption_details(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child adopted during the year has adoption details (AD1) missing.

    The child's episode ended in adoption (E11 or E12) this year: complete every adoption item (date
    of the decision to place for adoption, date matched, foster carer, number, sex and legal status
    of the adopters), or correct how the episode ended.
    """
    # DfE collects the adoption details for each child adopted in the year. An AD1 row with any item
    # blank is flagged with the adoption episode; an adopted child with no AD1 row at all has none
    # of the items completed, so the episode is flagged (no AD1 file means no rows). An unreadable
    # date counts as completed (rules 112, 113 report it).
    dec = pl.col("DEC")
    adopted = ctx.table("Episodes").filter(
        pl.col("REC").is_in(ctx.codes("REC_ADOPTED")) & (dec >= ctx.start) & (dec <= ctx.end)
    )
    ad1 = ctx.table_or_empty("AD1")
    blanks = [
        pl.col(raw_name(f) if f.startswith("DATE_") else f).is_null() for f in ADOPTION_FIELDS
    ]
    incomplete = ad1.filter(pl.any_horizontal(blanks)).join(
        adopted.select("CHILD").unique(), on="CHILD", how="semi"
    )
    no_details = adopted.join(ad1.select("CHILD").unique(), on="CHILD", how="anti")
    with_gaps = adopted.join(incomplete.select("CHILD").unique(), on="CHILD", how="semi")
    # The incomplete AD1 row and the adoption episode name each other; an episode with no AD1 row
    # has nothing to name.
    return {
        "AD1": beside(incomplete, adopted, "Episodes"),
        "Episodes": pl.concat([no_details, beside(with_gaps, incomplete, "AD1")], how="diagonal"),
    }


CASES = [
    Case(
        "an adoption in the year with an AD1 item blank, or no AD1 row, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "01/04/2025", "E11"],
                ["2", "31/03/2026", "E12"],
                ["3", "31/03/2025", "E11"],
                ["4", "01/05/2025", "E13"],
                ["5", "01/05/2025", "E11"],
                ["6", "", "E11"],
            ),
            "AD1": table(
                [
                    "CHILD",
                    "DATE_INT",
                    "DATE_MATCH",
                    "FOSTER_CARE",
                    "NB_ADOPTR",
                    "SEX_ADOPTR",
                    "LS_ADOPTR",
                ],
                ["1", "01/01/2025", "01/02/2025", "0", "1", "M1", "L0"],
                ["2", "01/01/2025", "01/02/2025", "0", "1", "", "L0"],
                ["3", "01/01/2024", "", "", "", "", ""],
                ["4", "01/01/2025", "", "0", "1", "M1", "L0"],
                ["6", "", "", "", "", "", ""],
            ),
        },
        flagged={"AD1": [1], "Episodes": [1, 4]},
        related=(("AD1", 1, "Episodes", 1), ("Episodes", 1, "AD1", 1)),
        period="2025-26",
    ),
    Case(
        "the year's first and last days count; the day before and the day after do not",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "01/04/2025", "E11"],
                ["2", "31/03/2026", "E12"],
                ["3", "01/04/2026", "E11"],
                ["4", "31/03/2025", "E12"],
                ["5", "31/04/2025", "E11"],
            ),
            "AD1": table(
                ["CHILD", *ADOPTION_FIELDS],
                ["1", "01/01/2025", "", "0", "1", "M1", "L0"],
                ["3", "01/01/2025", "", "0", "1", "M1", "L0"],
                ["4", "01/01/2024", "", "0", "1", "M1", "L0"],
            ),
        },
        flagged={"AD1": [0], "Episodes": [0, 1]},
        related=(("AD1", 0, "Episodes", 0), ("Episodes", 0, "AD1", 0)),
        period="2025-26",
    ),
    Case(
        "an unreadable adoption date counts as completed; a blank item does not",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "01/05/2025", "E11"],
                ["2", "01/05/2025", "E12"],
                ["3", "01/05/2025", "E11"],
                ["4", "01/05/2025", "E11"],
            ),
            "AD1": table(
                ["CHILD", *ADOPTION_FIELDS],
                ["1", "31/02/2025", "2025-02-01", "0", "1", "M1", "L0"],
                ["2", "", "01/02/2025", "0", "1", "M1", "L0"],
                ["3", "01/01/2025", "01/02/2025", "0", "1", "M1", ""],
                ["4", "01/01/2025", "01/02/2025", "", "", "", ""],
            ),
        },
        flagged={"AD1": [1, 2, 3], "Episodes": [1, 2, 3]},
        period="2025-26",
    ),
    Case(
        "only a child's adoption episodes are flagged, and only for that child",
        tables={
            "Episodes": table(
                ["CHILD", "DEC", "REC"],
                ["1", "01/05/2025", "X1"],
                ["1", "01/06/2025", "E11"],
                ["2", "01/05/2025", "X1"],
                ["2", "01/06/2025", "E11"],
                ["3", "01/06/2025", "E8"],
            ),
            "AD1": table(
                ["CHILD", *ADOPTION_FIELDS],
                ["2", "01/01/2025", "01/02/2025", "0", "1", "M1", "L0"],
                ["3", "01/01/2025", "", "0", "1", "M1", "L0"],
            ),
        },
        flagged={"Episodes": [1]},
        period="2025-26",
    ),
]
