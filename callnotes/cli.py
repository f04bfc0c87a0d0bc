"""The ``callnotes`` command line. Commands live in ``callnotes.commands.*``, one module per area."""

from __future__ import annotations

import logging
import os
import sys

import typer

import callnotes
from rich.console import Console

from callnotes.commands import audio, notes, phrasing, service
from callnotes.errors import CallnotesError

app = typer.Typer(
    name="callnotes",
    help="Call recordings → speaker-attributed transcripts → reviewed consultation notes.",
    no_args_is_help=True,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)



@app.callback()
def root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    """Call recordings → speaker-attributed transcripts → reviewed consultation notes."""
    if version:
        typer.echo(callnotes.__version__)
        raise typer.Exit()


for module in (audio, notes, phrasing, service):
    module.register(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except CallnotesError as error:
        Console(stderr=True).print(f"[bold red]error:[/] {error.message}", highlight=False)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        Console(stderr=True).print("interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("CALLNOTES_DEBUG"):
            raise
        Console(stderr=True).print(
            f"[bold red]error:[/] unexpected failure ({type(error).__name__}: {error}); "
            "rerun with CALLNOTES_DEBUG=1 to see where",
            highlight=False,
        )
        sys.exit(1)
