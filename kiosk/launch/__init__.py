"""Putting programs together: each `kiosk` sub-command that opens windows starts here."""
