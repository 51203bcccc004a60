"""Whom a collection's rows are about, named in reports and messages."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Subject:
    """Whom a collection's rows are about, in reports and messages: a child for the returns
    about children; a workforce census would name a worker."""

    one: str
    many: str

    @property
    def title(self) -> str:
        """'Child', for a column heading."""
        return self.one[:1].upper() + self.one[1:]

    @property
    def titles(self) -> str:
        """'Children'."""
        return self.many[:1].upper() + self.many[1:]

    def counted(self, count: int) -> str:
        """'1 child', '3 children'."""
        return f"{count} {self.one if count == 1 else self.many}"


CHILD = Subject("child", "children")


def of(collection: str) -> Subject:
    """Whom the collection's rows are about ("child"), for reports; a child for a report of a
    collection no longer installed."""
    # Imported here: the registry imports the collections, whose figures reach the reports that
    # ask this (tests/test_layout.py lists the loop).
    from csc_validate.collections import registry

    chosen = registry().get(collection)
    return chosen.subject if chosen is not None else CHILD
