"""Rule 558: adopted child whose decision to place for adoption is recorded as ceased."""

import polars as pl

from csc_validate.collections.ssda903.rulekit import in_order
from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.related import beside
from csc_validate.rulekit import Case, RuleContext, raw_name, rule, table


@rule(
    code="558",
    message=(
        "If a child has been adopted, then the decision to place them for adoption has not been"
        " disrupted and the date of the decision that a child should no longer be placed for"
        " adoption should be left blank."
    ),
    tables=["PlacedAdoption", "Episodes"],
    fields=["DATE_PLACED_CEASED", "REC"],
    tags=["adoption"],
)
def adopted_with_decision_ceased(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """An adopted child's latest decision to place for adoption is recorded as ceased.

    The child's latest episode ended in adoption (E11 or E12), so the decision that led to it did
    not cease: clear the date the decision ceased, or correct the reason the episode ended.
    """
    # DfE compares the latest DATE_PLACED_CEASED: earlier decisions may have been revoked before the
    # one that led to the adoption. The latest decision is the one with the latest DATE_PLACED (a
    # blank DATE_PLACED counts as earliest). Both the decision and the adoption episode are flagged.
    episodes = ctx.table("Episodes")
    latest_episode = episodes.sort(in_order("DECOM", "DEC")).group_by(child_of_row()).last()
    adopted = latest_episode.filter(pl.col("REC").is_in(ctx.codes("REC_ADOPTED")))
    latest_decision = (
        ctx.table("PlacedAdoption")
        .sort(in_order("DATE_PLACED", "DATE_PLACED_CEASED"))
        .group_by(child_of_row())
        .last()
    )
    ceased = latest_decision.filter(pl.col(raw_name("DATE_PLACED_CEASED")).is_not_null()).join(
        adopted.select("CHILD"), on="CHILD", how="semi"
    )
    # The decision and the adoption episode name each other.
    return {
        "PlacedAdoption": beside(ceased, adopted, "Episodes"),
        "Episodes": beside(
            adopted.join(ceased.select("CHILD"), on="CHILD", how="semi"), ceased, "PlacedAdoption"
        ),
    }


CASES = [
    Case(
        "an adopted child whose latest decision has a ceased date is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/01/2020", "E11"],
                ["2", "01/01/2020", "X1"],
                ["2", "01/06/2020", "E12"],
                ["3", "01/01/2020", "E13"],
                ["4", "01/01/2020", "E11"],
                ["5", "01/01/2020", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/01/2019", "01/03/2020"],
                ["2", "01/01/2018", "01/01/2019"],
                ["2", "01/02/2019", ""],
                ["3", "01/01/2019", "01/03/2020"],
                ["4", "01/01/2019", ""],
                ["5", "01/01/2019", "01/03/2020"],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [0]},
        related=(("PlacedAdoption", 0, "Episodes", 0), ("Episodes", 0, "PlacedAdoption", 0)),
    ),
    Case(
        "only the latest decision counts",
        tables={
            "Episodes": table(["CHILD", "DECOM", "REC"], ["1", "01/01/2020", "E11"]),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/02/2019", "bad date"],
                ["1", "01/01/2018", ""],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [0]},
    ),
    Case(
        "a child adopted, then back in care in a later episode, is not flagged",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/01/2020", "E12"],
                ["1", "01/06/2021", ""],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/01/2019", "01/03/2020"],
            ),
        },
    ),
    Case(
        "an episode with a blank DECOM does not count as the child's latest",
        tables={
            "Episodes": table(
                ["CHILD", "DECOM", "REC"],
                ["1", "01/01/2020", "E11"],
                ["1", "", "X1"],
            ),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "01/01/2019", "01/03/2020"],
            ),
        },
        flagged={"PlacedAdoption": [0], "Episodes": [0]},
    ),
    Case(
        "a decision with a blank DATE_PLACED counts as the earliest, not the latest",
        tables={
            "Episodes": table(["CHILD", "DECOM", "REC"], ["1", "01/01/2020", "E11"]),
            "PlacedAdoption": table(
                ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED"],
                ["1", "", "01/03/2020"],
                ["1", "01/01/2019", ""],
            ),
        },
    ),
]
