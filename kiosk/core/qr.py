"""QR codes for the codes of kiosk.core.codes: the modules, made by `qrcode` in alphanumeric mode
(the codes are upper-case letters and digits), and a PNG of them (written by pypng, so an
e-mail or a file needs no display and no imaging library). Pages draw the modules themselves
(kiosk.app.qr_image)."""

from __future__ import annotations

import io

import png
import qrcode

# Four modules of quiet zone, as the standard asks; without it phone cameras and scanners often
# can't find the code.
QUIET_MODULES = 4


def qr_modules(text: str) -> list[list[bool]]:
    """The dark and light modules of a QR code for `text`, quiet zone included."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=QUIET_MODULES
    )
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def qr_png(text: str, module_px: int = 10) -> bytes:
    """The QR code for `text` as a black-on-white PNG, each module `module_px` pixels square."""
    rows = []
    for line in qr_modules(text):
        row = [pixel for dark in line for pixel in [0 if dark else 1] * module_px]
        rows.extend([row] * module_px)
    out = io.BytesIO()
    png.Writer(len(rows[0]), len(rows), greyscale=True, bitdepth=1).write(out, rows)
    return out.getvalue()
