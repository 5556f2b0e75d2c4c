//! Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., algorithms 7.4
//! and 7.5), full batch, one iteration per call:
//!
//! 1. evaluate the objective `f(x)` and gradient `g` at the current parameters;
//! 2. direction `d = -H g` by the two-loop recursion over the last [`MEMORY`] pairs
//!    `s = x_new - x`, `y = g_new - g`, with `H_0 = (s.y / y.y) I`; steepest descent when
//!    there is no history or `d` is not a descent direction;
//! 3. backtracking line search from step 1 (the first iteration starts at `1 / |g|_inf` when
//!    that is smaller), halving until the Armijo condition
//!    `f(x + a d) <= f(x) + 1e-4 a g.d` holds, at most [`MAX_BACKTRACKS`] times;
//! 4. keep the pair `(s, y)` when its curvature `s.y` is positive (else skip it, which keeps
//!    `H` positive definite without a Wolfe curvature test).

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::network::Network;

/// Number of curvature pairs remembered.
pub const MEMORY: usize = 10;
/// Largest number of step halvings in one line search.
pub const MAX_BACKTRACKS: usize = 30;
/// Sufficient-decrease constant of the Armijo condition.
const ARMIJO: f64 = 1e-4;

/// The curvature history of L-BFGS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LbfgsState {
    /// Steps `s_k = x_{k+1} - x_k`, oldest first.
    pub s: VecDeque<Vec<f64>>,
    /// Gradient changes `y_k = g_{k+1} - g_k`, oldest first.
    pub y: VecDeque<Vec<f64>>,
}

/// What one iteration did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LbfgsOutcome {
    /// Objective before the iteration.
    pub before: f64,
    /// Objective after it (equal to `before` when no step was accepted).
    pub after: f64,
    /// The accepted step length, 0 when none was.
    pub step: f64,
}

impl LbfgsState {
    /// One L-BFGS iteration on `network`'s parameters. `objective(network, grad)` returns
    /// `f` at the network's current parameters and writes the gradient into `grad`.
    pub fn iterate<F>(&mut self, network: &mut Network, mut objective: F) -> LbfgsOutcome
    where
        F: FnMut(&Network, &mut [f64]) -> f64,
    {
        let n = network.param_count();
        if self.s.front().is_some_and(|s| s.len() != n) {
            self.clear();
        }

        // 1. Objective and gradient here.
        let mut grad = vec![0.0; n];
        let before = objective(network, &mut grad);
        let stay = LbfgsOutcome {
            before,
            after: before,
            step: 0.0,
        };
        if !before.is_finite() || grad.iter().all(|g| *g == 0.0) {
            return stay;
        }

        // 2. Search direction.
        let mut direction = self.direction(&grad);
        let mut slope = dot(&grad, &direction);
        if !slope.is_finite() || slope >= 0.0 {
            self.clear();
            direction = grad.iter().map(|g| -g).collect();
            slope = dot(&grad, &direction);
        }

        // 3. Line search.
        let start = network.params().to_vec();
        let mut new_grad = vec![0.0; n];
        let mut step = self.first_step(&grad);
        for _ in 0..MAX_BACKTRACKS {
            set_along(network, &start, &direction, step);
            let after = objective(network, &mut new_grad);
            if after <= before + ARMIJO * step * slope {
                self.remember(&direction, step, &grad, &new_grad);
                return LbfgsOutcome {
                    before,
                    after,
                    step,
                };
            }
            step *= 0.5;
        }

        // No acceptable step: restore and forget the (misleading) history.
        network.params_mut().copy_from_slice(&start);
        self.clear();
        stay
    }

    /// Forgets every curvature pair.
    pub fn clear(&mut self) {
        self.s.clear();
        self.y.clear();
    }

    /// Initial step length: 1, or `min(1, 1 / |g|_inf)` with no history.
    fn first_step(&self, grad: &[f64]) -> f64 {
        if !self.s.is_empty() {
            return 1.0;
        }
        let largest = grad.iter().fold(0.0f64, |m, g| m.max(libm::fabs(*g)));
        (1.0 / largest).min(1.0)
    }

    /// Two-loop recursion: `-H g`.
    fn direction(&self, grad: &[f64]) -> Vec<f64> {
        let mut q: Vec<f64> = grad.to_vec();
        let mut alphas = Vec::with_capacity(self.s.len());

        // Newest to oldest: q <- q - alpha_k y_k.
        for (s, y) in self.s.iter().zip(&self.y).rev() {
            let alpha = dot(s, &q) / dot(y, s);
            axpy(&mut q, -alpha, y);
            alphas.push(alpha);
        }

        // Initial Hessian scale gamma = s.y / y.y of the newest pair.
        let gamma = match (self.s.back(), self.y.back()) {
            (Some(s), Some(y)) => dot(s, y) / dot(y, y),
            _ => 1.0,
        };
        q.iter_mut().for_each(|v| *v *= gamma);

        // Oldest to newest: q <- q + (alpha_k - beta) s_k.
        for ((s, y), alpha) in self.s.iter().zip(&self.y).zip(alphas.iter().rev()) {
            let beta = dot(y, &q) / dot(y, s);
            axpy(&mut q, alpha - beta, s);
        }
        q.iter_mut().for_each(|v| *v = -*v);
        q
    }

    /// Stores `s = step d`, `y = g_new - g` when `s.y > 0`, dropping the oldest beyond MEMORY.
    fn remember(&mut self, direction: &[f64], step: f64, grad: &[f64], new_grad: &[f64]) {
        let s: Vec<f64> = direction.iter().map(|d| step * d).collect();
        let y: Vec<f64> = new_grad.iter().zip(grad).map(|(a, b)| a - b).collect();
        let curvature = dot(&s, &y);
        if !curvature.is_finite() || curvature <= 1e-12 * dot(&y, &y) {
            return;
        }
        if self.s.len() == MEMORY {
            self.s.pop_front();
            self.y.pop_front();
        }
        self.s.push_back(s);
        self.y.push_back(y);
    }
}

/// Sets the network's parameters to `start + step direction`.
fn set_along(network: &mut Network, start: &[f64], direction: &[f64], step: f64) {
    let params = network.params_mut();
    for ((p, x), d) in params.iter_mut().zip(start).zip(direction) {
        *p = x + step * d;
    }
}

/// `sum a_i b_i`.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `y <- y + a x`.
fn axpy(y: &mut [f64], a: f64, x: &[f64]) {
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += a * xi;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::init::Init;
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::rng::rng_from_seed;

    /// A network used only as a parameter vector of length 3.
    fn three_params() -> Network {
        let spec = NetworkSpec::new(2, vec![], Activation::Linear, Objective::LinearSquared);
        Network::new(spec, Init::Zero, &mut rng_from_seed("lbfgs")).unwrap()
    }

    /// Ill-conditioned quadratic `1/2 sum c_i (x_i - 1)^2`, c = (1, 10, 100).
    fn quadratic(network: &Network, grad: &mut [f64]) -> f64 {
        let scales = [1.0, 10.0, 100.0];
        let mut f = 0.0;
        for ((g, x), c) in grad.iter_mut().zip(network.params()).zip(scales) {
            *g = c * (x - 1.0);
            f += 0.5 * c * (x - 1.0) * (x - 1.0);
        }
        f
    }

    #[test]
    fn minimises_an_ill_conditioned_quadratic() {
        let mut net = three_params();
        let mut state = LbfgsState::default();
        let mut last = f64::INFINITY;
        for _ in 0..30 {
            let outcome = state.iterate(&mut net, quadratic);
            assert!(outcome.after <= outcome.before);
            last = outcome.after;
        }
        assert!(last < 1e-12, "objective {last}");
        assert!(net.params().iter().all(|x| (x - 1.0).abs() < 1e-6));
        assert!(state.s.len() <= MEMORY);
    }

    #[test]
    fn a_minimum_is_left_alone() {
        let mut net = three_params();
        net.set_params(&[1.0, 1.0, 1.0]).unwrap();
        let outcome = LbfgsState::default().iterate(&mut net, quadratic);
        assert_eq!(
            (outcome.before, outcome.after, outcome.step),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(net.params(), &[1.0, 1.0, 1.0]);
    }
}
