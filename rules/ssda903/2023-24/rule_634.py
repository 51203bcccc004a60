"""Rule 634: previous permanence details for a child not looked after since April 2016."""

import datetime as dt

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

# DfE's rule names the date on which previous permanence started to be collected.
PERMANENCE_COLLECTED_FROM = dt.date(2016, 4, 1)


@rule(
    code="634",
    message=(
        "There are entries for previous permanence options, but child has not started to be"
        " looked after from 1 April 2016 onwards."
    ),
    tables=["PrevPerm", "Episodes"],
    fields=["LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"],
    tags=["permanence"],
)
def previous_permanence_before_2016_care(ctx: RuleContext) -> pl.LazyFrame:
    """Previous permanence details are given for a child not looked after since 1 April 2016.

    These details are collected only for a child who started to be looked after on or after 1 April
    2016: check the start dates (DECOM) of the child's episodes, or remove the details.
    """
    # NOTE: DfE: if PREV_PERM, LA_PERM or DATE_PERM is provided, at least one episode must start
    # from 01/04/2016. The peer compares with the collection start instead; DfE's wording and
    # message name 1 April 2016, so that date is used. A child with no episode at all is flagged.
    # NOTE: the PrevPerm row (the details to remove or confirm) is blamed; the peer also blames each
    # of the child's episodes. An unreadable DECOM shows no care since April 2016 (peer: skipped).
    recent = (
        ctx.table("Episodes")
        .filter(pl.col("DECOM") >= PERMANENCE_COLLECTED_FROM)
        .select("CHILD")
        .unique()
    )
    filled = pl.any_horizontal(
        pl.col(c).is_not_null() for c in ["PREV_PERM", "LA_PERM", "DATE_PERM"]
    )
    return ctx.table("PrevPerm").filter(filled).join(recent, on="CHILD", how="anti")


CASES = [
    Case(
        "details for a child whose episodes all start before April 2016 are flagged",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                ["1", "P1", "", ""],
                ["2", "P1", "", ""],
                ["3", "", "", "ZZ/ZZ/2010"],
                ["4", "", "", ""],
                ["5", "Z1", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "31/03/2016"],
                ["2", "31/03/2016"],
                ["2", "01/04/2016"],
                ["3", "01/01/2010"],
                ["4", "01/01/2010"],
            ),
        },
        flagged={"PrevPerm": [0, 2, 4]},
    ),
    Case(
        "an episode from 1 April 2016 on clears the details; a blank or unreadable DECOM does not",
        tables={
            "PrevPerm": table(
                ["CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"],
                ["1", "P1", "800", "01/01/2015"],
                ["2", "", "800", ""],
                ["3", "", "", "01/01/2015"],
                ["4", "P1", "", ""],
                ["5", "P1", "", ""],
                ["6", "P1", "", ""],
                ["7", "P1", "", ""],
                ["8", "P1", "", ""],
                ["9", "", "", ""],
            ),
            "Episodes": table(
                ["CHILD", "DECOM"],
                ["1", "02/04/2016"],
                ["2", "31/03/2016"],
                ["2", "01/05/2020"],
                ["3", "01/04/2016"],
                ["4", ""],
                ["5", "31/02/2017"],
                ["6", "2017-01-01"],
                ["7", "31/03/2016"],
                ["7", "01/01/2010"],
                ["9", "31/03/2016"],
            ),
        },
        flagged={"PrevPerm": [3, 4, 5, 6, 7]},
    ),
]
