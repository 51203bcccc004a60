"""Where a child is placed: the placement's LA, IN/OUT of the council and the distance from home,
derived from the episode's postcodes as DfE derives PL_LA, PL_LOCATION and PL_DISTANCE."""

import polars as pl

from csc_validate.collections.ssda903.reference.postcodes import normalised
from csc_validate.rulekit.context import RuleContext

# PL_LA codes for placements outside England (DfE: CON consortium, NUK outside the UK).
OUTSIDE_ENGLAND = ["CON", "NIR", "SCO", "WAL", "NUK"]
# DfE's placement distance: straight line between the OS grid references, in miles.
METRES_PER_MILE = 1000 * 1.6093
NOT_APPLICABLE_URN = "XXXXXXX"


def with_placement_geography(ctx: RuleContext, episodes: pl.LazyFrame) -> pl.LazyFrame:
    """`episodes` with PL_LA, PL_LOCATION, PL_DISTANCE, and HOME_FOUND / PL_FOUND (the postcode is
    in the directory). Each stays blank when a postcode is blank or unknown."""
    lookup = ctx.reference("postcodes")
    council = ctx.reference("council").select(pl.col("LA").alias("_COUNCIL"))
    home = lookup.select(
        pl.col("POSTCODE").alias("_HOME_KEY"),
        pl.col("EAST").alias("_HOME_EAST"),
        pl.col("NORTH").alias("_HOME_NORTH"),
        pl.lit(True).alias("HOME_FOUND"),
    )
    placement = lookup.select(
        pl.col("POSTCODE").alias("_PL_KEY"),
        pl.col("LA").alias("PL_LA"),
        pl.col("EAST").alias("_PL_EAST"),
        pl.col("NORTH").alias("_PL_NORTH"),
        pl.lit(True).alias("PL_FOUND"),
    )
    distance = (
        (
            (pl.col("_HOME_EAST") - pl.col("_PL_EAST")).pow(2)
            + (pl.col("_HOME_NORTH") - pl.col("_PL_NORTH")).pow(2)
        ).sqrt()
        / METRES_PER_MILE
    ).round(1)
    place_la = pl.col("PL_LA")
    return (
        episodes.with_columns(
            _HOME_KEY=normalised(pl.col("HOME_POST")), _PL_KEY=normalised(pl.col("PL_POST"))
        )
        .join(home, on="_HOME_KEY", how="left")
        .join(placement, on="_PL_KEY", how="left")
        .join(council, how="cross")
        .with_columns(
            PL_LOCATION=pl.when(place_la.is_null())
            .then(None)
            .when(place_la == pl.col("_COUNCIL"))
            .then(pl.lit("IN"))
            .otherwise(pl.lit("OUT")),
            PL_DISTANCE=distance,
            HOME_FOUND=pl.col("HOME_FOUND").fill_null(False),
            PL_FOUND=pl.col("PL_FOUND").fill_null(False),
        )
        .drop("_HOME_KEY", "_PL_KEY", "_HOME_EAST", "_HOME_NORTH", "_PL_EAST", "_PL_NORTH")
    )


def council_code(ctx: RuleContext) -> pl.LazyFrame:
    """One row: LA, the council's own code (as PL_LA holds it)."""
    return ctx.reference("council").select("LA")


def with_provider(ctx: RuleContext, episodes: pl.LazyFrame) -> pl.LazyFrame:
    """Episodes with a URN that Ofsted lists, joined to the provider's row (PLACE_CODES,
    PROVIDER_CODES, REG_END, POSTCODES). Blank, XXXXXXX and unlisted URNs are left out.

    The return's URN is matched exactly as written (Ofsted's lists write URNs in capitals), as
    every code and ID is."""
    providers = ctx.reference("providers").rename({"URN": "_URN_KEY"})
    return (
        episodes.with_columns(_URN_KEY=pl.col("URN"))
        .filter(pl.col("_URN_KEY").is_not_null() & (pl.col("_URN_KEY") != NOT_APPLICABLE_URN))
        .join(providers, on="_URN_KEY", how="inner")
    )


def code_not_listed(ctx: RuleContext, column: str, listed: str) -> pl.LazyFrame:
    """Episodes whose `column` (PLACE or PLACE_PROVIDER), blank included, is not among the codes
    Ofsted lists for their URN (`listed`: PLACE_CODES or PROVIDER_CODES). URNs listed without
    such codes are not checked."""
    providers = with_provider(ctx, ctx.table("Episodes"))
    found = pl.col(listed).list.contains(pl.col(column))
    # Equivalent mutant (ReplaceComparisonOperator_Gt_NotEq, ReplaceFalseWithTrue): a list's length
    # is never negative; `found` is null only where the list is, and then the length test is null
    # too, so the row is dropped whatever fills the null.
    return providers.filter((pl.col(listed).list.len() > 0) & ~found.fill_null(False))


def provider_councils(ctx: RuleContext) -> pl.LazyFrame:
    """URN and PROVIDER_LAS: the LAs of the provider's premises, from their postcodes."""
    lookup = ctx.reference("postcodes").select(pl.col("POSTCODE"), pl.col("LA"))
    return (
        ctx.reference("providers")
        .select("URN", "POSTCODES")
        .explode("POSTCODES")
        # Equivalent mutant (ReplaceKeywordValue): a left join only adds postcodes missing from the
        # directory, with a blank LA, and the next filter drops every blank LA.
        .join(lookup, left_on="POSTCODES", right_on="POSTCODE", how="inner")
        .filter(pl.col("LA").is_not_null())
        .group_by("URN")
        .agg(pl.col("LA").unique().alias("PROVIDER_LAS"))
    )


def uasc_children(ctx: RuleContext) -> pl.LazyFrame:
    """CHILD of every child who is or was an unaccompanied asylum-seeking child, this year or in
    an earlier year given: UASC flagged in Header (or Header_last and earlier years' Header), or
    listed in the UASC table."""
    frames = [
        # Equivalent mutant (ReplaceComparisonOperator_Eq_Gt, ReplaceComparisonOperator_Eq_GtE,
        # ReplaceComparisonOperator_Eq_Is): a Header UASC other than blank or 0 always comes with a
        # row in the UASC table (derive.py sets the flag from it; the XML reader adds a row for any
        # such flag), so no test here can add a child that the UASC tables below do not.
        ctx.table(name).filter(pl.col("UASC") == "1").select("CHILD")
        for name in ("Header", "Header_last")
        if ctx.has(name)
    ]
    frames += [ctx.table(name).select("CHILD") for name in ("UASC", "UASC_last") if ctx.has(name)]
    # A child UASC in any earlier year's return given with --previous was UASC too.
    frames += [
        # Equivalent mutant (ReplaceComparisonOperator_Eq_Gt, ReplaceComparisonOperator_Eq_GtE,
        # ReplaceComparisonOperator_Eq_Is): as in this year's Header, an earlier Header's UASC
        # flag always comes with a row in that year's UASC table, read below.
        frame.filter(pl.col("UASC") == "1").select("CHILD")
        for frame in ctx.earlier("Header")
    ]
    frames += [frame.select("CHILD") for frame in ctx.earlier("UASC")]
    if not frames:
        return pl.LazyFrame({"CHILD": []}, schema={"CHILD": pl.String})
    return pl.concat(frames).drop_nulls().unique()
