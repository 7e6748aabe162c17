"""Bring the caller's frame to a polars DataFrame of just the needed columns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Union

import polars as pl

from ._indikator import ArgumentError, ColumnNotFoundError

FrameLike = Union[pl.DataFrame, pl.LazyFrame]


#: Roles whose column may be left out (``None``).
_OPTIONAL = frozenset({"count", "period to pool", "event frequency"})


ColumnsLike = Union[str, pl.Expr, Sequence[Union[str, pl.Expr]], None]


def column_name(name: object, argument: str, *, role: str | None = None) -> str:
    """A column's name from a string or a plain column expression (``pl.col("kommun")``).

    Errors name ``argument`` (or, with ``role``, "the {role} column")."""
    where = f"argument for the {role} column" if role else f"argument `{argument}`"
    if isinstance(name, str):
        return name
    if isinstance(name, pl.Expr):
        if name.meta.is_column() or name.meta.is_column_selection() and len(name.meta.root_names()) == 1:
            return name.meta.output_name()
        raise ArgumentError(f"{where}: an expression must name one column, such as pl.col(\"kommun\"); got {name}")
    raise ArgumentError(f"{where}: column names must be strings or pl.col(...); got {name!r}")


def as_list(by: ColumnsLike, argument: str = "by") -> list[str]:
    """Normalise a column name, a ``pl.col(...)`` or a list of them to a list of names."""
    if by is None:
        return []
    if isinstance(by, (str, pl.Expr)):
        return [column_name(by, argument)]
    if not isinstance(by, (list, tuple)):
        raise ArgumentError(
            f"argument `{argument}`: give a column name or a list of names; got {by!r}"
        )
    return [column_name(name, argument) for name in by]


def _foreign(data: object, argument: str) -> None:
    """A clear error for the frames of other libraries, naming the conversion."""
    module = type(data).__module__.split(".")[0]
    convert = {"pandas": "pl.from_pandas(df)", "pyarrow": "pl.from_arrow(table)", "numpy": "pl.DataFrame(array)"}
    if module in convert:
        raise ArgumentError(
            f"argument `{argument}`: must be a polars DataFrame or LazyFrame; got a {module} "
            f"{type(data).__name__}: convert it first with {convert[module]}"
        )
    raise ArgumentError(
        f"argument `{argument}`: must be a polars DataFrame or LazyFrame; got {type(data).__name__}"
    )


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
    _foreign(data, argument)


def collect(
    data: FrameLike, columns: Iterable[tuple[str | None, str]], argument: str = "data"
) -> pl.DataFrame:
    """Select the needed columns (so a LazyFrame reads only those) and collect.

    ``columns`` are ``(name, role)`` pairs; a ``None`` name is skipped for
    the optional roles and an error for the others.
    """
    if not isinstance(data, (pl.DataFrame, pl.LazyFrame)):
        _foreign(data, argument)
    pairs = [(c, role) for c, role in columns if c is not None or role not in _OPTIONAL]
    pairs = [(column_name(name, role, role=role), role) for name, role in pairs]
    wanted = list(dict.fromkeys(c for c, _ in pairs))
    schema = data.collect_schema() if isinstance(data, pl.LazyFrame) else data.schema
    for name, role in pairs:
        if name not in schema:
            raise ColumnNotFoundError(
                f"column `{name}` ({role}) not found; the frame has: {', '.join(schema.names())}"
            )
    return as_frame(data.select(wanted), argument)
