"""Type stubs for the native module ``indikator._indikator`` (hand-written).

The public API is the typed wrappers in :mod:`indikator`; these functions take
a collected DataFrame and one options object whose shape is typed in
:mod:`indikator._options` (``by`` as a list, every key given). A build with
the ``test-hooks`` feature (``make develop``) also has ``_force_panic()``,
for the tests of the panic path; a wheel never has it.
"""

import datetime
from collections.abc import Mapping, Sequence
from typing import Optional, Union, final

import polars as pl

from ._options import (
    BenchmarkOptions,
    ContinuityOptions,
    CountOptions,
    DifferenceOptions,
    DrugOptions,
    DsrOptions,
    FractionOptions,
    FunnelOptions,
    IsrOptions,
    LifeExpectancyOptions,
    MeanOptions,
    MonthsOptions,
    MortalityOptions,
    PreviousOptions,
    QuantileOptions,
    ReadmissionOptions,
    ReportingRateOptions,
    RollingOptions,
    RunOptions,
    SiiOptions,
    SipOptions,
    SuppressionOptions,
    TrendOptions,
    WaitsOptions,
)

__version__: str

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

def count(data: pl.DataFrame, options: CountOptions) -> pl.DataFrame: ...
def rate(data: pl.DataFrame, options: FractionOptions) -> pl.DataFrame: ...
def proportion(data: pl.DataFrame, options: FractionOptions) -> pl.DataFrame: ...
def mean(data: pl.DataFrame, options: MeanOptions) -> pl.DataFrame: ...
def dsr(data: pl.DataFrame, options: DsrOptions) -> pl.DataFrame: ...
def isr(data: pl.DataFrame, options: IsrOptions) -> pl.DataFrame: ...
def standard_population(name: str) -> pl.DataFrame: ...
def life_expectancy(data: pl.DataFrame, options: LifeExpectancyOptions) -> pl.DataFrame: ...
def sii(data: pl.DataFrame, options: SiiOptions) -> pl.DataFrame: ...
def quantiles(data: pl.DataFrame, options: QuantileOptions) -> pl.DataFrame: ...
def difference(table: pl.DataFrame, options: DifferenceOptions) -> pl.DataFrame: ...
def suppress(tables: list[pl.DataFrame], options: SuppressionOptions) -> list[pl.DataFrame]: ...
def suppression_audit(tables: list[pl.DataFrame], options: SuppressionOptions) -> list[pl.DataFrame]: ...
def compare_benchmark(table: pl.DataFrame, options: BenchmarkOptions) -> pl.DataFrame: ...
def compare_previous(table: pl.DataFrame, previous: pl.DataFrame, options: PreviousOptions) -> pl.DataFrame: ...
def trend(series: pl.DataFrame, options: TrendOptions) -> pl.DataFrame: ...
def assess(table: pl.DataFrame, target: Target) -> pl.DataFrame: ...
def assess_units(table: pl.DataFrame, unit: str, target: Target) -> Assessment: ...
def ratings_by_perspective(table: pl.DataFrame) -> pl.DataFrame: ...
def funnel_limits(data: pl.DataFrame, options: FunnelOptions) -> pl.DataFrame: ...
def funnel_significance(data: pl.DataFrame, options: FunnelOptions) -> pl.DataFrame: ...
def funnel_points(data: pl.DataFrame, options: FunnelOptions) -> pl.DataFrame: ...
def continuity_patients(visits: pl.DataFrame, listings: pl.DataFrame, options: ContinuityOptions) -> pl.DataFrame: ...
def continuity_summary(visits: pl.DataFrame, listings: pl.DataFrame, options: ContinuityOptions) -> pl.DataFrame: ...
def continuity_quality(visits: pl.DataFrame, listings: pl.DataFrame, options: ContinuityOptions) -> pl.DataFrame: ...
def continuity_rolling(visits: pl.DataFrame, listings: pl.DataFrame, options: RollingOptions) -> pl.DataFrame: ...
def waits_fulfilment(records: pl.DataFrame, options: WaitsOptions) -> pl.DataFrame: ...
def waits_distribution(records: pl.DataFrame, options: WaitsOptions) -> pl.DataFrame: ...
def waits_summary(records: pl.DataFrame, options: WaitsOptions) -> pl.DataFrame: ...
def waits_quality(records: pl.DataFrame, options: WaitsOptions) -> pl.DataFrame: ...
def summarise_months(monthly: pl.DataFrame, options: MonthsOptions) -> pl.DataFrame: ...
def reporting_rate(reports: pl.DataFrame, options: ReportingRateOptions) -> pl.DataFrame: ...
def readmission_share(stays: pl.DataFrame, options: ReadmissionOptions) -> pl.DataFrame: ...
def readmission_stays(stays: pl.DataFrame, options: ReadmissionOptions) -> pl.DataFrame: ...
def readmission_quality(stays: pl.DataFrame, options: ReadmissionOptions) -> pl.DataFrame: ...
def sip_counts(plans: pl.DataFrame, options: SipOptions) -> pl.DataFrame: ...
def sip_change(plans: pl.DataFrame, options: SipOptions) -> pl.DataFrame: ...
def sip_quality(plans: pl.DataFrame, options: SipOptions) -> pl.DataFrame: ...
def mortality_rates(deaths: pl.DataFrame, population: pl.DataFrame, options: MortalityOptions) -> pl.DataFrame: ...
def mortality_quality(deaths: pl.DataFrame, population: pl.DataFrame, options: MortalityOptions) -> pl.DataFrame: ...
def drugs_share(dispensings: pl.DataFrame, population: pl.DataFrame, options: DrugOptions) -> pl.DataFrame: ...
def drugs_quality(dispensings: pl.DataFrame, options: DrugOptions) -> pl.DataFrame: ...

@final
class Period:
    """A reporting period, parsed from a Swedish ("T2 2017", "jan–aug 2024",
    "2011–2015") or ISO-like ("2017-T2", "2024-delar") form; printed in Swedish.

    >>> import indikator as ik
    >>> p = ik.Period("2024-delar")
    >>> str(p), p.iso, str(p.end), str(p.previous_year())
    ('jan–aug 2024', '2024-delar', '2024-08-31', 'jan–aug 2023')
    """

    def __new__(cls, text: str) -> Period: ...
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
    def __lt__(self, other: Period, /) -> bool: ...
    def __le__(self, other: Period, /) -> bool: ...
    def __gt__(self, other: Period, /) -> bool: ...
    def __ge__(self, other: Period, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
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

@final
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
    def months(at_least: int, of: int, direction: str, *, from_month: Optional[int] = None) -> Target:
        """A significant ``direction`` ("increase"/"decrease") against the same month last year
        in at least ``at_least`` of the latest ``of`` months, or of the ``of`` months from the
        calendar month ``from_month`` ("april–september": ``from_month=4``, ``of=6``). Rate a
        monthly result table with :func:`indikator.assess`."""
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

@final
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
    @property
    def success_factor_ids(self) -> list[str]: ...
    @property
    def measure_ids(self) -> list[str]: ...
    def check(self, data: str) -> list[str]: ...
    def run(self, options: RunOptions) -> _Report: ...
    def template(self, period: str, path: str) -> None: ...

@final
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
    @property
    def success_factors(self) -> pl.DataFrame: ...
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
def io_read_px(path: str, language: str | None = None) -> tuple[pl.DataFrame, str]: ...
def io_read_jsonstat(path: str) -> tuple[pl.DataFrame, str]: ...
def io_read_px_bytes(data: bytes, name: str, language: str | None = None) -> tuple[pl.DataFrame, str]: ...
def io_read_jsonstat_str(text: str, name: str) -> tuple[pl.DataFrame, str]: ...
def io_read_kolada_str(text: str, name: str) -> pl.DataFrame: ...
def io_read_kolada(paths: list[str]) -> pl.DataFrame: ...
def io_harmonise(frame: pl.DataFrame, value: str) -> pl.DataFrame: ...
def io_areas() -> pl.DataFrame: ...
