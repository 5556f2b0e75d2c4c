//! The optimizer choice as students know it: SGD, SGD with momentum, Adam and L-BFGS, each with
//! its update rule in words and as a compact formula (the formulas of `nn_core::optimizer`).
//!
//! The link keeps its two keys: "SGD with momentum" is `optimizer=sgd` with a momentum above 0
//! (choosing it sets momentum 0.9), and plain "SGD" sets momentum 0. The Momentum slider stays,
//! so any momentum in between can still be set.

use playground_model::Config;
use playground_model::config::Optimizer;
use yew::prelude::*;

use crate::components::widgets::Choice;

/// The momentum "SGD with momentum" starts with (the usual textbook value).
pub const DEFAULT_MOMENTUM: f64 = 0.9;

/// One entry of the Optimizer select.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptimizerChoice {
    /// SGD without momentum.
    Sgd,
    /// SGD with momentum above 0 (classical or Nesterov).
    SgdMomentum,
    /// Adam.
    Adam,
    /// L-BFGS.
    Lbfgs,
}

impl OptimizerChoice {
    /// Every choice, in the order the select lists them.
    pub const ALL: [OptimizerChoice; 4] = [
        OptimizerChoice::Sgd,
        OptimizerChoice::SgdMomentum,
        OptimizerChoice::Adam,
        OptimizerChoice::Lbfgs,
    ];

    /// The choice the settings amount to.
    pub fn of(config: &Config) -> OptimizerChoice {
        match config.optimizer {
            Optimizer::Sgd if config.momentum > 0.0 => OptimizerChoice::SgdMomentum,
            Optimizer::Sgd => OptimizerChoice::Sgd,
            Optimizer::Adam => OptimizerChoice::Adam,
            Optimizer::Lbfgs => OptimizerChoice::Lbfgs,
        }
    }

    /// The select's value for the choice (the link's optimizer name, or `sgd-momentum`).
    pub fn value(self) -> &'static str {
        match self {
            OptimizerChoice::Sgd => "sgd",
            OptimizerChoice::SgdMomentum => "sgd-momentum",
            OptimizerChoice::Adam => "adam",
            OptimizerChoice::Lbfgs => "lbfgs",
        }
    }

    /// The choice a select value names, if any.
    pub fn from_value(value: &str) -> Option<OptimizerChoice> {
        Self::ALL.into_iter().find(|choice| choice.value() == value)
    }

    /// How the choice is shown.
    pub fn text(self) -> &'static str {
        match self {
            OptimizerChoice::Sgd => "SGD",
            OptimizerChoice::SgdMomentum => "SGD with momentum",
            OptimizerChoice::Adam => "Adam",
            OptimizerChoice::Lbfgs => "L-BFGS",
        }
    }

    /// Sets the optimizer (and for SGD the momentum) of `config` to this choice. Choosing the
    /// choice already in force changes nothing.
    pub fn apply(self, config: &mut Config) {
        if OptimizerChoice::of(config) == self {
            return;
        }
        match self {
            OptimizerChoice::Sgd => (config.optimizer, config.momentum) = (Optimizer::Sgd, 0.0),
            OptimizerChoice::SgdMomentum => {
                (config.optimizer, config.momentum) = (Optimizer::Sgd, DEFAULT_MOMENTUM)
            }
            OptimizerChoice::Adam => config.optimizer = Optimizer::Adam,
            OptimizerChoice::Lbfgs => config.optimizer = Optimizer::Lbfgs,
        }
    }

    /// The update rule in words.
    pub fn rule(self) -> &'static str {
        match self {
            OptimizerChoice::Sgd => {
                "After each batch, every weight takes a step against its gradient, as long \
                as the learning rate says."
            }
            OptimizerChoice::SgdMomentum => {
                "Like SGD, but each step also keeps a share (the momentum) of the last \
                step, so the weights roll on through small bumps."
            }
            OptimizerChoice::Adam => {
                "Each weight gets its own step size: its running average gradient divided \
                by the square root of its running average squared gradient."
            }
            OptimizerChoice::Lbfgs => {
                "Uses all training points at once, guesses the curvature from the last 10 \
                steps, and halves the step until the loss falls enough; it ignores the \
                learning rate and batch size."
            }
        }
    }

    /// The update rule as a compact formula (η the learning rate, g the gradient).
    pub fn formula(self, nesterov: bool) -> &'static str {
        match self {
            OptimizerChoice::Sgd => "w ← w - η g",
            OptimizerChoice::SgdMomentum if nesterov => "v ← μ v - η g;  w ← w + μ v - η g",
            OptimizerChoice::SgdMomentum => "v ← μ v - η g;  w ← w + v",
            OptimizerChoice::Adam => {
                "m ← 0.9 m + 0.1 g;  s ← 0.999 s + 0.001 g²;  w ← w - η′ m / (√s + ε)"
            }
            OptimizerChoice::Lbfgs => "d = -H g;  w ← w + a d,  a = 1, ½, ¼ … (line search)",
        }
    }
}

/// The options of the Optimizer select.
pub fn optimizer_choices() -> Vec<Choice> {
    OptimizerChoice::ALL
        .into_iter()
        .map(|choice| Choice::new(choice.value(), choice.text()))
        .collect()
}

/// The formula of the update rule in force.
pub fn optimizer_formula(config: &Config) -> &'static str {
    OptimizerChoice::of(config).formula(config.nesterov)
}

/// Properties of [`OptimizerGuide`].
#[derive(Properties, PartialEq)]
pub struct GuideProps {
    /// The settings in force (the optimizer in use is marked).
    pub config: Config,
}

/// The four optimizers side by side, closed until opened, the one in use marked.
#[function_component(OptimizerGuide)]
pub fn optimizer_guide(props: &GuideProps) -> Html {
    let current = OptimizerChoice::of(&props.config);
    let nesterov = props.config.nesterov;
    html! {
        <section class="lecture-panel optimizers" aria-labelledby="optimizers-title">
            <details>
                <summary id="optimizers-title">{ "How the optimizers update the weights" }</summary>
                <p class="explain">{ "η is the learning rate, g the gradient of the loss for \
                    a weight w, μ the momentum; Adam's η′ is η with a correction for its first \
                    steps. Changing the optimizer or the learning rate keeps the weights and \
                    the epoch: training goes on from where it is." }</p>
                <dl class="optimizer-list">
                    { for OptimizerChoice::ALL.into_iter().map(|choice| {
                        let in_use = choice == current;
                        html! {
                            <div class={classes!(in_use.then_some("in-use"))}
                                aria-current={in_use.then_some("true")}>
                                <dt>{ choice.text() }
                                    if in_use { <span class="in-use-mark">{ " (in use)" }</span> }
                                </dt>
                                <dd>{ choice.rule() }<br />
                                    <code>{ choice.formula(nesterov) }</code></dd>
                            </div>
                        }
                    }) }
                </dl>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgd_with_momentum_is_sgd_with_a_momentum_above_zero() {
        let mut config = Config::default();
        assert_eq!(OptimizerChoice::of(&config), OptimizerChoice::Sgd);
        config.momentum = 0.09;
        assert_eq!(OptimizerChoice::of(&config), OptimizerChoice::SgdMomentum);
        config.optimizer = Optimizer::Adam;
        assert_eq!(OptimizerChoice::of(&config), OptimizerChoice::Adam);
    }

    #[test]
    fn choosing_sets_the_link_keys_and_keeps_a_momentum_already_chosen() {
        let mut config = Config::default();
        OptimizerChoice::SgdMomentum.apply(&mut config);
        assert_eq!((config.optimizer, config.momentum), (Optimizer::Sgd, 0.9));
        config.momentum = 0.5;
        OptimizerChoice::SgdMomentum.apply(&mut config);
        assert_eq!(
            config.momentum, 0.5,
            "already SGD with momentum: nothing changes"
        );
        OptimizerChoice::Adam.apply(&mut config);
        assert_eq!((config.optimizer, config.momentum), (Optimizer::Adam, 0.5));
        OptimizerChoice::Sgd.apply(&mut config);
        assert_eq!((config.optimizer, config.momentum), (Optimizer::Sgd, 0.0));
    }

    #[test]
    fn select_values_read_back_and_the_plain_ones_are_link_names() {
        assert_eq!(optimizer_choices().len(), 4);
        for choice in OptimizerChoice::ALL {
            assert_eq!(OptimizerChoice::from_value(choice.value()), Some(choice));
        }
        for optimizer in Optimizer::ALL {
            assert!(
                OptimizerChoice::from_value(optimizer.name()).is_some(),
                "{optimizer}"
            );
        }
        assert_eq!(OptimizerChoice::from_value("momentum"), None);
    }

    #[test]
    fn formulas_follow_the_engines_update_rules() {
        // nn_core::optimizer::sgd: v <- mu v - lr g; w <- w + v (Nesterov: w + mu v - lr g).
        let mut config = Config {
            momentum: 0.9,
            ..Config::default()
        };
        assert_eq!(optimizer_formula(&config), "v ← μ v - η g;  w ← w + v");
        config.nesterov = true;
        assert!(optimizer_formula(&config).ends_with("w ← w + μ v - η g"));
        config.momentum = 0.0;
        assert_eq!(optimizer_formula(&config), "w ← w - η g");
        assert!(
            OptimizerChoice::Lbfgs
                .rule()
                .contains("ignores the learning rate")
        );
    }
}
