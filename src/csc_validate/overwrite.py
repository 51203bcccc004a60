"""Refusing any output that would land on an input: inputs are never changed.

Checked before anything runs. Paths are compared as the file system sees them: through symbolic
links, relative spellings and hard links (the same device and inode), and a folder given as an
input stands for every file in it. Standard input (`-`) is never a file to protect.
"""

import os
from collections.abc import Iterable
from pathlib import Path

from csc_validate.errors import UsageError

# (what the user called it, e.g. "--output", and the path)
Named = tuple[str, Path]


def refuse_outputs_over_inputs(outputs: Iterable[Named], inputs: Iterable[Named]) -> None:
    """Raise UsageError (exit 2) naming the first output that is, or would replace, an input."""
    protected = [(label, path, file) for label, path in inputs for file in _files(path)]
    for out_label, output in outputs:
        for in_label, given, file in protected:
            if _same(output, file):
                named = given if given == file else f"{file}, in {given}"
                raise UsageError(
                    f"{out_label} {output}: is {in_label} ({named}), which csc-validate "
                    "only reads and never overwrites; name another file to write"
                )


def _files(path: Path) -> list[Path]:
    """The files an input path stands for: itself, or every file directly in a folder."""
    if str(path) == "-":
        return []
    if path.is_dir():
        return sorted(entry for entry in path.iterdir() if entry.is_file())
    return [path]


def _same(output: Path, source: Path) -> bool:
    """Whether writing `output` would replace `source` (or what it points to)."""
    if output.resolve() == source.resolve():
        return True
    try:
        return os.path.samefile(output, source)
    except OSError:
        # Either does not exist (yet): nothing there to overwrite beyond the resolved path.
        return False
