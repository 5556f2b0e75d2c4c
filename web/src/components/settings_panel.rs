//! The training settings: activation, learning rate, regularization and its rate, optimizer,
//! momentum, loss and initialization.
//!
//! Each control changes one field of a copy of the settings and hands the copy to the page,
//! which lets the session decide whether the run resets (a new activation does, a new learning
//! rate does not). A `<key>_hide=true` in the link hides exactly the control of that key.

use playground_model::Config;
use playground_model::config::{
    Activation, Init, Loss, MAX_MOMENTUM, Optimizer, Problem, Regularization,
};
use playground_model::link::format_real;
use yew::prelude::*;

use crate::components::optimizers::{OptimizerChoice, optimizer_choices, optimizer_formula};
use crate::components::widgets::{Checkbox, Choice, Select, Slider, configure_with};

/// TensorFlow Playground's learning rates.
pub const LEARNING_RATES: [f64; 11] = [
    0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0,
];

/// TensorFlow Playground's regularization rates.
pub const REGULARIZATION_RATES: [f64; 10] =
    [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];

/// Properties of [`SettingsPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The settings in force.
    pub config: Config,
    /// Called with the new settings when a control changes.
    pub on_configure: Callback<Config>,
}

/// The training settings panel, a row of labelled controls.
#[function_component(SettingsPanel)]
pub fn settings_panel(props: &Props) -> Html {
    let c = &props.config;
    html! {
        <section class="settings" aria-label="Training settings">
            if shown(c, "activation") { { activation(props) } }
            if shown(c, "learningRate") { { learning_rate(props) } }
            if shown(c, "regularization") { { regularization(props) } }
            if shown(c, "regularizationRate") { { regularization_rate(props) } }
            if shown(c, "loss") { { loss(props) } }
            if shown(c, "init") && shown(c, "initZero") { { init(props) } }
            { optimizer_group(props) }
        </section>
    }
}

/// Whether the control of link key `key` is shown (not hidden by `<key>_hide=true`).
pub fn shown(config: &Config, key: &str) -> bool {
    !config.hidden.contains(key)
}

/// The options of a rate select: `rates`, plus `current` in its place when it is none of them.
pub fn rate_choices(rates: &[f64], current: f64) -> Vec<Choice> {
    let mut values = rates.to_vec();
    if current.is_finite() && !values.contains(&current) {
        values.push(current);
        values.sort_by(f64::total_cmp);
    }
    values
        .into_iter()
        .map(|rate| Choice::new(format_real(rate), format_real(rate)))
        .collect()
}

/// Options of an enum select: each value's link name, shown as `text` gives it.
fn choices<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|&value| Choice::new(name(value), text(value)))
        .collect()
}

/// How the activation is shown.
pub fn activation_text(activation: Activation) -> &'static str {
    match activation {
        Activation::Relu => "ReLU",
        Activation::Tanh => "Tanh",
        Activation::Sigmoid => "Sigmoid",
        Activation::Linear => "Linear",
        Activation::LeakyRelu => "Leaky ReLU",
        Activation::Step => "Step",
    }
}

/// How the regularization is shown.
pub fn regularization_text(regularization: Regularization) -> &'static str {
    match regularization {
        Regularization::None => "None",
        Regularization::L1 => "L1",
        Regularization::L2 => "L2",
    }
}

/// How the optimizer is shown.
pub fn optimizer_text(optimizer: Optimizer) -> &'static str {
    match optimizer {
        Optimizer::Sgd => "SGD",
        Optimizer::Adam => "Adam",
        Optimizer::Lbfgs => "L-BFGS",
    }
}

/// How the loss is shown.
pub fn loss_text(loss: Loss) -> &'static str {
    match loss {
        Loss::Squared => "Squared",
        Loss::CrossEntropy => "Cross-entropy",
    }
}

/// How the initialization is shown.
pub fn init_text(init: Init) -> &'static str {
    match init {
        Init::Uniform => "Uniform",
        Init::Glorot => "Glorot",
        Init::Zero => "Zero",
    }
}

/// The update rule of the optimizer in one plain sentence.
pub fn optimizer_rule(config: &Config) -> &'static str {
    match config.optimizer {
        Optimizer::Sgd if config.momentum > 0.0 => {
            "Each batch moves every weight against its gradient, plus a share of its last step."
        }
        Optimizer::Sgd => {
            "Each batch moves every weight a learning-rate step against its gradient."
        }
        Optimizer::Adam => {
            "Each weight steps against its gradient, scaled by running averages of the gradient."
        }
        Optimizer::Lbfgs => {
            "Uses all training points and the curvature seen so far to choose each step."
        }
    }
}

/// Why the loss cannot be chosen for these settings, if it cannot.
pub fn forced_loss_note(config: &Config) -> Option<&'static str> {
    if config.problem == Problem::Regression {
        Some("Regression always uses the squared loss.")
    } else if config.forces_cross_entropy() {
        Some("More than two classes always use cross-entropy.")
    } else {
        None
    }
}

/// Why the activation does nothing for these settings, if it does nothing: it is the hidden
/// neurons' function, and the output unit's follows the problem and the loss.
pub fn unused_activation_note(config: &Config) -> Option<&'static str> {
    config
        .network_shape
        .is_empty()
        .then_some("No hidden layer: the output's function follows the problem and the loss.")
}

fn activation(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Some(a) = Activation::from_name(&v) {
            c.activation = a;
        }
    });
    let note = unused_activation_note(&props.config).map(AttrValue::from);
    html! {
        <Select id="activation" label="Activation" value={props.config.activation.name()}
            options={choices(Activation::ALL, Activation::name, activation_text)}
            disabled={note.is_some()} {note} {on_change} />
    }
}

fn learning_rate(props: &Props) -> Html {
    let rate = props.config.learning_rate;
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Ok(rate) = v.parse::<f64>() {
            c.learning_rate = rate;
        }
    });
    html! {
        <Select id="learning-rate" label="Learning rate" value={format_real(rate)}
            options={rate_choices(&LEARNING_RATES, rate)} {on_change} />
    }
}

fn regularization(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Some(r) = Regularization::from_name(&v) {
            c.regularization = r;
        }
    });
    let value = props.config.regularization.name();
    let options = choices(
        Regularization::ALL,
        Regularization::name,
        regularization_text,
    );
    html! {
        <Select id="regularization" label="Regularization" {value} {options} {on_change} />
    }
}

fn regularization_rate(props: &Props) -> Html {
    let rate = props.config.regularization_rate;
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Ok(rate) = v.parse::<f64>() {
            c.regularization_rate = rate;
        }
    });
    html! {
        <Select id="regularization-rate" label="Regularization rate" value={format_real(rate)}
            options={rate_choices(&REGULARIZATION_RATES, rate)} {on_change} />
    }
}

fn loss(props: &Props) -> Html {
    let config = &props.config;
    let on_change = configure_with(config, &props.on_configure, |c, v: String| {
        if let Some(loss) = Loss::from_name(&v) {
            c.loss = loss;
        }
    });
    let note = forced_loss_note(config).map(AttrValue::from);
    html! {
        <Select id="loss" label="Loss" value={config.effective_loss().name()}
            options={choices(Loss::ALL, Loss::name, loss_text)} disabled={note.is_some()}
            {note} {on_change} />
    }
}

fn init(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Some(init) = Init::from_name(&v) {
            c.init = init;
        }
    });
    html! {
        <Select id="init" label="Initialization" value={props.config.init.name()}
            options={choices(Init::ALL, Init::name, init_text)} {on_change} />
    }
}

/// The optimizer, with momentum and Nesterov for SGD and its rule in words.
fn optimizer_group(props: &Props) -> Html {
    let c = &props.config;
    let sgd = c.optimizer == Optimizer::Sgd;
    html! {
        <div class="optimizer-group">
            if shown(c, "optimizer") { { optimizer(props) } }
            if sgd && shown(c, "momentum") { { momentum(props) } }
            if sgd && shown(c, "nesterov") { { nesterov(props) } }
            if shown(c, "optimizer") {
                <p class="rule">{ optimizer_rule(c) }<br />
                    <code>{ optimizer_formula(c) }</code></p>
            }
        </div>
    }
}

fn optimizer(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Some(choice) = OptimizerChoice::from_value(&v) {
            choice.apply(c);
        }
    });
    html! {
        <Select id="optimizer" label="Optimizer" value={OptimizerChoice::of(&props.config).value()}
            options={optimizer_choices()} {on_change} />
    }
}

fn momentum(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: f64| {
        c.momentum = (v * 100.0).round() / 100.0;
    });
    html! {
        <Slider id="momentum" label="Momentum" value={props.config.momentum} min={0.0}
            max={MAX_MOMENTUM} step={0.01} live={true} {on_change} />
    }
}

fn nesterov(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: bool| {
        c.nesterov = v;
    });
    html! {
        <Checkbox id="nesterov" label="Nesterov" checked={props.config.nesterov} {on_change} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(choices: &[Choice]) -> Vec<&str> {
        choices.iter().map(|c| c.value.as_str()).collect()
    }

    #[test]
    fn learning_rates_are_tensorflow_playgrounds_written_as_links_write_them() {
        let options = rate_choices(&LEARNING_RATES, 0.03);
        assert_eq!(options.len(), 11);
        assert_eq!(values(&options)[0], "0.00001");
        assert_eq!(values(&options)[10], "10");
    }

    #[test]
    fn a_rate_outside_the_list_is_added_in_order_and_never_twice() {
        let options = rate_choices(&LEARNING_RATES, 0.02);
        assert_eq!(options.len(), 12);
        assert_eq!(values(&options)[4..7], ["0.01", "0.02", "0.03"]);
        assert_eq!(rate_choices(&REGULARIZATION_RATES, 0.0).len(), 10);
        assert_eq!(rate_choices(&LEARNING_RATES, f64::NAN).len(), 11);
    }

    #[test]
    fn every_enum_value_has_an_option_that_reads_back() {
        let options = choices(Activation::ALL, Activation::name, activation_text);
        assert_eq!(options.len(), Activation::ALL.len());
        for choice in options {
            assert!(Activation::from_name(&choice.value).is_some(), "{choice:?}");
        }
        assert_eq!(optimizer_text(Optimizer::Lbfgs), "L-BFGS");
    }

    #[test]
    fn hide_flags_hide_only_their_own_key() {
        let mut config = Config::default();
        config.hidden.insert("learningRate".to_string());
        assert!(!shown(&config, "learningRate"));
        assert!(shown(&config, "activation"));
        assert!(shown(&config, "regularizationRate"));
    }

    #[test]
    fn the_loss_is_fixed_in_regression_and_for_many_classes() {
        let mut config = Config::default();
        assert_eq!(forced_loss_note(&config), None);
        config.problem = Problem::Regression;
        assert!(forced_loss_note(&config).is_some());
        config.problem = Problem::Classification;
        config.dataset = playground_model::config::DatasetKind::Blobs;
        config.classes = 4;
        assert!(forced_loss_note(&config).is_some());
    }

    #[test]
    fn the_rule_mentions_momentum_only_when_there_is_some() {
        let mut config = Config::default();
        assert!(!optimizer_rule(&config).contains("last step"));
        config.momentum = 0.9;
        assert!(optimizer_rule(&config).contains("last step"));
    }
}
