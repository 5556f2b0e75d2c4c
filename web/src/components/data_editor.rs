//! The "Edit data" panel: while it is open, a click on the decision boundary adds a point of
//! the chosen class (or value) and a click on a point removes it. It also clears the points,
//! reads them from a CSV file and writes them to one.

use playground_model::config::Problem;
use playground_model::own_data::{MAX_CSV_BYTES, MAX_OWN_POINTS};
use yew::prelude::*;

use crate::components::widgets::{FileButton, Slider, format_plain};
use crate::render::colour::class_colour;

/// Properties of [`DataEditor`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Classification (a class per point) or regression (a value per point).
    pub problem: Problem,
    /// Number of classes offered.
    pub classes: usize,
    /// The class index or value new points get.
    pub label: f64,
    /// Points of the user's data, and how many of them train (the rest test).
    pub counts: (usize, usize),
    /// Choose the class or value of new points.
    pub on_label: Callback<f64>,
    /// Remove every point.
    pub on_clear: Callback<()>,
    /// Read points from a CSV file the user picked.
    pub on_import: Callback<web_sys::File>,
    /// Save the points as CSV.
    pub on_export: Callback<()>,
    /// Leave the editing mode.
    pub on_done: Callback<()>,
    /// What became of the last CSV file: the text, and whether it was refused. Shown beside
    /// the file buttons, where the eye is after picking a file.
    #[prop_or_default]
    pub file_note: Option<(AttrValue, bool)>,
}

/// The "Edit data" panel.
#[function_component(DataEditor)]
pub fn data_editor(props: &Props) -> Html {
    let (points, train) = props.counts;
    html! {
        <section class="data-editor" aria-labelledby="data-editor-heading">
            <h2 id="data-editor-heading">{ "Edit data" }</h2>
            <p class="explain">{ "Click the decision boundary to add a point of the kind chosen \
                here; click a point to remove it. The network trains on as you edit." }</p>
            { label_choice(props) }
            <p class="data-count" role="status">
                { format!("{points} point{}: {train} for training, {} for testing \
                    (Training data %).", if points == 1 { "" } else { "s" }, points - train) }
            </p>
            <div class="editor-buttons">
                <button class="secondary" onclick={props.on_clear.reform(|_| ())}
                    disabled={points == 0}>{ "Clear" }</button>
                <FileButton label="Import CSV" accept=".csv,text/csv,text/plain" secondary=true
                    on_pick={props.on_import.clone()} />
                <button class="secondary" onclick={props.on_export.reform(|_| ())}
                    disabled={points == 0}>{ "Export CSV" }</button>
                <button onclick={props.on_done.reform(|_| ())}>{ "Done" }</button>
            </div>
            if let Some((text, refused)) = props.file_note.clone() {
                if refused {
                    <p class="file-note refused" role="alert">{ text }</p>
                } else {
                    <p class="file-note" role="status">{ text }</p>
                }
            }
            <p class="explain">{ format!("A CSV file has a line per point: x1, x2 and the \
                label (a class number from 0, or for regression a value from -1 to 1), with or \
                without a header line; x1 and x2 from -6 to 6. At most {MAX_OWN_POINTS} \
                points and {} kB.", MAX_CSV_BYTES / 1000) }</p>
        </section>
    }
}

/// The class of new points as colour swatches, or their value as a slider.
fn label_choice(props: &Props) -> Html {
    if props.problem == Problem::Regression {
        let on_change = props.on_label.clone();
        return html! {
            <Slider id="new-point-value" label="Value of new points" value={props.label}
                min={-1.0} max={1.0} step={0.1} {on_change}
                format={Callback::from(|v: f64| format_plain(v))} />
        };
    }
    html! {
        <fieldset class="class-choice">
            <legend>{ "Class of new points" }</legend>
            { for (0..props.classes).map(|class| class_option(props, class)) }
        </fieldset>
    }
}

fn class_option(props: &Props, class: usize) -> Html {
    let colour = class_colour(class, props.classes).css();
    let name = class_name(class, props.classes);
    let onchange = props.on_label.reform(move |_| class as f64);
    html! {
        <label class="class-option">
            <input type="radio" name="new-point-class" checked={props.label == class as f64}
                {onchange} />
            <span class="class-swatch" style={format!("background: {colour}")} aria-hidden="true" />
            { name }
        </label>
    }
}

/// A class's name: the colours for two classes, numbers beyond.
pub fn class_name(class: usize, classes: usize) -> String {
    match (classes, class) {
        (2, 0) => "Orange (0)".into(),
        (2, _) => "Blue (1)".into(),
        _ => format!("Class {class}"),
    }
}
