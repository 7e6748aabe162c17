"""Reading the statistics the region starts from: the population from SCB's
statistical database (PxWeb) as PC-Axis files or JSON-stat, and comparison
values from Kolada, each into a polars frame the rest of the library reads.

``read_px`` and ``read_jsonstat`` give a ``StatTable``: the tidy frame (per
dimension a column of codes named after it and one of labels, ``<name>_label``;
then ``value`` and ``status``, the dots code of a missing value — null, never
zero) and the table's metadata (title, unit, source, last updated, encoding,
notes…). ``StatTable.harmonise`` (or ``harmonise``) turns SCB's dimensions
into the library's columns (``year``, ``kommun``, ``sex``, ``age``) for
``ik.mortality.rates`` and ``ik.rate``. ``read_kolada`` gives Kolada's
values (``kpi``, ``municipality``, ``municipality_name``, ``period``,
``gender``, ``value``, ``count``…) for ``ik.compare``; ``areas`` is the
region's kommun codes and names, the county's and riket's. ``fetch_pxweb``
and ``fetch_kolada`` download them (with the standard library; timeouts,
retries, ``FetchError``), and can keep the answer as a file.

Errors are ``FileError`` naming the file, the line and the key (the PX
keyword or the JSON path) and the value seen.

>>> import indikator as ik
>>> ik.io.areas().filter(level="län").row(0)
('23', '0023', 'Jämtlands län', 'län')
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Optional, Union

import polars as pl

from . import _indikator as _rs
from ._fetch import KOLADA_API, FetchError, fetch_kolada, fetch_pxweb

__all__ = [
    "KOLADA_API",
    "FetchError",
    "StatTable",
    "areas",
    "fetch_kolada",
    "fetch_pxweb",
    "harmonise",
    "read_jsonstat",
    "read_kolada",
    "read_px",
]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class StatTable:
    """A statistical table read from a PC-Axis or JSON-stat file.

    ``frame`` is the tidy frame; ``meta`` what the file says about it:
    ``format``, ``table``, ``title``, ``contents``, ``unit``, ``units``,
    ``source``, ``last_updated``, ``language``, ``encoding``, ``decimals``,
    ``notes``, ``symbols`` (what each dots code means) and ``dimensions``
    (each with ``name``, ``id``, ``role`` and ``size``).
    """

    frame: pl.DataFrame
    meta: dict[str, Any]

    def harmonise(self, value: str) -> pl.DataFrame:
        """The frame in the library's columns, its values named ``value``
        (``"population"``); see ``harmonise``."""
        return harmonise(self.frame, value)


def read_px(path: PathLike, *, language: Optional[str] = None) -> StatTable:
    """Read a PC-Axis (``.px``) file as SCB's database downloads it.

    The encoding is the file's ``CODEPAGE`` (windows-1252, ISO-8859-1,
    UTF-8); ``language`` picks the labels of a file with several
    (``"en"`` reads ``VALUES[en]``), by default the file's own. ``value`` is
    an integer when the file declares no decimals and every value is whole.
    """
    frame, meta = _rs.io_read_px(os.fspath(path), language)
    return StatTable(frame, json.loads(meta))


def read_jsonstat(path: PathLike) -> StatTable:
    """Read a JSON-stat 2.0 dataset (what PxWeb's API returns), or the
    first dataset of a JSON-stat 1.0 bundle."""
    frame, meta = _rs.io_read_jsonstat(os.fspath(path))
    return StatTable(frame, json.loads(meta))


def read_kolada(*paths: PathLike) -> pl.DataFrame:
    """Read Kolada's answers saved as files (one answer, its entries, or
    the pages of a paged answer saved as a JSON array) into one frame, a
    row per KPI, municipality, period and gender."""
    if not paths:
        raise _rs.ArgumentError("argument `paths`: at least one Kolada file; got none")
    return _rs.io_read_kolada([os.fspath(p) for p in paths])


def harmonise(frame: pl.DataFrame, value: str) -> pl.DataFrame:
    """A frame of ``read_px`` or ``read_jsonstat`` in the library's columns,
    its values named ``value``: the time as ``year`` (or ``period`` when
    not whole years), the region as ``kommun`` (SCB's code), ``kommun_name``
    and ``level``, the sex as ``sex`` (``K``/``M``), the age as ``age``
    (whole years, "100+ år" being 100 with ``open`` true, or the bands
    "15-19", "90+"). A total of the sex or the age is left out when the
    dimension has other categories; ``status`` stays."""
    return _rs.io_harmonise(frame, value)


def areas() -> pl.DataFrame:
    """The region's areas: ``kommun`` (SCB's code), ``kolada`` (Kolada's
    id), ``name`` and ``level`` (``riket``, ``län``, ``kommun``)."""
    return _rs.io_areas()
