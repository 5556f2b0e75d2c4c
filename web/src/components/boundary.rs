//! The decision boundary: the network's output over the input domain as a heatmap, with the data
//! points on top.

use std::rc::Rc;

use nn_core::Domain;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

use crate::error::ViewError;
use crate::neurons::NeuronLine;
use crate::render::axes::{label, ticks};
use crate::render::canvas::{context_2d, dot, put_pixels_at};
use crate::render::colour::{Rgb, background, discrete, diverging};
use crate::render::heatmap::{Grid, paint};

/// Width and height of the heatmap in canvas pixels.
const SIDE: u32 = 400;
/// Room left of the heatmap for the x2 axis's labels.
const LEFT: f64 = 36.0;
/// Room above the heatmap (half a label's height).
const TOP: f64 = 10.0;
/// Room below the heatmap for the x1 axis's labels.
const BOTTOM: f64 = 30.0;
/// Room right of the heatmap (half a label's width).
const RIGHT: f64 = 12.0;
/// Ticks asked for on each axis.
const TICKS: usize = 6;
/// Radius of a data point in canvas pixels, unless the view asks for another.
pub const POINT_RADIUS: f64 = 3.5;
/// Name of this canvas in messages; also its accessible name.
const NAME: &str = "Decision boundary";

/// One data point as drawn: its position in the input plane and its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// First input.
    pub x1: f64,
    /// Second input.
    pub x2: f64,
    /// The colour of its label (class, or regression target on the diverging scale).
    pub colour: Rgb,
    /// True for a test point (drawn with a dark rim).
    pub test: bool,
}

/// What the decision boundary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryView {
    /// The output over the domain: one block in `-1..1`, or one probability block per class.
    pub grid: Grid,
    /// The domain the grid covers.
    pub domain: Domain,
    /// The points drawn on top.
    pub points: Vec<Point>,
    /// Two colours instead of the continuous scale.
    pub discretize: bool,
    /// Neurons' lines drawn over the picture (see `crate::neurons::boundary_lines`).
    pub lines: Vec<NeuronLine>,
    /// Radius of the drawn points in canvas pixels.
    pub point_radius: f64,
}

impl Default for BoundaryView {
    /// Nothing to show yet: an empty grid over TensorFlow Playground's domain.
    fn default() -> Self {
        let grid = Grid::single(0, Vec::new());
        BoundaryView {
            grid,
            domain: Domain::square(6.0),
            points: Vec::new(),
            discretize: false,
            lines: Vec::new(),
            point_radius: POINT_RADIUS,
        }
    }
}

/// Properties of [`DecisionBoundary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The picture to draw.
    pub view: Rc<BoundaryView>,
    /// Called with the point of the plane (x1, x2) under a click on the heatmap, when the page
    /// edits its data; clicks on the axes are ignored.
    #[prop_or_default]
    pub on_click: Option<Callback<(f64, f64)>>,
}

/// The decision-boundary canvas, redrawn whenever its view changes.
#[function_component(DecisionBoundary)]
pub fn decision_boundary(props: &Props) -> Html {
    let canvas = use_node_ref();
    let pixels = use_mut_ref(Vec::new);
    {
        let canvas = canvas.clone();
        use_effect_with(props.view.clone(), move |view| {
            let result = canvas
                .cast::<HtmlCanvasElement>()
                .ok_or(ViewError::MissingCanvas(NAME))
                .and_then(|canvas| draw(&canvas, view, &mut pixels.borrow_mut()));
            if let Err(err) = result {
                log::error!("{err}");
            }
        });
    }
    let (width, height) = canvas_size();
    let editing = props.on_click.is_some();
    let onclick = props.on_click.clone().map(|on_click| {
        let domain = props.view.domain;
        Callback::from(move |event: MouseEvent| {
            let canvas: HtmlCanvasElement = event.target_unchecked_into();
            let scale = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
            let at = (f64::from(event.offset_x()), f64::from(event.offset_y()));
            if let Some(point) = canvas_to_plane(&domain, (at.0 * scale, at.1 * scale)) {
                on_click.emit(point);
            }
        })
    });
    html! {
        <>
        <canvas ref={canvas} class={classes!("boundary", editing.then_some("editing"))}
            role="img" aria-label={NAME} width={width.to_string()}
            height={height.to_string()} {onclick} />
        { line_legend(&props.view.lines, &props.view.domain) }
        </>
    }
}

/// The equations of the labelled (hidden neurons') lines, listed under the picture, each saying
/// when it misses the picture.
fn line_legend(lines: &[NeuronLine], domain: &Domain) -> Html {
    let labelled: Vec<&NeuronLine> = lines.iter().filter(|l| !l.label.is_empty()).collect();
    if labelled.is_empty() {
        return html! {};
    }
    html! {
        <div class="boundary-lines">
            <p id="boundary-lines-title">
                { "Dashed lines: where each hidden neuron's sum w1 x1 + w2 x2 + b is 0" }
            </p>
            <ul aria-labelledby="boundary-lines-title">
                { for labelled.iter().map(|l| html! { <li>{ legend_entry(l, domain) }</li> }) }
            </ul>
        </div>
    }
}

/// Width and height of the whole canvas: the heatmap and its axes.
fn canvas_size() -> (u32, u32) {
    let side = f64::from(SIDE);
    ((LEFT + side + RIGHT) as u32, (TOP + side + BOTTOM) as u32)
}

/// Paints a white frame, the heatmap, the points, then the axes.
fn draw(
    canvas: &HtmlCanvasElement,
    view: &BoundaryView,
    pixels: &mut Vec<u8>,
) -> Result<(), ViewError> {
    let context = context_2d(canvas, NAME)?;
    let (width, height) = canvas_size();
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(width), f64::from(height));

    let scale = if view.discretize { discrete } else { diverging };
    let colour = |cell| background(view.grid.cell_colour(cell, scale));
    paint(&view.grid, SIDE as usize, colour, pixels);
    put_pixels_at(&context, NAME, pixels, SIDE, (LEFT, TOP))?;

    context.set_line_width(1.0);
    for point in &view.points {
        let rim = if point.test { "#222" } else { "#fff" };
        context.set_stroke_style_str(rim);
        dot(
            &context,
            NAME,
            to_canvas(&view.domain, point),
            view.point_radius,
            &point.colour.css(),
        )?;
    }

    for line in &view.lines {
        draw_line(&context, &view.domain, line)?;
    }
    context.set_line_width(1.0);
    draw_axes(&context, &view.domain)
}

/// `h1: x2 = -1.00 x1 + 0.50`, saying so when the line misses the picture.
fn legend_entry(line: &NeuronLine, domain: &Domain) -> String {
    let outside = line.segment(domain).is_none();
    let note = if outside {
        " (outside the picture)"
    } else {
        ""
    };
    format!("{}: {}{note}", line.label, line.equation())
}

/// One neuron's line, clipped to the domain: dark on a white halo so it shows on both colours;
/// dashed and labelled near its first end for a hidden neuron.
fn draw_line(
    context: &CanvasRenderingContext2d,
    domain: &Domain,
    line: &NeuronLine,
) -> Result<(), ViewError> {
    let Some([from, to]) = line.segment(domain) else {
        return Ok(());
    };
    let (from, to) = (plane_to_canvas(domain, from), plane_to_canvas(domain, to));
    let (width, dash) = if line.dashed { (1.5, 6.0) } else { (2.5, 0.0) };
    let pattern = js_sys::Array::new();
    if dash > 0.0 {
        pattern.push(&dash.into());
        pattern.push(&(dash * 0.6).into());
    }
    context.set_line_dash(&pattern).map_err(draw_error)?;
    for (colour, extra) in [("#fff", 2.0), ("#1d2327", 0.0)] {
        context.set_stroke_style_str(colour);
        context.set_line_width(width + extra);
        tick_mark(context, from, to);
    }
    context
        .set_line_dash(&js_sys::Array::new())
        .map_err(draw_error)?;
    if line.label.is_empty() {
        return Ok(());
    }
    let at = (
        from.0 + 0.1 * (to.0 - from.0),
        from.1 + 0.1 * (to.1 - from.1),
    );
    label_text(context, &line.label, (at.0 + 6.0, at.1 - 6.0))
}

/// A short bold label with a white outline, readable on either colour.
fn label_text(
    context: &CanvasRenderingContext2d,
    text: &str,
    (x, y): (f64, f64),
) -> Result<(), ViewError> {
    context.set_font("bold 14px sans-serif");
    context.set_text_align("left");
    context.set_text_baseline("bottom");
    context.set_line_width(3.0);
    context.set_stroke_style_str("#fff");
    context.stroke_text(text, x, y).map_err(draw_error)?;
    context.set_fill_style_str("#1d2327");
    fill_text(context, text, x, y)
}

/// A browser's refusal of a canvas call, as this canvas's error.
fn draw_error(err: wasm_bindgen::JsValue) -> ViewError {
    ViewError::Draw {
        canvas: NAME,
        detail: err.as_string().unwrap_or_else(|| format!("{err:?}")),
    }
}

/// Tick marks and labels along the bottom (x1) and left (x2) edges of the heatmap.
fn draw_axes(context: &CanvasRenderingContext2d, domain: &Domain) -> Result<(), ViewError> {
    let side = f64::from(SIDE);
    context.set_fill_style_str("#333");
    context.set_stroke_style_str("#333");
    context.set_font("13px sans-serif");
    context.set_text_align("center");
    context.set_text_baseline("top");
    for tick in ticks(domain.x1_min, domain.x1_max, TICKS) {
        let x = LEFT + (tick - domain.x1_min) / (domain.x1_max - domain.x1_min) * side;
        tick_mark(context, (x, TOP + side), (x, TOP + side + 5.0));
        fill_text(context, &label(tick), x, TOP + side + 8.0)?;
    }
    context.set_text_align("right");
    context.set_text_baseline("middle");
    for tick in ticks(domain.x2_min, domain.x2_max, TICKS) {
        let y = TOP + (domain.x2_max - tick) / (domain.x2_max - domain.x2_min) * side;
        tick_mark(context, (LEFT - 5.0, y), (LEFT, y));
        fill_text(context, &label(tick), LEFT - 7.0, y)?;
    }
    Ok(())
}

fn tick_mark(context: &CanvasRenderingContext2d, from: (f64, f64), to: (f64, f64)) {
    context.begin_path();
    context.move_to(from.0, from.1);
    context.line_to(to.0, to.1);
    context.stroke();
}

fn fill_text(
    context: &CanvasRenderingContext2d,
    text: &str,
    x: f64,
    y: f64,
) -> Result<(), ViewError> {
    context
        .fill_text(text, x, y)
        .map_err(|err| ViewError::Draw {
            canvas: NAME,
            detail: err.as_string().unwrap_or_else(|| format!("{err:?}")),
        })
}

/// Canvas coordinates of a point: x1 to the right, x2 upwards.
fn to_canvas(domain: &Domain, point: &Point) -> (f64, f64) {
    plane_to_canvas(domain, (point.x1, point.x2))
}

/// The point (x1, x2) under canvas coordinates, or `None` outside the heatmap.
pub fn canvas_to_plane(domain: &Domain, (x, y): (f64, f64)) -> Option<(f64, f64)> {
    let side = f64::from(SIDE);
    let (fx, fy) = ((x - LEFT) / side, (y - TOP) / side);
    if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
        return None;
    }
    let x1 = domain.x1_min + fx * (domain.x1_max - domain.x1_min);
    let x2 = domain.x2_max - fy * (domain.x2_max - domain.x2_min);
    Some((x1, x2))
}

/// How far from a point, in the plane's units, a click still lands on it: the drawn radius
/// and a little more, for fingers.
pub fn click_reach(domain: &Domain, radius: f64) -> f64 {
    (radius + 3.0) / f64::from(SIDE) * (domain.x1_max - domain.x1_min)
}

/// Canvas coordinates of (x1, x2).
fn plane_to_canvas(domain: &Domain, (x1, x2): (f64, f64)) -> (f64, f64) {
    let side = f64::from(SIDE);
    let x = LEFT + (x1 - domain.x1_min) / (domain.x1_max - domain.x1_min) * side;
    let y = TOP + (domain.x2_max - x2) / (domain.x2_max - domain.x2_min) * side;
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_maps_back_to_the_point_drawn_there_and_axes_are_outside() {
        let domain = Domain::square(6.0);
        for point in [(-6.0, -6.0), (0.0, 0.0), (2.5, -4.0), (6.0, 6.0)] {
            let (x1, x2) = canvas_to_plane(&domain, plane_to_canvas(&domain, point)).unwrap();
            assert!(
                (x1 - point.0).abs() < 1e-9 && (x2 - point.1).abs() < 1e-9,
                "{point:?}"
            );
        }
        assert_eq!(canvas_to_plane(&domain, (LEFT - 2.0, TOP + 5.0)), None);
        let below = TOP + f64::from(SIDE) + 3.0;
        assert_eq!(canvas_to_plane(&domain, (LEFT + 5.0, below)), None);
        assert!((click_reach(&domain, 3.5) - 6.5 * 12.0 / 400.0).abs() < 1e-12);
    }
}
