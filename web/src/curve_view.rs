//! What the curve view draws for data of one input (the 1-D regression curve, NOT): the data
//! points over x and the network's output as a curve. Plain Rust, tested natively.

use nn_core::grid::{cell_centre, evaluate_line};
use nn_core::{Dataset, Objective, Task};
use playground_model::Session;

use crate::render::colour::{POSITIVE, Rgb, class_colour};

/// Number of x values the network's curve is evaluated at.
pub const CURVE_POINTS: usize = 200;
/// Room added above and below the output's range, so points at its ends stay visible.
const PAD: f64 = 0.1;

/// One data point as drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurvePoint {
    /// The input.
    pub x: f64,
    /// The target, in the output's units.
    pub y: f64,
    /// Its colour: one colour for regression, the class colour for classes.
    pub colour: Rgb,
    /// True for a test point (drawn with a dark rim).
    pub test: bool,
}

/// What the curve view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CurveView {
    /// Range of the x axis.
    pub x_range: (f64, f64),
    /// Range of the y axis.
    pub y_range: (f64, f64),
    /// The network's output at [`CURVE_POINTS`] x values, left to right (non-finite values
    /// left out, the others kept within `y_range`).
    pub curve: Vec<(f64, f64)>,
    /// The training points, then the test points when they are shown.
    pub points: Vec<CurvePoint>,
    /// Name of the x axis.
    pub x_name: &'static str,
    /// Name of the y axis.
    pub y_name: &'static str,
}

/// The curve view of `session`; `None` unless its data have a single input.
pub fn curve_view(session: &Session) -> Option<CurveView> {
    let (train, test) = session.points();
    let domain = train.domain.filter(|_| train.dim == 1)?;
    let objective = session.network().spec().objective;
    let y_range = output_range(objective, (domain.x2_min, domain.x2_max));
    let line = evaluate_line(
        session.network(),
        domain.x1_min,
        domain.x1_max,
        CURVE_POINTS,
        |x, inputs| inputs[0] = x,
    );
    let curve = line
        .output(0)
        .iter()
        .enumerate()
        .filter(|(_, y)| y.is_finite());
    let curve = curve.map(|(i, &y)| {
        let x = cell_centre(domain.x1_min, domain.x1_max, CURVE_POINTS, i);
        (x, y.clamp(y_range.0, y_range.1))
    });
    let mut points = curve_points(train, objective, false);
    if session.config().show_test_data {
        points.extend(curve_points(test, objective, true));
    }
    let regression = objective == Objective::LinearSquared;
    Some(CurveView {
        x_range: (domain.x1_min, domain.x1_max),
        y_range,
        curve: curve.collect(),
        points,
        x_name: if regression { "x" } else { "x1" },
        y_name: if regression { "y" } else { "output" },
    })
}

/// The y axis's range: the targets' range for regression, the output function's for classes
/// (0..1 for a sigmoid, -1..1 for tanh), with a little room at both ends.
fn output_range(objective: Objective, targets: (f64, f64)) -> (f64, f64) {
    let (low, high) = match objective {
        Objective::SigmoidCrossEntropy | Objective::SoftmaxCrossEntropy { .. } => (0.0, 1.0),
        Objective::TanhSquared => (-1.0, 1.0),
        Objective::LinearSquared => targets,
    };
    (low - PAD, high + PAD)
}

/// The points of one-input data: regression targets as they are, classes at the output the
/// network aims for (1 for class 1; 0 for class 0 with a sigmoid, -1 with tanh).
fn curve_points(data: &Dataset, objective: Objective, test: bool) -> Vec<CurvePoint> {
    let point = |i: usize| {
        let target = data.targets[i];
        let (y, colour) = match data.task {
            Task::Regression => (target, POSITIVE),
            Task::Classification { classes } => {
                let low = if objective == Objective::TanhSquared {
                    -1.0
                } else {
                    0.0
                };
                let y = if target >= 0.5 { 1.0 } else { low };
                (y, class_colour(target as usize, classes))
            }
        };
        CurvePoint {
            x: data.row(i)[0],
            y,
            colour,
            test,
        }
    };
    (0..data.len()).map(point).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::colour::NEGATIVE;
    use nn_core::Workspace;
    use playground_model::decode;

    fn session(link: &str) -> Session {
        Session::new(decode(link, || "0.5".to_string()).config).unwrap()
    }

    #[test]
    fn the_curve_is_the_networks_prediction_across_x() {
        let mut session = session("#preset=regression-curve&seed=1");
        session.run(20).unwrap();
        let view = curve_view(&session).unwrap();
        assert_eq!(view.curve.len(), CURVE_POINTS);
        assert_eq!(view.x_range, (-6.0, 6.0));
        let mut ws = Workspace::new(session.network());
        for &(x, y) in view.curve.iter().step_by(37) {
            ws.forward(session.network(), &[x]);
            assert_eq!(y, ws.output()[0].clamp(-1.1, 1.1), "at x = {x}");
        }
        let xs: Vec<f64> = view.curve.iter().map(|p| p.0).collect();
        assert!(xs.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(xs[0] > -6.0 && xs[CURVE_POINTS - 1] < 6.0);
    }

    #[test]
    fn points_are_the_training_data_and_the_test_data_when_shown() {
        let hidden = session("#preset=regression-curve&seed=1");
        let view = curve_view(&hidden).unwrap();
        let (train, test) = hidden.points();
        assert_eq!(view.points.len(), train.len());
        assert_eq!(
            (view.points[0].x, view.points[0].y),
            (train.row(0)[0], train.targets[0])
        );
        let shown = session("#preset=regression-curve&showTestData=true&seed=1");
        let view = curve_view(&shown).unwrap();
        assert_eq!(view.points.len(), train.len() + test.len());
        assert_eq!(view.points.iter().filter(|p| p.test).count(), test.len());
        assert_eq!((view.x_name, view.y_name), ("x", "y"));
    }

    #[test]
    fn not_shows_its_output_with_the_two_table_points() {
        let session = session("#dataset=gate-not&loss=cross-entropy&seed=1");
        let view = curve_view(&session).unwrap();
        assert_eq!(view.y_range, (-0.1, 1.1), "a sigmoid's range");
        assert_eq!((view.x_name, view.y_name), ("x1", "output"));
        for point in &view.points {
            // NOT x1: input 0 gives class 1 (blue, at 1), input 1 gives class 0 (orange, at 0).
            let expected = if point.x < 0.5 {
                (1.0, POSITIVE)
            } else {
                (0.0, NEGATIVE)
            };
            assert_eq!((point.y, point.colour), expected, "at x1 = {}", point.x);
        }
        let tanh = curve_view(&super::tests::session("#dataset=gate-not&seed=1")).unwrap();
        assert_eq!(tanh.y_range, (-1.1, 1.1));
        assert!(tanh.points.iter().any(|p| p.y == -1.0));
    }

    #[test]
    fn plane_data_and_digits_have_no_curve() {
        assert_eq!(curve_view(&session("#dataset=circle")), None);
        assert_eq!(
            curve_view(&session("#problem=regression&regDataset=reg-gauss")),
            None
        );
        assert_eq!(curve_view(&session("#dataset=digits")), None);
    }
}
