"""Mutation operators for rules written as polars expressions, in cosmic-ray's Operator form.

cosmic-ray's core operators change Python's operators, numbers and booleans. A rule's logic is
mostly in the methods it calls and the strings it passes: `is_null()` for `is_not_null()`, `min`
for `max`, an anti join for a semi join, "7d" for "8d". These operators make those mutants too,
so that a rule written without a single `<` or `and` is still put to the test.
"""

import re

from cosmic_ray.operators.operator import Example, Operator

# A method or polars function and what a slip could have written instead.
METHOD_SWAPS: dict[str, tuple[str, ...]] = {
    "is_null": ("is_not_null",),
    "is_not_null": ("is_null",),
    "min": ("max",),
    "max": ("min",),
    "first": ("last",),
    "last": ("first",),
    "any": ("all",),
    "all": ("any",),
    "any_horizontal": ("all_horizontal",),
    "all_horizontal": ("any_horizontal",),
    "min_horizontal": ("max_horizontal",),
    "max_horizontal": ("min_horizontal",),
    "is_duplicated": ("is_unique",),
    "is_unique": ("is_duplicated",),
    "is_first_distinct": ("is_last_distinct",),
    "is_last_distinct": ("is_first_distinct",),
    "arg_min": ("arg_max",),
    "arg_max": ("arg_min",),
    "forward_fill": ("backward_fill",),
    "backward_fill": ("forward_fill",),
    "head": ("tail",),
    "tail": ("head",),
    "starts_with": ("ends_with",),
    "ends_with": ("starts_with",),
}
# Values of a keyword argument that decide which rows a join or an interval keeps.
KEYWORD_SWAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "how": {
        "anti": ("semi",),
        "semi": ("anti",),
        "left": ("inner",),
        "inner": ("left",),
        "full": ("left",),
    },
    "closed": {
        "both": ("left", "right"),
        "left": ("both", "none"),
        "right": ("both", "none"),
        "none": ("left", "right"),
    },
    "keep": {"first": ("last",), "last": ("first",)},
}
# A polars duration such as "7d", "-1mo" or "18y".
DURATION = re.compile(
    r"""^(?P<quote>["'])(?P<sign>-?)(?P<count>\d+)(?P<unit>d|w|mo|y)(?P=quote)$"""
)


class ReplaceMethod(Operator):
    """`.is_null()` to `.is_not_null()`, `.min()` to `.max()`, `pl.any_horizontal` to
    `pl.all_horizontal` and the other slips in METHOD_SWAPS."""

    def mutation_positions(self, node):
        if _is_attribute_name(node):
            for _ in METHOD_SWAPS.get(node.value, ()):
                yield (node.start_pos, node.end_pos)

    def mutate(self, node, index):
        node.value = METHOD_SWAPS[node.value][index]
        return node

    @classmethod
    def examples(cls):
        return (Example("x.is_null()", "x.is_not_null()"),)


class ReplaceKeywordValue(Operator):
    """`how="anti"` to `how="semi"`, `closed="both"` to `closed="left"` and the like."""

    def mutation_positions(self, node):
        for _ in _keyword_alternatives(node):
            yield (node.start_pos, node.end_pos)

    def mutate(self, node, index):
        quote = node.value[0]
        node.value = f"{quote}{_keyword_alternatives(node)[index]}{quote}"
        return node

    @classmethod
    def examples(cls):
        return (Example('f(how="anti")', 'f(how="semi")'),)


class ShiftDuration(Operator):
    """A duration one unit longer or shorter: "7d" to "8d" and "6d"."""

    def mutation_positions(self, node):
        for _ in _shifted(node):
            yield (node.start_pos, node.end_pos)

    def mutate(self, node, index):
        node.value = _shifted(node)[index]
        return node

    @classmethod
    def examples(cls):
        return (Example('x.dt.offset_by("7d")', 'x.dt.offset_by("8d")'),)


OPERATORS: dict[str, type[Operator]] = {
    "polars/ReplaceMethod": ReplaceMethod,
    "polars/ReplaceKeywordValue": ReplaceKeywordValue,
    "polars/ShiftDuration": ShiftDuration,
}


def _is_attribute_name(node) -> bool:
    """A name after a dot: `x.is_null` or `pl.any_horizontal`."""
    parent = node.parent
    return (
        node.type == "name"
        and parent is not None
        and parent.type == "trailer"
        and parent.children[0].type == "operator"
        and parent.children[0].value == "."
    )


def _keyword_alternatives(node) -> tuple[str, ...]:
    parent = node.parent
    if node.type != "string" or parent is None or parent.type != "argument":
        return ()
    keyword = parent.children[0]
    if keyword.type != "name" or keyword.value not in KEYWORD_SWAPS:
        return ()
    return KEYWORD_SWAPS[keyword.value].get(node.value[1:-1], ())


def _shifted(node) -> list[str]:
    if node.type != "string":
        return []
    match = DURATION.match(node.value)
    if not match:
        return []
    count = int(match["count"])
    counts = [count + 1] + ([count - 1] if count > 0 else [])
    quote, sign, unit = match["quote"], match["sign"], match["unit"]
    return [f"{quote}{sign}{n}{unit}{quote}" for n in counts]
