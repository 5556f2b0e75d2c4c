//! The network diagram: input features, hidden layers and output, each neuron with a thumbnail
//! of its output over the input domain, and links whose width and colour show the weights.
//!
//! [`NetworkView`] is derived from the session once per redraw (thumbnails averaged down from
//! the decision boundary's grid, never a second evaluation); the component draws it, shows the
//! value under the pointer (or last tapped) from the current view, so it follows training
//! frame by frame, and lets the user type a new weight or bias.
//!
//! Parts: `layout` and `geometry` (coordinates), `link` (stroke of a weight), `thumbnail`
//! (pixels), `dead` (dead-unit check), `info` (names and values), `controls` and `heads`
//! (features and shape), `editor` (the value field), `diagram` (the markup).

mod controls;
mod dead;
mod diagram;
mod editor;
mod geometry;
mod heads;
mod info;
mod layout;
mod link;
mod thumbnail;

use std::rc::Rc;

use nn_core::Domain;
use nn_core::grid::GridOutputs;
use playground_model::{Config, Session, Weights};
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::render::canvas::{context_2d, put_pixels};
use controls::{TOGGLES, feature_name, toggle_feature};
use editor::ValueEditor;
use geometry::Geometry;
use info::{Target, editable_value};
use thumbnail::{SIDE, feature_thumbnails, neuron_thumbnails, thumbnail_pixels};

/// The plain explanation under the diagram.
const EXPLANATION: &str = "Each square shows what that neuron outputs over the plane; lines \
    are weights: blue positive, orange negative, thicker = larger. The small square at a \
    neuron's corner is its bias. Point at or tap a line or square to read its value; click a \
    line or a bias to type a new one.";
/// The explanation when the data are not drawable in the plane (no thumbnails).
const EXPLANATION_PLAIN: &str = "Lines are weights: blue positive, orange negative, thicker = \
    larger; the small square at a neuron's corner is its bias. Neurons show no picture here: \
    these data are not two-class or regression points of the plane. Point at or tap a line or \
    square to read its value; click a line or a bias to type a new one.";
/// What the info line says when nothing is pointed at.
const HINT: &str = "Point at or tap a line or a neuron to see its value.";
/// Why the last input cannot be switched off.
const LAST_INPUT: &str = "The network needs at least one input: switch another one on first.";
/// Name of a thumbnail canvas in messages.
const THUMBNAIL: &str = "neuron thumbnail";

/// What the diagram shows, derived from the session once per redraw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NetworkView {
    /// Weights and biases of every layer.
    pub weights: Weights,
    /// Units per layer: inputs first, output last.
    pub sizes: Vec<usize>,
    /// Name of each network input ("X1 squared", "pixel 3").
    pub inputs: Vec<String>,
    /// Row of the input column of each network input (its switch, for plane data).
    pub input_rows: Vec<usize>,
    /// Whether the inputs are features of points of the plane (switches are shown).
    pub plane: bool,
    /// The plane's domain, for the features' thumbnails (`None` off the plane).
    pub domain: Option<Domain>,
    /// Every hidden and output neuron's thumbnail, [`thumbnail::SIDE`]² values each, hidden
    /// layers first; empty when the data cannot be drawn in the plane.
    pub thumbs: Vec<f64>,
    /// One flag per hidden unit: dead (see `dead.rs`); empty when the activation cannot die.
    pub dead: Vec<bool>,
}

impl NetworkView {
    /// The diagram of `session`; `grid` holds every neuron's outputs over the decision
    /// boundary's grid (empty when the data are not drawable in the plane).
    pub fn from_session(session: &Session, grid: &GridOutputs) -> Self {
        let network = session.network();
        let config = session.config();
        let plane = config.is_plane_data();
        let mut sizes = vec![network.input_count()];
        sizes.extend(network.layers().iter().map(|l| l.units));
        let train = session.inputs().0;
        NetworkView {
            weights: session.weights(),
            inputs: input_names(session, plane),
            input_rows: input_rows(config, network.input_count(), plane),
            plane,
            domain: session.points().0.domain.filter(|_| plane),
            thumbs: neuron_thumbnails(grid, network.neuron_count()),
            dead: dead::dead_units(network, train, session.epoch()),
            sizes,
        }
    }

    /// Whether neurons have thumbnails.
    pub fn has_thumbnails(&self) -> bool {
        !self.thumbs.is_empty()
    }

    /// Rows of the input column: all seven switches for plane data, else one per input.
    fn input_column(&self) -> usize {
        if self.plane {
            TOGGLES.len()
        } else {
            self.sizes.first().copied().unwrap_or(0)
        }
    }
}

/// Names of the network's inputs: the features in use, the pixels, or the single x.
fn input_names(session: &Session, plane: bool) -> Vec<String> {
    let count = session.network().input_count();
    if plane {
        let features = session.features().iter();
        features.map(|f| feature_name(f).to_string()).collect()
    } else if session.config().is_digits() {
        (1..=count).map(|k| format!("pixel {k}")).collect()
    } else {
        (1..=count).map(|k| format!("X{k}")).collect()
    }
}

/// The input column's row of each network input.
fn input_rows(config: &Config, count: usize, plane: bool) -> Vec<usize> {
    let rows: Vec<usize> = TOGGLES
        .iter()
        .enumerate()
        .filter(|(_, t)| config.features.contains(&t.0))
        .map(|(row, _)| row)
        .collect();
    if plane && rows.len() == count {
        rows
    } else {
        (0..count).collect()
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

/// What the user points at, has tapped and is editing.
#[derive(Clone)]
struct Focus {
    hovered: UseStateHandle<Option<Target>>,
    selected: UseStateHandle<Option<Target>>,
    editing: UseStateHandle<Option<(Target, String)>>,
    refused: UseStateHandle<Option<&'static str>>,
}

/// The network diagram.
#[function_component(NetworkDiagram)]
pub fn network_diagram(props: &Props) -> Html {
    let view = props.view.clone();
    let focus = Focus {
        hovered: use_state_eq(|| None),
        selected: use_state_eq(|| None),
        editing: use_state_eq(|| None),
        refused: use_state_eq(|| None),
    };
    let geometry = {
        let key = (
            view.sizes.clone(),
            view.input_rows.clone(),
            view.input_column(),
        );
        use_memo(key, |(sizes, rows, column)| {
            Geometry::new(sizes, rows, *column)
        })
    };
    let features = use_memo(view.domain, |domain| {
        domain.as_ref().map(feature_thumbnails).unwrap_or_default()
    });
    let canvases = use_mut_ref(Vec::<NodeRef>::new);
    let pixels = use_mut_ref(Vec::<u8>::new);
    let neurons: usize = view.sizes.iter().skip(1).sum();
    let refs = {
        let mut canvases = canvases.borrow_mut();
        canvases.resize_with(TOGGLES.len() + neurons, NodeRef::default);
        canvases.clone()
    };
    {
        let refs = refs.clone();
        use_effect_with((view.clone(), features.clone()), move |(view, features)| {
            draw_thumbnails(view, features, &refs, &mut pixels.borrow_mut());
        });
    }
    let layout = &geometry.layout;
    html! {
        <div class="network-diagram">
            { heads::layer_buttons(&props.config, &props.on_configure) }
            <div class="net-stage" style={format!("max-width:{:.0}px", layout.width * 1.6)}>
                { heads::column_heads(layout, &props.config, &props.on_configure) }
                <div class="net-figure" style={layout.aspect_ratio()}
                    onclick={on_click(props, &focus)} onpointerover={on_hover(&focus)}
                    onpointerleave={clear_hover(&focus)}>
                    { diagram::svg(&view, &geometry) }
                    { diagram::squares(&view, &geometry, &refs) }
                </div>
            </div>
            { info_line(&view, &focus) }
            { editor(props, &focus) }
            <p class="explain net-explain">
                { if view.has_thumbnails() { EXPLANATION } else { EXPLANATION_PLAIN } }
            </p>
        </div>
    }
}

/// The diagram's target under an event, from the nearest `data-target` attribute.
fn target_of(event: &Event) -> Option<Target> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let found = element.closest("[data-target]").ok()??;
    Target::decode(&found.get_attribute("data-target")?)
}

/// Clicks and taps: switches toggle, links and biases open the editor, neurons are selected.
fn on_click(props: &Props, focus: &Focus) -> Callback<MouseEvent> {
    let (view, config) = (props.view.clone(), props.config.clone());
    let on_configure = props.on_configure.clone();
    let focus = focus.clone();
    Callback::from(move |event: MouseEvent| {
        let Some(target) = target_of(&event) else {
            return;
        };
        focus.refused.set(None);
        match target {
            Target::Feature(row) => match toggle_feature(&config, row) {
                Some(config) => on_configure.emit(config),
                None => focus.refused.set(Some(LAST_INPUT)),
            },
            Target::Weight { .. } | Target::Bias { .. } => {
                focus.selected.set(Some(target));
                open_editor(&view, &focus, target);
            }
            Target::Neuron { .. } => {
                focus.selected.set(Some(target));
                focus.editing.set(None);
            }
        }
    })
}

/// Opens the editor on a weight or bias, starting from its current value.
fn open_editor(view: &NetworkView, focus: &Focus, target: Target) {
    let value = match target {
        Target::Weight {
            layer,
            neuron,
            input,
        } => view.weight(layer, neuron, input),
        Target::Bias { layer, neuron } => view.bias(layer, neuron),
        _ => None,
    };
    if let Some(value) = value {
        focus.editing.set(Some((target, editable_value(value))));
    }
}

/// Remembers what the pointer is over.
fn on_hover(focus: &Focus) -> Callback<PointerEvent> {
    let hovered = focus.hovered.clone();
    Callback::from(move |event: PointerEvent| hovered.set(target_of(&event)))
}

/// Forgets the pointer when it leaves the diagram.
fn clear_hover(focus: &Focus) -> Callback<PointerEvent> {
    let hovered = focus.hovered.clone();
    Callback::from(move |_: PointerEvent| hovered.set(None))
}

/// The line under the diagram: the value pointed at (else the one tapped), read from the
/// current view; for a tapped neuron, ways to edit its bias and its incoming weights that
/// work from the keyboard too.
fn info_line(view: &NetworkView, focus: &Focus) -> Html {
    let shown = (*focus.hovered).or(*focus.selected);
    let text = shown.and_then(|target| view.describe(target));
    let neuron = match *focus.selected {
        Some(Target::Neuron { layer, neuron }) => Some((layer, neuron)),
        _ => None,
    };
    let edit_bias = neuron.map(|(layer, neuron)| {
        let target = Target::Bias { layer, neuron };
        let (view, focus) = (view.clone(), focus.clone());
        let label = format!("Edit {}", view.label(target).to_lowercase());
        let onclick = Callback::from(move |_: MouseEvent| open_editor(&view, &focus, target));
        html! { <button type="button" class="net-small-text" {onclick}>{ label }</button> }
    });
    let edit_weight = neuron.map(|(layer, neuron)| weight_chooser(view, focus, layer, neuron));
    html! {
        <div class="net-info-row">
            <p class="net-info">{ text.unwrap_or_else(|| HINT.to_string()) }</p>
            { for edit_bias }
            { for edit_weight }
            if let Some(message) = *focus.refused {
                <p class="net-error" role="alert">{ message }</p>
            }
        </div>
    }
}

/// A list of the weights into `neuron` of `layer`: choosing one opens its editor (the
/// diagram's links answer the pointer only).
fn weight_chooser(view: &NetworkView, focus: &Focus, layer: usize, neuron: usize) -> Html {
    let inputs = view.sizes.get(layer).copied().unwrap_or(0);
    let name = view.label(Target::Neuron { layer, neuron }).to_lowercase();
    let options = (0..inputs).map(|input| {
        let target = Target::Weight {
            layer,
            neuron,
            input,
        };
        html! { <option value={input.to_string()}>{ view.label(target) }</option> }
    });
    let (view, focus) = (view.clone(), focus.clone());
    let onchange = Callback::from(move |event: Event| {
        let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() else {
            return;
        };
        if let Ok(input) = select.value().parse::<usize>() {
            let target = Target::Weight {
                layer,
                neuron,
                input,
            };
            open_editor(&view, &focus, target);
        }
        select.set_value("");
    });
    html! {
        <select class="net-small-text" aria-label={format!("Edit a weight into {name}")}
            {onchange}>
            <option value="" selected=true>{ "Edit a weight into it\u{2026}" }</option>
            { for options }
        </select>
    }
}

/// The value field, when a weight or bias is being edited.
fn editor(props: &Props, focus: &Focus) -> Html {
    let Some((target, initial)) = (*focus.editing).clone() else {
        return html! {};
    };
    let (on_weight, on_bias) = (props.on_set_weight.clone(), props.on_set_bias.clone());
    let editing = focus.editing.clone();
    let on_apply = Callback::from(move |value: f64| {
        match target {
            Target::Weight {
                layer,
                neuron,
                input,
            } => on_weight.emit((layer, neuron, input, value)),
            Target::Bias { layer, neuron } => on_bias.emit((layer, neuron, value)),
            _ => {}
        }
        editing.set(None);
        focus_neuron(target);
    });
    let editing = focus.editing.clone();
    let on_cancel = Callback::from(move |_| {
        editing.set(None);
        focus_neuron(target);
    });
    html! {
        <ValueEditor key={target.encode()} label={props.view.label(target)}
            initial={initial} {on_apply} {on_cancel} />
    }
}

/// Gives the keyboard focus back to the button of the neuron whose weight or bias was edited,
/// so that a keyboard user goes on from where they were.
fn focus_neuron(target: Target) {
    let (Target::Weight { layer, neuron, .. } | Target::Bias { layer, neuron }) = target else {
        return;
    };
    let selector = format!(
        "button[data-target=\"{}\"]",
        Target::Neuron { layer, neuron }.encode()
    );
    let button = crate::dom::document()
        .ok()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if button.is_some_and(|b| b.focus().is_err()) {
        log::warn!("could not give the focus back to the neuron");
    }
}

/// Puts every thumbnail's pixels on its canvas: one image-data call per canvas.
fn draw_thumbnails(view: &NetworkView, features: &[f64], refs: &[NodeRef], pixels: &mut Vec<u8>) {
    let cells = SIDE * SIDE;
    let (inputs, neurons) = refs.split_at(TOGGLES.len().min(refs.len()));
    let feature_thumbs = features.chunks_exact(cells);
    let neuron_thumbs = view.thumbs.chunks_exact(cells);
    let pairs = inputs.iter().zip(feature_thumbs);
    for (canvas, values) in pairs.chain(neurons.iter().zip(neuron_thumbs)) {
        let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else {
            continue;
        };
        thumbnail_pixels(values, pixels);
        let drawn = context_2d(&canvas, THUMBNAIL)
            .and_then(|context| put_pixels(&context, THUMBNAIL, pixels, SIDE as u32));
        if let Err(err) = drawn {
            log::error!("{err}");
        }
    }
}
