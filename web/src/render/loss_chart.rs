//! The loss curve: training and test loss over epochs, drawn with plotters on a canvas.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::error::ViewError;

/// Name of the chart in messages; also its accessible name.
pub const NAME: &str = "Loss curve";

/// The losses to draw: `(epoch, loss)` pairs of each series, in epoch order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LossSeries {
    /// Loss on the training split.
    pub train: Vec<(f64, f64)>,
    /// Loss on the test split (empty when there is none).
    pub test: Vec<(f64, f64)>,
}

/// Colour of the training-loss line (the legend beside the chart uses it too).
pub const TRAIN_COLOUR: RGBColor = RGBColor(0x08, 0x77, 0xbd);
/// Colour of the test-loss line.
pub const TEST_COLOUR: RGBColor = RGBColor(0x2b, 0x2b, 0x2b);

/// The axes' ranges: epochs from 0 to the last one (at least 1), losses from 0 to a little above
/// the largest finite value (at least a small positive height). Non-finite points are skipped.
pub fn ranges(series: &LossSeries) -> (f64, f64) {
    let finite = || {
        series
            .train
            .iter()
            .chain(&series.test)
            .filter(|p| p.1.is_finite())
    };
    let last_epoch = finite().map(|p| p.0).fold(1.0, f64::max);
    let top = finite().map(|p| p.1).fold(0.0, f64::max);
    (last_epoch, (top * 1.05).max(0.01))
}

/// Draws the chart on `canvas`, replacing what was there.
pub fn draw(canvas: HtmlCanvasElement, series: &LossSeries) -> Result<(), ViewError> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or(ViewError::NoContext(NAME))?;
    let area = backend.into_drawing_area();
    area.fill(&WHITE).map_err(plot_error)?;
    let (last_epoch, top) = ranges(series);
    let mut chart = ChartBuilder::on(&area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(0.0..last_epoch, 0.0..top)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|epoch| whole(*epoch))
        .x_desc("Epoch")
        .y_desc("Loss")
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 15))
        .light_line_style(WHITE)
        .draw()
        .map_err(plot_error)?;

    for (points, colour) in [(&series.train, TRAIN_COLOUR), (&series.test, TEST_COLOUR)] {
        let finite = points.iter().copied().filter(|p| p.1.is_finite());
        chart
            .draw_series(LineSeries::new(finite, colour.stroke_width(2)))
            .map_err(plot_error)?;
    }
    area.present().map_err(plot_error)
}

/// An epoch tick's label: whole epochs only (a short run's fractional ticks stay blank).
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
    fn ranges_cover_the_finite_points_and_skip_the_rest() {
        let series = LossSeries {
            train: vec![(0.0, 0.5), (10.0, 0.2), (20.0, f64::NAN)],
            test: vec![(0.0, 0.6), (30.0, f64::INFINITY)],
        };
        let (last_epoch, top) = ranges(&series);
        assert_eq!(last_epoch, 10.0);
        assert!((top - 0.63).abs() < 1e-12, "top {top}");
    }

    #[test]
    fn only_whole_epochs_are_labelled() {
        assert_eq!(whole(20.0), "20");
        assert_eq!(whole(0.5), "");
    }

    #[test]
    fn empty_series_still_give_a_drawable_frame() {
        assert_eq!(ranges(&LossSeries::default()), (1.0, 0.01));
    }
}
