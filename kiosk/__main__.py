"""`python -m kiosk` and the frozen program run the same command as `kiosk`.

`kiosk run` and `kiosk screen`, the commands between switching the kiosk on and Welcome on its
screen (`kiosk run` starts `kiosk screen`), take a short way here: without the command line's
machinery (click, and what every other command imports), which would cost each of the two
processes a good part of the wait for the first frame. Any other command line, and help, goes to
`kiosk.cli`, which takes these two commands as well, with the same meaning.
"""

from __future__ import annotations

import gc
import sys

QUICK_COMMANDS = ("run", "screen")


def main() -> None:
    quick = quick_command(sys.argv[1:])
    if quick is None:
        from kiosk.cli import main as cli

        cli()
    else:
        sys.exit(run_quick(*quick))


def quick_command(arguments: list[str]) -> tuple[str, str | None, bool] | None:
    """The command, the home folder and `--windowed`, if `arguments` are exactly
    `[--home DIRECTORY] run|screen [--windowed]`; None for anything else."""
    home = None
    if arguments[:1] == ["--home"] and len(arguments) > 1:
        home, arguments = arguments[1], arguments[2:]
    elif arguments[:1] and arguments[0].startswith("--home="):
        home, arguments = arguments[0].removeprefix("--home="), arguments[1:]
    if arguments[:1] and arguments[0] in QUICK_COMMANDS and arguments[1:] in ([], ["--windowed"]):
        return arguments[0], home, arguments[1:] == ["--windowed"]
    return None


def run_quick(command: str, home: str | None, windowed: bool) -> int:
    """Run `kiosk run` or `kiosk screen`; a problem with the settings or the hub's files ends
    it with its one sentence, as `kiosk.cli` would."""
    try:
        if command == "run":
            from kiosk.launch.supervisor import run_kiosk

            return run_kiosk(home, windowed=windowed, program=main)
        # Nothing the screen makes on its way to Welcome is garbage, and Python's collector,
        # walking it all again and again as the imports pile up, made that way ~5% longer: it
        # waits until Welcome is out (kiosk.launch.kiosk_screen.run_screen).
        gc.disable()
        from kiosk.launch.kiosk_screen import run_screen

        return run_screen(home, lockdown=not windowed)
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr, flush=True)
        return 1
    except Exception as error:
        # Imported only now: `kiosk run` starts the screen before it loads either.
        from kiosk.hub.certificate import CertificateError
        from kiosk.store.settings import SettingsError

        if not isinstance(error, (SettingsError, CertificateError)):
            raise
        print(f"Error: {error}", file=sys.stderr, flush=True)
        return 1


if __name__ == "__main__":
    main()
