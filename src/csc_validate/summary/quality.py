"""Data-quality context: the children behind a figure whose fields it reads have errors."""

from collections.abc import Iterable

from csc_validate.findings import Report
from csc_validate.severity import Severity

# csc-validate's own findings for values that cannot be read as their type.
UNREADABLE = frozenset({"CSC001", "CSC002"})


class ErrorIndex:
    """Children with error findings by (table, field), read from check's one finding list."""

    def __init__(self, report: Report | None) -> None:
        self._children: dict[tuple[str, str], set[str]] = {}
        self._unreadable: dict[tuple[str, str], set[str]] = {}
        for finding in report.findings if report is not None else ():
            if finding.severity is not Severity.ERROR or finding.child is None:
                continue
            for field in finding.fields:
                key = (finding.table, field)
                self._children.setdefault(key, set()).add(finding.child)
                if finding.rule in UNREADABLE:
                    self._unreadable.setdefault(key, set()).add(finding.child)

    def note(self, uses: Iterable[tuple[str, str]]) -> str:
        """ "3 children with errors in Episodes DECOM, DEC (1 with unreadable values)", or "" """
        uses = list(uses)
        children: set[str] = set()
        unreadable: set[str] = set()
        fields: dict[str, list[str]] = {}
        for key in uses:
            found = self._children.get(key, set())
            if found:
                fields.setdefault(key[0], []).append(key[1])
            children |= found
            unreadable |= self._unreadable.get(key, set())
        if not children:
            return ""
        where = "; ".join(f"{table} {', '.join(names)}" for table, names in fields.items())
        plural = "child" if len(children) == 1 else "children"
        text = f"{len(children)} {plural} with errors in {where}"
        if unreadable:
            text += f" ({len(unreadable)} with unreadable values)"
        return text
