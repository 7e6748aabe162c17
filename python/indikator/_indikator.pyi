"""Type stubs for the native module ``indikator._indikator`` (hand-written).

The public API is the typed wrappers in :mod:`indikator`; these functions take
already-normalised arguments (``by`` as a list, a collected DataFrame).
"""

import datetime
from typing import Mapping, Optional, Sequence, TypedDict, Union

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

class CatalogError(IndikatorError):
    """A catalogue that cannot be used: TOML syntax, an unknown key, a wrong type or a rule (with line and column)."""

class FileError(IndikatorError):
    """A file that is missing, unreadable, or not in the expected format."""

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
class SuppressionOptions(TypedDict):
    """Every option of suppression and its audit, as one object."""

    threshold: float
    counts: list[str]
    also: list[str]
    totals: list[tuple[str, Union[str, list[tuple[str, str]]]]]
    """Key column → its total's label, or a hierarchy as (label, parent label) pairs."""
    keys: list[str]

def suppress(tables: list[pl.DataFrame], options: SuppressionOptions) -> list[pl.DataFrame]: ...
def suppression_audit(tables: list[pl.DataFrame], options: SuppressionOptions) -> list[pl.DataFrame]: ...
def compare_benchmark(
    table: pl.DataFrame, benchmark_value: Optional[float], benchmark_column: Optional[str],
    benchmark_table: Optional[pl.DataFrame], on: list[str], polarity: str, level: Optional[float],
) -> pl.DataFrame: ...
def compare_previous(
    table: pl.DataFrame, previous: pl.DataFrame, on: list[str], polarity: str, level: Optional[float],
) -> pl.DataFrame: ...
def trend(
    series: pl.DataFrame, time: str, by: list[str], points: int, polarity: str, level: Optional[float],
) -> pl.DataFrame: ...
def assess(table: pl.DataFrame, target: Target) -> pl.DataFrame: ...
def assess_units(table: pl.DataFrame, unit: str, target: Target) -> Assessment: ...
def ratings_by_perspective(table: pl.DataFrame) -> pl.DataFrame: ...
def funnel(
    data: pl.DataFrame, what: str, statistic: str, numerator: str, denominator: Optional[str], rate: Optional[str],
    multiplier: Optional[float], kind: Optional[str], years: Optional[float],
) -> pl.DataFrame: ...
def continuity(
    what: str, visits: pl.DataFrame, listings: pl.DataFrame, end: datetime.date, window_months: int, min_visits: int,
    at_listing_unit: bool, professions: Optional[list[str]], contact_types: Optional[list[str]],
    chronic_patients: Optional[list[str]], chronic_codes: Optional[list[str]], index: str, threshold: float,
    by: list[str], visit_columns: list[str], listing_columns: list[str], first: Optional[datetime.date],
    polarity: str,
) -> pl.DataFrame: ...
def waits(
    what: str, records: pl.DataFrame, measure: str, period: str, snapshots: Optional[list[datetime.date]],
    per: Optional[str], by: list[str], limits: list[tuple[str, int]], exclude_pvv: bool, exclude_mov: bool,
    bins: list[int], as_of: Optional[datetime.date], invalid: str, confidence: _Confidence, columns: list[str],
    pvv: Optional[str], mov: Optional[str],
) -> pl.DataFrame: ...
def summarise_months(monthly: pl.DataFrame, by: list[str], month: str, confidence: _Confidence) -> pl.DataFrame: ...
def reporting_rate(
    reports: pl.DataFrame, unit: str, period: str, expected: list[str], periods: Optional[list[str]], rule: float,
    confidence: _Confidence,
) -> pl.DataFrame: ...
def readmission(
    what: str, stays: pl.DataFrame, period: str, per: Optional[str], by: list[str], min_age: float, days: int,
    acute_only: bool, merge_transfers: bool, died: list[str], as_of: Optional[datetime.date], invalid: str,
    confidence: _Confidence, columns: list[str], discharge_type: Optional[str],
) -> pl.DataFrame: ...
def sip(
    what: str, plans: pl.DataFrame, period: str, per: Optional[str], by: list[str], age_limit: int,
    exclude_statuses: list[str], invalid: str, confidence: _Confidence, columns: list[str],
) -> pl.DataFrame: ...
def mortality(
    what: str, deaths: pl.DataFrame, population: pl.DataFrame, causes: Union[str, list[str]], min_age: Optional[int],
    max_age: Optional[int], by: list[str], years: Optional[tuple[int, int]], window: int, rolling: bool,
    standard: Union[str, pl.DataFrame, None], multiplier: float, confidence: _Confidence, invalid: str,
    death_columns: list[str], population_columns: list[str],
) -> pl.DataFrame: ...
def _force_panic() -> None: ...

class Period:
    """A reporting period, parsed from a Swedish ("T2 2017", "jan–aug 2024",
    "2011–2015") or ISO-like ("2017-T2", "2024-delar") form; printed in Swedish.

    >>> import indikator as ik
    >>> p = ik.Period("2024-delar")
    >>> str(p), p.iso, str(p.end), str(p.previous_year())
    ('jan–aug 2024', '2024-delar', '2024-08-31', 'jan–aug 2023')
    """

    def __init__(self, text: str) -> None: ...
    @property
    def iso(self) -> str:
        """The ISO-like form, e.g. ``"2017-T2"``."""
    @property
    def start(self) -> datetime.date:
        """The first day."""
    @property
    def end(self) -> datetime.date:
        """The last day (inclusive)."""
    def contains(self, day: datetime.date) -> bool:
        """Whether ``day`` falls in the period (both ends included)."""
    def previous_year(self) -> Period:
        """The same period one year earlier."""
    def shift_years(self, years: int) -> Period:
        """The same period ``years`` later (earlier when negative)."""
    def __lt__(self, other: Period) -> bool: ...
    def __le__(self, other: Period) -> bool: ...
    def __gt__(self, other: Period) -> bool: ...
    def __ge__(self, other: Period) -> bool: ...
    def __hash__(self) -> int: ...

class Assessment:
    """The rating of one target: ``rating``, ``rating_sv``, ``colour``, ``rule``, ``missing``."""

    @property
    def rating(self) -> Optional[str]:
        """``"fulfilled"``, ``"partly"``, ``"not fulfilled"``, or None when the value is missing."""
    @property
    def rating_sv(self) -> str:
        """Uppfylld / delvis uppfylld / ej uppfylld, or the reason the value is missing."""
    @property
    def colour(self) -> str:
        """``"green"``, ``"yellow"``, ``"red"`` or ``"grey"``."""
    @property
    def rule(self) -> str:
        """The rule and the outcome in Swedish, e.g. ``"minst 90 % — utfall 84 %"``."""
    @property
    def missing(self) -> Optional[str]:
        """Why the value is missing (``not_reported``, ``not_measurable``, ``not_yet_published``,
        ``measured_at_year_end``, ``suppressed``), or None."""

class Target:
    """A target of the region's plans. Build one with the static methods.

    Two-colour forms (a threshold, a plain direction, yes/no) are fulfilled
    or not; the others can also be partly fulfilled.

    >>> import indikator as ik
    >>> a = ik.Target.at_least(90, unit="%").assess(84)
    >>> a.rating, a.rule
    ('not fulfilled', 'minst 90\xa0% — utfall 84\xa0%')
    >>> ik.Target.relative(-0.5, "2011–2015", deadline=2019).assess(15.0, baseline=21.77).rating
    'partly'
    """

    @staticmethod
    def at_least(value: float, unit: str = "") -> Target:
        """"minst ``value``" (>=); equality fulfils it."""
    @staticmethod
    def at_most(value: float, unit: str = "") -> Target:
        """"högst ``value``" (<=)."""
    @staticmethod
    def above(value: float, unit: str = "") -> Target:
        """"över ``value``" (>)."""
    @staticmethod
    def below(value: float, unit: str = "") -> Target:
        """"under ``value``" (<)."""
    @staticmethod
    def range(green: float, yellow: float, unit: str = "") -> Target:
        """Three colours: green from ``green``, yellow from ``yellow`` (high is good when green > yellow)."""
    @staticmethod
    def increase(*, equal_meets: bool = False, significant: bool = False) -> Target:
        """"ska öka" against the previous period; unchanged does not meet it unless ``equal_meets``;
        with ``significant`` an overlapping change is only partly."""
    @staticmethod
    def decrease(*, equal_meets: bool = False, significant: bool = False) -> Target:
        """"ska minska" against the previous period."""
    @staticmethod
    def relative(change: float, baseline: Union[str, int, Period], deadline: Optional[int] = None, unit: str = "") -> Target:
        """A change against a baseline period: -0.5 halves ("halvera till 2019"), 0.2 is +20 %."""
    @staticmethod
    def every_unit(target: Target) -> Target:
        """Every unit must meet ``target`` (a threshold or range): "90 % i varje kommun"."""
    @staticmethod
    def months(at_least: int, of: int, direction: str) -> Target:
        """A significant ``direction`` ("increase"/"decrease") against the same month last year
        in at least ``at_least`` of the latest ``of`` months."""
    @staticmethod
    def yes_no(expected: bool = True) -> Target:
        """A yes/no question."""
    @staticmethod
    def status() -> Target:
        """Klart (fulfilled) / Pågår (partly) / Ej påbörjat (not)."""
    @staticmethod
    def qualitative() -> Target:
        """The three-level scale for success factors: grön / gul / röd."""
    @property
    def words(self) -> str:
        """The rule in Swedish words."""
    def assess(
        self,
        value: Union[float, str, bool, None] = None,
        *,
        missing: Optional[str] = None,
        previous: Optional[float] = None,
        vs_previous: Optional[str] = None,
        baseline: Optional[float] = None,
        units: Optional[Mapping[str, Optional[float]]] = None,
        months: Optional[Sequence[str]] = None,
    ) -> Assessment:
        """Rate one observation. ``missing`` gives the reason for a missing value; ``previous``,
        ``vs_previous`` ("higher"/"lower"/"similar"), ``baseline``, ``units`` and ``months``
        (comparisons with the same month last year, oldest first) are the context some forms need."""

SUPPRESSED_SYMBOL: str

class _Catalog:
    @staticmethod
    def from_toml(path: str) -> _Catalog: ...
    @staticmethod
    def from_string(text: str) -> _Catalog: ...
    @staticmethod
    def shipped() -> _Catalog: ...
    @property
    def ids(self) -> list[str]: ...
    @property
    def version(self) -> str: ...
    @property
    def title(self) -> str: ...
    def check(self, data: str) -> list[str]: ...
    def run(
        self,
        period: str,
        data: str | None = None,
        benchmarks: str | None = None,
        suppress: bool = True,
        strict: bool = False,
    ) -> _Report: ...

class _Report:
    @property
    def table(self) -> pl.DataFrame: ...
    @property
    def period(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def synthetic(self) -> bool: ...
    @property
    def failures(self) -> list[tuple[str, str]]: ...
    def html(self) -> str: ...
    def notebook_html(self) -> str: ...
    def xlsx(self) -> bytes: ...
    def write(self, out: str) -> list[str]: ...

def svg_trend(
    frame: pl.DataFrame, label: str, title: str, unit: str, decimals: int, target: float | None
) -> str: ...
def svg_by_kommun(
    frame: pl.DataFrame, label: str, title: str, unit: str, decimals: int, riket: float | None
) -> str: ...
def svg_ratings(title: str, fulfilled: int, partly: int, not_fulfilled: int, missing: int) -> str: ...
def cli_main(args: list[str]) -> int: ...
