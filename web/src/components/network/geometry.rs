//! The parts of the diagram that only move when the shape changes: every link's path, every
//! square's place, every bias marker's place. Built once per shape and shared by the frames.

use yew::AttrValue;

use super::info::Target;
use super::layout::{Layout, MARGIN, NODE};

/// Side of a bias marker.
pub const BIAS: f64 = 10.0;

/// One drawn link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkShape {
    /// Layer of the receiving neuron (0 = first hidden layer).
    pub layer: usize,
    /// The receiving neuron.
    pub neuron: usize,
    /// The sending input or neuron.
    pub input: usize,
    /// The SVG path.
    pub path: AttrValue,
    /// `data-target` of the link.
    pub target: AttrValue,
}

/// One drawn neuron of a hidden or output layer.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeShape {
    /// Its layer (0 = first hidden layer).
    pub layer: usize,
    /// Its index in the layer.
    pub neuron: usize,
    /// Index over all hidden and output neurons (the thumbnail's index).
    pub index: usize,
    /// CSS placing its square.
    pub style: AttrValue,
    /// Top-left corner of its bias marker.
    pub bias_at: (f64, f64),
    /// `data-target` of the neuron and of its bias.
    pub targets: (AttrValue, AttrValue),
}

/// Everything fixed by the shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// Sizes and coordinates.
    pub layout: Layout,
    /// Links between drawn neurons.
    pub links: Vec<LinkShape>,
    /// Drawn hidden and output neurons.
    pub nodes: Vec<NodeShape>,
    /// CSS placing each row of the input column (label and square together).
    pub input_rows: Vec<AttrValue>,
    /// Row of the input column of each network input.
    pub input_of: Vec<usize>,
}

impl Geometry {
    /// The geometry of a network of `sizes` units (inputs first) whose input `i` is drawn in
    /// row `input_of[i]` of an input column of `input_column` rows.
    pub fn new(sizes: &[usize], input_of: &[usize], input_column: usize) -> Geometry {
        let mut columns = sizes.to_vec();
        if let Some(first) = columns.first_mut() {
            *first = input_column;
        }
        let layout = Layout::new(&columns);
        let width = layout.x(0) + NODE / 2.0 - MARGIN;
        let input_rows = (0..layout.shown(0))
            .map(|row| {
                let top = layout.y(row) - NODE / 2.0;
                layout.place(MARGIN, top, width, NODE).into()
            })
            .collect();
        let nodes = nodes(&layout);
        let links = links(&layout, sizes, input_of);
        Geometry {
            layout,
            links,
            nodes,
            input_rows,
            input_of: input_of.to_vec(),
        }
    }
}

/// The drawn neurons of every layer after the inputs.
fn nodes(layout: &Layout) -> Vec<NodeShape> {
    let mut nodes = Vec::new();
    let mut index = 0;
    for (layer, &size) in layout.sizes.iter().enumerate().skip(1) {
        let layer = layer - 1;
        for neuron in 0..layout.shown(layer + 1) {
            let (x, y) = (layout.x(layer + 1), layout.y(neuron));
            let bias_at = (x - NODE / 2.0 - BIAS - 1.0, y + NODE / 2.0 - BIAS);
            let targets = (
                Target::Neuron { layer, neuron }.encode().into(),
                Target::Bias { layer, neuron }.encode().into(),
            );
            nodes.push(NodeShape {
                layer,
                neuron,
                index: index + neuron,
                style: layout.place_node(layer + 1, neuron).into(),
                bias_at,
                targets,
            });
        }
        index += size;
    }
    nodes
}

/// The links between drawn neurons; those of layer 0 start at their input's row.
fn links(layout: &Layout, sizes: &[usize], input_of: &[usize]) -> Vec<LinkShape> {
    let mut links = Vec::new();
    let senders = sizes.iter().take(sizes.len().saturating_sub(1));
    for (layer, &inputs) in senders.enumerate() {
        for neuron in 0..layout.shown(layer + 1) {
            for input in 0..inputs {
                let row = if layer == 0 {
                    input_of.get(input).copied().unwrap_or(input)
                } else {
                    input
                };
                if row >= layout.shown(layer) {
                    continue;
                }
                let target = Target::Weight {
                    layer,
                    neuron,
                    input,
                };
                links.push(LinkShape {
                    layer,
                    neuron,
                    input,
                    path: layout.link_path(layer, row, neuron).into(),
                    target: target.encode().into(),
                });
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heavy_network_has_every_link_and_neuron() {
        let geometry = Geometry::new(&[7, 8, 8, 8, 8, 8, 8, 1], &[0, 1, 2, 3, 4, 5, 6], 7);
        assert_eq!(geometry.links.len(), 7 * 8 + 5 * 64 + 8);
        assert_eq!(geometry.nodes.len(), 49);
        assert_eq!(geometry.nodes[48].index, 48);
        assert_eq!(geometry.input_rows.len(), 7);
    }

    #[test]
    fn inputs_start_at_their_switch_row() {
        // X1 and sin X2 are on: inputs 0 and 1 sit in rows 0 and 6.
        let geometry = Geometry::new(&[2, 1, 1], &[0, 6], 7);
        let from_sin = &geometry.links[1];
        assert_eq!((from_sin.layer, from_sin.neuron, from_sin.input), (0, 0, 1));
        let expected = geometry.layout.link_path(0, 6, 0);
        assert_eq!(from_sin.path.as_str(), expected);
        assert_eq!(from_sin.target.as_str(), "w:0:0:1");
    }

    #[test]
    fn wide_layers_draw_only_their_shown_neurons() {
        let geometry = Geometry::new(&[64, 32, 10], &[], 64);
        assert_eq!(geometry.nodes.len(), 11 + 10);
        assert_eq!(
            geometry.nodes[11].index, 32,
            "the output follows all 32 hidden units"
        );
        assert_eq!(geometry.links.len(), 11 * 11 + 10 * 11);
    }
}
