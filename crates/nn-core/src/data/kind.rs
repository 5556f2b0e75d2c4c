//! One name per data set, and one entry point that makes any of them.
//!
//! The model crate maps link values to a [`DataKind`] with [`DataKind::from_key`] and calls
//! [`generate`] with the data seed's generator.

use serde::{Deserialize, Serialize};

use super::{
    DEFAULT_CLASSIFY_POINTS, DEFAULT_CURVE_POINTS, DEFAULT_GATE_REPEATS, DEFAULT_REGRESS_POINTS,
    check_noise, check_points, classify, digits, gates, regression,
};
use crate::data::gates::Gate;
use crate::rng::Rng;
use crate::{Dataset, NnError};

/// Every data set the engine makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DataKind {
    /// Two rings, inside against outside ([`classify::circle`]).
    Circle,
    /// Four quadrants ([`classify::xor`]).
    Xor,
    /// Two gaussian clouds ([`classify::gauss`]).
    Gauss,
    /// Two spiral arms ([`classify::spiral`]).
    Spiral,
    /// K gaussian clusters on a circle ([`classify::blobs`]).
    Blobs {
        /// Number of clusters and classes, 2..=6.
        classes: usize,
    },
    /// K spiral arms ([`classify::spiral_k`]).
    SpiralK {
        /// Number of arms and classes, 2..=6.
        classes: usize,
    },
    /// A logic gate's truth table, repeated ([`gates::gate`]).
    Gate(Gate),
    /// The 8x8 handwritten digits ([`digits::digits`]).
    Digits,
    /// A plane, for regression ([`regression::reg_plane`]).
    RegPlane,
    /// Six bumps of alternating sign, for regression ([`regression::reg_gauss`]).
    RegGauss,
    /// A 1-D curve, for regression ([`regression::reg_curve`]).
    RegCurve,
}

impl DataKind {
    /// The data set's name in links: the reference's `circle`, `xor`, `gauss`, `spiral`,
    /// `reg-plane`, `reg-gauss`, and this product's `blobs`, `spiral-k` (with the class count
    /// kept apart), `gate-and`, `gate-or`, `gate-nand`, `gate-xor`, `gate-not`, `digits`,
    /// `reg-curve`.
    pub fn key(self) -> &'static str {
        match self {
            DataKind::Circle => "circle",
            DataKind::Xor => "xor",
            DataKind::Gauss => "gauss",
            DataKind::Spiral => "spiral",
            DataKind::Blobs { .. } => "blobs",
            DataKind::SpiralK { .. } => "spiral-k",
            DataKind::Gate(gate) => gate_key(gate),
            DataKind::Digits => "digits",
            DataKind::RegPlane => "reg-plane",
            DataKind::RegGauss => "reg-gauss",
            DataKind::RegCurve => "reg-curve",
        }
    }

    /// The data set named `key` (see [`DataKind::key`]); `classes` is used only by `blobs` and
    /// `spiral-k` (and checked by [`generate`], not here). `None` for an unknown key.
    pub fn from_key(key: &str, classes: usize) -> Option<DataKind> {
        let kind = match key {
            "circle" => DataKind::Circle,
            "xor" => DataKind::Xor,
            "gauss" => DataKind::Gauss,
            "spiral" => DataKind::Spiral,
            "blobs" => DataKind::Blobs { classes },
            "spiral-k" => DataKind::SpiralK { classes },
            "digits" => DataKind::Digits,
            "reg-plane" => DataKind::RegPlane,
            "reg-gauss" => DataKind::RegGauss,
            "reg-curve" => DataKind::RegCurve,
            _ => DataKind::Gate(Gate::ALL.into_iter().find(|&g| gate_key(g) == key)?),
        };
        Some(kind)
    }

    /// The size [`generate`] uses when given none: points for the generated sets (500 for
    /// classification, 1200 for 2-D regression, 200 for the curve), table repeats for gates
    /// (100), and the 1797 images for digits.
    pub fn default_size(self) -> usize {
        match self {
            DataKind::Gate(_) => DEFAULT_GATE_REPEATS,
            DataKind::Digits => 1797,
            DataKind::RegPlane | DataKind::RegGauss => DEFAULT_REGRESS_POINTS,
            DataKind::RegCurve => DEFAULT_CURVE_POINTS,
            _ => DEFAULT_CLASSIFY_POINTS,
        }
    }

    /// True for the regression data sets (reg-plane, reg-gauss, reg-curve).
    pub fn is_regression(self) -> bool {
        matches!(
            self,
            DataKind::RegPlane | DataKind::RegGauss | DataKind::RegCurve
        )
    }
}

/// The link key of a gate's data set.
fn gate_key(gate: Gate) -> &'static str {
    match gate {
        Gate::And => "gate-and",
        Gate::Or => "gate-or",
        Gate::Nand => "gate-nand",
        Gate::Xor => "gate-xor",
        Gate::Not => "gate-not",
    }
}

/// Makes the data set `kind` from `rng`. `size` is the number of points (for gates the number
/// of truth-table repeats); `None` takes [`DataKind::default_size`]. Digits ignore `size` and
/// always give all 1797 images (a given `size` is still checked). `noise` (0..=0.5) means what
/// each generator documents; gates and digits have none and ignore it, but it is still checked.
/// Gates and digits draw nothing from `rng`.
///
/// # Errors
/// [`NnError::NoiseOutOfRange`], [`NnError::TooManyPoints`] (over
/// [`MAX_POINTS`](super::MAX_POINTS)), or [`NnError::ClassCountOutOfRange`] for blobs and
/// K-arm spirals outside 2..=6 classes.
pub fn generate(
    kind: DataKind,
    size: Option<usize>,
    noise: f64,
    rng: &mut Rng,
) -> Result<Dataset, NnError> {
    let n = size.unwrap_or(kind.default_size());
    check_noise(noise)?;
    check_points(n)?;
    match kind {
        DataKind::Circle => classify::circle(n, noise, rng),
        DataKind::Xor => classify::xor(n, noise, rng),
        DataKind::Gauss => classify::gauss(n, noise, rng),
        DataKind::Spiral => classify::spiral(n, noise, rng),
        DataKind::Blobs { classes } => classify::blobs(n, classes, noise, rng),
        DataKind::SpiralK { classes } => classify::spiral_k(n, classes, noise, rng),
        DataKind::Gate(gate) => Ok(gates::gate(gate, n)),
        DataKind::Digits => Ok(digits::digits()),
        DataKind::RegPlane => regression::reg_plane(n, noise, rng),
        DataKind::RegGauss => regression::reg_gauss(n, noise, rng),
        DataKind::RegCurve => regression::reg_curve(n, noise, rng),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Task;
    use crate::rng::rng_for;

    /// One of every kind, the multi-class ones at 4 classes.
    fn every_kind() -> Vec<DataKind> {
        let mut kinds = vec![
            DataKind::Circle,
            DataKind::Xor,
            DataKind::Gauss,
            DataKind::Spiral,
            DataKind::Blobs { classes: 4 },
            DataKind::SpiralK { classes: 4 },
            DataKind::Digits,
            DataKind::RegPlane,
            DataKind::RegGauss,
            DataKind::RegCurve,
        ];
        kinds.extend(Gate::ALL.map(DataKind::Gate));
        kinds
    }

    #[test]
    fn keys_round_trip() {
        for kind in every_kind() {
            assert_eq!(
                DataKind::from_key(kind.key(), 4),
                Some(kind),
                "{}",
                kind.key()
            );
        }
        assert_eq!(
            DataKind::from_key("gate-nand", 0),
            Some(DataKind::Gate(Gate::Nand))
        );
        assert_eq!(DataKind::from_key("moons", 2), None);
    }

    #[test]
    fn default_sizes_and_tasks() {
        let expected = [
            (DataKind::Circle, 500, Task::Classification { classes: 2 }),
            (
                DataKind::SpiralK { classes: 4 },
                500,
                Task::Classification { classes: 4 },
            ),
            (
                DataKind::Gate(Gate::Or),
                400,
                Task::Classification { classes: 2 },
            ),
            (
                DataKind::Gate(Gate::Not),
                200,
                Task::Classification { classes: 2 },
            ),
            (DataKind::Digits, 1797, Task::Classification { classes: 10 }),
            (DataKind::RegGauss, 1200, Task::Regression),
            (DataKind::RegCurve, 200, Task::Regression),
        ];
        for (kind, len, task) in expected {
            let data = generate(kind, None, 0.1, &mut rng_for("kinds", "data")).unwrap();
            assert_eq!((data.len(), data.task), (len, task), "{kind:?}");
            assert_eq!(kind.is_regression(), task == Task::Regression);
        }
    }

    #[test]
    fn generate_matches_the_generator_functions() {
        let via_kind = generate(DataKind::Spiral, Some(50), 0.3, &mut rng_for("a", "b")).unwrap();
        let direct = classify::spiral(50, 0.3, &mut rng_for("a", "b")).unwrap();
        assert_eq!(via_kind, direct);
        let gates = generate(
            DataKind::Gate(Gate::And),
            Some(3),
            0.0,
            &mut rng_for("a", "b"),
        );
        assert_eq!(gates.unwrap().len(), 12);
    }

    #[test]
    fn every_kind_checks_its_parameters() {
        let mut rng = rng_for("checks", "data");
        for kind in every_kind() {
            assert!(
                generate(kind, Some(10), 0.55, &mut rng).is_err(),
                "{kind:?}"
            );
            assert!(
                generate(kind, Some(1_000_000), 0.0, &mut rng).is_err(),
                "{kind:?}"
            );
        }
        let too_many = DataKind::Blobs { classes: 9 };
        let err = NnError::ClassCountOutOfRange { classes: 9 };
        assert_eq!(generate(too_many, None, 0.0, &mut rng), Err(err));
    }
}
