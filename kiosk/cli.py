"""The `kiosk` command: one program, a sub-command for each role and each chore.

Heavy modules (Qt, exports, the database code) are imported inside the sub-commands that need
them, so that each command starts quickly: `kiosk run` and `kiosk screen` never load the
database code, and the kiosk's first frame does not wait for it.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kiosk.core.people import Role
from kiosk.core.text import for_terminal
from kiosk.hub.certificate import CertificateError
from kiosk.store import devices
from kiosk.store.settings import (
    Paths,
    Settings,
    SettingsError,
    hash_pin,
    load_settings,
    save_setting,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from kiosk.core.people import Visitor


def wall_clock_ms() -> int:
    """The hub's clock, for what a command writes (loaded when first needed)."""
    from kiosk.hub.service import wall_clock_ms as hub_clock

    return hub_clock()


class Context:
    """What every sub-command needs: where the files are, and the settings in them."""

    def __init__(self, home: str | None) -> None:
        self.home = home
        self.paths = Paths.resolve(home)

    def settings(self) -> Settings:
        return load_settings(self.paths.settings_file)

    @contextmanager
    def database(self, *, create: bool = False) -> Iterator[Database]:
        from kiosk.store.database import open_database

        db = open_database(self.paths.database, create=create)
        try:
            yield db
        finally:
            db.close()


pass_context = click.make_pass_decorator(Context)


class KioskGroup(click.Group):
    """The `kiosk` group: whatever the sub-command, a problem with the settings or the database
    ends it with its one sentence, never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (SettingsError, CertificateError) as error:
            raise click.ClickException(str(error)) from error
        except (RuntimeError, sqlite3.Error) as error:
            # Loaded already by any command that met the database; not before, for a quick start.
            from kiosk.store.database import DatabaseError, explain

            if isinstance(error, DatabaseError):
                raise click.ClickException(str(error)) from error
            if not isinstance(error, sqlite3.Error):
                raise
            # Met after opening: busy, a full disk, a file gone bad.
            context = ctx.find_object(Context)
            explained = explain(error, context.paths.database) if context else None
            if explained is None:
                raise
            raise click.ClickException(str(explained)) from error


@click.group(cls=KioskGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(),
    metavar="DIRECTORY",
    help="Keep settings and data in this one folder (portable mode). Also KIOSK_HOME.",
)
@click.version_option(package_name="front-desk-kiosk")
@click.pass_context
def cli(ctx: click.Context, home: str | None) -> None:
    """Front Desk Kiosk: visitors check in, reception is alerted, managers see the waits."""
    ctx.obj = Context(home)


@cli.command()
def demo() -> None:
    """Try everything at once: the kiosk, a desk console and the hub, on sample data."""
    from kiosk.launch.demo import run_demo

    sys.exit(run_demo())


@cli.command()
@click.option("--windowed", is_flag=True, help="A normal window instead of locked full screen.")
@pass_context
def run(ctx: Context, windowed: bool) -> None:
    """Run the visitor kiosk: the hub and the full-screen kiosk screen, each started again if it
    stops (only the screen when the settings name a hub elsewhere)."""
    from kiosk.launch.supervisor import run_kiosk

    sys.exit(run_kiosk(ctx.home, windowed=windowed))


@cli.command()
@click.option("--windowed", is_flag=True, help="A normal window instead of locked full screen.")
@pass_context
def screen(ctx: Context, windowed: bool) -> None:
    """Show the kiosk screen alone; it reaches the hub on this computer over TLS, or the one the
    settings name. `kiosk run` starts it."""
    from kiosk.launch.kiosk_screen import run_screen

    ctx.settings()
    sys.exit(run_screen(ctx.home, lockdown=not windowed))


@cli.command()
@pass_context
def desk(ctx: Context) -> None:
    """Open the receptionist's desk console: alerts, the waiting queue and the tray icon."""
    from kiosk.launch.desk_console import run_desk

    sys.exit(run_desk(ctx.paths, ctx.settings()))


@cli.command()
@pass_context
def where(ctx: Context) -> None:
    """Show where the settings file and the database are."""
    click.echo(f"Settings: {ctx.paths.settings_file}")
    click.echo(f"Database: {ctx.paths.database}")


def _parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date. Use YYYY-MM-DD, for example 2026-11-24.", param_hint=option
        ) from None


def _day_start_ms(day: date) -> int:
    return int(datetime.combine(day, time()).astimezone().timestamp() * 1000)


@cli.command()
@click.option("--from", "from_", required=True, metavar="DATE", help="First day, YYYY-MM-DD.")
@click.option("--to", "to", required=True, metavar="DATE", help="Last day (included).")
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
    who on the staff acknowledged and welcomed each visitor."""
    from kiosk.store.export import ExportError, export_visits, format_for

    first, last = _parse_day(from_, "--from"), _parse_day(to, "--to")
    if last < first:
        raise click.BadParameter("The last day comes before the first day.", param_hint="--to")
    try:
        fmt = format_for(output, fmt)
        with ctx.database() as db:
            rows = export_visits(
                db,
                _day_start_ms(first),
                _day_start_ms(last + timedelta(days=1)),
                fmt,
                output,
                anonymous=anonymous,
            )
    except ExportError as error:
        raise click.ClickException(str(error)) from error
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


@cli.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=None,
    help="Port to listen on (default: the settings file's; 0 picks a free one).",
)
@click.option(
    "--listen",
    default=None,
    metavar="ADDRESS",
    help="Address to listen on (default: the settings file's, 0.0.0.0 = whole LAN).",
)
@click.option(
    "--supervised",
    is_flag=True,
    help="As started by `kiosk run`: also let in this computer's kiosk screen, with the local "
    "credential kept in the data folder.",
)
@pass_context
def hub(ctx: Context, port: int | None, listen: str | None, supervised: bool) -> None:
    """Run the hub alone, on a back-office computer, for desks and kiosks on the LAN."""
    from kiosk.hub.server import ServerError
    from kiosk.hub.standalone import run_hub

    settings = ctx.settings()
    try:
        code = run_hub(
            ctx.paths,
            settings,
            address=listen or settings.hub_listen,
            port=settings.hub_port if port is None else port,
            supervised=supervised,
        )
    except ServerError as error:
        raise click.ClickException(str(error)) from error
    sys.exit(code)


@cli.command()
@click.option(
    "--role",
    required=True,
    type=click.Choice([str(r) for r in devices.DeviceRole]),
    help="What the new device will be: a kiosk, a receptionist's desk, a manager's dashboard "
    "(sees names) or a wall dashboard (figures only).",
)
@pass_context
def pair(ctx: Context, role: str) -> None:
    """Print a one-time code that pairs one new device with this hub (it voids any older code)."""
    from kiosk.core import pairing
    from kiosk.hub.certificate import load_identity, shown_fingerprint
    from kiosk.store import audit
    from kiosk.store.database import writing

    now = wall_clock_ms()
    with ctx.database(create=True) as db:
        voided = audit.last(db, "pairing_code_voided")
        issued = audit.last(db, "pairing_code_issued")
        with writing(db):
            code = devices.issue_pairing_code(db, devices.DeviceRole(role), now)
    identity = load_identity(ctx.paths.database.parent)
    if (
        voided
        and voided.detail.get("why") == "wrong_tries"
        and (not issued or voided.id > issued.id)
    ):
        click.echo(
            f"The last code was voided at {_when(voided.at_ms)} after "
            f"{voided.detail.get('tries')} wrong tries: someone may have been guessing. "
            "`kiosk audit` shows where from."
        )
    click.echo(f"Pairing code for a {role}: {pairing.shown(code)}")
    click.echo("Type it on the new device within ten minutes. It works once.")
    click.echo(f"The hub's certificate fingerprint: {shown_fingerprint(identity.fingerprint)}")


@cli.command()
@click.option(
    "--renew", is_flag=True, help="Make a new key and certificate; every device pairs again."
)
@pass_context
def certificate(ctx: Context, renew: bool) -> None:
    """Show the fingerprint of the hub's certificate, or make a new one."""
    from kiosk.hub.certificate import load_identity, renew_identity, shown_fingerprint
    from kiosk.hub.local_credential import forget_screen_token
    from kiosk.store import audit
    from kiosk.store.database import writing

    folder = ctx.paths.database.parent
    identity = renew_identity(folder) if renew else load_identity(folder)
    if renew:
        forget_screen_token(folder)  # this computer's screen gets a new credential too
        now = wall_clock_ms()
        with ctx.database(create=True) as db, writing(db):
            voided = [d.id for d in devices.all_devices(db) if d.revoked_at is None]
            for device_id in voided:
                devices.revoke_device(db, device_id, now)
            audit.record(db, now, "certificate_renewed", devices=len(voided))
        click.echo(
            f"Made a new certificate. Restart the hub, then pair the {len(voided)} paired "
            "device(s) again with `kiosk pair --role ROLE`. Back up the key files with the "
            "database."
        )
    click.echo(f"Fingerprint: {shown_fingerprint(identity.fingerprint)}")
    click.echo(f"Key and certificate: {folder}")


@cli.command()
@click.argument("address")
@click.argument("code")
@click.option(
    "--role",
    type=click.Choice(["kiosk", "desk"]),
    default="kiosk",
    show_default=True,
    help="What this computer is to the hub.",
)
@pass_context
def join(ctx: Context, address: str, code: str, role: str) -> None:
    """Pair this computer with a hub elsewhere: its ADDRESS and the CODE from `kiosk pair`."""
    from kiosk.launch.join import JoinError, join_hub
    from kiosk.store.devices import DeviceRole

    ctx.settings()
    try:
        said = join_hub(ctx.paths.settings_file, address, code, DeviceRole(role))
    except JoinError as error:
        raise click.ClickException(str(error)) from error
    click.echo(said)


@cli.command("audit")
@click.option("--last", "limit", default=50, show_default=True, type=click.IntRange(1, 100_000),
              help="How many of the newest records to show.")  # fmt: skip
@pass_context
def audit_command(ctx: Context, limit: int) -> None:
    """Show the hub's audit log: pairings, wrong pairing codes, revocations, settings changed."""
    from kiosk.store import audit

    with ctx.database() as db:
        entries = audit.entries(db, limit=limit)
    if not entries:
        click.echo("The audit log is empty.")
    for entry in entries:
        device = f" device {entry.device_id}" if entry.device_id is not None else ""
        detail = for_terminal(", ".join(f"{k}={v}" for k, v in entry.detail.items()))
        click.echo(f"{_when(entry.at_ms)}  {entry.action}{device}{'  ' + detail if detail else ''}")


@cli.command("devices")
@click.option("--revoke", type=int, metavar="ID", help="Revoke the device with this number.")
@pass_context
def devices_command(ctx: Context, revoke: int | None) -> None:
    """List the paired desks and kiosks, or revoke one that is lost or replaced."""
    from kiosk.store.database import writing

    now = wall_clock_ms()
    with ctx.database() as db:
        if revoke is not None:
            with writing(db):
                if not devices.revoke_device(db, revoke, now):
                    raise click.ClickException(f"There is no paired device number {revoke}.")
            click.echo(f"Device {revoke} can no longer reach the hub.")
            return
        paired = devices.all_devices(db)
    if not paired:
        click.echo("No devices are paired yet. Run `kiosk pair --role desk` for a code.")
    for device in paired:
        seen = _when(device.last_seen_at) if device.last_seen_at else "never"
        status = f"revoked {_when(device.revoked_at)}" if device.revoked_at else f"last seen {seen}"
        click.echo(f"{device.id:>4}  {for_terminal(device.name)}  ({device.role}, {status})")


def _when(at_ms: int) -> str:
    return datetime.fromtimestamp(at_ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M")


@cli.command()
@pass_context
def pin(ctx: Context) -> None:
    """Set the admin PIN that unlocks the kiosk's admin panel."""
    ctx.settings()
    new = click.prompt(
        "New admin PIN (4 to 12 digits)", hide_input=True, confirmation_prompt="Type it again"
    )
    save_setting(ctx.paths.settings_file, "admin", "pin_hash", hash_pin(new))
    click.echo("The admin PIN is set.")


def main() -> None:
    cli(prog_name="kiosk")


@cli.command("speak-child", hidden=True, context_settings={"ignore_unknown_options": True})
@click.argument("options", nargs=-1, type=click.UNPROCESSED)
def speak_child(options: tuple[str, ...]) -> None:
    """Speak greetings for a kiosk screen or a desk, which start it; not for people to run."""
    from kiosk.app.speech_child import main as speak

    sys.exit(speak(list(options)))
