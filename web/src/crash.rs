//! What the page does when the playground panics: the panic is logged, and a message with a
//! way out ("Reload the page", "Start over") appears over the page instead of a frozen picture.
//!
//! The message is built with plain DOM calls, its text set as text (never as HTML), so that it
//! shows whatever state the app was left in. Its two buttons are handled by
//! `web/assets/boot.js`, not by the WebAssembly module, which may not run again after a panic.

use std::panic::PanicHookInfo;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The `id` of the message, one per page.
pub const CRASH_ID: &str = "crash";

/// Sets the panic hook once: the browser console gets the panic (with its stack), the `log`
/// facade an error line, and the page the message. Set through Yew, whose renderer would
/// otherwise put its own hook (the console only) in place.
pub fn set_hook() {
    yew::set_custom_panic_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        log::error!("the playground stopped: {info}");
        if let Err(err) = show(&panic_text(info)) {
            log::error!("could not show the panic in the page: {err:?}");
        }
    }));
}

/// The panic's own message, without the source location (which the console has).
fn panic_text(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "an unknown error".to_string()
    }
}

/// Shows the message (once: a second panic leaves the first message as it is).
pub fn show(reason: &str) -> Result<(), JsValue> {
    let Ok(document) = crate::dom::document() else {
        return Ok(());
    };
    if document.get_element_by_id(CRASH_ID).is_some() {
        return Ok(());
    }
    let Some(body) = document.body() else {
        return Ok(());
    };

    let panel = document.create_element("div")?;
    panel.set_id(CRASH_ID);
    panel.set_class_name("crash");
    panel.set_attribute("role", "alertdialog")?;
    panel.set_attribute("aria-labelledby", "crash-title")?;
    panel.set_attribute("aria-describedby", "crash-text")?;

    let title = child(&document, &panel, "h2", "The playground stopped")?;
    title.set_id("crash-title");
    let text = child(&document, &panel, "p", &explanation(reason))?;
    text.set_id("crash-text");

    let buttons = child(&document, &panel, "p", "")?;
    buttons.set_class_name("crash-buttons");
    let reload = child(&document, &buttons, "button", "Reload the page")?;
    reload.set_id("crash-reload");
    let reset = child(&document, &buttons, "button", "Start over")?;
    reset.set_id("crash-reset");

    body.append_child(&panel)?;
    if let Some(button) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&reload) {
        button.focus()?;
    }
    Ok(())
}

/// The message's sentence: what happened, in words, and what each button does.
fn explanation(reason: &str) -> String {
    let reason: String = reason.chars().take(300).collect();
    format!(
        "Something went wrong inside the playground ({reason}), and it cannot go on. \
        Reload the page to continue from the same link, or start over with the default \
        settings."
    )
}

/// Appends a new `tag` element with `text` (as text) to `parent`.
fn child(document: &Document, parent: &Element, tag: &str, text: &str) -> Result<Element, JsValue> {
    let element = document.create_element(tag)?;
    if tag == "button" {
        element.set_attribute("type", "button")?;
    }
    element.set_text_content(Some(text));
    parent.append_child(&element)?;
    Ok(element)
}

#[cfg(test)]
mod tests {
    use super::explanation;

    #[test]
    fn a_long_reason_is_cut_short() {
        let text = explanation(&"x".repeat(5000));
        assert!(text.len() < 600, "{}", text.len());
        assert!(text.contains("Reload the page"));
    }
}
