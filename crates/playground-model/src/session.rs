//! One run of the playground: the data, the network, its trainer and the loss history.
//!
//! Randomness comes from the seed through separate streams (`nn_core::rng::rng_for`): "data"
//! makes the points, "split" divides them, "weights" draws the initial weights and "shuffle"
//! orders each epoch. So a reset gives bit-identical initial weights every time, and changing
//! the data never shifts the weights.
//!
//! Changing a setting ([`Session::update`]) resets the run only when it must: the learning rate,
//! batch size, momentum, Nesterov, the regularization and its rate, and the optimizer change in
//! place (a new optimizer starts its own state fresh); shape, activation, features, data, noise,
//! training share, problem, loss, initialisation and weights reset; view settings change nothing.

use nn_core::data::{Features, generate, split};
use nn_core::rng::rng_for;
use nn_core::{Dataset, Metrics, Network, Trace, TrainStatus, Trainer, Workspace, evaluate};
use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::config::{CLASSES_RANGE, Config};
use crate::engine;
use crate::history::LossHistory;
use crate::own_data::OwnData;
use crate::weights::{LayerWeights, Weights};

/// The numbers the readouts show after an epoch. Each is `None` when it does not apply
/// (accuracy in regression, test values for an empty test split) or is not finite.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Readout {
    /// Epochs trained since the last reset.
    pub epoch: u64,
    /// Data loss over the training split.
    pub train_loss: Option<f64>,
    /// Data loss over the test split.
    pub test_loss: Option<f64>,
    /// Share of training points classified right.
    pub train_accuracy: Option<f64>,
    /// Share of test points classified right.
    pub test_accuracy: Option<f64>,
    /// Whether training diverged (a loss or a weight stopped being finite).
    pub diverged: bool,
}

/// Everything needed to continue a run exactly; generated data are made again from the
/// settings, the user's own points are kept.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedSession {
    /// The settings.
    pub config: Config,
    /// The user's own points (empty unless some were made).
    #[serde(default)]
    pub own: OwnData,
    /// The network, optimizer state, shuffling generator and epoch counter.
    pub trainer: Trainer,
    /// The loss curve.
    pub history: LossHistory,
}

/// The data of a run: raw points and the network's inputs, both split.
#[derive(Debug, Clone)]
struct Splits {
    /// Training points as generated (x1, x2 for plane data).
    train_points: Dataset,
    /// Test points as generated.
    test_points: Dataset,
    /// Training rows as the network sees them (features applied).
    train: Dataset,
    /// Test rows as the network sees them.
    test: Dataset,
}

/// One run of the playground.
#[derive(Debug, Clone)]
pub struct Session {
    /// The settings in force (always within their limits).
    config: Config,
    /// The user's own points, used when the settings ask for them.
    own: OwnData,
    /// The data.
    splits: Splits,
    /// The network in training.
    trainer: Trainer,
    /// The loss curve since the last reset.
    history: LossHistory,
    /// The readouts as last measured (after every run of epochs and every hand edit), so that
    /// showing them costs nothing.
    latest: Readout,
    /// Scratch space for measuring losses, kept between epochs.
    scratch: Option<Workspace>,
}

impl Session {
    /// Starts a run: makes the data and the network from the settings (brought within their
    /// limits first) and records epoch 0.
    pub fn new(config: Config) -> Result<Session, ModelError> {
        Session::with_own_data(config, OwnData::default())
    }

    /// Starts a run with the user's own points at hand (used when the settings choose them).
    ///
    /// # Errors
    /// As [`Session::new`], and [`ModelError::BadPoint`] or [`ModelError::TooManyPoints`]
    /// for points outside the limits of [`crate::own_data`].
    pub fn with_own_data(mut config: Config, own: OwnData) -> Result<Session, ModelError> {
        config.normalize();
        own.check(CLASSES_RANGE.1)?;
        let splits = make_splits(&config, &own)?;
        let trainer = make_trainer(&config)?;
        let mut session = Session {
            config,
            own,
            splits,
            trainer,
            history: LossHistory::default(),
            latest: Readout::default(),
            scratch: None,
        };
        session.record();
        Ok(session)
    }

    /// The settings in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The network being trained.
    pub fn network(&self) -> &Network {
        self.trainer.network()
    }

    /// The trainer (hyperparameters, optimizer state, update count).
    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    /// The loss curve since the last reset.
    pub fn history(&self) -> &LossHistory {
        &self.history
    }

    /// The input features the network sees (ignored by data that are not plane points).
    pub fn features(&self) -> Features {
        engine::features(&self.config)
    }

    /// Training and test points as generated, for drawing.
    pub fn points(&self) -> (&Dataset, &Dataset) {
        (&self.splits.train_points, &self.splits.test_points)
    }

    /// Training and test rows as the network sees them.
    pub fn inputs(&self) -> (&Dataset, &Dataset) {
        (&self.splits.train, &self.splits.test)
    }

    /// Epochs trained since the last reset.
    pub fn epoch(&self) -> u64 {
        self.trainer.epoch()
    }

    /// Whether training diverged; a diverged run trains no more until a reset.
    pub fn diverged(&self) -> bool {
        self.trainer.status() == TrainStatus::Diverged
    }

    /// Trains one epoch (nothing once diverged) and records its losses.
    pub fn step(&mut self) -> Result<Readout, ModelError> {
        self.run(1)
    }

    /// The user's own points.
    pub fn own_data(&self) -> &OwnData {
        &self.own
    }

    /// Changes the user's own points with `edit` (which may refuse, changing nothing). When
    /// the run uses them, the data are split again and the readouts measured, but the network
    /// trains on from where it is: a point added mid-run pulls the decision boundary.
    ///
    /// # Errors
    /// What `edit` returns, or a limit of [`crate::own_data`] the new points break.
    pub fn edit_own_data<T>(
        &mut self,
        edit: impl FnOnce(&mut OwnData) -> Result<T, ModelError>,
    ) -> Result<T, ModelError> {
        let mut own = self.own.clone();
        let result = edit(&mut own)?;
        own.check(CLASSES_RANGE.1)?;
        if self.config.uses_own_data() {
            self.splits = make_splits(&self.config, &own)?;
        }
        self.own = own;
        self.measure();
        Ok(result)
    }

    /// Trains up to `epochs` epochs, stopping early on divergence. Each epoch's training and
    /// test loss go into the history; the readouts (with accuracies) are measured once, at the
    /// end, so a run of many epochs between two redraws costs little beyond the training. The
    /// accuracies go into the history with the run's last epoch.
    pub fn run(&mut self, epochs: u64) -> Result<Readout, ModelError> {
        for _ in 0..epochs {
            if self.diverged() || self.splits.train.is_empty() {
                break;
            }
            let report = self.trainer.train_epoch(&self.splits.train)?;
            let test_loss = self.test_loss();
            self.history
                .record(report.epoch, report.train_loss, test_loss);
        }
        Ok(self.measure_accuracy())
    }

    /// Measures the readouts and adds their accuracies to the newest point of the history.
    fn measure_accuracy(&mut self) -> Readout {
        let readout = self.measure();
        let (train, test) = (readout.train_accuracy, readout.test_accuracy);
        self.history.set_accuracy(readout.epoch, train, test);
        readout
    }

    /// The data loss on the test split (`None` when it is empty), with a reused workspace.
    fn test_loss(&mut self) -> Option<f64> {
        let network = self.trainer.network();
        let scratch = match self.scratch.take() {
            Some(ws) if ws.fits(network) => ws,
            _ => Workspace::new(network),
        };
        let workspace = self.scratch.insert(scratch);
        workspace.mean_loss(network, &self.splits.test)
    }

    /// Rebuilds the network from the seed (the same initial weights every time) and clears the
    /// history.
    pub fn reset(&mut self) -> Result<(), ModelError> {
        self.trainer = make_trainer(&self.config)?;
        self.history.clear();
        self.record();
        Ok(())
    }

    /// New data from a new seed, then a reset. The caller draws the seed (see
    /// [`crate::link::seed_from_unit`]), so that native code and wasm can draw it their way.
    pub fn regenerate(&mut self, seed: String) -> Result<(), ModelError> {
        let config = Config {
            seed,
            ..self.config.clone()
        };
        self.splits = make_splits(&config, &self.own)?;
        self.config = config;
        self.reset()
    }

    /// Changes the settings, returning whether the run was reset (see the module
    /// documentation for which changes reset). The new settings are brought within their
    /// limits first.
    pub fn update(&mut self, mut config: Config) -> Result<bool, ModelError> {
        config.normalize();
        let new_data = data_differs(&self.config, &config);
        let reset = new_data || network_differs(&self.config, &config);
        if new_data {
            self.splits = make_splits(&config, &self.own)?;
        }
        self.config = config;
        if reset {
            self.reset()?;
        } else {
            self.trainer
                .set_hyperparameters(engine::hyperparameters(&self.config));
        }
        Ok(reset)
    }

    /// Sets the weight from `input` into `neuron` of `layer` (0 = first hidden layer). Training
    /// goes on from the edited value; nothing is reset.
    pub fn set_weight(
        &mut self,
        layer: usize,
        neuron: usize,
        input: usize,
        value: f64,
    ) -> Result<(), ModelError> {
        check_finite(value)?;
        self.trainer
            .network_mut()
            .set_weight(layer, neuron, input, value)?;
        self.measure();
        Ok(())
    }

    /// Sets the bias of `neuron` of `layer` (0 = first hidden layer).
    pub fn set_bias(&mut self, layer: usize, neuron: usize, value: f64) -> Result<(), ModelError> {
        check_finite(value)?;
        self.trainer.network_mut().set_bias(layer, neuron, value)?;
        self.measure();
        Ok(())
    }

    /// The network's current weights and biases, for a link that shares the trained network.
    pub fn weights(&self) -> Weights {
        let network = self.network();
        let layers = network.layers().iter().map(|layout| LayerWeights {
            weights: network.params()[layout.weights()].to_vec(),
            biases: network.params()[layout.biases()].to_vec(),
        });
        Weights {
            layers: layers.collect(),
        }
    }

    /// Scores of the network on the training split (`None` when it is empty).
    pub fn train_metrics(&self) -> Option<Metrics> {
        evaluate(self.network(), &self.splits.train)
    }

    /// Scores of the network on the test split (`None` when it is empty).
    pub fn test_metrics(&self) -> Option<Metrics> {
        evaluate(self.network(), &self.splits.test)
    }

    /// The readouts now (measured after the last epoch or hand edit; free to call).
    pub fn readout(&self) -> Readout {
        self.latest
    }

    /// Measures the readouts on the current network and keeps them.
    fn measure(&mut self) -> Readout {
        let (train, test) = (self.train_metrics(), self.test_metrics());
        self.latest = Readout {
            epoch: self.epoch(),
            train_loss: finite(train.as_ref().map(|m| m.loss)),
            test_loss: finite(test.as_ref().map(|m| m.loss)),
            train_accuracy: finite(train.and_then(|m| m.accuracy)),
            test_accuracy: finite(test.and_then(|m| m.accuracy)),
            diverged: self.diverged(),
        };
        self.latest
    }

    /// Everything needed to continue this run exactly.
    pub fn save(&self) -> SavedSession {
        let (config, history) = (self.config.clone(), self.history.clone());
        SavedSession {
            config,
            own: self.own.clone(),
            trainer: self.trainer.clone(),
            history,
        }
    }

    /// Continues a saved run; its data are regenerated from its settings.
    pub fn restore(saved: SavedSession) -> Result<Session, ModelError> {
        let SavedSession {
            mut config,
            own,
            trainer,
            history,
        } = saved;
        config.normalize();
        own.check(CLASSES_RANGE.1)?;
        let expected = engine::network_spec(&config);
        if trainer.network().spec() != &expected {
            let message = format!(
                "the network is {:?}, expected {:?}",
                trainer.network().spec(),
                expected
            );
            return Err(ModelError::StateMismatch(message));
        }
        let splits = make_splits(&config, &own)?;
        let mut trainer = trainer;
        trainer.set_hyperparameters(engine::hyperparameters(&config));
        let mut session = Session {
            config,
            own,
            splits,
            trainer,
            history,
            latest: Readout::default(),
            scratch: None,
        };
        session.measure();
        Ok(session)
    }

    /// Training example `index` (in the training split's order) walked forward and back through
    /// the current network; `None` past the end of the training split.
    pub fn trace_example(&self, index: usize) -> Option<Trace> {
        let train = &self.splits.train;
        let target = *train.targets.get(index)?;
        Some(Trace::of(self.network(), train.row(index), target))
    }

    /// One plain gradient step on training example `index` alone: every weight and bias moves
    /// by `-learning_rate * dL/dw` of that example's data loss (no momentum, no optimizer state,
    /// no weight penalty). It is not an epoch: the epoch count and the loss history stay as
    /// they are; the readouts are measured again. Returns the trace the step used (taken
    /// before it). A step that would make a weight non-finite is refused.
    pub fn apply_example_step(&mut self, index: usize) -> Result<Trace, ModelError> {
        let rows = self.splits.train.len();
        let trace = self
            .trace_example(index)
            .ok_or(nn_core::NnError::NoSuchRow { row: index, rows })?;
        let mut network = self.network().clone();
        trace.apply(&mut network, self.config.learning_rate);
        if let Some(&bad) = network.params().iter().find(|w| !w.is_finite()) {
            return Err(ModelError::NotFinite(bad));
        }
        self.trainer.network_mut().set_params(network.params())?;
        self.measure();
        Ok(trace)
    }

    /// Appends the current losses to the history and returns the readouts.
    fn record(&mut self) -> Readout {
        let readout = self.measure();
        let (epoch, train_loss, test_loss) = (readout.epoch, readout.train_loss, readout.test_loss);
        self.history.record(epoch, train_loss, test_loss);
        let (train, test) = (readout.train_accuracy, readout.test_accuracy);
        self.history.set_accuracy(epoch, train, test);
        readout
    }
}

/// Generates (or takes the user's own), splits and featurises the data of a configuration.
fn make_splits(config: &Config, own: &OwnData) -> Result<Splits, ModelError> {
    let points = match engine::data_kind(config) {
        Some(kind) => generate(
            kind,
            None,
            config.noise / 100.0,
            &mut rng_for(&config.seed, "data"),
        )?,
        None => own.dataset(config.problem, config.classes),
    };
    let share = f64::from(config.perc_train_data);
    let (train_points, test_points) = split(&points, share, &mut rng_for(&config.seed, "split"))?;
    let features = engine::features(config);
    let (train, test) = (
        features.apply(&train_points)?,
        features.apply(&test_points)?,
    );
    Ok(Splits {
        train_points,
        test_points,
        train,
        test,
    })
}

/// Builds the initial network (from the link's weights, if any) and its trainer.
fn make_trainer(config: &Config) -> Result<Trainer, ModelError> {
    let spec = engine::network_spec(config);
    let init = engine::init(config.init);
    let mut network = Network::new(spec, init, &mut rng_for(&config.seed, "weights"))?;
    if let Some(weights) = &config.weights {
        let flat: Vec<f64> = weights
            .layers
            .iter()
            .flat_map(|l| l.weights.iter().chain(&l.biases))
            .copied()
            .collect();
        network.set_params(&flat)?;
    }
    let shuffle = rng_for(&config.seed, "shuffle");
    Ok(Trainer::new(
        network,
        engine::hyperparameters(config),
        shuffle,
    ))
}

/// Whether the data must be made anew.
fn data_differs(old: &Config, new: &Config) -> bool {
    old.problem != new.problem
        || old.dataset != new.dataset
        || old.reg_dataset != new.reg_dataset
        || old.classes != new.classes
        || old.noise != new.noise
        || old.perc_train_data != new.perc_train_data
        || old.seed != new.seed
        || old.active_features() != new.active_features()
}

/// Whether the network must be rebuilt.
fn network_differs(old: &Config, new: &Config) -> bool {
    engine::network_spec(old) != engine::network_spec(new)
        || old.init != new.init
        || old.weights != new.weights
}

/// Refuses a non-finite hand-set value.
fn check_finite(value: f64) -> Result<(), ModelError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(ModelError::NotFinite(value))
    }
}

/// Keeps a finite number.
fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{
        Activation, DatasetKind, Feature, Init, Optimizer, Problem, Regularization,
    };
    use crate::link::{decode, encode};

    /// The session a link describes (the link must carry a seed).
    fn session(link: &str) -> Session {
        let decoded = decode(link, || panic!("test links carry a seed"));
        assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
        Session::new(decoded.config).unwrap()
    }

    /// The bit patterns of all parameters.
    fn bits(session: &Session) -> Vec<u64> {
        session
            .network()
            .params()
            .iter()
            .map(|p| p.to_bits())
            .collect()
    }

    /// The train and test losses of every recorded epoch, as bits.
    fn curve(session: &Session) -> Vec<(u64, Option<u64>, Option<u64>)> {
        let bits = |loss: Option<f64>| loss.map(f64::to_bits);
        let points = session.history().points().iter();
        points
            .map(|p| (p.epoch, bits(p.train_loss), bits(p.test_loss)))
            .collect()
    }

    /// C07's link (shared/cases/README.md).
    const C07: &str = "#dataset=circle&networkShape=4,2&activation=tanh&learningRate=0.03\
                       &batchSize=10&seed=0.59704";

    #[test]
    fn c07_reset_and_reload_replay_the_same_weights_and_losses() {
        let mut first = session(C07);
        let initial = bits(&first);
        first.run(50).unwrap();
        let losses = curve(&first);
        assert_ne!(bits(&first), initial, "training changed nothing");

        first.reset().unwrap();
        assert_eq!(bits(&first), initial);
        first.run(50).unwrap();
        assert_eq!(curve(&first), losses);

        let mut reloaded = session(&encode(first.config()));
        assert_eq!(bits(&reloaded), initial);
        reloaded.run(50).unwrap();
        assert_eq!(curve(&reloaded), losses);

        let other = session(&C07.replace("0.59704", "0.59705"));
        assert_ne!(bits(&other), initial);
    }

    #[test]
    fn c07_regenerate_writes_its_seed_and_keeps_weights_apart_from_data() {
        let mut session = session(C07);
        let (train_before, _) = session.points();
        let train_before = train_before.clone();
        session.regenerate("0.12345".into()).unwrap();
        assert!(encode(session.config()).contains("&seed=0.12345&"));
        assert_ne!(session.points().0, &train_before);
        assert_eq!(session.epoch(), 0);
        // Weights come from their own stream: the same seed with other noise keeps them.
        let quiet = Session::new(Config {
            seed: "s".into(),
            ..Config::default()
        })
        .unwrap();
        let noisy = Session::new(Config {
            seed: "s".into(),
            noise: 30.0,
            ..Config::default()
        });
        assert_eq!(bits(&quiet), bits(&noisy.unwrap()));
    }

    #[test]
    fn c08_hyperparameters_change_without_a_reset() {
        let mut session = session(C07);
        session.run(20).unwrap();
        let trained = bits(&session);
        let changes: [fn(&mut Config); 7] = [
            |c| c.learning_rate = 0.01,
            |c| c.batch_size = 5,
            |c| c.momentum = 0.9,
            |c| c.regularization = Regularization::L2,
            |c| c.regularization_rate = 0.003,
            |c| c.optimizer = Optimizer::Adam,
            |c| c.show_test_data = true,
        ];
        for change in changes {
            let mut config = session.config().clone();
            change(&mut config);
            assert!(!session.update(config).unwrap());
            assert_eq!((session.epoch(), bits(&session)), (20, trained.clone()));
        }
        let hyper = session.trainer().hyperparameters();
        assert_eq!((hyper.learning_rate, hyper.batch_size), (0.01, 5));
        assert!(encode(session.config()).contains("&learningRate=0.01&"));
        session.step().unwrap();
        assert_eq!(session.epoch(), 21);
        assert_ne!(bits(&session), trained);
    }

    #[test]
    fn c08_structural_changes_reset_the_network() {
        let changes: [fn(&mut Config); 9] = [
            |c| c.network_shape = vec![3],
            |c| c.activation = Activation::Relu,
            |c| {
                c.features.insert(Feature::XSquared);
            },
            |c| c.dataset = DatasetKind::Xor,
            |c| c.noise = 10.0,
            |c| c.perc_train_data = 70,
            |c| c.problem = Problem::Regression,
            |c| c.init = Init::Zero,
            |c| c.loss = crate::config::Loss::CrossEntropy,
        ];
        for change in changes {
            let mut session = session(C07);
            session.run(3).unwrap();
            let mut config = session.config().clone();
            change(&mut config);
            assert!(session.update(config).unwrap());
            assert_eq!(session.epoch(), 0);
            assert_eq!(session.history().len(), 1);
        }
    }

    #[test]
    fn c09_clamped_link_builds_a_session_fast() {
        let link = "#noise=2000&networkShape=8,8,8,8,8,8,8,8,8,8&batchSize=1000\
                    &learningRate=1000&regularizationRate=50&percTrainData=100&seed=1";
        let start = std::time::Instant::now();
        let decoded = decode(link, || unreachable!());
        let mut session = Session::new(decoded.config).unwrap();
        session.step().unwrap();
        assert!(start.elapsed().as_secs_f64() < 1.0, "{:?}", start.elapsed());
        assert_eq!(
            session.network().spec().widths(),
            vec![2, 8, 8, 8, 8, 8, 8, 1]
        );
        assert_eq!(session.points().0.len(), 450);
    }

    #[test]
    fn c10_hidden_ratio_keeps_the_test_readout() {
        let session = session("#percTrainData_hide=true&seed=1");
        assert!(session.readout().test_loss.is_some());
        assert!(session.history().last().unwrap().test_loss.is_some());
    }

    #[test]
    fn c06_split_counts_follow_the_share_of_all_points() {
        // Counts from C06 (shared/cases/README.md): 500 points at 10 %, 90 %; 1200 at 50 %.
        for (link, counts) in [
            ("percTrainData=10&seed=1", (50, 450)),
            ("percTrainData=90&seed=1", (450, 50)),
            ("problem=regression&percTrainData=50&seed=1", (600, 600)),
        ] {
            let session = session(link);
            let (train, test) = session.points();
            assert_eq!((train.len(), test.len()), counts, "{link}");
        }
    }

    #[test]
    fn diverging_runs_stop_with_no_non_finite_readout() {
        let mut session = session(
            "problem=regression&activation=relu&learningRate=10&batchSize=1&networkShape=8,8\
             &noise=50&seed=0.42182",
        );
        let readout = session.run(50).unwrap();
        assert!(readout.diverged);
        assert!(readout.epoch < 50);
        let values = [readout.train_loss, readout.test_loss];
        assert!(values.iter().flatten().all(|v| v.is_finite()));
        assert!(
            session
                .history()
                .points()
                .iter()
                .all(|p| p.train_loss.is_none_or(f64::is_finite))
        );
        let epoch = session.epoch();
        session.step().unwrap();
        assert_eq!(session.epoch(), epoch);
        session.reset().unwrap();
        assert!(!session.diverged() && session.network().is_finite());
    }

    #[test]
    fn hand_set_weights_take_effect_and_link_weights_start_the_network() {
        let mut session = session("preset=perceptron-and-hand&seed=1");
        assert_eq!(session.network().params(), &[4.0, 4.0, -6.0]);
        assert_eq!(session.readout().train_accuracy, Some(1.0));
        let points = session.history().len();
        session.set_weight(0, 0, 1, -4.0).unwrap();
        session.set_bias(0, 0, 2.0).unwrap();
        assert_eq!(session.network().params(), &[4.0, -4.0, 2.0]);
        assert!(
            session.readout().train_accuracy.unwrap() < 1.0,
            "readouts follow the edit"
        );
        assert_eq!(session.history().len(), points, "an edit is not an epoch");
        assert!(session.set_weight(0, 0, 2, 1.0).is_err());
        let infinite = session.set_bias(0, 0, f64::INFINITY);
        assert_eq!(infinite, Err(ModelError::NotFinite(f64::INFINITY)));
    }

    #[test]
    fn one_example_step_moves_weights_by_minus_lr_times_its_gradient_and_is_no_epoch() {
        let mut session = session("dataset=xor&networkShape=2&learningRate=0.01&seed=0.5");
        session.run(3).unwrap();
        let (epoch, points, readout) =
            (session.epoch(), session.history().len(), session.readout());
        let before = session.network().params().to_vec();
        let trace = session.apply_example_step(4).unwrap();
        assert_eq!(session.epoch(), epoch);
        assert_eq!(
            session.history().len(),
            points,
            "no point on the loss curve"
        );
        for ((after, w), g) in session
            .network()
            .params()
            .iter()
            .zip(&before)
            .zip(&trace.gradient)
        {
            assert_eq!(*after, w - 0.01 * g);
        }
        assert!(session.trace_example(4).unwrap().loss < trace.loss);
        assert_ne!(
            session.readout().train_loss,
            readout.train_loss,
            "readouts follow"
        );
        assert_eq!(session.readout().epoch, epoch);
        let rows = session.inputs().0.len();
        assert!(session.trace_example(rows).is_none());
        assert!(session.apply_example_step(rows).is_err());
    }

    #[test]
    fn the_history_records_every_epoch_with_the_losses_the_readouts_show() {
        let mut session = session("dataset=gauss&noise=20&seed=3");
        let readout = session.run(7).unwrap();
        let points = session.history().points();
        assert_eq!(points.len(), 8, "epoch 0 and seven epochs");
        let last = points.last().unwrap();
        assert_eq!(last.epoch, 7);
        assert_eq!(last.train_loss, readout.train_loss);
        assert_eq!(last.test_loss, readout.test_loss);
    }

    #[test]
    fn the_digits_preset_reaches_the_reference_test_accuracy() {
        // shared/reference/sklearn.json, digits."adam_(64,)_default_maxiter200": scikit-learn's
        // mean test accuracy 0.9636 over seeds 0-4; the target is that minus 0.02. With seed 1
        // this session first gets there after 92 epochs (measured 2026-12-03).
        let mut digits = session("preset=digits&seed=1");
        assert_eq!(
            digits.inputs().1.len(),
            594,
            "a third of the 1797 digits test"
        );
        let reached = (1..=150).find(|_| digits.step().unwrap().test_accuracy >= Some(0.9436));
        assert!(reached.is_some(), "{:?}", digits.readout());
    }

    #[test]
    fn accuracy_history_follows_the_readouts_once_per_run() {
        let mut xor = session("dataset=xor&seed=3");
        for _ in 0..3 {
            let readout = xor.step().unwrap();
            let last = xor.history().last().unwrap();
            assert_eq!(last.train_accuracy, readout.train_accuracy);
            assert_eq!(last.test_accuracy, readout.test_accuracy);
            assert!(readout.test_accuracy.is_some());
        }
        let stepped = xor.history().points();
        assert!(
            stepped.iter().all(|p| p.train_accuracy.is_some()),
            "every epoch stepped"
        );
        let readout = xor.run(4).unwrap();
        let points = xor.history().points();
        assert_eq!(points.len(), 8, "epoch 0, three steps and a run of four");
        let run = &points[4..];
        assert!(run[..3].iter().all(|p| p.train_accuracy.is_none()));
        assert_eq!(run[3].train_accuracy, readout.train_accuracy);

        let mut regression = session("problem=regression&seed=3");
        regression.run(2).unwrap();
        let points = regression.history().points();
        assert!(points.iter().all(|p| p.train_accuracy.is_none()));
    }

    #[test]
    fn save_and_restore_continue_bit_for_bit() {
        let mut session = session("dataset=xor&optimizer=adam&seed=7");
        session.run(5).unwrap();
        let json = serde_json::to_string(&session.save()).unwrap();
        session.run(5).unwrap();
        let saved: SavedSession = serde_json::from_str(&json).unwrap();
        let mut restored = Session::restore(saved).unwrap();
        assert_eq!(restored.epoch(), 5);
        restored.run(5).unwrap();
        assert_eq!(bits(&restored), bits(&session));
        assert_eq!(curve(&restored), curve(&session));
    }

    #[test]
    fn restore_refuses_a_state_of_another_shape() {
        let session = session("seed=1");
        let mut saved = session.save();
        saved.config.network_shape = vec![3];
        assert!(matches!(
            Session::restore(saved),
            Err(ModelError::StateMismatch(_))
        ));
    }

    #[test]
    fn lecture_gates_behave_as_the_presets_promise() {
        let accuracy = |name: &str| {
            let mut session = session(&format!("preset={name}&seed=1"));
            session.run(100).unwrap().train_accuracy.unwrap()
        };
        assert_eq!(accuracy("perceptron-and"), 1.0);
        assert_eq!(accuracy("perceptron-or"), 1.0);
        assert!(
            accuracy("perceptron-xor") <= 0.75,
            "a single line cannot separate XOR"
        );
        assert_eq!(accuracy("xor-hidden"), 1.0);
    }

    #[test]
    fn perceptron_presets_draw_the_lines_of_logistic_regression() {
        // shared/reference/sklearn.json: logistic regression separates AND and OR with lines
        // of slope -1, AND's between (1, 1) and the mixed corners (x1 + x2 between 1 and 2),
        // OR's between (0, 0) and the mixed corners (x1 + x2 between 0 and 1).
        for (name, low, high) in [("perceptron-and", 1.0, 2.0), ("perceptron-or", 0.0, 1.0)] {
            let mut session = session(&format!("preset={name}&seed=1"));
            session.run(100).unwrap();
            let layer = &session.weights().layers[0];
            let (w1, w2, b) = (layer.weights[0], layer.weights[1], layer.biases[0]);
            let (slope, intercept) = (-w1 / w2, -b / w2);
            assert!((slope + 1.0).abs() < 0.05, "{name}: slope {slope}");
            assert!(
                low < intercept && intercept < high,
                "{name}: intercept {intercept}"
            );
        }
    }

    #[test]
    fn lecture_presets_for_digits_overfitting_and_regression_show_their_point() {
        let mut digits = session("preset=digits-mlp&seed=1");
        assert_eq!(digits.points().0.len(), 1203, "67 % of the 1797 digits");
        let readout = digits.run(10).unwrap();
        assert!(readout.test_accuracy.unwrap() > 0.85, "{readout:?}");

        let mut overfitting = session("preset=overfitting&seed=1");
        let readout = overfitting.run(200).unwrap();
        let gap = readout.train_accuracy.unwrap() - readout.test_accuracy.unwrap();
        assert!(gap > 0.05, "{readout:?}");

        let mut regression = session("preset=regression-curve&seed=1");
        let start = regression.readout().train_loss.unwrap();
        let readout = regression.run(100).unwrap();
        assert_eq!(
            (readout.train_accuracy, readout.test_accuracy),
            (None, None)
        );
        assert!(
            readout.train_loss.unwrap() < start / 10.0,
            "{start} -> {readout:?}"
        );
    }

    /// The outputs of the hidden neurons of `session` at the corner (x1, x2).
    fn hidden_outputs(session: &Session, x1: f64, x2: f64) -> Vec<f64> {
        let mut workspace = Workspace::new(session.network());
        workspace.forward(session.network(), &[x1, x2]);
        workspace.layer_output(0).to_vec()
    }

    #[test]
    fn xor_from_gates_is_right_before_training_and_its_hidden_neurons_are_or_and_nand() {
        use nn_core::data::Gate;
        let mut session = session("preset=xor-from-gates&seed=1");
        for epochs in [0, 50] {
            let readout = session.run(epochs).unwrap();
            assert_eq!(readout.epoch, epochs);
            assert_eq!(readout.train_accuracy, Some(1.0), "epoch {epochs}");
            assert_eq!(readout.test_accuracy, Some(1.0), "epoch {epochs}");
            // A sigmoid neuron says "true" when its output is above 1/2.
            for (x1, x2) in [(false, false), (false, true), (true, false), (true, true)] {
                let (a, b) = (f64::from(u8::from(x1)), f64::from(u8::from(x2)));
                let hidden = hidden_outputs(&session, a, b);
                let said = [hidden[0] > 0.5, hidden[1] > 0.5];
                let gates = [Gate::Or.output(x1, x2), Gate::Nand.output(x1, x2)];
                assert_eq!(said, gates, "corner ({a}, {b}) at epoch {epochs}");
            }
        }
    }

    #[test]
    fn own_points_train_on_without_a_reset_and_no_points_train_nothing() {
        use crate::own_data::OwnPoint;
        let mut session = session("#dataset=own&percTrainData=50&networkShape=3&seed=2");
        assert!(session.inputs().0.is_empty());
        let readout = session.run(5).unwrap();
        assert_eq!((readout.epoch, readout.train_loss), (0, None));
        assert_eq!(session.history().len(), 1, "only epoch 0");

        let corners = [
            (-3.0, -3.0, 0.0),
            (3.0, 3.0, 0.0),
            (-3.0, 3.0, 1.0),
            (3.0, -3.0, 1.0),
        ];
        session
            .edit_own_data(|own| {
                for (x1, x2, label) in corners {
                    own.add(Problem::Classification, OwnPoint { x1, x2, label }, 2)?;
                }
                Ok(())
            })
            .unwrap();
        assert_eq!((session.inputs().0.len(), session.inputs().1.len()), (2, 2));
        session.run(10).unwrap();
        let weights = bits(&session);
        let refused = session.edit_own_data(|own| {
            own.add(
                Problem::Classification,
                OwnPoint {
                    x1: 0.0,
                    x2: 0.0,
                    label: 0.0,
                },
                2,
            )?;
            own.add(
                Problem::Classification,
                OwnPoint {
                    x1: 9.0,
                    x2: 0.0,
                    label: 0.0,
                },
                2,
            )
        });
        assert!(refused.is_err());
        assert_eq!(
            session.own_data().classification.len(),
            4,
            "a refused edit changes nothing"
        );

        session
            .edit_own_data(|own| Ok(own.remove_near(Problem::Classification, 3.0, 3.0, 0.1)))
            .unwrap();
        assert_eq!(session.epoch(), 10, "editing points does not reset");
        assert_eq!(bits(&session), weights);
        assert_eq!(session.inputs().0.len() + session.inputs().1.len(), 3);
    }
}
