//! A fixed, seeded training run whose result is hashed bit for bit, so that the same build run
//! natively and in wasm can be compared: the hash must be equal everywhere.
//!
//! The expected value is kept in `crates/nn-core/tests/fingerprint.txt` (one line, hex), read
//! by the native test and by the web crate's wasm-bindgen-test.

use crate::activation::Activation;
use crate::data::Features;
use crate::dataset::{Dataset, Task};
use crate::init::Init;
use crate::loss::Objective;
use crate::network::{Network, NetworkSpec};
use crate::optimizer::OptimizerKind;
use crate::regularization::Regularization;
use crate::rng::rng_for;
use crate::train::{Hyperparameters, Trainer};

/// FNV-1a 64-bit offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a 64-bit prime.
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Trains a fixed seeded network and hashes every parameter's bits (FNV-1a over the
/// little-endian bytes of `f64::to_bits`, parameters in layout order, then the final training
/// loss).
///
/// The run touches every maths path that could differ between platforms: `sin`, `exp`, `tanh`,
/// `log1p`, `sqrt` and `pow` (through the features, activations, losses and Adam), SGD with
/// Nesterov momentum and L1, Adam with L2, and L-BFGS. It takes a few milliseconds.
pub fn trajectory_fingerprint() -> u64 {
    let data = fingerprint_data();
    let spec = NetworkSpec::new(
        7,
        vec![5, 4],
        Activation::Tanh,
        Objective::SigmoidCrossEntropy,
    );
    let network = Network::new(spec, Init::PlaygroundUniform, &mut rng_for("fp", "weights"));
    let Ok(network) = network else {
        return 0;
    };
    let mut trainer = Trainer::new(
        network,
        Hyperparameters::default(),
        rng_for("fp", "shuffle"),
    );
    let phases = [
        (OptimizerKind::Sgd, Regularization::L1, 3),
        (OptimizerKind::Adam, Regularization::L2, 3),
        (OptimizerKind::Lbfgs, Regularization::L2, 3),
    ];
    let mut last_loss = 0.0;
    for (optimizer, regularization, epochs) in phases {
        trainer.set_hyperparameters(Hyperparameters {
            optimizer,
            learning_rate: 0.05,
            batch_size: 7,
            momentum: 0.9,
            nesterov: true,
            regularization,
            regularization_rate: 0.001,
        });
        for _ in 0..epochs {
            let report = trainer.train_epoch(&data);
            last_loss = report.ok().and_then(|r| r.train_loss).unwrap_or(f64::NAN);
        }
    }
    let bits = trainer
        .network()
        .params()
        .iter()
        .chain([&last_loss])
        .map(|v| v.to_bits());
    bits.fold(FNV_OFFSET, |hash, word| {
        word.to_le_bytes()
            .iter()
            .fold(hash, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
    })
}

/// 40 points on two interleaved spiral arms with the seven playground features
/// `x1, x2, x1^2, x2^2, x1 x2, sin x1, sin x2`.
fn fingerprint_data() -> Dataset {
    let n = 40;
    let mut inputs = Vec::with_capacity(n * 7);
    let mut targets = Vec::with_capacity(n);
    for i in 0..n {
        let class = i % 2;
        let r = 0.3 + 5.0 * (i / 2) as f64 / (n / 2) as f64;
        let t = 1.75 * r + std::f64::consts::PI * class as f64;
        let (x1, x2) = (r * libm::sin(t), r * libm::cos(t));
        let mut row = [0.0; 7];
        Features::all().expand(x1, x2, &mut row);
        inputs.extend(row);
        targets.push(class as f64);
    }
    let task = Task::Classification { classes: 2 };
    Dataset {
        inputs,
        dim: 7,
        targets,
        task,
        domain: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_matches_the_recorded_value() {
        // The recorded value was produced by this function natively (x86_64); the wasm test
        // of the web crate compares against the same file.
        let recorded = include_str!("../tests/fingerprint.txt").trim();
        let expected = u64::from_str_radix(recorded, 16).expect("fingerprint.txt holds hex");
        assert_eq!(
            trajectory_fingerprint(),
            expected,
            "got {:016x}",
            trajectory_fingerprint()
        );
    }

    #[test]
    fn fingerprint_data_is_balanced_and_seven_wide() {
        let data = fingerprint_data();
        assert_eq!((data.len(), data.dim), (40, 7));
        assert_eq!(data.targets.iter().sum::<f64>(), 20.0);
    }
}
