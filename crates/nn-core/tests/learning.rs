//! Learning tests that join the data sets (`nn_core::data`) and the engine: the lecture's logic
//! gates with a single neuron, and the digits against scikit-learn's reference accuracies.
//!
//! Reference numbers are copied from the project's `shared/reference/sklearn.json`
//! (scikit-learn 1.9.1, seeds 0-4); the file is not read at test time.

use nn_core::data::{Gate, digits, gate_default, split};
use nn_core::rng::rng_for;
use nn_core::{
    Activation, Dataset, Hyperparameters, Init, Network, NetworkSpec, Objective, OptimizerKind,
    Regularization, Trainer, evaluate,
};

/// A single neuron (no hidden layer) on two inputs.
fn single_neuron(objective: Objective, seed: &str) -> Network {
    let spec = NetworkSpec::new(2, vec![], Activation::Tanh, objective);
    Network::new(spec, Init::PlaygroundUniform, &mut rng_for(seed, "weights")).unwrap()
}

/// Trains `network` for `epochs` and returns the trainer.
fn train(network: Network, h: Hyperparameters, data: &Dataset, epochs: usize) -> Trainer {
    let mut trainer = Trainer::new(network, h, rng_for("learning", "shuffle"));
    for _ in 0..epochs {
        trainer.train_epoch(data).unwrap();
    }
    trainer
}

/// Slope of the boundary line `w1 x1 + w2 x2 + b = 0` written as `x2 = slope x1 + c`.
fn boundary_slope(network: &Network) -> f64 {
    let p = network.params();
    -p[0] / p[1]
}

/// True when every row of the table is on its class's side of the neuron's boundary.
fn line_separates(network: &Network, data: &Dataset) -> bool {
    let p = network.params();
    (0..data.len()).all(|i| {
        let z = p[0] * data.row(i)[0] + p[1] * data.row(i)[1] + p[2];
        (z > 0.0) == (data.targets[i] == 1.0)
    })
}

/// scikit-learn's `LogisticRegression(C=1, solver="lbfgs")` on a table of n rows minimises
/// `sum log-loss + 1/2 ||w||^2`, which is our mean cross-entropy with L2 rate `1 / n`.
fn logistic_regression_hyperparameters(rows: usize) -> Hyperparameters {
    Hyperparameters {
        optimizer: OptimizerKind::Lbfgs,
        regularization: Regularization::L2,
        regularization_rate: 1.0 / rows as f64,
        ..Hyperparameters::default()
    }
}

#[test]
fn single_neuron_learns_and_or_nand_like_scikit_learn() {
    // `exact`: the optimum of the same objective found by Newton's method (50 iterations in
    // plain Python, run while writing this test). `sklearn`: shared/reference/sklearn.json,
    // logistic_regression_gates_x100.lbfgs (4 decimals; its solver stops at tol 1e-4, hence
    // the looser comparison). Both have boundary slope -1.
    let reference = [
        (
            Gate::And,
            [5.106328653698909, 5.106328653698909, -8.03530584611504],
        ),
        (
            Gate::Or,
            [5.106328653698907, 5.106328653698907, -2.1773514612827767],
        ),
        (
            Gate::Nand,
            [-5.106328653698909, -5.106328653698909, 8.03530584611504],
        ),
    ];
    let sklearn = [
        [5.1146, 5.1146, -8.0487],
        [5.1061, 5.1061, -2.1774],
        [-5.1146, -5.1146, 8.0487],
    ];
    for ((gate, exact), sklearn) in reference.into_iter().zip(sklearn) {
        let data = gate_default(gate);
        let neuron = single_neuron(Objective::SigmoidCrossEntropy, "gates");
        let h = logistic_regression_hyperparameters(data.len());
        let trainer = train(neuron, h, &data, 100);
        let net = trainer.network();

        assert_eq!(
            evaluate(net, &data).unwrap().accuracy,
            Some(1.0),
            "{gate:?}"
        );
        assert!((boundary_slope(net) + 1.0).abs() < 0.05, "{gate:?}");
        assert!(line_separates(net, &data), "{gate:?}");
        for ((got, want), theirs) in net.params().iter().zip(exact).zip(sklearn) {
            assert!(
                (got - want).abs() < 1e-6,
                "{gate:?}: {:?} vs {exact:?}",
                net.params()
            );
            assert!(
                (got - theirs).abs() < 0.02,
                "{gate:?}: {:?} vs {sklearn:?}",
                net.params()
            );
        }
    }
}

#[test]
fn single_playground_neuron_learns_and_or_nand_with_sgd() {
    // TensorFlow Playground's objective (tanh, squared loss) and optimizer (SGD, batch 10),
    // with a little L2 so the symmetric boundary (slope -1) is the unique optimum.
    for gate in [Gate::And, Gate::Or, Gate::Nand] {
        let data = gate_default(gate);
        let h = Hyperparameters {
            learning_rate: 0.1,
            batch_size: 10,
            regularization: Regularization::L2,
            regularization_rate: 0.001,
            ..Hyperparameters::default()
        };
        let trainer = train(
            single_neuron(Objective::TanhSquared, "sgd gates"),
            h,
            &data,
            60,
        );
        let net = trainer.network();
        assert_eq!(
            evaluate(net, &data).unwrap().accuracy,
            Some(1.0),
            "{gate:?}"
        );
        let slope = boundary_slope(net);
        assert!((slope + 1.0).abs() < 0.05, "{gate:?}: slope {slope}");
        assert!(line_separates(net, &data), "{gate:?}");
    }
}

#[test]
fn single_neuron_cannot_learn_xor() {
    // One line splits at most 3 of XOR's 4 corners correctly.
    let data = gate_default(Gate::Xor);
    for objective in [Objective::TanhSquared, Objective::SigmoidCrossEntropy] {
        let h = Hyperparameters {
            learning_rate: 0.1,
            ..Hyperparameters::default()
        };
        let trainer = train(single_neuron(objective, "xor"), h, &data, 50);
        let accuracy = evaluate(trainer.network(), &data)
            .unwrap()
            .accuracy
            .unwrap();
        assert!(accuracy <= 0.75, "{objective:?}: {accuracy}");
    }
}

/// Test accuracy on the digits for hidden layers `hidden`, with the reference's settings:
/// ReLU, Adam, learning rate 0.001, batch 200 (scikit-learn's min(200, n)), Glorot init,
/// `alpha = 1e-4`, test share 0.33.
///
/// scikit-learn adds `alpha / 2 ||w||^2` to each batch's *summed* loss before dividing by the
/// batch size, so its `alpha` is our (batch-mean) L2 rate times the batch size.
fn digits_test_accuracy(hidden: Vec<usize>, epochs: usize, seed: &str) -> f64 {
    let all = digits();
    let (train_set, test_set) = split(&all, 67.0, &mut rng_for(seed, "split")).unwrap();
    assert_eq!((train_set.len(), test_set.len()), (1203, 594));

    let objective = Objective::SoftmaxCrossEntropy { classes: 10 };
    let spec = NetworkSpec::new(64, hidden, Activation::Relu, objective);
    let network = Network::new(spec, Init::Glorot, &mut rng_for(seed, "weights")).unwrap();
    let h = Hyperparameters {
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.001,
        batch_size: 200,
        regularization: Regularization::L2,
        regularization_rate: 1e-4 / 200.0,
        ..Hyperparameters::default()
    };
    let mut trainer = Trainer::new(network, h, rng_for(seed, "shuffle"));
    for _ in 0..epochs {
        trainer.train_epoch(&train_set).unwrap();
    }
    let accuracy = evaluate(trainer.network(), &test_set)
        .unwrap()
        .accuracy
        .unwrap();
    eprintln!("digits, seed {seed}: test accuracy {accuracy}");
    accuracy
}

#[test]
fn digits_with_64_hidden_units_reach_the_reference_accuracy() {
    // shared/reference/sklearn.json, digits."adam_(64,)_default_maxiter200": mean test
    // accuracy 0.9636 over seeds 0-4 (max_iter 200).
    let accuracy = digits_test_accuracy(vec![64], 200, "digits-64");
    assert!(accuracy >= 0.9636 - 0.02, "test accuracy {accuracy}");
}

#[test]
fn digits_with_10_10_10_5_hidden_units_reach_the_reference_accuracy() {
    // shared/reference/sklearn.json, digits."adam_maxiter500_(10,10,10,5)": mean test
    // accuracy 0.8781 over seeds 0-4 (stopped after 149-431 epochs).
    let accuracy = digits_test_accuracy(vec![10, 10, 10, 5], 300, "digits-deep");
    assert!(accuracy >= 0.8781 - 0.02, "test accuracy {accuracy}");
}
