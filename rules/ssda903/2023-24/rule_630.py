"""Rule 630: a child who started care this year has no previous permanence details."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="630",
    message="Information on previous permanence option should be returned.",
    tables=["Episodes", "PrevPerm"],
    fields=["RNE"],
    tags=["permanence"],
)
def started_care_without_previous_permanence(ctx: RuleContext) -> pl.LazyFrame:
    """A child who started to be looked after this year has missing previous permanence details.

    For every child starting care, record the previous permanence option (PREV_PERM) and, unless the
    option is Z1, the local authority that arranged it and the date of the order.
    """
    # NOTE: DfE collects the previous permanence option for every child entering care (RNE S, DECOM
    # this year). The episode is flagged when the child has no PrevPerm row (no file means no rows),
    # when PREV_PERM is blank, or when the option is not Z1 (no previous permanence option) and
    # LA_PERM or DATE_PERM is blank, as the peer reads DfE's coding.
    prev_perm = ctx.table_or_empty("PrevPerm")
    option = pl.col("PREV_PERM")
    # Equivalent mutant (ReplaceFalseWithTrue): a blank option is only ever null here, and a
    # blank option is already incomplete by option.is_null() whatever had_option says.
    had_option = ~option.is_in(ctx.codes("PREV_PERM_NONE")).fill_null(False)
    incomplete = prev_perm.filter(
        option.is_null()
        | (had_option & (pl.col("LA_PERM").is_null() | pl.col("DATE_PERM").is_null()))
    )
    complete = prev_perm.join(incomplete.select("_row"), on="_row", how="anti")
    starters = ctx.table("Episodes").filter(
        pl.col("RNE").is_in(ctx.codes("RNE_STARTED_CARE")) & (pl.col("DECOM") >= ctx.start)
    )
    # A child's incomplete PrevPerm rows are named beside the episode; with none, nothing is.
    missing = starters.join(complete.select("CHILD").unique(), on="CHILD", how="anti")
    return beside(missing, incomplete, "PrevPerm")


CASES = [
    Case(
        "children starting care this year need complete previous permanence details",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "01/04/2025", "S"],
                ["2", "01/05/2025", "S"],
                ["3", "01/05/2025", "S"],
                ["4", "01/05/2025", "S"],
                ["5", "01/05/2025", "S"],
                ["6", "31/03/2025", "S"],
                ["7", "01/05/2025", "P"],
                ["8", "", "S"],
            ),
            "PrevPerm": table(
                ["CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                ["1", "Z1", "", ""],
                ["2", "P1", "800", "ZZ/ZZ/2015"],
                ["3", "P1", "", "01/01/2015"],
                ["4", "", "", ""],
            ),
        },
        flagged={"Episodes": [2, 3, 4]},
        related=(("Episodes", 2, "PrevPerm", 2), ("Episodes", 3, "PrevPerm", 3)),
        period="2025-26",
    ),
    Case(
        "a start on or after 1 April needs details; one complete row of several is enough",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"],
                ["1", "02/04/2025", "S"],
                ["2", "31/03/2025", "S"],
                ["2", "01/04/2025", "S"],
                ["3", "01/05/2025", "S"],
                ["3", "01/06/2025", "P"],
                ["4", "01/05/2025", "S"],
                ["5", "01/05/2025", "S"],
                ["6", "31/02/2025", "S"],
                ["7", "2025-05-01", "S"],
                ["8", "01/05/2025", ""],
                ["9", "01/05/2025", "S"],
                ["10", "01/05/2025", "S"],
                ["11", "01/05/2025", "S"],
                ["12", "01/05/2025", "S"],
            ),
            "PrevPerm": table(
                ["CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                ["3", "P1", "800", ""],
                ["3", "P1", "800", "01/01/2015"],
                ["4", "Z1", "800", "01/01/2015"],
                ["5", "P2", "800", ""],
                ["9", "P1", "800", "ZZ/ZZ/ZZZZ"],
                ["10", "", "800", "01/01/2015"],
                ["11", "P1", "800", "31/02/2015"],
                ["12", "P1", "", ""],
            ),
        },
        flagged={"Episodes": [0, 2, 6, 11, 13]},
        related=(
            ("Episodes", 6, "PrevPerm", 3),
            ("Episodes", 11, "PrevPerm", 5),
            ("Episodes", 13, "PrevPerm", 7),
        ),
        period="2025-26",
    ),
    Case(
        "with no PrevPerm table every child starting care this year is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE"], ["1", "01/04/2025", "S"], ["2", "31/03/2025", "S"]
            )
        },
        flagged={"Episodes": [0]},
        period="2025-26",
    ),
]
