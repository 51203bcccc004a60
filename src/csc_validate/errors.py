"""Errors that stop a run with exit code 2, each naming what the user must fix."""


class InputError(Exception):
    """Input that cannot be used: names the file, the line or element, the field and the value."""

    def __init__(
        self,
        file: str,
        problem: str,
        line: int | None = None,
        field: str | None = None,
        value: str | None = None,
        expected: str | None = None,
    ) -> None:
        super().__init__(file, problem)
        self.file = file
        self.problem = problem
        self.line = line
        self.field = field
        self.value = value
        self.expected = expected

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field is not None:
            where += f", {self.field}"
        text = f"{where}: "
        if self.value is not None:
            text += f"{_quote(self.value)} "
        text += self.problem
        if self.expected:
            text += f" (expected {self.expected})"
        return text


class ReadError(Exception):
    """An unexpected failure while a file was read or loaded: a bug in csc-validate, named with
    the file (and the line, where known) so that it can be reported and worked around."""

    def __init__(self, file: str, cause: Exception, line: int | None = None) -> None:
        super().__init__(file, cause)
        self.file = file
        self.cause = cause
        self.line = line

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line is not None else "")
        return f"while reading {where}: {type(self.cause).__name__}: {self.cause}"


class UsageError(Exception):
    """A command-line choice that cannot be honoured (unknown rule, year without a pack, ...)."""


class RuleDefinitionError(Exception):
    """A rule pack or module that is not well formed: a bug in csc-validate, not the data."""


def _quote(value: str) -> str:
    shown = value if len(value) <= 60 else value[:57] + "..."
    return '"' + shown.replace("\n", "\\n").replace('"', '\\"') + '"'
