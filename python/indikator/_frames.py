"""Bring the caller's frame to a polars DataFrame of just the needed columns."""

from __future__ import annotations

from typing import Iterable, Sequence, Union

import polars as pl

from ._indikator import ArgumentError, ColumnNotFoundError

FrameLike = Union[pl.DataFrame, pl.LazyFrame]


#: Roles whose column may be left out (``None``).
_OPTIONAL = frozenset({"count", "period to pool", "event frequency"})


def as_list(by: str | Sequence[str] | None, argument: str = "by") -> list[str]:
    """Normalise a column name or a list of names to a list."""
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    if not isinstance(by, (list, tuple)):
        raise ArgumentError(
            f"argument `{argument}`: give a column name or a list of names; got {by!r}"
        )
    names = list(by)
    for name in names:
        if not isinstance(name, str):
            raise ArgumentError(
                f"argument `{argument}`: column names must be strings; got {name!r}"
            )
    return names


def _portable(frame: pl.DataFrame) -> pl.DataFrame:
    """Cast the dtypes the Rust core is not built for to their plain forms:
    categoricals and enums to strings, decimals to floats, 8- and 16-bit
    integers to 64-bit ones. Values are unchanged."""
    casts = {}
    for name, dtype in frame.schema.items():
        if isinstance(dtype, (pl.Categorical, pl.Enum)):
            casts[name] = pl.String
        elif isinstance(dtype, pl.Decimal):
            casts[name] = pl.Float64
        elif dtype in (pl.Int8, pl.Int16, pl.UInt8, pl.UInt16):
            casts[name] = pl.Int64
    return frame.cast(casts) if casts else frame


def as_frame(data: FrameLike, argument: str = "data") -> pl.DataFrame:
    """A DataFrame from a DataFrame or LazyFrame (collected), or a clear error."""
    if isinstance(data, pl.LazyFrame):
        return _portable(data.collect())
    if isinstance(data, pl.DataFrame):
        return _portable(data)
    raise ArgumentError(
        f"argument `{argument}`: must be a polars DataFrame or LazyFrame; got {type(data).__name__}"
    )


def collect(
    data: FrameLike, columns: Iterable[tuple[str | None, str]], argument: str = "data"
) -> pl.DataFrame:
    """Select the needed columns (so a LazyFrame reads only those) and collect.

    ``columns`` are ``(name, role)`` pairs; a ``None`` name is skipped for
    the optional roles and an error for the others.
    """
    if not isinstance(data, (pl.DataFrame, pl.LazyFrame)):
        raise ArgumentError(
            f"argument `{argument}`: must be a polars DataFrame or LazyFrame; "
            f"got {type(data).__name__}"
        )
    pairs = [(c, role) for c, role in columns if c is not None or role not in _OPTIONAL]
    for name, role in pairs:
        if not isinstance(name, str):
            raise ArgumentError(f"argument for the {role} column: a column name must be a string; got {name!r}")
    wanted = list(dict.fromkeys(c for c, _ in pairs))
    schema = data.collect_schema() if isinstance(data, pl.LazyFrame) else data.schema
    for name, role in pairs:
        if name not in schema:
            raise ColumnNotFoundError(
                f"column `{name}` ({role}) not found; the frame has: {', '.join(schema.names())}"
            )
    return as_frame(data.select(wanted), argument)
