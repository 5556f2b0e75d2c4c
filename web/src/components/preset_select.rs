//! The "Preset" select: the lecture's experiments, one a step, each also a link
//! (`#preset=<name>`) a teacher can put on a slide.

use playground_model::presets::PRESETS;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The option shown when the experiment did not start from a preset.
const OWN_SETTINGS: &str = "Your own settings";

/// Properties of [`PresetSelect`].
#[derive(Properties, PartialEq)]
pub struct PresetSelectProps {
    /// The preset the current experiment started from, if any.
    pub current: Option<String>,
    /// Called with a preset's name when the user picks one.
    pub on_choose: Callback<String>,
}

/// A labelled select listing every preset by its title, in lecture order.
#[function_component(PresetSelect)]
pub fn preset_select(props: &PresetSelectProps) -> Html {
    let on_choose = props.on_choose.clone();
    let onchange = Callback::from(move |event: Event| {
        let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
            return;
        };
        let name = select.value();
        if !name.is_empty() {
            on_choose.emit(name);
        }
    });
    let current = props.current.as_deref().unwrap_or_default();
    html! {
        <span class="preset">
            <label for="preset">{ "Preset" }</label>
            <select id="preset" {onchange}>
                <option value="" selected={current.is_empty()}>{ OWN_SETTINGS }</option>
                { for PRESETS.iter().map(|preset| html! {
                    <option value={preset.name} selected={preset.name == current}>
                        { preset.title }
                    </option>
                }) }
            </select>
        </span>
    }
}
