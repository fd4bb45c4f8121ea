"""The place index: built once from GeoNames data shipped on PyPI and geoBoundaries' administrative units,
queried from SQLite on disk.

Place data: GeoNames (https://www.geonames.org) and geoBoundaries (https://www.geoboundaries.org), CC BY 4.0.
"""

from eventwire.gazetteer.build import PLACE_CREDIT
from eventwire.gazetteer.index import Candidate, Gazetteer, open_gazetteer

GEONAMES_CREDIT = PLACE_CREDIT  # its name before the credit named geoBoundaries too

__all__ = ["GEONAMES_CREDIT", "PLACE_CREDIT", "Candidate", "Gazetteer", "open_gazetteer"]
