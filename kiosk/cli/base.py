"""The `kiosk` group itself: its options, the context every sub-command gets, and how a problem
with the settings or the database becomes one sentence.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import click

from kiosk.hub.certificate import CertificateError
from kiosk.store.settings import (
    Paths,
    Settings,
    SettingsError,
    load_settings,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


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


def day_range_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """`--from DATE --to DATE`, as `from_` and `to`; read them with `chosen_days`."""
    command = click.option(
        "--to", "to", required=True, metavar="DATE", help="Last day (included)."
    )(command)
    return click.option(
        "--from", "from_", required=True, metavar="DATE", help="First day, YYYY-MM-DD."
    )(command)


def chosen_days(from_: str, to: str) -> tuple[date, date]:
    """The first and last day of `--from` and `--to`, or one line saying what is wrong."""
    first, last = parse_day(from_, "--from"), parse_day(to, "--to")
    if last < first:
        raise click.BadParameter("The last day comes before the first day.", param_hint="--to")
    return first, last


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date. Use YYYY-MM-DD, for example 2026-11-24.", param_hint=option
        ) from None


def day_start_ms(day: date) -> int:
    return int(datetime.combine(day, time()).astimezone().timestamp() * 1000)


def when(at_ms: int) -> str:
    return datetime.fromtimestamp(at_ms / 1000).astimezone().strftime("%Y-%m-%d %H:%M")
