"""Rule 525: adoption details given for a child whose placement decision was reversed."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="525",
    message=(
        "A child for whom the decision to be placed for adoption has been reversed cannot be "
        "adopted during the year."
    ),
    tables=["PlacedAdoption", "AD1"],
    fields=[
        "DATE_PLACED_CEASED",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ],
    tags=["adoption"],
)
def adopted_after_placement_decision_reversed(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child whose decision to be placed for adoption was reversed has adoption details recorded.

    A child whose latest decision to place for adoption has a date it ceased (DATE_PLACED_CEASED)
    cannot be adopted in the year: remove the adoption details, or that date if the decision was not
    reversed.
    """
    # DfE's coding (quoted by the peer): when DATE_PLACED_CEASED is given, none of DATE_INT,
    # DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR should be. A child may have an
    # earlier decision that was reversed before a new one led to adoption (rule 558 expects this),
    # so only the child's most recent decision by DATE_PLACED is looked at. NOTE: the peer looks at
    # every one. A date that is filled in but unreadable still counts as given. The decision and the
    # AD1 row are both flagged.
    decisions = ctx.table("PlacedAdoption")
    latest = pl.col("_row").sort_by(in_order("DATE_PLACED", "DATE_PLACED_CEASED")).last()
    reversed_ = decisions.filter(
        (pl.col("_row") == latest.over(child_of_row()))
        & pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()
    )
    details = [raw_name("DATE_INT"), raw_name("DATE_MATCH")]
    details += ["FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]
    adopted = ctx.table("AD1").filter(pl.any_horizontal(pl.col(details).is_not_null()))
    # Each names the other as the row it was compared with.
    return {
        "PlacedAdoption": beside(
            reversed_.join(adopted.select("CHILD"), on="CHILD", how="semi"), adopted, "AD1"
        ),
        "AD1": beside(
            adopted.join(reversed_.select("CHILD"), on="CHILD", how="semi"),
            reversed_,
            "PlacedAdoption",
        ),
    }


CASES = [
    Case(
        "adoption details after a reversed latest decision are flagged in both tables",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "10/05/2023", "01/09/2023"],
                ["2", "10/05/2023", "01/09/2023"],
                ["3", "10/05/2023", ""],
                ["4", "01/06/2021", "01/01/2022"],
                ["4", "10/05/2023", ""],
                ["5", "10/05/2023", "31/02/2023"],
                ["6", "10/05/2023", "01/09/2023"],
                ["7", "10/05/2023", "01/09/2023"],
                ["7", "31/02/2024", ""],
                ["8", "10/05/2023", ""],
                ["8", "01/06/2021", "01/01/2022"],
            ),
            "AD1": table(
                ["CHILD", "DATE_INT", "DATE_MATCH", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
                ["1", "10/05/2023", "01/08/2023", "2", "MF", "L11"],
                ["2", "", "", "", "", "L0"],
                ["3", "10/05/2023", "01/08/2023", "1", "F1", "L0"],
                ["4", "10/05/2023", "01/08/2023", "1", "M1", "L0"],
                ["5", "", "xx", "", "", ""],
                ["6", "", "", "", "", ""],
                ["7", "10/05/2023", "", "", "", ""],
                ["8", "10/05/2023", "01/08/2023", "1", "F1", "L0"],
            ),
        },
        flagged={"PlacedAdoption": [0, 1, 5, 7], "AD1": [0, 1, 4, 6]},
        related=(
            ("PlacedAdoption", 0, "AD1", 0),
            ("PlacedAdoption", 1, "AD1", 1),
            ("PlacedAdoption", 5, "AD1", 4),
            ("PlacedAdoption", 7, "AD1", 6),
            ("AD1", 0, "PlacedAdoption", 0),
            ("AD1", 1, "PlacedAdoption", 1),
            ("AD1", 4, "PlacedAdoption", 5),
            ("AD1", 6, "PlacedAdoption", 7),
        ),
    ),
    Case(
        "any one adoption detail given after a reversed decision is flagged, unreadable too",
        tables={
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "10/05/2023", "01/09/2023"],
                ["2", "10/05/2023", "01/09/2023"],
                ["3", "10/05/2023", "01/09/2023"],
                ["4", "10/05/2023", "01/09/2023"],
                ["5", "10/05/2023", "01/09/2023"],
                ["6", "10/05/2023", "01/09/2023"],
                ["7", "10/05/2023", "01/09/2023"],
                ["8", "10/05/2023", "2023-09-01"],
                ["9", "10/05/2023", ""],
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
                ["1", "31/02/2023", "", "", "", "", ""],
                ["2", "", "01/08/2023", "", "", "", ""],
                ["3", "", "", "0", "", "", ""],
                ["4", "", "", "", "1", "", ""],
                ["5", "", "", "", "", "M1", ""],
                ["6", "", "", "", "", "", "L0"],
                ["7", "", "", "", "", "", ""],
                ["8", "10/05/2023", "", "", "", "", ""],
                ["9", "10/05/2023", "01/08/2023", "1", "1", "M1", "L0"],
            ),
        },
        flagged={"PlacedAdoption": [0, 1, 2, 3, 4, 5, 7], "AD1": [0, 1, 2, 3, 4, 5, 7]},
    ),
]
