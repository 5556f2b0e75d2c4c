//! The output of every neuron over a grid of the input domain, in one pass: decision-boundary
//! heatmaps and per-neuron thumbnails.
//!
//! The grid has `resolution x resolution` cells; each is evaluated at its centre:
//! `x1 = x1_min + (col + 1/2) (x1_max - x1_min) / resolution`, and rows run **top to bottom**,
//! `x2 = x2_max - (row + 1/2) (x2_max - x2_min) / resolution`, so row 0 is the top of a picture.
//! A feature map turns each point `(x1, x2)` into the network's inputs, so the same grid serves
//! any choice of features. Nothing is allocated per grid point.

use serde::{Deserialize, Serialize};

use crate::activation::Activation;
use crate::backprop::Workspace;
use crate::dataset::Domain;
use crate::math;
use crate::network::Network;

/// Every neuron's output at every grid point.
///
/// Shapes: `values` holds one block of `points()` values per neuron, neurons in network order
/// (first hidden layer's units, ..., output units); within a block, point `row * resolution +
/// col` (a 1-D line has a single row).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GridOutputs {
    /// Cells per side (or points on the line).
    pub resolution: usize,
    /// Number of rows: `resolution` for a 2-D grid, 1 for a line.
    pub rows: usize,
    /// Units per layer, hidden layers first, output layer last.
    pub layer_sizes: Vec<usize>,
    /// The outputs, as described above.
    pub values: Vec<f64>,
}

impl GridOutputs {
    /// Number of grid points per neuron.
    pub fn points(&self) -> usize {
        self.rows * self.resolution
    }

    /// Outputs of neuron `index` counted over all layers; empty when out of range.
    pub fn neuron(&self, index: usize) -> &[f64] {
        let n = self.points();
        self.values.get(index * n..(index + 1) * n).unwrap_or(&[])
    }

    /// Outputs of unit `unit` of `layer` (0 = first hidden layer); empty when out of range.
    pub fn layer_neuron(&self, layer: usize, unit: usize) -> &[f64] {
        match self.layer_sizes.get(layer) {
            Some(&size) if unit < size => {
                self.neuron(self.layer_sizes[..layer].iter().sum::<usize>() + unit)
            }
            _ => &[],
        }
    }

    /// Outputs of output unit `unit` (the decision-boundary heatmap for unit 0).
    pub fn output(&self, unit: usize) -> &[f64] {
        self.layer_neuron(self.layer_sizes.len().saturating_sub(1), unit)
    }
}

/// Centre of cell `index` of `resolution` cells spanning `[min, max]`.
pub fn cell_centre(min: f64, max: f64, resolution: usize, index: usize) -> f64 {
    min + (index as f64 + 0.5) * (max - min) / resolution as f64
}

/// Evaluates every neuron over a `resolution x resolution` grid of `domain`.
/// `features(x1, x2, inputs)` fills the network's `input_count()` inputs.
pub fn evaluate_grid<F>(
    network: &Network,
    domain: &Domain,
    resolution: usize,
    features: F,
) -> GridOutputs
where
    F: Fn(f64, f64, &mut [f64]),
{
    let mut grid = GridOutputs::default();
    let mut ws = Workspace::new(network);
    evaluate_grid_into(network, domain, resolution, features, &mut ws, &mut grid);
    grid
}

/// [`evaluate_grid`] into caller-owned buffers, reused from frame to frame.
///
/// Points are evaluated a row at a time, every layer over the whole row before the next
/// (neuron-major, so the inner loops run over contiguous points and vectorise); the sums are
/// taken in the same order as [`Workspace::forward`], so each value is bit-identical to a
/// single-point forward pass.
pub fn evaluate_grid_into<F>(
    network: &Network,
    domain: &Domain,
    resolution: usize,
    features: F,
    ws: &mut Workspace,
    grid: &mut GridOutputs,
) where
    F: Fn(f64, f64, &mut [f64]),
{
    prepare(network, resolution, resolution, ws, grid);
    let inputs = network.input_count();
    ws.grid_inputs.resize(inputs * resolution, 0.0);
    ws.grid_temp.resize(resolution.max(inputs), 0.0);
    for row in 0..resolution {
        let x2 = cell_centre(domain.x2_max, domain.x2_min, resolution, row);

        // The row's inputs, feature-major: grid_inputs[i * resolution + col].
        for col in 0..resolution {
            let x1 = cell_centre(domain.x1_min, domain.x1_max, resolution, col);
            features(x1, x2, &mut ws.grid_temp[..inputs]);
            for (i, &value) in ws.grid_temp[..inputs].iter().enumerate() {
                ws.grid_inputs[i * resolution + col] = value;
            }
        }

        // Every layer over the row.
        forward_row(network, row, ws, grid);
    }
}

/// Where one row of points sits inside every neuron's block of `GridOutputs::values`.
#[derive(Clone, Copy)]
struct RowSpan {
    /// Index of the row's first point within a block.
    start: usize,
    /// Points in the row.
    len: usize,
    /// Length of a block (points per neuron).
    stride: usize,
}

impl RowSpan {
    /// Index range of the row in the block of neuron `k` (counted from some base block).
    fn in_block(self, k: usize) -> std::ops::Range<usize> {
        let first = k * self.stride + self.start;
        first..first + self.len
    }
}

/// Runs all layers over one row of points whose inputs are in `ws.grid_inputs`, writing each
/// unit's outputs into its block of `grid.values`.
fn forward_row(network: &Network, row: usize, ws: &mut Workspace, grid: &mut GridOutputs) {
    let n = grid.resolution;
    let span = RowSpan {
        start: row * n,
        len: n,
        stride: grid.points(),
    };
    let last = network.layers().len() - 1;
    let mut block = 0;
    for (l, layer) in network.layers().iter().enumerate() {
        let (earlier, here) = grid.values.split_at_mut(block * span.stride);
        let input_of = |i: usize| -> &[f64] {
            if l == 0 {
                &ws.grid_inputs[i * n..(i + 1) * n]
            } else {
                &earlier[span.in_block(block - layer.inputs + i)]
            }
        };

        // Pre-activations z_j = (sum_i w_ji a_i) + b_j for every point of the row.
        let weights = &network.params()[layer.weights()];
        let biases = &network.params()[layer.biases()];
        for (j, (w_row, bias)) in weights.chunks_exact(layer.inputs).zip(biases).enumerate() {
            let z = &mut here[span.in_block(j)];
            z.fill(0.0);
            for (i, &w) in w_row.iter().enumerate() {
                for (z_p, &a_p) in z.iter_mut().zip(input_of(i)) {
                    *z_p += w * a_p;
                }
            }
            z.iter_mut().for_each(|z_p| *z_p += bias);
        }

        // Activations, in place.
        let units = &mut here[..layer.units * span.stride];
        activate_row(network, l == last, span, units, &mut ws.grid_temp);
        block += layer.units;
    }
}

/// Applies the hidden activation (or the objective's output function) to one row of every
/// block in `blocks` (one block per unit of the layer). `temp` holds at least `span.len`.
fn activate_row(
    network: &Network,
    output_layer: bool,
    span: RowSpan,
    blocks: &mut [f64],
    temp: &mut Vec<f64>,
) {
    let units = blocks.len() / span.stride.max(1);
    let objective = network.spec().objective;
    if output_layer && objective.outputs() > 1 {
        // Softmax mixes units: gather each point's pre-activations, then scatter back.
        if temp.len() < 2 * units {
            temp.resize(2 * units, 0.0);
        }
        let (z, out) = temp[..2 * units].split_at_mut(units);
        for p in span.start..span.start + span.len {
            (0..units).for_each(|j| z[j] = blocks[j * span.stride + p]);
            objective.activate(z, out);
            (0..units).for_each(|j| blocks[j * span.stride + p] = out[j]);
        }
        return;
    }
    let activation = network.spec().activation;
    for j in 0..units {
        let z = &mut blocks[span.in_block(j)];
        if output_layer {
            z.iter_mut()
                .for_each(|v| objective.activate(&[*v], std::slice::from_mut(v)));
        } else if activation == Activation::Tanh {
            temp[..span.len].copy_from_slice(z);
            math::tanh_slice(&temp[..span.len], z);
        } else {
            z.iter_mut().for_each(|v| *v = activation.apply(*v));
        }
    }
}

/// Every neuron over `resolution` points of the line `x1` in `[x1_min, x1_max]` (1-D
/// regression); `features(x1, inputs)` fills the inputs. The result has one row.
pub fn evaluate_line<F>(
    network: &Network,
    x1_min: f64,
    x1_max: f64,
    resolution: usize,
    features: F,
) -> GridOutputs
where
    F: Fn(f64, &mut [f64]),
{
    let mut grid = GridOutputs::default();
    let mut ws = Workspace::new(network);
    prepare(network, resolution, 1, &mut ws, &mut grid);
    let mut inputs = vec![0.0; network.input_count()];
    for col in 0..resolution {
        features(cell_centre(x1_min, x1_max, resolution, col), &mut inputs);
        ws.forward(network, &inputs);
        scatter(ws.neuron_outputs(), col, &mut grid);
    }
    grid
}

/// Sizes the buffers for `network` and the grid.
fn prepare(
    network: &Network,
    resolution: usize,
    rows: usize,
    ws: &mut Workspace,
    grid: &mut GridOutputs,
) {
    if !ws.fits(network) {
        *ws = Workspace::new(network);
    }
    grid.resolution = resolution;
    grid.rows = rows;
    grid.layer_sizes.clear();
    grid.layer_sizes
        .extend(network.layers().iter().map(|l| l.units));
    // Every value is overwritten, so an unchanged size needs no clearing.
    grid.values
        .resize(network.neuron_count() * rows * resolution, 0.0);
}

/// Copies one point's neuron outputs into their blocks.
#[inline]
fn scatter(outputs: &[f64], point: usize, grid: &mut GridOutputs) {
    let stride = grid.points();
    for (k, &value) in outputs.iter().enumerate() {
        grid.values[k * stride + point] = value;
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

    fn identity_features(x1: f64, x2: f64, inputs: &mut [f64]) {
        inputs[0] = x1;
        inputs[1] = x2;
    }

    #[test]
    fn cells_are_centred_and_rows_run_top_down() {
        assert_eq!(cell_centre(-6.0, 6.0, 4, 0), -4.5);
        // Output = x1 + 10 x2 (linear regression, no hidden layer).
        let spec = NetworkSpec::new(2, vec![], Activation::Linear, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("g")).unwrap();
        net.set_params(&[1.0, 10.0, 0.0]).unwrap();
        let grid = evaluate_grid(&net, &Domain::square(1.0), 2, identity_features);
        assert_eq!(grid.output(0), &[4.5, 5.5, -5.5, -4.5]);
    }

    #[test]
    fn every_neuron_matches_a_single_forward_pass() {
        let spec = NetworkSpec::new(2, vec![3, 2], Activation::Tanh, Objective::TanhSquared);
        let net = Network::new(spec, Init::PlaygroundUniform, &mut rng_from_seed("g")).unwrap();
        let domain = Domain::square(6.0);
        let grid = evaluate_grid(&net, &domain, 5, identity_features);
        assert_eq!(grid.values.len(), 6 * 25);
        let (row, col) = (1, 3);
        let x1 = cell_centre(-6.0, 6.0, 5, col);
        let x2 = cell_centre(6.0, -6.0, 5, row);
        let mut ws = Workspace::new(&net);
        ws.forward(&net, &[x1, x2]);
        for k in 0..6 {
            assert_eq!(grid.neuron(k)[row * 5 + col], ws.neuron_outputs()[k]);
        }
        assert_eq!(grid.layer_neuron(1, 1), grid.neuron(4));
        assert!(grid.layer_neuron(1, 2).is_empty());
    }

    #[test]
    fn softmax_and_relu_grids_match_single_forward_passes_bit_for_bit() {
        let objective = Objective::SoftmaxCrossEntropy { classes: 3 };
        let spec = NetworkSpec::new(3, vec![4], Activation::Relu, objective);
        let net = Network::new(spec, Init::Glorot, &mut rng_from_seed("soft")).unwrap();
        let square = |x1: f64, x2: f64, inputs: &mut [f64]| {
            inputs.copy_from_slice(&[x1, x2, x1 * x2]);
        };
        let grid = evaluate_grid(&net, &Domain::square(3.0), 7, square);
        let mut ws = Workspace::new(&net);
        let mut inputs = [0.0; 3];
        for (row, col) in [(0, 0), (3, 5), (6, 2)] {
            square(
                cell_centre(-3.0, 3.0, 7, col),
                cell_centre(3.0, -3.0, 7, row),
                &mut inputs,
            );
            ws.forward(&net, &inputs);
            for k in 0..7 {
                assert_eq!(
                    grid.neuron(k)[row * 7 + col].to_bits(),
                    ws.neuron_outputs()[k].to_bits()
                );
            }
        }
    }

    #[test]
    fn line_evaluation_has_one_row() {
        let spec = NetworkSpec::new(1, vec![], Activation::Linear, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("g")).unwrap();
        net.set_params(&[2.0, 1.0]).unwrap();
        let line = evaluate_line(&net, 0.0, 4.0, 4, |x, inputs| inputs[0] = x);
        assert_eq!(line.rows, 1);
        assert_eq!(line.output(0), &[2.0, 4.0, 6.0, 8.0]);
    }
}
