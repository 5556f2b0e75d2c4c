//! Speed of the engine on the playground's heaviest network: 7 features (x1, x2, x1^2, x2^2,
//! x1 x2, sin x1, sin x2), 6 hidden layers of 8 tanh units, one tanh output, batch 10, 250
//! training points of a two-arm spiral, SGD at learning rate 0.03.
//!
//! Targets (issue 3): an epoch of 25 ten-sample updates in at most 275 us (11 us per update)
//! and a 100 x 100 grid evaluation of every neuron in under 5 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use nn_core::grid::evaluate_grid_into;
use nn_core::rng::rng_for;
use nn_core::{
    Activation, Dataset, Domain, GridOutputs, Hyperparameters, Init, Network, NetworkSpec,
    Objective, Task, Trainer, Workspace,
};

/// The seven playground features of a point.
fn features(x1: f64, x2: f64, out: &mut [f64]) {
    let values = [x1, x2, x1 * x1, x2 * x2, x1 * x2, libm::sin(x1), libm::sin(x2)];
    out.copy_from_slice(&values);
}

/// 250 points on two spiral arms within [-5, 5]^2, expanded to 7 features.
fn spiral_training_set() -> Dataset {
    let n = 250;
    let mut inputs = vec![0.0; n * 7];
    let mut targets = Vec::with_capacity(n);
    for i in 0..n {
        let class = i % 2;
        let r = 5.0 * (i / 2) as f64 / (n / 2) as f64;
        let t = 1.75 * r + std::f64::consts::PI * class as f64;
        features(r * libm::sin(t), r * libm::cos(t), &mut inputs[i * 7..(i + 1) * 7]);
        targets.push(class as f64);
    }
    let task = Task::Classification { classes: 2 };
    Dataset::new(inputs, 7, targets, task, Some(Domain::square(6.0))).expect("valid shape")
}

/// The heavy network, seeded.
fn heavy_network() -> Network {
    let spec = NetworkSpec::new(7, vec![8; 6], Activation::Tanh, Objective::TanhSquared);
    Network::new(spec, Init::PlaygroundUniform, &mut rng_for("bench", "weights"))
        .expect("valid spec")
}

fn bench_epoch(c: &mut Criterion) {
    let data = spiral_training_set();
    let h = Hyperparameters { learning_rate: 0.03, batch_size: 10, ..Default::default() };
    let mut trainer = Trainer::new(heavy_network(), h, rng_for("bench", "shuffle"));
    c.bench_function("epoch_updates_250pts_batch10 (25 updates)", |b| {
        b.iter(|| black_box(trainer.update_epoch(black_box(&data)).expect("width matches")))
    });
    c.bench_function("epoch_with_train_loss_250pts_batch10", |b| {
        b.iter(|| black_box(trainer.train_epoch(black_box(&data)).expect("width matches")))
    });
}

fn bench_grid(c: &mut Criterion) {
    let network = heavy_network();
    let domain = Domain::square(6.0);
    let mut workspace = Workspace::new(&network);
    let mut grid = GridOutputs::default();
    c.bench_function("grid_100x100_all_neurons", |b| {
        b.iter(|| {
            evaluate_grid_into(&network, &domain, 100, features, &mut workspace, &mut grid);
            black_box(grid.values[0])
        })
    });
}

criterion_group!(benches, bench_epoch, bench_grid);
criterion_main!(benches);
