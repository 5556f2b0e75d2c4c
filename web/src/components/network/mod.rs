//! The network diagram: input features, hidden layers and output, each neuron with a thumbnail
//! of its output over the input domain, and links whose width and colour show the weights.

use std::rc::Rc;

use nn_core::grid::GridOutputs;
use playground_model::{Config, Session, Weights};
use yew::prelude::*;

/// What the diagram shows, derived from the session once per redraw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NetworkView {
    /// Weights and biases of every layer.
    pub weights: Weights,
}

impl NetworkView {
    /// The diagram of `session`; `grid` holds every neuron's outputs over the decision
    /// boundary's grid (empty when the data are not drawable in the plane).
    pub fn from_session(session: &Session, _grid: &GridOutputs) -> Self {
        NetworkView {
            weights: session.weights(),
        }
    }
}

/// Properties of [`NetworkDiagram`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The picture to draw.
    pub view: Rc<NetworkView>,
    /// The settings in force (features, shape).
    pub config: Config,
    /// Called with the new settings when the shape or the features change.
    pub on_configure: Callback<Config>,
    /// Called with (layer, neuron, input, value) when the user sets a weight.
    pub on_set_weight: Callback<(usize, usize, usize, f64)>,
    /// Called with (layer, neuron, value) when the user sets a bias.
    pub on_set_bias: Callback<(usize, usize, f64)>,
}

/// The network diagram.
#[function_component(NetworkDiagram)]
pub fn network_diagram(_props: &Props) -> Html {
    html! {}
}
