//! A sweep over the settings space: every data set, activation, loss, optimizer and penalty in
//! pairwise combination, then the extremes (no hidden layer and the largest network, the
//! smallest and the largest learning rate, batch sizes 1 and the largest), a few epochs each.
//! Whatever the settings, nothing panics and every number a view could show is finite, unless
//! the run says it diverged.

use playground_model::config::{
    Activation, DatasetKind, Loss, MAX_BATCH_2D, MAX_BATCH_DIGITS, MAX_LAYERS, MAX_LEARNING_RATE,
    MAX_NEURONS_2D, MAX_NEURONS_DIGITS, MAX_REGULARIZATION_RATE, Optimizer, Problem,
    RegDatasetKind, Regularization,
};
use playground_model::{Config, OwnData, OwnPoint, Readout, Session};

/// Epochs trained per setting: enough for several updates and a divergence to show.
const EPOCHS: u64 = 3;

/// The data sets, classification then regression.
fn data_sets() -> Vec<Config> {
    let classify = DatasetKind::ALL.iter().map(|&dataset| Config {
        dataset,
        classes: if dataset == DatasetKind::Blobs { 4 } else { 3 },
        ..Config::default()
    });
    let regress = RegDatasetKind::ALL.iter().map(|&reg_dataset| Config {
        problem: Problem::Regression,
        reg_dataset,
        ..Config::default()
    });
    classify.chain(regress).collect()
}

/// The optimizers, with SGD once plain and once with Nesterov momentum.
const OPTIMIZERS: [(Optimizer, f64); 4] = [
    (Optimizer::Sgd, 0.0),
    (Optimizer::Sgd, 0.9),
    (Optimizer::Adam, 0.0),
    (Optimizer::Lbfgs, 0.0),
];

/// One row of the sweep: an index into each dimension.
type Row = [usize; 5];

/// The number of values of each dimension: data set, activation, loss, optimizer, penalty.
fn dimensions() -> [usize; 5] {
    [
        data_sets().len(),
        Activation::ALL.len(),
        Loss::ALL.len(),
        OPTIMIZERS.len(),
        Regularization::ALL.len(),
    ]
}

/// Rows covering every pair of values of every two dimensions (greedy all-pairs: each row taken
/// is the one of the full product that covers the most pairs not yet covered).
fn pairwise_rows() -> Vec<Row> {
    let sizes = dimensions();
    let mut all: Vec<Row> = vec![[0; 5]];
    for (dim, &size) in sizes.iter().enumerate() {
        all = all
            .into_iter()
            .flat_map(|row| {
                (0..size).map(move |value| {
                    let mut next = row;
                    next[dim] = value;
                    next
                })
            })
            .collect();
    }
    let pairs = |row: &Row| {
        let mut out = Vec::new();
        for a in 0..5 {
            for b in a + 1..5 {
                out.push((a, row[a], b, row[b]));
            }
        }
        out
    };
    let mut uncovered: std::collections::HashSet<_> = all.iter().flat_map(pairs).collect();
    let mut rows = Vec::new();
    while !uncovered.is_empty() {
        let best = all
            .iter()
            .max_by_key(|row| pairs(row).iter().filter(|p| uncovered.contains(p)).count())
            .copied()
            .unwrap_or([0; 5]);
        for pair in pairs(&best) {
            uncovered.remove(&pair);
        }
        rows.push(best);
    }
    rows
}

/// The settings of a row.
fn config_of(row: Row) -> Config {
    let (optimizer, momentum) = OPTIMIZERS[row[3]];
    Config {
        activation: Activation::ALL[row[1]],
        loss: Loss::ALL[row[2]],
        optimizer,
        momentum,
        nesterov: momentum > 0.0,
        regularization: Regularization::ALL[row[4]],
        regularization_rate: if row[4] == 0 { 0.0 } else { 0.01 },
        seed: format!("sweep-{row:?}"),
        ..data_sets()[row[0]].clone()
    }
}

/// Points for the data sets of the user's own: 60 on a spiral through the domain, labelled
/// with all six classes in turn, or with values from -1 to 1.
fn own_points() -> OwnData {
    let point = |i: usize, label: f64| {
        let (radius, angle) = (0.09 * i as f64, 0.4 * i as f64);
        OwnPoint {
            x1: radius * angle.cos(),
            x2: radius * angle.sin(),
            label,
        }
    };
    OwnData {
        classification: (0..60).map(|i| point(i, (i % 6) as f64)).collect(),
        regression: (0..60)
            .map(|i| point(i, (i as f64 / 59.0) * 2.0 - 1.0))
            .collect(),
    }
}

/// Trains `config` a few epochs and checks every number the page could show.
fn check(config: Config) {
    let label = playground_model::encode(&config);
    let mut session =
        Session::with_own_data(config, own_points()).unwrap_or_else(|err| panic!("{label}: {err}"));
    for _ in 0..EPOCHS {
        let readout = session
            .run(1)
            .unwrap_or_else(|err| panic!("{label}: {err}"));
        check_readout(&readout, &label);
        if readout.diverged {
            return;
        }
    }
    assert!(
        session.network().is_finite(),
        "{label}: weights not finite, not diverged"
    );
    for point in session.history().points() {
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        assert!(
            finite(point.train_loss) && finite(point.test_loss),
            "{label}: {point:?}"
        );
    }
}

/// A readout holds only finite numbers (the session turns the others into `None`), and
/// accuracies are shares.
fn check_readout(readout: &Readout, label: &str) {
    let values = [
        readout.train_loss,
        readout.test_loss,
        readout.train_accuracy,
        readout.test_accuracy,
    ];
    for value in values.into_iter().flatten() {
        assert!(value.is_finite(), "{label}: {readout:?}");
    }
    for share in [readout.train_accuracy, readout.test_accuracy]
        .into_iter()
        .flatten()
    {
        assert!((0.0..=1.0).contains(&share), "{label}: {readout:?}");
    }
    if !readout.diverged {
        assert!(
            readout.train_loss.is_some(),
            "{label}: no training loss: {readout:?}"
        );
    }
}

#[test]
fn every_pair_of_settings_trains_without_panic_or_non_finite_numbers() {
    let rows = pairwise_rows();
    let [data, activations, losses, optimizers, penalties] = dimensions();
    assert!(
        rows.len() >= data * activations,
        "every data set meets every activation"
    );
    assert!(rows.len() < data * activations * losses * optimizers * penalties / 4);
    for row in rows {
        check(config_of(row));
    }
}

#[test]
fn extreme_settings_train_without_panic_or_non_finite_numbers() {
    for base in data_sets() {
        let widest =
            if base.dataset == DatasetKind::Digits && base.problem == Problem::Classification {
                (MAX_NEURONS_DIGITS, MAX_BATCH_DIGITS)
            } else {
                (MAX_NEURONS_2D, MAX_BATCH_2D)
            };
        let shapes = [Vec::new(), vec![widest.0; MAX_LAYERS]];
        for shape in shapes {
            for learning_rate in [0.00001, MAX_LEARNING_RATE] {
                for batch_size in [1, widest.1] {
                    check(Config {
                        network_shape: shape.clone(),
                        learning_rate,
                        batch_size,
                        regularization: Regularization::L2,
                        regularization_rate: MAX_REGULARIZATION_RATE,
                        seed: "extremes".into(),
                        ..base.clone()
                    });
                }
            }
        }
    }
}
