"""`example-data ssda903`: a synthetic year's return and last year's, as CSV folders."""

from csc_validate.collection import ExampleRequest
from csc_validate.periods import previous_year


def write_examples(request: ExampleRequest) -> list[str]:
    """Write <out>/<year>/ and <out>/<previous year>/; one line per file written."""
    # Only `example-data` needs the generator: importing it is start-up time every check pays.
    from csc_validate.collections.ssda903.synthetic import returns
    from csc_validate.collections.ssda903.synthetic.geography import council

    result = returns.generate(request.children, request.seed, request.year, request.error_rate)
    returns.write(result, request.out, request.year)
    lines = []
    for folder, tables in (
        (request.year, result.current),
        (previous_year(request.year), result.previous),
    ):
        for name, frame in tables.items():
            path = request.out / folder / returns.FILE_NAMES[name]
            lines.append(f"{path.as_posix()}: {name}, {frame.height} rows")
    lines.append(
        f"postcodes are real: the children live in {council().name} (DfE {council().dfe_code})"
    )
    lines.append(
        f"{len(result.mistakes)} deliberate mistakes (error rate {request.error_rate:g}); "
        f"check with: csc-validate check {(request.out / request.year).as_posix()} "
        f"--previous {(request.out / previous_year(request.year)).as_posix()} "
        f"--la {council().dfe_code}"
    )
    return lines
