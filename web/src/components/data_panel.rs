//! The data panel: problem type, which data set (with previews), classes, training share,
//! noise, batch size, seed, and whether test points and a two-colour output are shown.
//!
//! Settings that rebuild the data (noise, training share, classes) apply when a slider is
//! released, so that dragging does not regenerate the data every frame; the batch size does not
//! reset the run and applies while dragging. A `<key>_hide=true` in the link hides exactly the
//! control of that key.

use playground_model::Config;
use playground_model::config::{
    CLASSES_RANGE, DatasetKind, MAX_NOISE, PERC_TRAIN_RANGE, Problem, RegDatasetKind,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::dataset_preview::{DatasetPreview, preview_kind};
use crate::components::settings_panel::shown;
use crate::components::widgets::{Checkbox, Choice, Select, Slider, configure_with};

/// Properties of [`DataPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The settings in force.
    pub config: Config,
    /// Called with the new settings when a control changes.
    pub on_configure: Callback<Config>,
}

/// The data panel.
#[function_component(DataPanel)]
pub fn data_panel(props: &Props) -> Html {
    let c = &props.config;
    html! {
        <div class="data-controls">
            if shown(c, "problem") { { problem(props) } }
            if dataset_shown(c) { { dataset_choice(props) } }
            if has_classes(c) && shown(c, "classes") { { classes(props) } }
            if shown(c, "percTrainData") { { train_share(props) } }
            if shown(c, "noise") { { noise(props) } }
            if shown(c, "batchSize") { { batch_size(props) } }
            if shown(c, "seed") { <SeedField config={c.clone()}
                on_configure={props.on_configure.clone()} /> }
            if shown(c, "showTestData") { { show_test_data(props) } }
            if shown(c, "discretize") { { discretize(props) } }
        </div>
    }
}

/// Whether the data set choice shows: `dataset_hide` hides it, and in regression so does
/// `regDataset_hide`.
pub fn dataset_shown(config: &Config) -> bool {
    let regression_hidden = config.problem == Problem::Regression && !shown(config, "regDataset");
    shown(config, "dataset") && !regression_hidden
}

/// Whether the data set lets the user choose its number of classes (blobs, spiral).
pub fn has_classes(config: &Config) -> bool {
    config.problem == Problem::Classification
        && matches!(
            config.dataset,
            DatasetKind::Blobs | DatasetKind::Spiral | DatasetKind::Own
        )
}

/// Whether noise changes the data set (gates and digits have none).
pub fn has_noise(config: &Config) -> bool {
    config.problem == Problem::Regression || !is_gate_or_digits(config.dataset)
}

fn is_gate_or_digits(dataset: DatasetKind) -> bool {
    !matches!(
        dataset,
        DatasetKind::Circle
            | DatasetKind::Xor
            | DatasetKind::Gauss
            | DatasetKind::Spiral
            | DatasetKind::Blobs
    )
}

/// The accessible name and visible text of a classification data set.
pub fn dataset_text(dataset: DatasetKind) -> &'static str {
    match dataset {
        DatasetKind::Circle => "Circle",
        DatasetKind::Xor => "Exclusive or",
        DatasetKind::Gauss => "Gaussian",
        DatasetKind::Spiral => "Spiral",
        DatasetKind::GateAnd => "Logic AND",
        DatasetKind::GateOr => "Logic OR",
        DatasetKind::GateNand => "Logic NAND",
        DatasetKind::GateXor => "Logic XOR",
        DatasetKind::GateNot => "Logic NOT",
        DatasetKind::Blobs => "Blobs",
        DatasetKind::Digits => "Digits",
        DatasetKind::Own => "Your own data",
    }
}

/// The accessible name and visible text of a regression data set.
pub fn reg_dataset_text(dataset: RegDatasetKind) -> &'static str {
    match dataset {
        RegDatasetKind::Plane => "Plane",
        RegDatasetKind::Gauss => "Multi gaussian",
        RegDatasetKind::Curve => "Curve",
        RegDatasetKind::Own => "Your own data",
    }
}

/// The data sets offered for the problem type, as (link value, name), and the one in force.
pub fn dataset_choices(config: &Config) -> (Vec<Choice>, &'static str) {
    match config.problem {
        Problem::Classification => {
            let all = DatasetKind::ALL.iter();
            let list = all.map(|&d| Choice::new(d.name(), dataset_text(d)));
            (list.collect(), config.dataset.name())
        }
        Problem::Regression => {
            let all = RegDatasetKind::ALL.iter();
            let list = all.map(|&d| Choice::new(d.name(), reg_dataset_text(d)));
            (list.collect(), config.reg_dataset.name())
        }
    }
}

fn problem(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: String| {
        if let Some(problem) = Problem::from_name(&v) {
            c.problem = problem;
        }
    });
    let options = vec![
        Choice::new(Problem::Classification.name(), "Classification"),
        Choice::new(Problem::Regression.name(), "Regression"),
    ];
    html! {
        <Select id="problem" label="Problem type" value={props.config.problem.name()}
            {options} {on_change} />
    }
}

/// The data sets as a group of radio buttons, each with a preview.
fn dataset_choice(props: &Props) -> Html {
    let (choices, current) = dataset_choices(&props.config);
    let on_pick = configure_with(&props.config, &props.on_configure, |c, key: String| match c
        .problem
    {
        Problem::Classification => c.dataset = DatasetKind::from_name(&key).unwrap_or(c.dataset),
        Problem::Regression => {
            c.reg_dataset = RegDatasetKind::from_name(&key).unwrap_or(c.reg_dataset);
        }
    });
    let onchange = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_pick.emit(input.value());
    });
    html! {
        <fieldset class="datasets" role="radiogroup">
            <legend>{ "Dataset" }</legend>
            { for choices.iter().map(|choice| html! {
                <label class="dataset-choice" key={choice.value.as_str()}>
                    <input type="radio" name="dataset" value={choice.value.clone()}
                        checked={choice.value == current} onchange={onchange.clone()} />
                    if let Some(preview) = preview_kind(&choice.value) {
                        <DatasetPreview {preview} />
                    }
                    <span>{ &choice.text }</span>
                </label>
            }) }
        </fieldset>
    }
}

fn classes(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: f64| {
        c.classes = v.round() as usize;
    });
    let (low, high) = CLASSES_RANGE;
    html! {
        <Slider id="classes" label="Classes" value={props.config.classes as f64}
            min={low as f64} max={high as f64} step={1.0} {on_change} />
    }
}

fn train_share(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: f64| {
        c.perc_train_data = v.round() as u32;
    });
    let (low, high) = PERC_TRAIN_RANGE;
    html! {
        <Slider id="perc-train-data" label="Training data (%)"
            value={f64::from(props.config.perc_train_data)} min={f64::from(low)}
            max={f64::from(high)} step={10.0} {on_change} />
    }
}

fn noise(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: f64| {
        c.noise = v.round();
    });
    html! {
        <Slider id="noise" label="Noise" value={props.config.noise} min={0.0} max={MAX_NOISE}
            step={5.0} disabled={!has_noise(&props.config)} {on_change} />
    }
}

fn batch_size(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: f64| {
        c.batch_size = v.round().max(1.0) as usize;
    });
    let max = props.config.limits().max_batch as f64;
    html! {
        <Slider id="batch-size" label="Batch size" value={props.config.batch_size as f64}
            min={1.0} {max} step={1.0} live={true} {on_change} />
    }
}

fn show_test_data(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: bool| {
        c.show_test_data = v;
    });
    html! {
        <Checkbox id="show-test-data" label="Show test data"
            checked={props.config.show_test_data} {on_change} />
    }
}

fn discretize(props: &Props) -> Html {
    let on_change = configure_with(&props.config, &props.on_configure, |c, v: bool| {
        c.discretize = v;
    });
    html! {
        <Checkbox id="discretize" label="Discretize output" checked={props.config.discretize}
            {on_change} />
    }
}

/// The seed as the user typed it, or `None` when it is blank (a seed is never empty).
pub fn typed_seed(text: &str) -> Option<String> {
    let seed = text.trim();
    (!seed.is_empty()).then(|| seed.to_string())
}

/// Properties of [`SeedField`].
#[derive(Properties, PartialEq)]
pub struct SeedProps {
    /// The settings in force.
    pub config: Config,
    /// Called with the new settings when the seed changes.
    pub on_configure: Callback<Config>,
}

/// The seed as an editable text field, applied on Enter or when the field loses focus; a blank
/// entry puts the seed in force back.
#[function_component(SeedField)]
pub fn seed_field(props: &SeedProps) -> Html {
    let set_seed = configure_with(&props.config, &props.on_configure, |c, seed: String| {
        c.seed = seed;
    });
    let current = props.config.seed.clone();
    let apply = Callback::from(
        move |input: HtmlInputElement| match typed_seed(&input.value()) {
            Some(seed) => set_seed.emit(seed),
            None => input.set_value(&current),
        },
    );
    let onchange = {
        let apply = apply.clone();
        Callback::from(move |event: Event| apply.emit(event.target_unchecked_into()))
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            apply.emit(event.target_unchecked_into());
        }
    });
    html! {
        <div class="field seed">
            <label for="seed">{ "Seed" }</label>
            <input type="text" id="seed" value={props.config.seed.clone()} {onchange}
                {onkeydown} spellcheck="false" autocomplete="off" />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_set_names_follow_the_problem_type() {
        let mut config = Config::default();
        let (choices, current) = dataset_choices(&config);
        assert_eq!(choices.len(), DatasetKind::ALL.len());
        assert_eq!(current, "circle");
        assert_eq!(choices[1].text.as_str(), "Exclusive or");
        config.problem = Problem::Regression;
        let (choices, current) = dataset_choices(&config);
        let names: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(names, ["Plane", "Multi gaussian", "Curve", "Your own data"]);
        assert_eq!(current, "reg-plane");
    }

    #[test]
    fn no_data_set_name_is_part_of_another() {
        // Accessible names are matched by substring in many tools: keep them apart.
        let names: Vec<&str> = DatasetKind::ALL.iter().map(|&d| dataset_text(d)).collect();
        for a in &names {
            for b in &names {
                let inside = b.to_lowercase().contains(&a.to_lowercase());
                assert!(a == b || !inside, "{a} is part of {b}");
            }
        }
    }

    #[test]
    fn every_choice_has_a_preview() {
        let mut config = Config::default();
        for problem in Problem::ALL {
            config.problem = *problem;
            for choice in dataset_choices(&config).0 {
                assert!(preview_kind(&choice.value).is_some(), "{choice:?}");
            }
        }
    }

    #[test]
    fn classes_and_noise_show_only_where_they_change_the_data() {
        let mut config = Config::default();
        assert!(!has_classes(&config) && has_noise(&config));
        config.dataset = DatasetKind::Spiral;
        assert!(has_classes(&config));
        config.dataset = DatasetKind::GateXor;
        assert!(!has_classes(&config) && !has_noise(&config));
        config.problem = Problem::Regression;
        assert!(!has_classes(&config) && has_noise(&config));
    }

    #[test]
    fn hiding_the_data_set_choice_follows_its_own_keys() {
        let mut config = Config::default();
        assert!(dataset_shown(&config));
        config.hidden.insert("regDataset".to_string());
        assert!(
            dataset_shown(&config),
            "regDataset hides only the regression choice"
        );
        config.problem = Problem::Regression;
        assert!(!dataset_shown(&config));
        config.hidden.clear();
        config.hidden.insert("noise".to_string());
        assert!(dataset_shown(&config));
    }

    #[test]
    fn a_blank_seed_is_refused_and_others_are_trimmed() {
        assert_eq!(typed_seed("  "), None);
        assert_eq!(typed_seed(" 0.123 "), Some("0.123".to_string()));
    }
}
