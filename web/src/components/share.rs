//! The Share panel: the link to the current experiment (optionally with the trained weights),
//! the HTML that embeds it in a slide or a web page, model files out and in, and PNG pictures
//! for slides.

use std::collections::BTreeSet;
use std::rc::Rc;

use playground_model::{Config, Weights, encode};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::widgets::FileButton;
use crate::files::copy_text;

/// Controls an embedded playground can hide, as (link key, label on the page).
pub const HIDEABLE: &[(&str, &str)] = &[
    ("problem", "Problem type"),
    ("dataset", "Dataset"),
    ("classes", "Classes"),
    ("percTrainData", "Training data (%)"),
    ("noise", "Noise"),
    ("batchSize", "Batch size"),
    ("seed", "Seed"),
    ("showTestData", "Show test data"),
    ("discretize", "Discretize output"),
    ("activation", "Activation"),
    ("learningRate", "Learning rate"),
    ("regularization", "Regularization"),
    ("regularizationRate", "Regularization rate"),
    ("optimizer", "Optimizer"),
    ("loss", "Loss"),
    ("init", "Initialization"),
    ("momentum", "Momentum"),
];

/// Pictures the page can save as PNG files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    /// The decision boundary with its points and axes.
    Boundary,
    /// The loss curve.
    LossCurve,
    /// The network diagram.
    Network,
}

impl Picture {
    /// The file name the picture is saved under.
    pub fn file_name(self) -> &'static str {
        match self {
            Picture::Boundary => "decision-boundary.png",
            Picture::LossCurve => "loss-curve.png",
            Picture::Network => "network.png",
        }
    }
}

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The settings in force.
    pub config: Config,
    /// The network's current weights and biases, for a link that carries them.
    pub weights: Rc<Weights>,
    /// The page's address without its fragment.
    pub page: AttrValue,
    /// Whether the decision boundary is on the page (its PNG can be saved).
    pub has_boundary: bool,
    /// Save the model file.
    pub on_export: Callback<()>,
    /// Load a model file the user picked.
    pub on_import: Callback<web_sys::File>,
    /// Save a picture.
    pub on_picture: Callback<Picture>,
    /// Close the panel.
    pub on_close: Callback<()>,
}

/// The Share panel.
#[function_component(SharePanel)]
pub fn share_panel(props: &Props) -> Html {
    let with_weights = use_state(|| false);
    let size = use_state(|| (960_u32, 540_u32));
    let hidden = use_state(BTreeSet::<String>::new);
    let mut config = props.config.clone();
    if *with_weights {
        config.weights = Some((*props.weights).clone());
    }
    let link = format!("{}{}", props.page, encode(&config));
    config.hidden.extend(hidden.iter().cloned());
    let embed = iframe_html(&format!("{}{}", props.page, encode(&config)), *size);
    html! {
        <section class="share panel" aria-labelledby="share-heading">
            <h2 id="share-heading">{ "Share" }</h2>
            <div class="share-part">
                <h3>{ "Link to this experiment" }</h3>
                <label class="check">
                    <input type="checkbox" checked={*with_weights}
                        onchange={toggle(&with_weights)} />
                    { "Include the trained weights" }
                </label>
                <CopyField id="share-link" label="Link" text={link} button="Copy link" />
            </div>
            <div class="share-part">
                <h3>{ "Embed in slides or a web page" }</h3>
                { size_fields(&size) }
                <fieldset class="hide-list">
                    <legend>{ "Controls to hide" }</legend>
                    { for HIDEABLE.iter().map(|&(key, label)| hide_box(&hidden, key, label)) }
                </fieldset>
                <CopyField id="share-embed" label="Embed code" text={embed}
                    button="Copy embed code" multiline=true />
            </div>
            { model_part(props) }
            { pictures_part(props) }
            <button class="secondary" onclick={props.on_close.reform(|_| ())}>
                { "Close" }
            </button>
        </section>
    }
}

/// The HTML of an iframe showing `url` at `(width, height)` CSS pixels.
pub fn iframe_html(url: &str, (width, height): (u32, u32)) -> String {
    let src = url.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe title=\"Neural-network playground\" width=\"{width}\" height=\"{height}\" \
         class=\"playground\" src=\"{src}\" style=\"border: 0\" \
         allow=\"fullscreen; clipboard-write\"></iframe>"
    )
}

/// A checkbox's handler that flips `state`.
fn toggle(state: &UseStateHandle<bool>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |_| state.set(!*state))
}

/// The embed's width and height fields.
fn size_fields(size: &UseStateHandle<(u32, u32)>) -> Html {
    let field = |id: &'static str, label: &'static str, value: u32, width: bool| {
        let size = size.clone();
        let onchange = Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Ok(asked) = input.value().parse::<u32>() else {
                return;
            };
            let value = asked.clamp(320, 3840);
            let (w, h) = *size;
            size.set(if width { (value, h) } else { (w, value) });
        });
        html! {
            <label class="size-field" for={id}>
                { label }
                <input {id} type="number" min="320" max="3840" step="10"
                    value={value.to_string()} {onchange} />
            </label>
        }
    };
    let (width, height) = **size;
    html! {
        <div class="size-fields">
            { field("embed-width", "Width (px)", width, true) }
            { field("embed-height", "Height (px)", height, false) }
        </div>
    }
}

/// One "hide this control" checkbox.
fn hide_box(hidden: &UseStateHandle<BTreeSet<String>>, key: &'static str, label: &str) -> Html {
    let onchange = {
        let hidden = hidden.clone();
        Callback::from(move |_| {
            let mut keys = (*hidden).clone();
            if !keys.remove(key) {
                keys.insert(key.to_string());
            }
            hidden.set(keys);
        })
    };
    html! {
        <label class="check">
            <input type="checkbox" checked={hidden.contains(key)} {onchange} />
            { label }
        </label>
    }
}

/// Model files: export and import.
fn model_part(props: &Props) -> Html {
    html! {
        <div class="share-part">
            <h3>{ "Model file" }</h3>
            <p class="explain">{ "A model file keeps everything: settings, your own data, every \
                weight and bias, the optimizer's state and the epoch. Import it later, here or \
                on another computer, and training goes on exactly where it was." }</p>
            <button onclick={props.on_export.reform(|_| ())}>{ "Export model" }</button>
            <FileButton label="Import model" accept=".json,application/json"
                on_pick={props.on_import.clone()} />
        </div>
    }
}

/// PNG pictures for slides.
fn pictures_part(props: &Props) -> Html {
    let button = |picture: Picture, text: &'static str| {
        html! {
            <button onclick={props.on_picture.reform(move |_| picture)}>{ text }</button>
        }
    };
    html! {
        <div class="share-part">
            <h3>{ "Pictures for slides" }</h3>
            if props.has_boundary {
                { button(Picture::Boundary, "Save decision boundary (PNG)") }
            }
            { button(Picture::LossCurve, "Save loss curve (PNG)") }
            { button(Picture::Network, "Save network diagram (PNG)") }
        </div>
    }
}

/// Properties of [`CopyField`].
#[derive(Properties, PartialEq)]
struct CopyProps {
    id: AttrValue,
    label: AttrValue,
    text: AttrValue,
    button: AttrValue,
    #[prop_or_default]
    multiline: bool,
}

/// A read-only text with a button that copies it, and a line saying whether that worked.
#[function_component(CopyField)]
fn copy_field(props: &CopyProps) -> Html {
    let status = use_state(|| None::<&'static str>);
    let field = use_node_ref();
    let onclick = {
        let (status, text, field) = (status.clone(), props.text.to_string(), field.clone());
        Callback::from(move |_| {
            let (status, field) = (status.clone(), field.clone());
            copy_text(&text, move |copied| {
                if copied {
                    status.set(Some("Copied."));
                } else {
                    select_all(&field);
                    status.set(Some(
                        "The browser did not allow copying: press Ctrl+C (⌘C).",
                    ));
                }
            });
        })
    };
    let id = props.id.clone();
    html! {
        <div class="copy-field">
            <label for={id.clone()}>{ &props.label }</label>
            if props.multiline {
                <textarea ref={field.clone()} id={id} readonly=true rows="4"
                    value={props.text.clone()} />
            } else {
                <input ref={field.clone()} id={id} type="text" readonly=true
                    value={props.text.clone()} />
            }
            <button {onclick}>{ &props.button }</button>
            <span class="copy-status" role="status">{ status.unwrap_or("") }</span>
        </div>
    }
}

/// Selects the whole text of a field, so the user can copy it by hand.
fn select_all(field: &NodeRef) {
    if let Some(input) = field.cast::<HtmlInputElement>() {
        input.select();
    } else if let Some(area) = field.cast::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_html_escapes_the_link_and_keeps_the_size() {
        let html = iframe_html("https://x.edu/p/#v=1&a=\"b\"", (640, 360));
        assert!(html.contains("width=\"640\" height=\"360\""), "{html}");
        assert!(
            html.contains("src=\"https://x.edu/p/#v=1&amp;a=&quot;b&quot;\""),
            "{html}"
        );
    }

    #[test]
    fn every_hideable_key_is_a_key_the_link_reads() {
        for &(key, _) in HIDEABLE {
            let decoded =
                playground_model::decode(&format!("#{key}_hide=true&seed=1"), || unreachable!());
            assert!(decoded.config.hidden.contains(key), "{key}");
        }
    }
}
