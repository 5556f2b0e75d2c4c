//! The diagram's markup, frame by frame: the SVG of links and bias markers, and the squares
//! (thumbnails) laid over it. Geometry comes from [`Geometry`]; only colours, widths and
//! states change from frame to frame, so Yew's keyed diff touches few attributes.

use yew::prelude::*;

use super::NetworkView;
use super::controls::TOGGLES;
use super::geometry::{BIAS, Geometry, LinkShape, NodeShape};
use super::link::{ZERO_DASHES, is_dashed, link_colour, link_width};
use super::thumbnail::SIDE;
use crate::render::colour::diverging;

/// Width of the invisible stroke that catches pointers over a link.
const HIT_WIDTH: &str = "9";

/// The SVG: links, then their pointer catchers, then the bias markers.
pub fn svg(view: &NetworkView, geometry: &Geometry) -> Html {
    let layout = &geometry.layout;
    html! {
        <svg class="net-links" viewBox={layout.view_box()} aria-hidden="true"
            preserveAspectRatio="none">
            <g fill="none">
                { for geometry.links.iter().map(|link| link_path(view, link)) }
            </g>
            <g class="net-hits" fill="none" stroke="transparent" stroke-width={HIT_WIDTH}>
                { for geometry.links.iter().map(|link| html! {
                    <path key={link.target.as_str()} d={link.path.clone()}
                        data-target={link.target.clone()} />
                }) }
            </g>
            <g class="net-biases">
                { for geometry.nodes.iter().map(|node| bias_marker(view, node)) }
            </g>
        </svg>
    }
}

/// One link coloured and sized by its weight.
fn link_path(view: &NetworkView, link: &LinkShape) -> Html {
    let weight = view
        .weight(link.layer, link.neuron, link.input)
        .unwrap_or(f64::NAN);
    let dashes = is_dashed(weight).then_some(ZERO_DASHES);
    html! {
        <path key={link.target.as_str()} d={link.path.clone()}
            stroke={link_colour(weight).css()}
            stroke-width={format!("{:.2}", link_width(weight))}
            stroke-dasharray={dashes} />
    }
}

/// The small square at a neuron's lower-left corner, coloured by its bias.
fn bias_marker(view: &NetworkView, node: &NodeShape) -> Html {
    let bias = view.bias(node.layer, node.neuron).unwrap_or(f64::NAN);
    let (x, y) = node.bias_at;
    html! {
        <rect key={node.targets.1.as_str()} x={format!("{x:.1}")} y={format!("{y:.1}")}
            width={BIAS.to_string()} height={BIAS.to_string()}
            fill={diverging(bias).css()} data-target={node.targets.1.clone()} />
    }
}

/// The squares over the SVG: the input column, then every drawn neuron.
pub fn squares(view: &NetworkView, geometry: &Geometry, canvases: &[NodeRef]) -> Html {
    let input_count = TOGGLES.len();
    html! {
        <div class="net-nodes">
            if view.plane {
                { for geometry.input_rows.iter().enumerate().map(|(row, style)| {
                    feature_switch(view, geometry, row, style, &canvases[row])
                }) }
            } else {
                { for geometry.input_rows.iter().enumerate().map(|(row, style)| {
                    fixed_input(view, row, style)
                }) }
            }
            { for geometry.nodes.iter().map(|node| {
                neuron(view, node, &canvases[input_count + node.index])
            }) }
            { more_labels(geometry) }
        </div>
    }
}

/// A feature's switch: its label and thumbnail, pressed when the feature feeds the network.
fn feature_switch(
    view: &NetworkView,
    geometry: &Geometry,
    row: usize,
    style: &AttrValue,
    canvas: &NodeRef,
) -> Html {
    let (_, _, name, short) = TOGGLES[row];
    let on = geometry.input_of.contains(&row);
    let target = super::info::Target::Feature(row).encode();
    let thumbnail = view.domain.is_some();
    html! {
        <button key={target.clone()} type="button" class={classes!("net-input", on.then_some("on"))}
            style={style.clone()} aria-pressed={on.to_string()} data-target={target}>
            <span class="visually-hidden">{ name }</span>
            <span class="net-input-label" aria-hidden="true">{ short }</span>
            if thumbnail {
                <canvas ref={canvas.clone()} width={SIDE.to_string()}
                    height={SIDE.to_string()} />
            } else {
                <span class="net-blank" />
            }
        </button>
    }
}

/// An input of data off the plane (a pixel, the single x): a label and a blank square.
fn fixed_input(view: &NetworkView, row: usize, style: &AttrValue) -> Html {
    let name = view.source_name(0, row);
    html! {
        <div key={format!("i{row}")} class="net-input fixed" style={style.clone()}>
            <span class="net-input-label">{ name }</span>
            <span class="net-blank" />
        </div>
    }
}

/// A neuron's square: its thumbnail (or a blank), greyed and labelled when dead.
fn neuron(view: &NetworkView, node: &NodeShape, canvas: &NodeRef) -> Html {
    let (layer, index) = (node.layer, node.neuron);
    let dead = view.is_dead(layer, index);
    let zeroed = !dead && view.is_zeroed(layer, index);
    let name = view.label(super::info::Target::Neuron {
        layer,
        neuron: index,
    });
    let note = if dead {
        ", dead"
    } else if zeroed {
        ", zeroed"
    } else {
        ""
    };
    let class = classes!("neuron", dead.then_some("dead"), zeroed.then_some("zeroed"));
    html! {
        <button key={node.targets.0.as_str()} type="button" {class} style={node.style.clone()}
            aria-label={format!("{name}{note}")} data-target={node.targets.0.clone()}>
            if view.has_thumbnails() {
                <canvas ref={canvas.clone()} width={SIDE.to_string()}
                    height={SIDE.to_string()} />
            }
            if dead {
                <span class="net-badge" aria-hidden="true">{ "dead" }</span>
            }
        </button>
    }
}

/// "+N more" under the columns too tall to draw whole.
fn more_labels(geometry: &Geometry) -> Html {
    let layout = &geometry.layout;
    let columns = (0..layout.sizes.len()).filter(|&c| layout.hidden(c) > 0);
    html! {
        { for columns.map(|column| {
            let row = layout.shown(column);
            let style = layout.place_node(column, row);
            html! {
                <span key={format!("more{column}")} class="net-more" {style}>
                    { format!("+{} more", layout.hidden(column)) }
                </span>
            }
        }) }
    }
}
