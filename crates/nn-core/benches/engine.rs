//! Speed of the engine on the playground's heaviest network: 7 features (x1, x2, x1^2, x2^2,
//! x1 x2, sin x1, sin x2), 6 hidden layers of 8 tanh units, one tanh output, batch 10, 250
//! training points of a two-arm spiral, SGD at learning rate 0.03.
//!
//! Targets (issue 3): an epoch of 25 ten-sample updates in at most 275 us (11 us per update)
//! and a 100 x 100 grid evaluation of every neuron in under 5 ms.
//!
//! Each benchmark runs twice: `wall/...` measures elapsed time (criterion's default) and
//! `cpu/...` the benchmark thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), which stays honest
//! when other jobs share the machine's cores.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use nn_core::data::Features;
use nn_core::grid::evaluate_grid_into;
use nn_core::rng::rng_for;
use nn_core::{
    Activation, Dataset, Domain, GridOutputs, Hyperparameters, Init, Network, NetworkSpec,
    Objective, Task, Trainer, Workspace,
};

/// The seven playground features of a point, as the page expands them.
fn features(x1: f64, x2: f64, out: &mut [f64]) {
    Features::all().expand(x1, x2, out);
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
        features(
            r * libm::sin(t),
            r * libm::cos(t),
            &mut inputs[i * 7..(i + 1) * 7],
        );
        targets.push(class as f64);
    }
    let task = Task::Classification { classes: 2 };
    Dataset::new(inputs, 7, targets, task, Some(Domain::square(6.0))).expect("valid shape")
}

/// The heavy network, seeded.
fn heavy_network() -> Network {
    let spec = NetworkSpec::new(7, vec![8; 6], Activation::Tanh, Objective::TanhSquared);
    Network::new(
        spec,
        Init::PlaygroundUniform,
        &mut rng_for("bench", "weights"),
    )
    .expect("valid spec")
}

fn bench_epoch<M: Measurement + 'static>(c: &mut Criterion<M>, clock: &str) {
    let data = spiral_training_set();
    let h = Hyperparameters {
        learning_rate: 0.03,
        batch_size: 10,
        ..Default::default()
    };
    let mut trainer = Trainer::new(heavy_network(), h, rng_for("bench", "shuffle"));
    c.bench_function(&format!("{clock}/epoch_25_updates_of_10"), |b| {
        b.iter(|| {
            black_box(
                trainer
                    .update_epoch(black_box(&data))
                    .expect("width matches"),
            )
        })
    });
    c.bench_function(&format!("{clock}/epoch_then_train_loss"), |b| {
        b.iter(|| {
            black_box(
                trainer
                    .train_epoch(black_box(&data))
                    .expect("width matches"),
            )
        })
    });
}

fn bench_grid<M: Measurement + 'static>(c: &mut Criterion<M>, clock: &str) {
    let network = heavy_network();
    let domain = Domain::square(6.0);
    let mut workspace = Workspace::new(&network);
    let mut grid = GridOutputs::default();
    c.bench_function(&format!("{clock}/grid_100x100_all_neurons"), |b| {
        b.iter(|| {
            evaluate_grid_into(&network, &domain, 100, features, &mut workspace, &mut grid);
            black_box(grid.values[0])
        })
    });
}

/// CPU time of the calling thread, in nanoseconds.
struct ThreadCpuTime;

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_nanos()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_nanos().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Reads `CLOCK_THREAD_CPUTIME_ID`.
fn thread_cpu_nanos() -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec; the clock id is a constant libc defines.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}

/// Shows nanosecond values in ns, us or ms.
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical {
            t if t < 1e3 => (1.0, "ns"),
            t if t < 1e6 => (1e-3, "µs"),
            _ => (1e-6, "ms"),
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(&self, _: f64, _: &Throughput, values: &mut [f64]) -> &'static str {
        values.iter_mut().for_each(|v| *v = 1e9 / *v);
        "per second"
    }
    fn scale_for_machines(&self, _: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn wall(c: &mut Criterion<WallTime>) {
    bench_epoch(c, "wall");
    bench_grid(c, "wall");
}

fn cpu(c: &mut Criterion<ThreadCpuTime>) {
    bench_epoch(c, "cpu");
    bench_grid(c, "cpu");
}

criterion_group!(wall_time, wall);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = cpu
}
criterion_main!(wall_time, cpu_time);
