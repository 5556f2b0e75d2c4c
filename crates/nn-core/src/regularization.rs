//! Weight penalties: L2 `1/2 lambda ||w||^2` and L1 `lambda ||w||_1`, on weights only (biases
//! are never penalised).
//!
//! How they enter training depends on the optimizer (see [`crate::optimizer`]): with SGD, L2 is
//! weight decay (its gradient `lambda w` joins the data gradient) and L1 is a proximal
//! soft-threshold step after the gradient step; with Adam and L-BFGS both penalties enter the
//! gradient (`lambda w`, `lambda sign(w)`). The loss the trainer reports is the data loss
//! alone; the penalty is reported apart.

use serde::{Deserialize, Serialize};

use crate::network::Network;

/// Which penalty is applied to the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Regularization {
    /// No penalty.
    #[default]
    None,
    /// `lambda ||w||_1 = lambda sum |w|`.
    L1,
    /// `1/2 lambda ||w||^2 = lambda/2 sum w^2`.
    L2,
}

impl Regularization {
    /// The penalty's value for `network`'s weights at rate `lambda`.
    pub fn penalty(self, network: &Network, lambda: f64) -> f64 {
        let weights = weights_of(network);
        match self {
            Regularization::None => 0.0,
            Regularization::L1 => lambda * weights.map(libm::fabs).sum::<f64>(),
            Regularization::L2 => 0.5 * lambda * weights.map(|w| w * w).sum::<f64>(),
        }
    }

    /// Adds the penalty's gradient (`lambda w` or `lambda sign(w)`, with `sign(0) = 0`) to
    /// `grad` at every weight. `grad` has the network's parameter layout.
    pub fn add_gradient(self, network: &Network, lambda: f64, grad: &mut [f64]) {
        let params = network.params();
        for range in network.weight_ranges() {
            let pairs = grad[range.clone()].iter_mut().zip(&params[range]);
            match self {
                Regularization::None => return,
                Regularization::L1 => pairs.for_each(|(g, &w)| *g += lambda * sign(w)),
                Regularization::L2 => pairs.for_each(|(g, &w)| *g += lambda * w),
            }
        }
    }

    /// The proximal step of L1 after a gradient step of size `learning_rate`: every weight
    /// moves `learning_rate * lambda` towards 0 and stops at exactly 0 rather than crossing it
    /// (soft-thresholding). A weight at 0 leaves it only when the next gradient step carries it
    /// further than the threshold. Does nothing for other penalties.
    pub fn proximal_step(self, network: &mut Network, learning_rate: f64, lambda: f64) {
        if self != Regularization::L1 {
            return;
        }
        let threshold = learning_rate * lambda;
        for l in 0..network.layers().len() {
            let range = network.layers()[l].weights();
            for w in &mut network.params_mut()[range] {
                *w = soft_threshold(*w, threshold);
            }
        }
    }
}

/// `sign(w) max(|w| - t, 0)`: shrinks `w` by `t` towards 0, stopping at 0.
#[inline]
pub fn soft_threshold(w: f64, t: f64) -> f64 {
    if w > t {
        w - t
    } else if w < -t {
        w + t
    } else if w.is_nan() || t.is_nan() {
        f64::NAN
    } else {
        0.0
    }
}

/// -1, 0 or 1 (NaN stays NaN so divergence is seen).
#[inline]
fn sign(w: f64) -> f64 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        w * 0.0
    }
}

/// Every weight of a network, biases excluded.
fn weights_of(network: &Network) -> impl Iterator<Item = f64> + '_ {
    let params = network.params();
    network
        .weight_ranges()
        .flat_map(move |r| params[r].iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::init::Init;
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::rng::rng_from_seed;

    /// C05 in the project's worked cases: no hidden layer, y = 0.5 x1 - 1.0 x2 + 0.1.
    fn c05_network() -> Network {
        let spec = NetworkSpec::new(2, vec![], Activation::Tanh, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("c05")).unwrap();
        net.set_params(&[0.5, -1.0, 0.1]).unwrap();
        net
    }

    #[test]
    fn penalties_skip_biases_c05() {
        // C05: l2_penalty 0.0625, l1_penalty 0.15000000000000002 at lambda 0.1.
        let net = c05_network();
        assert!((Regularization::L2.penalty(&net, 0.1) - 0.0625).abs() < 1e-12);
        assert!((Regularization::L1.penalty(&net, 0.1) - 0.15000000000000002).abs() < 1e-12);
        assert_eq!(Regularization::None.penalty(&net, 0.1), 0.0);
    }

    #[test]
    fn penalty_gradients_skip_biases() {
        let net = c05_network();
        let mut grad = vec![0.0; 3];
        Regularization::L2.add_gradient(&net, 0.1, &mut grad);
        assert_eq!(grad, vec![0.05, -0.1, 0.0]);
        grad.fill(0.0);
        Regularization::L1.add_gradient(&net, 0.1, &mut grad);
        assert_eq!(grad, vec![0.1, -0.1, 0.0]);
    }

    #[test]
    fn soft_threshold_stops_at_zero_from_both_sides() {
        // C03 in the project's worked cases: 0.05 with a step of 0.03 -> 0.02 -> 0.0.
        assert!((soft_threshold(0.05, 0.03) - 0.02).abs() < 1e-12);
        assert_eq!(soft_threshold(0.02, 0.03), 0.0);
        assert_eq!(soft_threshold(-0.02, 0.03), 0.0);
        assert!((soft_threshold(-0.05, 0.03) + 0.02).abs() < 1e-12);
        assert!(soft_threshold(f64::NAN, 0.03).is_nan());
    }

    #[test]
    fn proximal_step_leaves_biases_alone() {
        let mut net = c05_network();
        Regularization::L1.proximal_step(&mut net, 1.0, 0.3);
        assert_eq!(net.params()[1], -0.7);
        assert_eq!(net.params()[2], 0.1);
        assert!((net.params()[0] - 0.2).abs() < 1e-15);
    }
}
