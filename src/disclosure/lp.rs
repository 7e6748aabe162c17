//! The attacker's linear programmes, solved with [microlp].
//!
//! # The solver
//!
//! microlp (pinned at 0.7.0) is a pure-Rust sparse simplex with bounded
//! variables, maintained (the continuation of minilp, which has had no
//! release since 2020) and the LP engine `good_lp` itself offers. Its answers
//! are vertices, so on the tables of counts with margins (whose constraint
//! matrices are network matrices) the bounds come out as whole numbers. The
//! alternatives were: `good_lp`, a modelling layer over several solvers that
//! would add expression building for no gain here (its default solver, CBC,
//! is C++); `clarabel`, a pure-Rust interior-point solver whose answers are
//! not vertices and which costs more per small programme; HiGHS (`highs`),
//! fast but C++ built with cmake. A programme here has one variable per
//! masked cell and one row per line through them: small and sparse.
//!
//! [microlp]: https://docs.rs/microlp/0.7.0

use std::panic::{catch_unwind, AssertUnwindSafe};

use microlp::{ComparisonOp, OptimizationDirection, Problem};

use crate::error::{Error, Result};

/// Absolute tolerance on the solver's answers: a bound within this of a
/// whole number is that number, and two bounds closer than this are equal
/// (microlp holds its solutions to 1e-7 of every constraint).
///
/// The audit's bounds of a masked count come out as whole numbers: with
/// women's 3 and men's 12 masked beside their published total 15, a reader
/// of the table places women's count anywhere from 1 to 14:
///
/// ```
/// use indikator::prelude::*;
/// use indikator::LP_TOLERANCE;
///
/// assert_eq!(LP_TOLERANCE, 1e-6);
/// let table = df!("sex" => ["kvinnor", "män", "Totalt"], "numerator" => [3, 12, 15])?;
/// let s = Suppression::new().margin(Margin::new("sex", "Totalt"));
/// let audit = s.audit(&s.apply(&table)?)?;
/// let bound = |c: &str| audit.column(c).unwrap().f64().unwrap().get(0).unwrap();
/// assert_eq!((bound("audit_lower"), bound("audit_upper")), (1.0, 14.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const LP_TOLERANCE: f64 = 1e-6;

/// How a row binds its variables to its right-hand side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// `Σ a·x = b`.
    Equal,
    /// `Σ a·x ≤ b`.
    AtMost,
}

/// One row: (variable, coefficient) pairs, the relation, the right-hand side.
pub(crate) type Row = (Vec<(usize, f64)>, Relation, f64);

/// A linear programme: the bounds of each variable and the rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Programme {
    /// Lower and upper bound of each variable (upper may be infinite).
    pub bounds: Vec<(f64, f64)>,
    /// Rows: (variable, coefficient) pairs, the relation, the right-hand side.
    pub rows: Vec<Row>,
}

/// The extreme value of one variable over the programme.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Extreme {
    /// The optimum, and the values of every variable at a point reaching it.
    At(f64, Vec<f64>),
    /// The variable can grow without limit.
    Unbounded,
    /// No point meets every row and bound.
    Infeasible,
}

impl Programme {
    /// The smallest (`maximise == false`) or largest value of variable `var`.
    ///
    /// # Errors
    /// [`Error::Solver`] when the solver fails numerically (or panics);
    /// `what` names the cell in the message.
    pub fn extreme(
        &self,
        var: usize,
        maximise: bool,
        what: &dyn Fn() -> String,
    ) -> Result<Extreme> {
        self.optimum(&[(var, 1.0)], maximise, what)
    }

    /// The smallest or largest value of `Σ coefficient · variable`.
    ///
    /// # Errors
    /// As [`extreme`](Self::extreme).
    pub fn optimum(
        &self,
        objective: &[(usize, f64)],
        maximise: bool,
        what: &dyn Fn() -> String,
    ) -> Result<Extreme> {
        let failed = |message: String| Error::Solver {
            cell: what(),
            message,
        };
        let direction = if maximise {
            OptimizationDirection::Maximize
        } else {
            OptimizationDirection::Minimize
        };
        let solved = catch_unwind(AssertUnwindSafe(|| {
            let mut problem = Problem::new(direction);
            let mut costs = vec![0.0; self.bounds.len()];
            for &(i, a) in objective {
                costs[i] += a;
            }
            let vars: Vec<_> = self
                .bounds
                .iter()
                .zip(costs)
                .map(|(&bounds, cost)| problem.add_var(cost, bounds))
                .collect();
            for (terms, relation, rhs) in &self.rows {
                let op = match relation {
                    Relation::Equal => ComparisonOp::Eq,
                    Relation::AtMost => ComparisonOp::Le,
                };
                problem.add_constraint(
                    terms.iter().map(|&(i, a)| (vars[i], a)).collect::<Vec<_>>(),
                    op,
                    *rhs,
                );
            }
            match problem.solve() {
                Ok(outcome) => match outcome.into_solution() {
                    Ok(solution) => Ok(Extreme::At(
                        solution.objective(),
                        vars.iter().map(|&v| solution.var_value(v)).collect(),
                    )),
                    Err(interrupted) => Err(format!(
                        "stopped without an answer ({:?})",
                        interrupted.termination_reason()
                    )),
                },
                Err(microlp::Error::Unbounded) => Ok(Extreme::Unbounded),
                Err(microlp::Error::Infeasible) => Ok(Extreme::Infeasible),
                Err(other) => Err(other.to_string()),
            }
        }));
        match solved {
            Ok(Ok(extreme)) => Ok(extreme),
            Ok(Err(message)) => Err(failed(message)),
            Err(_) => Err(failed("the solver panicked".into())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_of_a_variable_on_a_line() {
        // x0 + x1 = 8, 1 <= x <= 4: each is exactly 4.
        let p = Programme {
            bounds: vec![(1.0, 4.0), (1.0, 4.0)],
            rows: vec![(vec![(0, 1.0), (1, 1.0)], Relation::Equal, 8.0)],
        };
        let name = || "x0".to_string();
        for maximise in [false, true] {
            match p.extreme(0, maximise, &name).unwrap() {
                Extreme::At(v, point) => {
                    assert!((v - 4.0).abs() < LP_TOLERANCE);
                    assert!((point[1] - 4.0).abs() < LP_TOLERANCE);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn unbounded_and_infeasible_are_answers() {
        let name = || "x0".to_string();
        let open = Programme {
            bounds: vec![(0.0, f64::INFINITY), (0.0, f64::INFINITY)],
            rows: vec![(vec![(0, 1.0), (1, -1.0)], Relation::AtMost, 3.0)],
        };
        assert_eq!(open.extreme(0, true, &name).unwrap(), Extreme::Unbounded);
        let empty = Programme {
            bounds: vec![(5.0, f64::INFINITY), (5.0, f64::INFINITY)],
            rows: vec![(vec![(0, 1.0), (1, 1.0)], Relation::Equal, 6.0)],
        };
        assert_eq!(empty.extreme(0, false, &name).unwrap(), Extreme::Infeasible);
    }
}
