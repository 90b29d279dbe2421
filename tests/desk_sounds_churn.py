"""A program the tests run in a process of its own: the desk's sounds, on the session's sound
server, rung again and switched between chime, alarm and quiet at random moments (some while a
sound still plays) for a number of seconds, then closed. It prints how often they rang and ends
a moment later; Qt prints any warning on stderr.

    python -m tests.desk_sounds_churn SECONDS SEED
"""

from __future__ import annotations

import random
import sys

from PySide6.QtCore import QCoreApplication, QTimer

from kiosk.app.desk_sounds import ALARM, CHIME, QUIET, DeskSounds

# Milliseconds between two moves: some within a sound's 1.2 s, some after it has finished.
PAUSES_MS = (5, 20, 50, 120, 300, 700, 1300)
# After closing, long enough for what was written to the output to play out.
PLAYED_OUT_MS = 1500


def main(seconds: float, seed: int) -> int:
    app = QCoreApplication(sys.argv)
    sounds = DeskSounds(chime_repeat_s=0.7, alarm_repeat_s=0.4)
    if not sounds.available:
        print("This computer has no sound output.", file=sys.stderr)
        return 3
    pick = random.Random(seed)
    moves = int(seconds * 1000 / (sum(PAUSES_MS) / len(PAUSES_MS)))

    def move() -> None:
        nonlocal moves
        moves -= 1
        if moves <= 0:
            print(f"rang {sounds.rings[CHIME]} chimes and {sounds.rings[ALARM]} alarms")
            sounds.close()
            QTimer.singleShot(PLAYED_OUT_MS, app.quit)
            return
        if pick.random() < 0.6:
            sounds.ring_again()
        else:
            sounds.set_level(pick.choice((CHIME, ALARM, QUIET)))
        QTimer.singleShot(pick.choice(PAUSES_MS), move)

    sounds.set_level(CHIME)
    QTimer.singleShot(pick.choice(PAUSES_MS), move)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]), int(sys.argv[2])))
