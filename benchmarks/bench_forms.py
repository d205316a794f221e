"""Write and read the plan-form book (ผ.๐๑-ผ.๐๓) of a register, against plain openpyxl on the same cells.

Builds a register of N local projects (default 5,000: a large municipality's
five-year plan holds about 1,200) with ``bench_register.build`` and a fixed
seed, and measures, each the best of ``--runs`` runs:

- ``register_xlsx``: the book with its forms, sections, totals, styles and data
  sheet;
- the baseline: openpyxl writing the same project rows (the eight form columns
  and the five years, the same text and numbers) to one sheet without styles,
  merges or a data sheet: the floor of any xlsx writer built on openpyxl;
- ``read_register_xlsx`` of the book, against ``openpyxl.load_workbook`` of the
  same bytes (the floor of reading it), and the same with the data sheet
  removed (the book read from its cells alone, as a book typed by hand is).

The ratios are thaiplan's time over the baseline's, measured in the same run.

Run from the repository root::

    python benchmarks/bench_forms.py                 # 5,000 projects
    python benchmarks/bench_forms.py --projects 1000 --runs 1
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import openpyxl

import thaiplan
from thaiplan.io._forms_layout import cell_values

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_register import YEARS, best, build


def plain_book(register: thaiplan.ProjectRegister) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for project in register:
        values = cell_values(project, 1, "thai")
        by_year = project.budget_by_year()
        sheet.append(
            [
                values["item"],
                values["title"],
                values["objectives"],
                values["target"],
                *(int(by_year[year]) if year in by_year else "-" for year in YEARS),
                values["indicators"],
                values["expected_results"],
                values["responsible"],
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    register = build(args.projects, args.seed)
    print(f"{len(register):,} projects, budget years {YEARS[0]}-{YEARS[-1]}, best of {args.runs}")

    write, data = best(lambda: thaiplan.register_xlsx(register), args.runs)
    floor, plain = best(lambda: plain_book(register), args.runs)
    print(f"register_xlsx          {write:8.2f} s   {len(data) / 2**20:6.1f} MiB")
    print(f"openpyxl, plain rows   {floor:8.2f} s   {len(plain) / 2**20:6.1f} MiB")
    print(f"  ratio                {write / floor:8.2f}")

    read, back = best(lambda: thaiplan.read_register_xlsx(data), args.runs)
    load, _ = best(lambda: openpyxl.load_workbook(io.BytesIO(data)), args.runs)
    assert back == register, "the book did not read back to the register"
    print(f"read_register_xlsx     {read:8.2f} s")
    print(f"openpyxl.load_workbook {load:8.2f} s")
    print(f"  ratio                {read / load:8.2f}")

    book = openpyxl.load_workbook(io.BytesIO(data))
    del book["ข้อมูล"]
    buffer = io.BytesIO()
    book.save(buffer)
    cells_only = buffer.getvalue()
    hand, hand_back = best(lambda: thaiplan.read_register_xlsx(cells_only), args.runs)
    hand_load, _ = best(lambda: openpyxl.load_workbook(io.BytesIO(cells_only)), args.runs)
    print(f"read, cells alone      {hand:8.2f} s   ({len(hand_back):,} projects)")
    print(f"openpyxl.load_workbook {hand_load:8.2f} s")
    print(f"  ratio                {hand / hand_load:8.2f}")


if __name__ == "__main__":
    main()
