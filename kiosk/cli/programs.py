"""Sub-commands that start a program: the kiosk, the desk, the hub, the demo."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from kiosk.cli.base import Context, cli, pass_context

if TYPE_CHECKING:
    pass


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
    from kiosk.cli import main
    from kiosk.launch.supervisor import run_kiosk

    sys.exit(run_kiosk(ctx.home, windowed=windowed, program=main))


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
def dashboard(ctx: Context) -> None:
    """Open the manager's dashboard: wait figures and charts, follow-ups, who is on site (with
    the roll call), and exports. On the hub's computer it connects by itself; elsewhere it asks
    for a code from `kiosk pair --role manager`."""
    from kiosk.launch.dashboard import run_dashboard

    sys.exit(run_dashboard(ctx.paths, ctx.settings()))


@cli.command()
@pass_context
def where(ctx: Context) -> None:
    """Show where the settings file and the database are."""
    click.echo(f"Settings: {ctx.paths.settings_file}")
    click.echo(f"Database: {ctx.paths.database}")


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


@cli.command("speak-child", hidden=True, context_settings={"ignore_unknown_options": True})
@click.argument("options", nargs=-1, type=click.UNPROCESSED)
def speak_child(options: tuple[str, ...]) -> None:
    """Speak greetings for a kiosk screen or a desk, which start it; not for people to run."""
    from kiosk.app.speech_child import main as speak

    sys.exit(speak(list(options)))
