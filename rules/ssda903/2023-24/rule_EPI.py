"""Rule EPI: a child in Header with neither episodes nor care leaver information."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table

MESSAGE = "WARNING: Episodes need to be loaded for this child before further validation is possible"


@rule(
    code="EPI",
    message=MESSAGE,
    severity="query",
    tables=["Header", "Episodes", "OC3"],
    fields=["CHILD"],
    tags=["integrity"],
)
def child_without_episodes_or_care_leaver_data(ctx: RuleContext) -> pl.LazyFrame:
    """A child in the header has neither episodes nor care leaver (OC3) information.

    Add the child's episodes or care leaver information, check that the child's ID is the same in
    every file, or remove the child from the header if they should not be in the return.
    """
    # DfE's portal holds back a child's other checks until their episodes are loaded; here it is a
    # warning (a query). No Episodes or OC3 file means no such records, so every child then lacks
    # them.
    known = pl.concat(
        [ctx.table_or_empty("Episodes").select("CHILD"), ctx.table_or_empty("OC3").select("CHILD")]
    )
    return ctx.table("Header").join(known, on="CHILD", how="anti")


CASES = [
    Case(
        "a child with neither episodes nor OC3 is flagged",
        tables={
            "Header": table(
                ["CHILD", "ETHNIC"], ["1", "WBRI"], ["2", "WBRI"], ["3", "WBRI"], ["", "WBRI"]
            ),
            "Episodes": table(["CHILD"], ["1"], ["1"]),
            "OC3": table(["CHILD"], ["2"]),
        },
        flagged={"Header": [2, 3]},
    ),
    Case(
        "without an Episodes file only care leavers are clean",
        tables={
            "Header": table(["CHILD"], ["1"], ["2"]),
            "OC3": table(["CHILD"], ["2"]),
        },
        flagged={"Header": [0]},
    ),
]
