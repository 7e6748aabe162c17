"""The demo until the report lands: real tables computed from the reference
implementation's golden inputs (PHEindicatormethods), printed side by side
with the values that implementation publishes for them."""

from pathlib import Path

import polars as pl

import indikator as ik

GOLDEN = Path(__file__).resolve().parents[1] / ".." / "shared" / "conformance" / "phe"

pl.Config.set_tbl_rows(30)
pl.Config.set_tbl_cols(12)
pl.Config.set_fmt_str_lengths(40)
pl.Config.set_tbl_width_chars(160)


def main() -> None:
    rates = pl.read_csv(GOLDEN / "testdata_Rate__testdata_Rate.csv").filter(pl.col("multiplier") == 100_000)
    ours = ik.rate(rates, "Numerator", "Denominator", by="Area", confidence=(0.95, 0.998))
    print("Crude rates per 100 000 (exact below 10 events, Byar from 10), with the reference's value:")
    print(
        ours.join(rates.select("Area", pl.col("value").alias("reference_value")), on="Area")
        .select("Area", "numerator", "denominator", "value", "reference_value", "lower_95", "upper_95", "method", "status")
    )

    props = pl.read_csv(GOLDEN / "testdata_Proportion__testdata_Prop.csv").filter(pl.col("multiplier") == 100)
    print("\nPercentages with Wilson limits:")
    print(ik.proportion(props, "Numerator", "Denominator", by="Area", multiplier=100).select(
        "Area", "numerator", "denominator", "value", "lower", "upper", "status"))

    bands = pl.read_csv(GOLDEN / "testdata_DSR_ISR__testdata_multiarea.csv").with_columns(
        pl.col("ageband").replace("55-69", "55-59")  # the workbook's typo for 55-59
    )
    print("\nDirectly standardised rates per 100 000 (ESP2013, Dobson limits):")
    print(ik.dsr(bands, "count", "pop", age_band="ageband", by="area", missing_as_zero=True).select(
        "area", "numerator", "denominator", "value", "lower", "upper", "status"))


if __name__ == "__main__":
    main()
