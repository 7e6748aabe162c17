"""indikator: health and care indicators for a Swedish region, over polars.

Counts, crude rates, proportions, means, directly and indirectly
standardised rates, each with confidence intervals computed the way the
reference implementation (PHEindicatormethods) computes them.

>>> import polars as pl, indikator as ik
>>> df = pl.DataFrame({"kommun": ["2380", "2309"], "x": [9, 4], "n": [64_000, 19_000]})
>>> ik.rate(df, "x", "n", by="kommun", confidence=(0.95, 0.998)).columns[:6]
['kommun', 'numerator', 'denominator', 'value', 'lower_95', 'upper_95']
"""

from . import continuity, drugs, expr, funnel, io, mortality, plot, readmission, sip, waits
from ._assess import Assessment, Period, Target, assess, compare, ratings_by_perspective, trend
from ._disclosure import SUPPRESSED_SYMBOL, suppress, suppression_audit
from ._indikator import (
    AgeBandError,
    ArgumentError,
    CatalogError,
    ColumnNotFoundError,
    ComputeError,
    DataError,
    DtypeError,
    FileError,
    IndikatorError,
    __version__,
)
from ._inequality import difference, life_expectancy, quantiles, sii
from ._report import Catalog, Report
from ._stats import count, dsr, isr, isratio, mean, proportion, rate, standard_population

__all__ = [
    "AgeBandError",
    "Assessment",
    "Period",
    "Target",
    "ArgumentError",
    "Catalog",
    "CatalogError",
    "ColumnNotFoundError",
    "ComputeError",
    "DataError",
    "DtypeError",
    "FileError",
    "IndikatorError",
    "SUPPRESSED_SYMBOL",
    "__version__",
    "assess",
    "compare",
    "continuity",
    "count",
    "difference",
    "drugs",
    "dsr",
    "expr",
    "funnel",
    "io",
    "isr",
    "isratio",
    "life_expectancy",
    "mean",
    "mortality",
    "plot",
    "proportion",
    "quantiles",
    "rate",
    "readmission",
    "ratings_by_perspective",
    "Report",
    "sii",
    "sip",
    "standard_population",
    "suppress",
    "suppression_audit",
    "trend",
    "waits",
]
