//! The fitted curve: data points of one input and the network's output over x, drawn with
//! plotters on a canvas.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::curve_view::CurveView;
use crate::error::ViewError;
use crate::render::colour::Rgb;

/// Name of the chart in messages; also its accessible name.
pub const NAME: &str = "Fitted curve";
/// Colour of the network's curve.
pub const CURVE_COLOUR: RGBColor = RGBColor(0x1d, 0x23, 0x27);
/// Rim of a test point.
const TEST_RIM: RGBColor = RGBColor(0x22, 0x22, 0x22);

/// Draws the view on `canvas`, replacing what was there: axes, points, then the curve.
pub fn draw(canvas: HtmlCanvasElement, view: &CurveView) -> Result<(), ViewError> {
    let backend = CanvasBackend::with_canvas_object(canvas).ok_or(ViewError::NoContext(NAME))?;
    let area = backend.into_drawing_area();
    area.fill(&WHITE).map_err(plot_error)?;
    let ((x_min, x_max), (y_min, y_max)) = (view.x_range, view.y_range);
    let mut chart = ChartBuilder::on(&area)
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d(x_min..x_max, y_min..y_max)
        .map_err(plot_error)?;
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(5)
        .x_desc(view.x_name)
        .y_desc(view.y_name)
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 15))
        .light_line_style(WHITE)
        .draw()
        .map_err(plot_error)?;

    let inside = |p: &&crate::curve_view::CurvePoint| {
        (x_min..=x_max).contains(&p.x) && (y_min..=y_max).contains(&p.y)
    };
    let dots = view.points.iter().filter(inside).flat_map(|p| {
        let rim = if p.test { TEST_RIM } else { WHITE };
        [
            Circle::new((p.x, p.y), 4, rgb(p.colour).filled()),
            Circle::new((p.x, p.y), 4, rim.stroke_width(1)),
        ]
    });
    chart.draw_series(dots).map_err(plot_error)?;
    let curve = view.curve.iter().copied();
    chart
        .draw_series(LineSeries::new(curve, CURVE_COLOUR.stroke_width(3)))
        .map_err(plot_error)?;
    area.present().map_err(plot_error)
}

/// Our colour as plotters'.
pub fn rgb(colour: Rgb) -> RGBColor {
    RGBColor(colour.0, colour.1, colour.2)
}

fn plot_error<E: std::error::Error + Send + Sync>(err: DrawingAreaErrorKind<E>) -> ViewError {
    ViewError::Draw {
        canvas: NAME,
        detail: err.to_string(),
    }
}
