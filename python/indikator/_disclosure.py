"""Small-number suppression for any table the library returns, and its audit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Optional, Union, overload

import polars as pl

from . import _indikator as _rs
from ._frames import FrameLike, as_frame, as_list
from ._indikator import ArgumentError
from ._options import SuppressionOptions

#: What a report shows in place of a masked value.
SUPPRESSED_SYMBOL: str = _rs.SUPPRESSED_SYMBOL

#: A total label, or a hierarchy as {label: parent label}.
Totals = Union[str, Mapping[str, str]]


def _options(
    threshold: float,
    counts: Optional[Sequence[str]],
    totals: Optional[Mapping[str, Totals]],
    keys: Optional[Sequence[str]],
    also: Optional[Sequence[str]],
) -> SuppressionOptions:
    """The one options object the native functions take."""
    if totals is not None and not isinstance(totals, Mapping):
        raise ArgumentError(
            f"argument `totals`: give a dict of key column to total label (or to a dict of label to parent); "
            f"got {totals!r}"
        )
    pairs: list = []
    for column, spec in (totals or {}).items():
        if isinstance(spec, str):
            pairs.append((str(column), spec))
        elif isinstance(spec, Mapping) and all(isinstance(k, str) and isinstance(v, str) for k, v in spec.items()):
            pairs.append((str(column), [(k, v) for k, v in spec.items()]))
        else:
            raise ArgumentError(
                f"argument `totals`: the totals of `{column}` must be a label or a dict of label to parent label; "
                f"got {spec!r}"
            )
    return {
        "threshold": float(threshold),
        "counts": as_list(counts, "counts"),
        "also": as_list(also, "also"),
        "totals": pairs,
        "keys": as_list(keys, "keys"),
    }


def _frames(table: Union[FrameLike, Sequence[FrameLike]]) -> tuple[list[pl.DataFrame], bool]:
    if isinstance(table, (list, tuple)):
        if not table:
            raise ArgumentError("argument `table`: give a table or a non-empty list of tables; got []")
        return [as_frame(t, "table") for t in table], True
    return [as_frame(table, "table")], False


@overload
def suppress(
    table: FrameLike,
    threshold: float = ...,
    *,
    counts: Optional[Sequence[str]] = ...,
    totals: Optional[Mapping[str, Totals]] = ...,
    keys: Optional[Sequence[str]] = ...,
    also: Optional[Sequence[str]] = ...,
) -> pl.DataFrame: ...
@overload
def suppress(
    table: Sequence[FrameLike],
    threshold: float = ...,
    *,
    counts: Optional[Sequence[str]] = ...,
    totals: Optional[Mapping[str, Totals]] = ...,
    keys: Optional[Sequence[str]] = ...,
    also: Optional[Sequence[str]] = ...,
) -> list[pl.DataFrame]: ...
def suppress(
    table: Union[FrameLike, Sequence[FrameLike]],
    threshold: float = 5,
    *,
    counts: Optional[Sequence[str]] = None,
    totals: Optional[Mapping[str, Totals]] = None,
    keys: Optional[Sequence[str]] = None,
    also: Optional[Sequence[str]] = None,
) -> Union[pl.DataFrame, list[pl.DataFrame]]:
    """Mask small counts, what is built on them, and what would reveal them.

    Primary suppression masks every row with a count greater than 0 and
    below ``threshold`` in any of the ``counts`` columns (zero is published),
    together with the values and limits computed from it. Where the table
    holds ``totals``, further rows are masked until the audit of
    :func:`suppression_audit` passes: no masked count can be narrowed to one
    value, no primary count shown to be small, by a reader who solves linear
    programmes over the published cells and totals (and reads the
    ``suppressed`` flags); no line with a published total has masked members
    adding up to a small count. Masked values are null; a column
    ``suppressed`` says ``"none"``, ``"primary"`` or ``"secondary"``.
    Applying it twice changes nothing.

    Parameters
    ----------
    table : polars.DataFrame or polars.LazyFrame, or a list of them
        Any output of this library, or a plain table of counts. A list is
        protected as one structure: tables published together (a table by
        kommun and one by sex, each with the region's total). A table
        without one of the ``totals`` columns stands at that total, so the
        region's row is one cell, masked in every table or in none. Returns
        a list then.
    threshold : float, default 5
        Counts from 1 up to below this are masked.
    counts : list of str, optional
        Count columns to test; default ``numerator`` and ``denominator``.
        The first is the one the flags speak of.
    totals : dict, optional
        Key column → label of its total category, e.g. ``{"sex": "Totalt"}``,
        or → a hierarchy ``{label: parent label}``, e.g. kommun → område →
        region. Unknown columns and labels are errors listing what exists.
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
    frames, many = _frames(table)
    out = _rs.suppress(frames, _options(threshold, counts, totals, keys, also))
    return out if many else out[0]


@overload
def suppression_audit(
    table: FrameLike,
    threshold: float = ...,
    *,
    counts: Optional[Sequence[str]] = ...,
    totals: Optional[Mapping[str, Totals]] = ...,
    keys: Optional[Sequence[str]] = ...,
) -> pl.DataFrame: ...
@overload
def suppression_audit(
    table: Sequence[FrameLike],
    threshold: float = ...,
    *,
    counts: Optional[Sequence[str]] = ...,
    totals: Optional[Mapping[str, Totals]] = ...,
    keys: Optional[Sequence[str]] = ...,
) -> list[pl.DataFrame]: ...
def suppression_audit(
    table: Union[FrameLike, Sequence[FrameLike]],
    threshold: float = 5,
    *,
    counts: Optional[Sequence[str]] = None,
    totals: Optional[Mapping[str, Totals]] = None,
    keys: Optional[Sequence[str]] = None,
) -> Union[pl.DataFrame, list[pl.DataFrame]]:
    """What a reader with a linear-programming solver derives from a published table.

    For each masked cell, the smallest and largest value its first count
    can take in any table that agrees with the published cells and totals
    (one linear programme each), for a reader of the table alone and for
    one who also reads the ``suppressed`` flags (a primary count is from 1
    to ``threshold`` − 1, a secondary one at least ``threshold``; a cell
    flagged ``"masked"``, as the report publishes it, tells nothing of its
    kind and is held to the rule of a primary cell). Bounds
    are whole numbers when the counts are; ``inf`` where nothing bounds a
    cell above. The cells masked are those the ``suppressed`` column says;
    a table without one is audited as primary suppression alone would
    leave it.

    Parameters
    ----------
    table : polars.DataFrame or polars.LazyFrame, or a list of them
        A published table (the output of :func:`suppress`), or tables
        published together (see :func:`suppress`). Returns a list then.
    threshold, counts, totals, keys
        As for :func:`suppress`.

    Returns
    -------
    polars.DataFrame
        The table with ``suppressed``; ``audit_lower``, ``audit_upper`` (from
        the table alone) and ``audit_lower_flags``, ``audit_upper_flags``
        (with the flags), null where published; ``audit_passed``; and
        ``audit_findings``, the rules broken in words, null when none:
        *small* (a primary count shown to be from 1 to ``threshold`` − 1),
        *pinned* (a masked count narrowed to one value), *small sum* (at a
        published total whose masked members add up to a small count),
        *contradiction* (no table agrees with the flags), *published small
        count*.

    Examples
    --------
    Two masked cells in a line whose published total is 8: with the flags,
    each is exactly 4.

    >>> import polars as pl, indikator as ik
    >>> t = pl.DataFrame({"sex": ["kvinnor", "män", "Totalt"], "numerator": [4, 4, 8]})
    >>> a = ik.suppression_audit(t, totals={"sex": "Totalt"})
    >>> a.select("audit_lower_flags", "audit_upper_flags", "audit_passed").row(0)
    (4.0, 4.0, False)
    >>> ik.suppression_audit(ik.suppress(t, totals={"sex": "Totalt"}), totals={"sex": "Totalt"})["audit_passed"].all()
    True
    """
    frames, many = _frames(table)
    out = _rs.suppression_audit(frames, _options(threshold, counts, totals, keys, None))
    return out if many else out[0]
