"""Sub-commands for the staff list."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kiosk.cli.base import Context, cli, pass_context
from kiosk.core.people import Role
from kiosk.core.text import for_terminal

if TYPE_CHECKING:
    pass


@cli.group()
def staff() -> None:
    """List the staff, or import them from a spreadsheet."""


@staff.command("import")
@click.argument("csv_file", type=click.Path(path_type=Path))
@pass_context
def staff_import(ctx: Context, csv_file: Path) -> None:
    """Add or update staff from a CSV file with columns name, role, email, phone, department.

    Only name is needed; role is host (the default) or receptionist. Columns may be separated by
    commas, semicolons or tabs. Rows that can't be imported are listed by line and skipped.
    """
    from kiosk.store import people

    with ctx.database(create=True) as db:
        report = people.import_staff_csv(db, csv_file)
    for problem in report.problems:
        click.echo(for_terminal(problem), err=True)
    click.echo(f"Added {report.added} and updated {report.updated} staff.")
    if report.problems and not (report.added or report.updated):
        sys.exit(1)


@staff.command("list")
@pass_context
def staff_list(ctx: Context) -> None:
    """Show everyone on the staff list."""
    from kiosk.store import people

    with ctx.database() as db:
        for person in people.all_staff(db):
            role = "reception" if person.role is Role.RECEPTIONIST else "host"
            extra = ", ".join(filter(None, [person.department, person.email]))
            shown = for_terminal(f"{person.name}  ({role}{', ' + extra if extra else ''})")
            click.echo(f"{person.id:>4}  {shown}")
