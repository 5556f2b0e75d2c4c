//! What a part of the diagram is called and what it holds: the targets of hover, tap and
//! edit, their names in plain words ("Weight from X1 to neuron 1 of layer 1") and their
//! current values, read from the latest view so they follow training frame by frame.

use super::NetworkView;

/// A part of the diagram the user can point at, tap or edit. Layers count from 0 = first
/// hidden layer, as in `Session::set_weight`; neurons and inputs count from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The weight from `input` into `neuron` of `layer`.
    Weight {
        /// Layer of the receiving neuron.
        layer: usize,
        /// The receiving neuron.
        neuron: usize,
        /// The sending input or neuron of the layer before.
        input: usize,
    },
    /// The bias of `neuron` of `layer`.
    Bias {
        /// The neuron's layer.
        layer: usize,
        /// The neuron.
        neuron: usize,
    },
    /// A neuron as a whole.
    Neuron {
        /// The neuron's layer.
        layer: usize,
        /// The neuron.
        neuron: usize,
    },
    /// The switch of input feature `0..7` (in toggle order).
    Feature(usize),
}

impl Target {
    /// The target's text form, kept in the `data-target` attribute of its element.
    pub fn encode(self) -> String {
        match self {
            Target::Weight {
                layer,
                neuron,
                input,
            } => format!("w:{layer}:{neuron}:{input}"),
            Target::Bias { layer, neuron } => format!("b:{layer}:{neuron}"),
            Target::Neuron { layer, neuron } => format!("n:{layer}:{neuron}"),
            Target::Feature(index) => format!("f:{index}"),
        }
    }

    /// Reads [`Target::encode`]'s form; `None` for anything else.
    pub fn decode(text: &str) -> Option<Target> {
        let mut parts = text.split(':');
        let kind = parts.next()?;
        let numbers: Vec<usize> = parts.map(|p| p.parse().ok()).collect::<Option<_>>()?;
        match (kind, numbers.as_slice()) {
            ("w", &[layer, neuron, input]) => Some(Target::Weight {
                layer,
                neuron,
                input,
            }),
            ("b", &[layer, neuron]) => Some(Target::Bias { layer, neuron }),
            ("n", &[layer, neuron]) => Some(Target::Neuron { layer, neuron }),
            ("f", &[index]) => Some(Target::Feature(index)),
            _ => None,
        }
    }
}

/// A weight or bias with three decimals ("0.000" rather than "-0.000"; a million or more in
/// exponent form, "1.500e8"), or "n/a" when it is missing or not a finite number.
pub fn format_value(value: Option<f64>) -> String {
    match value {
        Some(v) if v.is_finite() && v.abs() >= 1e6 => format!("{v:.3e}"),
        Some(v) if v.is_finite() => {
            let text = format!("{v:.3}");
            if text == "-0.000" {
                "0.000".into()
            } else {
                text
            }
        }
        _ => "n/a".into(),
    }
}

/// The text an editor starts with: the value to four decimals, without trailing zeros.
pub fn editable_value(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

impl NetworkView {
    /// Number of hidden layers.
    pub fn hidden_layers(&self) -> usize {
        self.sizes.len().saturating_sub(2)
    }

    /// The weight from `input` into `neuron` of `layer`, if there is one.
    pub fn weight(&self, layer: usize, neuron: usize, input: usize) -> Option<f64> {
        let inputs = *self.sizes.get(layer)?;
        if input >= inputs {
            return None;
        }
        let weights = &self.weights.layers.get(layer)?.weights;
        weights.get(neuron * inputs + input).copied()
    }

    /// The bias of `neuron` of `layer`, if there is one.
    pub fn bias(&self, layer: usize, neuron: usize) -> Option<f64> {
        self.weights.layers.get(layer)?.biases.get(neuron).copied()
    }

    /// Whether hidden unit `neuron` of `layer` is dead (see `dead.rs`).
    pub fn is_dead(&self, layer: usize, neuron: usize) -> bool {
        let before: usize = self.sizes.iter().skip(1).take(layer).sum();
        layer < self.hidden_layers() && self.dead.get(before + neuron) == Some(&true)
    }

    /// Whether every weight into `neuron` of `layer` is exactly zero (its output is constant).
    pub fn is_zeroed(&self, layer: usize, neuron: usize) -> bool {
        let inputs = self.sizes.get(layer).copied().unwrap_or(0);
        inputs > 0 && (0..inputs).all(|i| self.weight(layer, neuron, i) == Some(0.0))
    }

    /// The neuron's name: "neuron 2 of layer 1", "the output" or "output 3".
    pub fn neuron_name(&self, layer: usize, neuron: usize) -> String {
        let outputs = self.sizes.last().copied().unwrap_or(1);
        match (layer == self.hidden_layers(), outputs) {
            (true, 1) => "the output".into(),
            (true, _) => format!("output {}", neuron + 1),
            (false, _) => format!("neuron {} of layer {}", neuron + 1, layer + 1),
        }
    }

    /// The name of what feeds input `input` of `layer`: a feature or a neuron.
    pub fn source_name(&self, layer: usize, input: usize) -> String {
        if layer == 0 {
            let fallback = || format!("input {}", input + 1);
            self.inputs.get(input).cloned().unwrap_or_else(fallback)
        } else {
            self.neuron_name(layer - 1, input)
        }
    }

    /// The label of a target in plain words, e.g. "Weight from X1 to neuron 1 of layer 1".
    pub fn label(&self, target: Target) -> String {
        match target {
            Target::Weight {
                layer,
                neuron,
                input,
            } => format!(
                "Weight from {} to {}",
                self.source_name(layer, input),
                self.neuron_name(layer, neuron)
            ),
            Target::Bias { layer, neuron } => {
                format!("Bias of {}", self.neuron_name(layer, neuron))
            }
            Target::Neuron { layer, neuron } => capitalise(&self.neuron_name(layer, neuron)),
            Target::Feature(_) => String::new(),
        }
    }

    /// The target's label and current value for the info line, e.g. "Bias of the output:
    /// 0.100"; `None` when it no longer exists (the shape changed).
    pub fn describe(&self, target: Target) -> Option<String> {
        let label = self.label(target);
        match target {
            Target::Weight {
                layer,
                neuron,
                input,
            } => {
                let value = self.weight(layer, neuron, input)?;
                Some(format!("{label}: {}", format_value(Some(value))))
            }
            Target::Bias { layer, neuron } => {
                let value = self.bias(layer, neuron)?;
                Some(format!("{label}: {}", format_value(Some(value))))
            }
            Target::Neuron { layer, neuron } => {
                let bias = format_value(Some(self.bias(layer, neuron)?));
                Some(format!(
                    "{label}: bias {bias}{}",
                    self.state_note(layer, neuron)
                ))
            }
            Target::Feature(_) => None,
        }
    }

    /// ", dead: ..." or ", zeroed: ..." for a unit in such a state, else nothing.
    pub fn state_note(&self, layer: usize, neuron: usize) -> &'static str {
        if self.is_dead(layer, neuron) {
            ", dead: it outputs 0 on every training point, so it no longer learns"
        } else if self.is_zeroed(layer, neuron) {
            ", zeroed: every weight into it is 0"
        } else {
            ""
        }
    }
}

/// The text with its first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground_model::{LayerWeights, Weights};

    /// Inputs X1, X2; hidden layer of 2; one output.
    fn view() -> NetworkView {
        let layers = vec![
            LayerWeights {
                weights: vec![0.5, -1.25, 0.0, 0.0],
                biases: vec![0.1, -0.00001],
            },
            LayerWeights {
                weights: vec![2.0, f64::NAN],
                biases: vec![0.3],
            },
        ];
        NetworkView {
            weights: Weights { layers },
            sizes: vec![2, 2, 1],
            inputs: vec!["X1".into(), "X2".into()],
            dead: vec![true, false],
            ..NetworkView::default()
        }
    }

    #[test]
    fn targets_round_trip_through_their_text_form() {
        let targets = [
            Target::Weight {
                layer: 1,
                neuron: 0,
                input: 7,
            },
            Target::Bias {
                layer: 0,
                neuron: 3,
            },
            Target::Neuron {
                layer: 2,
                neuron: 1,
            },
            Target::Feature(6),
        ];
        for target in targets {
            assert_eq!(Target::decode(&target.encode()), Some(target));
        }
        for bad in ["", "w:1:2", "x:1", "b:1:-2", "n:a:b"] {
            assert_eq!(Target::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn labels_name_the_layers_from_one_and_the_output_plainly() {
        let view = view();
        let weight = Target::Weight {
            layer: 0,
            neuron: 0,
            input: 0,
        };
        assert_eq!(view.label(weight), "Weight from X1 to neuron 1 of layer 1");
        let bias = Target::Bias {
            layer: 0,
            neuron: 1,
        };
        assert_eq!(view.label(bias), "Bias of neuron 2 of layer 1");
        let out = Target::Weight {
            layer: 1,
            neuron: 0,
            input: 1,
        };
        assert_eq!(
            view.label(out),
            "Weight from neuron 2 of layer 1 to the output"
        );
    }

    #[test]
    fn values_show_three_decimals_and_never_a_non_finite_number() {
        let view = view();
        let describe = |layer, neuron, input| {
            view.describe(Target::Weight {
                layer,
                neuron,
                input,
            })
        };
        assert_eq!(
            describe(0, 0, 1).unwrap(),
            "Weight from X2 to neuron 1 of layer 1: -1.250"
        );
        assert!(describe(1, 0, 1).unwrap().ends_with(": n/a"));
        assert_eq!(describe(0, 5, 0), None);
        let bias = view.describe(Target::Bias {
            layer: 0,
            neuron: 1,
        });
        assert_eq!(bias.unwrap(), "Bias of neuron 2 of layer 1: 0.000");
        assert_eq!(format_value(Some(f64::INFINITY)), "n/a");
        assert_eq!(format_value(Some(0.12349)), "0.123");
        assert_eq!(
            format_value(Some(1e308)),
            "1.000e308",
            "huge values stay short"
        );
    }

    #[test]
    fn dead_and_zeroed_units_say_so() {
        let view = view();
        let neuron = |neuron| Target::Neuron { layer: 0, neuron };
        assert!(view.describe(neuron(0)).unwrap().contains(", dead"));
        assert!(view.describe(neuron(1)).unwrap().contains(", zeroed"));
        assert!(view.is_dead(0, 0) && !view.is_dead(1, 0));
    }

    #[test]
    fn editors_start_from_a_short_exact_looking_value() {
        assert_eq!(editable_value(0.5), "0.5");
        assert_eq!(editable_value(-1.0), "-1");
        assert_eq!(editable_value(0.123456), "0.1235");
        assert_eq!(editable_value(-0.00001), "0");
        assert_eq!(editable_value(f64::NAN), "");
    }
}
