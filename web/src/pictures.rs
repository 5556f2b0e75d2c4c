//! What the views draw, derived from a training session: the decision boundary's grid and
//! points, and the loss curve's series. Plain Rust, tested natively.

use nn_core::data::Features;
use nn_core::grid::{GridOutputs, evaluate_grid_into};
use nn_core::{Dataset, Domain, Task, Workspace};
use playground_model::{LossHistory, Session};

use crate::components::boundary::{BoundaryView, Point};
use crate::render::heatmap::Grid;
use crate::render::loss_chart::LossSeries;

/// Cells per side of the decision-boundary grid.
pub const GRID_SIZE: usize = 100;

/// Why a session's data cannot be drawn as a 2-D decision boundary.
pub const NOT_PLANE_DATA: &str = "This data set is not two-class or regression data in the \
    plane, so the page cannot draw its decision boundary yet; training still runs.";

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

    /// The decision boundary of `session`, or `None` when its data are not drawable as one
    /// (not 2-D, or more than two classes).
    pub fn boundary(&mut self, session: &Session) -> Option<BoundaryView> {
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
        evaluate_grid_into(
            network,
            &domain,
            GRID_SIZE,
            expand,
            workspace,
            &mut self.grid,
        );

        let grid = Grid {
            size: GRID_SIZE,
            values: self.grid.output(0).to_vec(),
        };
        let config = session.config();
        let mut points = points(train, false);
        if config.show_test_data {
            points.extend(points_of_test(test));
        }
        Some(BoundaryView {
            grid,
            domain,
            points,
            discretize: config.discretize,
        })
    }
}

/// The domain of 2-D data with at most two classes; `None` for anything else.
fn plane_domain(data: &Dataset) -> Option<Domain> {
    let two_classes = matches!(
        data.task,
        Task::Classification { classes: 2 } | Task::Regression
    );
    (data.dim == 2 && two_classes).then_some(data.domain?)
}

/// The points of a 2-D data set, as drawn: class 0 at -1, class 1 at +1, regression targets
/// as they are (they lie in [-1, 1]).
fn points(data: &Dataset, test: bool) -> Vec<Point> {
    let value = |target: f64| match data.task {
        Task::Classification { .. } => 2.0 * target - 1.0,
        Task::Regression => target,
    };
    (0..data.len())
        .map(|i| {
            let row = data.row(i);
            Point {
                x1: row[0],
                x2: row[1],
                value: value(data.targets[i]),
                test,
            }
        })
        .collect()
}

fn points_of_test(data: &Dataset) -> Vec<Point> {
    points(data, true)
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
        assert!(
            view.points
                .iter()
                .all(|p| p.value == -1.0 || p.value == 1.0)
        );
    }

    #[test]
    fn test_points_are_added_only_when_asked_for() {
        let session = session("#dataset=xor&percTrainData=30&showTestData=true&seed=0.1");
        let view = Pictures::default().boundary(&session).unwrap();
        assert_eq!(view.points.len(), 500);
        assert_eq!(view.points.iter().filter(|p| p.test).count(), 350);
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
