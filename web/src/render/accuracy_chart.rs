//! The accuracy curve: training and test accuracy over epochs, drawn with plotters on a canvas
//! (the loss chart's style, with a fixed axis from 0 to 100 %).

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::error::ViewError;
use crate::render::loss_chart::{TEST_COLOUR, TRAIN_COLOUR};

/// Name of the chart in messages; also its accessible name.
pub const NAME: &str = "Accuracy curve";

/// The accuracies to draw: `(epoch, share right)` pairs of each series, in epoch order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccuracySeries {
    /// Accuracy on the training split.
    pub train: Vec<(f64, f64)>,
    /// Accuracy on the test split (empty when there is none).
    pub test: Vec<(f64, f64)>,
}

/// The last epoch of the finite points (at least 1), the right end of the x axis.
pub fn last_epoch(series: &AccuracySeries) -> f64 {
    let points = series.train.iter().chain(&series.test);
    let finite = points.filter(|p| p.0.is_finite() && p.1.is_finite());
    finite.map(|p| p.0).fold(1.0, f64::max)
}

/// Draws the chart on `canvas`, replacing what was there.
pub fn draw(canvas: HtmlCanvasElement, series: &AccuracySeries) -> Result<(), ViewError> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or(ViewError::NoContext(NAME))?;
    let area = backend.into_drawing_area();
    area.fill(&WHITE).map_err(plot_error)?;
    let mut chart = ChartBuilder::on(&area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(72)
        .build_cartesian_2d(0.0..last_epoch(series), 0.0..100.0)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(6)
        .x_label_formatter(&|epoch| whole(*epoch))
        .y_label_formatter(&|percent| format!("{percent:.0} %"))
        .x_desc("Epoch")
        .y_desc("Accuracy")
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 15))
        .light_line_style(WHITE)
        .draw()
        .map_err(plot_error)?;

    for (points, colour) in [(&series.train, TRAIN_COLOUR), (&series.test, TEST_COLOUR)] {
        let percent = points
            .iter()
            .filter(|p| p.1.is_finite())
            .map(|&(epoch, share)| (epoch, 100.0 * share.clamp(0.0, 1.0)));
        chart
            .draw_series(LineSeries::new(percent, colour.stroke_width(2)))
            .map_err(plot_error)?;
    }
    area.present().map_err(plot_error)
}

/// An epoch tick's label: whole epochs only.
fn whole(epoch: f64) -> String {
    if epoch.fract() == 0.0 {
        format!("{epoch:.0}")
    } else {
        String::new()
    }
}

fn plot_error<E: std::error::Error + Send + Sync>(err: DrawingAreaErrorKind<E>) -> ViewError {
    ViewError::Draw {
        canvas: NAME,
        detail: err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_x_axis_ends_at_the_last_finite_epoch() {
        let series = AccuracySeries {
            train: vec![(0.0, 0.1), (12.0, 0.9), (20.0, f64::NAN)],
            test: vec![(0.0, 0.1), (8.0, 0.8)],
        };
        assert_eq!(last_epoch(&series), 12.0);
        assert_eq!(last_epoch(&AccuracySeries::default()), 1.0);
        assert_eq!((whole(5.0), whole(2.5)), ("5".to_string(), String::new()));
    }
}
