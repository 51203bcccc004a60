"""Rule 149: reason episode ceased is not in the code list."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, not_in_codes, rule, table


@rule(
    code="149",
    message="Reason episode ceased code is not valid. ",
    tables=["Episodes"],
    fields=["REC"],
    tags=["codes", "episodes"],
)
def episode_end_reason_not_a_code(ctx: RuleContext) -> pl.LazyFrame:
    """The reason the episode ended (REC) is not one of DfE's codes.

    Record why the episode ended with a code from DfE's list (X1, E11 to E9), or leave it blank if
    the episode is still open.
    """
    # A blank REC belongs to an open episode; rule 148 pairs it with DEC.
    return ctx.table("Episodes").filter(not_in_codes("REC", ctx.codes("REC")))


CASES = [
    Case(
        "codes that are not DfE reasons for ending are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["3", "01/05/2020", "E4"],
                ["4", "01/05/2020", "E10"],
            )
        },
        flagged={"Episodes": [0, 1]},
    ),
    Case(
        "DfE's codes and a blank are not flagged; lower case is not DfE's code",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/05/2020", "X1"],
                ["2", "01/05/2020", "e4a"],
                ["5", "01/05/2020", ""],
            )
        },
        flagged={"Episodes": [1]},
    ),
]
