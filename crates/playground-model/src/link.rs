//! Links: a [`Config`] as the URL fragment `key=value&...`, a superset of TensorFlow
//! Playground's, and back.
//!
//! Decoding never fails. An unknown key is ignored; a value that cannot be read falls back to the
//! default and one out of range is clamped, each with a [`Warning`] naming the key. A key given
//! twice keeps its last value. `preset=<name>` is expanded first, whatever its position, and the
//! link's other keys override it. A link without a seed gets a fresh one from the caller.
//!
//! # Canonical form
//!
//! [`encode`] writes a leading `#` and then every key of [`KEY_ORDER`] in that order
//! (TensorFlow Playground's own order, then ours), except that `tutorial`, `preset` and `weights`
//! appear only when set (or, empty, when they clear what the preset set). Then come the hidden
//! controls as `<key>_hide=true`, sorted by key (and `<key>_hide=false` for controls the preset
//! hides but the configuration does not). Booleans are `true`/`false`; numbers are written by
//! [`format_real`]; text is percent-encoded except for `A-Z a-z 0-9 - . _ ~ , ; : /`.
//!
//! # Versions
//!
//! `v=1` is the current format and is always written. Links without `v` (TensorFlow
//! Playground's) read as version 1.

use crate::config::{
    Activation, Config, DatasetKind, Feature, Init, Loss, Optimizer, Problem, RegDatasetKind,
    Regularization, Warning,
};
use crate::presets;
use crate::weights::Weights;

/// The version of the link format written by [`encode`].
pub const LINK_VERSION: u32 = 1;

/// Most warnings reported for one link; the rest are summed up in one last warning.
pub const MAX_WARNINGS: usize = 32;

/// Every setting key, in the order of the canonical form.
#[rustfmt::skip]
pub const KEY_ORDER: &[&str] = &[
    "v", "activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
    "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
    "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY",
    "collectStats", "tutorial", "problem", "initZero", "hideText", "optimizer", "momentum",
    "nesterov", "loss", "init", "classes", "speed", "embed", "shortcuts", "stepThrough",
    "preset", "weights",
];

/// Whether `<key>_hide=true` may hide the control of `key` (every setting key but `v`).
pub fn is_hideable(key: &str) -> bool {
    key != "v" && KEY_ORDER.contains(&key)
}

/// The result of reading a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The settings, within their limits.
    pub config: Config,
    /// One entry per value changed or ignored, naming its key.
    pub warnings: Vec<Warning>,
    /// Whether the link had no seed, so that a fresh one was drawn.
    pub drew_seed: bool,
}

/// Reads a link: a whole URL, a fragment with or without `#`, or the empty text for defaults.
///
/// `fresh_seed` is called once when the link has no seed (see [`seed_from_unit`]).
pub fn decode(link: &str, fresh_seed: impl FnOnce() -> String) -> Decoded {
    let mut warnings = Vec::new();
    let pairs = split_pairs(fragment_of(link), &mut warnings);
    let preset = pairs
        .iter()
        .find(|(key, _)| key == "preset")
        .map(|(_, v)| v.as_str());
    let mut reader = Reader::new(base_config(preset, &mut warnings));
    for (key, value) in &pairs {
        reader.apply(key, value);
    }
    let mut config = reader.finish(&mut warnings);
    if !pairs.iter().any(|(key, _)| key == "loss") {
        // Only a loss the link asks for is worth a warning when many classes overrule it.
        if config.forces_cross_entropy() {
            config.loss = Loss::CrossEntropy;
        }
    }
    let drew_seed = config.seed.is_empty();
    if drew_seed {
        config.seed = fresh_seed();
    }
    warnings.extend(config.normalize());
    Decoded {
        config,
        warnings: cap_warnings(warnings),
        drew_seed,
    }
}

/// Writes the canonical link of a configuration (see the module documentation).
pub fn encode(config: &Config) -> String {
    let base = config.preset.as_deref().and_then(preset_config);
    let pairs: Vec<(String, String)> = KEY_ORDER
        .iter()
        .filter_map(|key| value_of(config, base.as_ref(), key).map(|v| (key.to_string(), v)))
        .chain(hide_pairs(config, base.as_ref()))
        .collect();
    let parts: Vec<String> = pairs
        .iter()
        .map(|(key, value)| format!("{key}={}", percent_encode(value)))
        .collect();
    format!("#{}", parts.join("&"))
}

/// Writes a number in the shortest form that reads back to the same `f64`: Rust's plain
/// `{}` for zero and magnitudes in [1e-5, 1e15), else the exponent form `{:e}` (`1e-7`).
pub fn format_real(value: f64) -> String {
    let magnitude = value.abs();
    if value == 0.0 || (1e-5..1e15).contains(&magnitude) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// A seed in TensorFlow Playground's style (`0.42182`) from a number in [0, 1).
pub fn seed_from_unit(unit: f64) -> String {
    let unit = if unit.is_finite() {
        unit.clamp(0.0, 0.99999)
    } else {
        0.0
    };
    format!("{unit:.5}")
}

/// The configuration a preset expands to, without a seed of its own unless it sets one.
pub fn preset_config(name: &str) -> Option<Config> {
    let preset = presets::find(name)?;
    let mut reader = Reader::new(Config::default());
    let mut ignored = Vec::new();
    for (key, value) in split_pairs(preset.link, &mut ignored) {
        if key != "preset" {
            reader.apply(&key, &value);
        }
    }
    let mut config = reader.finish(&mut ignored);
    config.preset = Some(preset.name.to_string());
    Some(config)
}

/// The configuration a link starts from: the preset's, or the defaults.
fn base_config(preset: Option<&str>, warnings: &mut Vec<Warning>) -> Config {
    match preset {
        None => Config::default(),
        Some(name) => preset_config(name).unwrap_or_else(|| {
            warnings.push(Warning::new(
                "preset",
                format!("unknown preset '{}'", short(name)),
            ));
            Config::default()
        }),
    }
}

/// The part of a link after its `#`; a URL without `#` has none.
fn fragment_of(link: &str) -> &str {
    let link = link.trim();
    match link.find('#') {
        Some(index) => &link[index + 1..],
        None if link.contains("://") => "",
        None => link,
    }
}

/// Splits a fragment into percent-decoded key-value pairs, keeping the last of repeated keys.
fn split_pairs(fragment: &str, warnings: &mut Vec<Warning>) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut positions = std::collections::HashMap::new();
    for part in fragment.split('&').filter(|part| !part.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let (key, value) = (percent_decode(key), percent_decode(value));
        if let Some(&index) = positions.get(&key) {
            warnings.push(Warning::new(
                &short(&key),
                "given more than once; the last is used",
            ));
            pairs[index] = (key, value);
        } else {
            positions.insert(key.clone(), pairs.len());
            pairs.push((key, value));
        }
    }
    pairs
}

/// Applies link values to a configuration, collecting warnings.
struct Reader {
    /// The configuration being built.
    config: Config,
    /// Warnings so far.
    warnings: Vec<Warning>,
    /// The `initZero` value, if given; `init` takes precedence over it.
    init_zero: Option<bool>,
    /// Whether `init` was given.
    init_given: bool,
}

impl Reader {
    /// Starts from a configuration.
    fn new(config: Config) -> Self {
        Reader {
            config,
            warnings: Vec::new(),
            init_zero: None,
            init_given: false,
        }
    }

    /// Applies one key; unknown keys are reported and ignored.
    fn apply(&mut self, key: &str, value: &str) {
        if let Some(control) = key.strip_suffix("_hide") {
            return self.apply_hide(key, control, value);
        }
        if let Some(feature) = Feature::from_name(key).filter(|f| f.name() == key) {
            return self.apply_feature(feature, key, value);
        }
        if !self.apply_choice(key, value) && !self.apply_number(key, value) {
            self.apply_other(key, value);
        }
    }

    /// Applies an enumerated setting; false when `key` is not one.
    fn apply_choice(&mut self, key: &str, value: &str) -> bool {
        let c = &mut self.config;
        let w = &mut self.warnings;
        match key {
            "activation" => {
                c.activation = choice(w, key, value, Activation::from_name, c.activation)
            }
            "regularization" => {
                c.regularization = choice(w, key, value, read_reg, c.regularization)
            }
            "dataset" => c.dataset = choice(w, key, value, DatasetKind::from_name, c.dataset),
            "regDataset" => {
                c.reg_dataset = choice(w, key, value, RegDatasetKind::from_name, c.reg_dataset)
            }
            "problem" => c.problem = choice(w, key, value, Problem::from_name, c.problem),
            "optimizer" => c.optimizer = choice(w, key, value, Optimizer::from_name, c.optimizer),
            "loss" => c.loss = choice(w, key, value, Loss::from_name, c.loss),
            "init" => {
                self.init_given = true;
                c.init = choice(w, key, value, Init::from_name, c.init);
            }
            _ => return false,
        }
        true
    }

    /// Applies a numeric setting; false when `key` is not one.
    fn apply_number(&mut self, key: &str, value: &str) -> bool {
        let c = &mut self.config;
        let w = &mut self.warnings;
        match key {
            "learningRate" => c.learning_rate = real(w, key, value, c.learning_rate),
            "regularizationRate" => {
                c.regularization_rate = real(w, key, value, c.regularization_rate)
            }
            "noise" => c.noise = real(w, key, value, c.noise),
            "momentum" => c.momentum = real(w, key, value, c.momentum),
            "batchSize" => c.batch_size = integer(w, key, value, c.batch_size as f64) as usize,
            "percTrainData" => {
                c.perc_train_data = integer(w, key, value, f64::from(c.perc_train_data)) as u32
            }
            "classes" => c.classes = integer(w, key, value, c.classes as f64) as usize,
            "speed" => c.speed = integer(w, key, value, f64::from(c.speed)) as u32,
            "v" => read_version(w, value),
            _ => return false,
        }
        true
    }

    /// Applies the remaining settings: switches, texts, the shape and the weights.
    fn apply_other(&mut self, key: &str, value: &str) {
        let c = &mut self.config;
        let w = &mut self.warnings;
        match key {
            "showTestData" => c.show_test_data = boolean(w, key, value, c.show_test_data),
            "discretize" => c.discretize = boolean(w, key, value, c.discretize),
            "hideText" => c.hide_text = boolean(w, key, value, c.hide_text),
            "collectStats" => c.collect_stats = boolean(w, key, value, c.collect_stats),
            "nesterov" => c.nesterov = boolean(w, key, value, c.nesterov),
            "embed" => c.embed = boolean(w, key, value, c.embed),
            "shortcuts" => c.shortcuts = Some(boolean(w, key, value, true)),
            "stepThrough" => c.step_through = boolean(w, key, value, c.step_through),
            "initZero" => self.init_zero = Some(boolean(w, key, value, false)),
            "seed" => c.seed = value.to_string(),
            "tutorial" => c.tutorial = Some(value.to_string()).filter(|t| !t.is_empty()),
            "networkShape" => c.network_shape = shape(w, value, &c.network_shape),
            "weights" => c.weights = weights(w, value),
            "preset" => {}
            _ => w.push(Warning::new(&short(key), "unknown key; ignored")),
        }
    }

    /// Applies a feature switch.
    fn apply_feature(&mut self, feature: Feature, key: &str, value: &str) {
        let on = self.config.features.contains(&feature);
        if boolean(&mut self.warnings, key, value, on) {
            self.config.features.insert(feature);
        } else {
            self.config.features.remove(&feature);
        }
    }

    /// Applies `<control>_hide`.
    fn apply_hide(&mut self, key: &str, control: &str, value: &str) {
        if !is_hideable(control) {
            self.warnings
                .push(Warning::new(&short(key), "no such control; ignored"));
        } else if boolean(&mut self.warnings, key, value, false) {
            self.config.hidden.insert(control.to_string());
        } else {
            self.config.hidden.remove(control);
        }
    }

    /// Settles `init` against `initZero` and returns the configuration.
    fn finish(mut self, warnings: &mut Vec<Warning>) -> Config {
        match (self.init_given, self.init_zero) {
            (true, Some(true)) if self.config.init != Init::Zero => {
                let message = "conflicts with init; init is used";
                self.warnings.push(Warning::new("initZero", message));
            }
            (false, Some(true)) => self.config.init = Init::Zero,
            (false, Some(false)) if self.config.init == Init::Zero => {
                self.config.init = Init::Uniform
            }
            _ => {}
        }
        warnings.append(&mut self.warnings);
        self.config
    }
}

/// Reads `regularization`; TensorFlow Playground never writes `none` but may write `null`.
fn read_reg(value: &str) -> Option<Regularization> {
    Regularization::from_name(value).or((value == "null").then_some(Regularization::None))
}

/// Reads an enumerated value, keeping `current` (with a warning) when it is unknown.
fn choice<T>(
    warnings: &mut Vec<Warning>,
    key: &str,
    value: &str,
    read: impl Fn(&str) -> Option<T>,
    current: T,
) -> T {
    read(value).unwrap_or_else(|| {
        warnings.push(Warning::new(
            key,
            format!("unknown value '{}'; ignored", short(value)),
        ));
        current
    })
}

/// Reads `true` or `false`, keeping `current` (with a warning) for anything else.
fn boolean(warnings: &mut Vec<Warning>, key: &str, value: &str, current: bool) -> bool {
    match value.to_ascii_lowercase().as_str() {
        "true" => true,
        "false" => false,
        _ => {
            let message = format!("'{}' is neither true nor false; ignored", short(value));
            warnings.push(Warning::new(key, message));
            current
        }
    }
}

/// Reads a finite number, keeping `current` (with a warning) for anything else. Limits are
/// [`Config::normalize`]'s job.
fn real(warnings: &mut Vec<Warning>, key: &str, value: &str, current: f64) -> f64 {
    match value.trim().parse::<f64>() {
        Ok(number) if number.is_finite() => number + 0.0,
        _ => {
            let message = format!("'{}' is not a finite number; ignored", short(value));
            warnings.push(Warning::new(key, message));
            current
        }
    }
}

/// Reads a whole number as a non-negative `f64` (rounded, with a warning, if fractional).
fn integer(warnings: &mut Vec<Warning>, key: &str, value: &str, current: f64) -> f64 {
    let number = real(warnings, key, value, current);
    if number.fract() != 0.0 {
        let message = format!("{number} is not a whole number; rounded");
        warnings.push(Warning::new(key, message));
    }
    number.round().max(0.0)
}

/// Checks `v`: other versions are read as the current one, with a warning.
fn read_version(warnings: &mut Vec<Warning>, value: &str) {
    if value != LINK_VERSION.to_string() {
        let message = format!(
            "version '{}' is read as version {LINK_VERSION}",
            short(value)
        );
        warnings.push(Warning::new("v", message));
    }
}

/// Reads `networkShape`: comma-separated layer sizes, empty for no hidden layer.
fn shape(warnings: &mut Vec<Warning>, value: &str, current: &[usize]) -> Vec<usize> {
    if value.is_empty() {
        return Vec::new();
    }
    let sizes: Option<Vec<usize>> = value
        .split(',')
        .map(|item| match item.trim().parse::<f64>() {
            Ok(size) if size.is_finite() && size.fract() == 0.0 => Some(size.max(0.0) as usize),
            _ => None,
        })
        .collect();
    sizes.unwrap_or_else(|| {
        let message = format!("'{}' is not a list of layer sizes; ignored", short(value));
        warnings.push(Warning::new("networkShape", message));
        current.to_vec()
    })
}

/// Reads `weights`; empty or `none` means none.
fn weights(warnings: &mut Vec<Warning>, value: &str) -> Option<Weights> {
    if value.is_empty() || value == "none" {
        return None;
    }
    Weights::decode(value)
        .inspect_err(|error| warnings.push(Warning::new("weights", format!("{error}; ignored"))))
        .ok()
}

/// The canonical text of one key, or `None` when the key is left out.
fn value_of(config: &Config, base: Option<&Config>, key: &str) -> Option<String> {
    if let Some(feature) = Feature::from_name(key).filter(|f| f.name() == key) {
        return Some(config.features.contains(&feature).to_string());
    }
    let value = match key {
        "v" => LINK_VERSION.to_string(),
        "activation" => config.activation.name().to_string(),
        "regularization" => config.regularization.name().to_string(),
        "batchSize" => config.batch_size.to_string(),
        "dataset" => config.dataset.name().to_string(),
        "regDataset" => config.reg_dataset.name().to_string(),
        "learningRate" => format_real(config.learning_rate),
        "regularizationRate" => format_real(config.regularization_rate),
        "noise" => format_real(config.noise),
        "networkShape" => join_sizes(&config.network_shape),
        "seed" => config.seed.clone(),
        _ => return value_of_rest(config, base, key),
    };
    Some(value)
}

/// [`value_of`] for the keys after `seed`.
fn value_of_rest(config: &Config, base: Option<&Config>, key: &str) -> Option<String> {
    let value = match key {
        "showTestData" => config.show_test_data.to_string(),
        "discretize" => config.discretize.to_string(),
        "percTrainData" => config.perc_train_data.to_string(),
        "collectStats" => config.collect_stats.to_string(),
        "tutorial" => return optional(config.tutorial.clone(), base.map(|b| &b.tutorial)),
        "problem" => config.problem.name().to_string(),
        "initZero" => (config.init == Init::Zero).to_string(),
        "hideText" => config.hide_text.to_string(),
        "optimizer" => config.optimizer.name().to_string(),
        "momentum" => format_real(config.momentum),
        "nesterov" => config.nesterov.to_string(),
        "loss" => config.loss.name().to_string(),
        "init" => config.init.name().to_string(),
        "classes" => config.classes.to_string(),
        "speed" => config.speed.to_string(),
        "embed" => config.embed.to_string(),
        "shortcuts" => return config.shortcuts.map(|on| on.to_string()),
        // Written when open, or when closing what the preset opens.
        "stepThrough" => {
            let preset_opens = base.is_some_and(|b| b.step_through);
            return (config.step_through || preset_opens).then(|| config.step_through.to_string());
        }
        "preset" => return config.preset.clone(),
        "weights" => {
            let text = config.weights.as_ref().map(Weights::encode);
            let base_has = base.map(|b| b.weights.as_ref().map(Weights::encode));
            return optional(text, base_has.as_ref());
        }
        _ => return None,
    };
    Some(value)
}

/// An optional text: written when set, written empty when it clears the preset's value.
fn optional(value: Option<String>, base: Option<&Option<String>>) -> Option<String> {
    match (value, base) {
        (Some(text), _) => Some(text),
        (None, Some(Some(_))) => Some(String::new()),
        (None, _) => None,
    }
}

/// The `<key>_hide` pairs: the configuration's hidden controls, and those the preset hides that
/// the configuration shows.
fn hide_pairs(config: &Config, base: Option<&Config>) -> Vec<(String, String)> {
    let shown = base.map(|b| b.hidden.difference(&config.hidden).cloned().collect());
    let shown: std::collections::BTreeSet<String> = shown.unwrap_or_default();
    let mut pairs: Vec<(String, String)> = config
        .hidden
        .iter()
        .map(|key| (key.clone(), true))
        .chain(shown.into_iter().map(|key| (key, false)))
        .map(|(key, hidden)| (format!("{key}_hide"), hidden.to_string()))
        .collect();
    pairs.sort();
    pairs
}

/// Layer sizes as `4,2`.
fn join_sizes(sizes: &[usize]) -> String {
    let texts: Vec<String> = sizes.iter().map(usize::to_string).collect();
    texts.join(",")
}

/// Keeps the first [`MAX_WARNINGS`] warnings and counts the rest in one more.
fn cap_warnings(mut warnings: Vec<Warning>) -> Vec<Warning> {
    if warnings.len() > MAX_WARNINGS {
        let rest = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(Warning::new("*", format!("and {rest} more problems")));
    }
    warnings
}

/// The first characters of a possibly huge text, for warnings.
fn short(text: &str) -> String {
    let mut shortened: String = text.chars().take(40).collect();
    if shortened.len() < text.len() {
        shortened.push('…');
    }
    shortened
}

/// Decodes `%XX` escapes as browsers send them; malformed escapes stay as they are.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = bytes.get(index + 1..index + 3).and_then(hex_byte);
        match (bytes[index], escaped) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Reads two hexadecimal digits.
fn hex_byte(digits: &[u8]) -> Option<u8> {
    let text = std::str::from_utf8(digits).ok()?;
    u8::from_str_radix(text, 16)
        .ok()
        .filter(|_| digits.iter().all(u8::is_ascii_hexdigit))
}

/// Escapes every byte outside `A-Z a-z 0-9 - . _ ~ , ; : /` as `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~,;:/".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Limits;
    use std::collections::BTreeSet;

    /// A seed source for links that must not need one.
    fn no_seed() -> String {
        panic!("the link has a seed")
    }

    /// The keys named by warnings.
    fn warned(decoded: &Decoded) -> BTreeSet<&str> {
        decoded.warnings.iter().map(|w| w.key.as_str()).collect()
    }

    /// A link copied from TensorFlow Playground (the issue quotes it), all keys in its order.
    const TF_LINK: &str = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane\
        &learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.74011\
        &showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false\
        &xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false\
        &collectStats=false&problem=classification&initZero=false&hideText=false";

    /// Its canonical form, written out by hand from the key order documented above.
    const TF_LINK_CANONICAL: &str = "#v=1&activation=tanh&regularization=none&batchSize=10\
        &dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0\
        &networkShape=4,2&seed=0.74011&showTestData=false&discretize=false&percTrainData=50\
        &x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false\
        &cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false\
        &hideText=false&optimizer=sgd&momentum=0&nesterov=false&loss=squared&init=uniform\
        &classes=2&speed=1&embed=false";

    #[test]
    fn tensorflow_playground_link_opens_its_default_experiment() {
        let decoded = decode(TF_LINK, no_seed);
        assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
        assert!(!decoded.drew_seed);
        let expected = Config {
            seed: "0.74011".into(),
            ..Config::default()
        };
        assert_eq!(decoded.config, expected);
        assert_eq!(encode(&decoded.config), TF_LINK_CANONICAL);
    }

    #[test]
    fn golden_links_keep_their_canonical_forms() {
        // Links of the worked cases C01, C02 and C07 (shared/cases/README.md, copied here), and
        // their canonical forms as this version 1 writes them: later versions must read the
        // left side to the same settings.
        let tail = "&showTestData=false&discretize=false";
        let golden = [
            (
                "#problem=regression&regDataset=reg-plane&activation=tanh&learningRate=1\
                 &batchSize=1&networkShape=8&noise=50&percTrainData=50&seed=0.42182",
                format!(
                    "#v=1&activation=tanh&regularization=none&batchSize=1&dataset=circle\
                     &regDataset=reg-plane&learningRate=1&regularizationRate=0&noise=50\
                     &networkShape=8&seed=0.42182{tail}&percTrainData=50"
                ),
                "problem=regression",
            ),
            (
                "#regularization=L2&regularizationRate=10&learningRate=0.3&activation=tanh\
                 &batchSize=30&dataset=spiral&noise=15&networkShape=8,8&percTrainData=90\
                 &seed=0.65451",
                format!(
                    "#v=1&activation=tanh&regularization=L2&batchSize=30&dataset=spiral\
                     &regDataset=reg-plane&learningRate=0.3&regularizationRate=10&noise=15\
                     &networkShape=8,8&seed=0.65451{tail}&percTrainData=90"
                ),
                "problem=classification",
            ),
            (
                "#dataset=circle&networkShape=4,2&activation=tanh&learningRate=0.03\
                 &batchSize=10&seed=0.59704",
                format!(
                    "#v=1&activation=tanh&regularization=none&batchSize=10&dataset=circle\
                     &regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0\
                     &networkShape=4,2&seed=0.59704{tail}&percTrainData=50"
                ),
                "problem=classification",
            ),
        ];
        for (link, prefix, problem) in golden {
            let decoded = decode(link, no_seed);
            assert!(
                decoded.warnings.is_empty(),
                "{link}: {:?}",
                decoded.warnings
            );
            let canonical = encode(&decoded.config);
            assert!(canonical.starts_with(&prefix), "{canonical}");
            assert!(canonical.contains(problem), "{canonical}");
        }
    }

    #[test]
    fn c09_link_is_clamped_to_the_limits_with_one_warning_per_key() {
        let link = "#noise=2000&networkShape=8,8,8,8,8,8,8,8,8,8&batchSize=1000\
                    &learningRate=1000&regularizationRate=50&percTrainData=100";
        let decoded = decode(link, || "0.5".into());
        let keys = warned(&decoded);
        let expected: BTreeSet<&str> = [
            "noise",
            "networkShape",
            "batchSize",
            "learningRate",
            "regularizationRate",
            "percTrainData",
        ]
        .into_iter()
        .collect();
        assert_eq!(keys, expected);
        let canonical = encode(&decoded.config);
        for part in [
            "noise=50",
            "networkShape=8,8,8,8,8,8&",
            "batchSize=30",
            "learningRate=10&",
            "regularizationRate=10",
            "percTrainData=90",
        ] {
            assert!(canonical.contains(part), "{part} missing in {canonical}");
        }
    }

    #[test]
    fn c10_hide_flags_hide_exactly_their_control_and_survive_round_trips() {
        let decoded = decode("#percTrainData_hide=true&noise_hide=true&seed=1", no_seed);
        let hidden: Vec<&str> = decoded.config.hidden.iter().map(String::as_str).collect();
        assert_eq!(hidden, ["noise", "percTrainData"]);
        let canonical = encode(&decoded.config);
        assert!(
            canonical.ends_with("&noise_hide=true&percTrainData_hide=true"),
            "{canonical}"
        );
        assert_eq!(decode(&canonical, no_seed).config, decoded.config);
        let decoded = decode("#percTrainData_hide=false&bogus_hide=true&seed=1", no_seed);
        assert!(decoded.config.hidden.is_empty());
        assert_eq!(warned(&decoded), ["bogus_hide"].into_iter().collect());
    }

    #[test]
    fn a_link_without_seed_gets_the_fresh_one_and_keeps_it() {
        let decoded = decode("", || seed_from_unit(0.421_824));
        assert!(decoded.drew_seed);
        assert_eq!(decoded.config.seed, "0.42182");
        assert!(encode(&decoded.config).contains("&seed=0.42182&"));
        assert!(decode("#seed=", || "7".into()).drew_seed);
    }

    #[test]
    fn a_slide_decks_hash_is_no_setting() {
        // C15: a host page keeps its slide in the fragment ('#/3'); read as a link, it changes
        // nothing and names itself.
        let decoded = decode("#/3", || "1".into());
        assert_eq!(
            decoded.config,
            Config {
                seed: "1".into(),
                ..Config::default()
            }
        );
        assert_eq!(warned(&decoded), ["/3"].into_iter().collect());
        let embedded = decode("#embed=true&seed=1", no_seed).config;
        assert!(embedded.embed && encode(&embedded).ends_with("&embed=true"));
        assert_eq!(
            embedded.shortcuts, None,
            "the mode's default unless the link says"
        );
        let with_keys = decode("#embed=true&shortcuts=true&seed=1", no_seed).config;
        assert_eq!(with_keys.shortcuts, Some(true));
        assert!(encode(&with_keys).ends_with("&embed=true&shortcuts=true"));
    }

    #[test]
    fn whole_urls_and_fragments_without_hash_are_read() {
        let url = "https://playground.tensorflow.org/#activation=relu&seed=3";
        let config = decode(url, no_seed).config;
        assert_eq!(
            (config.activation, config.seed.as_str()),
            (Activation::Relu, "3")
        );
        let bare = decode("activation=sigmoid&seed=3", no_seed).config;
        assert_eq!(bare.activation, Activation::Sigmoid);
        let no_fragment = decode("https://example.org/page?activation=relu", || "1".into());
        assert_eq!(no_fragment.config.activation, Activation::Tanh);
    }

    #[test]
    fn values_within_limits_are_kept_exactly_and_written_shortest() {
        let config = decode("learningRate=0.02&noise=12.5&momentum=0.9&seed=1", no_seed).config;
        assert_eq!(
            (config.learning_rate, config.noise, config.momentum),
            (0.02, 12.5, 0.9)
        );
        assert_eq!(format_real(0.00001), "0.00001");
        assert_eq!(format_real(1e-7), "1e-7");
        assert_eq!(format_real(0.1 + 0.2), "0.30000000000000004");
        let tiny = decode("learningRate=1e-300&seed=1", no_seed).config;
        assert_eq!(tiny.learning_rate, 1e-300);
        assert!(encode(&tiny).contains("learningRate=1e-300&"));
    }

    #[test]
    fn every_invalid_value_class_falls_back_and_names_its_key() {
        let cases = [
            ("activation=swish", "activation"),
            ("batchSize=ten", "batchSize"),
            ("batchSize=2.5", "batchSize"),
            ("learningRate=NaN", "learningRate"),
            ("learningRate=inf", "learningRate"),
            ("learningRate=-1", "learningRate"),
            ("noise=-5", "noise"),
            ("networkShape=4,x", "networkShape"),
            ("networkShape=0", "networkShape"),
            ("showTestData=yes", "showTestData"),
            ("weights=1:1,2/0", "weights"),
            ("weights=garbage", "weights"),
            ("classes=9", "classes"),
            ("momentum=1", "momentum"),
            ("speed=0", "speed"),
            ("v=2", "v"),
            ("preset=nope", "preset"),
            ("colour=red", "colour"),
            ("x=false&y=false&xTimesY=false", "x"),
        ];
        for (pair, key) in cases {
            let decoded = decode(&format!("{pair}&seed=1"), no_seed);
            assert_eq!(warned(&decoded), [key].into_iter().collect(), "{pair}");
            let mut config = decoded.config.clone();
            assert!(
                config.normalize().is_empty(),
                "{pair} left an out-of-range value"
            );
        }
        let fallback = decode("batchSize=ten&activation=swish&learningRate=NaN", || {
            "1".into()
        });
        assert_eq!(fallback.config.batch_size, 10);
        assert_eq!(fallback.config.activation, Activation::Tanh);
        assert_eq!(fallback.config.learning_rate, 0.03);
    }

    #[test]
    fn repeated_keys_keep_the_last_value_with_a_warning() {
        let decoded = decode("noise=5&noise=10&seed=1", no_seed);
        assert_eq!(decoded.config.noise, 10.0);
        assert_eq!(warned(&decoded), ["noise"].into_iter().collect());
    }

    #[test]
    fn init_zero_and_init_agree() {
        let zero = decode("initZero=true&seed=1", no_seed).config;
        assert_eq!(zero.init, Init::Zero);
        assert!(encode(&zero).contains("&initZero=true&"));
        assert!(encode(&zero).contains("&init=zero&"));
        let conflict = decode("initZero=true&init=glorot&seed=1", no_seed);
        assert_eq!(conflict.config.init, Init::Glorot);
        assert_eq!(warned(&conflict), ["initZero"].into_iter().collect());
    }

    #[test]
    fn percent_escapes_are_decoded_and_written_back() {
        let decoded = decode("seed=a%20b%26c&tutorial=caf%C3%A9", no_seed);
        assert_eq!(decoded.config.seed, "a b&c");
        assert_eq!(decoded.config.tutorial.as_deref(), Some("café"));
        let canonical = encode(&decoded.config);
        assert!(canonical.contains("seed=a%20b%26c&"), "{canonical}");
        assert_eq!(decode(&canonical, no_seed).config, decoded.config);
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn weights_in_links_must_fit_the_shape() {
        let link = "networkShape=&weights=1:4,4/-6&seed=1";
        let decoded = decode(link, no_seed);
        assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
        let weights = decoded.config.weights.as_ref().unwrap();
        assert_eq!(weights.layers[0].weights, vec![4.0, 4.0]);
        assert!(encode(&decoded.config).contains("&weights=1:4,4/-6"));
        let wrong = decode("networkShape=2&weights=1:4,4/-6&seed=1", no_seed);
        assert_eq!(wrong.config.weights, None);
        assert_eq!(warned(&wrong), ["weights"].into_iter().collect());
    }

    #[test]
    fn changes_to_a_presets_extras_survive_the_round_trip() {
        let mut config = decode("preset=perceptron-and-hand&seed=1", no_seed).config;
        assert!(config.weights.is_some());
        assert!(config.hidden.contains("networkShape"));
        config.weights = None;
        config.hidden.clear();
        config.tutorial = Some("gates".into());
        let canonical = encode(&config);
        assert!(
            canonical.contains("&weights=&networkShape_hide=false"),
            "{canonical}"
        );
        assert_eq!(decode(&canonical, no_seed).config, config);
    }

    #[test]
    fn a_hundred_kilobyte_fragment_decodes_with_its_warnings_capped() {
        let mut fragment = String::from("#seed=1&networkShape=");
        fragment.push_str(&"8,".repeat(20_000));
        fragment.push_str("8&");
        fragment.push_str(&"junk%zz=1&x=maybe&".repeat(4_000));
        assert!(fragment.len() > 100_000);
        // Its decoding time is measured by `cargo bench -p playground-model --bench link`.
        let decoded = decode(&fragment, no_seed);
        assert_eq!(decoded.config.network_shape, vec![8; 6]);
        assert_eq!(decoded.warnings.len(), MAX_WARNINGS + 1);
    }

    #[test]
    fn limits_follow_the_data() {
        let digits = decode(
            "dataset=digits&networkShape=100&batchSize=150&seed=1",
            no_seed,
        );
        assert!(digits.warnings.is_empty(), "{:?}", digits.warnings);
        let limits = Limits {
            max_layers: 6,
            max_neurons: 128,
            max_batch: 200,
        };
        assert_eq!(digits.config.limits(), limits);
        let circle = decode("networkShape=100&batchSize=150&seed=1", no_seed).config;
        assert_eq!((circle.network_shape[0], circle.batch_size), (8, 30));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::presets::PRESETS;
        use crate::weights::{LayerWeights, Weights};
        use proptest::prelude::*;
        use proptest::sample::select;

        /// Weights of the right shape for `config`, cycling through `values`.
        fn fill_weights(config: &Config, values: &[f64]) -> Weights {
            let mut next = values.iter().copied().cycle();
            let sizes = config.layer_sizes();
            let layers = sizes
                .windows(2)
                .map(|pair| LayerWeights {
                    weights: next.by_ref().take(pair[0] * pair[1]).collect(),
                    biases: next.by_ref().take(pair[1]).collect(),
                })
                .collect();
            Weights { layers }
        }

        prop_compose! {
            fn data_part()(
                problem in select(Problem::ALL),
                dataset in select(DatasetKind::ALL),
                reg_dataset in select(RegDatasetKind::ALL),
                classes in 2usize..=6,
                noise in prop_oneof![(0u32..=10).prop_map(|n| f64::from(n) * 5.0), 0.0..=50.0],
                perc_train_data in 10u32..=90,
                seed in prop_oneof!["[0-9.]{1,8}", "\\PC{1,10}"],
                features in prop::collection::btree_set(select(Feature::ALL), 1..=9),
            ) -> Config {
                Config {
                    problem, dataset, reg_dataset, classes, noise, perc_train_data, seed,
                    features, ..Config::default()
                }
            }
        }

        prop_compose! {
            fn valid_config()(
                base in data_part(),
                network_shape in prop::collection::vec(1usize..=8, 0..=6),
                activation in select(Activation::ALL),
                init in select(Init::ALL),
                loss in select(Loss::ALL),
                optimizer in select(Optimizer::ALL),
                learning_rate in prop_oneof![1e-9..=10.0, select(&[0.00001, 0.03, 10.0][..])],
                momentum in 0.0..=0.99,
                batch_size in 1usize..=30,
                regularization in select(Regularization::ALL),
                regularization_rate in 0.0..=10.0,
                switches in prop::array::uniform7(any::<bool>()),
                tutorial in prop::option::of("[a-z]{1,8}"),
                speed in 1u32..=100,
                preset in prop::option::of(select(PRESETS).prop_map(|p| p.name.to_string())),
                hidden in prop::collection::btree_set(select(&KEY_ORDER[1..]), 0..4),
                weights in prop::option::of(prop::collection::vec(-1e3..1e3, 1..8)),
            ) -> Config {
                let mut config = Config {
                    network_shape, activation, init, loss, optimizer, learning_rate, momentum,
                    batch_size, regularization, regularization_rate,
                    show_test_data: switches[0], discretize: switches[1], hide_text: switches[2],
                    collect_stats: switches[3], nesterov: switches[4], embed: switches[5],
                    tutorial, speed, preset,
                    hidden: hidden.into_iter().map(str::to_string).collect(),
                    ..base
                };
                if switches[6] { config.weights = weights.map(|w| fill_weights(&config, &w)); }
                config.normalize();
                config
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]

            #[test]
            fn valid_configs_round_trip_exactly(config in valid_config()) {
                let mut again = config.clone();
                prop_assert!(again.normalize().is_empty(), "normalize is not idempotent");
                let canonical = encode(&config);
                let decoded = decode(&canonical, no_seed);
                prop_assert!(decoded.warnings.is_empty(), "{:?}", decoded.warnings);
                prop_assert_eq!(&decoded.config, &config);
                prop_assert_eq!(encode(&decoded.config), canonical);
            }

            #[test]
            fn garbage_decodes_to_a_valid_config(text in ".{0,200}") {
                check_canonical_is_stable(&text)?;
            }

            #[test]
            fn mangled_known_keys_decode_to_a_valid_config(
                pairs in prop::collection::vec(
                    (select(KEY_ORDER), prop_oneof!["[-+0-9.eE,:/;]{0,12}", ".{0,8}"]),
                    0..12,
                )
            ) {
                let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                check_canonical_is_stable(&text.join("&"))?;
            }
        }

        /// Any text decodes to settings within limits whose link is a fixed point.
        fn check_canonical_is_stable(text: &str) -> Result<(), TestCaseError> {
            let decoded = decode(text, || "0.5".into());
            let mut config = decoded.config.clone();
            prop_assert!(config.normalize().is_empty());
            let numbers = [config.learning_rate, config.noise, config.momentum];
            prop_assert!(numbers.iter().all(|n| n.is_finite()));
            let canonical = encode(&config);
            let again = decode(&canonical, no_seed);
            prop_assert!(again.warnings.is_empty(), "{:?}", again.warnings);
            prop_assert_eq!(encode(&again.config), canonical);
            Ok(())
        }
    }
}
