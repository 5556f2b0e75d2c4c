//! Forward and backward passes over a whole mini-batch at once, for training.
//!
//! Every buffer is unit-major with the batch's examples contiguous: value `(unit k, example s)`
//! of a batch of `b` examples sits at `k * b + s`. The inner loops then run over examples, which
//! the compiler vectorises, and each weight's gradient is summed in a register over the batch.
//!
//! The sums are taken in the same order as the one-example [`crate::Workspace`] path (examples
//! in batch order, inputs and units in index order, each starting from 0), so both give the
//! same bits: the per-example path stays the reference, and the tests compare the two.

use crate::activation::Activation;
use crate::dataset::Dataset;
use crate::math;
use crate::network::{LayerLayout, Network};

/// Rows per pass when [`BatchWorkspace::mean_loss`] scores a whole data set.
pub const LOSS_CHUNK: usize = 64;

/// Reusable buffers for batched passes over one network shape.
#[derive(Debug, Clone, Default)]
pub struct BatchWorkspace {
    /// Input block followed by every layer's outputs, unit-major.
    outputs: Vec<f64>,
    /// Every layer's pre-activations, unit-major.
    pre: Vec<f64>,
    /// Every layer's `dL/dz`, unit-major.
    delta: Vec<f64>,
    /// One example's output-layer pre-activations, outputs and error signals.
    example: Vec<f64>,
}

impl BatchWorkspace {
    /// Mean loss over `rows` of `data` and, in `grad`, the mean gradient (overwritten); the
    /// same bits as [`crate::Workspace::batch_gradient`]. Returns 0 and a zero gradient for no
    /// rows. Rows must be `< data.len()` and as wide as the network's input.
    pub fn batch_gradient(
        &mut self,
        network: &Network,
        data: &Dataset,
        rows: &[usize],
        grad: &mut [f64],
    ) -> f64 {
        grad.fill(0.0);
        let b = rows.len();
        if b == 0 {
            return 0.0;
        }

        // Forward, loss and output error signal, backward.
        self.forward(network, data, rows);
        let total = self.output_delta(network, data, rows);
        let mut unit_offset = network.neuron_count();
        for l in (0..network.layers().len()).rev() {
            unit_offset -= network.layers()[l].units;
            self.backward_layer(network, l, unit_offset, b, grad);
        }

        // Means.
        let scale = 1.0 / b as f64;
        grad.iter_mut().for_each(|g| *g *= scale);
        total * scale
    }

    /// Mean loss over every row of `data` (no penalty), in chunks of [`LOSS_CHUNK`] rows; the
    /// same bits as [`crate::Workspace::mean_loss`]. `None` for an empty set.
    pub fn mean_loss(&mut self, network: &Network, data: &Dataset) -> Option<f64> {
        if data.is_empty() {
            return None;
        }
        let objective = network.spec().objective;
        let k = network.output_count();
        let start = network.neuron_count() - k;
        let out_start = network.input_count() + start;
        let mut rows = Vec::with_capacity(LOSS_CHUNK.min(data.len()));
        let mut total = 0.0;
        for first in (0..data.len()).step_by(LOSS_CHUNK) {
            rows.clear();
            rows.extend(first..(first + LOSS_CHUNK).min(data.len()));
            let b = rows.len();
            self.forward(network, data, &rows);
            let (z, rest) = self.example.split_at_mut(k);
            let out = &mut rest[..k];
            for (s, &row) in rows.iter().enumerate() {
                for j in 0..k {
                    z[j] = self.pre[(start + j) * b + s];
                    out[j] = self.outputs[(out_start + j) * b + s];
                }
                total += objective.loss(z, out, data.targets[row]);
            }
        }
        Some(total / data.len() as f64)
    }

    /// Runs every layer over the examples `rows` (at least one).
    fn forward(&mut self, network: &Network, data: &Dataset, rows: &[usize]) {
        let b = rows.len();
        self.fit(network, b);

        // Inputs, unit-major.
        let inputs = network.input_count();
        for (s, &row) in rows.iter().enumerate() {
            for (i, &x) in data.row(row).iter().enumerate().take(inputs) {
                self.outputs[i * b + s] = x;
            }
        }

        // Layer by layer.
        let last = network.layers().len() - 1;
        let mut unit_offset = 0;
        for (l, layer) in network.layers().iter().enumerate() {
            self.forward_layer(network, layer, unit_offset, b, l == last);
            unit_offset += layer.units;
        }
    }

    /// Sizes the buffers for `network` and a batch of `b`.
    fn fit(&mut self, network: &Network, b: usize) {
        let units = network.neuron_count();
        self.outputs
            .resize((network.input_count() + units) * b, 0.0);
        self.pre.resize(units * b, 0.0);
        self.delta.resize(units * b, 0.0);
        self.example.resize(3 * network.output_count(), 0.0);
    }

    /// One layer's `z = W a + b` and `a = f(z)` for every example; `offset` is the layer's
    /// first unit (counting hidden and output units).
    fn forward_layer(
        &mut self,
        network: &Network,
        layer: &LayerLayout,
        offset: usize,
        b: usize,
        output_layer: bool,
    ) {
        let params = network.params();
        let weights = &params[layer.weights()];
        let biases = &params[layer.biases()];
        let inputs_start = (network.input_count() + offset) * b;
        let (before, after) = self.outputs.split_at_mut(inputs_start);
        let input = &before[inputs_start - layer.inputs * b..];
        let out = &mut after[..layer.units * b];
        let pre = &mut self.pre[offset * b..(offset + layer.units) * b];

        // Pre-activations: z_js = (sum_i w_ji a_is) + b_j.
        let rows = weights.chunks_exact(layer.inputs).zip(biases);
        for ((w_row, bias), z) in rows.zip(pre.chunks_exact_mut(b)) {
            z.fill(0.0);
            for (&w, a) in w_row.iter().zip(input.chunks_exact(b)) {
                z.iter_mut().zip(a).for_each(|(z_s, a_s)| *z_s += w * a_s);
            }
            z.iter_mut().for_each(|z_s| *z_s += bias);
        }

        // Activations.
        if output_layer {
            activate_outputs(network, pre, out, &mut self.example, b);
        } else if network.spec().activation == Activation::Tanh {
            math::tanh_slice(pre, out);
        } else {
            let activation = network.spec().activation;
            out.iter_mut()
                .zip(pre.iter())
                .for_each(|(a, &z)| *a = activation.apply(z));
        }
    }

    /// Each example's loss and output error signal; returns the summed loss.
    fn output_delta(&mut self, network: &Network, data: &Dataset, rows: &[usize]) -> f64 {
        let objective = network.spec().objective;
        let (b, k) = (rows.len(), network.output_count());
        let start = network.neuron_count() - k;
        let out_start = network.input_count() + start;
        let (z, rest) = self.example.split_at_mut(k);
        let (out, delta) = rest.split_at_mut(k);
        let mut total = 0.0;
        for (s, &row) in rows.iter().enumerate() {
            for j in 0..k {
                z[j] = self.pre[(start + j) * b + s];
                out[j] = self.outputs[(out_start + j) * b + s];
            }
            let target = data.targets[row];
            total += objective.loss(z, out, target);
            objective.output_delta(out, target, delta);
            for (j, &d) in delta.iter().enumerate() {
                self.delta[(start + j) * b + s] = d;
            }
        }
        total
    }

    /// Adds layer `l`'s gradients (summed over the batch) and, for `l > 0`, fills the error
    /// signal of layer `l - 1`.
    fn backward_layer(
        &mut self,
        network: &Network,
        l: usize,
        offset: usize,
        b: usize,
        grad: &mut [f64],
    ) {
        let layer = network.layers()[l];
        let weights = &network.params()[layer.weights()];
        let inputs_start = (network.input_count() + offset) * b;
        let input = &self.outputs[inputs_start - layer.inputs * b..inputs_start];
        let (delta_before, delta_here) = self.delta.split_at_mut(offset * b);
        let delta = &delta_here[..layer.units * b];
        let weight_count = layer.bias_offset - layer.weight_offset;
        let (grad_w, grad_b) = grad[layer.weight_offset..].split_at_mut(weight_count);

        // dL/db_j = sum_s delta_js; dL/dW_ji = sum_s delta_js a_is.
        for (j, d) in delta.chunks_exact(b).enumerate() {
            grad_b[j] = d.iter().fold(grad_b[j], |g, d_s| g + d_s);
            let g_row = &mut grad_w[j * layer.inputs..(j + 1) * layer.inputs];
            for (g, a) in g_row.iter_mut().zip(input.chunks_exact(b)) {
                *g = d.iter().zip(a).fold(*g, |sum, (d_s, a_s)| sum + d_s * a_s);
            }
        }
        if l == 0 {
            return;
        }

        // Error signal of the layer below: (W^T delta) * f'(z).
        let below = &mut delta_before[(offset - layer.inputs) * b..];
        below.fill(0.0);
        for (w_row, d) in weights
            .chunks_exact(layer.inputs)
            .zip(delta.chunks_exact(b))
        {
            for (&w, below_i) in w_row.iter().zip(below.chunks_exact_mut(b)) {
                below_i.iter_mut().zip(d).for_each(|(v, d_s)| *v += w * d_s);
            }
        }
        let pre = &self.pre[(offset - layer.inputs) * b..offset * b];
        network
            .spec()
            .activation
            .scale_by_derivative(pre, input, below);
    }
}

/// The objective's output function for every example (softmax gathers each example's units).
fn activate_outputs(network: &Network, pre: &[f64], out: &mut [f64], temp: &mut [f64], b: usize) {
    let objective = network.spec().objective;
    let k = network.output_count();
    if k == 1 {
        for (a, &z) in out.iter_mut().zip(pre) {
            objective.activate(&[z], std::slice::from_mut(a));
        }
        return;
    }
    let (z, rest) = temp.split_at_mut(k);
    let p = &mut rest[..k];
    for s in 0..b {
        (0..k).for_each(|j| z[j] = pre[j * b + s]);
        objective.activate(z, p);
        (0..k).for_each(|j| out[j * b + s] = p[j]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backprop::Workspace;
    use crate::dataset::Task;
    use crate::init::{Init, uniform};
    use crate::loss::Objective;
    use crate::network::NetworkSpec;
    use crate::rng::rng_from_seed;

    /// Random data: 7 rows of 3 inputs with targets valid for `objective`.
    fn data_for(objective: Objective) -> Dataset {
        let mut rng = rng_from_seed("batch data");
        let inputs: Vec<f64> = (0..21).map(|_| uniform(&mut rng, -3.0, 3.0)).collect();
        let targets = (0..7)
            .map(|i| match objective.classes() {
                Some(classes) => (i % classes) as f64,
                None => uniform(&mut rng, -1.0, 1.0),
            })
            .collect();
        Dataset::new(inputs, 3, targets, Task::Regression, None).unwrap()
    }

    #[test]
    fn batched_gradient_is_bit_identical_to_the_per_example_path() {
        let objectives = [
            Objective::TanhSquared,
            Objective::SigmoidCrossEntropy,
            Objective::SoftmaxCrossEntropy { classes: 4 },
            Objective::LinearSquared,
        ];
        let mut batch = BatchWorkspace::default();
        for activation in Activation::ALL {
            for objective in objectives {
                let data = data_for(objective);
                let spec = NetworkSpec::new(3, vec![5, 4], activation, objective);
                let net = Network::new(spec, Init::Glorot, &mut rng_from_seed("b")).unwrap();
                for rows in [&[3usize][..], &[0, 6, 2, 2, 5], &[0, 1, 2, 3, 4, 5, 6]] {
                    let mut expected = vec![0.0; net.param_count()];
                    let loss =
                        Workspace::new(&net).batch_gradient(&net, &data, rows, &mut expected);
                    let mut got = vec![1.0; net.param_count()];
                    let batch_loss = batch.batch_gradient(&net, &data, rows, &mut got);
                    assert_eq!(
                        batch_loss.to_bits(),
                        loss.to_bits(),
                        "{activation:?} {objective:?}"
                    );
                    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                    assert_eq!(bits(&got), bits(&expected), "{activation:?} {objective:?}");
                }
            }
        }
    }

    #[test]
    fn batched_mean_loss_is_bit_identical_to_the_per_example_path() {
        let objective = Objective::SoftmaxCrossEntropy { classes: 3 };
        let spec = NetworkSpec::new(3, vec![4], Activation::Relu, objective);
        let net = Network::new(spec, Init::Glorot, &mut rng_from_seed("l")).unwrap();
        let mut rng = rng_from_seed("loss data");
        let n = 2 * LOSS_CHUNK + 5;
        let inputs: Vec<f64> = (0..3 * n).map(|_| uniform(&mut rng, -3.0, 3.0)).collect();
        let targets = (0..n).map(|i| (i % 3) as f64).collect();
        let data = Dataset::new(inputs, 3, targets, Task::Regression, None).unwrap();
        let expected = Workspace::new(&net).mean_loss(&net, &data).unwrap();
        let got = BatchWorkspace::default().mean_loss(&net, &data).unwrap();
        assert_eq!(got.to_bits(), expected.to_bits());
        let empty = Dataset::new(vec![], 3, vec![], Task::Regression, None).unwrap();
        assert_eq!(BatchWorkspace::default().mean_loss(&net, &empty), None);
    }

    #[test]
    fn an_empty_batch_gives_zero() {
        let spec = NetworkSpec::new(3, vec![2], Activation::Tanh, Objective::LinearSquared);
        let net = Network::new(spec, Init::Glorot, &mut rng_from_seed("e")).unwrap();
        let mut grad = vec![5.0; net.param_count()];
        let data = data_for(Objective::LinearSquared);
        assert_eq!(
            BatchWorkspace::default().batch_gradient(&net, &data, &[], &mut grad),
            0.0
        );
        assert!(grad.iter().all(|g| *g == 0.0));
    }
}
