//! Stochastic gradient descent with optional momentum and Nesterov momentum, as scikit-learn's
//! `SGDOptimizer`:
//!
//! ```text
//! v <- mu v - lr g
//! w <- w + v                  (classical momentum; mu = 0 gives plain w <- w - lr g)
//! w <- w + mu v - lr g        (Nesterov, with the updated v)
//! ```

use serde::{Deserialize, Serialize};

use super::fit_zeros;

/// SGD's velocity `v`, one entry per parameter (empty until the first step).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SgdState {
    /// The velocity, in the network's parameter layout.
    pub velocity: Vec<f64>,
}

impl SgdState {
    /// One step on `params` with gradient `grad` (same length).
    pub fn step(
        &mut self,
        params: &mut [f64],
        grad: &[f64],
        learning_rate: f64,
        momentum: f64,
        nesterov: bool,
    ) {
        fit_zeros(&mut self.velocity, params.len());
        let entries = params.iter_mut().zip(grad).zip(self.velocity.iter_mut());

        // Momentum 0 is plain SGD: skip `0 * v`, which would turn an infinite v into NaN.
        if momentum == 0.0 {
            for ((w, &g), v) in entries {
                *v = -learning_rate * g;
                *w += *v;
            }
            return;
        }

        for ((w, &g), v) in entries {
            *v = momentum * *v - learning_rate * g;
            *w += if nesterov {
                momentum * *v - learning_rate * g
            } else {
                *v
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_step_is_w_minus_lr_g() {
        let mut state = SgdState::default();
        let mut params = vec![0.5, -1.0];
        state.step(&mut params, &[4.5, 2.0], 1.0, 0.0, false);
        assert_eq!(params, vec![-4.0, -3.0]);
    }

    #[test]
    fn momentum_accumulates_velocity() {
        let mut state = SgdState::default();
        let mut params = vec![0.0];
        state.step(&mut params, &[1.0], 0.1, 0.9, false);
        state.step(&mut params, &[1.0], 0.1, 0.9, false);
        // v1 = -0.1, v2 = 0.9 * -0.1 - 0.1 = -0.19; w = -0.29.
        assert!((params[0] + 0.29).abs() < 1e-15);
    }

    #[test]
    fn nesterov_looks_ahead() {
        let mut state = SgdState::default();
        let mut params = vec![0.0];
        state.step(&mut params, &[1.0], 0.1, 0.9, true);
        // v1 = -0.1; w = 0.9 * -0.1 - 0.1 = -0.19.
        assert!((params[0] + 0.19).abs() < 1e-15);
    }
}
