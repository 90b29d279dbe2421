"""An office with six weeks of visits made through the hub service, as desks make them (so each
welcome names a member of staff), and a few people on site now: for the dashboard's tests and
benchmark."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.core.people import Role, staff_actor
from kiosk.core.policies import Policies
from kiosk.hub.service import HubService
from kiosk.store.database import open_database, writing
from kiosk.store.people import add_staff

DAYS_OF_HISTORY = 42
VISITS_A_DAY = 6
# Seconds from check-in to welcome, over and over: most within the 3-minute target, some not.
WAITS = (35, 70, 95, 140, 175, 260, 50, 120, 410, 65, 90, 30, 200, 80)
ON_SITE_NOW = ("Maria Garcia", "Kwame Mensah", "فاطمة الزهراء", "Siobhán Ó Dálaigh")


def make_history(path: Path, now_ms: int | None = None) -> dict[str, int]:
    """Visits on every weekday of the last six weeks, and four people on site now: two with
    their host, one on the way to be welcomed, one waiting. Returns the staff's ids by first
    name."""
    now_ms = now_ms or int(time.time() * 1000)
    db = open_database(path)
    with writing(db):
        ids = {
            "sam": add_staff(db, "Sam Jones", Role.RECEPTIONIST),
            "ana": add_staff(db, "Ana Lima", Role.RECEPTIONIST),
            "priya": add_staff(db, "Priya Raman", email="priya@example.com"),
            "jose": add_staff(db, "José Núñez", department="Engineering"),
        }
    clock = [now_ms]
    service = HubService(db, Policies(), clock=lambda: clock[0])
    today = datetime.fromtimestamp(now_ms / 1000).date()
    count = 0
    for days_ago in range(DAYS_OF_HISTORY, 0, -1):
        day = today - timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        for n in range(VISITS_A_DAY):
            start = datetime.combine(day, datetime.min.time()) + timedelta(hours=9, minutes=47 * n)
            clock[0] = int(start.timestamp() * 1000)
            wait = WAITS[count % len(WAITS)]
            receptionist = staff_actor(ids["sam"] if count % 3 else ids["ana"])
            visit = service.check_in(
                f"Visitor {count + 1}",
                host_id=ids["priya"] if n % 2 else ids["jose"],
                contact=f"visitor{count + 1}@example.com",
            ).visit
            count += 1
            clock[0] += min(wait, 40) * 1000
            service.acknowledge(visit.id, receptionist)
            if count % 11 == 0:  # gone before anyone came
                clock[0] += 300_000
                service.mark_left_unseen(visit.id, receptionist)
                continue
            clock[0] += (wait - min(wait, 40)) * 1000
            service.welcome(visit.id, receptionist)
            clock[0] += 3_600_000
            service.check_out(visit.id)
    for n, name in enumerate(ON_SITE_NOW):
        clock[0] = now_ms - (len(ON_SITE_NOW) - n) * 600_000
        visit = service.check_in(name, host_id=ids["priya"] if n % 2 else ids["jose"]).visit
        if n < 3:
            clock[0] += 30_000
            service.acknowledge(visit.id, staff_actor(ids["sam"]))
        if n < 2:
            clock[0] += 30_000
            service.welcome(visit.id, staff_actor(ids["sam"]))
    db.close()
    return ids
