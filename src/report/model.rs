//! What a finished report holds: the figures of every indicator, ready to
//! be drawn (HTML, charts) or written (XLSX), plus the long table and the
//! provenance of the inputs. Built by the run; read by the writers.
//!
//! Over 500 lines with its documentation: 181 lines of code and 396 of doc
//! comments (every public item and method carries a runnable example).

use polars::prelude::DataFrame;

use crate::assess::{rating_counts, Perspective, Polarity, Rating, RatingCounts};

/// One estimate with its limits, as a report shows it.
///
/// Points read from a result's rows, a masked one among them:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::render::Point;
///
/// let rates = df!(
///     "kommun" => ["Berg", "Östersund"],
///     "value" => [None, Some(27.9)],
///     "lower_95" => [None, Some(23.1)],
///     "upper_95" => [None, Some(33.4)],
///     "suppressed" => ["primary", "none"],
/// )?;
/// let points = Point::from_frame(&rates, "kommun")?;
/// assert!(points[0].suppressed && points[0].value.is_none());
/// let ostersund = &points[1];
/// assert_eq!((ostersund.lower, ostersund.upper), (Some(23.1), Some(33.4)));
/// assert_eq!(ostersund.status, "ok"); // no status column: ok
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Point {
    /// The label: a period ("jan–aug 2024"), a kommun ("Östersund")…
    pub label: String,
    /// The value; `None` when missing or masked (see `status`, `suppressed`).
    pub value: Option<f64>,
    /// Lower confidence limit (95 %).
    pub lower: Option<f64>,
    /// Upper confidence limit (95 %).
    pub upper: Option<f64>,
    /// The count behind the value, when it has one.
    pub numerator: Option<f64>,
    /// The denominator (population, referrals…), when it has one.
    pub denominator: Option<f64>,
    /// `ok`, or why the value is missing.
    pub status: String,
    /// Whether the value was masked by small-number suppression.
    pub suppressed: bool,
}

/// A benchmark value and where it came from.
///
/// What [`Benchmarks::riket`](crate::Benchmarks::riket) finds for an
/// indicator and a period:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::{Benchmarks, RIKET};
///
/// let table = df!(
///     "indicator" => ["aterinskrivning-65"],
///     "period" => ["2024"],
///     "area" => ["Riket"],
///     "value" => [17.0],
///     "source" => ["Socialstyrelsen"],
/// )?;
/// let benchmarks = Benchmarks::table(&table, "riket.csv")?;
/// // No jan–aug row: the whole year's value stands in, and says so.
/// let riket = benchmarks.riket(&["aterinskrivning-65"], "jan–aug 2024", Some(2024)).unwrap();
/// assert_eq!((riket.area.as_str(), riket.period.as_str()), (RIKET, "2024"));
/// assert_eq!(riket.value, 17.0);
/// assert_eq!(riket.source, "Socialstyrelsen (riket.csv)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BenchmarkValue {
    /// The area, "Riket" for Sweden as a whole.
    pub area: String,
    /// The benchmark's own period label (may be the whole year).
    pub period: String,
    /// The value.
    pub value: f64,
    /// Where it came from ("Kolada N00945, hämtad fil riket.json").
    pub source: String,
}

/// The rating of an indicator's target.
///
/// A success factor rated by hand, as its unit reported it, and one not
/// reported:
///
/// ```
/// use indikator::{run_catalog, Catalog, Rating, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-rating-result");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
/// std::fs::write(data.join("svar.csv"), "id,period,value\nsamverkan-skolan,2024-delar,gul\n")?;
/// let options = RunOptions::new("2024-delar".parse()?).reported(data.join("svar.csv"));
/// let report = run_catalog(&Catalog::shipped()?, &data, &options)?;
/// let rating = |id: &str| {
///     let factors = report.followup.iter().flat_map(|g| &g.factors);
///     factors.filter(|f| f.id == id).map(|f| f.rating.clone()).next().unwrap()
/// };
/// let school = rating("samverkan-skolan");
/// assert_eq!((school.rating, school.colour.as_str()), (Some(Rating::Partly), "yellow"));
/// assert_eq!(school.words, "delvis uppfylld");
/// assert_eq!(school.rule, "rapporterad: gul");
/// let tobacco = rating("tobaksfri");
/// assert_eq!((tobacco.rating, tobacco.words.as_str()), (None, "ej rapporterat"));
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RatingResult {
    /// The rating; `None` when it could not be rated.
    pub rating: Option<Rating>,
    /// `green`, `yellow`, `red` or `grey`.
    pub colour: String,
    /// The rating in Swedish words, or why there is none.
    pub words: String,
    /// The rule and the outcome in Swedish ("minst 90 % — utfall 84 %").
    pub rule: String,
}

/// Everything the report shows of one indicator.
///
/// Medical assessment in primary care within 3 days, in a report on the
/// synthetic data:
///
/// ```
/// use indikator::{run_catalog, Catalog, Perspective, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-indicator-result");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.02)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let ind = report.indicators.iter().find(|i| i.id == "vg-pv-bedomning-3").unwrap();
/// assert_eq!((ind.perspective, ind.unit.as_str()), (Perspective::Patient, "%"));
/// assert_eq!(ind.error, None);
/// // Six delår (the catalogue's trend_years), the last the report period's.
/// assert_eq!(ind.trend.len(), 6);
/// assert_eq!(ind.trend.last().map(|p| p.label.as_str()), Some("jan–aug 2024"));
/// assert_eq!(ind.by_kommun.len(), 8);
/// // Riket's synthetic 82 % for 2024, half a point higher in jan–aug.
/// assert_eq!(ind.riket.as_ref().map(|r| r.value), Some(82.5));
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct IndicatorResult {
    /// The catalogue id.
    pub id: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    pub name_en: String,
    /// The perspective of the balanced scorecard.
    pub perspective: Perspective,
    /// Who answers for it (nämnd, förvaltning).
    pub responsible: String,
    /// The data source in words.
    pub source: String,
    /// The unit written after values ("%", "per 100 000").
    pub unit: String,
    /// Decimals shown.
    pub decimals: usize,
    /// Whether high or low is good.
    pub polarity: Polarity,
    /// The target in words, when the indicator has one.
    pub target: Option<String>,
    /// A target level to draw as a line, when the target is a threshold.
    pub target_line: Option<f64>,
    /// The value for the report period (the whole region).
    pub current: Option<Point>,
    /// The same period a year earlier.
    pub previous: Option<Point>,
    /// Sweden as a whole, when a benchmark was given.
    pub riket: Option<BenchmarkValue>,
    /// The rating of the target.
    pub rating: Option<RatingResult>,
    /// The same period in earlier years, oldest first, ending with the current.
    pub trend: Vec<Point>,
    /// The report period by kommun (empty when the indicator has no kommun).
    pub by_kommun: Vec<Point>,
    /// Women against men in the report period, when broken down by sex.
    pub sex_difference: Option<super::SexDifference>,
    /// Why the indicator could not be computed, when it failed.
    pub error: Option<String>,
}

/// One input file, as the provenance appendix lists it.
///
/// A reported file is listed once read:
///
/// ```
/// use indikator::{Catalog, Reported};
///
/// let dir = std::env::temp_dir().join("indikator-input-file");
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("rapporterat.csv");
/// std::fs::write(&path, "id,period,value\nsip-rutin-uppfoljd,2024-delar,ja\n")?;
/// let reported = Reported::read(&path, &Catalog::shipped()?, "2024-delar".parse()?)?;
/// let file = reported.file.unwrap();
/// assert_eq!((file.table.as_str(), file.file.as_str()), ("reported", "rapporterat.csv"));
/// assert_eq!(file.rows, 1);
/// // What `sha256sum rapporterat.csv` prints for these 49 bytes.
/// assert_eq!(file.sha256, "2f7792a039c7978cc6b5e78d43df20425e771afe4ae03911b0d8dfd8d70e2b4a");
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct InputFile {
    /// The table name ("waits", "population").
    pub table: String,
    /// The file name inside the data directory.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
    /// Rows read.
    pub rows: usize,
}

/// A finished report.
///
/// ```
/// use indikator::{run_catalog, Catalog, Counted, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-report");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// assert_eq!(report.title, "Uppföljning av regionplanen");
/// assert_eq!(report.catalog, "region-jh 2024.1");
/// assert_eq!(report.region, "Region Jämtland Härjedalen");
/// // The pies count every success factor once, in all four perspectives.
/// assert_eq!(report.counted(), Counted::SuccessFactors);
/// let pies = report.pie_counts();
/// let counted: usize =
///     pies.iter().map(|(_, c)| c.fulfilled + c.partly + c.not_fulfilled + c.missing).sum();
/// assert_eq!((pies.len(), counted), (4, Catalog::shipped()?.success_factors.len()));
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Report {
    /// The catalogue's title.
    pub title: String,
    /// The region or organisation reported on.
    pub region: String,
    /// The catalogue's id and definition version ("region-jh 2024.1").
    pub catalog: String,
    /// The report period in Swedish ("jan–aug 2024").
    pub period: String,
    /// The same period a year earlier.
    pub previous_period: String,
    /// Whether the data are synthetic (the report says so on every page).
    pub synthetic: bool,
    /// The library version that computed it.
    pub library_version: String,
    /// Every indicator, in catalogue order.
    pub indicators: Vec<IndicatorResult>,
    /// The input files.
    pub inputs: Vec<InputFile>,
    /// Where the benchmark values came from, in words (empty: none given).
    pub benchmark_source: String,
    /// The long result table (one row per indicator × series × group,
    /// and the reported measures and success factors).
    pub long: DataFrame,
    /// The follow-up: strategic goals, their success factors with ratings
    /// and measures (empty when the catalogue has none).
    pub followup: Vec<GoalResult>,
}

/// One measure of a success factor, computed or reported.
///
/// The regional action plan against suicide, reported done:
///
/// ```
/// use indikator::{run_catalog, Catalog, Rating, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-measure-result");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
/// let answer = "suicid-handlingsplan,2024-delar,ja,Klart,Antagen i juni";
/// std::fs::write(data.join("svar.csv"), format!("id,period,value,status,comment\n{answer}\n"))?;
/// let options = RunOptions::new("2024-delar".parse()?).reported(data.join("svar.csv"));
/// let report = run_catalog(&Catalog::shipped()?, &data, &options)?;
/// let factors = report.followup.iter().flat_map(|g| &g.factors);
/// let measures: Vec<_> = factors.flat_map(|f| &f.measures).collect();
/// let plan = measures.iter().find(|m| m.id == "suicid-handlingsplan").unwrap();
/// assert!(!plan.computed);
/// assert_eq!((plan.answer.as_str(), plan.status.as_deref()), ("ja", Some("Klart")));
/// assert_eq!(plan.rating.rating, Some(Rating::Fulfilled));
/// assert_eq!(plan.comment, "Antagen i juni");
/// // Its indicators are measures too, computed from the data.
/// assert!(measures.iter().find(|m| m.id == "suicid-15").unwrap().computed);
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct MeasureResult {
    /// The indicator's or measure's id.
    pub id: String,
    /// The Swedish name.
    pub name_sv: String,
    /// Whether it is an indicator computed from the data (its section has
    /// the figures).
    pub computed: bool,
    /// The value or answer in words ("84,2 %", "ja", "Pågår", "6 av 8 ja"),
    /// or why there is none.
    pub answer: String,
    /// The status of the work, when reported.
    pub status: Option<String>,
    /// The target in words.
    pub target: Option<String>,
    /// The rating, or why there is none.
    pub rating: RatingResult,
    /// The reported comment.
    pub comment: String,
    /// Who answers for it.
    pub responsible: String,
    /// The plan's strategy (activity measures).
    pub strategy: Option<String>,
    /// The plan's priority period.
    pub priority: Option<String>,
    /// Who reported, and when ("2024-09-05").
    pub reported: String,
}

/// A success factor, rated, with its measures.
///
/// ```
/// use indikator::{run_catalog, Catalog, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-factor-result");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let factors: Vec<_> = report.followup.iter().flat_map(|g| &g.factors).collect();
/// let suicide = factors.iter().find(|f| f.id == "suicidprevention").unwrap();
/// assert!(!suicide.rated_by_hand); // derived from its measures
/// // Its indicators first, then its reported measure.
/// let measures: Vec<(&str, bool)> =
///     suicide.measures.iter().map(|m| (m.id.as_str(), m.computed)).collect();
/// assert_eq!(measures, [
///     ("suicid-15-24", true),
///     ("suicid-15", true),
///     ("suicid-15-standardiserad", true),
///     ("suicid-handlingsplan", false),
/// ]);
/// let school = factors.iter().find(|f| f.id == "samverkan-skolan").unwrap();
/// assert!(school.rated_by_hand && school.measures.is_empty());
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FactorResult {
    /// The id.
    pub id: String,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    pub name_en: Option<String>,
    /// The body that answers for it.
    pub responsible: String,
    /// A note ("ny från 31/5").
    pub note: Option<String>,
    /// Whether the rating was reported (else derived from the measures).
    pub rated_by_hand: bool,
    /// The rating on the three-level scale, or why there is none.
    pub rating: RatingResult,
    /// The reported comment.
    pub comment: String,
    /// Who reported, and when.
    pub reported: String,
    /// Its measures: indicators first, then reported measures, in catalogue order.
    pub measures: Vec<MeasureResult>,
}

/// A strategic goal and its success factors.
///
/// ```
/// use indikator::{run_catalog, Catalog, Perspective, RunOptions};
///
/// let data = std::env::temp_dir().join("indikator-goal-result");
/// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
/// let report = run_catalog(&Catalog::shipped()?, &data, &RunOptions::new("2024-delar".parse()?))?;
/// let goal = &report.followup[0];
/// assert_eq!((goal.id.as_str(), goal.perspective), ("psykisk-halsa", Perspective::Samhalle));
/// assert_eq!(goal.name_sv, "Förbättrad psykisk hälsa");
/// let factors: Vec<&str> = goal.factors.iter().map(|f| f.id.as_str()).collect();
/// assert_eq!(factors, ["suicidprevention", "samverkan-skolan"]);
/// std::fs::remove_dir_all(&data)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GoalResult {
    /// The id.
    pub id: String,
    /// The perspective.
    pub perspective: Perspective,
    /// The Swedish name.
    pub name_sv: String,
    /// The English name.
    pub name_en: Option<String>,
    /// Its success factors, in catalogue order.
    pub factors: Vec<FactorResult>,
}

/// What the pies of a report count.
///
/// ```
/// use indikator::Counted;
///
/// // A catalogue with success factors counts them, as the plans do.
/// assert_eq!(Counted::SuccessFactors.nouns(), ("framgångsfaktor", "framgångsfaktorer"));
/// assert_eq!(Counted::Indicators.nouns().1, "indikatorer");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Counted {
    /// The success factors (a catalogue with a follow-up structure), as the
    /// plans count them.
    SuccessFactors,
    /// The indicators (a catalogue without success factors).
    Indicators,
}

impl Counted {
    /// The Swedish noun, singular and plural.
    ///
    /// The words of a pie's caption:
    ///
    /// ```
    /// use indikator::Counted;
    /// let (one, many) = Counted::Indicators.nouns();
    /// assert_eq!(format!("1 {one} av 12 {many}"), "1 indikator av 12 indikatorer");
    /// assert_eq!(Counted::SuccessFactors.nouns().0, "framgångsfaktor");
    /// ```
    pub fn nouns(self) -> (&'static str, &'static str) {
        match self {
            Counted::SuccessFactors => ("framgångsfaktor", "framgångsfaktorer"),
            Counted::Indicators => ("indikator", "indikatorer"),
        }
    }
}

impl Report {
    /// What the pies count: the success factors when the catalogue has
    /// any, else the indicators.
    ///
    /// A catalogue of one indicator and no success factors counts its
    /// indicators (the shipped catalogue counts its success factors: see
    /// [`Report`]):
    ///
    /// ```
    /// use indikator::{run_catalog, Catalog, RunOptions};
    /// let data = std::env::temp_dir().join("indikator-Report-counted");
    /// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
    /// let catalog = Catalog::from_toml_str(r#"
    /// [catalog]
    /// id = "aterinskrivning"
    /// version = "2024.1"
    /// title = "Återinskrivningar"
    /// region = "Region Jämtland Härjedalen"
    ///
    /// [[indicator]]
    /// id = "aterinskrivning-65"
    /// name_sv = "Återinskrivning inom 30 dagar, 65 år och äldre"
    /// name_en = "Readmission within 30 days, ages 65 and over"
    /// perspective = "Verksamhetsresultat"
    /// responsible = "Hälso- och sjukvårdsnämnden"
    /// source = "Patientadministrativt system"
    /// polarity = "low_is_good"
    /// statistic = { family = "readmission" }
    /// "#)?;
    /// let report = run_catalog(&catalog, &data, &RunOptions::new("2024-delar".parse()?))?;
    /// assert_eq!(report.counted(), indikator::Counted::Indicators);
    /// std::fs::remove_dir_all(&data)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counted(&self) -> Counted {
        if self.followup.iter().any(|g| !g.factors.is_empty()) {
            Counted::SuccessFactors
        } else {
            Counted::Indicators
        }
    }

    /// The ratings per perspective the pies show (all four listed): each
    /// success factor once, or each indicator when there are no factors.
    /// Indicators not tied to a factor are then shown in their perspective's
    /// table but not counted.
    ///
    /// The shipped catalogue over the synthetic data: a pie per perspective,
    /// each counting the success factors of its goals:
    ///
    /// ```
    /// use indikator::{run_catalog, Catalog, Perspective, RunOptions};
    /// let data = std::env::temp_dir().join("indikator-Report-pie_counts");
    /// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
    /// let catalog = Catalog::shipped()?;
    /// let report = run_catalog(&catalog, &data, &RunOptions::new("2024-delar".parse()?))?;
    /// let pies = report.pie_counts();
    /// assert_eq!(pies.iter().map(|(p, _)| *p).collect::<Vec<_>>(), Perspective::ALL);
    /// let (samhalle, counts) = pies[0];
    /// let factors = catalog.success_factors.iter();
    /// let in_samhalle = factors.filter(|f| catalog.factor_perspective(f) == Some(samhalle)).count();
    /// assert_eq!(counts.fulfilled + counts.partly + counts.not_fulfilled + counts.missing, in_samhalle);
    /// std::fs::remove_dir_all(&data)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pie_counts(&self) -> Vec<(Perspective, RatingCounts)> {
        match self.counted() {
            Counted::SuccessFactors => rating_counts(self.followup.iter().flat_map(|g| {
                g.factors
                    .iter()
                    .map(move |f| (g.perspective, f.rating.rating))
            })),
            Counted::Indicators => rating_counts(
                self.indicators
                    .iter()
                    .map(|i| (i.perspective, i.rating.as_ref().and_then(|r| r.rating))),
            ),
        }
    }

    /// The perspectives the report has anything in, in the order of the reports.
    ///
    /// A catalogue of one indicator has one perspective to show, though its
    /// pies list all four:
    ///
    /// ```
    /// use indikator::{run_catalog, Catalog, RunOptions};
    /// let data = std::env::temp_dir().join("indikator-Report-perspectives");
    /// indikator::demo::write(&data, indikator::demo::DEFAULT_SEED, 0.01)?;
    /// let catalog = Catalog::from_toml_str(r#"
    /// [catalog]
    /// id = "aterinskrivning"
    /// version = "2024.1"
    /// title = "Återinskrivningar"
    /// region = "Region Jämtland Härjedalen"
    ///
    /// [[indicator]]
    /// id = "aterinskrivning-65"
    /// name_sv = "Återinskrivning inom 30 dagar, 65 år och äldre"
    /// name_en = "Readmission within 30 days, ages 65 and over"
    /// perspective = "Verksamhetsresultat"
    /// responsible = "Hälso- och sjukvårdsnämnden"
    /// source = "Patientadministrativt system"
    /// polarity = "low_is_good"
    /// statistic = { family = "readmission" }
    /// "#)?;
    /// let report = run_catalog(&catalog, &data, &RunOptions::new("2024-delar".parse()?))?;
    /// assert_eq!(report.perspectives(), [indikator::Perspective::Verksamhetsresultat]);
    /// assert_eq!(report.pie_counts().len(), 4);
    /// std::fs::remove_dir_all(&data)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn perspectives(&self) -> Vec<Perspective> {
        Perspective::ALL
            .into_iter()
            .filter(|p| {
                self.indicators.iter().any(|i| i.perspective == *p)
                    || self
                        .followup
                        .iter()
                        .any(|g| g.perspective == *p && !g.factors.is_empty())
            })
            .collect()
    }
}
