//! What the views draw, derived from a training session: the decision boundary's grid and
//! points, and the loss curve's series. Plain Rust, tested natively.

use nn_core::data::Features;
use nn_core::grid::{GridOutputs, evaluate_grid_into};
use nn_core::{Dataset, Domain, Objective, Task, Workspace};
use playground_model::config::DatasetKind;
use playground_model::{Config, LossHistory, Session};

use crate::components::boundary::{BoundaryView, POINT_RADIUS, Point};
use crate::neurons::boundary_lines;
use crate::render::colour::{class_colour, diverging};
use crate::render::heatmap::Grid;
use crate::render::loss_chart::LossSeries;

/// Cells per side of the decision-boundary grid (TensorFlow Playground's).
pub const GRID_SIZE: usize = 100;
/// Cells per side while training plays: a quarter of the work per frame, so more of the frame
/// goes to training; the full grid is drawn again as soon as training pauses or steps.
pub const PLAYING_GRID_SIZE: usize = 50;

/// Why a session's data cannot be drawn as a 2-D decision boundary (shown only for data that
/// have no view of their own either; see `components::off_plane`).
pub const NOT_PLANE_DATA: &str = "This data set does not lie in the plane, so the page cannot \
    draw its decision boundary; training still runs, and the readouts and loss curve follow it.";

/// Buffers reused from frame to frame to evaluate the network over the grid.
#[derive(Default)]
pub struct Pictures {
    workspace: Option<Workspace>,
    grid: GridOutputs,
}

impl Pictures {
    /// Every neuron's outputs over the grid, as last computed by [`Pictures::boundary`]
    /// (hidden layers first, output last; see `nn_core::grid::GridOutputs`). Thumbnails sample
    /// it rather than evaluating the network again.
    pub fn grid(&self) -> &GridOutputs {
        &self.grid
    }

    /// The decision boundary of `session`, or `None` when its data do not lie in the plane.
    pub fn boundary(&mut self, session: &Session) -> Option<BoundaryView> {
        self.boundary_at(session, GRID_SIZE)
    }

    /// [`Pictures::boundary`] on a grid of `size` cells a side.
    pub fn boundary_at(&mut self, session: &Session, size: usize) -> Option<BoundaryView> {
        let (train, test) = session.points();
        let Some(domain) = plane_domain(train) else {
            self.grid = GridOutputs::default();
            return None;
        };
        let network = session.network();
        let workspace = match self.workspace.take() {
            Some(ws) if ws.fits(network) => ws,
            _ => Workspace::new(network),
        };
        let workspace = self.workspace.insert(workspace);
        let features: Features = session.features();
        let expand = move |x1: f64, x2: f64, inputs: &mut [f64]| features.expand(x1, x2, inputs);
        evaluate_grid_into(network, &domain, size, expand, workspace, &mut self.grid);

        let grid = output_grid(&self.grid, network.spec().objective, size);
        let config = session.config();
        let mut shown = points(train, false);
        // The user's own points all show, so that none seems to vanish when it lands in the
        // test split.
        if config.show_test_data || config.uses_own_data() {
            shown.extend(points(test, true));
        }
        Some(BoundaryView {
            grid,
            domain,
            points: shown,
            discretize: config.discretize,
            lines: boundary_lines(session),
            point_radius: point_radius(config),
        })
    }
}

/// The output blocks of the grid as the heatmap reads them: one block in -1..1 for two classes
/// (a sigmoid's probability p mapped to 2p - 1) and regression, one probability block per
/// class for softmax.
fn output_grid(outputs: &GridOutputs, objective: Objective, size: usize) -> Grid {
    match objective {
        Objective::SoftmaxCrossEntropy { classes } => Grid {
            size,
            values: (0..classes)
                .flat_map(|c| outputs.output(c).iter().copied())
                .collect(),
            outputs: classes,
        },
        Objective::SigmoidCrossEntropy => Grid::single(
            size,
            outputs.output(0).iter().map(|p| 2.0 * p - 1.0).collect(),
        ),
        Objective::TanhSquared | Objective::LinearSquared => {
            Grid::single(size, outputs.output(0).to_vec())
        }
    }
}

/// The domain of 2-D data; `None` for anything else (digits, the 1-D curve, NOT's one input).
fn plane_domain(data: &Dataset) -> Option<Domain> {
    (data.dim == 2).then_some(data.domain?)
}

/// Radius of the drawn points: a gate's four corners each hold many identical points, so they
/// are drawn large enough to see from the back of a lecture room.
fn point_radius(config: &Config) -> f64 {
    let gate = matches!(
        config.dataset,
        DatasetKind::GateAnd | DatasetKind::GateOr | DatasetKind::GateNand | DatasetKind::GateXor
    );
    if gate && config.class_count().is_some() {
        GATE_POINT_RADIUS
    } else {
        POINT_RADIUS
    }
}

/// Radius of a gate's corner points in canvas pixels.
const GATE_POINT_RADIUS: f64 = 8.0;

/// The points of a 2-D data set, as drawn: coloured by class, or regression targets (in
/// [-1, 1]) on the diverging scale.
fn points(data: &Dataset, test: bool) -> Vec<Point> {
    let colour = |target: f64| match data.task {
        Task::Classification { classes } => class_colour(target as usize, classes),
        Task::Regression => diverging(target),
    };
    (0..data.len())
        .map(|i| {
            let row = data.row(i);
            Point {
                x1: row[0],
                x2: row[1],
                colour: colour(data.targets[i]),
                test,
            }
        })
        .collect()
}

/// The loss curve's series from a session's history (missing losses stay out of the chart).
pub fn loss_series(history: &LossHistory) -> LossSeries {
    let pick = |loss: fn(&playground_model::LossPoint) -> Option<f64>| {
        history
            .points()
            .iter()
            .filter_map(|p| Some((p.epoch as f64, loss(p)?)))
            .collect()
    };
    LossSeries {
        train: pick(|p| p.train_loss),
        test: pick(|p| p.test_loss),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground_model::decode;

    fn session(link: &str) -> Session {
        Session::new(decode(link, || "0.5".to_string()).config).unwrap()
    }

    #[test]
    fn the_boundary_covers_the_grid_and_shows_the_training_points() {
        let session = session("#dataset=circle&percTrainData=50&seed=0.1");
        let view = Pictures::default().boundary(&session).unwrap();
        assert_eq!(view.grid.values.len(), GRID_SIZE * GRID_SIZE);
        assert!(
            view.grid
                .values
                .iter()
                .all(|v| v.is_finite() && v.abs() <= 1.0)
        );
        assert_eq!(view.points.len(), 250, "half of the 500 points train");
        let class_colours = [class_colour(0, 2), class_colour(1, 2)];
        assert!(
            view.points
                .iter()
                .all(|p| class_colours.contains(&p.colour))
        );
    }

    #[test]
    fn a_playing_grid_is_coarser_and_covers_the_same_domain() {
        let session = session("#dataset=circle&seed=0.1");
        let mut pictures = Pictures::default();
        let coarse = pictures.boundary_at(&session, PLAYING_GRID_SIZE).unwrap();
        assert_eq!(coarse.grid.size, PLAYING_GRID_SIZE);
        assert_eq!(
            coarse.grid.values.len(),
            PLAYING_GRID_SIZE * PLAYING_GRID_SIZE
        );
        assert_eq!(pictures.grid().resolution, PLAYING_GRID_SIZE);
        let full = pictures.boundary(&session).unwrap();
        assert_eq!((full.grid.size, full.domain), (GRID_SIZE, coarse.domain));
    }

    #[test]
    fn test_points_are_added_only_when_asked_for() {
        let session = session("#dataset=xor&percTrainData=30&showTestData=true&seed=0.1");
        let view = Pictures::default().boundary(&session).unwrap();
        assert_eq!(view.points.len(), 500);
        assert_eq!(view.points.iter().filter(|p| p.test).count(), 350);
    }

    #[test]
    fn many_classes_give_one_probability_block_per_class() {
        let session = session("#dataset=blobs&classes=4&seed=0.3");
        let view = Pictures::default().boundary(&session).unwrap();
        assert_eq!(view.grid.outputs, 4);
        assert!(view.grid.is_well_formed());
        let cells = GRID_SIZE * GRID_SIZE;
        let total: f64 = (0..4).map(|c| view.grid.values[c * cells]).sum();
        assert!(
            (total - 1.0).abs() < 1e-9,
            "probabilities of a cell sum to 1, not {total}"
        );
    }

    #[test]
    fn a_sigmoid_output_is_mapped_onto_the_diverging_range() {
        let session = session("#dataset=circle&loss=cross-entropy&seed=0.3");
        let view = Pictures::default().boundary(&session).unwrap();
        assert!(view.grid.values.iter().all(|v| (-1.0..=1.0).contains(v)));
        let p = Pictures::default().boundary(&session).unwrap().grid.values[0];
        let mut raw = Pictures::default();
        raw.boundary(&session);
        assert_eq!(p, 2.0 * raw.grid().output(0)[0] - 1.0);
    }

    #[test]
    fn a_gates_corners_are_drawn_large_and_other_points_small() {
        let gate = Pictures::default().boundary(&session("#dataset=gate-and&seed=1"));
        assert_eq!(gate.unwrap().point_radius, GATE_POINT_RADIUS);
        let circle = Pictures::default().boundary(&session("#dataset=circle&seed=1"));
        assert_eq!(circle.unwrap().point_radius, POINT_RADIUS);
    }

    #[test]
    fn data_off_the_plane_has_no_boundary() {
        assert!(
            Pictures::default()
                .boundary(&session("#dataset=digits&seed=1"))
                .is_none()
        );
    }

    #[test]
    fn the_loss_series_follow_the_history() {
        let mut session = session("#dataset=gauss&seed=0.2");
        session.run(3).unwrap();
        let series = loss_series(session.history());
        assert_eq!(
            series.train.iter().map(|p| p.0).collect::<Vec<_>>(),
            [0.0, 1.0, 2.0, 3.0]
        );
        assert_eq!(series.test.len(), 4);
    }
}
