//! A small labelled field to type a new weight or bias: Enter (or "Set") applies it, Escape
//! (or "Cancel") closes the field; text that is not a finite number is refused with a short
//! message and changes nothing.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Why a typed value was refused.
pub const NOT_A_NUMBER: &str = "Type a finite number, for example 0.5 or -1.2.";

/// Reads a typed value: a finite decimal number, with `.` or `,` as the decimal mark.
pub fn parse_value(text: &str) -> Result<f64, &'static str> {
    let text = text.trim().replace(',', ".");
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(NOT_A_NUMBER),
    }
}

/// Properties of [`ValueEditor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// What is edited, e.g. "Weight from X1 to neuron 1 of layer 1"; the field's name.
    pub label: AttrValue,
    /// The text the field starts with.
    pub initial: AttrValue,
    /// Called with the new value.
    pub on_apply: Callback<f64>,
    /// Called when the user gives up.
    pub on_cancel: Callback<()>,
}

/// The field, focused when it opens.
#[function_component(ValueEditor)]
pub fn value_editor(props: &EditorProps) -> Html {
    let input = use_node_ref();
    let error = use_state_eq(|| None::<&'static str>);
    {
        // The field is not bound to a value: Yew would put it back on every frame while
        // training runs, over what the user is typing. It starts from `initial` once.
        let (input, initial) = (input.clone(), props.initial.clone());
        use_effect_with((), move |_| {
            if let Some(field) = input.cast::<HtmlInputElement>() {
                field.set_value(&initial);
                let _ = field.focus();
                field.select();
            }
        });
    }
    let apply = {
        let (input, error, on_apply) = (input.clone(), error.clone(), props.on_apply.clone());
        move || {
            let text = input.cast::<HtmlInputElement>().map(|f| f.value());
            match parse_value(&text.unwrap_or_default()) {
                Ok(value) => on_apply.emit(value),
                Err(message) => error.set(Some(message)),
            }
        }
    };
    let onkeydown = {
        let (apply, on_cancel) = (apply.clone(), props.on_cancel.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Enter" => {
                event.prevent_default();
                apply();
            }
            "Escape" => on_cancel.emit(()),
            _ => {}
        })
    };
    let on_set = Callback::from(move |_: MouseEvent| apply());
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="net-editor">
            <label>
                <span>{ props.label.clone() }</span>
                <input ref={input} type="text" {onkeydown}
                    aria-invalid={error.is_some().to_string()} autocomplete="off"
                    spellcheck="false" enterkeyhint="done" />
            </label>
            <button type="button" onclick={on_set}>{ "Set" }</button>
            <button type="button" class="secondary" onclick={on_cancel}>{ "Cancel" }</button>
            if let Some(message) = *error {
                <p class="net-error" role="alert">{ message }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finite_numbers_are_read_with_either_decimal_mark() {
        assert_eq!(parse_value("1.5"), Ok(1.5));
        assert_eq!(parse_value(" -2 "), Ok(-2.0));
        assert_eq!(parse_value("0,25"), Ok(0.25));
        assert_eq!(parse_value("1e-3"), Ok(0.001));
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "abc",
            "1.2.3",
            "inf",
            "-infinity",
            "NaN",
            "1e999",
            "--1",
        ] {
            assert_eq!(parse_value(text), Err(NOT_A_NUMBER), "{text}");
        }
    }
}
