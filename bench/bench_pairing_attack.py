"""Pairing under attack: strangers guess the pairing code over 1, 50 and 200 connections at once
while a paired desk asks the hub for its queue (and, first, a round with no attacker, to compare).
Prints how many wrong proofs the hub evaluated per live code (target: at most 10), how many tries
the attackers made, and the desk's `queue` round trip (target: p99 at most 50 ms). Asserts nothing.

    uv run python bench/bench_pairing_attack.py                 # 30 s per round
    uv run python bench/bench_pairing_attack.py --seconds 5     # a quick run

Each round has a fresh `kiosk hub` process on loopback (the same database), so no round starts
with the attackers' addresses already held back by the one before. The attackers run in a
child process at a lower priority (nice 10: on a real network they would be other computers,
not sharing the hub's processor), with asyncio and raw TLS WebSockets that take any
certificate, bound to 127.0.0.2 to 127.0.0.9 so the hub sees eight computers. Each connection
swaps nonces and sends a proof of a random code, again and again, as fast as the hub answers,
and opens a new connection when the hub closes one. A code is issued at the start of each
round and again whenever the guessing has voided it, so there is always a live code to guess.
The desk runs in a child process on 127.0.0.1: a raw client that has said hello with its
device token and sends `queue` every --gap-ms, timing each answer.
Wrong proofs per code come from the hub's audit log (`pairing_wrong_proof` records between a
code's issue and its voiding). The hub allows 10 pairing tries per address a minute, so eight
addresses get at most 80 proofs a minute evaluated: most tries are turned away with
`slow_down`. On a small machine the attackers, the hub and the desk share the same cores, which
the desk's figures include.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench_alert import ROOT, Hub, make_site, percentile

ATTACKERS = [f"127.0.0.{n}" for n in range(2, 10)]
_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


# --- the desk (child process) ----------------------------------------------------------------


def run_desk(port: int, token: str, seconds: float, gap_ms: float) -> None:
    """Say hello, then time `queue` round trips for `seconds`; print them as one JSON line."""
    from tests.raw_websocket import RawClient

    desk = RawClient(port, "127.0.0.1", timeout=30)
    if desk.hello(token).get("type") != "reply":
        raise SystemExit("The desk's hello was refused.")
    times_ms: list[float] = []
    slowed = 0
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        started = time.perf_counter()
        answer = desk.request(n, "queue")
        times_ms.append((time.perf_counter() - started) * 1000)
        slowed += answer.get("code") == "slow_down"
        time.sleep(gap_ms / 1000)
    desk.close()
    print(json.dumps({"round_trips_ms": times_ms, "slowed": slowed}), flush=True)


# --- the attackers (this process) ------------------------------------------------------------


class Tally:
    def __init__(self) -> None:
        self.begun: Counter = Counter()  # answers to pair_begin other than a nonce
        self.outcomes: Counter = Counter()  # answers to the proofs sent
        self.connections = 0
        self.refused_connections = 0

    def as_json(self) -> str:
        return json.dumps(self.__dict__)

    @classmethod
    def from_json(cls, text: str) -> Tally:
        tally = cls()
        for name, value in json.loads(text).items():
            setattr(tally, name, Counter(value) if isinstance(value, dict) else value)
        return tally

    @property
    def tries(self) -> int:
        return sum(self.begun.values()) + self.proofs

    @property
    def proofs(self) -> int:
        return sum(self.outcomes.values())


async def websocket(port: int, source: str):
    """A TLS connection from `source`, upgraded to a WebSocket by hand."""
    from tests.raw_websocket import insecure_context

    reader, writer = await asyncio.wait_for(
        asyncio.open_connection(
            "127.0.0.1", port, ssl=insecure_context(), local_addr=(source, 0),
            server_hostname="",
        ),
        timeout=10,
    )  # fmt: skip
    key = base64.b64encode(os.urandom(16))
    writer.write(
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
        b"Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
        % (port, key)
    )
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
    accept = base64.b64encode(hashlib.sha1(key + _GUID).digest())
    if not head.startswith(b"HTTP/1.1 101") or accept not in head:
        raise ConnectionError("no WebSocket")
    return reader, writer


class Frames:
    """Text messages off an asyncio stream."""

    def __init__(self, reader: asyncio.StreamReader) -> None:
        self._reader = reader
        self._buffer = b""
        self._ready: list[dict] = []

    async def next(self) -> dict:
        from tests.raw_websocket import CLOSE, TEXT, parse_frames

        while not self._ready:
            chunk = await asyncio.wait_for(self._reader.read(65536), timeout=10)
            if not chunk:
                raise ConnectionError("closed")
            frames, self._buffer = parse_frames(self._buffer + chunk)
            for got in frames:
                if got.opcode == CLOSE:
                    raise ConnectionError("closed")
                if got.opcode == TEXT:
                    self._ready.append(json.loads(got.payload))
        return self._ready.pop(0)


async def attacker(port: int, fingerprint: str, source: str, end: float, tally: Tally) -> None:
    from kiosk.core import pairing
    from tests.raw_websocket import TEXT, frame

    def send(writer, message: dict) -> None:
        writer.write(frame(TEXT, json.dumps({"v": 2, **message}).encode()))

    while time.monotonic() < end:
        try:
            reader, writer = await websocket(port, source)
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            tally.refused_connections += 1
            await asyncio.sleep(0.05)
            continue
        tally.connections += 1
        frames = Frames(reader)
        try:
            while time.monotonic() < end:
                device_nonce = pairing.new_nonce()
                send(writer, {"type": "pair_begin", "id": 1, "nonce": device_nonce})
                begun = await frames.next()
                if begun.get("type") != "reply":
                    tally.begun[begun.get("reason") or begun.get("code")] += 1
                    continue
                proof = pairing.device_proof(
                    pairing.new_code(), fingerprint, device_nonce, begun["result"]["nonce"]
                )
                send(writer, {"type": "pair", "id": 2, "proof": proof, "name": "x", "role": "desk"})
                answer = await frames.next()
                if answer.get("type") == "reply":
                    tally.outcomes["paired"] += 1
                    break
                tally.outcomes[answer.get("reason") or answer.get("code")] += 1
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            pass  # closed by the hub (five seconds without an introduction): open another
        finally:
            writer.close()


def issue_code(database: Path) -> None:
    from kiosk.store.database import open_database, writing
    from kiosk.store.devices import DeviceRole, issue_pairing_code

    db = open_database(database)
    with writing(db):
        issue_pairing_code(db, DeviceRole.DESK, int(time.time() * 1000))
    db.close()


def code_is_live(database: Path) -> bool:
    from kiosk.store.database import open_database
    from kiosk.store.devices import live_pairing_code

    db = open_database(database)
    live = live_pairing_code(db, int(time.time() * 1000)) is not None
    db.close()
    return live


async def keep_a_code_live(database: Path, end: float) -> None:
    """Issue a code now and whenever the guessing has voided the last one."""
    issue_code(database)
    while time.monotonic() < end:
        await asyncio.sleep(0.05)
        if not code_is_live(database):
            issue_code(database)


async def attack(
    port: int, fingerprint: str, database: Path, connections: int, seconds: float
) -> Tally:
    tally = Tally()
    end = time.monotonic() + seconds
    tasks = [
        attacker(port, fingerprint, ATTACKERS[n % len(ATTACKERS)], end, tally)
        for n in range(connections)
    ]
    await asyncio.gather(keep_a_code_live(database, end), *tasks)
    return tally


def wrong_proofs_per_code(database: Path, after_id: int) -> tuple[list[int], int]:
    """Wrong proofs the hub counted against each code issued after audit record `after_id`,
    and the last record's id."""
    from kiosk.store.database import open_database

    db = open_database(database)
    rows = db.execute(
        "SELECT id, action FROM audit WHERE id > ? ORDER BY id", [after_id]
    ).fetchall()
    db.close()
    per_code: list[int] = []
    for _id, action in rows:
        if action == "pairing_code_issued":
            per_code.append(0)
        elif action == "pairing_wrong_proof" and per_code:
            per_code[-1] += 1
    return per_code, rows[-1][0] if rows else after_id


def run_attackers(port: int, fingerprint: str, database: Path, connections: int,
                  seconds: float) -> None:  # fmt: skip
    """Child process: the attack, at a lower priority (standing in for other computers, which
    would not share the hub's processor); prints the tally as one JSON line."""
    os.nice(10)
    tally = asyncio.run(attack(port, fingerprint, database, connections, seconds))
    print(tally.as_json(), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30, help="length of each round")
    parser.add_argument(
        "--rounds", default="0,1,50,200", help="attacking connections per round (0: a baseline)"
    )
    parser.add_argument("--gap-ms", type=float, default=20, help="desk's pause between queues")
    parser.add_argument("--desk", nargs=4, help=argparse.SUPPRESS)
    parser.add_argument("--attackers", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.desk:
        port, token, seconds, gap_ms = args.desk
        run_desk(int(port), token, float(seconds), float(gap_ms))
        return
    if args.attackers:
        port, fingerprint, database, connections, seconds = args.attackers
        run_attackers(int(port), fingerprint, Path(database), int(connections), float(seconds))
        return

    rounds = [int(n) for n in args.rounds.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        site = make_site(home, desks=1, kiosks=1)
        database = home / "kiosk.db"
        _, last_audit = wrong_proofs_per_code(database, 0)
        print(f"pairing under attack, {args.seconds:g} s a round, attackers on "
              f"{ATTACKERS[0]}-{ATTACKERS[-1]}, desk on 127.0.0.1, loopback:")  # fmt: skip
        for n, connections in enumerate(rounds):
            # A hub of its own for each round (same database): no round starts with the
            # attackers' addresses already held back by the round before.
            hub = Hub(home)
            try:
                if n == 0:
                    check_in_a_few(hub, site)
                cpu_before = hub_cpu_s(hub)
                desk = subprocess.Popen(  # ends by itself after the round
                    [sys.executable, __file__, "--desk", str(hub.port), site["desks"][0],
                     str(args.seconds), str(args.gap_ms)],
                    stdout=subprocess.PIPE, text=True, cwd=ROOT,
                )  # fmt: skip
                attackers = subprocess.Popen(  # ends by itself after the round
                    [sys.executable, __file__, "--attackers", str(hub.port), hub.fingerprint,
                     str(database), str(connections), str(args.seconds)],
                    stdout=subprocess.PIPE, text=True, cwd=ROOT,
                )  # fmt: skip
                attacked, _ = attackers.communicate(timeout=args.seconds + 120)
                out, _ = desk.communicate(timeout=args.seconds + 60)
                tally = Tally.from_json(attacked.strip().splitlines()[-1])
                cpu = hub_cpu_s(hub) - cpu_before
                rss = hub.rss_kib()
            finally:
                hub.stop()
            desk_figures = json.loads(out.strip().splitlines()[-1])
            trips = desk_figures["round_trips_ms"]
            per_code, last_audit = wrong_proofs_per_code(database, last_audit)
            proofs = ", ".join(f"{k} {v}" for k, v in tally.outcomes.most_common())
            begun = ", ".join(f"{k} {v}" for k, v in tally.begun.most_common()) or "none"
            print(f"\n  {connections} attacking connection(s):")
            print(f"    codes issued                 {len(per_code)}")
            print(f"    wrong proofs per live code   max {max(per_code, default=0)}  "
                  f"{per_code}   (target <= 10)")  # fmt: skip
            print(f"    attacker tries               {tally.tries}")
            print(f"      proofs sent                {tally.proofs}  ({proofs or 'none'})")
            print(f"      pair_begin turned away     {sum(tally.begun.values())}  ({begun})")
            print(f"    attacker connections         {tally.connections} opened, "
                  f"{tally.refused_connections} refused or failed")  # fmt: skip
            print(f"    desk queue round trips       {len(trips)}  "
                  f"(slowed down: {desk_figures['slowed']})")  # fmt: skip
            print(f"    desk round trip p50          {statistics.median(trips):7.2f} ms")
            print(f"    desk round trip p99          {percentile(trips, 0.99):7.2f} ms"
                  "   (target <= 50 ms)")  # fmt: skip
            print(f"    desk round trip max          {max(trips):7.2f} ms   "
                  f"({sum(t > 50 for t in trips)} over 50 ms)")  # fmt: skip
            print(f"    hub CPU                      {cpu / args.seconds * 100:.0f}% of a core;"
                  f" RSS {rss / 1024:.1f} MiB at the end")  # fmt: skip
            print(f"    machine load                 {os.getloadavg()[0]:.1f} over the last "
                  f"minute, {os.cpu_count()} cores")  # fmt: skip


def check_in_a_few(hub: Hub, site: dict) -> None:
    """A few people waiting, so the desk's queue is a real answer."""
    from tests.raw_websocket import RawClient

    kiosk = RawClient(hub.port)
    kiosk.hello(site["kiosks"][0])
    for n in range(5):
        kiosk.request(n + 1, "check_in", name=f"Visitor {n}", key=f"bench-key-{n}",
                      host_id=site["host"])  # fmt: skip
    kiosk.close()


def hub_cpu_s(hub: Hub) -> float:
    """CPU time the hub process has used, user and system, in seconds."""
    fields = Path(f"/proc/{hub.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()
