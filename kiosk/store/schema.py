"""The database schema, as an ordered list of changes applied by sqlite-utils Migrations."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("kiosk")
KNOWN_CHANGES: list[str] = []


def _change(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    KNOWN_CHANGES.append(fn.__name__)
    return MIGRATIONS()(fn)


@_change
def create_people_visits_events(db: Database) -> None:
    db["staff"].create(
        {
            "id": int,
            "name": str,
            "name_key": str,
            "role": str,  # "host" or "receptionist"
            "email": str,
            "phone": str,
            "department": str,
            "active": int,
        },
        pk="id",
        not_null={"name", "name_key", "role", "active"},
        defaults={"active": 1, "role": "host"},
    )
    db["staff"].create_index(["name_key"])
    db["visitors"].create(
        {
            "id": int,
            "name": str,
            "name_key": str,
            "pronunciation": str,
            "contact": str,
            "visit_count": int,
            "last_visit_at": int,
            "last_host_id": int,
            "last_wait_s": float,
            "created_at": int,
        },
        pk="id",
        not_null={"name", "name_key", "visit_count", "created_at"},
        defaults={"visit_count": 0},
    )
    db["visitors"].create_index(["name_key"])
    db["visitors"].create_index(["last_visit_at"])
    db["visits"].create(
        {
            "id": int,
            "visitor_id": int,
            "host_id": int,
            "purpose": str,
            "kiosk": str,
            "state": str,
            "checked_in_at": int,
            "utc_offset_min": int,
            "alerted_at": int,
            "acknowledged_at": int,
            "acknowledged_by": str,
            "welcomed_at": int,
            "welcomed_by": str,
            "ended_at": int,
            "ended_how": str,
            "escalations": int,
            "last_escalated_at": int,
            "feedback": int,
            "last_seq": int,
        },
        pk="id",
        not_null={"state", "checked_in_at", "utc_offset_min", "escalations", "last_seq"},
    )
    db["visits"].create_index(["checked_in_at"])
    # "Who is here now" reads only the few open visits, whatever the size of the history.
    db.execute(
        "CREATE INDEX idx_visits_open ON visits(checked_in_at) "
        "WHERE state IN ('waiting', 'acknowledged', 'welcomed')"
    )
    db.execute(
        """
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            visit_id INTEGER NOT NULL,
            type TEXT NOT NULL,
            at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db["events"].create_index(["visit_id"])
    # The log is append-only: the database itself refuses edits, so no bug can rewrite history.
    db.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"
    )


@_change
def index_check_in_keys(db: Database) -> None:
    # A kiosk that resends a check-in after a lost reply finds its visit here instead of
    # creating a second one.
    db.execute(
        "CREATE UNIQUE INDEX idx_events_check_in_key ON events(json_extract(payload, '$.key')) "
        "WHERE type = 'checked_in' AND json_extract(payload, '$.key') IS NOT NULL"
    )


@_change
def create_devices(db: Database) -> None:
    # Desks and remote kiosks pair once with a short code and then present a device token. Only
    # a hash of the token is kept, so a copy of the database can't be used to impersonate one.
    db["devices"].create(
        {
            "id": int,
            "name": str,
            "role": str,  # "kiosk", "desk" or "dashboard"
            "token_hash": str,
            "paired_at": int,
            "last_seen_at": int,
            "revoked_at": int,
        },
        pk="id",
        not_null={"name", "role", "token_hash", "paired_at"},
    )
    db["devices"].create_index(["token_hash"], unique=True)
    # Desk cards look up a visitor's earlier visits ("last time Maria waited 9 minutes").
    db["visits"].create_index(["visitor_id", "id"])
    db["pairing_codes"].create({"code": str, "expires_at": int}, pk="code", not_null={"expires_at"})


@_change
def index_wait_histograms(db: Database) -> None:
    # Visits kept in histogram order (local hour, wait in whole seconds begun; time to
    # acknowledge), covering every column the statistics read: wait figures over a million
    # visits take a fifth of a second instead of sorting them all. The expressions must stay
    # identical to those in kiosk.store.stats for SQLite to use them.
    db.execute(
        "CREATE INDEX idx_visits_wait_by_hour ON visits("
        "(checked_in_at + utc_offset_min * 60000) / 3600000 % 24, "
        "(welcomed_at - checked_in_at + 999) / 1000, checked_in_at, utc_offset_min, welcomed_at)"
    )
    db.execute(
        "CREATE INDEX idx_visits_time_to_acknowledge ON visits("
        "(acknowledged_at - checked_in_at + 999) / 1000, checked_in_at, acknowledged_at)"
    )


@_change
def pair_by_proof_and_audit(db: Database) -> None:
    # One live pairing code at a time, bound to a role, with the wrong proofs made against it
    # counted here so that every connection's guesses add up.
    db.execute("DROP TABLE pairing_codes")
    db["pairing_code"].create(
        {"id": int, "code": str, "role": str, "expires_at": int, "wrong_tries": int},
        pk="id",
        not_null={"code", "role", "expires_at", "wrong_tries"},
        defaults={"wrong_tries": 0},
    )
    # Hub-wide records with no personal data: settings changed, codes issued or voided, wrong
    # proofs, pairings and revocations. Append-only, like the event log.
    db["audit"].create(
        {"id": int, "at_ms": int, "action": str, "device_id": int, "detail": str},
        pk="id",
        not_null={"at_ms", "action", "detail"},
        defaults={"detail": "{}"},
    )
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    # Devices paired over plain ws:// pinned no certificate: their tokens crossed the network in
    # clear, so they pair again.
    now_ms = "CAST(strftime('%s', 'now') AS INTEGER) * 1000"
    voided = db.execute(
        f"UPDATE devices SET revoked_at = {now_ms} WHERE revoked_at IS NULL"
    ).rowcount
    if voided:
        db.execute(
            f"INSERT INTO audit (at_ms, action, detail) VALUES ({now_ms}, ?, ?)",
            ["plain_pairings_voided", f'{{"devices": {voided}}}'],
        )


@_change
def count_waits(db: Database) -> None:
    # Wait histograms by local day, week, month and year (kiosk.core.wait_counts), so that no
    # figure reads every visit of its range. They replace the two covering indexes that kept the
    # visits themselves in histogram order.
    from kiosk.core.lifecycle import EndedHow, Visit, VisitState
    from kiosk.store import wait_counts

    db.execute(
        """
        CREATE TABLE wait_counts (
            span TEXT NOT NULL,
            hour INTEGER NOT NULL,
            receptionist TEXT NOT NULL,
            measure TEXT NOT NULL,
            seconds INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (measure, span, hour, receptionist, seconds)
        ) WITHOUT ROWID
        """
    )
    db.execute("DROP INDEX idx_visits_wait_by_hour")
    db.execute("DROP INDEX idx_visits_time_to_acknowledge")
    # Only the columns the counts read, which every later schema still has.
    rows = db.execute(
        "SELECT id, state, checked_in_at, utc_offset_min, acknowledged_at, welcomed_at, "
        "welcomed_by, ended_how FROM visits"
    )
    visits = (
        Visit(id=id_, visitor_id=None, host_id=None, purpose=None, kiosk="",
              state=VisitState(state), checked_in_at=checked_in, utc_offset_min=offset,
              acknowledged_at=acknowledged, welcomed_at=welcomed, welcomed_by=by,
              ended_how=EndedHow(how) if how else None)
        for id_, state, checked_in, offset, acknowledged, welcomed, by, how in rows
    )  # fmt: skip
    wait_counts.add(db, wait_counts.count_visits(visits))


@_change
def follow_ups_and_roll_calls(db: Database) -> None:
    # A manager's follow-up after a long wait, and the roll calls of an evacuation. The note may
    # say anything about the visitor, so it is kept apart from the event log and goes when the
    # visitor is erased (by the retention purge or at their request).
    db["visits"].add_column("followed_up_at", int)
    db["visits"].add_column("accounted_at", int)
    db["follow_up_notes"].create({"visit_id": int, "note": str}, pk="visit_id", not_null={"note"})
    db.execute(
        "CREATE TRIGGER visitors_erase_follow_up_notes AFTER DELETE ON visitors BEGIN "
        "DELETE FROM follow_up_notes WHERE visit_id IN "
        "(SELECT id FROM visits WHERE visitor_id = old.id); END"
    )
    db["roll_calls"].create(
        {"id": int, "started_at": int, "started_by": str, "ended_at": int},
        pk="id",
        not_null={"started_at", "started_by"},
    )


@_change
def expect_visitors(db: Database) -> None:
    # Visitors expected by the desk or invited from the command line. The name, contact, note
    # and pronunciation are personal data: they go with the retention purge like a visitor's.
    db["expected_visits"].create(
        {
            "id": int,
            "name": str,
            "name_key": str,
            "contact": str,
            "host_id": int,
            "expected_at": int,
            "utc_offset_min": int,
            "note": str,
            "pronunciation": str,
            "created_at": int,
            "created_by": str,
            "used_at": int,
            "visit_id": int,
            "cancelled_at": int,
        },
        pk="id",
        not_null={"name", "name_key", "expected_at", "utc_offset_min", "created_at", "created_by"},
    )
    db["expected_visits"].create_index(["expected_at"])


@_change
def keep_an_outbox(db: Database) -> None:
    # Messages to hosts (e-mail, chat webhooks) waiting to go, retried with a back-off, and the
    # number of the last event read for news. A row names a visit and a host, never a visitor:
    # the words are written when the message goes. Rows go with their visitor all the same.
    db["outbox"].create(
        {
            "id": int,
            "message_id": str,
            "channel": str,  # "email" or "webhook"
            "news": str,  # "arrived" or "still_waiting"
            "visit_id": int,
            "host_id": int,
            "webhook": str,  # a digest of the webhook's address; "" for an e-mail
            "created_at": int,
            "due_at": int,
            "tries": int,
            "state": str,  # "waiting", "sent", "moot" or "given_up"
            "last_error": str,
            "done_at": int,
        },
        pk="id",
        not_null={
            "message_id", "channel", "news", "visit_id", "host_id", "webhook", "created_at",
            "due_at", "tries", "state",
        },
        defaults={"tries": 0, "state": "waiting", "webhook": ""},
    )  # fmt: skip
    # Reading the log again after a restart finds the news already queued.
    db["outbox"].create_index(["visit_id", "news", "channel", "webhook"], unique=True)
    db["outbox"].create_index(["state", "due_at"])
    db["outbox"].create_index(["host_id", "done_at"])
    db.execute(
        "CREATE TRIGGER visitors_erase_outbox AFTER DELETE ON visitors BEGIN "
        "DELETE FROM outbox WHERE visit_id IN (SELECT id FROM visits WHERE visitor_id = old.id); "
        "END"
    )
    db["outbox_cursor"].create({"id": int, "last_seq": int}, pk="id", not_null={"last_seq"})


@_change
def mail_invitations(db: Database) -> None:
    # The outbox also carries invitations to expected visitors: a row names the expected visit
    # (and its host) instead of a visit, and goes when the invitation is withdrawn or erased.
    db["outbox"].add_column("expected_id", int)
    db["outbox"].transform(not_null={"visit_id": False})
    db["outbox"].create_index(["expected_id", "news", "channel"], unique=True, if_not_exists=True)
    db.execute(
        "CREATE TRIGGER expected_visits_erase_outbox AFTER DELETE ON expected_visits BEGIN "
        "DELETE FROM outbox WHERE expected_id = old.id; END"
    )
