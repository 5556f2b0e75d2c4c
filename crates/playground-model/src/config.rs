//! Every setting the playground offers, with TensorFlow Playground's defaults and the limits that
//! hold whatever a link or a widget asks for.
//!
//! The enums here are the model's own; the session maps them to the engine's types. Each enum
//! value has the name a link writes for it ([`Activation::name`] and friends).

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::weights::Weights;

/// Declares a plain enum whose values have fixed names in links.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the controls list them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The value's name in links.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Reads a name as links write it (ASCII case ignored); `None` when unknown.
            pub fn from_name(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.name().eq_ignore_ascii_case(text))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

named_enum! {
    /// The activation function of the hidden neurons (the output's follows from the loss).
    Activation {
        /// max(0, x).
        Relu = "relu",
        /// tanh(x), TensorFlow Playground's default.
        Tanh = "tanh",
        /// 1 / (1 + e^-x).
        Sigmoid = "sigmoid",
        /// x.
        Linear = "linear",
        /// x for x > 0, 0.01 x otherwise.
        LeakyRelu = "leaky-relu",
        /// 1 for x > 0, 0 otherwise (the historical perceptron; its gradient is zero).
        Step = "step",
    }
}

named_enum! {
    /// The penalty on the weights (never on the biases).
    Regularization {
        /// No penalty.
        None = "none",
        /// rate * sum |w|, applied as a soft-threshold step.
        L1 = "L1",
        /// rate / 2 * sum w^2.
        L2 = "L2",
    }
}

named_enum! {
    /// Whether the network separates classes or fits a real value.
    Problem {
        /// Labels are classes; uses [`Config::dataset`].
        Classification = "classification",
        /// Labels are real values; uses [`Config::reg_dataset`].
        Regression = "regression",
    }
}

named_enum! {
    /// The data set of a classification problem.
    DatasetKind {
        /// Two rings around the origin (TensorFlow Playground's default).
        Circle = "circle",
        /// Four quadrants labelled by the sign of x * y.
        Xor = "xor",
        /// Two gaussian clouds.
        Gauss = "gauss",
        /// Interleaved spiral arms, one per class.
        Spiral = "spiral",
        /// The truth table of AND.
        GateAnd = "gate-and",
        /// The truth table of OR.
        GateOr = "gate-or",
        /// The truth table of NAND.
        GateNand = "gate-nand",
        /// The truth table of XOR.
        GateXor = "gate-xor",
        /// The truth table of NOT (one input).
        GateNot = "gate-not",
        /// Gaussian blobs, one per class.
        Blobs = "blobs",
        /// 8 x 8 images of handwritten digits, ten classes.
        Digits = "digits",
        /// The user's own points (see [`crate::own_data`]), as many classes as `classes`.
        Own = "own",
    }
}

named_enum! {
    /// The data set of a regression problem.
    RegDatasetKind {
        /// A tilted plane over x and y (TensorFlow Playground's default).
        Plane = "reg-plane",
        /// Gaussian bumps of alternating sign.
        Gauss = "reg-gauss",
        /// A 1-D curve over x.
        Curve = "reg-curve",
        /// The user's own points with their values (see [`crate::own_data`]).
        Own = "reg-own",
    }
}

named_enum! {
    /// How the weights are updated from the gradient.
    Optimizer {
        /// Mini-batch gradient descent, with optional (Nesterov) momentum.
        Sgd = "sgd",
        /// Adam (Kingma and Ba, 2015).
        Adam = "adam",
        /// Limited-memory BFGS over the whole training set.
        Lbfgs = "lbfgs",
    }
}

named_enum! {
    /// The data loss the optimizer minimises and the readouts show.
    Loss {
        /// Mean of 1/2 (output - target)^2 (TensorFlow Playground's).
        Squared = "squared",
        /// Mean of -log p(target); softmax outputs for more than two classes.
        CrossEntropy = "cross-entropy",
    }
}

named_enum! {
    /// How the weights start (before any `weights=` of the link).
    Init {
        /// Weights uniform in (-0.5, 0.5), biases 0.1 (TensorFlow Playground's).
        Uniform = "uniform",
        /// Glorot (Xavier) uniform weights and biases, as scikit-learn's MLP draws them.
        Glorot = "glorot",
        /// Every weight and bias 0 (TensorFlow Playground's `initZero=true`).
        Zero = "zero",
    }
}

named_enum! {
    /// An input feature computed from a point (x1, x2); the link key is the name.
    Feature {
        /// x1.
        X = "x",
        /// x2.
        Y = "y",
        /// x1 * x2.
        XTimesY = "xTimesY",
        /// x1^2.
        XSquared = "xSquared",
        /// x2^2.
        YSquared = "ySquared",
        /// sin(x1).
        SinX = "sinX",
        /// sin(x2).
        SinY = "sinY",
        /// cos(x1): TensorFlow Playground writes the key but has no such feature; read and
        /// written, it feeds nothing.
        CosX = "cosX",
        /// cos(x2): like `cosX`, read and written but feeding nothing.
        CosY = "cosY",
    }
}

/// A change made to a setting while reading or checking it, for the UI to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The link key of the setting concerned (for example `batchSize`).
    pub key: String,
    /// What was wrong and what is used instead.
    pub message: String,
}

impl Warning {
    /// A warning about `key`.
    pub fn new(key: &str, message: impl Into<String>) -> Self {
        Warning {
            key: key.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

/// Most hidden layers of any network.
pub const MAX_LAYERS: usize = 6;
/// Most neurons in a hidden layer for 2-D data (TensorFlow Playground's limit).
pub const MAX_NEURONS_2D: usize = 8;
/// Most neurons in a hidden layer for the digits.
pub const MAX_NEURONS_DIGITS: usize = 128;
/// Largest batch for 2-D data (TensorFlow Playground's slider).
pub const MAX_BATCH_2D: usize = 30;
/// Largest batch for the digits.
pub const MAX_BATCH_DIGITS: usize = 200;
/// Largest noise, in percent.
pub const MAX_NOISE: f64 = 50.0;
/// Largest learning rate; the smallest is any positive number.
pub const MAX_LEARNING_RATE: f64 = 10.0;
/// Largest regularization rate; the smallest is 0.
pub const MAX_REGULARIZATION_RATE: f64 = 10.0;
/// Largest momentum; the smallest is 0.
pub const MAX_MOMENTUM: f64 = 0.99;
/// Smallest and largest training share, in percent of all points.
pub const PERC_TRAIN_RANGE: (u32, u32) = (10, 90);
/// Smallest and largest number of classes for `blobs` and `spiral`.
pub const CLASSES_RANGE: (usize, usize) = (2, 6);
/// Smallest and largest speed, in epochs per animation frame.
pub const SPEED_RANGE: (u32, u32) = (1, 100);
/// Longest seed, tutorial or preset name kept, in characters.
pub const MAX_TEXT_LEN: usize = 64;

/// The limits of a configuration that depend on its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most hidden layers.
    pub max_layers: usize,
    /// Most neurons in one hidden layer.
    pub max_neurons: usize,
    /// Largest batch size.
    pub max_batch: usize,
}

/// Every setting of one experiment. `Config::default()` is TensorFlow Playground's start page.
///
/// A valid configuration (one that [`Config::normalize`] leaves unchanged, with a non-empty seed)
/// survives a round trip through its link exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Classification or regression (`problem`).
    pub problem: Problem,
    /// Data set for classification (`dataset`).
    pub dataset: DatasetKind,
    /// Data set for regression (`regDataset`).
    pub reg_dataset: RegDatasetKind,
    /// Number of classes of `blobs` and `spiral`, 2..=6 (`classes`); other data sets fix theirs.
    pub classes: usize,
    /// Noise in percent, 0..=50 (`noise`); the generators get `noise / 100`.
    pub noise: f64,
    /// Share of all points used for training, in percent, 10..=90 (`percTrainData`).
    pub perc_train_data: u32,
    /// The seed of the data and of the initial weights, any non-empty text (`seed`).
    pub seed: String,
    /// The input feature switches that are on (`x`, `y`, `xTimesY`, ...); see
    /// [`Config::active_features`] for those that feed the network.
    pub features: BTreeSet<Feature>,
    /// Sizes of the hidden layers, input to output (`networkShape`); empty: no hidden layer.
    pub network_shape: Vec<usize>,
    /// Activation of the hidden neurons (`activation`).
    pub activation: Activation,
    /// How the weights start (`init`, or `initZero=true` for [`Init::Zero`]).
    pub init: Init,
    /// Initial weights and biases given by the link (`weights`), replacing `init`.
    pub weights: Option<Weights>,
    /// The data loss (`loss`); more than two classes always use cross-entropy.
    pub loss: Loss,
    /// The update rule (`optimizer`).
    pub optimizer: Optimizer,
    /// Step size, in (0, 10] (`learningRate`).
    pub learning_rate: f64,
    /// Momentum of SGD, 0..=0.99 (`momentum`).
    pub momentum: f64,
    /// Nesterov's variant of momentum (`nesterov`).
    pub nesterov: bool,
    /// Examples per update (`batchSize`): 1..=30 for 2-D data, 1..=200 for the digits.
    pub batch_size: usize,
    /// The weight penalty (`regularization`).
    pub regularization: Regularization,
    /// Its rate, 0..=10 (`regularizationRate`).
    pub regularization_rate: f64,
    /// Whether the test points are drawn (`showTestData`).
    pub show_test_data: bool,
    /// Whether the decision boundary is drawn in two colours only (`discretize`).
    pub discretize: bool,
    /// Whether the explanatory text is hidden (`hideText`).
    pub hide_text: bool,
    /// TensorFlow Playground's unused `collectStats` switch, kept for its links.
    pub collect_stats: bool,
    /// Name of a tutorial text to show (`tutorial`).
    pub tutorial: Option<String>,
    /// Epochs per animation frame while playing, 1..=100 (`speed`).
    pub speed: u32,
    /// Embedded mode for slides: no page chrome, the hash left alone (`embed`).
    pub embed: bool,
    /// Whether the keyboard shortcuts work (`shortcuts`); `None` leaves it to the mode: on in
    /// the full page, off when embedded (where the keys belong to the slide deck).
    pub shortcuts: Option<bool>,
    /// Whether "Step through one example" is open (`stepThrough`), so a link can open it.
    pub step_through: bool,
    /// The preset this experiment started from (`preset`).
    pub preset: Option<String>,
    /// Link keys of the controls hidden by `<key>_hide=true`.
    pub hidden: BTreeSet<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            problem: Problem::Classification,
            dataset: DatasetKind::Circle,
            reg_dataset: RegDatasetKind::Plane,
            classes: 2,
            noise: 0.0,
            perc_train_data: 50,
            seed: String::new(),
            features: [Feature::X, Feature::Y].into_iter().collect(),
            network_shape: vec![4, 2],
            activation: Activation::Tanh,
            init: Init::Uniform,
            weights: None,
            loss: Loss::Squared,
            optimizer: Optimizer::Sgd,
            learning_rate: 0.03,
            momentum: 0.0,
            nesterov: false,
            batch_size: 10,
            regularization: Regularization::None,
            regularization_rate: 0.0,
            show_test_data: false,
            discretize: false,
            hide_text: false,
            collect_stats: false,
            tutorial: None,
            speed: 1,
            embed: false,
            shortcuts: None,
            step_through: false,
            preset: None,
            hidden: BTreeSet::new(),
        }
    }
}

impl Config {
    /// Whether the data are the digits (a classification of 64 pixels), not points of a plane.
    pub fn is_digits(&self) -> bool {
        self.problem == Problem::Classification && self.dataset == DatasetKind::Digits
    }

    /// Whether the data are the user's own points rather than generated ones.
    pub fn uses_own_data(&self) -> bool {
        match self.problem {
            Problem::Classification => self.dataset == DatasetKind::Own,
            Problem::Regression => self.reg_dataset == RegDatasetKind::Own,
        }
    }

    /// The limits that depend on the data.
    pub fn limits(&self) -> Limits {
        if self.is_digits() {
            Limits {
                max_layers: MAX_LAYERS,
                max_neurons: MAX_NEURONS_DIGITS,
                max_batch: MAX_BATCH_DIGITS,
            }
        } else {
            Limits {
                max_layers: MAX_LAYERS,
                max_neurons: MAX_NEURONS_2D,
                max_batch: MAX_BATCH_2D,
            }
        }
    }

    /// Number of classes of the data (`None` in regression).
    pub fn class_count(&self) -> Option<usize> {
        match (self.problem, self.dataset) {
            (Problem::Regression, _) => None,
            (_, DatasetKind::Digits) => Some(10),
            (_, DatasetKind::Blobs | DatasetKind::Spiral | DatasetKind::Own) => Some(self.classes),
            _ => Some(2),
        }
    }

    /// Whether the data have more than two classes, which always use cross-entropy.
    pub fn forces_cross_entropy(&self) -> bool {
        self.class_count().is_some_and(|classes| classes > 2)
    }

    /// The loss used: squared in regression, cross-entropy for more than two classes, else
    /// [`Config::loss`].
    pub fn effective_loss(&self) -> Loss {
        match self.class_count() {
            None => Loss::Squared,
            Some(_) if self.forces_cross_entropy() => Loss::CrossEntropy,
            Some(_) => self.loss,
        }
    }

    /// Whether the data are points of the plane (x1, x2), which the features transform; the
    /// digits, NOT's one input and the 1-D curve feed the network their inputs as they are.
    pub fn is_plane_data(&self) -> bool {
        match self.problem {
            Problem::Classification => {
                !matches!(self.dataset, DatasetKind::Digits | DatasetKind::GateNot)
            }
            Problem::Regression => self.reg_dataset != RegDatasetKind::Curve,
        }
    }

    /// The features that feed the network, in [`Feature::ALL`] order: none unless the data are
    /// points of the plane, and never `cosX` or `cosY`, which links carry but nothing computes
    /// (as in TensorFlow Playground).
    pub fn active_features(&self) -> Vec<Feature> {
        if !self.is_plane_data() {
            return Vec::new();
        }
        let computed = |f: &&Feature| !matches!(f, Feature::CosX | Feature::CosY);
        self.features.iter().filter(computed).copied().collect()
    }

    /// Brings every setting within its limits, returning one warning per change.
    pub fn normalize(&mut self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        self.normalize_numbers(&mut warnings);
        self.normalize_choices(&mut warnings);
        self.normalize_shape(&mut warnings);
        self.normalize_texts(&mut warnings);
        warnings
    }

    /// Clamps the real and integer settings.
    fn normalize_numbers(&mut self, warnings: &mut Vec<Warning>) {
        let defaults = Config::default();
        let w = &mut *warnings;
        self.noise = clamp_real(w, "noise", self.noise, 0.0, MAX_NOISE, defaults.noise);
        let lr = self.learning_rate;
        self.learning_rate = if lr.is_finite() && lr <= 0.0 {
            w.push(Warning::new(
                "learningRate",
                format!("{lr} is not positive; using 0.03"),
            ));
            defaults.learning_rate
        } else {
            clamp_real(
                w,
                "learningRate",
                lr,
                0.0,
                MAX_LEARNING_RATE,
                defaults.learning_rate,
            )
        };
        let rate = self.regularization_rate;
        self.regularization_rate = clamp_real(w, "regularizationRate", rate, 0.0, 10.0, 0.0);
        self.momentum = clamp_real(w, "momentum", self.momentum, 0.0, MAX_MOMENTUM, 0.0);
        let (low, high) = PERC_TRAIN_RANGE;
        self.perc_train_data = clamp_int(w, "percTrainData", self.perc_train_data, low, high);
        let (low, high) = CLASSES_RANGE;
        self.classes = clamp_int(w, "classes", self.classes, low, high);
        let (low, high) = SPEED_RANGE;
        self.speed = clamp_int(w, "speed", self.speed, low, high);
        let max_batch = self.limits().max_batch;
        self.batch_size = clamp_int(w, "batchSize", self.batch_size, 1, max_batch);
    }

    /// Limits the number and the sizes of the hidden layers, then checks the given weights.
    fn normalize_shape(&mut self, warnings: &mut Vec<Warning>) {
        let limits = self.limits();
        if self.network_shape.len() > limits.max_layers {
            self.network_shape.truncate(limits.max_layers);
            let message = format!("at most {} hidden layers; extra layers dropped", MAX_LAYERS);
            warnings.push(Warning::new("networkShape", message));
        }
        let asked = self.network_shape.clone();
        for size in &mut self.network_shape {
            *size = (*size).clamp(1, limits.max_neurons);
        }
        if self.network_shape != asked {
            let message = format!(
                "layers have 1 to {} neurons; using {}",
                limits.max_neurons,
                join_sizes(&self.network_shape)
            );
            warnings.push(Warning::new("networkShape", message));
        }
        let fits = self
            .weights
            .as_ref()
            .is_none_or(|w| w.fits(&self.layer_sizes()));
        if !fits {
            self.weights = None;
            let message = "do not fit the network's shape; using the initialisation instead";
            warnings.push(Warning::new("weights", message));
        }
    }

    /// Repairs combinations of choices that cannot work.
    fn normalize_choices(&mut self, warnings: &mut Vec<Warning>) {
        if self.forces_cross_entropy() && self.loss != Loss::CrossEntropy {
            self.loss = Loss::CrossEntropy;
            let message = "more than two classes always use cross-entropy";
            warnings.push(Warning::new("loss", message));
        }
        if self.is_plane_data() && self.active_features().is_empty() {
            self.features.extend(Config::default().features);
            warnings.push(Warning::new("x", "no input feature was on; using x and y"));
        }
    }

    /// Shortens or drops text settings that are too long or unknown.
    fn normalize_texts(&mut self, warnings: &mut Vec<Warning>) {
        if self.seed.chars().count() > MAX_TEXT_LEN {
            self.seed = self.seed.chars().take(MAX_TEXT_LEN).collect();
            let message = format!("longer than {MAX_TEXT_LEN} characters; shortened");
            warnings.push(Warning::new("seed", message));
        }
        if self
            .tutorial
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_TEXT_LEN)
        {
            self.tutorial = None;
            warnings.push(Warning::new("tutorial", "name too long; ignored"));
        }
        let unknown_preset = self
            .preset
            .as_deref()
            .is_some_and(|p| crate::presets::find(p).is_none());
        if unknown_preset {
            self.preset = None;
            warnings.push(Warning::new("preset", "unknown preset; ignored"));
        }
        let before = self.hidden.len();
        self.hidden.retain(|key| crate::link::is_hideable(key));
        if self.hidden.len() != before {
            warnings.push(Warning::new(
                "_hide",
                "unknown controls cannot be hidden; ignored",
            ));
        }
    }

    /// Number of inputs of the network: 64 pixels for the digits, one for NOT and the 1-D
    /// curve, else one per active feature.
    pub fn input_count(&self) -> usize {
        match (self.is_digits(), self.is_plane_data()) {
            (true, _) => 64,
            (false, false) => 1,
            (false, true) => self.active_features().len(),
        }
    }

    /// Number of outputs: one per class beyond two, else one.
    pub fn output_count(&self) -> usize {
        match self.class_count() {
            Some(classes) if classes > 2 => classes,
            _ => 1,
        }
    }

    /// Sizes of all layers, inputs first, outputs last.
    pub fn layer_sizes(&self) -> Vec<usize> {
        let mut sizes = vec![self.input_count()];
        sizes.extend(&self.network_shape);
        sizes.push(self.output_count());
        sizes
    }
}

/// Clamps a real setting to `[low, high]`; a non-finite value becomes `default`. Negative zero
/// becomes zero, so that every value has one written form.
fn clamp_real(
    warnings: &mut Vec<Warning>,
    key: &str,
    value: f64,
    low: f64,
    high: f64,
    default: f64,
) -> f64 {
    if !value.is_finite() {
        warnings.push(Warning::new(
            key,
            format!("{value} is not a number; using {default}"),
        ));
        return default;
    }
    let clamped = value.clamp(low, high) + 0.0;
    if clamped != value {
        warnings.push(Warning::new(
            key,
            format!("{value} is out of range; using {clamped}"),
        ));
    }
    clamped
}

/// Clamps an integer setting to `[low, high]`.
fn clamp_int<T: PartialOrd + Copy + fmt::Display>(
    warnings: &mut Vec<Warning>,
    key: &str,
    value: T,
    low: T,
    high: T,
) -> T {
    let clamped = if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    };
    if clamped != value {
        let message = format!("{value} is outside {low} to {high}; using {clamped}");
        warnings.push(Warning::new(key, message));
    }
    clamped
}

/// Layer sizes as a link writes them: `8,8`.
fn join_sizes(sizes: &[usize]) -> String {
    sizes
        .iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_layers_are_clamped_with_one_plain_warning() {
        let mut config = Config {
            network_shape: vec![99, 99, 0],
            ..Config::default()
        };
        let warnings = config.normalize();
        assert_eq!(config.network_shape, [8, 8, 1]);
        let shape: Vec<_> = warnings
            .iter()
            .filter(|w| w.key == "networkShape")
            .collect();
        assert_eq!(shape.len(), 1, "{warnings:?}");
        assert_eq!(shape[0].message, "layers have 1 to 8 neurons; using 8,8,1");
    }

    #[test]
    fn defaults_are_tensorflow_playgrounds() {
        // Values from TensorFlow Playground's state.ts defaults (see the list).
        let config = Config::default();
        assert_eq!(config.dataset, DatasetKind::Circle);
        assert_eq!(config.network_shape, vec![4, 2]);
        assert_eq!(config.activation, Activation::Tanh);
        assert_eq!(config.learning_rate, 0.03);
        assert_eq!((config.batch_size, config.perc_train_data), (10, 50));
        assert_eq!(config.noise, 0.0);
        assert_eq!(config.active_features(), vec![Feature::X, Feature::Y]);
        assert_eq!(
            (config.optimizer, config.loss),
            (Optimizer::Sgd, Loss::Squared)
        );
        assert_eq!(config.init, Init::Uniform);
        assert_eq!(config.layer_sizes(), vec![2, 4, 2, 1]);
    }

    #[test]
    fn names_read_back_and_ignore_case() {
        for activation in Activation::ALL {
            assert_eq!(Activation::from_name(activation.name()), Some(*activation));
        }
        assert_eq!(Regularization::from_name("l2"), Some(Regularization::L2));
        assert_eq!(
            DatasetKind::from_name("gate-xor"),
            Some(DatasetKind::GateXor)
        );
        assert_eq!(DatasetKind::from_name("moons"), None);
    }

    #[test]
    fn normalize_clamps_c09_values_to_two_d_limits() {
        // C09's link values: noise 2000, ten layers of 8, batch 1000, rates 1000 and 50.
        let mut config = Config {
            noise: 2000.0,
            network_shape: vec![8; 10],
            batch_size: 1000,
            learning_rate: 1000.0,
            regularization_rate: 50.0,
            perc_train_data: 100,
            ..Config::default()
        };
        let warnings = config.normalize();
        assert_eq!(config.noise, 50.0);
        assert_eq!(config.network_shape, vec![8; 6]);
        assert_eq!(config.batch_size, 30);
        assert_eq!(config.learning_rate, 10.0);
        assert_eq!(config.regularization_rate, 10.0);
        assert_eq!(config.perc_train_data, 90);
        let keys: BTreeSet<&str> = warnings.iter().map(|w| w.key.as_str()).collect();
        let expected = [
            "batchSize",
            "learningRate",
            "networkShape",
            "noise",
            "percTrainData",
        ];
        assert!(expected.iter().all(|key| keys.contains(key)), "{keys:?}");
        assert!(keys.contains("regularizationRate"));
    }

    #[test]
    fn digits_allow_wider_layers_and_batches() {
        let mut config = Config {
            dataset: DatasetKind::Digits,
            network_shape: vec![128, 300],
            batch_size: 200,
            ..Config::default()
        };
        config.normalize();
        assert_eq!(config.network_shape, vec![128, 128]);
        assert_eq!(config.batch_size, 200);
        assert_eq!(config.layer_sizes(), vec![64, 128, 128, 10]);
        assert_eq!(config.effective_loss(), Loss::CrossEntropy);
    }

    #[test]
    fn non_finite_and_non_positive_values_fall_back_to_defaults() {
        let mut config = Config {
            learning_rate: 0.0,
            noise: f64::NAN,
            momentum: f64::INFINITY,
            regularization_rate: -0.0,
            ..Config::default()
        };
        let warnings = config.normalize();
        assert_eq!(config.learning_rate, 0.03);
        assert_eq!(config.noise, 0.0);
        assert_eq!(config.momentum, 0.0);
        assert!(config.regularization_rate.is_sign_positive());
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }

    #[test]
    fn values_within_limits_are_kept_exactly() {
        let mut config = Config {
            learning_rate: 0.02,
            noise: 12.5,
            momentum: 0.9,
            perc_train_data: 67,
            ..Config::default()
        };
        assert!(config.normalize().is_empty());
        assert_eq!(
            (config.learning_rate, config.noise, config.momentum),
            (0.02, 12.5, 0.9)
        );
        assert_eq!(config.perc_train_data, 67);
    }

    #[test]
    fn more_than_two_classes_force_cross_entropy() {
        let mut config = Config {
            dataset: DatasetKind::Spiral,
            classes: 3,
            ..Config::default()
        };
        let warnings = config.normalize();
        assert_eq!(config.loss, Loss::CrossEntropy);
        assert_eq!(warnings[0].key, "loss");
        assert_eq!(config.output_count(), 3);
    }

    #[test]
    fn inputs_follow_the_data_and_cos_features_feed_nothing() {
        let not = Config {
            dataset: DatasetKind::GateNot,
            ..Config::default()
        };
        assert_eq!(not.layer_sizes(), vec![1, 4, 2, 1]);
        let curve = Config {
            problem: Problem::Regression,
            reg_dataset: RegDatasetKind::Curve,
            ..Config::default()
        };
        assert_eq!(curve.input_count(), 1);
        let mut cos_only = Config {
            features: [Feature::CosX, Feature::CosY].into(),
            ..Config::default()
        };
        assert_eq!(cos_only.input_count(), 0);
        let warnings = cos_only.normalize();
        assert_eq!(warnings[0].key, "x");
        assert_eq!(cos_only.active_features(), vec![Feature::X, Feature::Y]);
        assert!(cos_only.features.contains(&Feature::CosX));
    }

    #[test]
    fn regression_always_uses_squared_loss_but_keeps_the_choice() {
        let mut config = Config {
            problem: Problem::Regression,
            loss: Loss::CrossEntropy,
            ..Config::default()
        };
        assert!(config.normalize().is_empty());
        assert_eq!(
            (config.effective_loss(), config.loss),
            (Loss::Squared, Loss::CrossEntropy)
        );
        assert_eq!(config.class_count(), None);
    }
}
