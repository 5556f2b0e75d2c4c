//! Help for students and teachers: what each part of the page shows, the keyboard shortcuts,
//! the supported browsers, and the view buttons (large text, full screen).

use yew::prelude::*;

/// The keyboard shortcuts, as (keys, action). Letters work unless the focus is in a text field
/// or a list; Space only when no button, slider or checkbox has the focus (it presses those).
pub const SHORTCUTS: [(&str, &str); 3] = [
    ("Space or P", "play or pause"),
    ("S", "train one epoch (step)"),
    ("R", "reset the network"),
];

/// The words of the settings, in plain words: (word, meaning).
pub const WORDS: [(&str, &str); 8] = [
    ("Epoch", "one pass over all the training points."),
    (
        "Batch size",
        "how many points the network looks at before each change of its weights.",
    ),
    (
        "Learning rate",
        "how big each change of the weights is. Too big and training jumps about or diverges.",
    ),
    (
        "Speed",
        "how many epochs the page trains between two pictures (a frame): the top of the \
        slider trains as many as the computer manages.",
    ),
    (
        "Momentum, Nesterov",
        "SGD keeps part of its last step, like a ball rolling downhill; Nesterov looks one \
        step ahead before it adds the new slope.",
    ),
    (
        "Adam, L-BFGS",
        "optimizers that choose their own step sizes: Adam per weight from the recent \
        slopes, L-BFGS from the curvature of the last few steps (a quasi-Newton method).",
    ),
    (
        "Initialization",
        "how the weights start: Uniform draws small random numbers; Glorot (also called \
        Xavier) scales them to the number of inputs and outputs of a layer; Zero starts \
        them all at 0, so the neurons of a layer stay alike.",
    ),
    (
        "Regularization (L1, L2)",
        "a penalty on large weights that keeps the network simple: L1 pushes weights to \
        exactly zero, L2 makes them all small.",
    ),
];

/// The help panel, closed until opened.
#[function_component(Help)]
pub fn help() -> Html {
    html! {
        <details class="help">
            <summary>{ "Help and keyboard shortcuts" }</summary>
            <dl>
                <dt>{ "Data" }</dt>
                <dd>{ "The points the network learns from: training points (white rim) and, when \
                    shown, test points (dark rim) that it never trains on." }</dd>
                <dt>{ "Network" }</dt>
                <dd>{ "Inputs on the left, the hidden layers of neurons, and the output. Lines \
                    are weights: blue positive, orange negative, thicker is larger." }</dd>
                <dt>{ "Decision boundary" }</dt>
                <dd>{ "What the network predicts at every spot of the plane." }</dd>
                <dt>{ "Loss curve" }</dt>
                <dd>{ "The average error on the training and test points after each epoch. When \
                    the test loss rises while the training loss falls, the network overfits." }</dd>
                <dt>{ "Training loss, test loss" }</dt>
                <dd>{ "The data loss alone: the penalty of L1 or L2 regularization is not \
                    included, so the numbers stay comparable when regularization changes." }</dd>
            </dl>
            <h2>{ "Words of the settings" }</h2>
            <dl>
                { for WORDS.iter().map(|(word, meaning)| html! {
                    <>
                        <dt>{ *word }</dt>
                        <dd>{ *meaning }</dd>
                    </>
                }) }
            </dl>
            <h2>{ "Keyboard shortcuts" }</h2>
            <table class="shortcuts">
                { for SHORTCUTS.iter().map(|(keys, action)| html! {
                    <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *action }</td></tr>
                }) }
            </table>
            <p>{ "P, S and R work unless you are typing in a field or a list; Space plays or \
                pauses when no button or slider has the focus." }</p>
            <p>{ "Made for current Chrome, Edge, Firefox and Safari, on computers, tablets and \
                phones." }</p>
        </details>
    }
}

/// Buttons that change how the page is shown: larger text for the back of the room, and full
/// screen.
#[function_component(ViewButtons)]
pub fn view_buttons() -> Html {
    let large = use_state(|| false);
    let toggle_large = {
        let large = large.clone();
        Callback::from(move |_| {
            let on = !*large;
            set_root_class("large-text", on);
            large.set(on);
        })
    };
    html! {
        <div class="view-buttons">
            <button class="secondary" aria-pressed={large.to_string()} onclick={toggle_large}>
                { "Large text" }
            </button>
            <button class="secondary" onclick={Callback::from(|_| enter_fullscreen())}>
                { "Fullscreen" }
            </button>
        </div>
    }
}

/// Adds or removes a class on the `<html>` element.
fn set_root_class(class: &str, on: bool) {
    let Some(root) = crate::dom::document()
        .ok()
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let classes = root.class_list();
    let result = if on {
        classes.add_1(class)
    } else {
        classes.remove_1(class)
    };
    if let Err(err) = result {
        log::warn!("could not change the page's class: {err:?}");
    }
}

/// Shows the whole page full screen (the browser may refuse, e.g. inside a frame).
fn enter_fullscreen() {
    let Some(root) = crate::dom::document()
        .ok()
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let Err(err) = root.request_fullscreen() {
        log::warn!("full screen refused: {err:?}");
    }
}
