//! The objective: the output layer's activation together with the loss it is trained on.
//!
//! Conventions (the product's own, shared with scikit-learn's MLP and TensorFlow Playground):
//! - squared loss is `1/2 (y_hat - y)^2` per example;
//! - cross-entropy is `-ln p(target)` per example, computed in log space (softplus,
//!   log-sum-exp), so it never takes `ln 0`;
//! - a batch's loss is the mean over its examples.
//!
//! Classification targets are class indices stored as `f64` (0.0, 1.0, ...). Two classes use
//! **one** output unit, so a network with no hidden layer is a single neuron.

use serde::{Deserialize, Serialize};

use crate::activation::{sigmoid, softplus};
use crate::math;

/// Output activation plus loss, chosen by the problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Objective {
    /// Two classes, one `tanh` output, squared loss on labels -1 (class 0) and +1 (class 1):
    /// TensorFlow Playground's objective. Predicts class 1 when the output is `>= 0`.
    TanhSquared,
    /// Two classes, one sigmoid output `p = P(class 1)`, binary cross-entropy
    /// `-(t ln p + (1 - t) ln(1 - p))`, computed as `(1 - t) softplus(z) + t softplus(-z)`.
    /// Predicts class 1 when `p >= 0.5`.
    SigmoidCrossEntropy,
    /// `classes` output units, softmax, categorical cross-entropy `logsumexp(z) - z_target`.
    SoftmaxCrossEntropy {
        /// Number of classes (and output units), at least 2.
        classes: usize,
    },
    /// Regression: one linear output, squared loss.
    LinearSquared,
}

impl Objective {
    /// Number of output units: 1, except `classes` for softmax.
    pub fn outputs(self) -> usize {
        match self {
            Objective::SoftmaxCrossEntropy { classes } => classes,
            _ => 1,
        }
    }

    /// Number of classes a classifier tells apart; `None` for regression.
    pub fn classes(self) -> Option<usize> {
        match self {
            Objective::TanhSquared | Objective::SigmoidCrossEntropy => Some(2),
            Objective::SoftmaxCrossEntropy { classes } => Some(classes),
            Objective::LinearSquared => None,
        }
    }

    /// Applies the output activation in place: `z` (pre-activations) to outputs.
    ///
    /// Shapes: `z` and `out` both have [`Objective::outputs`] entries.
    #[inline]
    pub fn activate(self, z: &[f64], out: &mut [f64]) {
        match self {
            Objective::TanhSquared => out[0] = math::tanh(z[0]),
            Objective::SigmoidCrossEntropy => out[0] = sigmoid(z[0]),
            Objective::SoftmaxCrossEntropy { .. } => softmax(z, out),
            Objective::LinearSquared => out[0] = z[0],
        }
    }

    /// Loss of one example from its pre-activations `z`, outputs `out` and `target`.
    #[inline]
    pub fn loss(self, z: &[f64], out: &[f64], target: f64) -> f64 {
        match self {
            Objective::TanhSquared => half_square(out[0] - signed_label(target)),
            Objective::SigmoidCrossEntropy => binary_cross_entropy(z[0], target),
            Objective::SoftmaxCrossEntropy { classes } => {
                log_sum_exp(z) - z[class_index(target, classes)]
            }
            Objective::LinearSquared => half_square(out[0] - target),
        }
    }

    /// Writes `dL/dz` for one example into `delta` (the output layer's error signal):
    /// `(a - t)(1 - a^2)` for tanh, `p - t` for sigmoid and softmax, `a - t` for linear.
    #[inline]
    pub fn output_delta(self, out: &[f64], target: f64, delta: &mut [f64]) {
        match self {
            Objective::TanhSquared => {
                let a = out[0];
                delta[0] = (a - signed_label(target)) * (1.0 - a * a);
            }
            Objective::SigmoidCrossEntropy => delta[0] = out[0] - binary_label(target),
            Objective::SoftmaxCrossEntropy { classes } => {
                delta.copy_from_slice(out);
                delta[class_index(target, classes)] -= 1.0;
            }
            Objective::LinearSquared => delta[0] = out[0] - target,
        }
    }

    /// The class predicted from the outputs (argmax for softmax, ignoring NaN); `None` for
    /// regression.
    pub fn predicted_class(self, out: &[f64]) -> Option<usize> {
        match self {
            Objective::TanhSquared => Some(usize::from(out[0] >= 0.0)),
            Objective::SigmoidCrossEntropy => Some(usize::from(out[0] >= 0.5)),
            Objective::SoftmaxCrossEntropy { .. } => Some(argmax(out)),
            Objective::LinearSquared => None,
        }
    }
}

/// `1/2 x^2`.
#[inline]
fn half_square(x: f64) -> f64 {
    0.5 * x * x
}

/// Class 0 to -1, class 1 to +1 (TensorFlow Playground's labels).
#[inline]
fn signed_label(target: f64) -> f64 {
    if target >= 0.5 { 1.0 } else { -1.0 }
}

/// Class index to 0 or 1.
#[inline]
fn binary_label(target: f64) -> f64 {
    if target >= 0.5 { 1.0 } else { 0.0 }
}

/// `-(t ln sigmoid(z) + (1 - t) ln(1 - sigmoid(z)))`, in log space.
#[inline]
fn binary_cross_entropy(z: f64, target: f64) -> f64 {
    if target >= 0.5 {
        softplus(-z)
    } else {
        softplus(z)
    }
}

/// A target's class index, clamped into `0..classes` so a stray target can never index out of
/// bounds (data sets from the crate always hold valid indices).
#[inline]
pub fn class_index(target: f64, classes: usize) -> usize {
    let last = classes.saturating_sub(1);
    if target >= 0.0 {
        (target as usize).min(last)
    } else {
        0
    }
}

/// `ln sum_k e^{z_k}`, shifted by the maximum so no term overflows.
pub fn log_sum_exp(z: &[f64]) -> f64 {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        return max;
    }
    let sum: f64 = z.iter().map(|&v| math::exp_non_positive(v - max)).sum();
    max + libm::log(sum)
}

/// Softmax `p_k = e^{z_k - max} / sum_j e^{z_j - max}`: finite and summing to 1 for every
/// finite input, however large.
pub fn softmax(z: &[f64], out: &mut [f64]) {
    let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for (p, &v) in out.iter_mut().zip(z) {
        *p = math::exp_non_positive(v - max);
        sum += *p;
    }
    for p in out.iter_mut() {
        *p /= sum;
    }
}

/// Index of the largest value; NaN never wins, ties go to the lowest index.
pub fn argmax(values: &[f64]) -> usize {
    let mut best = 0;
    for (k, &v) in values.iter().enumerate() {
        if v > values[best] || values[best].is_nan() {
            best = k;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loss_of(objective: Objective, z: &[f64], target: f64) -> f64 {
        let mut out = vec![0.0; z.len()];
        objective.activate(z, &mut out);
        objective.loss(z, &out, target)
    }

    #[test]
    fn squared_losses_are_half_the_square() {
        assert_eq!(loss_of(Objective::LinearSquared, &[1.5], 0.0), 1.125);
        let a = math::tanh(0.3);
        let expected = 0.5 * (a + 1.0) * (a + 1.0);
        assert_eq!(loss_of(Objective::TanhSquared, &[0.3], 0.0), expected);
    }

    #[test]
    fn cross_entropies_match_the_textbook_formula_and_survive_extremes() {
        let z = 0.7;
        let p = 1.0 / (1.0 + libm::exp(-z));
        let bce = loss_of(Objective::SigmoidCrossEntropy, &[z], 1.0);
        assert!((bce + libm::log(p)).abs() < 1e-15);
        assert_eq!(
            loss_of(Objective::SigmoidCrossEntropy, &[-800.0], 1.0),
            800.0
        );

        let softmax3 = Objective::SoftmaxCrossEntropy { classes: 3 };
        let expected = -libm::log(libm::exp(2.0) / (libm::exp(1.0) + libm::exp(2.0) + 1.0));
        assert!((loss_of(softmax3, &[1.0, 2.0, 0.0], 1.0) - expected).abs() < 1e-14);
        assert_eq!(loss_of(softmax3, &[1e308, -1e308, 0.0], 0.0), 0.0);
    }

    #[test]
    fn softmax_of_huge_inputs_is_finite_and_sums_to_one() {
        let z = [1e308, 1e308, -1e308, 0.0];
        let mut p = [0.0; 4];
        softmax(&z, &mut p);
        assert_eq!(p, [0.5, 0.5, 0.0, 0.0]);
    }

    #[test]
    fn predicted_classes_follow_the_thresholds() {
        assert_eq!(Objective::TanhSquared.predicted_class(&[-0.01]), Some(0));
        assert_eq!(Objective::TanhSquared.predicted_class(&[0.0]), Some(1));
        assert_eq!(
            Objective::SigmoidCrossEntropy.predicted_class(&[0.49]),
            Some(0)
        );
        let softmax = Objective::SoftmaxCrossEntropy { classes: 3 };
        assert_eq!(softmax.predicted_class(&[f64::NAN, 0.2, 0.7]), Some(2));
        assert_eq!(Objective::LinearSquared.predicted_class(&[3.0]), None);
    }

    #[test]
    fn stray_targets_are_clamped_not_out_of_bounds() {
        assert_eq!(class_index(7.0, 3), 2);
        assert_eq!(class_index(-1.0, 3), 0);
        assert_eq!(class_index(f64::NAN, 3), 0);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn losses_are_non_negative(
                z in proptest::collection::vec(-1e6f64..1e6, 3),
                t in 0usize..3,
            ) {
                let target = t as f64;
                let mut out = [0.0; 3];
                let softmax3 = Objective::SoftmaxCrossEntropy { classes: 3 };
                softmax3.activate(&z, &mut out);
                prop_assert!(softmax3.loss(&z, &out, target) >= 0.0);
                for objective in [Objective::TanhSquared, Objective::SigmoidCrossEntropy,
                    Objective::LinearSquared] {
                    let mut one = [0.0];
                    objective.activate(&z[..1], &mut one);
                    prop_assert!(objective.loss(&z[..1], &one, target.min(1.0)) >= 0.0);
                }
            }

            #[test]
            fn softmax_sums_to_one_and_is_finite(z in proptest::collection::vec(
                proptest::num::f64::NORMAL, 1..8)) {
                let mut p = vec![0.0; z.len()];
                softmax(&z, &mut p);
                prop_assert!(p.iter().all(|v| v.is_finite() && *v >= 0.0));
                prop_assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
        }
    }
}
