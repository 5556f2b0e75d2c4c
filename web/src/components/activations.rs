//! The "Activation functions" panel: one small plot per activation the engine offers, with
//! the function (solid) and its derivative (dashed), its formula and its output range, the
//! one in use marked.
//!
//! The curves are sampled from `nn_core::Activation::apply` and `derivative`, the very
//! functions training calls, so each plot shows the engine's truth. They are drawn as inline
//! SVG polylines: crisp at any size, and cheap (the plots change only with the activation).

use nn_core::Activation as EngineActivation;
use playground_model::Config;
use playground_model::config::Activation;
use yew::prelude::*;

use crate::components::settings_panel::{activation_text, shown};
use crate::components::widgets::configure_with;

/// The plotted inputs run over `-Z_MAX..=Z_MAX`.
pub const Z_MAX: f64 = 4.0;
/// The plotted outputs run over `-Y_MAX..=Y_MAX`; what goes beyond is clipped.
pub const Y_MAX: f64 = 1.5;
/// Samples per unit of `z` (the grid hits every whole and half number, 0 included).
const SAMPLES_PER_UNIT: f64 = 20.0;
/// Width of a plot in SVG units.
pub const PLOT_WIDTH: f64 = 160.0;
/// Height of a plot in SVG units.
pub const PLOT_HEIGHT: f64 = 120.0;

/// What a derivative tells, in one sentence for the panel.
pub const DERIVATIVE_SENTENCE: &str = "The dashed orange line is the derivative f'(z): how \
    much the output moves when the input moves a little. Training multiplies the error signal \
    by it, so where it is zero the weights before this neuron get no learning signal.";

/// Which curve of an activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    /// The function `a = f(z)`.
    Value,
    /// Its derivative `f'(z)`, as training uses it.
    Derivative,
}

/// The polyline points of one activation's two curves.
#[derive(Debug, Clone, PartialEq)]
struct Curves {
    activation: EngineActivation,
    value: AttrValue,
    derivative: AttrValue,
}

impl Curves {
    fn of(activation: EngineActivation) -> Curves {
        Curves {
            activation,
            value: svg_points(activation, Curve::Value).into(),
            derivative: svg_points(activation, Curve::Derivative).into(),
        }
    }
}

/// Properties of [`Activations`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The settings in force (the activation is marked as in use).
    pub config: Config,
    /// Called with new settings when a plot's "Use" button is pressed.
    pub on_configure: Callback<Config>,
}

/// The panel, closed until opened: six plots, the one in use marked.
#[function_component(Activations)]
pub fn activations(props: &Props) -> Html {
    // The curves never change: compute their points once, not on every frame of training.
    let curves = use_memo((), |_| EngineActivation::ALL.map(Curves::of));
    html! {
        <section class="lecture-panel activations" aria-labelledby="activations-title">
            <details>
                <summary id="activations-title">{ "Activation functions" }</summary>
                <p class="explain">{ "Each hidden neuron applies its activation to z, the \
                    weighted sum of its inputs plus its bias. The solid blue line is \
                    the activation's output f(z)." }</p>
                <p class="explain">{ DERIVATIVE_SENTENCE }</p>
                <ul class="activation-plots">
                    { for curves.iter().map(|curves| plot_item(props, curves)) }
                </ul>
                <p class="explain">{ STEP_NOTE }</p>
            </details>
        </section>
    }
}

/// What the panel says about the step function's derivative (see `nn_core::activation`).
pub const STEP_NOTE: &str = "Step: its true derivative is 0 everywhere except at the jump, \
    which would give no learning signal at all. The engine passes the error signal straight \
    through instead (it uses a derivative of 1, the dashed line); for a single neuron with the \
    squared loss this is the perceptron learning rule.";

/// One plot in its list item, with its "in use" mark or its "Use" button.
fn plot_item(props: &Props, curves: &Curves) -> Html {
    let engine = curves.activation;
    let activation = model_activation(engine);
    let name = activation_text(activation);
    let in_use = props.config.activation == activation;
    let title_id = format!("activation-{}", engine.name());
    let on_use = configure_with(
        &props.config,
        &props.on_configure,
        move |c, _: MouseEvent| {
            c.activation = activation;
        },
    );
    html! {
        <li>
            <figure class={classes!("activation-plot", in_use.then_some("in-use"))}
                aria-labelledby={title_id.clone()} aria-current={in_use.then_some("true")}>
                { plot_svg(curves) }
                <figcaption>
                    <strong id={title_id}>{ name }</strong>
                    if in_use { <span class="in-use-mark">{ " (in use)" }</span> }
                    <br />{ "f(z) = " }<code>{ formula(engine) }</code>
                    <br />{ "f'(z) = " }<code>{ derivative_formula(engine) }</code>
                    <br />{ "Output range: " }<code class="range">{ range_text(engine) }</code>
                </figcaption>
                if !in_use && shown(&props.config, "activation") {
                    <button class="secondary" onclick={on_use}>{ format!("Use {name}") }</button>
                }
            </figure>
        </li>
    }
}

/// The plot itself: grid lines at -1 and 1, the axes, then the derivative (dashed) and the
/// function (solid). Hidden from screen readers: the caption says what it shows.
fn plot_svg(curves: &Curves) -> Html {
    let view_box = format!("0 0 {PLOT_WIDTH} {PLOT_HEIGHT}");
    let (x0, y0) = to_svg(0.0, 0.0);
    let (_, y_up) = to_svg(0.0, 1.0);
    let (_, y_down) = to_svg(0.0, -1.0);
    html! {
        <svg viewBox={view_box} class="activation-svg" aria-hidden="true" focusable="false">
            { across(y_up, "grid") }
            { across(y_down, "grid") }
            { across(y0, "axis") }
            <line class="axis" x1={x0.to_string()} x2={x0.to_string()} y1="0"
                y2={PLOT_HEIGHT.to_string()} />
            <text x="2" y={(y_up - 3.0).to_string()}>{ "1" }</text>
            <text x={(PLOT_WIDTH - 10.0).to_string()} y={(y0 - 4.0).to_string()}>{ "z" }</text>
            <polyline class="derivative" points={curves.derivative.clone()} />
            <polyline class="value" points={curves.value.clone()} />
        </svg>
    }
}

/// A line across the whole plot at height `y` (SVG units).
fn across(y: f64, class: &'static str) -> Html {
    let y = y.to_string();
    html! { <line {class} x1="0" x2={PLOT_WIDTH.to_string()} y1={y.clone()} y2={y} /> }
}

/// The playground's activation for the engine's (the inverse of the model's own mapping).
pub fn model_activation(activation: EngineActivation) -> Activation {
    match activation {
        EngineActivation::Linear => Activation::Linear,
        EngineActivation::Sigmoid => Activation::Sigmoid,
        EngineActivation::Tanh => Activation::Tanh,
        EngineActivation::Relu => Activation::Relu,
        EngineActivation::LeakyRelu => Activation::LeakyRelu,
        EngineActivation::Step => Activation::Step,
    }
}

/// The sampled curve `(z, value)` over `-Z_MAX..=Z_MAX`, from the engine's own functions.
/// Non-finite values (there are none for finite `z`) are left out.
pub fn samples(activation: EngineActivation, curve: Curve) -> Vec<(f64, f64)> {
    let half = (Z_MAX * SAMPLES_PER_UNIT) as i32;
    (-half..=half)
        .map(|i| f64::from(i) / SAMPLES_PER_UNIT)
        .map(|z| {
            let a = activation.apply(z);
            match curve {
                Curve::Value => (z, a),
                Curve::Derivative => (z, activation.derivative(z, a)),
            }
        })
        .filter(|(_, v)| v.is_finite())
        .collect()
}

/// A point `(z, value)` in the plot's SVG coordinates (y grows downwards).
pub fn to_svg(z: f64, value: f64) -> (f64, f64) {
    let x = (z + Z_MAX) / (2.0 * Z_MAX) * PLOT_WIDTH;
    let y = (Y_MAX - value) / (2.0 * Y_MAX) * PLOT_HEIGHT;
    (x, y)
}

/// The `points` attribute of a curve's polyline. Values far outside the plot are pulled in
/// to just beyond its edge (the SVG clips them), so the numbers stay short.
pub fn svg_points(activation: EngineActivation, curve: Curve) -> String {
    let limit = 2.0 * Y_MAX;
    samples(activation, curve)
        .into_iter()
        .map(|(z, v)| to_svg(z, v.clamp(-limit, limit)))
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The formula of the function, in plain text.
pub fn formula(activation: EngineActivation) -> &'static str {
    match activation {
        EngineActivation::Linear => "z",
        EngineActivation::Sigmoid => "1 / (1 + e^(-z))",
        EngineActivation::Tanh => "tanh(z)",
        EngineActivation::Relu => "max(0, z)",
        EngineActivation::LeakyRelu => "z if z > 0, else 0.01 z",
        EngineActivation::Step => "1 if z > 0, else 0",
    }
}

/// The formula of the derivative training uses, in plain text.
pub fn derivative_formula(activation: EngineActivation) -> &'static str {
    match activation {
        EngineActivation::Linear => "1",
        EngineActivation::Sigmoid => "f(z) (1 - f(z))",
        EngineActivation::Tanh => "1 - tanh(z)²",
        EngineActivation::Relu => "1 if z > 0, else 0",
        EngineActivation::LeakyRelu => "1 if z > 0, else 0.01",
        EngineActivation::Step => "0 (training uses 1)",
    }
}

/// The values the function can output.
pub fn range_text(activation: EngineActivation) -> &'static str {
    match activation {
        EngineActivation::Linear | EngineActivation::LeakyRelu => "(-∞, ∞)",
        EngineActivation::Sigmoid => "(0, 1)",
        EngineActivation::Tanh => "(-1, 1)",
        EngineActivation::Relu => "[0, ∞)",
        EngineActivation::Step => "0 or 1",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sampled value of `curve` at exactly `z`.
    fn at(activation: EngineActivation, curve: Curve, z: f64) -> f64 {
        let found = samples(activation, curve)
            .into_iter()
            .find(|&(x, _)| x == z);
        found.map(|(_, v)| v).unwrap_or(f64::NAN)
    }

    /// The polyline's points as numbers.
    fn polyline(activation: EngineActivation, curve: Curve) -> Vec<(f64, f64)> {
        let text = svg_points(activation, curve);
        let pair = |p: &str| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        };
        text.split(' ').map(pair).collect()
    }

    #[test]
    fn curves_go_through_hand_checked_points() {
        use EngineActivation::*;
        // tanh(0) = 0; sigmoid(0) = 1/2 and sigmoid'(0) = 1/2 (1 - 1/2) = 1/4.
        assert_eq!(at(Tanh, Curve::Value, 0.0), 0.0);
        assert_eq!(at(Tanh, Curve::Derivative, 0.0), 1.0);
        assert_eq!(at(Sigmoid, Curve::Value, 0.0), 0.5);
        assert_eq!(at(Sigmoid, Curve::Derivative, 0.0), 0.25);
        // ReLU passes nothing back for negative z; leaky ReLU a slope of 0.01.
        assert_eq!(at(Relu, Curve::Derivative, -1.0), 0.0);
        assert_eq!(at(Relu, Curve::Value, 2.0), 2.0);
        assert_eq!(at(LeakyRelu, Curve::Derivative, -1.0), 0.01);
        assert_eq!(at(LeakyRelu, Curve::Value, -2.0), -0.02);
        // Step: the straight-through derivative the engine uses.
        assert_eq!(at(Step, Curve::Derivative, -1.0), 1.0);
        assert_eq!(at(Step, Curve::Value, 0.5), 1.0);
    }

    #[test]
    fn polylines_cover_the_plot_and_pass_where_the_maths_says() {
        let tanh = polyline(EngineActivation::Tanh, Curve::Value);
        assert_eq!(tanh.len(), 161, "z from -4 to 4 in steps of 0.05");
        // tanh(0) = 0 is the plot's centre.
        assert!(tanh.contains(&(PLOT_WIDTH / 2.0, PLOT_HEIGHT / 2.0)));
        assert_eq!(tanh[0].0, 0.0);
        assert_eq!(tanh[160].0, PLOT_WIDTH);
        // sigmoid(0) = 0.5 sits a sixth of the height above the centre (range -1.5..1.5).
        let sigmoid = polyline(EngineActivation::Sigmoid, Curve::Value);
        assert!(sigmoid.contains(&(80.0, 40.0)), "{:?}", &sigmoid[78..83]);
        // relu'(-1) = 0: on the z axis at z = -1 (x = 60).
        let relu = polyline(EngineActivation::Relu, Curve::Derivative);
        assert!(relu.contains(&(60.0, 60.0)));
    }

    #[test]
    fn far_values_are_pulled_in_but_stay_outside_the_plot() {
        let linear = polyline(EngineActivation::Linear, Curve::Value);
        let (_, top) = to_svg(0.0, 2.0 * Y_MAX);
        assert_eq!(linear[160].1, top);
        assert!(top < 0.0);
    }

    #[test]
    fn ranges_and_formulas_read_as_in_a_textbook() {
        assert_eq!(range_text(EngineActivation::Tanh), "(-1, 1)");
        assert_eq!(range_text(EngineActivation::Sigmoid), "(0, 1)");
        assert_eq!(range_text(EngineActivation::Relu), "[0, ∞)");
        assert_eq!(range_text(EngineActivation::Step), "0 or 1");
        assert_eq!(formula(EngineActivation::Relu), "max(0, z)");
        assert_eq!(formula(EngineActivation::Tanh), "tanh(z)");
    }

    #[test]
    fn every_engine_activation_maps_to_the_playgrounds_and_back_by_its_meaning() {
        let names: Vec<_> = EngineActivation::ALL
            .iter()
            .map(|&a| activation_text(model_activation(a)))
            .collect();
        let expected = ["Linear", "Sigmoid", "Tanh", "ReLU", "Leaky ReLU", "Step"];
        assert_eq!(names, expected);
    }
}
