"""The year's valid codes for a code rule, with what each means, for guidance people read.

The codes come from the year's schema; their meanings from schemas/<collection>/meanings.toml,
which holds DfE's wording for every code of the collection's lists across the years."""

import tomllib
from functools import cache

from csc_validate.findings import CodeList
from csc_validate.resources import collection_dir
from csc_validate.rulekit.rule import Rule
from csc_validate.schemas import YearSchema

# Rules that check a value against a code list carry this tag.
CODE_RULE_TAG = "codes"
# Lists that are spelling rules rather than codes a person chooses (true/false).
NOT_LISTED = frozenset({"BOOLEAN"})


def valid_codes(rule: Rule, schema: YearSchema) -> tuple[CodeList, ...]:
    """For a code rule, each of its coded fields' lists in the year (none for other rules)."""
    if CODE_RULE_TAG not in rule.tags:
        return ()
    meanings = _meanings(schema.collection)
    lists: list[CodeList] = []
    seen: set[str] = set()
    for table in rule.tables:
        table_schema = schema.tables.get(table)
        if table_schema is None:
            continue
        for column in table_schema.columns:
            name = column.codes
            if column.name not in rule.fields or name is None or name in NOT_LISTED:
                continue
            if column.name in seen or name not in schema.codes:
                continue
            seen.add(column.name)
            own = meanings.get(name, {})
            lists.append(
                CodeList(
                    field=column.name,
                    codes=tuple((code, own.get(code, "")) for code in schema.codes[name]),
                )
            )
    return tuple(lists)


@cache
def _meanings(collection: str) -> dict[str, dict[str, str]]:
    path = collection_dir("schemas", collection) / "meanings.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return tomllib.load(handle)
