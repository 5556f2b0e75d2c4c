//! Embedded mode, for lecture slides: the playground inside an iframe (or opened with
//! `embed=true`) leaves the page around it alone.
//!
//! - It never writes its address (the slide deck's own link stays as it is).
//! - Keys that move a slide deck are passed on to the parent window, unless a control of the
//!   playground has the focus, as a message
//!   `{ "type": "nn-playground:key", "key": KEY, "code": CODE, "shiftKey": BOOL }`.
//! - Its keyboard shortcuts are off unless the link says `shortcuts=true`.
//! - A slide deck can drive it with messages of exactly the shape
//!   `{ "type": "nn-playground:command", "action": "play" | "pause" | "reset" }` or
//!   `{ "type": "nn-playground:command", "action": "preset", "preset": NAME }`; anything else
//!   is ignored.

use js_sys::{Array, Object, Reflect};
use playground_model::{Config, encode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::KeyboardEvent;

/// The `type` of the messages the playground sends to its parent window.
pub const KEY_MESSAGE: &str = "nn-playground:key";
/// The `type` of the messages a slide deck sends to drive the playground.
pub const COMMAND_MESSAGE: &str = "nn-playground:command";
/// The keys a slide deck moves with, passed on when no control has the focus.
pub const DECK_KEYS: [&str; 9] = [
    "ArrowLeft",
    "ArrowRight",
    "ArrowUp",
    "ArrowDown",
    "PageUp",
    "PageDown",
    " ",
    "Home",
    "End",
];

/// What a slide deck asks the playground to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start training.
    Play,
    /// Pause training.
    Pause,
    /// Rebuild the network from the seed.
    Reset,
    /// Load the named preset.
    Preset(String),
}

/// Whether the page runs embedded: asked by the link, or inside a frame.
pub fn is_embedded(config: &Config) -> bool {
    config.embed || in_frame()
}

/// Whether the keyboard shortcuts work: as the link says, else only in the full page.
pub fn shortcuts_on(config: &Config, embedded: bool) -> bool {
    config.shortcuts.unwrap_or(!embedded)
}

/// Whether the page is inside a frame (its top window is another window).
fn in_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => !Object::is(&top, &window),
        _ => false,
    }
}

/// Reads the command of a message's fields, given as (name, text value) pairs; `None` unless
/// the fields are exactly those of a command.
pub fn command_of_fields(fields: &[(String, Option<String>)]) -> Option<Command> {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .and_then(|(_, value)| value.as_deref())
    };
    if field("type") != Some(COMMAND_MESSAGE) {
        return None;
    }
    let command = match (field("action")?, fields.len()) {
        ("play", 2) => Command::Play,
        ("pause", 2) => Command::Pause,
        ("reset", 2) => Command::Reset,
        ("preset", 3) => Command::Preset(field("preset")?.to_string()),
        _ => return None,
    };
    Some(command)
}

/// Reads the command in a message's data (a plain object of text fields), if it is one.
pub fn command_of(data: &JsValue) -> Option<Command> {
    if !data.is_object() || Array::is_array(data) {
        return None;
    }
    let object: &Object = data.unchecked_ref();
    let keys = Object::keys(object);
    if keys.length() > 3 {
        return None;
    }
    let fields: Vec<(String, Option<String>)> = keys
        .iter()
        .filter_map(|key| {
            let name = key.as_string()?;
            let value = Reflect::get(object, &key).ok().and_then(|v| v.as_string());
            Some((name, value))
        })
        .collect();
    command_of_fields(&fields)
}

/// Passes a slide deck's key on to the parent window (see the module documentation).
pub fn forward_key(event: &KeyboardEvent) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = Object::new();
    let set = |name: &str, value: JsValue| Reflect::set(&message, &name.into(), &value).is_ok();
    let written = set("type", KEY_MESSAGE.into())
        && set("key", event.key().into())
        && set("code", event.code().into())
        && set("shiftKey", event.shift_key().into());
    if written && let Err(err) = parent.post_message(&message, "*") {
        log::warn!("could not pass a key to the slide deck: {err:?}");
    }
}

/// The link of the same experiment in the full page (for "Open the full page").
pub fn full_page_link(config: &Config) -> String {
    let full = Config {
        embed: false,
        ..config.clone()
    };
    let address = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = address.split('#').next().unwrap_or_default();
    format!("{page}{}", encode(&full))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
        let field = |(k, v): &(&str, &str)| (k.to_string(), Some(v.to_string()));
        pairs.iter().map(field).collect()
    }

    #[test]
    fn commands_of_the_documented_shape_are_read() {
        let play = fields(&[("type", COMMAND_MESSAGE), ("action", "play")]);
        assert_eq!(command_of_fields(&play), Some(Command::Play));
        let reset = fields(&[("action", "reset"), ("type", COMMAND_MESSAGE)]);
        assert_eq!(command_of_fields(&reset), Some(Command::Reset));
        let preset = fields(&[
            ("type", COMMAND_MESSAGE),
            ("action", "preset"),
            ("preset", "xor-hidden"),
        ]);
        assert_eq!(
            command_of_fields(&preset),
            Some(Command::Preset("xor-hidden".into()))
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        let cases: [&[(&str, &str)]; 6] = [
            &[("type", "other"), ("action", "play")],
            &[("type", COMMAND_MESSAGE), ("action", "jump")],
            &[
                ("type", COMMAND_MESSAGE),
                ("action", "play"),
                ("extra", "1"),
            ],
            &[("type", COMMAND_MESSAGE), ("action", "preset")],
            &[("type", COMMAND_MESSAGE)],
            &[],
        ];
        for case in cases {
            assert_eq!(command_of_fields(&fields(case)), None, "{case:?}");
        }
        let not_text = vec![
            ("type".to_string(), Some(COMMAND_MESSAGE.to_string())),
            ("action".to_string(), None),
        ];
        assert_eq!(command_of_fields(&not_text), None);
    }

    #[test]
    fn shortcuts_follow_the_link_else_the_mode() {
        let mut config = Config::default();
        assert!(shortcuts_on(&config, false));
        assert!(!shortcuts_on(&config, true));
        config.shortcuts = Some(true);
        assert!(shortcuts_on(&config, true));
        config.shortcuts = Some(false);
        assert!(!shortcuts_on(&config, false));
    }
}
