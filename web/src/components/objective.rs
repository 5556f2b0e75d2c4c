//! The "Loss in use" panel: the formula of the loss training minimises, beside its live value,
//! and the L1 or L2 penalty, which the loss readouts leave out, with its own formula and value.
//!
//! The formula follows the engine's objective (`nn_core::Objective`, chosen by the model from
//! the problem, the number of classes and the Loss setting), read from the network itself.

use nn_core::Objective;
use playground_model::config::Regularization;
use yew::prelude::*;

use crate::components::readouts::format_loss;
use crate::components::widgets::NOT_A_NUMBER;

/// Properties of [`ObjectivePanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The output activation and loss of the network in training.
    pub objective: Objective,
    /// The data loss over the training points (the "Training loss" readout).
    pub train_loss: Option<f64>,
    /// The weight penalty in force.
    pub regularization: Regularization,
    /// The penalty's value at the current weights.
    pub penalty: f64,
}

/// The loss's name, formula and live value, then the penalty line.
#[function_component(ObjectivePanel)]
pub fn objective_panel(props: &Props) -> Html {
    let (name, formula, symbols) = loss_formula(props.objective);
    html! {
        <section class="lecture-panel objective" aria-labelledby="objective-title">
            <h2 id="objective-title">{ "Loss in use" }</h2>
            <p>
                <strong>{ name }</strong>{ ": " }<code>{ formula }</code>
                { " = " }<output aria-labelledby="objective-title">
                    { format_loss(props.train_loss) }</output>
            </p>
            <p class="explain">{ symbols }</p>
            { penalty_line(props.regularization, props.penalty) }
        </section>
    }
}

/// The penalty's formula, and its value when it is on.
fn penalty_line(regularization: Regularization, penalty: f64) -> Html {
    match penalty_formula(regularization) {
        Some(formula) => html! {
            <p class="penalty">
                { "The readouts show the data loss only. Training also adds the " }
                { format!("{} penalty ", regularization.name()) }<code>{ formula }</code>
                { " (λ is the regularization rate, w each weight, no biases): now " }
                <span class="penalty-value">{ format_penalty(penalty) }</span>{ "." }
            </p>
        },
        None => html! {
            <p class="penalty">
                { "The readouts show the data loss only. Regularization is off; L1 would add " }
                <code>{ "λ Σ |w|" }</code>{ " and L2 " }<code>{ "½ λ Σ w²" }</code>
                { " (λ is the regularization rate, w each weight) to what training minimises." }
            </p>
        },
    }
}

/// The loss's name, its formula, and what its symbols mean, for an engine objective.
pub fn loss_formula(objective: Objective) -> (&'static str, &'static str, &'static str) {
    match objective {
        Objective::TanhSquared => (
            "Squared loss",
            "mean of ½ (ŷ - y)²",
            "ŷ is the network's tanh output, y is -1 for orange and +1 for blue; the mean is \
            over the training points.",
        ),
        Objective::SigmoidCrossEntropy => (
            "Cross-entropy",
            "mean of -log p(target)",
            "p is the sigmoid output read as the chance of blue, so p(target) is p for a blue \
            point and 1 - p for an orange one; the mean is over the training points.",
        ),
        Objective::SoftmaxCrossEntropy { .. } => (
            "Cross-entropy (softmax)",
            "mean of -log p(target)",
            "The softmax turns the outputs into one chance per class; p(target) is the chance \
            given to the right class; the mean is over the training points.",
        ),
        Objective::LinearSquared => (
            "Squared loss (regression)",
            "mean of ½ (ŷ - y)²",
            "ŷ is the network's linear output and y the point's value; the mean is over the \
            training points.",
        ),
    }
}

/// The penalty's formula, or `None` without regularization.
pub fn penalty_formula(regularization: Regularization) -> Option<&'static str> {
    match regularization {
        Regularization::None => None,
        Regularization::L1 => Some("λ Σ |w|"),
        Regularization::L2 => Some("½ λ Σ w²"),
    }
}

/// A penalty value: three decimals, more for small values, never `NaN` or `inf`.
pub fn format_penalty(value: f64) -> String {
    if !value.is_finite() {
        NOT_A_NUMBER.to_string()
    } else if value == 0.0 || value.abs() >= 0.01 {
        format!("{value:.3}")
    } else if value.abs() >= 0.00001 {
        format!("{value:.5}")
    } else {
        "below 0.00001".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_objective_has_its_own_formula() {
        let squared = loss_formula(Objective::TanhSquared);
        assert_eq!(squared.1, "mean of ½ (ŷ - y)²");
        assert!(squared.2.contains("-1 for orange"));
        let entropy = loss_formula(Objective::SigmoidCrossEntropy);
        assert_eq!(entropy.1, "mean of -log p(target)");
        assert!(entropy.2.contains("sigmoid"));
        let softmax = loss_formula(Objective::SoftmaxCrossEntropy { classes: 4 });
        assert!(softmax.0.contains("softmax"));
        let regression = loss_formula(Objective::LinearSquared);
        assert_eq!(regression.1, squared.1);
        assert!(regression.0.contains("regression"));
    }

    #[test]
    fn penalty_formulas_match_the_engines() {
        // nn_core::regularization: L1 = lambda sum |w|, L2 = 1/2 lambda sum w^2.
        assert_eq!(penalty_formula(Regularization::None), None);
        assert_eq!(penalty_formula(Regularization::L1), Some("λ Σ |w|"));
        assert_eq!(penalty_formula(Regularization::L2), Some("½ λ Σ w²"));
    }

    #[test]
    fn penalties_show_enough_digits_and_never_a_non_finite_value() {
        assert_eq!(format_penalty(0.0634), "0.063");
        assert_eq!(format_penalty(0.0), "0.000");
        assert_eq!(format_penalty(0.000_421), "0.00042");
        assert_eq!(format_penalty(1e-9), "below 0.00001");
        assert_eq!(format_penalty(f64::NAN), NOT_A_NUMBER);
        assert_eq!(format_penalty(f64::INFINITY), NOT_A_NUMBER);
    }
}
