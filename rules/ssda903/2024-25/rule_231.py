"""Rule 231: an unaccompanied asylum-seeking child is under 11 at the end of the year."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, age_on, rule, table


@rule(
    code="231",
    message=(
        "We expect that unaccompanied asylum seeking children are generally older young people. "
        "Please check the date of birth is correct. If the date of birth is correct then please "
        "provide details in a bypass request."
    ),
    tables=["Header"],
    fields=["DOB", "UASC"],
    severity="query",
    tags=["uasc", "age"],
)
def young_uasc_child(ctx: RuleContext) -> pl.LazyFrame:
    """An unaccompanied asylum-seeking child is under 11 on 31 March.

    This is a query: such children are usually older, so check the child's date of birth (DOB); if
    it is right, give the details in a bypass request.
    """
    # NOTE: the peer reads a Header column UASC_STATUS that a CSV return does not have, and fails.
    # DfE's coding: if UASC status is 1 then DOB should be more than 11 years before the collection
    # end date; a child whose 11th birthday is 31 March is not queried. DfE names the item
    # UASC_STATUS; it is the Header's UASC flag (for CSV returns: listed in the UASC table).
    uasc = pl.col("UASC").is_in(ctx.codes("FLAG_YES"))
    return ctx.table("Header").filter(uasc & (age_on(pl.col("DOB"), ctx.end) < 11))


CASES = [
    Case(
        "a UASC child 11 on 31 March is not queried; a day younger is",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "31/03/2014"],
                ["2", "01/04/2014"],
                ["3", "01/04/2014"],
                ["4", ""],
                ["5", "01/01/2008"],
            ),
            "UASC": table(
                ["CHILD", "DUC"], ["1", "31/03/2032"], ["2", "01/04/2032"], ["4", ""], ["5", ""]
            ),
        },
        flagged={"Header": [1]},
    ),
    Case(
        "a day past the 11th birthday is not queried; blank or unreadable DOBs are not compared",
        period="2024-25",
        tables={
            "Header": table(
                ["CHILD", "DOB"],
                ["1", "30/03/2014"],
                ["2", "01/01/2024"],
                ["3", "31/02/2015"],
                ["4", "2015-04-01"],
                ["5", "01/04/2014"],
                ["6", "31/03/2014"],
            ),
            "UASC": table(
                ["CHILD", "DUC"],
                ["1", "30/03/2032"],
                ["2", "01/01/2042"],
                ["3", ""],
                ["4", ""],
                ["5", ""],
                ["5", "01/04/2032"],
                ["6", "31/03/2032"],
                ["7", "01/01/2040"],
            ),
        },
        flagged={"Header": [1, 4]},
    ),
]
