"""Rule 191: a child in the OC2 cohort has OC2 health items left blank."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order, oc2_cohort
from csc_validate.rulekit import Case, RuleContext, rule, table

CORE = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]


@rule(
    code="191",
    message=(
        "Child has been looked after continuously for at least 12 months at 31 March but one or "
        "more data items relating to children looked after for 12 months have been left blank."
    ),
    tables=["OC2", "Episodes"],
    fields=[*CORE, "CHILD"],
    tags=["outcomes"],
)
def outcome_items_missing_in_oc2_cohort(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child in care all year has immunisations, teeth, health or misuse items left blank.

    Immunisations, teeth check, health assessment and substance misuse apply at every age, so
    each must be given for a child in care all year. A child with no OC2 record at all is
    flagged on their latest episode.

    In care all year means looked after continuously for the 12 months to 31 March (the OC2
    cohort): looked after on 1 April, with no new period of care (RNE S) and no episode ending
    with a reason other than X1 during the year, and no short breaks (V3/V4).
    """
    # NOTE: the peer leaves out a child with an unreadable date or blank REC and blames the
    # earliest episode; DfE's codes decide, the latest episode is blamed. The peer also reads
    # an end date it cannot read as no end date, so it keeps in the cohort a child whose only
    # episode has one; an end date that is written has ended the episode (see
    # continuously_looked_after), so such a child was not looked after at 31 March.
    # The other OC2 items depend on age or on substance misuse and have their own rules.
    episodes = ctx.table("Episodes")
    oc2 = ctx.table("OC2")
    cohort = oc2_cohort(ctx)
    blank = pl.any_horizontal([pl.col(c).is_null() for c in CORE])
    latest = pl.col("_row") == pl.col("_row").sort_by(in_order("DECOM", "DEC")).last().over("CHILD")
    return {
        "OC2": oc2.filter(blank).join(cohort, on="CHILD", how="semi"),
        "Episodes": episodes.filter(latest)
        .join(cohort, on="CHILD", how="semi")
        .join(oc2.select("CHILD"), on="CHILD", how="anti"),
    }


# The OC2 cohort is read from DfE's codes, so slips in the dates keep children 1-4 in it (an
# overlap, a short gap, unreadable dates, an earlier episode left open), while child 5 left care
# (REC E13) although a same-day continuation follows.
COHORT_SLIPS = table(
    ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
    ["1", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["1", "05/06/2024", "P", "C2", "", ""],
    ["2", "01/01/2022", "S", "C2", "10/06/2024", "X1"],
    ["2", "13/06/2024", "P", "C2", "", ""],
    ["3", "01/01/2022", "S", "C2", "31/06/2024", "X1"],
    ["3", "31/06/2024", "P", "C2", "", ""],
    ["4", "01/01/2022", "S", "C2", "", ""],
    ["4", "10/06/2024", "P", "C2", "", ""],
    ["5", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
    ["5", "10/06/2024", "P", "C2", "", ""],
)


CASES = [
    Case(
        "blank items, or no OC2 record, for a child in care all year are flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"],
                ["1", "01/01/2020", "S", "C2", "U1", "", ""],
                ["2", "01/01/2020", "S", "C2", "U1", "", ""],
                ["3", "01/01/2020", "S", "C2", "U1", "01/05/2021", "X1"],
                ["3", "01/05/2021", "P", "C2", "U2", "", ""],
                ["4", "01/06/2023", "S", "C2", "U1", "", ""],
                ["5", "01/01/2020", "S", "C2", "U1", "", ""],
                ["6", "01/05/2021", "P", "C2", "U2", "", ""],
                ["6", "01/01/2020", "S", "C2", "U1", "01/05/2021", "X1"],
            ),
            "OC2": table(
                ["CHILD", *CORE],
                ["1", "1", "1", "1", "0"],
                ["2", "1", "", "1", "0"],
                ["4", "", "", "", ""],
                ["5", "", "", "", ""],
            ),
        },
        flagged={"OC2": [1, 3], "Episodes": [3, 6]},
        period="2023-24",
    ),
    Case(
        "slips in episode dates keep children in care all year in the cohort",
        tables={
            "Episodes": COHORT_SLIPS,
            "OC2": table(
                ["CHILD", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
                ["1", "", "1", "1", "0"],
                ["2", "", "1", "1", "0"],
                ["3", "", "1", "1", "0"],
                ["4", "", "1", "1", "0"],
                ["5", "", "1", "1", "0"],
            ),
        },
        flagged={"OC2": [0, 1, 2, 3]},
        period="2024-25",
    ),
    Case(
        "only an end date ends care: a reason ceased with no end date"
        " keeps the child in the cohort, an end date (even unreadable) does not",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                ["1", "01/01/2022", "S", "C2", "", "E13"],
                ["2", "01/01/2022", "S", "C2", "10/06/2024", "E13"],
                ["3", "01/01/2022", "S", "C2", "31/06/2024", "E13"],
            ),
            "OC2": table(
                ["CHILD", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"],
                ["1", "", "1", "1", "0"],
                ["2", "", "1", "1", "0"],
                ["3", "", "1", "1", "0"],
            ),
        },
        flagged={"OC2": [0]},
        period="2024-25",
    ),
]
