"""Sub-commands about the visits and visitors on file: export, seed, purge and forget."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kiosk.cli.base import (
    Context,
    chosen_days,
    cli,
    day_range_options,
    day_start_ms,
    pass_context,
    wall_clock_ms,
)
from kiosk.core.text import for_terminal

if TYPE_CHECKING:
    from sqlite_utils import Database

    from kiosk.core.people import Visitor


@cli.command()
@day_range_options
@click.option(
    "--format",
    "fmt",
    default=None,
    metavar="csv|xlsx|jsonl",
    help="File format: csv, xlsx (Excel) or jsonl (JSON Lines). Without it, the file's "
    "extension decides; a format that contradicts the extension is refused.",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="File to write, such as visits.csv, visits.xlsx or visits.jsonl. It is replaced only "
    "once the export is complete.",
)
@click.option(
    "--anonymous",
    is_flag=True,
    help="Leave out visitors' names and ids. Hosts' and receptionists' names stay: they are "
    "staff, not the public.",
)
@pass_context
def export(
    ctx: Context, from_: str, to: str, fmt: str | None, output: Path, anonymous: bool
) -> None:
    """Export the visits between two days, one row per visit, with every time and wait, and
    who on the staff acknowledged and welcomed each visitor. An Excel file starts with a
    summary sheet: the figures of `kiosk report`."""
    from functools import partial

    from kiosk.store import people
    from kiosk.store.export import ExportError, export_visits, format_for
    from kiosk.store.stats import WaitCounts, figures_body, summary_rows

    first, last = chosen_days(from_, to)
    try:
        fmt = format_for(output, fmt)
        with ctx.database() as db:
            summary = None
            if fmt == "xlsx":
                counts = WaitCounts(db, ctx.settings().policies.targets)
                body = figures_body(counts, first, last, partial(people.staff_name_of, db))
                summary = summary_rows(body)
            rows = export_visits(
                db,
                day_start_ms(first),
                day_start_ms(last + timedelta(days=1)),
                fmt,
                output,
                anonymous=anonymous,
                summary=summary,
            )
    except ExportError as error:
        raise click.ClickException(str(error)) from error
    if rows == 0:
        click.echo(f"Nobody checked in from {first} to {last}: {output} has the headers only.")
        return
    click.echo(f"Wrote {rows} visits from {first} to {last} to {output}.")


@cli.command()
@click.option(
    "--visits",
    default=5000,
    show_default=True,
    type=click.IntRange(min=1),
    help="How many past visits to make up.",
)
@click.option(
    "--seed",
    "seed_value",
    default=7,
    show_default=True,
    type=int,
    help="Random seed, for the same history every time.",
)
@pass_context
def seed(ctx: Context, visits: int, seed_value: int) -> None:
    """Fill the database with a realistic made-up history, for demos and benchmarks."""
    from kiosk.store.seed import seed_history

    with ctx.database(create=True) as db:
        report = seed_history(db, visits, now_ms=wall_clock_ms(), seed=seed_value)
    click.echo(
        f"Added {report.visits} visits by {report.visitors} visitors "
        f"to {report.staff} staff to {ctx.paths.database}."
    )


@cli.command()
@pass_context
def purge(ctx: Context) -> None:
    """Erase visitors' personal data older than the retention period; wait figures stay."""
    from kiosk.hub.service import HubService
    from kiosk.store import people

    policies = ctx.settings().policies
    with ctx.database() as db:
        erased = HubService(db, policies).purge()
        people.flush_erased(db)
    click.echo(
        f"Erased the names and contacts of {erased} visitors not seen for "
        f"{policies.retention_days} days."
    )


@cli.command()
@click.argument("name", required=False)
@click.option(
    "--visitor",
    "visitor_id",
    type=int,
    metavar="ID",
    help="The number of the visitor to forget, as listed when several share the name.",
)
@click.option("--yes", is_flag=True, help="Erase without asking to confirm.")
@pass_context
def forget(ctx: Context, name: str | None, visitor_id: int | None, yes: bool) -> None:
    """Erase one visitor at their request: their name, contact and pronunciation, wherever
    they are kept. The times of their visits stay in the figures, with no name. Backups made
    before keep what they hold."""
    from kiosk.core.names import matching_key
    from kiosk.store import audit, people
    from kiosk.store.database import writing

    if name is None and visitor_id is None:
        raise click.ClickException("Give the visitor's name, or --visitor ID.")
    with ctx.database() as db:
        if visitor_id is not None:
            visitor = people.get_visitor(db, visitor_id)
            if visitor is None:
                raise click.ClickException(
                    f"There is no visitor number {visitor_id}; nothing was erased."
                )
            if name is not None and matching_key(name) != matching_key(visitor.name):
                raise click.ClickException(
                    f"Visitor {visitor_id} is not called {for_terminal(name)}; nothing was erased."
                )
        else:
            assert name is not None
            named = people.visitors_named(db, name)
            if not named:
                raise click.ClickException(
                    f"No visitor called {for_terminal(name)} is on file; nothing was erased."
                )
            if len(named) > 1:
                click.echo(f"{len(named)} visitors are called {for_terminal(name)}:")
                for each in named:
                    click.echo(f"{each.id:>8}  {_about_visitor(db, each)}")
                raise click.ClickException(
                    "Nothing was erased. Choose one: kiosk forget --visitor ID."
                )
            (visitor,) = named
        about = _about_visitor(db, visitor)
        if not yes:
            try:
                agreed = click.confirm(
                    f"Forget visitor {visitor.id}, {about}? Their name, contact and "
                    "pronunciation are erased for good",
                    default=False,
                )
            except click.Abort:  # no answer: the input ended
                click.echo()
                agreed = False
            if not agreed:
                raise click.ClickException("Nothing was erased.")
        visits = people.visit_count(db, visitor.id)
        with writing(db):
            people.forget_visitor(db, visitor.id)
            audit.record(db, wall_clock_ms(), "visitor_forgotten", visitor=visitor.id)
        people.flush_erased(db)
    erased = ["name"]
    erased += ["contact"] if visitor.contact else []
    erased += ["pronunciation"] if visitor.pronunciation else []
    told = " and ".join([", ".join(erased[:-1]), erased[-1]] if len(erased) > 1 else erased)
    click.echo(
        f"Forgot visitor {visitor.id}: erased their {told}, and what the desk remembered of "
        f"them. The times of their {visits} visit{'s' if visits != 1 else ''} stay in the "
        "figures, with no name."
    )


def _about_visitor(db: Database, visitor: Visitor) -> str:
    """One line that tells visitors of the same name apart, showing no more of their contact
    than its owner would recognise."""
    from kiosk.core.people import mask_contact
    from kiosk.store import people

    visits = people.visit_count(db, visitor.id)
    last = (
        f"last visit {datetime.fromtimestamp(visitor.last_visit_at / 1000).astimezone():%Y-%m-%d}"
        if visitor.last_visit_at
        else "no visit yet"
    )
    contact = f", {for_terminal(mask_contact(visitor.contact))}" if visitor.contact else ""
    return (
        f"{for_terminal(visitor.name)} ({last}, {visits} visit{'s' if visits != 1 else ''}"
        f"{contact})"
    )
