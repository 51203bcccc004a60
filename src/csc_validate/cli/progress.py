"""Progress on standard error while a return is read and checked, only for a person watching."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from csc_validate.profiling import timed_stages

Stage = Callable[[str, int], None]
LABELS = {
    "read": "Reading the return",
    "check": "Checking {count} rules",
    "locate": "Listing findings",
}


@contextmanager
def progress(quiet: bool, console: Console | None = None) -> Iterator[Stage]:
    """A stage callback that draws bars on a terminal; silent when piped, redirected or quiet.
    Either way it times the stages for --profile when a profile is being recorded."""
    console = console or Console(stderr=True, emoji=False)
    if quiet or not console.is_terminal:
        yield timed_stages(lambda name, count: None)
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bars:
        started: list[int] = []

        def stage(name: str, count: int) -> None:
            for task in started:
                bars.update(task, total=1, completed=1)
            started.append(bars.add_task(LABELS[name].format(count=count), total=None))

        yield timed_stages(stage)
