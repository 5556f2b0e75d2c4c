//! The loss curve component: a canvas redrawn by plotters whenever the losses change.

use std::rc::Rc;

use plotters::style::RGBColor;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::error::ViewError;
use crate::render::loss_chart::{LossSeries, NAME, TEST_COLOUR, TRAIN_COLOUR, draw};

/// Properties of [`LossChart`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The losses to draw.
    pub series: Rc<LossSeries>,
}

/// The loss curve of training and test loss over epochs.
#[function_component(LossChart)]
pub fn loss_chart(props: &Props) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.series.clone(), move |series| {
            let result = canvas
                .cast::<HtmlCanvasElement>()
                .ok_or(ViewError::MissingCanvas(NAME))
                .and_then(|canvas| draw(canvas, series));
            if let Err(err) = result {
                log::error!("{err}");
            }
        });
    }
    html! {
        <figure class="loss-figure">
            <canvas ref={canvas} class="loss-chart" role="img" aria-label={NAME}
                width="400" height="220" />
            <figcaption class="legend">
                { swatch("training loss", TRAIN_COLOUR) }
                { swatch("test loss", TEST_COLOUR) }
            </figcaption>
        </figure>
    }
}

/// A line of the series' colour and its name.
fn swatch(name: &'static str, colour: RGBColor) -> Html {
    let style = format!("background: rgb({}, {}, {})", colour.0, colour.1, colour.2);
    html! {
        <span class="swatch"><span class="line" {style}></span>{ name }</span>
    }
}
