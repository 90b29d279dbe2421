"""The visit lifecycle: which steps a visit may take, and the sentence when it may not."""

import pytest

from kiosk.core.lifecycle import (
    UNDO_WINDOW_MS,
    EndedHow,
    Event,
    EventType,
    IllegalTransition,
    Visit,
    VisitState,
    apply,
)

T0 = 1_000_000


def step(visit: Visit | None, kind: EventType, at: int, payload: dict | None = None) -> Visit:
    seq = (visit.last_seq if visit else 0) + 1
    return apply(visit, Event(seq, 1, kind, at, "desk", payload or {}))


def arrived() -> Visit:
    return step(None, EventType.CHECKED_IN, T0, {"visitor_id": 3, "host_id": 2, "kiosk": "lobby"})


def test_the_usual_path_stamps_every_step() -> None:
    visit = arrived()
    assert visit.state is VisitState.WAITING and visit.kiosk == "lobby"
    visit = step(visit, EventType.ALERTED, T0 + 200)
    visit = step(visit, EventType.ALERTED, T0 + 900)  # a second desk: the first delivery counts
    visit = step(visit, EventType.ACKNOWLEDGED, T0 + 20_000)
    visit = step(visit, EventType.WELCOMED, T0 + 95_000)
    visit = step(visit, EventType.DEPARTED, T0 + 3_600_000)
    assert visit.state is VisitState.DEPARTED
    assert visit.ended_how is EndedHow.CHECKED_OUT
    assert (visit.alerted_at, visit.acknowledged_at, visit.welcomed_at) == (
        T0 + 200,
        T0 + 20_000,
        T0 + 95_000,
    )
    assert visit.last_seq == 6


def test_acknowledging_may_be_skipped() -> None:
    visit = step(arrived(), EventType.WELCOMED, T0 + 30_000)
    assert visit.state is VisitState.WELCOMED and visit.acknowledged_at is None


@pytest.mark.parametrize(
    ("path", "refused", "message"),
    [
        ([EventType.ACKNOWLEDGED], EventType.ACKNOWLEDGED, "already has someone on the way"),
        ([EventType.WELCOMED, EventType.DEPARTED], EventType.WELCOMED, "already checked out"),
        ([EventType.LEFT_UNSEEN], EventType.ACKNOWLEDGED, "left without being seen"),
        ([EventType.CANCELLED], EventType.WELCOMED, "was cancelled"),
        ([EventType.WELCOMED], EventType.LEFT_UNSEEN, "already been welcomed"),
        ([], EventType.FEEDBACK, "still waiting"),
        ([EventType.DEPARTED, EventType.FEEDBACK], EventType.FEEDBACK, "already been rated"),
    ],
)
def test_illegal_steps_are_refused_with_a_reason(
    path: list[EventType], refused: EventType, message: str
) -> None:
    visit = arrived()
    for at, kind in enumerate(path, start=1):
        visit = step(visit, kind, T0 + at * 1000, {"rating": 4})
    with pytest.raises(IllegalTransition, match=message):
        step(visit, refused, T0 + 99_000, {"rating": 5})


def test_a_visit_checks_in_once_and_must_exist() -> None:
    with pytest.raises(IllegalTransition, match="already checked in"):
        step(arrived(), EventType.CHECKED_IN, T0)
    with pytest.raises(IllegalTransition, match="There is no visit 1"):
        step(None, EventType.WELCOMED, T0)


def test_auto_check_out_is_marked() -> None:
    visit = step(arrived(), EventType.DEPARTED, T0 + 5000, {"auto": True})
    assert visit.ended_how is EndedHow.AUTO_CHECKED_OUT


def test_escalations_are_counted_without_changing_state() -> None:
    visit = step(arrived(), EventType.ESCALATED, T0 + 60_000)
    visit = step(visit, EventType.ESCALATED, T0 + 120_000)
    assert visit.state is VisitState.WAITING
    assert (visit.escalations, visit.last_escalated_at) == (2, T0 + 120_000)


@pytest.mark.parametrize("acknowledged", [False, True])
def test_left_unseen_can_be_taken_back_within_a_minute(acknowledged: bool) -> None:
    visit = arrived()
    if acknowledged:
        visit = step(visit, EventType.ACKNOWLEDGED, T0 + 10_000)
    gone = step(visit, EventType.LEFT_UNSEEN, T0 + 120_000)
    back = step(gone, EventType.LEFT_UNSEEN_UNDONE, T0 + 120_000 + UNDO_WINDOW_MS)
    assert back.state == ("acknowledged" if acknowledged else "waiting")
    assert back.ended_at is None and back.ended_how is None
    with pytest.raises(IllegalTransition, match="too late"):
        step(gone, EventType.LEFT_UNSEEN_UNDONE, T0 + 120_001 + UNDO_WINDOW_MS)
    departed = step(visit, EventType.DEPARTED, T0 + 130_000)
    with pytest.raises(IllegalTransition):  # only "left unseen" is taken back
        step(departed, EventType.LEFT_UNSEEN_UNDONE, T0 + 130_500)


def test_said_of_a_visit_changes_nothing_but_the_record() -> None:
    visit = arrived()
    again = step(visit, EventType.CHECKED_IN_AGAIN, T0 + 5_000)
    leaving = step(again, EventType.SAID_LEAVING, T0 + 9_000)
    assert (leaving.state, leaving.checked_in_at, leaving.ended_at) == ("waiting", T0, None)
    with pytest.raises(IllegalTransition):  # a welcomed visitor is not "checked in again"
        step(step(visit, EventType.WELCOMED, T0 + 1), EventType.CHECKED_IN_AGAIN, T0 + 2)
