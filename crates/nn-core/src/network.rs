//! A dense multilayer perceptron with all parameters in one flat vector.
//!
//! Layers are numbered from the first hidden layer (0) to the output layer (last); the inputs
//! are not a layer. Layer `l` with `n_in` inputs and `n_out` units stores its weights row-major,
//! one row of `n_in` incoming weights per unit, followed by its `n_out` biases:
//!
//! ```text
//! params = [ W_0 (n_out x n_in) | b_0 (n_out) | W_1 | b_1 | ... ]
//! ```
//!
//! so weight `(layer, neuron, input)` sits at `weight_offset + neuron * n_in + input`. The same
//! layout is used for gradients and optimizer moments, and [`Network::params`] is the flat
//! vector L-BFGS works on.
//!
//! ```
//! use nn_core::{Activation, Init, Network, NetworkSpec, Objective, rng::rng_from_seed};
//!
//! let spec = NetworkSpec::new(2, vec![3], Activation::Tanh, Objective::TanhSquared);
//! let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("doc")).unwrap();
//! assert_eq!(net.param_count(), 2 * 3 + 3 + 3 * 1 + 1);
//! net.set_weight(1, 0, 2, 0.5).unwrap();
//! net.set_bias(0, 2, 1.0).unwrap();
//! // Unit 2 of the hidden layer outputs tanh(1); the output unit sees 0.5 of it.
//! let expected = libm::tanh(0.5 * libm::tanh(1.0));
//! assert_eq!(net.predict(&[0.3, -0.2]), vec![expected]);
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::backprop::Workspace;
use crate::error::NnError;
use crate::init::Init;
use crate::loss::Objective;
use crate::rng::Rng;

/// Largest number of units in any layer and of hidden layers a spec may ask for; far beyond the
/// playground's limits, they only keep a corrupted link from allocating gigabytes.
pub const MAX_LAYER_WIDTH: usize = 4096;
/// Largest number of hidden layers.
pub const MAX_HIDDEN_LAYERS: usize = 64;

/// The shape of a network: input width, hidden layer widths, activations, objective.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NetworkSpec {
    /// Number of inputs (features) per example.
    pub inputs: usize,
    /// Width of each hidden layer, first to last; empty for a single-layer network.
    pub hidden: Vec<usize>,
    /// Activation of every hidden unit.
    pub activation: Activation,
    /// Output activation and loss; fixes the number of output units.
    pub objective: Objective,
}

impl NetworkSpec {
    /// A spec from its parts (checked when the network is built).
    pub fn new(
        inputs: usize,
        hidden: Vec<usize>,
        activation: Activation,
        objective: Objective,
    ) -> Self {
        NetworkSpec {
            inputs,
            hidden,
            activation,
            objective,
        }
    }

    /// Widths of all layers including the inputs: `[inputs, hidden..., outputs]`.
    pub fn widths(&self) -> Vec<usize> {
        let mut widths = Vec::with_capacity(self.hidden.len() + 2);
        widths.push(self.inputs);
        widths.extend_from_slice(&self.hidden);
        widths.push(self.objective.outputs());
        widths
    }

    /// Checks every width is in `1..=MAX_LAYER_WIDTH`, at most `MAX_HIDDEN_LAYERS` hidden layers,
    /// and softmax has at least 2 classes.
    pub fn validate(&self) -> Result<(), NnError> {
        if self.hidden.len() > MAX_HIDDEN_LAYERS {
            return Err(NnError::TooManyLayers {
                got: self.hidden.len(),
                max: MAX_HIDDEN_LAYERS,
            });
        }
        if let Objective::SoftmaxCrossEntropy { classes } = self.objective
            && classes < 2
        {
            return Err(NnError::TooFewClasses { classes });
        }
        for (layer, &width) in self.widths().iter().enumerate() {
            if width == 0 || width > MAX_LAYER_WIDTH {
                return Err(NnError::LayerWidth {
                    layer,
                    width,
                    max: MAX_LAYER_WIDTH,
                });
            }
        }
        Ok(())
    }
}

/// Where one layer lives in the flat parameter vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerLayout {
    /// Number of inputs to each unit (the previous layer's width).
    pub inputs: usize,
    /// Number of units.
    pub units: usize,
    /// Index of the first weight in the parameter vector.
    pub weight_offset: usize,
    /// Index of the first bias (right after the `units * inputs` weights).
    pub bias_offset: usize,
}

impl LayerLayout {
    /// Index range of this layer's weights.
    pub fn weights(&self) -> Range<usize> {
        self.weight_offset..self.bias_offset
    }

    /// Index range of this layer's biases.
    pub fn biases(&self) -> Range<usize> {
        self.bias_offset..self.bias_offset + self.units
    }
}

/// A dense network: its spec, layer layout and flat parameters.
///
/// Serialised as its spec and parameters; deserialising checks them against each other, so a
/// corrupted saved state is an error, not a panic later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SavedNetwork", into = "SavedNetwork")]
pub struct Network {
    spec: NetworkSpec,
    layers: Vec<LayerLayout>,
    params: Vec<f64>,
}

impl Network {
    /// Builds a network and initialises its parameters from `rng`, layer by layer (weights then
    /// biases), in layer order.
    pub fn new(spec: NetworkSpec, init: Init, rng: &mut Rng) -> Result<Self, NnError> {
        spec.validate()?;
        let layers = layout(&spec.widths());
        let count = layers.last().map_or(0, |l| l.bias_offset + l.units);
        let mut network = Network {
            spec,
            layers,
            params: vec![0.0; count],
        };
        network.initialize(init, rng);
        Ok(network)
    }

    /// Re-draws every parameter as [`Network::new`] does.
    pub fn initialize(&mut self, init: Init, rng: &mut Rng) {
        let activation = self.spec.activation;
        for layer in &self.layers {
            let (weights, rest) =
                self.params[layer.weight_offset..].split_at_mut(layer.units * layer.inputs);
            init.fill_layer(weights, &mut rest[..layer.units], activation, rng);
        }
    }

    /// The spec the network was built from.
    pub fn spec(&self) -> &NetworkSpec {
        &self.spec
    }

    /// Layout of each layer (hidden layers first, output layer last).
    pub fn layers(&self) -> &[LayerLayout] {
        &self.layers
    }

    /// Number of inputs per example.
    pub fn input_count(&self) -> usize {
        self.spec.inputs
    }

    /// Number of output units.
    pub fn output_count(&self) -> usize {
        self.spec.objective.outputs()
    }

    /// Total number of units in hidden and output layers (the neurons a grid evaluation draws).
    pub fn neuron_count(&self) -> usize {
        self.layers.iter().map(|l| l.units).sum()
    }

    /// Total number of weights and biases.
    pub fn param_count(&self) -> usize {
        self.params.len()
    }

    /// All parameters, in the layout described in the module docs.
    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// All parameters, mutable (the optimizers' view).
    pub fn params_mut(&mut self) -> &mut [f64] {
        &mut self.params
    }

    /// Replaces every parameter; `values` must have [`Network::param_count`] entries.
    pub fn set_params(&mut self, values: &[f64]) -> Result<(), NnError> {
        if values.len() != self.params.len() {
            let (expected, got) = (self.params.len(), values.len());
            return Err(NnError::ParamCount { expected, got });
        }
        self.params.copy_from_slice(values);
        Ok(())
    }

    /// Index ranges of the weights of every layer (biases excluded): what regularization acts on.
    pub fn weight_ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.layers.iter().map(LayerLayout::weights)
    }

    /// The weight from `input` (a unit of the previous layer, or an input feature for layer 0)
    /// to `neuron` of `layer`; `None` when out of range.
    pub fn weight(&self, layer: usize, neuron: usize, input: usize) -> Option<f64> {
        self.weight_index(layer, neuron, input)
            .map(|i| self.params[i])
    }

    /// Sets one weight by hand (the running trainer keeps it and goes on from there).
    pub fn set_weight(
        &mut self,
        layer: usize,
        neuron: usize,
        input: usize,
        value: f64,
    ) -> Result<(), NnError> {
        let index = self.weight_index(layer, neuron, input);
        let index = index.ok_or(NnError::NoSuchParameter {
            layer,
            neuron,
            input: Some(input),
        })?;
        self.params[index] = value;
        Ok(())
    }

    /// The bias of `neuron` in `layer`; `None` when out of range.
    pub fn bias(&self, layer: usize, neuron: usize) -> Option<f64> {
        self.bias_index(layer, neuron).map(|i| self.params[i])
    }

    /// Sets one bias by hand.
    pub fn set_bias(&mut self, layer: usize, neuron: usize, value: f64) -> Result<(), NnError> {
        let index = self.bias_index(layer, neuron);
        let index = index.ok_or(NnError::NoSuchParameter {
            layer,
            neuron,
            input: None,
        })?;
        self.params[index] = value;
        Ok(())
    }

    /// True when every parameter is finite.
    pub fn is_finite(&self) -> bool {
        self.params.iter().all(|p| p.is_finite())
    }

    /// The network's outputs for one example (allocates; use a [`Workspace`] in loops).
    ///
    /// Shapes: `input` has [`Network::input_count`] entries (missing ones read as 0, extra ones
    /// are ignored); the result has [`Network::output_count`].
    pub fn predict(&self, input: &[f64]) -> Vec<f64> {
        Workspace::new(self).forward(self, input).to_vec()
    }

    /// Flat index of a weight, if it exists.
    fn weight_index(&self, layer: usize, neuron: usize, input: usize) -> Option<usize> {
        let l = self.layers.get(layer)?;
        (neuron < l.units && input < l.inputs).then(|| l.weight_offset + neuron * l.inputs + input)
    }

    /// Flat index of a bias, if it exists.
    fn bias_index(&self, layer: usize, neuron: usize) -> Option<usize> {
        let l = self.layers.get(layer)?;
        (neuron < l.units).then(|| l.bias_offset + neuron)
    }
}

/// The saved form of a [`Network`]: the layout follows from the spec.
#[derive(Serialize, Deserialize)]
struct SavedNetwork {
    spec: NetworkSpec,
    params: Vec<f64>,
}

impl From<Network> for SavedNetwork {
    fn from(network: Network) -> Self {
        SavedNetwork {
            spec: network.spec,
            params: network.params,
        }
    }
}

impl TryFrom<SavedNetwork> for Network {
    type Error = NnError;

    fn try_from(saved: SavedNetwork) -> Result<Self, NnError> {
        saved.spec.validate()?;
        let layers = layout(&saved.spec.widths());
        let expected = layers.last().map_or(0, |l| l.bias_offset + l.units);
        if saved.params.len() != expected {
            return Err(NnError::ParamCount {
                expected,
                got: saved.params.len(),
            });
        }
        Ok(Network {
            spec: saved.spec,
            layers,
            params: saved.params,
        })
    }
}

/// Lays layers out one after the other: weights then biases.
fn layout(widths: &[usize]) -> Vec<LayerLayout> {
    let mut offset = 0;
    let mut layers = Vec::with_capacity(widths.len().saturating_sub(1));
    for pair in widths.windows(2) {
        let (inputs, units) = (pair[0], pair[1]);
        let bias_offset = offset + inputs * units;
        layers.push(LayerLayout {
            inputs,
            units,
            weight_offset: offset,
            bias_offset,
        });
        offset = bias_offset + units;
    }
    layers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::rng_from_seed;

    fn spec(hidden: Vec<usize>) -> NetworkSpec {
        NetworkSpec::new(
            3,
            hidden,
            Activation::Relu,
            Objective::SoftmaxCrossEntropy { classes: 4 },
        )
    }

    #[test]
    fn layout_packs_weights_then_biases() {
        let net = Network::new(spec(vec![5, 2]), Init::Zero, &mut rng_from_seed("1")).unwrap();
        let offsets: Vec<_> = net
            .layers()
            .iter()
            .map(|l| (l.weight_offset, l.bias_offset))
            .collect();
        assert_eq!(offsets, vec![(0, 15), (20, 30), (32, 40)]);
        assert_eq!(net.param_count(), 44);
        assert_eq!(net.neuron_count(), 11);
    }

    #[test]
    fn hand_set_parameters_read_back_and_bad_indices_are_errors() {
        let mut net = Network::new(spec(vec![2]), Init::Zero, &mut rng_from_seed("1")).unwrap();
        net.set_weight(1, 3, 1, 1.5).unwrap();
        net.set_bias(0, 1, -0.25).unwrap();
        assert_eq!(net.weight(1, 3, 1), Some(1.5));
        assert_eq!(net.params()[6 + 2 + 3 * 2 + 1], 1.5);
        assert_eq!(net.bias(0, 1), Some(-0.25));
        assert_eq!(net.weight(1, 4, 0), None);
        let err = net.set_weight(2, 0, 0, 1.0).unwrap_err();
        assert_eq!(
            err,
            NnError::NoSuchParameter {
                layer: 2,
                neuron: 0,
                input: Some(0)
            }
        );
    }

    #[test]
    fn flat_parameters_round_trip_and_check_their_length() {
        let mut rng = rng_from_seed("flat");
        let mut net = Network::new(spec(vec![]), Init::PlaygroundUniform, &mut rng).unwrap();
        let values: Vec<f64> = (0..net.param_count()).map(|i| i as f64).collect();
        net.set_params(&values).unwrap();
        assert_eq!(net.params(), &values[..]);
        assert_eq!(
            net.set_params(&[1.0]),
            Err(NnError::ParamCount {
                expected: 16,
                got: 1
            })
        );
    }

    #[test]
    fn saved_networks_round_trip_and_corrupt_ones_are_errors() {
        let net = Network::new(spec(vec![2]), Init::Glorot, &mut rng_from_seed("s")).unwrap();
        let mut saved = serde_json::to_value(&net).unwrap();
        assert_eq!(
            serde_json::from_value::<Network>(saved.clone()).unwrap(),
            net
        );
        saved["params"].as_array_mut().unwrap().pop();
        assert!(serde_json::from_value::<Network>(saved).is_err());
    }

    #[test]
    fn invalid_specs_are_rejected() {
        let mut rng = rng_from_seed("bad");
        let zero_width = Network::new(spec(vec![4, 0]), Init::Zero, &mut rng).unwrap_err();
        assert_eq!(
            zero_width,
            NnError::LayerWidth {
                layer: 2,
                width: 0,
                max: MAX_LAYER_WIDTH
            }
        );
        let one_class = NetworkSpec::new(
            2,
            vec![],
            Activation::Tanh,
            Objective::SoftmaxCrossEntropy { classes: 1 },
        );
        assert_eq!(
            one_class.validate(),
            Err(NnError::TooFewClasses { classes: 1 })
        );
    }

    #[test]
    fn same_seed_gives_identical_weights() {
        let build = |seed: &str| {
            Network::new(
                spec(vec![4]),
                Init::PlaygroundUniform,
                &mut rng_from_seed(seed),
            )
            .unwrap()
        };
        assert_eq!(build("7").params(), build("7").params());
        assert_ne!(build("7").params(), build("8").params());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::backprop::Workspace;
        use crate::dataset::Domain;
        use crate::grid::evaluate_grid;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(32))]

            #[test]
            fn shapes_follow_the_spec(
                inputs in 1usize..6,
                hidden in proptest::collection::vec(1usize..7, 0..4),
                classes in 2usize..5,
            ) {
                let objective = Objective::SoftmaxCrossEntropy { classes };
                let spec = NetworkSpec::new(inputs, hidden.clone(), Activation::Tanh, objective);
                let mut rng = rng_from_seed("shapes");
                let net = Network::new(spec.clone(), Init::Glorot, &mut rng).unwrap();

                let widths = spec.widths();
                let expected: usize = widths.windows(2).map(|w| w[0] * w[1] + w[1]).sum();
                prop_assert_eq!(net.param_count(), expected);
                prop_assert_eq!(net.neuron_count(), hidden.iter().sum::<usize>() + classes);

                let output = net.predict(&vec![0.5; inputs]);
                prop_assert_eq!(output.len(), classes);
                prop_assert!((output.iter().sum::<f64>() - 1.0).abs() < 1e-12);

                let mut ws = Workspace::new(&net);
                ws.forward(&net, &vec![0.5; inputs]);
                prop_assert_eq!(ws.neuron_outputs().len(), net.neuron_count());

                let fill = |x1: f64, x2: f64, out: &mut [f64]| {
                    for (i, v) in out.iter_mut().enumerate() {
                        *v = if i % 2 == 0 { x1 } else { x2 };
                    }
                };
                let grid = evaluate_grid(&net, &Domain::square(1.0), 3, fill);
                prop_assert_eq!(grid.values.len(), net.neuron_count() * 9);
                prop_assert_eq!(grid.layer_sizes.len(), hidden.len() + 1);
            }
        }
    }
}
