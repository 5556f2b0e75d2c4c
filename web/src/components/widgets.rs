//! Small labelled form controls shared by the settings and data panels: a range [`Slider`], a
//! [`Select`] and a [`Checkbox`]. Each has a visible `<label for=...>` whose text is also its
//! accessible name, so a test or a screen reader finds it by the words on the screen.

use playground_model::Config;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What a formatted value shows when it is not a finite number.
pub const NOT_A_NUMBER: &str = "n/a";

/// A callback that applies `apply` to a copy of `config` and emits the copy with
/// `on_configure`, unless nothing changed.
pub fn configure_with<T: 'static>(
    config: &Config,
    on_configure: &Callback<Config>,
    apply: impl Fn(&mut Config, T) + 'static,
) -> Callback<T> {
    let config = config.clone();
    let on_configure = on_configure.clone();
    Callback::from(move |value: T| {
        let mut next = config.clone();
        apply(&mut next, value);
        if next != config {
            on_configure.emit(next);
        }
    })
}

/// A number as a slider shows it when no formatter is given: whole numbers without decimals,
/// others with up to two decimals (trailing zeros dropped), never `NaN` or `inf`.
pub fn format_plain(value: f64) -> String {
    if !value.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let value = value + 0.0; // -0 shows as 0
    if value.fract() == 0.0 {
        return format!("{value:.0}");
    }
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The number an input holds, if it is a finite one.
fn read_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Properties of [`Slider`].
#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// The element id, unique on the page (ties the label to the input).
    pub id: AttrValue,
    /// The visible label, also the accessible name.
    pub label: AttrValue,
    /// The value in force.
    pub value: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Step between values (also the keyboard step).
    pub step: f64,
    /// Called with the new value: while dragging if `live`, else when the slider is released.
    pub on_change: Callback<f64>,
    /// Whether every movement applies at once (for settings that do not reset the run).
    #[prop_or_default]
    pub live: bool,
    /// Turns the value into the text shown beside the label; [`format_plain`] when `None`.
    #[prop_or_default]
    pub format: Option<Callback<f64, String>>,
    /// Whether the slider is greyed out.
    #[prop_or_default]
    pub disabled: bool,
}

/// A native range input (draggable by touch, movable by keyboard) with its label and value.
///
/// A slider that is not `live` shows the dragged value at once but reports it only on release
/// (`change`), so dragging does not rebuild the data many times a second.
#[function_component(Slider)]
pub fn slider(props: &SliderProps) -> Html {
    let dragged = use_state(|| None::<f64>);
    let shown = dragged.unwrap_or(props.value);
    let text = match &props.format {
        Some(format) if shown.is_finite() => format.emit(shown),
        _ => format_plain(shown),
    };
    let oninput = {
        let (dragged, on_change, live) = (dragged.clone(), props.on_change.clone(), props.live);
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(value) = read_number(&input.value()) else {
                return;
            };
            if live {
                on_change.emit(value);
            } else {
                dragged.set(Some(value));
            }
        })
    };
    let onchange = {
        let (dragged, on_change, live) = (dragged.clone(), props.on_change.clone(), props.live);
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            dragged.set(None);
            match read_number(&input.value()) {
                Some(value) if !live => on_change.emit(value),
                _ => {}
            }
        })
    };
    html! {
        <div class="field slider">
            <div class="slider-head">
                <label for={props.id.clone()}>{ &props.label }</label>
                <span class="value" aria-hidden="true">{ text.clone() }</span>
            </div>
            <input type="range" id={props.id.clone()} min={props.min.to_string()}
                max={props.max.to_string()} step={props.step.to_string()}
                value={shown.to_string()} aria-valuetext={text} disabled={props.disabled}
                {oninput} {onchange} />
        </div>
    }
}

/// One option of a [`Select`]: the value reported and the text shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// What the select reports when this option is chosen (a link value, e.g. `relu`).
    pub value: AttrValue,
    /// What the option shows (e.g. `ReLU`).
    pub text: AttrValue,
}

impl Choice {
    /// An option reporting `value` and showing `text`.
    pub fn new(value: impl Into<AttrValue>, text: impl Into<AttrValue>) -> Self {
        Choice {
            value: value.into(),
            text: text.into(),
        }
    }
}

/// Properties of [`Select`].
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// The element id, unique on the page.
    pub id: AttrValue,
    /// The visible label, also the accessible name.
    pub label: AttrValue,
    /// The options, in the order shown.
    pub options: Vec<Choice>,
    /// The value of the option in force.
    pub value: AttrValue,
    /// Called with the chosen option's value.
    pub on_change: Callback<String>,
    /// Whether the select is greyed out.
    #[prop_or_default]
    pub disabled: bool,
    /// A short remark shown under the select (and tied to it as its description).
    #[prop_or_default]
    pub note: Option<AttrValue>,
}

/// A native select with its label. The chosen option always follows `value`, also when the
/// settings change from elsewhere (a link, a reset).
#[function_component(Select)]
pub fn select(props: &SelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let value = props.value.clone();
        use_effect(move || {
            if let Some(select) = node.cast::<HtmlSelectElement>()
                && select.value() != value.as_str()
            {
                select.set_value(&value);
            }
        });
    }
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_change.emit(select.value());
        })
    };
    let note_id = format!("{}-note", props.id);
    html! {
        <div class="field select">
            <label for={props.id.clone()}>{ &props.label }</label>
            <select ref={node} id={props.id.clone()} {onchange} disabled={props.disabled}
                aria-describedby={props.note.as_ref().map(|_| note_id.clone())}>
                { for props.options.iter().map(|choice| html! {
                    <option value={choice.value.clone()}
                        selected={choice.value == props.value}>{ &choice.text }</option>
                }) }
            </select>
            if let Some(note) = &props.note {
                <span class="note" id={note_id}>{ note }</span>
            }
        </div>
    }
}

/// Properties of [`Checkbox`].
#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    /// The element id, unique on the page.
    pub id: AttrValue,
    /// The visible label, also the accessible name.
    pub label: AttrValue,
    /// Whether it is ticked.
    pub checked: bool,
    /// Called with the new state when the user ticks or unticks it.
    pub on_change: Callback<bool>,
}

/// A native checkbox with its label on the right; the whole row is the touch target.
#[function_component(Checkbox)]
pub fn checkbox(props: &CheckboxProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(input.checked());
        })
    };
    html! {
        <div class="field check">
            <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange} />
            <label for={props.id.clone()}>{ &props.label }</label>
        </div>
    }
}

/// Properties of [`FileButton`].
#[derive(Properties, PartialEq)]
pub struct FileButtonProps {
    /// The button's text, also the file input's accessible name.
    pub label: AttrValue,
    /// The file types offered, as the input's `accept` attribute.
    pub accept: AttrValue,
    /// Drawn as a secondary (outlined) button.
    #[prop_or_default]
    pub secondary: bool,
    /// Called with the file the user picked.
    pub on_pick: Callback<web_sys::File>,
}

/// A button that opens the browser's file picker; the same file can be picked again.
#[function_component(FileButton)]
pub fn file_button(props: &FileButtonProps) -> Html {
    let on_pick = props.on_pick.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_pick.emit(file);
        }
        input.set_value("");
    });
    html! {
        <label class={classes!("file-button", props.secondary.then_some("secondary"))}>
            { &props.label }
            <input type="file" accept={props.accept.clone()} {onchange} />
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_drop_needless_decimals_and_never_show_non_finite_values() {
        assert_eq!(format_plain(30.0), "30");
        assert_eq!(format_plain(0.9), "0.9");
        assert_eq!(format_plain(0.126), "0.13");
        assert_eq!(format_plain(-0.0), "0");
        assert_eq!(format_plain(f64::NAN), NOT_A_NUMBER);
        assert_eq!(format_plain(f64::INFINITY), NOT_A_NUMBER);
    }

    #[test]
    fn inputs_are_read_only_as_finite_numbers() {
        assert_eq!(read_number(" 35 "), Some(35.0));
        assert_eq!(read_number("NaN"), None);
        assert_eq!(read_number("inf"), None);
        assert_eq!(read_number(""), None);
    }

    #[test]
    fn configure_with_emits_only_real_changes() {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let on_configure = {
            let seen = seen.clone();
            Callback::from(move |config: Config| seen.borrow_mut().push(config.noise))
        };
        let set_noise = configure_with(&Config::default(), &on_configure, |c, v: f64| {
            c.noise = v;
        });
        set_noise.emit(0.0);
        set_noise.emit(25.0);
        assert_eq!(*seen.borrow(), vec![25.0]);
    }
}
