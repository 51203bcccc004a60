"""Rule 399: mother or review details given for a child only on short breaks."""

import polars as pl

from csc_validate.collections.ssda903.rulekit.children import child_of_row
from csc_validate.collections.ssda903.rulekit.groups import first_of_each
from csc_validate.rulekit import (
    RELATED_ROW,
    RELATED_TABLE,
    Case,
    RuleContext,
    raw_name,
    rule,
    table,
)


@rule(
    code="399",
    message=(
        "Mother field, review field or participation field are completed but child is looked "
        "after under legal status V3 or V4."
    ),
    tables=["Episodes", "Header", "Reviews"],
    fields=["MOTHER", "LS", "REVIEW", "REVIEW_CODE"],
    tags=["integrity"],
)
def details_for_short_breaks_only_child(ctx: RuleContext) -> dict[str, pl.LazyFrame]:
    """A child looked after only on short breaks (V3 or V4) has mother or review details recorded.

    These details are not collected for children only on short breaks: remove the mother field
    (MOTHER) and the review records, or correct the legal status if the child was looked after in
    another way.
    """
    # DfE collects motherhood and reviews only for children looked after other than under short
    # breaks. NOTE: a child with any other episode (blank LS included) is not checked, as the
    # open-source peer validator also decided. The Header row with MOTHER, each review row, and the
    # child's episodes are flagged. No Header or Reviews file means none recorded.
    respite = pl.col("LS").is_in(ctx.codes("LS_RESPITE")).fill_null(False)
    episodes = ctx.table("Episodes")
    breaks_only = (
        episodes.group_by(child_of_row())
        .agg(only=respite.all())
        .filter(pl.col("only"))
        .select("CHILD")
    )
    header = ctx.table_or_empty("Header").filter(pl.col("MOTHER").is_not_null())
    reviewed = pl.col(raw_name("REVIEW")).is_not_null() | pl.col("REVIEW_CODE").is_not_null()
    reviews = ctx.table_or_empty("Reviews").filter(reviewed)
    header_hits = header.join(breaks_only, on="CHILD", how="semi")
    review_hits = reviews.join(breaks_only, on="CHILD", how="semi")
    # The episodes and the rows with MOTHER or a review name each other.
    # At most the first NAMED_AT_MOST rows of each kind are named beside any one row.
    involved = pl.concat(
        [
            first_of_each(header_hits, "CHILD")
            .select("CHILD", pl.col("_row").alias(RELATED_ROW))
            .with_columns(pl.lit("Header").alias(RELATED_TABLE)),
            first_of_each(review_hits, "CHILD")
            .select("CHILD", pl.col("_row").alias(RELATED_ROW))
            .with_columns(pl.lit("Reviews").alias(RELATED_TABLE)),
        ]
    )
    breaks = first_of_each(episodes, "CHILD").select(
        "CHILD", pl.col("_row").alias(RELATED_ROW), pl.lit("Episodes").alias(RELATED_TABLE)
    )
    # The rows with MOTHER or a review are of children whose episodes were read, so each finds
    # episodes: a left join there gives what the inner join gives.
    return {
        "Episodes": episodes.join(involved, on="CHILD", how="inner"),
        # Equivalent mutant (ReplaceKeywordValue): each such Header row finds its episodes.
        "Header": header_hits.join(breaks, on="CHILD", how="inner"),
        # Equivalent mutant (ReplaceKeywordValue): each such review finds its episodes.
        "Reviews": review_hits.join(breaks, on="CHILD", how="inner"),
    }


CASES = [
    Case(
        "MOTHER or a review date (even unreadable) or code for a short-breaks child is flagged",
        tables={
            "Episodes": table(
                ["CHILD", "LS"],
                ["1", "V3"],
                ["1", "V4"],
                ["2", "V3"],
                ["3", "V3"],
                ["3", "C2"],
                ["4", "V4"],
                ["5", "V3"],
                ["5", ""],
            ),
            "Header": table(
                ["CHILD", "MOTHER"],
                ["1", "0"],
                ["2", ""],
                ["3", "1"],
                ["4", ""],
                ["5", "0"],
            ),
            "Reviews": table(
                ["CHILD", "REVIEW", "REVIEW_CODE"],
                ["2", "01/06/2024", "PN1"],
                ["3", "01/06/2024", "PN1"],
                ["4", "", ""],
                ["5", "01/06/2024", "PN1"],
                ["1", "31/02/2024", ""],
                ["1", "", "PN0"],
            ),
        },
        flagged={"Episodes": [0, 1, 2], "Header": [0], "Reviews": [0, 4, 5]},
        related=(
            ("Episodes", 0, "Header", 0),
            ("Episodes", 0, "Reviews", 4),
            ("Episodes", 0, "Reviews", 5),
            ("Episodes", 1, "Header", 0),
            ("Episodes", 1, "Reviews", 4),
            ("Episodes", 1, "Reviews", 5),
            ("Episodes", 2, "Reviews", 0),
            ("Header", 0, "Episodes", 0),
            ("Header", 0, "Episodes", 1),
            ("Reviews", 0, "Episodes", 2),
            ("Reviews", 4, "Episodes", 0),
            ("Reviews", 4, "Episodes", 1),
            ("Reviews", 5, "Episodes", 0),
            ("Reviews", 5, "Episodes", 1),
        ),
    ),
    Case(
        "without Header or Reviews files nothing is flagged",
        tables={"Episodes": table(["CHILD", "LS"], ["1", "V3"])},
        flagged={},
    ),
]
