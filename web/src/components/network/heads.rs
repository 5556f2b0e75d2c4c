//! The buttons and labels above the diagram: "Add hidden layer" / "Remove hidden layer" with
//! the number of hidden layers, and over each column its name and, for hidden layers, "Add
//! neuron to layer N" / "Remove neuron from layer N". Buttons are disabled at the limits.

use playground_model::Config;
use yew::prelude::*;

use super::controls::{add_layer, remove_layer, resize_layer};
use super::layout::Layout;

/// Column pitch from which there is room to write each layer's size under its name.
const ROOMY_PITCH: f64 = 100.0;

/// "3 hidden layers", "1 hidden layer", "No hidden layer".
pub fn hidden_count(layers: usize) -> String {
    match layers {
        0 => "No hidden layer".into(),
        1 => "1 hidden layer".into(),
        n => format!("{n} hidden layers"),
    }
}

/// A button that emits `change` when it gives new settings, disabled when it gives none.
fn shape_button(
    class: &'static str,
    text: Html,
    name: String,
    change: Option<Config>,
    on_configure: &Callback<Config>,
) -> Html {
    let disabled = change.is_none();
    let on_configure = on_configure.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(config) = change.clone() {
            on_configure.emit(config);
        }
    });
    html! {
        <button type="button" {class} aria-label={name} {disabled} {onclick}>{ text }</button>
    }
}

/// "Add hidden layer", "Remove hidden layer" and the count.
pub fn layer_buttons(config: &Config, on_configure: &Callback<Config>) -> Html {
    let count = config.network_shape.len();
    html! {
        <div class="net-shape">
            { shape_button("net-wide", html! { "Add hidden layer" }, "Add hidden layer".into(),
                add_layer(config), on_configure) }
            { shape_button("net-wide", html! { "Remove hidden layer" },
                "Remove hidden layer".into(), remove_layer(config), on_configure) }
            <span class="net-count">{ hidden_count(count) }</span>
        </div>
    }
}

/// The column headers: "Input", each hidden layer with its +/- buttons, "Output".
pub fn column_heads(layout: &Layout, config: &Config, on_configure: &Callback<Config>) -> Html {
    let last = layout.sizes.len().saturating_sub(1);
    let hidden = config.network_shape.len().min(last.saturating_sub(1));
    html! {
        <div class="net-heads">
            <div class="net-head" style={layout.place_column(0)}>{ "Input" }</div>
            { for (0..hidden).map(|layer| layer_head(layout, config, layer, on_configure)) }
            <div class="net-head net-last">{ "Output" }</div>
        </div>
    }
}

/// The header of hidden layer `layer` (0 = first): "Layer N" and its buttons.
fn layer_head(
    layout: &Layout,
    config: &Config,
    layer: usize,
    on_configure: &Callback<Config>,
) -> Html {
    let number = layer + 1;
    let size = config.network_shape[layer];
    let size_text = format!("{size} neuron{}", if size == 1 { "" } else { "s" });
    html! {
        <div class="net-head" key={layer} style={layout.place_column(layer + 1)}>
            if layout.pitch >= ROOMY_PITCH {
                <span>{ format!("Layer {number}") }</span>
                <span class="net-size">{ size_text }</span>
            } else {
                <span class="net-narrow">{ "Layer" }<br />{ number }</span>
            }
            <span class="net-plus-minus">
                { shape_button("net-small", html! { "+" }, format!("Add neuron to layer {number}"),
                    resize_layer(config, layer, 1), on_configure) }
                { shape_button("net-small", html! { "−" },
                    format!("Remove neuron from layer {number}"),
                    resize_layer(config, layer, -1), on_configure) }
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_reads_as_words() {
        assert_eq!(hidden_count(0), "No hidden layer");
        assert_eq!(hidden_count(1), "1 hidden layer");
        assert_eq!(hidden_count(3), "3 hidden layers");
    }
}
