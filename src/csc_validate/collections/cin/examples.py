"""`example-data cin`: a synthetic CIN census XML file."""

from csc_validate.collection import ExampleRequest


def write_examples(request: ExampleRequest) -> list[str]:
    """Write the census to `out` (an XML file); one line on what it holds."""
    from csc_validate.collections.cin import synthetic  # only `example-data` needs it

    census = synthetic.generate(request.children, request.seed, request.year, request.error_rate)
    synthetic.write(census, request.out)
    return [
        f"{request.out.as_posix()}: CIN census {request.year}, {request.children} children",
        f"{len(census.mistakes)} deliberate mistakes (error rate {request.error_rate:g}); "
        f"check with: csc-validate check {request.out.as_posix()}",
    ]
