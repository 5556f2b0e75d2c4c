//! The Perceptron panel: a network with no hidden layer is a single neuron, shown as the
//! lecture writes it, output = f(w1 x1 + w2 x2 + b), with its live numbers, its decision line
//! (or NOT's threshold) and a slider for each weight and the bias.

use yew::prelude::*;

use crate::components::widgets::Slider;
use crate::neurons::{OutputFunction, Perceptron, number};

/// The range of the weight and bias sliders; trained values can go beyond it, and the slider
/// then shows the true value beside it.
const SLIDER_RANGE: (f64, f64) = (-10.0, 10.0);
/// The step of the weight and bias sliders.
const SLIDER_STEP: f64 = 0.1;

/// What a student reads first.
const INTRO: &str = "With no hidden layer the network is a single neuron: it multiplies each \
    input by its weight, adds the bias b, and passes the sum through its function f.";
/// How the line on the picture relates to the formula.
const LINE_NOTE: &str = "The solid line on the picture is the decision line, where the sum \
    w1 x1 + w2 x2 + b is 0: the neuron says blue on one side and orange on the other. Move the \
    sliders to turn and shift it.";
/// Why a single neuron cannot learn XOR.
const XOR_NOTE: &str = "Why one neuron cannot learn XOR: the blue corners (0, 1) and (1, 0) lie \
    diagonally opposite the orange corners (0, 0) and (1, 1), so no straight line has all blue \
    on one side and all orange on the other. One line can get at most 3 of the 4 corners right \
    (75 %). Add a hidden layer: two hidden neurons draw two lines, and the band between them \
    is XOR.";
/// What other features change.
const FEATURES_NOTE: &str = "With these inputs the boundary is still a straight line, but in \
    the inputs the neuron sees, not in the plane of x1 and x2, so on the picture it can bend.";

/// Properties of [`PerceptronPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The neuron to show.
    pub neuron: Perceptron,
    /// Called with (input index, value) when a weight slider moves.
    pub on_set_weight: Callback<(usize, f64)>,
    /// Called with the value when the bias slider moves.
    pub on_set_bias: Callback<f64>,
}

/// The panel, titled "Perceptron".
#[function_component(PerceptronPanel)]
pub fn perceptron_panel(props: &Props) -> Html {
    let neuron = &props.neuron;
    html! {
        <section class="perceptron" aria-labelledby="perceptron-title">
            <h2 id="perceptron-title">{ "Perceptron" }</h2>
            <p class="explain">{ INTRO }</p>
            <p class="formula">{ neuron.symbolic() }</p>
            { readout("perceptron-formula", "Formula now", neuron.numeric()) }
            if let Some(line) = neuron.line() {
                { readout("perceptron-line", "Decision line", line.equation()) }
                <p class="explain">{ LINE_NOTE }</p>
            }
            if let Some(threshold) = neuron.threshold() {
                { readout("perceptron-threshold", "Threshold", threshold) }
            }
            { sliders(props) }
            { notes(neuron) }
        </section>
    }
}

/// One labelled value that changes while training plays (not announced each time).
fn readout(id: &'static str, label: &'static str, value: String) -> Html {
    let label_id = format!("{id}-label");
    html! {
        <p class="perceptron-readout">
            <span id={label_id.clone()}>{ label }</span>{ ": " }
            <output aria-labelledby={label_id} aria-live="off">{ value }</output>
        </p>
    }
}

/// A slider per weight (`w1`, `w2`...) and one for the bias (`b`); they set the numbers at
/// once, without a reset.
fn sliders(props: &Props) -> Html {
    let weights = props.neuron.weights.iter().enumerate().map(|(i, &value)| {
        let on_change = props.on_set_weight.reform(move |value| (i, value));
        let name = format!("w{}", i + 1);
        slider(&format!("perceptron-{name}"), &name, value, on_change)
    });
    let bias = slider(
        "perceptron-b",
        "b",
        props.neuron.bias,
        props.on_set_bias.clone(),
    );
    html! {
        <div class="perceptron-sliders">
            { for weights }
            { bias }
        </div>
    }
}

/// One live slider over [`SLIDER_RANGE`].
fn slider(id: &str, label: &str, value: f64, on_change: Callback<f64>) -> Html {
    html! {
        <Slider id={id.to_string()} label={label.to_string()} {value} min={SLIDER_RANGE.0}
            max={SLIDER_RANGE.1} step={SLIDER_STEP} {on_change} live=true
            format={Callback::from(slider_text)} />
    }
}

/// The true value beside a slider, saying so when it lies beyond the slider's reach.
pub fn slider_text(value: f64) -> String {
    let beyond = value < SLIDER_RANGE.0 || value > SLIDER_RANGE.1;
    if beyond && value.is_finite() {
        format!("{} (beyond the slider)", number(value))
    } else {
        number(value)
    }
}

/// The notes that apply: what "Discretize output" shows, other features, XOR.
fn notes(neuron: &Perceptron) -> Html {
    let sum = neuron.symbolic_sum();
    let discretized = (neuron.function == OutputFunction::Step).then(|| {
        let trained = neuron.trained_function.name();
        format!(
            "\u{201c}Discretize output\u{201d} is on, so the picture shows step({sum}): blue \
            where the sum is at least 0, orange where it is below. That is exactly the class \
            the neuron predicts; training still uses {trained}, whose slope it needs."
        )
    });
    let features = neuron.classification && !neuron.is_plane() && neuron.inputs.len() > 1;
    html! {
        <>
        if let Some(text) = discretized {
            <p class="note">{ text }</p>
        }
        if features {
            <p class="explain">{ FEATURES_NOTE }</p>
        }
        if neuron.xor {
            <p class="note xor-note">{ XOR_NOTE }</p>
        }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slider_values_beyond_the_range_are_shown_and_said_to_be_beyond() {
        assert_eq!(slider_text(2.345), "2.35");
        assert_eq!(slider_text(-10.0), "-10.00");
        assert_eq!(slider_text(12.5), "12.50 (beyond the slider)");
        assert_eq!(slider_text(-11.0), "-11.00 (beyond the slider)");
        assert_eq!(slider_text(f64::NAN), "n/a");
    }
}
