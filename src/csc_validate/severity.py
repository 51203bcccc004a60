"""How serious a finding is, as DfE classifies the rule."""

from enum import StrEnum


class Severity(StrEnum):
    """DfE's two kinds: an error blocks the return; a query must be checked and may be explained."""

    ERROR = "error"
    QUERY = "query"

    @property
    def rank(self) -> int:
        return {Severity.ERROR: 2, Severity.QUERY: 1}[self]
