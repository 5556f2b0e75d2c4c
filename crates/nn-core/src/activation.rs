//! Hidden-unit activation functions and their derivatives.
//!
//! All maths goes through `libm` or the crate's own [`crate::math`], never the platform's maths
//! library, so that a value computed natively and in wasm has the same bits. For every finite
//! input each function and derivative is finite (the sigmoid is written so that `exp` never
//! overflows).

use serde::{Deserialize, Serialize};

use crate::math;

/// Slope of the leaky ReLU for negative inputs.
pub const LEAKY_RELU_SLOPE: f64 = 0.01;

/// The function a hidden unit applies to its pre-activation `z = w . x + b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Activation {
    /// Identity: `a = z`, `a' = 1`.
    Linear,
    /// Logistic: `a = 1 / (1 + e^-z)`, `a' = a (1 - a)`.
    Sigmoid,
    /// Hyperbolic tangent: `a = tanh z`, `a' = 1 - a^2`.
    Tanh,
    /// Rectified linear: `a = max(0, z)`, `a' = 1` for `z > 0`, else 0 (so `relu'(0) = 0`).
    Relu,
    /// Leaky ReLU: `a = z` for `z > 0`, else `0.01 z`; `a' = 1` or `0.01`.
    LeakyRelu,
    /// Heaviside step: `a = 1` for `z > 0`, else 0.
    ///
    /// Its true derivative is 0 almost everywhere, which would stop learning, so the gradient
    /// is passed straight through (`a' = 1`). For a single unit with squared loss this update is
    /// the perceptron learning rule `w += lr (y - a) x`.
    Step,
}

impl Activation {
    /// Every activation, in a fixed order (for menus and exhaustive tests).
    pub const ALL: [Activation; 6] = [
        Activation::Linear,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Step,
    ];

    /// The activation's value `a = f(z)`.
    #[inline]
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Linear => z,
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => math::tanh(z),
            Activation::Relu => relu(z),
            Activation::LeakyRelu => leaky_relu(z),
            Activation::Step => step(z),
        }
    }

    /// The derivative `f'(z)`, given both the pre-activation `z` and the output `a = f(z)`
    /// (sigmoid and tanh use `a`, which saves a second `exp`).
    #[inline]
    pub fn derivative(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Linear | Activation::Step => 1.0,
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Relu => positive_or(z, 0.0),
            Activation::LeakyRelu => positive_or(z, LEAKY_RELU_SLOPE),
        }
    }

    /// Multiplies each `delta[k]` by `f'(z[k])` (with `a = f(z)` given as `out`); the same
    /// values as [`Activation::derivative`], with the match taken once per layer so the loop
    /// vectorises.
    #[inline]
    pub fn scale_by_derivative(self, z: &[f64], out: &[f64], delta: &mut [f64]) {
        let entries = delta.iter_mut().zip(z).zip(out);
        match self {
            Activation::Linear | Activation::Step => {}
            Activation::Sigmoid => entries.for_each(|((d, _), &a)| *d *= a * (1.0 - a)),
            Activation::Tanh => entries.for_each(|((d, _), &a)| *d *= 1.0 - a * a),
            Activation::Relu => entries.for_each(|((d, &z), _)| *d *= positive_or(z, 0.0)),
            Activation::LeakyRelu => {
                entries.for_each(|((d, &z), _)| *d *= positive_or(z, LEAKY_RELU_SLOPE))
            }
        }
    }

    /// Short lowercase name, as used in links and menus (`"leaky_relu"`, `"tanh"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Activation::Linear => "linear",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leaky_relu",
            Activation::Step => "step",
        }
    }
}

/// The logistic function `1 / (1 + e^-z)`, written so `exp` only sees non-positive arguments:
/// finite and within `[0, 1]` for every finite `z`.
#[inline]
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + math::exp_non_positive(-z))
    } else {
        let e = math::exp_non_positive(z);
        e / (1.0 + e)
    }
}

/// `softplus(z) = ln(1 + e^z)`, computed as `max(z, 0) + ln(1 + e^-|z|)`: never overflows.
#[inline]
pub fn softplus(z: f64) -> f64 {
    z.max(0.0) + libm::log1p(math::exp_non_positive(-libm::fabs(z)))
}

/// `max(0, z)`.
#[inline]
fn relu(z: f64) -> f64 {
    if z > 0.0 { z } else { 0.0 }
}

/// `z` for positive `z`, else `0.01 z`.
#[inline]
fn leaky_relu(z: f64) -> f64 {
    if z > 0.0 { z } else { LEAKY_RELU_SLOPE * z }
}

/// 1 for positive `z`, else 0.
#[inline]
fn step(z: f64) -> f64 {
    if z > 0.0 { 1.0 } else { 0.0 }
}

/// 1 for positive `z`, else `otherwise`.
#[inline]
fn positive_or(z: f64, otherwise: f64) -> f64 {
    if z > 0.0 { 1.0 } else { otherwise }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_at_hand_checked_points() {
        assert_eq!(Activation::Sigmoid.apply(0.0), 0.5);
        assert_eq!(Activation::Tanh.apply(0.0), 0.0);
        assert!((Activation::Tanh.apply(1.0) - 0.761_594_155_955_764_9).abs() < 1e-15);
        assert_eq!(Activation::Relu.apply(-2.0), 0.0);
        assert_eq!(Activation::LeakyRelu.apply(-2.0), -0.02);
        assert_eq!(Activation::Step.apply(0.3), 1.0);
        assert_eq!(Activation::Step.apply(0.0), 0.0);
        assert_eq!(Activation::Linear.apply(-7.5), -7.5);
    }

    #[test]
    fn relu_derivative_at_zero_is_zero() {
        // C04 in the project's worked cases relies on relu'(0) = 0.
        assert_eq!(Activation::Relu.derivative(0.0, 0.0), 0.0);
        assert_eq!(Activation::LeakyRelu.derivative(0.0, 0.0), LEAKY_RELU_SLOPE);
    }

    #[test]
    fn scale_by_derivative_matches_derivative_bit_for_bit() {
        let z = [-2.0, -0.0, 0.0, 0.3, 4.0];
        for act in Activation::ALL {
            let out: Vec<f64> = z.iter().map(|&v| act.apply(v)).collect();
            let mut delta = [1.5, -2.0, 0.7, 3.0, -0.25];
            let pairs = delta.iter().zip(z.iter().zip(&out));
            let expected: Vec<f64> = pairs
                .map(|(d, (&v, &a))| d * act.derivative(v, a))
                .collect();
            act.scale_by_derivative(&z, &out, &mut delta);
            assert_eq!(delta.to_vec(), expected, "{act:?}");
        }
    }

    #[test]
    fn extreme_inputs_stay_finite_and_bounded() {
        for z in [f64::MAX, -f64::MAX, 1e300, -1e300, 745.2, -745.2] {
            for act in Activation::ALL {
                let a = act.apply(z);
                assert!(a.is_finite(), "{act:?}({z}) = {a}");
                assert!(act.derivative(z, a).is_finite());
            }
            assert!((0.0..=1.0).contains(&sigmoid(z)));
            assert!(softplus(z).is_finite() && softplus(z) >= 0.0);
        }
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
    }

    #[test]
    fn softplus_matches_the_plain_formula_where_that_is_safe() {
        for z in [-20.0, -1.0, 0.0, 0.5, 3.0, 30.0] {
            let plain = libm::log(1.0 + libm::exp(z));
            assert!((softplus(z) - plain).abs() < 1e-12 * (1.0 + plain));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Smooth activations only, away from the kinks of ReLU-like ones.
        fn check_derivative(act: Activation, z: f64) {
            let h = 1e-6;
            let numeric = (act.apply(z + h) - act.apply(z - h)) / (2.0 * h);
            let analytic = act.derivative(z, act.apply(z));
            assert!(
                (numeric - analytic).abs() < 1e-6,
                "{act:?} at {z}: {numeric} vs {analytic}"
            );
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn derivative_matches_central_difference(z in -8.0f64..8.0) {
                for act in [Activation::Linear, Activation::Sigmoid, Activation::Tanh] {
                    check_derivative(act, z);
                }
                if z.abs() > 1e-4 {
                    check_derivative(Activation::Relu, z);
                    check_derivative(Activation::LeakyRelu, z);
                }
            }

            #[test]
            fn every_activation_is_finite(z in proptest::num::f64::NORMAL) {
                for act in Activation::ALL {
                    prop_assert!(act.apply(z).is_finite());
                }
            }
        }
    }
}
