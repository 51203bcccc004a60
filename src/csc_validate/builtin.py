"""csc-validate's own checks (codes CSC…): what reading finds where DfE has no rule of its own."""

from csc_validate.rulekit.rule import Rule

BUILTIN_TABLE = "*"

BUILTIN_RULES: tuple[Rule, ...] = (
    Rule(
        code="CSC001",
        message="Value is not a valid date.",
        tables=(BUILTIN_TABLE,),
        tags=("format", "dates"),
        summary="A date column holds text that is not a date in the form DfE asks for.",
        explanation="Applies to date columns that have no DfE rule of their own for unreadable "
        "dates. Each finding says the form the return's dates take, with a two-digit day and "
        "month and a four-digit year.",
    ),
    Rule(
        code="CSC002",
        message="Value is not a whole number.",
        tables=(BUILTIN_TABLE,),
        tags=("format",),
        summary="A number column holds text that is not a whole number.",
    ),
    Rule(
        code="CSC003",
        message="Column is missing from the file; its values are read as blank.",
        tables=(BUILTIN_TABLE,),
        tags=("format",),
        summary="A column of the DfE table is not in the file's header.",
        explanation="DfE's upload refuses a file without every column. csc-validate reads the "
        "column as blank so that the other checks still run, and reports it here.",
    ),
    Rule(
        code="CSC004",
        message="Row has more fields than the header; the extra fields are ignored.",
        tables=(BUILTIN_TABLE,),
        tags=("format",),
        summary="A CSV row has more values than the header has columns, or a workbook row has "
        "values in a column without a header name.",
        explanation="Usually a value containing a comma that was not quoted: every value after it "
        "is in the wrong column.",
    ),
)
