//! Dead units: hidden ReLU-like units whose output is 0 on every training point (their
//! pre-activation is never positive), so they pass no gradient and never recover.
//!
//! Only ReLU, leaky ReLU and step units are checked: for them the output is at most 0 exactly
//! when the pre-activation is. The check runs the engine's forward pass over the training rows
//! and stops as soon as every unit has been seen alive, so a healthy network costs a few rows.

use std::cell::RefCell;

use nn_core::{Activation, Dataset, Network, Workspace};

/// Largest `rows x parameters` checked on every redraw; bigger networks are checked every
/// [`SLOW_EVERY`] epochs (and whenever the epoch does not move: an edit, a reset).
const EVERY_FRAME_COST: usize = 2_000_000;
/// Epochs between two checks of a big network.
const SLOW_EVERY: u64 = 10;

/// Whether the units of `activation` can die (output 0 on every input).
pub fn can_die(activation: Activation) -> bool {
    matches!(
        activation,
        Activation::Relu | Activation::LeakyRelu | Activation::Step
    )
}

/// Marks in `dead` (one flag per hidden unit, hidden layers in order) the units whose output
/// is at most 0 on every row of `inputs`. Nothing is dead without rows to judge by, or when the
/// activation cannot die.
pub fn find_dead_units(
    network: &Network,
    inputs: &Dataset,
    workspace: &mut Workspace,
    dead: &mut Vec<bool>,
) {
    let hidden = network.layers().len() - 1;
    let units: usize = network.layers()[..hidden].iter().map(|l| l.units).sum();
    dead.clear();
    dead.resize(units, false);
    if inputs.is_empty() || !can_die(network.spec().activation) {
        return;
    }
    dead.fill(true);
    let mut alive = 0;
    for row in 0..inputs.len() {
        workspace.forward(network, inputs.row(row));
        let mut k = 0;
        for layer in 0..hidden {
            for &output in workspace.layer_output(layer) {
                if dead[k] && output > 0.0 {
                    dead[k] = false;
                    alive += 1;
                }
                k += 1;
            }
        }
        if alive == units {
            return;
        }
    }
}

/// What the last check found, with its buffers.
#[derive(Default)]
struct Cache {
    workspace: Option<Workspace>,
    epoch: Option<u64>,
    dead: Vec<bool>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The dead units of `network` trained for `epoch` epochs on `inputs` (see
/// [`find_dead_units`]); big networks are re-checked only every few epochs.
pub fn dead_units(network: &Network, inputs: &Dataset, epoch: u64) -> Vec<bool> {
    if !can_die(network.spec().activation) {
        return Vec::new();
    }
    CACHE.with_borrow_mut(|cache| {
        let cost = inputs.len() * network.param_count();
        let units = network.neuron_count() - network.output_count();
        let due = match cache.epoch {
            _ if cost <= EVERY_FRAME_COST || cache.dead.len() != units => true,
            Some(last) => epoch <= last || epoch >= last + SLOW_EVERY,
            None => true,
        };
        if due {
            let workspace = match cache.workspace.take() {
                Some(ws) if ws.fits(network) => ws,
                _ => Workspace::new(network),
            };
            let workspace = cache.workspace.insert(workspace);
            find_dead_units(network, inputs, workspace, &mut cache.dead);
            cache.epoch = Some(epoch);
        }
        cache.dead.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nn_core::rng::rng_from_seed;
    use nn_core::{Init, NetworkSpec, Objective, Task};

    /// C04's network: one hidden ReLU unit with w = [-1, -1], b = -0.5, and a second unit
    /// w = [1, 0], b = 0, feeding a linear output.
    fn c04_network(activation: Activation) -> Network {
        let spec = NetworkSpec::new(2, vec![2], activation, Objective::LinearSquared);
        let mut net = Network::new(spec, Init::Zero, &mut rng_from_seed("c04")).unwrap();
        net.set_params(&[-1.0, -1.0, 1.0, 0.0, -0.5, 0.0, 1.0, 1.0, 0.0])
            .unwrap();
        net
    }

    /// C04's training inputs.
    fn c04_inputs() -> Dataset {
        let inputs = vec![0.0, 0.0, 1.0, 1.0, 0.2, 0.9, 0.7, 0.1];
        Dataset::new(inputs, 2, vec![0.0; 4], Task::Regression, None).unwrap()
    }

    fn dead_of(net: &Network, inputs: &Dataset) -> Vec<bool> {
        let mut dead = Vec::new();
        find_dead_units(net, inputs, &mut Workspace::new(net), &mut dead);
        dead
    }

    #[test]
    fn c04_the_negative_relu_unit_is_dead_and_the_other_is_not() {
        let net = c04_network(Activation::Relu);
        assert_eq!(dead_of(&net, &c04_inputs()), [true, false]);
        assert_eq!(dead_units(&net, &c04_inputs(), 0), [true, false]);
    }

    #[test]
    fn leaky_and_step_units_die_the_same_way_but_tanh_units_do_not() {
        for activation in [Activation::LeakyRelu, Activation::Step] {
            let net = c04_network(activation);
            assert_eq!(
                dead_of(&net, &c04_inputs()),
                [true, false],
                "{activation:?}"
            );
        }
        let tanh = c04_network(Activation::Tanh);
        assert_eq!(dead_of(&tanh, &c04_inputs()), [false, false]);
        assert!(dead_units(&tanh, &c04_inputs(), 0).is_empty());
    }

    #[test]
    fn a_unit_positive_on_one_point_is_alive_and_no_rows_means_no_verdict() {
        let mut net = c04_network(Activation::Relu);
        // z = -x1 - x2 + 1.5 is positive at (0, 0) only.
        net.set_bias(0, 0, 1.5).unwrap();
        assert_eq!(dead_of(&net, &c04_inputs()), [false, false]);
        let empty = Dataset::new(vec![], 2, vec![], Task::Regression, None).unwrap();
        assert_eq!(dead_of(&net, &empty), [false, false]);
    }
}
