//! The digits view: test images with the digit the network reads, the confusion matrix of the
//! test split, the misclassified test images and the accuracy curve.

use std::rc::Rc;

use nn_core::data::digits::DIGIT_CLASSES;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::digits_view::{DigitImage, DigitsView, confusion_shade, grey_pixels};
use crate::error::ViewError;
use crate::render::accuracy_chart::{AccuracySeries, NAME, draw};
use crate::render::canvas::{context_2d, put_pixels};
use crate::render::loss_chart::{TEST_COLOUR, TRAIN_COLOUR};

/// Name of an image's canvas in messages.
const IMAGE: &str = "digit image";

/// Properties of [`Digits`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the view shows.
    pub view: Rc<DigitsView>,
    /// The accuracy curves.
    pub accuracy: Rc<AccuracySeries>,
}

/// The digits view.
#[function_component(Digits)]
pub fn digits(props: &Props) -> Html {
    let view = &props.view;
    let shown = view.wrong.len();
    let wrong_heading = if shown < view.wrong_count {
        format!(
            "Misclassified test images: {} of {} (the first {shown} shown)",
            view.wrong_count, view.test_count
        )
    } else {
        format!(
            "Misclassified test images: {} of {}",
            view.wrong_count, view.test_count
        )
    };
    html! {
        <div class="digits-view">
            <p class="network-summary">{ format!("The network: {}.", view.network) }</p>
            <h2>{ "Test images" }</h2>
            <p class="explain">
                { format!("{} of the {} test images, each with the digit the network reads \
                    and the true one; a wrong reading has an orange frame and a ✗.",
                    view.sample.len(), view.test_count) }
            </p>
            { image_grid(&view.sample) }
            { confusion_table(view) }
            <h2>{ wrong_heading }</h2>
            { image_grid(&view.wrong) }
            <AccuracyChart series={props.accuracy.clone()} />
            <p class="credit">{ DIGITS_CREDIT }</p>
        </div>
    }
}

/// Where the digits come from, and their licence (shown with them, as the licence asks).
pub const DIGITS_CREDIT: &str = "The images are the \"Optical Recognition of Handwritten \
    Digits\" data set of the UCI Machine Learning Repository (E. Alpaydin and C. Kaynak), as \
    scikit-learn ships it, under the Creative Commons Attribution 4.0 licence (CC BY 4.0).";

/// A list of images with their readings.
fn image_grid(images: &[DigitImage]) -> Html {
    html! {
        <ul class="digit-grid">
            { for images.iter().map(|image| html! {
                <DigitFigure ink={image.ink.clone()} predicted={image.predicted}
                    truth={image.truth} />
            }) }
        </ul>
    }
}

/// The confusion matrix as a table: a row per true digit, a column per digit read.
fn confusion_table(view: &DigitsView) -> Html {
    let right = view.right_count();
    let share = right as f64 * 100.0 / view.test_count.max(1) as f64;
    let largest = view.largest_count();
    html! {
        <div class="table-scroll">
        <table class="confusion" aria-label="Confusion matrix"
            aria-describedby="confusion-caption">
            <caption id="confusion-caption">
                { format!("Confusion matrix of the {} test images: a row for each true digit, \
                    a column for the digit the network reads. The diagonal is right: {right} \
                    images ({share:.1} %).", view.test_count) }
            </caption>
            <thead>
                <tr>
                    <td class="corner"></td>
                    <th scope="colgroup" colspan={DIGIT_CLASSES.to_string()}>{ "Read as" }</th>
                </tr>
                <tr>
                    <th scope="col">{ "True" }</th>
                    { for (0..DIGIT_CLASSES).map(|d| html! { <th scope="col">{ d }</th> }) }
                </tr>
            </thead>
            <tbody>
                { for view.confusion.iter().enumerate().map(|(truth, row)| html! {
                    <tr>
                        <th scope="row">{ truth }</th>
                        { for row.iter().enumerate().map(|(read, &count)| {
                            confusion_cell(count, truth == read, largest)
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// One count, shaded by its size: blue on the diagonal (right), orange off it (wrong).
fn confusion_cell(count: usize, diagonal: bool, largest: usize) -> Html {
    let shade = confusion_shade(count, diagonal, largest);
    let style = format!(
        "background: {}; color: {}",
        shade.background.css(),
        shade.text.css()
    );
    let class = match (count, diagonal) {
        (0, _) => "zero",
        (_, true) => "right",
        (_, false) => "wrong",
    };
    html! { <td {class} {style}>{ count }</td> }
}

/// Properties of [`DigitFigure`].
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// Ink of the 64 pixels, 0..16, row by row.
    pub ink: Vec<u8>,
    /// The digit the network reads.
    pub predicted: usize,
    /// The true digit.
    pub truth: usize,
}

/// One 8 x 8 image, scaled up crisp, with "7 (true 7)" under it; a wrong one is framed and
/// marked "✗".
#[function_component(DigitFigure)]
pub fn digit_figure(props: &FigureProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        use_effect_with(props.ink.clone(), move |ink| {
            let result = canvas
                .cast::<HtmlCanvasElement>()
                .ok_or(ViewError::MissingCanvas(IMAGE))
                .and_then(|canvas| {
                    let context = context_2d(&canvas, IMAGE)?;
                    put_pixels(&context, IMAGE, &grey_pixels(ink), 8)
                });
            if let Err(err) = result {
                log::error!("{err}");
            }
        });
    }
    let wrong = props.predicted != props.truth;
    html! {
        <li class={classes!("digit", wrong.then_some("wrong"))}>
            <canvas ref={canvas} width="8" height="8" aria-hidden="true" />
            <span class="reading">
                if wrong {
                    <span aria-hidden="true">{ "✗ " }</span>
                    <span class="visually-hidden">{ "wrong: " }</span>
                }
                { format!("{} (true {})", props.predicted, props.truth) }
            </span>
        </li>
    }
}

/// Properties of [`AccuracyChart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The accuracies to draw.
    pub series: Rc<AccuracySeries>,
}

/// Training and test accuracy over the epochs.
#[function_component(AccuracyChart)]
pub fn accuracy_chart(props: &ChartProps) -> Html {
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
    let swatch = |name: &'static str, colour: plotters::style::RGBColor| {
        let style = format!("background: rgb({}, {}, {})", colour.0, colour.1, colour.2);
        html! { <span class="swatch"><span class="line" {style}></span>{ name }</span> }
    };
    html! {
        <figure class="loss-figure">
            <canvas ref={canvas} class="loss-chart" role="img" aria-label={NAME}
                width="400" height="220" />
            <figcaption class="legend">
                { swatch("training accuracy", TRAIN_COLOUR) }
                { swatch("test accuracy", TEST_COLOUR) }
            </figcaption>
        </figure>
    }
}
