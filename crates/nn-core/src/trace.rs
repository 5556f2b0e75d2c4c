//! One training example walked through the network, with every number kept for teaching.
//!
//! A [`Trace`] is built from a [`Workspace`] after its forward and backward pass, so its numbers
//! are exactly the engine's: for each layer the inputs it receives, its weights and biases, the
//! weighted sums `z = sum_i w_i x_i + b`, the activations `a = f(z)`, the error signals
//! `delta = dL/dz`, and the gradients `dL/dw_ji = delta_j x_i` and `dL/db_j = delta_j`. The
//! gradient is of the example's data loss alone (no weight penalty).

use crate::backprop::Workspace;
use crate::network::Network;

/// One layer of a [`Trace`] (hidden layers first, the output layer last).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerTrace {
    /// What the layer receives: the input row for the first layer, else the layer below's
    /// activations.
    pub inputs: Vec<f64>,
    /// Weights, one row of `inputs.len()` per neuron (`weights[j * inputs + i]` links input
    /// `i` to neuron `j`).
    pub weights: Vec<f64>,
    /// One bias per neuron.
    pub biases: Vec<f64>,
    /// Weighted sums `z_j = sum_i w_ji x_i + b_j`.
    pub z: Vec<f64>,
    /// Activations `a_j = f(z_j)` (for the output layer, the objective's output function).
    pub a: Vec<f64>,
    /// Error signals `delta_j = dL/dz_j`.
    pub delta: Vec<f64>,
    /// Weight gradients `dL/dw_ji = delta_j x_i`, laid out as `weights`.
    pub weight_gradients: Vec<f64>,
}

impl LayerTrace {
    /// Number of neurons.
    pub fn neurons(&self) -> usize {
        self.z.len()
    }

    /// The weights into neuron `j`.
    pub fn weights_of(&self, j: usize) -> &[f64] {
        let n = self.inputs.len();
        &self.weights[j * n..(j + 1) * n]
    }

    /// The weight gradients of neuron `j`'s incoming weights.
    pub fn weight_gradients_of(&self, j: usize) -> &[f64] {
        let n = self.inputs.len();
        &self.weight_gradients[j * n..(j + 1) * n]
    }
}

/// One example's forward pass, loss and backward pass.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The target (a class index for classification, a value for regression).
    pub target: f64,
    /// Every layer, hidden layers first.
    pub layers: Vec<LayerTrace>,
    /// The example's data loss.
    pub loss: f64,
    /// `dL/dparameter` in the network's parameter layout (see [`Network::params`]).
    pub gradient: Vec<f64>,
}

impl Trace {
    /// Runs `input` forward through `network` and back from `target`, and keeps every number.
    pub fn of(network: &Network, input: &[f64], target: f64) -> Trace {
        let mut workspace = Workspace::new(network);
        let mut gradient = vec![0.0; network.param_count()];
        workspace.forward(network, input);
        let loss = workspace.backward(network, target, &mut gradient);
        Trace::from_workspace(&workspace, network, target, loss, gradient)
    }

    /// The trace of a workspace after [`Workspace::forward`] and [`Workspace::backward`] on
    /// one example, with that pass's `loss` and `gradient` (started from zeros).
    pub fn from_workspace(
        workspace: &Workspace,
        network: &Network,
        target: f64,
        loss: f64,
        gradient: Vec<f64>,
    ) -> Trace {
        let params = network.params();
        let layers = network.layers().iter().enumerate().map(|(l, layout)| {
            let inputs = match l {
                0 => workspace.input().to_vec(),
                _ => workspace.layer_output(l - 1).to_vec(),
            };
            LayerTrace {
                inputs,
                weights: params[layout.weights()].to_vec(),
                biases: params[layout.biases()].to_vec(),
                z: workspace.layer_pre(l).to_vec(),
                a: workspace.layer_output(l).to_vec(),
                delta: workspace.layer_delta(l).to_vec(),
                weight_gradients: gradient[layout.weights()].to_vec(),
            }
        });
        Trace {
            target,
            layers: layers.collect(),
            loss,
            gradient,
        }
    }

    /// The output layer.
    pub fn output(&self) -> Option<&LayerTrace> {
        self.layers.last()
    }

    /// One plain gradient step on this example: every parameter `w <- w - learning_rate *
    /// dL/dw` (no momentum, no optimizer state, no weight penalty). `network` must be the one
    /// traced.
    pub fn apply(&self, network: &mut Network, learning_rate: f64) {
        for (w, g) in network.params_mut().iter_mut().zip(&self.gradient) {
            *w -= learning_rate * g;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::init::Init;
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::rng::rng_from_seed;

    /// A seeded network of the given shape.
    fn network(hidden: Vec<usize>, objective: Objective) -> Network {
        let spec = NetworkSpec::new(3, hidden, Activation::Tanh, objective);
        Network::new(spec, Init::Glorot, &mut rng_from_seed("trace")).unwrap()
    }

    #[test]
    fn the_trace_holds_exactly_the_engines_gradient() {
        for objective in [
            Objective::TanhSquared,
            Objective::SoftmaxCrossEntropy { classes: 3 },
        ] {
            let net = network(vec![4, 2], objective);
            let input = [0.5, -1.25, 2.0];
            let trace = Trace::of(&net, &input, 1.0);
            let mut ws = Workspace::new(&net);
            let mut grad = vec![0.0; net.param_count()];
            ws.forward(&net, &input);
            let loss = ws.backward(&net, 1.0, &mut grad);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&trace.gradient), bits(&grad), "{objective:?}");
            assert_eq!(trace.loss.to_bits(), loss.to_bits());
            assert_eq!(trace.output().unwrap().a, net.predict(&input));
        }
    }

    #[test]
    fn each_number_follows_its_formula() {
        let net = network(vec![4, 2], Objective::TanhSquared);
        let trace = Trace::of(&net, &[0.5, -1.25, 2.0], 0.0);
        for (l, layer) in trace.layers.iter().enumerate() {
            for j in 0..layer.neurons() {
                // z = sum w x + b, summed left to right as the engine does.
                let sum = layer
                    .weights_of(j)
                    .iter()
                    .zip(&layer.inputs)
                    .fold(0.0, |s, (w, x)| s + w * x);
                assert_eq!(layer.z[j], sum + layer.biases[j], "layer {l} neuron {j}");
                if l + 1 < trace.layers.len() {
                    assert_eq!(layer.a[j], Activation::Tanh.apply(layer.z[j]));
                }
                let expected: Vec<f64> = layer.inputs.iter().map(|x| layer.delta[j] * x).collect();
                assert_eq!(layer.weight_gradients_of(j), expected.as_slice());
            }
            if l > 0 {
                assert_eq!(layer.inputs, trace.layers[l - 1].a);
            }
        }
        // Bias gradients are the deltas (the parameter layout puts them after the weights).
        let first = net.layers()[0];
        assert_eq!(
            &trace.gradient[first.biases()],
            trace.layers[0].delta.as_slice()
        );
    }

    #[test]
    fn the_gradient_matches_central_differences() {
        let mut net = network(vec![3], Objective::SigmoidCrossEntropy);
        let input = [1.0, -0.5, 0.25];
        let trace = Trace::of(&net, &input, 1.0);
        let h = 1e-6;
        for (k, &expected) in trace.gradient.iter().enumerate() {
            let original = net.params()[k];
            net.params_mut()[k] = original + h;
            let up = Trace::of(&net, &input, 1.0).loss;
            net.params_mut()[k] = original - h;
            let down = Trace::of(&net, &input, 1.0).loss;
            net.params_mut()[k] = original;
            let numeric = (up - down) / (2.0 * h);
            assert!(
                (expected - numeric).abs() < 1e-8,
                "parameter {k}: {expected} vs {numeric}"
            );
        }
    }

    #[test]
    fn a_small_step_lowers_the_examples_loss_by_exactly_minus_lr_times_the_gradient() {
        let mut net = network(vec![], Objective::LinearSquared);
        let input = [1.0, 2.0, -1.0];
        let trace = Trace::of(&net, &input, 3.0);
        let before = net.params().to_vec();
        trace.apply(&mut net, 0.01);
        for ((after, w), g) in net.params().iter().zip(&before).zip(&trace.gradient) {
            assert_eq!(*after, w - 0.01 * g);
        }
        assert!(Trace::of(&net, &input, 3.0).loss < trace.loss);
    }
}
