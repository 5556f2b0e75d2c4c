//! Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), written as
//! scikit-learn's `AdamOptimizer` does, with the bias correction folded into the step size:
//!
//! ```text
//! t <- t + 1
//! m <- beta1 m + (1 - beta1) g
//! v <- beta2 v + (1 - beta2) g^2
//! lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t)
//! w <- w - lr_t m / (sqrt(v) + epsilon)
//! ```

use serde::{Deserialize, Serialize};

use super::fit_zeros;

/// Decay of the first moment.
pub const BETA1: f64 = 0.9;
/// Decay of the second moment.
pub const BETA2: f64 = 0.999;
/// Added to `sqrt(v)` so the step never divides by zero.
pub const EPSILON: f64 = 1e-8;

/// Adam's moment estimates and step count.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AdamState {
    /// First moment `m` (mean of gradients), per parameter.
    pub m: Vec<f64>,
    /// Second moment `v` (mean of squared gradients), per parameter.
    pub v: Vec<f64>,
    /// Number of steps taken, `t`.
    pub t: u64,
}

impl AdamState {
    /// One step on `params` with gradient `grad` (same length).
    pub fn step(&mut self, params: &mut [f64], grad: &[f64], learning_rate: f64) {
        if self.m.len() != params.len() {
            self.t = 0;
        }
        fit_zeros(&mut self.m, params.len());
        fit_zeros(&mut self.v, params.len());

        // Step size with both bias corrections.
        self.t += 1;
        let t = self.t as f64;
        let correction = libm::sqrt(1.0 - libm::pow(BETA2, t)) / (1.0 - libm::pow(BETA1, t));
        let step = learning_rate * correction;

        // Moments, then the update.
        let entries = params
            .iter_mut()
            .zip(grad)
            .zip(self.m.iter_mut().zip(self.v.iter_mut()));
        for ((w, &g), (m, v)) in entries {
            *m = BETA1 * *m + (1.0 - BETA1) * g;
            *v = BETA2 * *v + (1.0 - BETA2) * g * g;
            *w -= step * *m / (libm::sqrt(*v) + EPSILON);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_step_moves_each_weight_by_about_the_learning_rate() {
        // With bias correction, step 1 is lr * g / (|g| + eps): about lr against the sign of g.
        let mut state = AdamState::default();
        let mut params = vec![1.0, 1.0];
        state.step(&mut params, &[0.5, -3.0], 0.01);
        assert!((params[0] - 0.99).abs() < 1e-7);
        assert!((params[1] - 1.01).abs() < 1e-7);
        assert_eq!(state.t, 1);
    }

    #[test]
    fn second_step_matches_the_formula() {
        let mut state = AdamState::default();
        let mut params = vec![0.0];
        state.step(&mut params, &[1.0], 0.1);
        state.step(&mut params, &[-1.0], 0.1);
        let lr_1 = 0.1 * libm::sqrt(1.0 - 0.999) / (1.0 - 0.9);
        let first = -lr_1 * 0.1 / (libm::sqrt(0.001) + 1e-8);
        let (m, v) = (0.9 * 0.1 - 0.1, 0.999 * 0.001 + 0.001);
        let lr_2 = 0.1 * libm::sqrt(1.0 - 0.999f64 * 0.999) / (1.0 - 0.81);
        let expected = first - lr_2 * m / (libm::sqrt(v) + 1e-8);
        assert!(
            (params[0] - expected).abs() < 1e-12,
            "{} vs {expected}",
            params[0]
        );
    }
}
