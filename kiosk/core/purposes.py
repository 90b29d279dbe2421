"""Why someone is at the desk when they are not visiting a named member of staff."""

from __future__ import annotations

from enum import StrEnum


class Purpose(StrEnum):
    MEETING = "meeting"  # visiting a named host
    DELIVERY = "delivery"
    INTERVIEW = "interview"
    NOT_SURE = "not_sure"

    @property
    def for_reception(self) -> bool:
        """Visits without a named host go to whoever is at reception."""
        return self is not Purpose.MEETING

    @property
    def words(self) -> str:
        """The purpose as printed for the building (on a badge): "Not sure", "Delivery"."""
        words = self.value.replace("_", " ")
        return words[:1].upper() + words[1:]
