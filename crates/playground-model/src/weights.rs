//! A network's weights and biases as plain numbers, and their compact text form for links.
//!
//! # Format (version 1)
//!
//! `1:` then one part per layer (inputs to outputs) separated by `;`. A part is the layer's
//! weights, comma-separated, then `/`, then its biases, comma-separated. The weights of a layer
//! are neuron-major: neuron `j`'s weight from input `i` is number `j * inputs + i`. Each number is
//! written in the shortest form that reads back to the same `f64` (see
//! [`crate::link::format_real`]), so the round trip is exact. Example: a perceptron with weights
//! 1 and 1 and bias -1.5 is `1:1,1/-1.5`. Every character used is allowed in a URL fragment.

use serde::{Deserialize, Serialize};

use crate::ModelError;
use crate::link::format_real;

/// The version written before the layers.
pub const WEIGHTS_VERSION: u32 = 1;

/// The parameters of one layer of neurons.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LayerWeights {
    /// Neuron-major weights: neuron `j`'s weight from input `i` is `weights[j * inputs + i]`.
    pub weights: Vec<f64>,
    /// One bias per neuron.
    pub biases: Vec<f64>,
}

/// The parameters of a whole network, first hidden layer first, output layer last.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Weights {
    /// One entry per layer of neurons.
    pub layers: Vec<LayerWeights>,
}

impl Weights {
    /// Whether these parameters fit layers of the given sizes (inputs first, outputs last).
    pub fn fits(&self, sizes: &[usize]) -> bool {
        self.layers.len() + 1 == sizes.len()
            && self
                .layers
                .iter()
                .zip(sizes.windows(2))
                .all(|(layer, pair)| {
                    layer.biases.len() == pair[1] && layer.weights.len() == pair[0] * pair[1]
                })
    }

    /// The text form described in the module documentation.
    pub fn encode(&self) -> String {
        let layers: Vec<String> = self.layers.iter().map(encode_layer).collect();
        format!("{WEIGHTS_VERSION}:{}", layers.join(";"))
    }

    /// Reads the text form; every number must be finite.
    pub fn decode(text: &str) -> Result<Weights, ModelError> {
        let bad = |reason: &str| ModelError::BadWeights(reason.to_string());
        let (version, body) = text
            .split_once(':')
            .ok_or_else(|| bad("no version prefix"))?;
        if version != WEIGHTS_VERSION.to_string() {
            return Err(bad("unknown version"));
        }
        let layers = body
            .split(';')
            .map(decode_layer)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Weights { layers })
    }
}

/// Writes one layer as `weights/biases`.
fn encode_layer(layer: &LayerWeights) -> String {
    format!(
        "{}/{}",
        encode_list(&layer.weights),
        encode_list(&layer.biases)
    )
}

/// Writes numbers separated by commas.
fn encode_list(values: &[f64]) -> String {
    let texts: Vec<String> = values.iter().map(|&value| format_real(value)).collect();
    texts.join(",")
}

/// Reads one layer written by [`encode_layer`].
fn decode_layer(text: &str) -> Result<LayerWeights, ModelError> {
    let (weights, biases) = text
        .split_once('/')
        .ok_or_else(|| ModelError::BadWeights("a layer has no '/' before its biases".into()))?;
    Ok(LayerWeights {
        weights: decode_list(weights)?,
        biases: decode_list(biases)?,
    })
}

/// Reads comma-separated finite numbers; the empty text is the empty list.
fn decode_list(text: &str) -> Result<Vec<f64>, ModelError> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|item| match item.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(ModelError::BadWeights(format!(
                "'{}' is not a finite number",
                short(item)
            ))),
        })
        .collect()
}

/// The start of a possibly long text, for messages.
fn short(text: &str) -> String {
    text.chars().take(20).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perceptron() -> Weights {
        Weights {
            layers: vec![LayerWeights {
                weights: vec![1.0, 1.0],
                biases: vec![-1.5],
            }],
        }
    }

    #[test]
    fn perceptron_encodes_as_documented() {
        assert_eq!(perceptron().encode(), "1:1,1/-1.5");
        assert_eq!(Weights::decode("1:1,1/-1.5").unwrap(), perceptron());
    }

    #[test]
    fn fits_checks_every_layer() {
        assert!(perceptron().fits(&[2, 1]));
        assert!(!perceptron().fits(&[3, 1]));
        assert!(!perceptron().fits(&[2, 2, 1]));
    }

    #[test]
    fn rejects_non_finite_numbers_and_wrong_versions() {
        assert!(Weights::decode("1:NaN/0").is_err());
        assert!(Weights::decode("1:inf/0").is_err());
        assert!(Weights::decode("2:1/0").is_err());
        assert!(Weights::decode("1:1,1").is_err());
        assert!(Weights::decode("").is_err());
    }

    #[test]
    fn tiny_negative_zero_and_huge_values_round_trip_exactly() {
        let values = vec![-0.0, 5e-324, f64::MAX, 0.1 + 0.2, -1.0 / 3.0];
        let weights = Weights {
            layers: vec![LayerWeights {
                weights: values.clone(),
                biases: vec![f64::MIN],
            }],
        };
        let back = Weights::decode(&weights.encode()).unwrap();
        let bits = |w: &Weights| -> Vec<u64> {
            w.layers[0]
                .weights
                .iter()
                .chain(&w.layers[0].biases)
                .map(|v| v.to_bits())
                .collect()
        };
        assert_eq!(bits(&back), bits(&weights));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn finite() -> impl Strategy<Value = f64> {
            any::<f64>().prop_filter("finite", |v| v.is_finite())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn any_finite_weights_round_trip(
                layers in prop::collection::vec(
                    (prop::collection::vec(finite(), 0..12), prop::collection::vec(finite(), 0..4)),
                    1..4,
                )
            ) {
                let layers = layers
                    .into_iter()
                    .map(|(weights, biases)| LayerWeights { weights, biases })
                    .collect();
                let weights = Weights { layers };
                prop_assert_eq!(Weights::decode(&weights.encode()).unwrap(), weights);
            }

            #[test]
            fn garbage_never_panics(text in ".{0,80}") {
                let _ = Weights::decode(&text);
            }
        }
    }
}
