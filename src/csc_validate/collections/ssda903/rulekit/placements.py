"""Whether an episode's placement is the same as the child's previous one (rules 434-436)."""

import polars as pl

# The fields that identify a placement, as DfE lists them for rules 434, 435 and 436.
PLACEMENT_DETAILS = ["PLACE", "PL_POST", "URN", "PLACE_PROVIDER"]


def _squeezed(column: str) -> pl.Expr:
    return pl.col(column).str.replace_all(r"\s", "").str.to_uppercase()


def placement_unchanged() -> pl.Expr:
    """True where every placement detail equals the previous episode's (`prev_<col>` columns,
    as `with_neighbours` adds them). Two blanks are equal; postcodes ignore spaces and case."""
    same_post = _squeezed("PL_POST").eq_missing(_squeezed("prev_PL_POST"))
    others = [
        pl.col(c).eq_missing(pl.col(f"prev_{c}"))
        for c in PLACEMENT_DETAILS
        # Equivalent mutant (ReplaceComparisonOperator_NotEq_IsNot): both are string literals of
        # this module, which CPython interns, so identity and equality agree for every name.
        if c != "PL_POST"
    ]
    return pl.all_horizontal(same_post, *others)
