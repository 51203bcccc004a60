"""Which of the check's rules a summary runs: those whose findings its data-quality context uses.

A finding names fields of its rule's declared `fields`, in one of the rule's tables, and the
context counts children by the (table, field) pairs a figure reads. So a rule none of whose
(table, field) pairs a figure reads cannot change any figure's context, and leaving it out
gives the same counts faster. The summary says that it ran only these rules.
"""

from csc_validate.rulekit.rule import Rule
from csc_validate.summary.compute import figures_for
from csc_validate.tables import PREVIOUS_SUFFIX, Tables


def fields_read(collection: str, year: str) -> frozenset[tuple[str, str]]:
    """Every (table, field) pair a figure of the collection's year reads."""
    return frozenset(pair for figure in figures_for(collection, year) for pair in figure.uses)


def reads_any(rule: Rule, pairs: frozenset[tuple[str, str]]) -> bool:
    return any(
        (table.removesuffix(PREVIOUS_SUFFIX), field) in pairs
        for table in rule.tables
        for field in rule.fields
    )


class FigureRules:
    """Narrows a check to the rules that check fields the figures read; remembers how many of
    the selected rules that left, for the summary to say."""

    def __init__(self) -> None:
        self.kept = 0
        self.selected = 0

    def __call__(self, tables: Tables, rules: list[Rule]) -> list[Rule]:
        pairs = fields_read(tables.collection, tables.year)
        # Rules without a check report what reading found (unreadable values): no cost to keep.
        kept = [rule for rule in rules if rule.check is None or reads_any(rule, pairs)]
        self.kept, self.selected = len(kept), len(rules)
        return kept

    def note(self) -> str:
        return (
            f"Data-quality counts come from the {self.kept} of {self.selected} rules that check "
            "the fields these figures read; the other rules cannot change them. Run check for "
            "every finding."
        )
