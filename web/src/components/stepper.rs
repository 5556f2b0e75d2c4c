//! "Step through one example": the panel that walks one training example through the network,
//! forward, loss, backward and update, with the numbers in tables and the steps in sentences.
//! The words come from `playground_model::step_text`; this file only lays them out.

use std::rc::Rc;

use playground_model::step_text::{StageText, Table};
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

/// The panel's accessible name and heading.
pub const TITLE: &str = "Step through one example";

/// Properties of [`StepperPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// What the stage shows.
    pub text: Rc<StageText>,
    /// Whether Back can go back.
    pub can_go_back: bool,
    /// Whether the update can still be applied to this example.
    pub can_apply: bool,
    /// Shows the next stage.
    pub on_next: Callback<()>,
    /// Shows the stage before.
    pub on_back: Callback<()>,
    /// Applies the example's update to the weights.
    pub on_apply: Callback<()>,
    /// Leaves the mode.
    pub on_close: Callback<()>,
    /// Index of the example shown (0-based) in the training split.
    pub example: usize,
    /// Number of training examples.
    pub examples: usize,
    /// Starts again at the chosen example (0-based index).
    pub on_choose: Callback<usize>,
}

/// The stepper's panel, a region named by its heading; Next takes the focus when it opens.
#[function_component(StepperPanel)]
pub fn stepper_panel(props: &Props) -> Html {
    let next = use_node_ref();
    {
        let next = next.clone();
        use_effect_with((), move |_| {
            if let Some(button) = next.cast::<HtmlElement>()
                && button.focus().is_err()
            {
                log::warn!("could not focus Next");
            }
        });
    }
    let press = |callback: &Callback<()>| callback.reform(|_: MouseEvent| ());
    let text = &props.text;
    html! {
        <section class="stepper" aria-labelledby="stepper-heading">
            <h2 id="stepper-heading">{ TITLE }</h2>
            <div class="stepper-buttons" role="group" aria-label="Stepper controls">
                <button onclick={press(&props.on_back)} disabled={!props.can_go_back}>
                    { "Back" }
                </button>
                <button ref={next} onclick={press(&props.on_next)}>{ "Next" }</button>
                <button onclick={press(&props.on_apply)} disabled={!props.can_apply}>
                    { "Apply update" }
                </button>
                <button class="secondary" onclick={press(&props.on_close)}>{ "Close" }</button>
            </div>
            { view_chooser(props) }
            { view_progress(text) }
            <p class="stepper-stage" aria-live="polite">{ &text.title }</p>
            // One wrapper, so a stage with more or fewer sentences does not rebuild the buttons
            // before it (which would lose the keyboard focus).
            <div class="stepper-words">
                { for text.sentences.iter().map(|s| html! { <p class="stepper-text">{ s }</p> }) }
            </div>
            <div class="stepper-tables">
                { for text.tables.iter().map(view_table) }
            </div>
        </section>
    }
}

/// The stages of the example in order, the one shown marked (`aria-current="step"`).
fn view_progress(text: &StageText) -> Html {
    let item = |(k, label): (usize, &String)| {
        let current = (k == text.current).then_some("step");
        html! { <li aria-current={current}>{ label }</li> }
    };
    html! {
        <ol class="stepper-progress" aria-label="Stages">
            { for text.progress.iter().enumerate().map(item) }
        </ol>
    }
}

/// The "Example number" field: type a number from 1 to the number of examples.
fn view_chooser(props: &Props) -> Html {
    let examples = props.examples;
    let on_choose = props.on_choose.clone();
    let onchange = Callback::from(move |event: Event| {
        let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
            return;
        };
        match input.value().trim().parse::<usize>() {
            Ok(number) if (1..=examples).contains(&number) => on_choose.emit(number - 1),
            _ => {}
        }
    });
    html! {
        <span class="stepper-choose">
            <label for="stepper-example">{ format!("Example number (1 to {examples})") }</label>
            <input id="stepper-example" type="number" min="1" max={examples.to_string()}
                value={(props.example + 1).to_string()} {onchange} />
        </span>
    }
}

/// One table, captioned, with row and column headers; scrolls sideways on its own if wide.
fn view_table(table: &Table) -> Html {
    let columns = table.columns.iter();
    html! {
        <div class="stepper-table">
            <table>
                <caption>{ &table.caption }</caption>
                <thead>
                    <tr>{ for columns.map(|c| html! { <th scope="col">{ c }</th> }) }</tr>
                </thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row.header }</th>
                            { for row.cells.iter().map(|c| html! { <td>{ c }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            if let Some(note) = &table.note {
                <p class="stepper-note">{ note }</p>
            }
        </div>
    }
}
