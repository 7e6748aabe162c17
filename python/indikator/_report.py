"""The main job from Python: a catalogue of indicators, run over a data
directory (by default the embedded synthetic data of the region), giving a
report with its long table, HTML and XLSX.

>>> import indikator as ik
>>> "bup-utredning-30" in ik.Catalog.shipped().ids
True
>>> catalog = ik.Catalog.from_string('''
... [catalog]
... id = "exempel"
... version = "1"
... title = "Exempel"
... region = "Region Jämtland Härjedalen"
...
... [[indicator]]
... id = "sip-barn"
... name_sv = "Upprättade SIP, barn och unga"
... name_en = "Coordinated individual plans, children"
... perspective = "Samhälle"
... responsible = "Hälso- och sjukvårdsnämnden"
... source = "Cosmic LINK"
... polarity = "high_is_good"
... target = { form = "direction", direction = "increase" }
... statistic = { family = "sip", group = "children", exclude_statuses = ["makulerad"] }
... ''')
>>> report = catalog.run(period="2024-delar")  # the embedded synthetic data
>>> report.synthetic, report.failures
(True, [])
>>> report.table.filter(series="period").select("indicator_id", "value", "rating").row(0)
('sip-barn', 147.0, 'not fulfilled')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Union

import polars as pl

from ._indikator import _Catalog, _Report
from ._options import RunOptions

PathLike = Union[str, "os.PathLike[str]"]


class Report:
    """A finished report: the long table, HTML, XLSX, and files on disk."""

    def __init__(self, inner: _Report) -> None:
        self._inner = inner

    @property
    def table(self) -> pl.DataFrame:
        """The long table: one row per indicator, series and group, with provenance."""
        return self._inner.table

    @property
    def period(self) -> str:
        """The report period in Swedish ("jan–aug 2024")."""
        return self._inner.period

    @property
    def title(self) -> str:
        """The catalogue's title."""
        return self._inner.title

    @property
    def synthetic(self) -> bool:
        """Whether the data were the synthetic data of the region."""
        return self._inner.synthetic

    @property
    def failures(self) -> list[tuple[str, str]]:
        """The indicators that could not be computed, with their errors."""
        return self._inner.failures

    @property
    def success_factors(self) -> pl.DataFrame:
        """One row per success factor of the follow-up, rated, in catalogue order:
        perspective, goal, the factor, ``rated`` ("reported" or "derived"), ``rating``
        ("fulfilled", "partly", "not fulfilled" or null), the rule, the comment and the
        number of measures. The pies of the report count these rows."""
        return self._inner.success_factors

    def to_html(self, path: PathLike | None = None) -> str:
        """The self-contained HTML report; written to ``path`` when given."""
        text = self._inner.html()
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_excel(self, path: PathLike) -> Path:
        """Write the XLSX workbook (a sheet per perspective, the long data, provenance)."""
        target = Path(path)
        target.write_bytes(self._inner.xlsx())
        return target

    def write(self, out: PathLike) -> list[Path]:
        """Write HTML, XLSX, Parquet and CSV into the directory ``out``, each file atomically."""
        return [Path(p) for p in self._inner.write(os.fspath(out))]

    def _repr_html_(self) -> str:
        return self._inner.notebook_html()

    def __repr__(self) -> str:
        return repr(self._inner)


class Catalog:
    """A catalogue of indicators read from TOML (unknown keys are an error)."""

    def __init__(self, inner: _Catalog) -> None:
        self._inner = inner

    @classmethod
    def from_toml(cls, path: PathLike) -> Catalog:
        """Read and check a catalogue file; errors carry the line and column."""
        return cls(_Catalog.from_toml(os.fspath(path)))

    @classmethod
    def from_string(cls, text: str) -> Catalog:
        """Parse and check a catalogue from TOML text."""
        return cls(_Catalog.from_string(text))

    @classmethod
    def shipped(cls) -> Catalog:
        """The region's catalogue shipped with the library."""
        return cls(_Catalog.shipped())

    @property
    def ids(self) -> list[str]:
        """The indicator ids, in report order."""
        return self._inner.ids

    @property
    def success_factor_ids(self) -> list[str]:
        """The success factors' ids, in catalogue order."""
        return self._inner.success_factor_ids

    @property
    def measure_ids(self) -> list[str]:
        """The reported measures' ids, in catalogue order."""
        return self._inner.measure_ids

    @property
    def version(self) -> str:
        """The definition version."""
        return self._inner.version

    @property
    def title(self) -> str:
        """The report title."""
        return self._inner.title

    def check(self, data: PathLike) -> list[str]:
        """Problems with the data directory (missing tables or columns); empty when all is well."""
        return self._inner.check(os.fspath(data))

    def run(
        self,
        *,
        period: str,
        data: PathLike | None = None,
        benchmarks: PathLike | None = None,
        reported: PathLike | None = None,
        suppress: bool = True,
        strict: bool = False,
    ) -> Report:
        """Compute every indicator for ``period`` over the tables in ``data``
        (default: the embedded synthetic data of the region, with its synthetic
        reported answers), then rate the success factors from their measures and
        the reported values (``reported``: an XLSX or CSV file in the template's
        form, instead of the catalogue's). A failing indicator is listed in
        ``Report.failures`` unless ``strict``; a reported file with a problem in
        any row is an error naming the file, sheet, row and column."""
        options: RunOptions = {
            "period": period,
            "data": None if data is None else os.fspath(data),
            "benchmarks": None if benchmarks is None else os.fspath(benchmarks),
            "reported": None if reported is None else os.fspath(reported),
            "suppress": suppress,
            "strict": strict,
        }
        return Report(self._inner.run(options))

    def template(self, *, period: str, path: PathLike) -> Path:
        """Write the workbook the responsible units fill in for ``period``: a row per
        reported measure (per kommun where each kommun answers) and per success factor
        rated by hand, with lists of the allowed values and an instructions sheet."""
        target = Path(path)
        self._inner.template(period, os.fspath(target))
        return target

    def __repr__(self) -> str:
        return repr(self._inner)
