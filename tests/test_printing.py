"""Printing: the on-site list into a PDF and onto Qt's PDF printer, read back with Qt PDF; a
printer that isn't there, and a PDF that can't be written, said in a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from kiosk.app.printing import (
    OnSiteList,
    OnSitePerson,
    PrintError,
    on_site_printout,
    print_pages,
    render,
    write_pdf,
)

PEOPLE = tuple(
    OnSitePerson(f"Visitor {n:02d}", "Priya Raman", "09:42", accounted=n % 3 == 0)
    for n in range(1, 81)
)
LISTING = OnSiteList(
    "On site at Harbour Works",
    "Tue 24 Nov 2026, 10:42",
    "Roll call started at 10:40: 27 of 80 accounted for.",
    PEOPLE,
)


def pdf_text(path: Path) -> list[str]:
    """The text of each page, as a PDF reader extracts it."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    pages = [document.getAllText(page).text() for page in range(document.pageCount())]
    document.close()
    return pages


def test_the_on_site_list_runs_over_pages_each_headed_and_numbered(qapp, tmp_path: Path) -> None:
    out = tmp_path / "On site.pdf"
    assert write_pdf(out, on_site_printout(LISTING), title=LISTING.title) == 3
    pages = pdf_text(out)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert "On site at Harbour Works" in page
        assert "Tue 24 Nov 2026, 10:42 — 80 people on site" in page
        assert f"Page {number} of 3" in page
    every = "\n".join(pages)
    assert all(f"Visitor {n:02d}" in every for n in range(1, 81))
    assert "Roll call started at 10:40: 27 of 80 accounted for." in pages[0]
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left beside it


def test_names_are_printed_as_typed_never_as_markup(qapp, tmp_path: Path) -> None:
    name = "<b>Ann</b> &amp; <img src=x.png>"
    listing = OnSiteList("On site", "now", "", (OnSitePerson(name, "José Núñez", "09:00", False),))
    out = tmp_path / "list.pdf"
    write_pdf(out, on_site_printout(listing), title="On site")
    assert name in pdf_text(out)[0] and "José Núñez" in pdf_text(out)[0]


def test_nobody_on_site_is_one_page_that_says_so(qapp, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert write_pdf(out, on_site_printout(OnSiteList("On site", "now", "", ())), title="x") == 1
    assert "Nobody is checked in." in pdf_text(out)[0]


def test_qts_pdf_printer_takes_the_same_pages(qapp, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert render(printer, on_site_printout(LISTING)) == 3
    del printer
    assert len(pdf_text(out)) == 3


def test_a_printer_that_is_not_there(qapp) -> None:
    with pytest.raises(PrintError) as refused:
        print_pages(on_site_printout(LISTING), title="x", printer_name="Nowhere laser 9000")
    assert str(refused.value) == (
        "There is no printer called “Nowhere laser 9000” on this computer: choose another, or "
        "save the list as a PDF."
    )


def test_no_such_folder(qapp, tmp_path: Path) -> None:
    with pytest.raises(PrintError) as refused:
        write_pdf(tmp_path / "gone" / "list.pdf", on_site_printout(LISTING), title="x")
    assert str(refused.value) == (
        f"There is no folder {tmp_path / 'gone'}; make it first, or save the PDF somewhere else."
    )


def test_a_printout_that_fails_half_way_leaves_no_file(qapp, tmp_path: Path) -> None:
    out = tmp_path / "list.pdf"
    out.write_bytes(b"the old list")

    def broken(area: QRectF) -> list:
        def page(painter: QPainter, area: QRectF) -> None:
            raise OSError(28, "No space left on device")

        return [page]

    with pytest.raises(PrintError, match="full"):
        write_pdf(out, broken, title="x")
    assert out.read_bytes() == b"the old list"
    assert list(tmp_path.iterdir()) == [out]
