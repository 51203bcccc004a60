"""Rule 392b: a looked-after child's episode has no home or placement postcode."""

import polars as pl

from csc_validate.rulekit import Case, RuleContext, rule, table


@rule(
    code="392b",
    message="Child is looked after but no postcodes are recorded.",
    tables=["Episodes"],
    fields=["HOME_POST", "PL_POST"],
    tags=["postcodes"],
)
def looked_after_without_postcodes(ctx: RuleContext) -> pl.LazyFrame:
    """An episode has no home postcode (HOME_POST) or no placement postcode (PL_POST).

    Record both postcodes. Children on short breaks (legal status V3 or V4) and children who are, or
    in the last two years were, unaccompanied asylum seekers are exempt; one who was unaccompanied
    only two years ago is still flagged, so check the child's history before adding postcodes.
    """
    # DfE exempts children UASC this year or in either of the two years before. Only this year's and
    # last year's data can be seen (Header UASC flag, or a row in the UASC table), so a child UASC
    # two years ago is flagged, as DfE's note warns.
    uasc_children = pl.concat(
        [
            ctx.table_or_empty("Header").filter(pl.col("UASC") == "1").select("CHILD"),
            ctx.table_or_empty("UASC").select("CHILD"),
            ctx.table_or_empty("Header_last").filter(pl.col("UASC") == "1").select("CHILD"),
            ctx.table_or_empty("UASC_last").select("CHILD"),
        ]
    )
    # A blank LS is not a short-break status and is checked.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    missing = pl.col("HOME_POST").is_null() | pl.col("PL_POST").is_null()
    episodes = ctx.table("Episodes").filter(~respite & missing)
    return episodes.join(uasc_children, on="CHILD", how="anti")


CASES = [
    Case(
        "a missing postcode is flagged unless the episode is a short break",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["1", "C2", "AB1 2CD", "EF3 4GH"],
                ["2", "C2", "", "EF3 4GH"],
                ["3", "C2", "AB1 2CD", ""],
                ["4", "V3", "", ""],
                ["5", "", "", ""],
            )
        },
        flagged={"Episodes": [1, 2, 4]},
    ),
    Case(
        "children UASC this year or last year are exempt",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "HOME_POST", "PL_POST"],
                ["1", "C2", "", ""],
                ["2", "C2", "", ""],
                ["3", "C2", "", ""],
                ["4", "C2", "", ""],
            ),
            "Header": table(["CHILD", "DOB"], ["1", "01/01/2008"], ["2", "01/01/2008"]),
            "UASC": table(["CHILD", "DUC"], ["1", "01/01/2026"]),
            "Header_last": table(["CHILD", "DOB"], ["3", "01/01/2008"]),
            "UASC_last": table(["CHILD", "DUC"], ["3", "01/01/2026"], ["4", "01/01/2026"]),
        },
        flagged={"Episodes": [1]},
    ),
    Case(
        "from XML the Header's own UASC flag exempts the child",
        tables={
            "Episodes": table(["CHILD", "LS", "PL_POST"], ["1", "C2", ""], ["2", "C2", ""]),
            "Header": table(["CHILD", "UASC"], ["1", "1"], ["2", "0"]),
        },
        flagged={"Episodes": [1]},
        metadata={"file_format": "xml"},
    ),
    Case(
        "from XML last year's UASC flag 1 exempts the child; 0 or a value not in the list does not",
        tables={
            "Episodes": table(
                ["CHILD", "LS", "PL_POST"],
                ["1", "C2", ""],
                ["2", "C2", ""],
                ["3", "C2", ""],
                ["4", "C2", ""],
            ),
            "Header": table(["CHILD", "UASC"], ["4", "2"]),
            "Header_last": table(["CHILD", "UASC"], ["1", "1"], ["2", "0"], ["3", "2"]),
        },
        flagged={"Episodes": [1, 2, 3]},
        metadata={"file_format": "xml"},
    ),
]
