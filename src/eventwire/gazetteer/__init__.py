"""The place index: built once from GeoNames data shipped on PyPI, queried from SQLite on disk.

Place data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""

from eventwire.gazetteer.index import GEONAMES_CREDIT, Candidate, Gazetteer, open_gazetteer

__all__ = ["GEONAMES_CREDIT", "Candidate", "Gazetteer", "open_gazetteer"]
