//! Forward and backward passes over reusable buffers: nothing is allocated per example.
//!
//! A [`Workspace`] holds, for every layer `l` (hidden layers then the output layer), the
//! pre-activations `z_l = W_l a_{l-1} + b_l`, the outputs `a_l = f(z_l)` and the error signals
//! `delta_l = dL/dz_l`; `a_{-1}` is the input row. Backpropagation:
//!
//! ```text
//! delta_out       = dL/dz_out                      (from the objective)
//! dL/dW_l        += delta_l a_{l-1}^T,   dL/db_l += delta_l
//! delta_{l-1}     = (W_l^T delta_l) * f'(z_{l-1})
//! ```

use crate::activation::Activation;
use crate::dataset::Dataset;
use crate::math;
use crate::network::{LayerLayout, Network};

/// Scratch buffers for one network shape; build once, reuse for every example.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    /// Input row followed by every layer's outputs.
    outputs: Vec<f64>,
    /// Every layer's pre-activations (no input part).
    pre: Vec<f64>,
    /// Every layer's `dL/dz` (same layout as `pre`).
    delta: Vec<f64>,
    /// Start of each layer in `pre` and `delta`, plus the total at the end.
    offsets: Vec<usize>,
    /// Number of inputs (where layer outputs start in `outputs`).
    inputs: usize,
    /// Scratch of the grid's batched pass: one row of points' inputs, feature-major.
    pub(crate) grid_inputs: Vec<f64>,
    /// Scratch of the grid's batched pass: one value per point.
    pub(crate) grid_temp: Vec<f64>,
}

impl Workspace {
    /// Buffers sized for `network`.
    pub fn new(network: &Network) -> Self {
        let mut offsets = vec![0];
        for layer in network.layers() {
            offsets.push(offsets.last().copied().unwrap_or(0) + layer.units);
        }
        let units = offsets.last().copied().unwrap_or(0);
        let inputs = network.input_count();
        Workspace {
            outputs: vec![0.0; inputs + units],
            pre: vec![0.0; units],
            delta: vec![0.0; units],
            offsets,
            inputs,
            grid_inputs: Vec::new(),
            grid_temp: Vec::new(),
        }
    }

    /// True when the buffers fit `network`'s shape.
    pub fn fits(&self, network: &Network) -> bool {
        self.inputs == network.input_count()
            && self.offsets.len() == network.layers().len() + 1
            && self.pre.len() == network.neuron_count()
    }

    /// Outputs of layer `layer` (0 = first hidden layer) from the last forward pass.
    pub fn layer_output(&self, layer: usize) -> &[f64] {
        let range = self.offsets[layer]..self.offsets[layer + 1];
        &self.outputs[self.inputs + range.start..self.inputs + range.end]
    }

    /// Outputs of every unit of every layer, concatenated (hidden layers first).
    pub fn neuron_outputs(&self) -> &[f64] {
        &self.outputs[self.inputs..]
    }

    /// The input row of the last forward pass (zero-padded or truncated to the network's
    /// input count).
    pub fn input(&self) -> &[f64] {
        &self.outputs[..self.inputs]
    }

    /// Weighted sums `z` of layer `layer` (0 = first hidden layer) from the last forward pass.
    pub fn layer_pre(&self, layer: usize) -> &[f64] {
        &self.pre[self.offsets[layer]..self.offsets[layer + 1]]
    }

    /// Error signals `delta = dL/dz` of layer `layer` from the last backward pass.
    pub fn layer_delta(&self, layer: usize) -> &[f64] {
        &self.delta[self.offsets[layer]..self.offsets[layer + 1]]
    }

    /// Output layer's values from the last forward pass.
    pub fn output(&self) -> &[f64] {
        let last = self.offsets.len() - 2;
        self.layer_output(last)
    }

    /// Runs the network on one input row and returns the output layer.
    ///
    /// Shapes: `input` has `network.input_count()` entries (missing ones read as 0, extra ones
    /// are ignored); the result has `network.output_count()`. The workspace must have been
    /// built for this network's shape ([`Workspace::fits`]).
    pub fn forward(&mut self, network: &Network, input: &[f64]) -> &[f64] {
        debug_assert!(self.fits(network));
        // A row of the wrong width reads as zero-padded or truncated (never a panic).
        let n = input.len().min(self.inputs);
        self.outputs[..n].copy_from_slice(&input[..n]);
        self.outputs[n..self.inputs].fill(0.0);
        let last = network.layers().len() - 1;
        for (l, layer) in network.layers().iter().enumerate() {
            self.forward_layer(network, l, layer, l == last);
        }
        self.output()
    }

    /// One layer's `z = W a + b` and `a = f(z)`.
    #[inline]
    fn forward_layer(&mut self, network: &Network, l: usize, layer: &LayerLayout, last: bool) {
        let params = network.params();
        let weights = &params[layer.weights()];
        let biases = &params[layer.biases()];
        let (start, end) = (self.offsets[l], self.offsets[l + 1]);
        let (before, after) = self.outputs.split_at_mut(self.inputs + start);
        let input = &before[before.len() - layer.inputs..];
        let out = &mut after[..end - start];
        let pre = &mut self.pre[start..end];

        // Pre-activations: one dot product per unit.
        for ((z, row), bias) in pre
            .iter_mut()
            .zip(weights.chunks_exact(layer.inputs))
            .zip(biases)
        {
            *z = dot(row, input) + bias;
        }

        // Activations: the hidden function, or the objective's output function.
        if last {
            network.spec().objective.activate(pre, out);
        } else {
            match network.spec().activation {
                Activation::Tanh => math::tanh_slice(pre, out),
                activation => {
                    for (a, &z) in out.iter_mut().zip(pre.iter()) {
                        *a = activation.apply(z);
                    }
                }
            }
        }
    }

    /// After [`Workspace::forward`], the example's loss; adds its gradient to `grad`
    /// (same layout as the parameters).
    pub fn backward(&mut self, network: &Network, target: f64, grad: &mut [f64]) -> f64 {
        let loss = self.loss(network, target);

        // Error signal of the output layer.
        let (start, end) = self.output_range();
        let out = &self.outputs[self.inputs + start..self.inputs + end];
        network
            .spec()
            .objective
            .output_delta(out, target, &mut self.delta[start..end]);

        // Walk back: gradients of layer l, then the error signal of layer l - 1.
        for l in (0..network.layers().len()).rev() {
            self.backward_layer(network, l, grad);
        }
        loss
    }

    /// Adds layer `l`'s gradients and, for `l > 0`, fills `delta_{l-1}`.
    #[inline]
    fn backward_layer(&mut self, network: &Network, l: usize, grad: &mut [f64]) {
        let layer = network.layers()[l];
        let weights = &network.params()[layer.weights()];
        let (start, end) = (self.offsets[l], self.offsets[l + 1]);
        let input = &self.outputs[self.inputs + start - layer.inputs..self.inputs + start];
        let (delta_before, delta_here) = self.delta.split_at_mut(start);
        let delta = &delta_here[..end - start];
        let (grad_w, grad_b) =
            grad[layer.weight_offset..].split_at_mut(layer.bias_offset - layer.weight_offset);

        // Bias and weight gradients: dL/db_j = delta_j, dL/dW_ji = delta_j a_i.
        for (g, d) in grad_b.iter_mut().zip(delta) {
            *g += d;
        }
        for (g_row, d) in grad_w.chunks_exact_mut(layer.inputs).zip(delta) {
            for (g, a) in g_row.iter_mut().zip(input) {
                *g += d * a;
            }
        }
        if l == 0 {
            return;
        }

        // Error signal of the layer below: (W^T delta) * f'(z).
        let below = &mut delta_before[start - layer.inputs..];
        below.fill(0.0);
        for (w_row, d) in weights.chunks_exact(layer.inputs).zip(delta) {
            for (b, w) in below.iter_mut().zip(w_row) {
                *b += w * d;
            }
        }
        let pre = &self.pre[start - layer.inputs..start];
        network
            .spec()
            .activation
            .scale_by_derivative(pre, input, below);
    }

    /// Mean loss over `rows` of `data` and, in `grad`, the mean gradient (overwritten).
    /// Returns 0 and a zero gradient for no rows.
    pub fn batch_gradient(
        &mut self,
        network: &Network,
        data: &Dataset,
        rows: &[usize],
        grad: &mut [f64],
    ) -> f64 {
        grad.fill(0.0);
        if rows.is_empty() {
            return 0.0;
        }
        let mut total = 0.0;
        for &row in rows {
            self.forward(network, data.row(row));
            total += self.backward(network, data.targets[row], grad);
        }
        let scale = 1.0 / rows.len() as f64;
        for g in grad.iter_mut() {
            *g *= scale;
        }
        total * scale
    }

    /// Mean loss over every row of `data`; `None` for an empty set.
    pub fn mean_loss(&mut self, network: &Network, data: &Dataset) -> Option<f64> {
        if data.is_empty() {
            return None;
        }
        let mut total = 0.0;
        for row in 0..data.len() {
            self.forward(network, data.row(row));
            total += self.loss(network, data.targets[row]);
        }
        Some(total / data.len() as f64)
    }

    /// After [`Workspace::forward`], the example's loss against `target`.
    pub fn loss(&self, network: &Network, target: f64) -> f64 {
        let (start, end) = self.output_range();
        let out = &self.outputs[self.inputs + start..self.inputs + end];
        network
            .spec()
            .objective
            .loss(&self.pre[start..end], out, target)
    }

    /// Index range of the output layer in `pre` and `delta`.
    fn output_range(&self) -> (usize, usize) {
        let n = self.offsets.len();
        (self.offsets[n - 2], self.offsets[n - 1])
    }
}

/// `sum_i a_i b_i`, summed left to right from `0.0` (a fixed order keeps results
/// bit-reproducible; the grid's batched pass in `grid.rs` sums in the same order).
#[inline]
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |sum, (x, y)| sum + x * y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Task;
    use crate::init::Init;
    use crate::init::uniform;
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::regularization::Regularization;
    use crate::rng::rng_from_seed;

    #[test]
    fn forward_matches_a_hand_computation() {
        let spec = NetworkSpec::new(2, vec![2], Activation::Relu, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("x")).unwrap();
        net.set_params(&[1.0, -1.0, 0.5, 0.5, 0.0, -1.0, 2.0, 3.0, 0.25])
            .unwrap();
        let mut ws = Workspace::new(&net);
        // Hidden: relu(1 - 2 + 0) = 0, relu(0.5 + 1 - 1) = 0.5; output: 2*0 + 3*0.5 + 0.25.
        let out = ws.forward(&net, &[1.0, 2.0]).to_vec();
        assert_eq!(out, vec![1.75]);
        assert_eq!(ws.layer_output(0), &[0.0, 0.5]);
        assert_eq!(ws.neuron_outputs(), &[0.0, 0.5, 1.75]);
    }

    #[test]
    fn backward_matches_a_hand_computation() {
        let spec = NetworkSpec::new(2, vec![2], Activation::Relu, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("x")).unwrap();
        net.set_params(&[1.0, -1.0, 0.5, 0.5, 0.0, -1.0, 2.0, 3.0, 0.25])
            .unwrap();
        let mut ws = Workspace::new(&net);
        let mut grad = vec![0.0; 9];
        ws.forward(&net, &[1.0, 2.0]);
        let loss = ws.backward(&net, 1.0, &mut grad);
        // delta_out = 0.75; hidden deltas: unit 0 dead (relu'(-1) = 0), unit 1: 3 * 0.75.
        assert_eq!(loss, 0.5 * 0.75 * 0.75);
        assert_eq!(grad, vec![0.0, 0.0, 2.25, 4.5, 0.0, 2.25, 0.0, 0.375, 0.75]);
    }

    #[test]
    fn batch_gradient_is_the_mean_and_empty_batches_do_nothing() {
        let spec = NetworkSpec::new(1, vec![], Activation::Tanh, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("x")).unwrap();
        net.set_params(&[2.0, 0.0]).unwrap();
        let data = Dataset::new(vec![1.0, 3.0], 1, vec![0.0, 0.0], Task::Regression, None).unwrap();
        let mut ws = Workspace::new(&net);
        let mut grad = vec![9.0; 2];
        let loss = ws.batch_gradient(&net, &data, &[0, 1], &mut grad);
        // Predictions 2 and 6: losses 2 and 18; gradients (2*1 + 6*3) / 2 and (2 + 6) / 2.
        assert_eq!((loss, grad.clone()), (10.0, vec![10.0, 4.0]));
        assert_eq!(ws.batch_gradient(&net, &data, &[], &mut grad), 0.0);
        assert_eq!(grad, vec![0.0, 0.0]);
        assert_eq!(ws.mean_loss(&net, &data), Some(10.0));
    }

    /// Data (3 inputs, 6 rows) with targets valid for `objective`.
    fn gradient_check_data(objective: Objective) -> Dataset {
        let mut rng = rng_from_seed("gradient-check data");
        let inputs: Vec<f64> = (0..18).map(|_| uniform(&mut rng, -2.0, 2.0)).collect();
        let targets = (0..6)
            .map(|i| match objective {
                Objective::LinearSquared => uniform(&mut rng, -1.5, 1.5),
                Objective::SoftmaxCrossEntropy { classes } => (i % classes) as f64,
                _ => (i % 2) as f64,
            })
            .collect();
        let task = match objective.classes() {
            Some(classes) => Task::Classification { classes },
            None => Task::Regression,
        };
        Dataset::new(inputs, 3, targets, task, None).unwrap()
    }

    /// Data loss plus penalty: the function whose gradient training follows.
    fn objective_value(net: &Network, data: &Dataset, reg: Regularization) -> f64 {
        let loss = Workspace::new(net).mean_loss(net, data).unwrap();
        loss + reg.penalty(net, 0.05)
    }

    /// Compares the analytic gradient with central differences for every parameter.
    fn check_gradient(activation: Activation, objective: Objective, reg: Regularization) {
        let data = gradient_check_data(objective);
        let spec = NetworkSpec::new(3, vec![4, 3], activation, objective);
        let mut net = Network::new(spec, Init::Glorot, &mut rng_from_seed("gc")).unwrap();
        // Keep weights away from 0, where the L1 penalty has its kink.
        let moved: Vec<f64> = net
            .params()
            .iter()
            .map(|&w| if w.abs() < 0.05 { 0.1 } else { w })
            .collect();
        net.set_params(&moved).unwrap();

        let all_rows: Vec<usize> = (0..data.len()).collect();
        let mut analytic = vec![0.0; net.param_count()];
        Workspace::new(&net).batch_gradient(&net, &data, &all_rows, &mut analytic);
        reg.add_gradient(&net, 0.05, &mut analytic);

        let h = 1e-6;
        for (k, &expected) in analytic.iter().enumerate() {
            let original = net.params()[k];
            net.params_mut()[k] = original + h;
            let up = objective_value(&net, &data, reg);
            net.params_mut()[k] = original - h;
            let down = objective_value(&net, &data, reg);
            net.params_mut()[k] = original;
            let numeric = (up - down) / (2.0 * h);
            let tolerance = 1e-7 + 1e-6 * (expected.abs() + numeric.abs());
            assert!(
                (expected - numeric).abs() <= tolerance,
                "{activation:?} {objective:?} {reg:?} parameter {k}: {expected} vs {numeric}",
            );
        }
    }

    #[test]
    fn gradient_matches_central_differences_for_every_combination() {
        // Step is left out on purpose: its straight-through gradient is not its derivative.
        let objectives = [
            Objective::TanhSquared,
            Objective::SigmoidCrossEntropy,
            Objective::SoftmaxCrossEntropy { classes: 3 },
            Objective::LinearSquared,
        ];
        let penalties = [Regularization::None, Regularization::L1, Regularization::L2];
        for activation in Activation::ALL
            .into_iter()
            .filter(|a| *a != Activation::Step)
        {
            for objective in objectives {
                for reg in penalties {
                    check_gradient(activation, objective, reg);
                }
            }
        }
    }

    #[test]
    fn step_passes_the_gradient_straight_through() {
        // One step unit feeding a linear output: the hidden delta is w_out * delta_out * 1.
        let spec = NetworkSpec::new(1, vec![1], Activation::Step, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("step")).unwrap();
        net.set_params(&[2.0, -1.0, 3.0, 0.0]).unwrap();
        let mut ws = Workspace::new(&net);
        let mut grad = vec![0.0; 4];
        ws.forward(&net, &[1.0]);
        ws.backward(&net, 0.0, &mut grad);
        // Hidden output step(1) = 1, prediction 3, delta_out 3, hidden delta 3 * 3 = 9.
        assert_eq!(grad, vec![9.0, 9.0, 3.0, 3.0]);
    }
}
