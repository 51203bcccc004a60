"""Rule 516: special guardianship to former foster carers, but not placed with foster carers."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="516",
    message=(
        "The episode data submitted for this child does not show that he/she was with their "
        "former foster carer(s) during the year.If the code in the reason episode ceased is E45 "
        "or E46 the child must have a placement code of U1 to U6."
    ),
    tables=["Episodes"],
    fields=["REC", "PLACE"],
    tags=["codes", "episodes"],
)
def sgo_to_former_foster_carers_without_foster_placement(ctx: RuleContext) -> pl.LazyFrame:
    """An episode ending in special guardianship to former foster carers is not a foster placement.

    Reasons E45 and E46 mean the child was living with the foster carers who became special
    guardians: check the placement type (PLACE, U1 to U6) and the reason the episode ended (REC),
    and correct whichever is wrong.
    """
    # E45 and E46 record a special guardianship order made to the child's former foster carers, so
    # the episode that ends that way is the placement with them. DfE's second sentence states the
    # check per episode; a blank PLACE is flagged.
    to_carers = pl.col("REC").is_in(ctx.codes("REC_SGO_FORMER_FOSTER_CARERS")).fill_null(False)
    fostered = pl.col("PLACE").is_in(ctx.codes("PLACE_FOSTER")).fill_null(False)
    return ctx.table("Episodes").filter(to_carers & ~fostered)


CASES = [
    Case(
        "E45 or E46 in a placement other than U1-U6, or with PLACE blank, is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "REC", "PLACE"],
                ["3", "E45", "K2"],
                ["4", "E46", "R1"],
                ["5", "E46", ""],
                ["9", "E46", "U7"],
            ),
        },
        flagged={"Episodes": [0, 1, 2, 3]},
    ),
    Case(
        "E45 or E46 in a foster placement (U1-U6) is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "REC", "PLACE"],
                ["1", "E45", "U1"],
                ["2", "e46", "U6"],
                ["10", "E45", "U3"],
            ),
        },
    ),
    Case(
        "only the episode ending with E45 or E46 is checked, not the child's others",
        tables={
            "Episodes": table(
                ["CHILD", "REC", "PLACE"],
                ["11", "E8", "K2"],
                ["11", "E45", "U2"],
                ["12", "E8", "U1"],
                ["12", "E45", "K2"],
            ),
        },
        flagged={"Episodes": [3]},
    ),
    Case(
        "other reasons for ending, or a blank REC, are not checked",
        tables={
            "Episodes": table(
                ["CHILD", "REC", "PLACE"], ["6", "E41", "K2"], ["7", "", "K2"], ["8", "E47", "K2"]
            ),
        },
    ),
]
