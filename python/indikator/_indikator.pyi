"""Type stubs for the native module ``indikator._indikator`` (hand-written).

The public API is the typed wrappers in :mod:`indikator`; these functions take
already-normalised arguments (``by`` as a list, a collected DataFrame).
"""

from typing import Optional, Sequence, Union

import polars as pl

__version__: str

_Confidence = Union[float, str, Sequence[float]]

class IndikatorError(ValueError):
    """Base class of every error raised by indikator (a ValueError)."""

class ColumnNotFoundError(IndikatorError):
    """A column named in the call is not in the frame."""

class DtypeError(IndikatorError):
    """A column has a data type the statistic cannot use."""

class DataError(IndikatorError):
    """A value in the data breaks a rule of the statistic."""

class ArgumentError(IndikatorError):
    """An argument is outside the values the function accepts."""

class AgeBandError(IndikatorError):
    """Age bands of the data and of a standard or reference population do not match."""

class ComputeError(IndikatorError):
    """polars failed while computing, or an internal error was caught."""

def count(
    data: pl.DataFrame, column: Optional[str], by: list[str], confidence: _Confidence, output: str,
    pool: Optional[str], pool_method: str,
) -> pl.DataFrame: ...
def rate(
    data: pl.DataFrame, x: str, n: str, by: list[str], multiplier: float, confidence: _Confidence, output: str,
    pool: Optional[str], pool_method: str,
) -> pl.DataFrame: ...
def proportion(
    data: pl.DataFrame, x: str, n: str, by: list[str], multiplier: float, confidence: _Confidence, output: str,
    pool: Optional[str], pool_method: str,
) -> pl.DataFrame: ...
def mean(
    data: pl.DataFrame, values: str, by: list[str], confidence: _Confidence, output: str,
    pool: Optional[str], pool_method: str,
) -> pl.DataFrame: ...
def dsr(
    data: pl.DataFrame, x: str, n: str, age_band: str, standard: Union[str, pl.DataFrame], by: list[str], multiplier: float,
    confidence: _Confidence, output: str, pool: Optional[str], pool_method: str, frequency: Optional[str],
    missing_as_zero: bool,
) -> pl.DataFrame: ...
def isr(
    data: pl.DataFrame, x: str, n: str, age_band: str, reference: pl.DataFrame, ref_x: str, ref_n: str, ratio: bool,
    by: list[str], multiplier: float, confidence: _Confidence, output: str, pool: Optional[str], pool_method: str,
    observed_totals: Optional[pl.DataFrame], missing_as_zero: bool,
) -> pl.DataFrame: ...
def standard_population(name: str) -> pl.DataFrame: ...
def suppress(
    table: pl.DataFrame, threshold: float, counts: list[str], also: list[str], totals: list[tuple[str, str]],
    keys: list[str],
) -> pl.DataFrame: ...
def _force_panic() -> None: ...

SUPPRESSED_SYMBOL: str
