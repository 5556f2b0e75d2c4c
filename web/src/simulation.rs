//! One training run as the first page shows it: TensorFlow Playground's default experiment
//! (circle data, features x1 and x2, hidden layers 4 and 2 of tanh units, a tanh output with
//! squared loss, SGD with learning rate 0.03 and batch 10, half the points for training).
//!
// TODO(#4): replace this fixed experiment by the model crate's session, driven by the link.

use nn_core::data::{self, DataKind, Features};
use nn_core::grid::{GridOutputs, evaluate_grid_into};
use nn_core::rng::rng_for;
use nn_core::{
    Activation, Dataset, Domain, Hyperparameters, Init, Network, NetworkSpec, NnError, Objective,
    Trainer, Workspace,
};

use crate::components::boundary::{BoundaryView, Point};
use crate::render::heatmap::Grid;

/// Cells per side of the decision-boundary grid.
const GRID_SIZE: usize = 100;
/// Share of the points used for training, in percent.
const PERCENT_TRAIN: f64 = 50.0;
/// Hidden layer widths.
const HIDDEN: [usize; 2] = [4, 2];

/// The data, the network and its trainer for one run.
pub struct Simulation {
    /// Training points as drawn (x1, x2).
    train_points: Dataset,
    /// Training examples as the network sees them (the selected features).
    train: Dataset,
    features: Features,
    domain: Domain,
    trainer: Trainer,
    workspace: Workspace,
    grid: GridOutputs,
}

impl Simulation {
    /// Generates the data and the initial network from `seed`: the same seed gives the same
    /// points and the same initial weights.
    pub fn new(seed: &str) -> Result<Self, NnError> {
        let features = Features::default();
        let mut data_rng = rng_for(seed, "data");
        let all = data::generate(DataKind::Circle, None, 0.0, &mut data_rng)?;
        let (train_points, _test_points) = data::split(&all, PERCENT_TRAIN, &mut data_rng)?;
        let train = features.apply(&train_points)?;
        let domain = train_points.domain.unwrap_or(Domain::square(6.0));

        let objective = Objective::TanhSquared;
        let spec = NetworkSpec::new(train.dim, HIDDEN.to_vec(), Activation::Tanh, objective);
        let network = Network::new(spec, Init::default(), &mut rng_for(seed, "weights"))?;
        let workspace = Workspace::new(&network);
        let trainer = Trainer::new(
            network,
            Hyperparameters::default(),
            rng_for(seed, "shuffle"),
        );
        let grid = GridOutputs::default();
        Ok(Simulation {
            train_points,
            train,
            features,
            domain,
            trainer,
            workspace,
            grid,
        })
    }

    /// Epochs trained so far.
    pub fn epoch(&self) -> u64 {
        self.trainer.epoch()
    }

    /// Trains one epoch (nothing happens once the run has diverged).
    pub fn train_epoch(&mut self) {
        if let Err(err) = self.trainer.train_epoch(&self.train) {
            log::warn!("epoch not trained: {err}");
        }
    }

    /// The decision boundary as it stands: the output over the domain and the training points.
    pub fn boundary(&mut self) -> BoundaryView {
        let features = self.features;
        let expand = move |x1: f64, x2: f64, inputs: &mut [f64]| features.expand(x1, x2, inputs);
        let network = self.trainer.network();
        evaluate_grid_into(
            network,
            &self.domain,
            GRID_SIZE,
            expand,
            &mut self.workspace,
            &mut self.grid,
        );
        let grid = Grid {
            size: GRID_SIZE,
            values: self.grid.output(0).to_vec(),
        };
        BoundaryView {
            grid,
            domain: self.domain,
            points: points(&self.train_points),
            discretize: false,
        }
    }
}

/// The points of a 2-D classification set, as drawn.
fn points(data: &Dataset) -> Vec<Point> {
    (0..data.len())
        .map(|i| {
            let row = data.row(i);
            Point {
                x1: row[0],
                x2: row[1],
                class: data.targets[i] as usize,
                test: false,
            }
        })
        .collect()
}
