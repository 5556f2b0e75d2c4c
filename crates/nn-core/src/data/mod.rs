//! Data-set generators, input features and the train/test split.
//!
//! Every generator returns a [`Dataset`]; the random ones take the seeded
//! [`Rng`](crate::rng::Rng) as a parameter and draw from it only through the functions of
//! `sampling.rs`, which depend on nothing but the generator's raw output and `libm`, so a seed
//! gives bit-identical data natively and in wasm.
//! Class labels are class indices (0.0, 1.0, ...); for two classes 0 is the reference product's
//! -1 (orange) and 1 its +1 (blue).
//!
//! - [`classify`]: 2-D classification (circle, xor, gauss, spiral, blobs, K-arm spiral).
//! - [`gates`]: the logic gates AND, OR, NAND, XOR, NOT as repeated truth tables.
//! - [`digits`](mod@digits): the embedded 8x8 handwritten digits.
//! - [`regression`]: reg-plane, reg-gauss (2-D) and reg-curve (1-D).
//! - [`features`]: the input features x1, x2, x1^2, x2^2, x1 x2, sin x1, sin x2.
//! - [`split`](mod@split): the stratified train/test split.
//! - [`kind`]: [`DataKind`], one name per data set, and [`generate`].
//!
//! "Noise" is a number in 0..=[`MAX_NOISE`], the reference's slider value (0..50) divided by 100;
//! each generator documents what it does.

pub mod classify;
pub mod digits;
pub mod features;
pub mod gates;
pub mod kind;
pub mod regression;
mod sampling;
pub mod split;

pub use classify::{blobs, circle, gauss, spiral, spiral_k, xor};
pub use digits::digits;
pub use features::{Feature, Features};
pub use gates::{Gate, gate, gate_default, gate_domain};
pub use kind::{DataKind, generate};
pub use regression::{reg_curve, reg_gauss, reg_plane};
pub use split::{split, train_count};

use crate::{Dataset, Domain, NnError, Task};

/// How many times the lecture repeats a gate's truth table.
pub const DEFAULT_GATE_REPEATS: usize = 100;
/// Points of a 2-D classification data set, as in the reference product.
pub const DEFAULT_CLASSIFY_POINTS: usize = 500;
/// Points of a 2-D regression data set, as in the reference product.
pub const DEFAULT_REGRESS_POINTS: usize = 1200;
/// Points of the 1-D regression curve.
pub const DEFAULT_CURVE_POINTS: usize = 200;
/// Largest noise a generator accepts (the reference's slider maximum 50, divided by 100).
pub const MAX_NOISE: f64 = 0.5;
/// Fewest classes of the multi-class generators (blobs, K-arm spiral).
pub const MIN_CLASSES: usize = 2;
/// Most classes of the multi-class generators (blobs, K-arm spiral).
pub const MAX_CLASSES: usize = 6;
/// Most points (or gate table repeats) a generator makes, a guard against runaway allocations.
pub const MAX_POINTS: usize = 100_000;
/// Half the side of the square the 2-D generators live in: the domain is [-6, 6]^2.
pub const PLANE_HALF_WIDTH: f64 = 6.0;

/// The domain of the 2-D generators: [-6, 6] on both axes, as the reference product draws.
pub fn plane_domain() -> Domain {
    Domain::square(PLANE_HALF_WIDTH)
}

/// Checks that a noise level is a number in 0..=[`MAX_NOISE`].
fn check_noise(noise: f64) -> Result<(), NnError> {
    if (0.0..=MAX_NOISE).contains(&noise) {
        Ok(())
    } else {
        Err(NnError::NoiseOutOfRange { noise })
    }
}

/// Checks that a point count is at most [`MAX_POINTS`].
fn check_points(points: usize) -> Result<(), NnError> {
    if points <= MAX_POINTS {
        Ok(())
    } else {
        Err(NnError::TooManyPoints {
            points,
            max: MAX_POINTS,
        })
    }
}

/// Checks that a class count is in [`MIN_CLASSES`]..=[`MAX_CLASSES`].
fn check_classes(classes: usize) -> Result<(), NnError> {
    if (MIN_CLASSES..=MAX_CLASSES).contains(&classes) {
        Ok(())
    } else {
        Err(NnError::ClassCountOutOfRange { classes })
    }
}

/// Checks a generator's point count and noise together.
fn check_points_and_noise(points: usize, noise: f64) -> Result<(), NnError> {
    check_points(points)?;
    check_noise(noise)
}

/// Splits `points` into `parts` group sizes that differ by at most one, larger groups first:
/// group `k` gets `points / parts`, plus one if `k < points % parts`.
fn group_sizes(points: usize, parts: usize) -> impl Iterator<Item = usize> {
    (0..parts).map(move |k| points / parts + usize::from(k < points % parts))
}

/// A data set under construction: rows are pushed one at a time.
struct Builder {
    /// Row-major inputs so far.
    inputs: Vec<f64>,
    /// Targets so far.
    targets: Vec<f64>,
}

impl Builder {
    /// An empty builder with room for `rows` rows of `dim` inputs.
    fn with_capacity(rows: usize, dim: usize) -> Self {
        Builder {
            inputs: Vec::with_capacity(rows * dim),
            targets: Vec::with_capacity(rows),
        }
    }

    /// Adds one 2-D row.
    fn push(&mut self, x1: f64, x2: f64, target: f64) {
        self.inputs.extend_from_slice(&[x1, x2]);
        self.targets.push(target);
    }

    /// The finished 2-D data set on the plane's domain.
    fn finish(self, task: Task) -> Dataset {
        let Builder { inputs, targets } = self;
        Dataset {
            inputs,
            dim: 2,
            targets,
            task,
            domain: Some(plane_domain()),
        }
    }
}

/// The class index for a yes/no label: 1.0 (the reference's +1, blue) for yes, 0.0 for no.
fn class_of(yes: bool) -> f64 {
    if yes { 1.0 } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_checks_accept_the_limits_and_reject_beyond() {
        assert!(check_noise(0.0).is_ok() && check_noise(MAX_NOISE).is_ok());
        assert_eq!(
            check_noise(0.51),
            Err(NnError::NoiseOutOfRange { noise: 0.51 })
        );
        assert!(check_noise(-0.01).is_err() && check_noise(f64::NAN).is_err());
        assert!(check_classes(2).is_ok() && check_classes(6).is_ok());
        assert_eq!(
            check_classes(7),
            Err(NnError::ClassCountOutOfRange { classes: 7 })
        );
        assert!(check_classes(1).is_err());
        assert!(check_points(MAX_POINTS).is_ok());
        let err = NnError::TooManyPoints {
            points: MAX_POINTS + 1,
            max: MAX_POINTS,
        };
        assert_eq!(check_points(MAX_POINTS + 1), Err(err));
    }

    #[test]
    fn group_sizes_differ_by_at_most_one_and_sum_to_the_total() {
        assert_eq!(group_sizes(500, 3).collect::<Vec<_>>(), vec![167, 167, 166]);
        assert_eq!(group_sizes(5, 2).collect::<Vec<_>>(), vec![3, 2]);
        assert_eq!(group_sizes(1, 4).collect::<Vec<_>>(), vec![1, 0, 0, 0]);
    }
}
