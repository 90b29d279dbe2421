"""Sub-commands that let devices in or keep them out: pairing, the certificate, joining a hub,
the audit log, paired devices and the admin PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from kiosk.cli.base import Context, cli, pass_context, wall_clock_ms, when
from kiosk.core.text import for_terminal
from kiosk.store import devices
from kiosk.store.settings import hash_pin, save_setting

if TYPE_CHECKING:
    pass


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
            f"The last code was voided at {when(voided.at_ms)} after "
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
    from kiosk.hub.local_credential import forget_local_tokens
    from kiosk.store import audit
    from kiosk.store.database import writing

    folder = ctx.paths.database.parent
    identity = renew_identity(folder) if renew else load_identity(folder)
    if renew:
        forget_local_tokens(folder)  # this computer's screen and dashboard get new credentials too
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
        click.echo(f"{when(entry.at_ms)}  {entry.action}{device}{'  ' + detail if detail else ''}")


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
        seen = when(device.last_seen_at) if device.last_seen_at else "never"
        status = f"revoked {when(device.revoked_at)}" if device.revoked_at else f"last seen {seen}"
        click.echo(f"{device.id:>4}  {for_terminal(device.name)}  ({device.role}, {status})")


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
