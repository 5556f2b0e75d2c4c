//! The decision boundary: the network's output over the input domain as a heatmap, with the data
//! points on top.

use std::rc::Rc;

use nn_core::Domain;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::error::ViewError;
use crate::render::canvas::{context_2d, dot, put_pixels};
use crate::render::colour::{background, discrete, diverging};
use crate::render::heatmap::{Grid, paint};

/// Width and height of the canvas in canvas pixels.
const SIDE: u32 = 400;
/// Name of this canvas in messages; also its accessible name.
const NAME: &str = "Decision boundary";

/// One data point as drawn: its position in the input plane and its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// First input.
    pub x1: f64,
    /// Second input.
    pub x2: f64,
    /// Label on the output's scale: -1 (orange class) to +1 (blue class).
    pub value: f64,
    /// True for a test point (drawn with a dark rim).
    pub test: bool,
}

/// What the decision boundary shows.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryView {
    /// The output over the domain, `-1..1`.
    pub grid: Grid,
    /// The domain the grid covers.
    pub domain: Domain,
    /// The points drawn on top.
    pub points: Vec<Point>,
    /// Two colours instead of the continuous scale.
    pub discretize: bool,
}

impl Default for BoundaryView {
    /// Nothing to show yet: an empty grid over TensorFlow Playground's domain.
    fn default() -> Self {
        let grid = Grid {
            size: 0,
            values: Vec::new(),
        };
        BoundaryView {
            grid,
            domain: Domain::square(6.0),
            points: Vec::new(),
            discretize: false,
        }
    }
}

/// Properties of [`DecisionBoundary`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The picture to draw.
    pub view: Rc<BoundaryView>,
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
    html! {
        <canvas ref={canvas} class="boundary" role="img" aria-label={NAME}
            width={SIDE.to_string()} height={SIDE.to_string()} />
    }
}

/// Paints the heatmap, then the points.
fn draw(
    canvas: &HtmlCanvasElement,
    view: &BoundaryView,
    pixels: &mut Vec<u8>,
) -> Result<(), ViewError> {
    let context = context_2d(canvas, NAME)?;
    let scale = if view.discretize { discrete } else { diverging };
    paint(
        &view.grid,
        SIDE as usize,
        |value| background(scale(value)),
        pixels,
    );
    put_pixels(&context, NAME, pixels, SIDE)?;

    context.set_line_width(1.0);
    for point in &view.points {
        let rim = if point.test { "#222" } else { "#fff" };
        context.set_stroke_style_str(rim);
        let fill = diverging(point.value).css();
        dot(&context, NAME, to_canvas(&view.domain, point), 3.5, &fill)?;
    }
    Ok(())
}

/// Canvas coordinates of a point: x1 to the right, x2 upwards.
fn to_canvas(domain: &Domain, point: &Point) -> (f64, f64) {
    let side = f64::from(SIDE);
    let x = (point.x1 - domain.x1_min) / (domain.x1_max - domain.x1_min) * side;
    let y = (domain.x2_max - point.x2) / (domain.x2_max - domain.x2_min) * side;
    (x, y)
}
