"""Small-number suppression for any table the library returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Optional

import polars as pl

from . import _indikator as _rs
from ._frames import FrameLike, as_frame, as_list

#: What a report shows in place of a masked value.
SUPPRESSED_SYMBOL: str = _rs.SUPPRESSED_SYMBOL


def suppress(
    table: FrameLike,
    threshold: float = 5,
    *,
    counts: Optional[Sequence[str]] = None,
    totals: Optional[Mapping[str, str]] = None,
    keys: Optional[Sequence[str]] = None,
    also: Optional[Sequence[str]] = None,
) -> pl.DataFrame:
    """Mask small counts, what is built on them, and what would reveal them.

    Primary suppression masks every row with a count greater than 0 and
    below ``threshold`` in any of the ``counts`` columns (zero is published),
    together with the values and limits computed from it. Secondary
    suppression masks further rows where the table holds ``totals``, so that
    no masked value can be recomputed by subtracting published cells from a
    published total. Masked values are null; a column ``suppressed`` says
    ``"none"``, ``"primary"`` or ``"secondary"``. Applying it twice changes nothing.

    Parameters
    ----------
    table : polars.DataFrame or polars.LazyFrame
        Any output of this library, or a plain table of counts.
    threshold : float, default 5
        Counts from 1 up to below this are masked.
    counts : list of str, optional
        Count columns to test; default ``numerator`` and ``denominator``.
    totals : dict of str to str, optional
        Key column → label of its total category, e.g. ``{"sex": "Totalt"}``.
    keys : list of str, optional
        All key columns of the table (default: the columns in ``totals``).
    also : list of str, optional
        Further columns to mask with a row (``value`` and the limits are masked already).

    Examples
    --------
    >>> import polars as pl, indikator as ik
    >>> t = pl.DataFrame({"sex": ["kvinnor", "män", "Totalt"], "numerator": [3, 12, 15]})
    >>> ik.suppress(t, totals={"sex": "Totalt"})["suppressed"].to_list()
    ['primary', 'secondary', 'none']
    """
    frame = as_frame(table, "table")
    pairs = [(str(k), str(v)) for k, v in (totals or {}).items()]
    return _rs.suppress(frame, float(threshold), as_list(counts, "counts"), as_list(also, "also"), pairs, as_list(keys, "keys"))
