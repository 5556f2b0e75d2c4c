//! The curve view for data of one input: the points over x and the network's output as a
//! curve, redrawn whenever the view changes.

use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::curve_view::CurveView;
use crate::error::ViewError;
use crate::render::colour::{NEGATIVE, POSITIVE, Rgb};
use crate::render::curve_chart::{CURVE_COLOUR, NAME, draw};

/// Properties of [`Curve`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The picture to draw.
    pub view: Rc<CurveView>,
}

/// The fitted-curve canvas and its legend.
#[function_component(Curve)]
pub fn curve(props: &Props) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.view.clone(), move |view| {
            let result = canvas
                .cast::<HtmlCanvasElement>()
                .ok_or(ViewError::MissingCanvas(NAME))
                .and_then(|canvas| draw(canvas, view));
            if let Err(err) = result {
                log::error!("{err}");
            }
        });
    }
    let view = &props.view;
    let regression = view.y_name == "y";
    let tests = view.points.iter().any(|p| p.test);
    let line = CURVE_COLOUR;
    html! {
        <figure class="curve-figure">
            <canvas ref={canvas} class="curve-chart" role="img" aria-label={NAME}
                width="400" height="300" />
            <figcaption class="legend">
                if regression {
                    { dot("training points", POSITIVE, false) }
                } else {
                    { dot("class 0", NEGATIVE, false) }
                    { dot("class 1", POSITIVE, false) }
                }
                if tests {
                    { dot("test points (dark rim)", Rgb(0xff, 0xff, 0xff), true) }
                }
                <span class="swatch">
                    <span class="line" style={format!("background: rgb({}, {}, {})",
                        line.0, line.1, line.2)}></span>
                    { "the network's output" }
                </span>
            </figcaption>
        </figure>
    }
}

/// A point of the legend and its name.
fn dot(name: &'static str, colour: Rgb, rim: bool) -> Html {
    let border = if rim { "#222" } else { "#fff" };
    let style = format!("background: {}; border-color: {border}", colour.css());
    html! {
        <span class="swatch"><span class="dot" {style}></span>{ name }</span>
    }
}
