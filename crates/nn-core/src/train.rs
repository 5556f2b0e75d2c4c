//! Training: a [`Trainer`] owns a network, its hyperparameters, its optimizer's state and the
//! generator that shuffles the training set; everything in it serialises, so a run can be
//! saved and continued bit for bit.
//!
//! One epoch is one pass over the training set, reshuffled every epoch, in `ceil(n / batch)`
//! updates; the last partial batch is applied and averaged over its own size; gradients are
//! batch means. With L-BFGS one epoch is one full-batch iteration.
//!
//! Divergence: the first update after which the batch loss or any parameter is not finite
//! (tested with `is_finite`, so infinities count), or the training loss measured after an epoch
//! is not finite, puts the trainer in [`TrainStatus::Diverged`]; it then refuses further
//! updates until the caller builds a new trainer.

use serde::{Deserialize, Serialize};

use crate::batch::BatchWorkspace;
use crate::dataset::Dataset;
use crate::error::NnError;
use crate::network::Network;
use crate::optimizer::{OptimizerKind, OptimizerState};
use crate::regularization::Regularization;
use crate::rng::Rng;

/// Everything that may change between updates without touching the weights.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Hyperparameters {
    /// The optimizer; changing it keeps the weights and starts its state fresh.
    pub optimizer: OptimizerKind,
    /// Step size `lr` of SGD and Adam (ignored by L-BFGS).
    pub learning_rate: f64,
    /// Examples per update (0 is read as 1; ignored by L-BFGS).
    pub batch_size: usize,
    /// SGD momentum `mu` in `[0, 1)`; 0 is plain SGD.
    pub momentum: f64,
    /// Nesterov momentum for SGD.
    pub nesterov: bool,
    /// Penalty on the weights.
    pub regularization: Regularization,
    /// Penalty rate `lambda`.
    pub regularization_rate: f64,
}

impl Default for Hyperparameters {
    /// TensorFlow Playground's defaults: SGD, learning rate 0.03, batch 10, no penalty.
    fn default() -> Self {
        Hyperparameters {
            optimizer: OptimizerKind::Sgd,
            learning_rate: 0.03,
            batch_size: 10,
            momentum: 0.0,
            nesterov: false,
            regularization: Regularization::None,
            regularization_rate: 0.0,
        }
    }
}

/// Whether the trainer can go on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TrainStatus {
    /// Parameters and losses are finite.
    #[default]
    Running,
    /// A loss or a parameter became infinite or NaN; no more updates are made.
    Diverged,
}

/// What one call to [`Trainer::train_epoch`] did.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EpochReport {
    /// Epochs completed so far (including this one).
    pub epoch: u64,
    /// Updates applied by this call.
    pub updates: usize,
    /// Mean of the data losses of this call's batches, each measured before its update
    /// (scikit-learn's `loss_curve_` value); `None` when no update ran.
    pub mean_batch_loss: Option<f64>,
    /// Data loss over the whole training set after the epoch (no penalty); `None` from
    /// [`Trainer::update_epoch`] or for an empty training set.
    pub train_loss: Option<f64>,
    /// The regularization penalty after the epoch, reported apart from the loss.
    pub penalty: f64,
    /// Status after the epoch.
    pub status: TrainStatus,
}

/// Buffers reused across updates (not part of the saved state).
#[derive(Debug, Clone, Default)]
struct Scratch {
    /// Batched forward/backward buffers (updates and the training loss).
    batch: BatchWorkspace,
    /// Gradient in the parameter layout.
    grad: Vec<f64>,
    /// This epoch's order of training rows.
    order: Vec<usize>,
}

/// A network in training, with all the state needed to continue exactly.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Trainer {
    network: Network,
    hyperparameters: Hyperparameters,
    optimizer: OptimizerState,
    rng: Rng,
    epoch: u64,
    updates: u64,
    status: TrainStatus,
    diverged_at: Option<u64>,
    /// Parameter indices held fixed by the caller (sorted, no repeats).
    #[serde(default)]
    frozen: Vec<usize>,
    #[serde(skip)]
    scratch: Scratch,
}

impl Trainer {
    /// A trainer for `network`; `rng` shuffles the training set (seed it, e.g. with
    /// `rng_for(seed, "shuffle")`).
    pub fn new(network: Network, hyperparameters: Hyperparameters, rng: Rng) -> Self {
        Trainer {
            optimizer: OptimizerState::new(hyperparameters.optimizer),
            network,
            hyperparameters,
            rng,
            epoch: 0,
            updates: 0,
            status: TrainStatus::Running,
            diverged_at: None,
            frozen: Vec::new(),
            scratch: Scratch::default(),
        }
    }

    /// The network being trained.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The network, for hand edits of weights and biases; training goes on from the edited
    /// values with the optimizer state it has.
    pub fn network_mut(&mut self) -> &mut Network {
        &mut self.network
    }

    /// The hyperparameters in force.
    pub fn hyperparameters(&self) -> &Hyperparameters {
        &self.hyperparameters
    }

    /// Changes the hyperparameters for the next update; the weights are untouched. A new
    /// optimizer starts with a fresh state.
    pub fn set_hyperparameters(&mut self, hyperparameters: Hyperparameters) {
        if hyperparameters.optimizer != self.optimizer.kind() {
            self.optimizer = OptimizerState::new(hyperparameters.optimizer);
        }
        self.hyperparameters = hyperparameters;
    }

    /// The optimizer's state (moments, velocity or curvature history).
    pub fn optimizer_state(&self) -> &OptimizerState {
        &self.optimizer
    }

    /// Holds parameter `index` (in the layout of [`Network::params`]) fixed during training,
    /// or releases it: a frozen parameter gets a zero gradient and keeps its value through every
    /// update (for example a unit without bias, or a weight pinned in a teaching demo).
    /// Out-of-range indices are ignored.
    pub fn set_frozen(&mut self, index: usize, frozen: bool) {
        match (self.frozen.binary_search(&index), frozen) {
            (Err(at), true) if index < self.network.param_count() => self.frozen.insert(at, index),
            (Ok(at), false) => {
                self.frozen.remove(at);
            }
            _ => {}
        }
    }

    /// Checks that a trainer read from outside (a saved file) fits its network: optimizer
    /// state as long as the parameters (or empty, a fresh start), L-BFGS pairs matched, frozen
    /// indices in range and sorted, counts below 2^53, hyperparameters finite. A trainer made
    /// here always passes.
    ///
    /// # Errors
    /// [`NnError::StateMismatch`] naming the part that does not fit.
    pub fn check(&self) -> Result<(), NnError> {
        let n = self.network.param_count();
        let fits = |v: &[f64]| v.is_empty() || v.len() == n;
        let state_fits = match &self.optimizer {
            OptimizerState::Sgd(sgd) => fits(&sgd.velocity),
            OptimizerState::Adam(adam) => fits(&adam.m) && fits(&adam.v),
            OptimizerState::Lbfgs(lbfgs) => {
                lbfgs.s.len() == lbfgs.y.len()
                    && lbfgs.s.iter().chain(&lbfgs.y).all(|v| v.len() == n)
            }
        };
        if !state_fits {
            return Err(NnError::StateMismatch("optimizer state"));
        }
        if self.optimizer.kind() != self.hyperparameters.optimizer {
            return Err(NnError::StateMismatch("optimizer kind"));
        }
        let sorted = self.frozen.windows(2).all(|w| w[0] < w[1]);
        if !sorted || self.frozen.last().is_some_and(|&i| i >= n) {
            return Err(NnError::StateMismatch("frozen parameters"));
        }
        // Counts no run reaches (2^53 epochs), so that counting on can never overflow.
        const MAX_COUNT: u64 = 1 << 53;
        let steps = match &self.optimizer {
            OptimizerState::Adam(adam) => adam.t,
            _ => 0,
        };
        if [self.epoch, self.updates, steps]
            .iter()
            .any(|&n| n >= MAX_COUNT)
        {
            return Err(NnError::StateMismatch("epoch or update counts"));
        }
        let h = &self.hyperparameters;
        let numbers = [h.learning_rate, h.momentum, h.regularization_rate];
        if !numbers.iter().all(|x| x.is_finite()) || h.batch_size == 0 {
            return Err(NnError::StateMismatch("hyperparameters"));
        }
        Ok(())
    }

    /// The frozen parameter indices, sorted.
    pub fn frozen(&self) -> &[usize] {
        &self.frozen
    }

    /// Epochs completed.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Updates applied since the start.
    pub fn updates(&self) -> u64 {
        self.updates
    }

    /// Running or diverged.
    pub fn status(&self) -> TrainStatus {
        self.status
    }

    /// The 1-based number of the update after which divergence was seen (`None` if running).
    pub fn diverged_at_update(&self) -> Option<u64> {
        self.diverged_at
    }

    /// The penalty at the current weights (reported apart from the data loss).
    pub fn penalty(&self) -> f64 {
        let h = &self.hyperparameters;
        h.regularization
            .penalty(&self.network, h.regularization_rate)
    }

    /// One epoch, then the data loss over `train` after it (what a loss chart plots).
    ///
    /// An empty training set does nothing; a diverged trainer does nothing.
    pub fn train_epoch(&mut self, train: &Dataset) -> Result<EpochReport, NnError> {
        let mut report = self.update_epoch(train)?;
        if report.updates == 0 {
            return Ok(report);
        }
        self.fit_scratch();
        let loss = self.scratch.batch.mean_loss(&self.network, train);
        if loss.is_some_and(|l| !l.is_finite()) {
            self.mark_diverged();
        }
        report.train_loss = loss;
        report.status = self.status;
        Ok(report)
    }

    /// One epoch of updates without measuring the training loss afterwards (cheaper; the
    /// benchmark's "epoch"). Divergence is still checked after every update.
    pub fn update_epoch(&mut self, train: &Dataset) -> Result<EpochReport, NnError> {
        self.check_width(train)?;
        if train.is_empty() || self.status == TrainStatus::Diverged {
            return Ok(self.report(0, None));
        }
        self.fit_scratch();
        let (updates, loss_sum) = if self.hyperparameters.optimizer.uses_batches() {
            self.minibatch_pass(train)
        } else {
            let rows: Vec<usize> = (0..train.len()).collect();
            (1, self.update_rows(train, &rows))
        };
        self.epoch += 1;
        Ok(self.report(updates, Some(loss_sum / updates as f64)))
    }

    /// One update on the given rows of `data` (a batch for SGD and Adam, the full batch of an
    /// L-BFGS iteration); returns the batch's data loss before the update. Does nothing and
    /// returns `None` for no rows or a diverged trainer. Rows must be `< data.len()`.
    pub fn train_batch(&mut self, data: &Dataset, rows: &[usize]) -> Result<Option<f64>, NnError> {
        self.check_width(data)?;
        if let Some(&bad) = rows.iter().find(|&&r| r >= data.len()) {
            return Err(NnError::NoSuchRow {
                row: bad,
                rows: data.len(),
            });
        }
        if rows.is_empty() || self.status == TrainStatus::Diverged {
            return Ok(None);
        }
        self.fit_scratch();
        Ok(Some(self.update_rows(data, rows)))
    }

    /// Shuffles the rows and applies one update per batch; returns (updates, sum of losses).
    fn minibatch_pass(&mut self, train: &Dataset) -> (usize, f64) {
        let mut order = std::mem::take(&mut self.scratch.order);
        shuffled_rows(&mut order, train.len(), &mut self.rng);
        let batch = self.hyperparameters.batch_size.max(1);
        let (mut updates, mut loss_sum) = (0, 0.0);
        for rows in order.chunks(batch) {
            loss_sum += self.update_rows(train, rows);
            updates += 1;
            if self.status == TrainStatus::Diverged {
                break;
            }
        }
        self.scratch.order = order;
        (updates, loss_sum)
    }

    /// One optimizer update on `rows`, then the divergence check; returns the data loss.
    fn update_rows(&mut self, data: &Dataset, rows: &[usize]) -> f64 {
        let frozen = std::mem::take(&mut self.frozen);
        let pinned: Vec<f64> = frozen
            .iter()
            .filter_map(|&i| self.network.params().get(i))
            .copied()
            .collect();
        let loss = match self.optimizer {
            OptimizerState::Lbfgs(_) => self.lbfgs_update(data, rows, &frozen),
            _ => self.gradient_update(data, rows, &frozen),
        };
        let params = self.network.params_mut();
        let count = params.len();
        for (&i, &value) in frozen.iter().filter(|&&i| i < count).zip(&pinned) {
            params[i] = value;
        }
        self.frozen = frozen;
        self.updates += 1;
        if !loss.is_finite() || !self.network.is_finite() {
            self.mark_diverged();
        }
        loss
    }

    /// An SGD or Adam step on the batch `rows`.
    fn gradient_update(&mut self, data: &Dataset, rows: &[usize], frozen: &[usize]) -> f64 {
        let h = self.hyperparameters;
        let Scratch { batch, grad, .. } = &mut self.scratch;

        // Data gradient (batch mean).
        let loss = batch.batch_gradient(&self.network, data, rows, grad);

        // Penalty gradient: L2 always; L1 only for Adam (SGD takes a proximal step below).
        let proximal_l1 = h.optimizer == OptimizerKind::Sgd;
        if h.regularization == Regularization::L2 || !proximal_l1 {
            h.regularization
                .add_gradient(&self.network, h.regularization_rate, grad);
        }
        zero_at(grad, frozen);

        // The optimizer's step.
        let params = self.network.params_mut();
        match &mut self.optimizer {
            OptimizerState::Sgd(sgd) => {
                sgd.step(params, grad, h.learning_rate, h.momentum, h.nesterov);
            }
            OptimizerState::Adam(adam) => adam.step(params, grad, h.learning_rate),
            // L-BFGS updates go through `lbfgs_update`.
            OptimizerState::Lbfgs(_) => {}
        }

        // SGD's L1: soft-threshold, so weights stop at exactly 0.
        if proximal_l1 {
            h.regularization.proximal_step(
                &mut self.network,
                h.learning_rate,
                h.regularization_rate,
            );
        }
        loss
    }

    /// One L-BFGS iteration on `rows` minimising data loss + penalty; returns the data loss
    /// before the iteration.
    fn lbfgs_update(&mut self, data: &Dataset, rows: &[usize], frozen: &[usize]) -> f64 {
        let h = self.hyperparameters;
        let OptimizerState::Lbfgs(state) = &mut self.optimizer else {
            return f64::NAN;
        };
        let batch = &mut self.scratch.batch;
        let mut first_loss = None;
        let objective = |network: &Network, grad: &mut [f64]| {
            let loss = batch.batch_gradient(network, data, rows, grad);
            first_loss.get_or_insert(loss);
            h.regularization
                .add_gradient(network, h.regularization_rate, grad);
            zero_at(grad, frozen);
            loss + h.regularization.penalty(network, h.regularization_rate)
        };
        state.iterate(&mut self.network, objective);
        first_loss.unwrap_or(f64::NAN)
    }

    /// Records divergence (once).
    fn mark_diverged(&mut self) {
        if self.status == TrainStatus::Running {
            self.status = TrainStatus::Diverged;
            self.diverged_at = Some(self.updates);
        }
    }

    /// Sizes the gradient buffer for the network (after a restore or a new network); the
    /// batch buffers size themselves.
    fn fit_scratch(&mut self) {
        if self.scratch.grad.len() != self.network.param_count() {
            self.scratch.grad = vec![0.0; self.network.param_count()];
        }
    }

    /// Fails when the data's rows are not as wide as the network's input.
    fn check_width(&self, data: &Dataset) -> Result<(), NnError> {
        let expected = self.network.input_count();
        if data.dim != expected {
            return Err(NnError::InputWidth {
                expected,
                got: data.dim,
            });
        }
        Ok(())
    }

    /// A report of the current state.
    fn report(&self, updates: usize, mean_batch_loss: Option<f64>) -> EpochReport {
        EpochReport {
            epoch: self.epoch,
            updates,
            mean_batch_loss,
            train_loss: None,
            penalty: self.penalty(),
            status: self.status,
        }
    }
}

/// Sets `grad` to 0 at the given indices.
fn zero_at(grad: &mut [f64], indices: &[usize]) {
    for &i in indices {
        if let Some(g) = grad.get_mut(i) {
            *g = 0.0;
        }
    }
}

/// Fills `order` with `0..n` and shuffles it (Fisher-Yates). Indices are drawn as
/// `(next_u64 * (i + 1)) >> 64`, a fixed formula so the order never changes with `rand`'s
/// version (the bias, below `n / 2^64`, is negligible).
pub fn shuffled_rows(order: &mut Vec<usize>, n: usize, rng: &mut Rng) {
    use rand::Rng as _;
    order.clear();
    order.extend(0..n);
    for i in (1..n).rev() {
        let j = ((u128::from(rng.next_u64()) * (i as u128 + 1)) >> 64) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::dataset::Task;
    use crate::eval::evaluate;
    use crate::init::Init;
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::rng::{rng_for, rng_from_seed};

    /// A regression data set from (inputs, target) rows.
    fn regression(rows: &[(&[f64], f64)]) -> Dataset {
        let dim = rows[0].0.len();
        let inputs = rows.iter().flat_map(|(x, _)| x.iter().copied()).collect();
        let targets = rows.iter().map(|(_, y)| *y).collect();
        Dataset::new(inputs, dim, targets, Task::Regression, None).unwrap()
    }

    /// One linear unit `y_hat = w x + b` with the given parameters.
    fn linear_unit(inputs: usize, params: &[f64]) -> Network {
        let spec = NetworkSpec::new(inputs, vec![], Activation::Linear, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("unit")).unwrap();
        net.set_params(params).unwrap();
        net
    }

    fn sgd(learning_rate: f64, regularization: Regularization, rate: f64) -> Hyperparameters {
        Hyperparameters {
            learning_rate,
            batch_size: 1,
            regularization,
            regularization_rate: rate,
            ..Hyperparameters::default()
        }
    }

    /// A trainer for one linear unit without bias (the bias is frozen at 0).
    fn unit_without_bias(w: f64, hyperparameters: Hyperparameters) -> Trainer {
        let mut trainer = Trainer::new(
            linear_unit(1, &[w, 0.0]),
            hyperparameters,
            rng_from_seed("t"),
        );
        trainer.set_frozen(1, true);
        trainer
    }

    #[test]
    fn c01_core_a_matches_and_diverges_no_later_than_step_171() {
        // C01 (core_A) in the project's worked cases: y_hat = w x, x = 3, y = 0, w0 = 0.5,
        // SGD lr 1, batch 1: w after steps 1-3 = -4, 32, -256; loss after = 72, 4608, 294912;
        // first step with a non-finite loss: 171.
        let data = regression(&[(&[3.0], 0.0)]);
        let mut trainer = unit_without_bias(0.5, sgd(1.0, Regularization::None, 0.0));
        let expected = [(-4.0, 72.0), (32.0, 4608.0), (-256.0, 294912.0)];
        for (w, loss) in expected {
            let report = trainer.train_epoch(&data).unwrap();
            assert_eq!(trainer.network().params(), &[w, 0.0]);
            let reported = report.train_loss.unwrap();
            assert!(
                (reported - loss).abs() <= 1e-9 * loss,
                "{reported} vs {loss}"
            );
        }
        while trainer.status() == TrainStatus::Running && trainer.epoch() < 400 {
            trainer.train_epoch(&data).unwrap();
        }
        let at = trainer.diverged_at_update().unwrap();
        assert!((3..=171).contains(&at), "diverged at {at}");
        // Once diverged nothing moves, and scoring the diverged net does not panic.
        let frozen_params = trainer.network().params().to_vec();
        assert_eq!(trainer.train_epoch(&data).unwrap().updates, 0);
        assert_eq!(trainer.network().params(), &frozen_params[..]);
        assert!(evaluate(trainer.network(), &data).is_some());
    }

    #[test]
    fn c01_core_b_diverges_at_step_one() {
        // C01 (core_B): w = 1e308, x = 10, y = 0, lr 0.1: y_hat = +inf, loss = +inf, w = -inf.
        let data = regression(&[(&[10.0], 0.0)]);
        let mut trainer = unit_without_bias(1e308, sgd(0.1, Regularization::None, 0.0));
        let report = trainer.train_epoch(&data).unwrap();
        assert_eq!(report.mean_batch_loss, Some(f64::INFINITY));
        assert_eq!(trainer.network().params()[0], f64::NEG_INFINITY);
        assert_eq!(report.status, TrainStatus::Diverged);
        assert_eq!(trainer.diverged_at_update(), Some(1));
    }

    /// Weight after each of `steps` updates for one weight whose input is 0 (data gradient 0).
    fn penalty_only_trajectory(w0: f64, h: Hyperparameters, steps: usize) -> Vec<f64> {
        let data = regression(&[(&[0.0], 0.0)]);
        let mut trainer = Trainer::new(linear_unit(1, &[w0, 0.0]), h, rng_from_seed("t"));
        (0..steps)
            .map(|_| {
                trainer.train_epoch(&data).unwrap();
                trainer.network().params()[0]
            })
            .collect()
    }

    fn assert_close(got: &[f64], expected: &[f64], tolerance: f64) {
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() <= tolerance, "{got:?} vs {expected:?}");
        }
    }

    #[test]
    fn c02_l2_weight_decay_is_exact_and_unstable_beyond_two() {
        // C02 in the project's worked cases: w0 = 0.5, data gradient 0.
        // lr 0.3, lambda 10 -> -1, 2, -4, 8; lr 0.03, lambda 10 -> 0.35, 0.245, 0.1715.
        let unstable = penalty_only_trajectory(0.5, sgd(0.3, Regularization::L2, 10.0), 4);
        assert_close(&unstable, &[-1.0, 2.0, -4.0, 8.0], 1e-12);
        let stable = penalty_only_trajectory(0.5, sgd(0.03, Regularization::L2, 10.0), 3);
        assert_close(&stable, &[0.35, 0.245, 0.17149999999999999], 1e-12);
    }

    #[test]
    fn c03_l1_stops_at_exactly_zero_from_both_sides() {
        // C03 in the project's worked cases: w0 = +-0.05, lambda 0.1, lr 0.3 (step 0.03).
        let h = sgd(0.3, Regularization::L1, 0.1);
        let from_plus = penalty_only_trajectory(0.05, h, 5);
        assert_close(&from_plus, &[0.02, 0.0, 0.0, 0.0, 0.0], 1e-12);
        assert_eq!(from_plus[1..], [0.0; 4]);
        let from_minus = penalty_only_trajectory(-0.05, h, 5);
        assert_close(&from_minus, &[-0.02, 0.0, 0.0, 0.0, 0.0], 1e-12);
    }

    #[test]
    fn l1_zero_weight_grows_back_when_the_data_gradient_outweighs_the_penalty() {
        // y = 2 x: the data gradient at w = 0 is -2 x^2 = -2, far above lambda = 0.1.
        let data = regression(&[(&[1.0], 2.0)]);
        let mut trainer = unit_without_bias(0.0, sgd(0.1, Regularization::L1, 0.1));
        trainer.train_epoch(&data).unwrap();
        // w = 0 - 0.1 * (-2) = 0.2, then shrunk by 0.01.
        assert!((trainer.network().params()[0] - 0.19).abs() < 1e-15);
        // With a gradient below the penalty it stays at zero.
        let weak = regression(&[(&[0.1], 0.1)]);
        let mut stays = unit_without_bias(0.0, sgd(0.1, Regularization::L1, 0.1));
        stays.train_epoch(&weak).unwrap();
        assert_eq!(stays.network().params()[0], 0.0);
    }

    #[test]
    fn c04_dead_relu_unit_stays_dead_and_output_still_reaches_a_negative_target() {
        // C04 in the project's worked cases: hidden ReLU unit w = [-1, -1], b = -0.5 on
        // inputs (0,0), (1,1), (0.2,0.9), (0.7,0.1): pre-activations all negative.
        let points: [&[f64]; 4] = [&[0.0, 0.0], &[1.0, 1.0], &[0.2, 0.9], &[0.7, 0.1]];
        let data = regression(&points.map(|p| (p, -0.8)));
        let spec = NetworkSpec::new(2, vec![1], Activation::Relu, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("c04")).unwrap();
        net.set_params(&[-1.0, -1.0, -0.5, 0.7, 0.3]).unwrap();
        let w = net.params().to_vec();
        let pre: Vec<f64> = points
            .iter()
            .map(|p| w[0] * p[0] + w[1] * p[1] + w[2])
            .collect();
        assert_eq!(pre, vec![-0.5, -2.5, -1.6, -1.2999999999999998]);

        let h = Hyperparameters {
            batch_size: 2,
            learning_rate: 0.1,
            ..Default::default()
        };
        let mut trainer = Trainer::new(net, h, rng_from_seed("c04"));
        for _ in 0..50 {
            trainer.train_epoch(&data).unwrap();
        }
        let params = trainer.network().params();
        assert_eq!(
            params[..3].iter().map(|p| p.to_bits()).collect::<Vec<_>>(),
            [-1.0f64, -1.0, -0.5].map(f64::to_bits)
        );
        assert_eq!(params[3], 0.7);
        assert!((trainer.network().predict(&[0.5, 0.5])[0] + 0.8).abs() < 1e-3);
    }

    #[test]
    fn last_partial_batch_counts_and_epochs_take_ceil_n_over_batch_updates() {
        let rows: Vec<(&[f64], f64)> = vec![(&[1.0], 1.0); 7];
        let data = regression(&rows);
        let h = Hyperparameters {
            batch_size: 3,
            ..Hyperparameters::default()
        };
        let mut trainer = Trainer::new(linear_unit(1, &[0.0, 0.0]), h, rng_from_seed("b"));
        let report = trainer.train_epoch(&data).unwrap();
        assert_eq!((report.updates, trainer.updates(), report.epoch), (3, 3, 1));
    }

    #[test]
    fn partial_batch_is_averaged_over_its_own_size() {
        // Identical rows: each batch's mean gradient equals the single-row gradient, so 3 + 1
        // rows in batches of 3 give the same result as 2 updates with batch size 1 on one row.
        let four: Vec<(&[f64], f64)> = vec![(&[1.0], 1.0); 4];
        let h = |batch_size| Hyperparameters {
            batch_size,
            learning_rate: 0.1,
            ..Default::default()
        };
        let mut batched = Trainer::new(linear_unit(1, &[0.0, 0.0]), h(3), rng_from_seed("p"));
        batched.train_epoch(&regression(&four)).unwrap();
        let mut single = Trainer::new(linear_unit(1, &[0.0, 0.0]), h(1), rng_from_seed("p"));
        for _ in 0..2 {
            single.train_epoch(&regression(&four[..1])).unwrap();
        }
        assert_eq!(batched.network().params(), single.network().params());
    }

    #[test]
    fn empty_training_set_does_nothing_and_wrong_width_is_an_error() {
        let empty = Dataset::new(vec![], 1, vec![], Task::Regression, None).unwrap();
        let mut trainer = Trainer::new(
            linear_unit(1, &[0.3, 0.1]),
            Hyperparameters::default(),
            rng_from_seed("e"),
        );
        let report = trainer.train_epoch(&empty).unwrap();
        assert_eq!(
            (report.updates, report.epoch, report.train_loss),
            (0, 0, None)
        );
        assert_eq!(trainer.network().params(), &[0.3, 0.1]);
        let wide = regression(&[(&[1.0, 2.0], 0.0)]);
        assert_eq!(
            trainer.train_epoch(&wide),
            Err(NnError::InputWidth {
                expected: 1,
                got: 2
            })
        );
    }

    #[test]
    fn hyperparameters_change_without_touching_weights_and_optimizer_state_restarts() {
        let data = regression(&[(&[1.0], 1.0), (&[2.0], 1.0)]);
        let mut trainer = Trainer::new(
            linear_unit(1, &[0.3, 0.1]),
            Hyperparameters {
                optimizer: OptimizerKind::Adam,
                ..Default::default()
            },
            rng_from_seed("h"),
        );
        trainer.train_epoch(&data).unwrap();
        let before = trainer.network().params().to_vec();
        let mut h = *trainer.hyperparameters();
        h.learning_rate = 0.01;
        trainer.set_hyperparameters(h);
        assert_eq!(trainer.network().params(), &before[..]);
        assert!(matches!(trainer.optimizer_state(), OptimizerState::Adam(a) if a.t == 1));
        h.optimizer = OptimizerKind::Sgd;
        trainer.set_hyperparameters(h);
        assert_eq!(trainer.network().params(), &before[..]);
        assert_eq!(
            trainer.optimizer_state(),
            &OptimizerState::new(OptimizerKind::Sgd)
        );
        assert_eq!(trainer.epoch(), 1);
    }

    #[test]
    fn one_batch_by_hand_and_bad_rows_are_errors() {
        let data = regression(&[(&[1.0], 1.0), (&[2.0], 0.0)]);
        let h = Hyperparameters {
            learning_rate: 0.5,
            ..Default::default()
        };
        let mut trainer = Trainer::new(linear_unit(1, &[0.0, 0.0]), h, rng_from_seed("b"));
        // Row 0 alone: y_hat = 0, loss 0.5, gradient (-1, -1); step 0.5.
        assert_eq!(trainer.train_batch(&data, &[0]), Ok(Some(0.5)));
        assert_eq!(trainer.network().params(), &[0.5, 0.5]);
        assert_eq!(trainer.train_batch(&data, &[]), Ok(None));
        let err = trainer.train_batch(&data, &[2]).unwrap_err();
        assert_eq!(err, NnError::NoSuchRow { row: 2, rows: 2 });
    }

    #[test]
    fn shuffle_is_a_permutation_and_differs_between_epochs() {
        let mut rng = rng_from_seed("s");
        let (mut first, mut second) = (Vec::new(), Vec::new());
        shuffled_rows(&mut first, 50, &mut rng);
        shuffled_rows(&mut second, 50, &mut rng);
        assert_ne!(first, second);
        second.sort_unstable();
        assert_eq!(second, (0..50).collect::<Vec<_>>());
    }

    /// Two-class XOR table repeated 10 times.
    fn xor_data() -> Dataset {
        let table = [
            ([0.0, 0.0], 0.0),
            ([0.0, 1.0], 1.0),
            ([1.0, 0.0], 1.0),
            ([1.0, 1.0], 0.0),
        ];
        let mut inputs = Vec::new();
        let mut targets = Vec::new();
        for _ in 0..10 {
            for (x, y) in table {
                inputs.extend(x);
                targets.push(y);
            }
        }
        Dataset::new(
            inputs,
            2,
            targets,
            Task::Classification { classes: 2 },
            None,
        )
        .unwrap()
    }

    #[test]
    fn xor_is_learned_with_one_hidden_layer() {
        let data = xor_data();
        let spec = NetworkSpec::new(2, vec![4], Activation::Tanh, Objective::TanhSquared);
        let net = Network::new(
            spec,
            Init::PlaygroundUniform,
            &mut rng_for("xor", "weights"),
        )
        .unwrap();
        let h = Hyperparameters {
            learning_rate: 0.1,
            batch_size: 4,
            ..Default::default()
        };
        let mut trainer = Trainer::new(net, h, rng_for("xor", "shuffle"));
        for _ in 0..300 {
            trainer.train_epoch(&data).unwrap();
        }
        let metrics = evaluate(trainer.network(), &data).unwrap();
        assert_eq!(metrics.accuracy, Some(1.0));
        assert!(metrics.loss < 0.05, "loss {}", metrics.loss);
    }

    #[test]
    fn lbfgs_epochs_reduce_the_full_batch_objective() {
        let data = xor_data();
        let spec = NetworkSpec::new(2, vec![3], Activation::Tanh, Objective::SigmoidCrossEntropy);
        let net = Network::new(spec, Init::Glorot, &mut rng_for("lbfgs", "weights")).unwrap();
        let h = Hyperparameters {
            optimizer: OptimizerKind::Lbfgs,
            regularization: Regularization::L2,
            regularization_rate: 1e-4,
            ..Default::default()
        };
        let mut trainer = Trainer::new(net, h, rng_for("lbfgs", "shuffle"));
        let mut objectives = Vec::new();
        for _ in 0..60 {
            let report = trainer.train_epoch(&data).unwrap();
            assert_eq!(report.updates, 1);
            objectives.push(report.train_loss.unwrap() + report.penalty);
        }
        assert!(objectives.windows(2).all(|w| w[1] <= w[0] + 1e-12));
        assert!(objectives[59] < 0.1 * objectives[0], "{objectives:?}");
    }

    #[test]
    fn check_refuses_saved_states_that_do_not_fit_the_network() {
        let data = xor_data();
        let spec = NetworkSpec::new(2, vec![3], Activation::Tanh, Objective::TanhSquared);
        let net = Network::new(spec, Init::PlaygroundUniform, &mut rng_for("check", "w")).unwrap();
        for optimizer in [
            OptimizerKind::Sgd,
            OptimizerKind::Adam,
            OptimizerKind::Lbfgs,
        ] {
            let h = Hyperparameters {
                optimizer,
                momentum: 0.5,
                ..Default::default()
            };
            let mut trainer = Trainer::new(net.clone(), h, rng_for("check", "shuffle"));
            trainer.train_epoch(&data).unwrap();
            assert_eq!(trainer.check(), Ok(()), "{optimizer:?}");
            let mut saved = serde_json::to_value(&trainer).unwrap();
            let state = saved["optimizer"].as_object_mut().unwrap();
            let (_, inner) = state.iter_mut().next().unwrap();
            let vectors = inner.as_object_mut().unwrap();
            let (_, first) = vectors.iter_mut().next().unwrap();
            match first.as_array_mut().unwrap().first_mut() {
                Some(serde_json::Value::Array(pair)) => pair.push(0.5.into()),
                Some(_) => first.as_array_mut().unwrap().push(0.5.into()),
                None => panic!("{optimizer:?} kept no state"),
            }
            let broken: Trainer = serde_json::from_value(saved).unwrap();
            let expected = Err(NnError::StateMismatch("optimizer state"));
            assert_eq!(broken.check(), expected, "{optimizer:?}");
        }
    }

    #[test]
    fn saved_state_continues_bit_for_bit() {
        let data = xor_data();
        let spec = NetworkSpec::new(2, vec![5, 3], Activation::Tanh, Objective::TanhSquared);
        let net = Network::new(spec, Init::PlaygroundUniform, &mut rng_for("save", "w")).unwrap();
        for optimizer in [
            OptimizerKind::Sgd,
            OptimizerKind::Adam,
            OptimizerKind::Lbfgs,
        ] {
            let h = Hyperparameters {
                optimizer,
                momentum: 0.9,
                batch_size: 3,
                ..Default::default()
            };
            let mut trainer = Trainer::new(net.clone(), h, rng_for("save", "shuffle"));
            for _ in 0..5 {
                trainer.train_epoch(&data).unwrap();
            }
            let saved = serde_json::to_string(&trainer).unwrap();
            let mut restored: Trainer = serde_json::from_str(&saved).unwrap();
            let next = trainer.train_epoch(&data).unwrap();
            let again = restored.train_epoch(&data).unwrap();
            assert_eq!(
                next.train_loss.unwrap().to_bits(),
                again.train_loss.unwrap().to_bits()
            );
            assert_eq!(trainer.network().params(), restored.network().params());
            assert_eq!(restored.epoch(), 6);
        }
    }
}
