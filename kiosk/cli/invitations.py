"""Sub-commands for expected visitors: invite one or a list of them, and see who is expected."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kiosk.cli.base import Context, cli, day_start_ms, parse_day, pass_context, when
from kiosk.core.names import MAX_NAME_LENGTH, NAME_EMPTY, NAME_TOO_LONG
from kiosk.core.text import for_terminal

if TYPE_CHECKING:
    from sqlite_utils import Database

    from kiosk.hub.invitations import Invitations, Invited


@cli.command()
@click.argument("name", required=False)
@click.option("--host", metavar="NAME", help="Whom they visit, by name as the staff list has it.")
@click.option("--at", "at", metavar="'YYYY-MM-DD HH:MM'", help="When they are expected.")
@click.option("--email", metavar="ADDRESS", help="The visitor's e-mail address.")
@click.option("--note", metavar="TEXT", help="For the desk, such as 'prefers tea'.")
@click.option("--pronunciation", metavar="TEXT", help="How to say their name, if known.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    metavar="FILE.png|FILE.pdf",
    help="Write the invitation: its QR code as a PNG file, or a printable page as a PDF.",
)
@click.option(
    "--csv",
    "csv_file",
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="Invite everyone in a CSV file with the columns name, host, at, email, note, "
    "pronunciation instead.",
)
@pass_context
def invite(
    ctx: Context,
    name: str | None,
    host: str | None,
    at: str | None,
    email: str | None,
    note: str | None,
    pronunciation: str | None,
    output: Path | None,
    csv_file: Path | None,
) -> None:
    """Expect a visitor and make their invitation: a code that checks them in with one scan at
    the kiosk, from two hours before the time to the end of that day."""
    if csv_file is not None:
        if name or host or at or output:
            raise click.UsageError("Give either a CSV file, or one visitor with --host and --at.")
        _invite_list(ctx, csv_file)
        return
    if not (name and host and at):
        raise click.UsageError("Give the visitor's name, --host and --at (or --csv FILE).")
    if output is not None and output.suffix.lower() not in (".png", ".pdf"):
        raise click.BadParameter(
            f"{output} is neither a .png nor a .pdf file name.", param_hint="-o"
        )
    mail_it = bool(ctx.settings().mail.server)
    with ctx.database() as db:
        invited = _invite(
            _invitations(ctx, db), db, name, host, at, email=email, note=note,
            pronunciation=pronunciation, mail_it=mail_it,
        )  # fmt: skip
    click.echo(f"Invited {for_terminal(name)}. Their code: {invited.code}")
    if invited.mailed:
        click.echo(f"The invitation goes to {for_terminal(email or '')} by e-mail from the hub.")
    elif email:
        click.echo(
            "No mail server is set ([email] in the settings), so the invitation is not "
            "e-mailed: give it to them with -o FILE.pdf."
        )
    if output is None:
        return
    try:
        if output.suffix.lower() == ".pdf":
            _write_invitation_pdf(ctx, output, invited.code, name, host, at)
            click.echo(f"Wrote the invitation to {output}.")
        else:
            from kiosk.core.qr import qr_png

            output.write_bytes(qr_png(invited.code))
            click.echo(f"Wrote its QR code to {output}.")
    except OSError as error:
        raise click.ClickException(
            f"{output} could not be written ({error}); the invitation is kept, and "
            "`kiosk expected` shows its code."
        ) from error


@cli.command()
@click.option("--date", "day", metavar="DATE", help="The day, YYYY-MM-DD (default: today).")
@pass_context
def expected(ctx: Context, day: str | None) -> None:
    """List the visitors expected on a day, and whether each has arrived, early or late."""
    from kiosk.core.codes import arrival
    from kiosk.store import expected as expected_visits
    from kiosk.store import people, visits

    chosen = parse_day(day, "--date") if day else date.today()
    with ctx.database() as db:
        listed = expected_visits.expected_between(
            db, day_start_ms(chosen), day_start_ms(chosen + timedelta(days=1))
        )
        if not listed:
            click.echo(f"Nobody is expected on {chosen}.")
            return
        click.echo(f"Expected on {chosen}: {len(listed)}")
        for each in listed:
            host = people.get_staff(db, each.host_id or 0)
            status = "not yet"
            visit = visits.get_visit(db, each.visit_id) if each.visit_id else None
            if visit is not None:
                came = arrival(each.expected_at, visit.checked_in_at)
                status = {"on_time": "arrived on time"}.get(
                    came.kind, f"arrived {came.minutes} min {came.kind}"
                )
            name = for_terminal(each.name)
            visiting = for_terminal(host.name) if host else "-"
            click.echo(f"{when(each.expected_at)[11:]}  {name:<30.29} {visiting:<24.23} {status}")


def _write_invitation_pdf(
    ctx: Context, out: Path, code: str, name: str, host: str, at: str
) -> None:
    """The printable invitation, drawn by Qt on its offscreen platform (no display needed)."""
    import os

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.invitation_printout import Invitation, invitation_printout, site_logo
    from kiosk.app.printing import PrintError, write_pdf
    from kiosk.core.invitation_words import expected_when
    from kiosk.core.names import first_name
    from kiosk.store import people

    app = QGuiApplication.instance() or QGuiApplication(["kiosk"])
    with ctx.database() as db:
        (staff,) = people.staff_by_name(db, host)
    expected = datetime.combine(date.fromisoformat(at[:10]), time.fromisoformat(at[10:].strip()))
    when = expected_when(expected)
    settings = ctx.settings()
    try:
        logo = site_logo(settings.site_logo)
        invitation = Invitation(settings.site_name, first_name(name), staff.name, when, code, logo)
        write_pdf(out, invitation_printout(invitation), title=f"Invitation for {name}")
    except PrintError as error:
        raise click.ClickException(f"{error} The invitation is kept.") from error
    del app


# A visitor's name refused, in the words of someone keeping the list (not the kiosk's).
_BAD_CHARACTER = "The name holds a control or text-direction character; correct it."
_NAME_PROBLEMS = {
    NAME_EMPTY: "The name is empty.",
    NAME_TOO_LONG: f"The name is longer than {MAX_NAME_LENGTH} characters.",
}


def _invitations(ctx: Context, db: Database) -> Invitations:
    from kiosk.hub.invitations import Invitations
    from kiosk.hub.local_credential import site_secret
    from kiosk.hub.service import HubService

    service = HubService(db, ctx.settings().policies)
    return Invitations(service, db, site_secret(ctx.paths.database.parent))


def _invite(
    invitations: Invitations,
    db: Database,
    name: str,
    host: str,
    at: str,
    **details: str | bool | None,
) -> Invited:
    """Invite one visitor, or ClickException with the sentence that says what is wrong."""
    from kiosk.core.names import InvalidName
    from kiosk.hub.service import CommandRefused
    from kiosk.store import people

    hosts = people.staff_by_name(db, host)
    if len(hosts) != 1:
        said = "no one called" if not hosts else "more than one person called"
        raise click.ClickException(
            f"There is {said} {for_terminal(host)} on the staff list; `kiosk staff list` "
            "shows who is."
        )
    try:
        expected_at = datetime.combine(
            date.fromisoformat(at[:10]), time.fromisoformat(at[10:].strip())
        )
    except ValueError:
        raise click.ClickException(
            f"'{for_terminal(at)}' is not a date and time. Use 'YYYY-MM-DD HH:MM', "
            "for example '2026-12-01 10:30'."
        ) from None
    try:
        return invitations.invite(
            name, host_id=hosts[0].id, created_by="cli",
            expected_at=int(expected_at.astimezone().timestamp() * 1000), **details,
        )  # fmt: skip
    except InvalidName as error:
        raise click.ClickException(_NAME_PROBLEMS.get(error.reason, _BAD_CHARACTER)) from error
    except CommandRefused as error:
        raise click.ClickException(str(error)) from error


def _invite_list(ctx: Context, path: Path) -> None:
    from kiosk.store.spreadsheets import TOO_MANY_FIELDS, read_sheet

    sheet = read_sheet(path, "name", "the list of visitors")
    problems = list(sheet.problems)
    invited = mailed = 0
    mail_it = bool(ctx.settings().mail.server)
    with ctx.database() as db:
        invitations = _invitations(ctx, db)
        for line, row in sheet.rows:
            if row is None:
                problems.append(f"Line {line}: {TOO_MANY_FIELDS}")
                continue
            details = {key: row.get(key) or None for key in ("email", "note", "pronunciation")}
            try:
                done = _invite(invitations, db, row["name"], row.get("host", ""),
                               row.get("at", ""), mail_it=mail_it, **details)  # fmt: skip
            except click.ClickException as error:
                problems.append(f"Line {line}: {error.message} Skipped.")
                continue
            invited += 1
            mailed += done.mailed
            click.echo(f"{for_terminal(row['name'])}: {done.code}")
    for problem in problems:
        click.echo(for_terminal(problem), err=True)
    click.echo(f"Invited {invited}; {len(problems)} could not be.")
    if mailed:
        click.echo(f"{mailed} of them get their invitation by e-mail from the hub.")
    if problems and not invited:
        raise SystemExit(1)


@cli.command()
@click.argument("visit_id", type=int)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    metavar="FILE.pdf",
    help="The PDF file to write.",
)
@click.option(
    "--label",
    type=click.Choice(["62mm", "cr80"]),
    default="62mm",
    show_default=True,
    help="A 62 mm label (Brother QL, cut 100 mm long) or a CR80 card.",
)
@pass_context
def badge(ctx: Context, visit_id: int, output: Path, label: str) -> None:
    """Write a visitor's badge for one visit: their name, whom they visit, the day, and a code
    that checks that visit out at any kiosk."""
    import os

    from kiosk.app.badge_printout import LABELS, Badge, badge_printout
    from kiosk.hub.badges import badge_for
    from kiosk.hub.local_credential import site_secret
    from kiosk.store import visits

    if output.suffix.lower() != ".pdf":
        raise click.BadParameter(f"{output} is not a .pdf file name.", param_hint="-o")
    with ctx.database() as db:
        visit = visits.get_visit(db, visit_id)
        if visit is None:
            raise click.ClickException(f"There is no visit number {visit_id}.")
        printed = Badge(**badge_for(db, visit, site_secret(ctx.paths.database.parent)))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a PDF needs no display
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.printing import PrintError, write_pdf

    app = QGuiApplication.instance() or QGuiApplication(["kiosk"])
    try:
        write_pdf(output, badge_printout(printed), title="Visitor badge", paper=LABELS[label])
    except PrintError as error:
        raise click.ClickException(str(error)) from error
    del app
    click.echo(f"Wrote the badge for visit {visit_id} to {output}.")
