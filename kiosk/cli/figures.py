"""Sub-commands for managers: the wait report over a range of days, and who is on site."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

import click

from kiosk.cli.base import Context, chosen_days, cli, day_range_options, pass_context, when

if TYPE_CHECKING:
    from kiosk.core.metrics import WaitSummary
    from kiosk.store.stats import Figures, Hour


@cli.command()
@day_range_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table to read, or one JSON object (durations in seconds) for other programs.",
)
@pass_context
def report(ctx: Context, from_: str, to: str, fmt: str) -> None:
    """Wait figures for the visitors who checked in between two days, beside the same number of
    days just before, and by hour of check-in. Works with or without the hub running."""
    from kiosk.store.stats import WaitCounts, headline, hours

    first, last = chosen_days(from_, to)
    targets = ctx.settings().policies.targets
    with ctx.database() as db:
        counts = WaitCounts(db, targets)
        now, before = counts.figures(first, last), counts.previous(first, last)
        by_hour = counts.by_hour(first, last)
    if fmt == "json":
        whole = {**headline(now), "previous": headline(before), "by_hour": hours(by_hour)}
        click.echo(json.dumps(whole))
        return
    _print_table(now, before, by_hour, targets.welcome_s)


def _print_table(now: Figures, before: Figures, hours: dict[int, Hour], target_s: int) -> None:
    days = (now.last - now.first).days + 1
    click.echo(
        f"Visitors who checked in from {now.first} to {now.last}, beside the {days} days before "
        f"({before.first} to {before.last})"
    )
    click.echo()
    rows = [
        ("Visits", f"{now.visits:,}", f"{before.visits:,}"),
        ("Median wait", _duration(now.wait.median), _duration(before.wait.median)),
        ("90% welcomed within", _duration(now.wait.p90), _duration(before.wait.p90)),
        (f"Welcomed within {_duration(target_s)}", _share(now.wait), _share(before.wait)),
        (
            "Median time to acknowledge",
            _duration(now.acknowledge.median),
            _duration(before.acknowledge.median),
        ),
        ("Left without being seen", f"{now.left_unseen:,}", f"{before.left_unseen:,}"),
    ]
    click.echo(f"{'':<28}{'this period':>14}{'before':>14}")
    for label, this, that in rows:
        click.echo(f"{label:<28}{this:>14}{that:>14}")
    click.echo()
    if not hours:
        click.echo("Nobody checked in during these days.")
        return
    click.echo("By hour of check-in (waits of the visitors welcomed)")
    click.echo(f"{'hour':<8}{'visits':>8}{'median wait':>14}{'90% within':>14}")
    for hour, each in hours.items():
        click.echo(f"{hour:02d}:00{'':<3}{each.visits:>8,}"
                   f"{_duration(each.wait.median):>14}{_duration(each.wait.p90):>14}")  # fmt: skip
    click.echo()
    click.echo("Waits run from check-in to being welcomed in person, in whole seconds begun.")


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest:02d} s" if rest else f"{minutes} min"


def _share(summary: WaitSummary) -> str:
    return "-" if summary.within_target is None else f"{summary.within_target:.1%}"


@cli.command()
@pass_context
def onsite(ctx: Context) -> None:
    """Everyone checked in and not yet out, with their host and time in: the list to look for
    during an evacuation. Works with or without the hub running."""
    from kiosk.core.text import for_terminal
    from kiosk.store.roll_calls import on_site

    with ctx.database() as db:
        going, here = on_site(db)
    now = datetime.now().astimezone()
    if not here:
        click.echo(f"Nobody is on site ({now:%Y-%m-%d %H:%M}).")
        return
    people = "person" if len(here) == 1 else "people"
    click.echo(f"On site at {now:%Y-%m-%d %H:%M}: {len(here)} {people}")
    if going is not None:
        accounted = sum(each.accounted for each in here)
        click.echo(
            f"Roll call since {when(going.started_at)[11:]}: {accounted} of {len(here)} "
            "accounted for"
        )
    click.echo()
    click.echo(f"{'in at':<7}{'name':<32}{'visiting':<26}{'':<10}")
    for each in here:
        name = for_terminal(each.name) or "(name erased)"
        host = for_terminal(each.host or "-")
        mark = "accounted" if each.accounted else ""
        click.echo(f"{when(each.checked_in_at)[11:]:<7}{name:<32.31}{host:<26.25}{mark}")
