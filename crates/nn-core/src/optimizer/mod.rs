//! Optimizers, named as in scikit-learn: `sgd`, `adam` and `lbfgs`.
//!
//! Each optimizer keeps its own state (velocity, moments, curvature history) in the parameter
//! layout of [`crate::Network`]. Switching optimizer keeps the weights and starts the new
//! optimizer's state fresh; a state whose length no longer matches the network is reset too.

pub mod adam;
pub mod lbfgs;
pub mod sgd;

use serde::{Deserialize, Serialize};

pub use adam::AdamState;
pub use lbfgs::LbfgsState;
pub use sgd::SgdState;

/// Which optimizer trains the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum OptimizerKind {
    /// Mini-batch stochastic gradient descent, with optional (Nesterov) momentum.
    #[default]
    Sgd,
    /// Adam with bias correction (Kingma & Ba 2015), `beta1 = 0.9`, `beta2 = 0.999`,
    /// `epsilon = 1e-8`, in scikit-learn's form.
    Adam,
    /// Full-batch limited-memory BFGS (memory 10) with a backtracking Armijo line search. One
    /// epoch is one iteration; the batch size and learning rate are ignored.
    Lbfgs,
}

impl OptimizerKind {
    /// scikit-learn's name: `"sgd"`, `"adam"` or `"lbfgs"`.
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "sgd",
            OptimizerKind::Adam => "adam",
            OptimizerKind::Lbfgs => "lbfgs",
        }
    }

    /// True for the optimizers that work on mini-batches (SGD, Adam).
    pub fn uses_batches(self) -> bool {
        self != OptimizerKind::Lbfgs
    }
}

/// The running state of whichever optimizer is in use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum OptimizerState {
    /// SGD's velocity.
    Sgd(SgdState),
    /// Adam's moments and step count.
    Adam(AdamState),
    /// L-BFGS's curvature pairs.
    Lbfgs(LbfgsState),
}

impl OptimizerState {
    /// A fresh state for `kind`.
    pub fn new(kind: OptimizerKind) -> Self {
        match kind {
            OptimizerKind::Sgd => OptimizerState::Sgd(SgdState::default()),
            OptimizerKind::Adam => OptimizerState::Adam(AdamState::default()),
            OptimizerKind::Lbfgs => OptimizerState::Lbfgs(LbfgsState::default()),
        }
    }

    /// The optimizer this state belongs to.
    pub fn kind(&self) -> OptimizerKind {
        match self {
            OptimizerState::Sgd(_) => OptimizerKind::Sgd,
            OptimizerState::Adam(_) => OptimizerKind::Adam,
            OptimizerState::Lbfgs(_) => OptimizerKind::Lbfgs,
        }
    }
}

/// Resizes `buffer` to `len` zeros if it does not have that length already (a fresh start).
pub(crate) fn fit_zeros(buffer: &mut Vec<f64>, len: usize) {
    if buffer.len() != len {
        buffer.clear();
        buffer.resize(len, 0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_scikit_learn_and_states_match_kinds() {
        let kinds = [
            OptimizerKind::Sgd,
            OptimizerKind::Adam,
            OptimizerKind::Lbfgs,
        ];
        let names: Vec<_> = kinds.iter().map(|k| k.name()).collect();
        assert_eq!(names, ["sgd", "adam", "lbfgs"]);
        for kind in kinds {
            assert_eq!(OptimizerState::new(kind).kind(), kind);
        }
        assert!(!OptimizerKind::Lbfgs.uses_batches());
    }

    #[test]
    fn fit_zeros_resets_only_on_a_length_change() {
        let mut buffer = vec![1.0, 2.0];
        fit_zeros(&mut buffer, 2);
        assert_eq!(buffer, vec![1.0, 2.0]);
        fit_zeros(&mut buffer, 3);
        assert_eq!(buffer, vec![0.0; 3]);
    }
}
