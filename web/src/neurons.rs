//! Single neurons read as the lecture writes them: a formula with live numbers,
//! output = f(w1 x1 + w2 x2 + b), and the straight line w1 x1 + w2 x2 + b = 0 where the weighted
//! sum changes sign. Plain Rust, tested natively; the Perceptron panel and the decision-boundary
//! canvas show what is derived here.

use nn_core::data::{Feature, Features};
use nn_core::{Domain, Objective};
use playground_model::Session;
use playground_model::config::{DatasetKind, Problem};

/// Slopes steeper than this (in absolute value) are written and drawn as a vertical line, so
/// that a tiny `w2` never shows an absurd number.
const STEEPEST_SLOPE: f64 = 1e6;

/// Where one neuron's weighted sum of x1 and x2 is zero: w1 x1 + w2 x2 + b = 0. On one side the
/// sum is positive (the neuron says "blue"), on the other negative.
#[derive(Debug, Clone, PartialEq)]
pub struct NeuronLine {
    /// The name drawn beside the line (`h1`, `h2`...); empty for the perceptron's own line.
    pub label: String,
    /// The weight of x1.
    pub w1: f64,
    /// The weight of x2.
    pub w2: f64,
    /// The bias.
    pub b: f64,
    /// Drawn dashed and thin (a hidden neuron) rather than solid (the decision line).
    pub dashed: bool,
}

/// The kinds of line an equation can describe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LineShape {
    /// x2 = slope x1 + intercept.
    Sloped {
        /// How much x2 changes per unit of x1.
        slope: f64,
        /// x2 where x1 = 0.
        intercept: f64,
    },
    /// x1 = a constant (w2 = 0).
    Vertical {
        /// The constant.
        x1: f64,
    },
    /// No line: both weights are 0 (the sum is b everywhere) or a number is not finite.
    Nowhere,
}

impl NeuronLine {
    /// The perceptron's solid, unlabelled decision line.
    pub fn decision(w1: f64, w2: f64, b: f64) -> Self {
        let label = String::new();
        NeuronLine {
            label,
            w1,
            w2,
            b,
            dashed: false,
        }
    }

    /// Which kind of line the weights give.
    pub fn shape(&self) -> LineShape {
        let (w1, w2, b) = (self.w1, self.w2, self.b);
        if ![w1, w2, b].iter().all(|v| v.is_finite()) || (w1 == 0.0 && w2 == 0.0) {
            return LineShape::Nowhere;
        }
        let (slope, intercept) = (-w1 / w2, -b / w2);
        if w2 != 0.0 && slope.abs() <= STEEPEST_SLOPE && intercept.is_finite() {
            return LineShape::Sloped { slope, intercept };
        }
        match -b / w1 {
            x1 if x1.is_finite() => LineShape::Vertical { x1 },
            _ => LineShape::Nowhere,
        }
    }

    /// The line's equation with two decimals, e.g. `x2 = -0.98 x1 + 1.52` or `x1 = 0.50`, or
    /// a sentence when there is no line.
    pub fn equation(&self) -> String {
        match self.shape() {
            LineShape::Sloped { intercept, .. } if self.w1 == 0.0 => {
                format!("x2 = {}", number(intercept))
            }
            LineShape::Sloped { slope, intercept } => {
                format!("x2 = {} x1{}", number(slope), plus(intercept))
            }
            LineShape::Vertical { x1 } => format!("x1 = {}", number(x1)),
            LineShape::Nowhere => NO_LINE.to_string(),
        }
    }

    /// The part of the line inside `domain`, as its two ends (x1, x2); `None` when the line
    /// misses the domain or there is no line.
    pub fn segment(&self, domain: &Domain) -> Option<[(f64, f64); 2]> {
        // Scale so that the larger weight is 1 (no overflow), then walk along the line from
        // its point nearest the origin, p0 = -b n / |n|^2, in the direction d = (-w2, w1).
        let scale = self.w1.abs().max(self.w2.abs());
        if !(scale.is_finite() && scale > 0.0 && self.b.is_finite()) {
            return None;
        }
        let (w1, w2, b) = (self.w1 / scale, self.w2 / scale, self.b / scale);
        let norm = w1 * w1 + w2 * w2;
        let (p0, d) = ((-b * w1 / norm, -b * w2 / norm), (-w2, w1));
        let (t1, t2) = clip(
            p0.0,
            d.0,
            domain.x1_min,
            domain.x1_max,
            (f64::MIN, f64::MAX),
        )?;
        let (t1, t2) = clip(p0.1, d.1, domain.x2_min, domain.x2_max, (t1, t2))?;
        let at = |t: f64| (p0.0 + t * d.0, p0.1 + t * d.1);
        (t1 < t2).then(|| [at(t1), at(t2)])
    }
}

/// What the panel says when both weights are 0.
pub const NO_LINE: &str = "no line: with w1 = w2 = 0 the sum is b everywhere";

/// Narrows the parameter range `(low, high)` of the points `p + t d` to those whose coordinate
/// lies in `[min, max]` (one step of Liang and Barsky's clipping); `None` when none does.
fn clip(p: f64, d: f64, min: f64, max: f64, (low, high): (f64, f64)) -> Option<(f64, f64)> {
    if d == 0.0 {
        return (min..=max).contains(&p).then_some((low, high));
    }
    let (a, b) = ((min - p) / d, (max - p) / d);
    let (low, high) = (low.max(a.min(b)), high.min(a.max(b)));
    (low <= high).then_some((low, high))
}

/// A number with two decimals (`-0.00` shows as `0.00`), or `n/a` when it is not finite: the
/// page never shows `NaN` or `inf`.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let text = format!("{value:.2}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

/// A term added to what comes before: ` + 1.52`, ` - 1.52`, or nothing for exactly 0.
fn plus(value: f64) -> String {
    if value == 0.0 {
        String::new()
    } else if value < 0.0 {
        format!(" - {}", number(-value))
    } else {
        format!(" + {}", number(value))
    }
}

/// The function of the output neuron as the panel names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFunction {
    /// tanh, with the squared loss (TensorFlow Playground's).
    Tanh,
    /// The sigmoid 1 / (1 + e^-z), with the cross-entropy loss.
    Sigmoid,
    /// 1 where the sum is at least 0, else 0: what "Discretize output" draws.
    Step,
    /// The sum itself (regression).
    Identity,
}

impl OutputFunction {
    /// The function's name in formulas (`tanh`, `sigmoid`, `step`), empty for the identity.
    pub fn name(self) -> &'static str {
        match self {
            OutputFunction::Tanh => "tanh",
            OutputFunction::Sigmoid => "sigmoid",
            OutputFunction::Step => "step",
            OutputFunction::Identity => "",
        }
    }

    /// `f(sum)` written out: `tanh(sum)`, or `sum` for the identity.
    pub fn apply_to(self, sum: &str) -> String {
        match self {
            OutputFunction::Identity => sum.to_string(),
            f => format!("{}({sum})", f.name()),
        }
    }
}

/// What the Perceptron panel shows: a network with no hidden layer and one output neuron.
#[derive(Debug, Clone, PartialEq)]
pub struct Perceptron {
    /// The inputs' names in the formula (`x1`, `x2`, `x1²`...), in the network's order.
    pub inputs: Vec<&'static str>,
    /// The weights, one per input.
    pub weights: Vec<f64>,
    /// The bias.
    pub bias: f64,
    /// The output function as drawn (`Step` when "Discretize output" is on).
    pub function: OutputFunction,
    /// The function training uses (never `Step`).
    pub trained_function: OutputFunction,
    /// Two classes (so there is a decision line or threshold), not regression.
    pub classification: bool,
    /// The data set is XOR's truth table and the inputs are x1 and x2: one line cannot do it.
    pub xor: bool,
}

impl Perceptron {
    /// The single neuron of `session`, or `None` when the network has a hidden layer, more
    /// than one output (many classes) or the digits' 64 inputs.
    pub fn from_session(session: &Session) -> Option<Perceptron> {
        let network = session.network();
        let spec = network.spec();
        let config = session.config();
        if !spec.hidden.is_empty() || network.output_count() != 1 || config.is_digits() {
            return None;
        }
        let inputs = input_names(session);
        let weights = (0..inputs.len()).map(|i| network.weight(0, 0, i));
        let weights: Option<Vec<f64>> = weights.collect();
        let trained_function = output_function(spec.objective);
        let classification = trained_function != OutputFunction::Identity;
        let function = if config.discretize && classification {
            OutputFunction::Step
        } else {
            trained_function
        };
        let xor = config.problem == Problem::Classification
            && config.dataset == DatasetKind::GateXor
            && inputs == XY;
        Some(Perceptron {
            inputs,
            weights: weights?,
            bias: network.bias(0, 0)?,
            function,
            trained_function,
            classification,
            xor,
        })
    }

    /// Whether the inputs are exactly x1 and x2, so the neuron has a line in the plane.
    pub fn is_plane(&self) -> bool {
        self.inputs == XY
    }

    /// The weighted sum in symbols: `w1 x1 + w2 x2 + b`.
    pub fn symbolic_sum(&self) -> String {
        let terms = self.inputs.iter().enumerate();
        let terms = terms.map(|(i, name)| format!("w{} {name} + ", i + 1));
        format!("{}b", terms.collect::<String>())
    }

    /// The formula in symbols: `output = tanh(w1 x1 + w2 x2 + b)`.
    pub fn symbolic(&self) -> String {
        let sum = self.symbolic_sum();
        format!("output = {}", self.function.apply_to(&sum))
    }

    /// The formula with the current numbers: `output = tanh(0.53 x1 - 0.61 x2 + 0.10)`.
    pub fn numeric(&self) -> String {
        let mut sum = String::new();
        for (i, (name, weight)) in self.inputs.iter().zip(&self.weights).enumerate() {
            let term = match (i, *weight < 0.0) {
                (0, _) => format!("{} {name}", number(*weight)),
                (_, true) => format!(" - {} {name}", number(-weight)),
                (_, false) => format!(" + {} {name}", number(*weight)),
            };
            sum.push_str(&term);
        }
        let bias = if self.bias < 0.0 {
            format!(" - {}", number(-self.bias))
        } else {
            format!(" + {}", number(self.bias))
        };
        sum.push_str(&bias);
        format!("output = {}", self.function.apply_to(&sum))
    }

    /// The decision line, for a two-class neuron on x1 and x2.
    pub fn line(&self) -> Option<NeuronLine> {
        match (
            self.classification && self.is_plane(),
            self.weights.as_slice(),
        ) {
            (true, &[w1, w2]) => Some(NeuronLine::decision(w1, w2, self.bias)),
            _ => None,
        }
    }

    /// For a two-class neuron on one input (NOT): where the sum crosses 0 and which side is
    /// blue, e.g. `x1 = 0.50 (blue where x1 < 0.50)`.
    pub fn threshold(&self) -> Option<String> {
        let (&[w1], true) = (self.weights.as_slice(), self.classification) else {
            return None;
        };
        let x1 = -self.bias / w1;
        if w1 == 0.0 || !x1.is_finite() {
            return Some("none: with w1 = 0 the output is the same for every x1".to_string());
        }
        let side = if w1 > 0.0 { ">" } else { "<" };
        let at = number(x1);
        Some(format!("x1 = {at} (blue where x1 {side} {at})"))
    }
}

/// The inputs of a network that sees exactly x1 and x2.
const XY: [&str; 2] = ["x1", "x2"];

/// The names of the network's inputs: the features of plane data, else `x1` (NOT, the curve).
fn input_names(session: &Session) -> Vec<&'static str> {
    if !session.config().is_plane_data() {
        return vec!["x1"];
    }
    session.features().iter().map(feature_name).collect()
}

/// A feature as the formula writes it.
fn feature_name(feature: Feature) -> &'static str {
    match feature {
        Feature::X1 => "x1",
        Feature::X2 => "x2",
        Feature::X1Squared => "x1²",
        Feature::X2Squared => "x2²",
        Feature::X1TimesX2 => "x1·x2",
        Feature::SinX1 => "sin(x1)",
        Feature::SinX2 => "sin(x2)",
    }
}

/// The output neuron's function for an objective with one output.
fn output_function(objective: Objective) -> OutputFunction {
    match objective {
        Objective::TanhSquared => OutputFunction::Tanh,
        Objective::SigmoidCrossEntropy | Objective::SoftmaxCrossEntropy { .. } => {
            OutputFunction::Sigmoid
        }
        Objective::LinearSquared => OutputFunction::Identity,
    }
}

/// The lines drawn over the decision boundary of `session` when its inputs are exactly x1 and
/// x2: the perceptron's decision line (no hidden layer, two classes), or each hidden neuron's
/// line, dashed and labelled `h1`, `h2`... (one hidden layer). Otherwise none.
pub fn boundary_lines(session: &Session) -> Vec<NeuronLine> {
    let plane = session.config().is_plane_data() && session.features() == Features::default();
    let network = session.network();
    match network.spec().hidden.as_slice() {
        _ if !plane => Vec::new(),
        [] => Perceptron::from_session(session)
            .and_then(|p| p.line())
            .into_iter()
            .collect(),
        &[width] => (0..width).filter_map(|j| hidden_line(session, j)).collect(),
        _ => Vec::new(),
    }
}

/// The line of neuron `j` of the first hidden layer.
fn hidden_line(session: &Session, j: usize) -> Option<NeuronLine> {
    let network = session.network();
    Some(NeuronLine {
        label: format!("h{}", j + 1),
        w1: network.weight(0, j, 0)?,
        w2: network.weight(0, j, 1)?,
        b: network.bias(0, j)?,
        dashed: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use playground_model::decode;

    fn session(link: &str) -> Session {
        Session::new(decode(link, || "0.5".to_string()).config).unwrap()
    }

    fn line(w1: f64, w2: f64, b: f64) -> NeuronLine {
        NeuronLine::decision(w1, w2, b)
    }

    #[test]
    fn equations_solve_for_x2_or_x1_and_say_when_there_is_no_line() {
        // 0.98 x1 + 1 x2 - 1.52 = 0  <=>  x2 = -0.98 x1 + 1.52.
        assert_eq!(line(0.98, 1.0, -1.52).equation(), "x2 = -0.98 x1 + 1.52");
        // 4 x1 + 4 x2 - 6 = 0 (perceptron-and-hand)  <=>  x2 = -x1 + 1.5.
        assert_eq!(line(4.0, 4.0, -6.0).equation(), "x2 = -1.00 x1 + 1.50");
        assert_eq!(line(-1.0, 2.0, 1.0).equation(), "x2 = 0.50 x1 - 0.50");
        assert_eq!(line(1.0, 2.0, 0.0).equation(), "x2 = -0.50 x1");
        assert_eq!(line(0.0, 2.0, -1.0).equation(), "x2 = 0.50");
        assert_eq!(line(2.0, 0.0, -1.0).equation(), "x1 = 0.50");
        assert_eq!(line(2.0, 1e-300, -1.0).equation(), "x1 = 0.50");
        assert_eq!(line(0.0, 0.0, 3.0).equation(), NO_LINE);
        assert_eq!(line(f64::NAN, 1.0, 3.0).equation(), NO_LINE);
    }

    #[test]
    fn numbers_have_two_decimals_and_never_show_minus_zero_or_nan() {
        assert_eq!(number(1.234), "1.23");
        assert_eq!(number(-0.001), "0.00");
        assert_eq!(number(-2.5), "-2.50");
        assert_eq!(number(f64::INFINITY), "n/a");
    }

    #[test]
    fn segments_are_the_lines_within_the_domain() {
        let domain = nn_core::data::gate_domain(); // [-0.5, 1.5] on both axes
        let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() + (a.1 - b.1).abs() < 1e-9;
        // x2 = -x1 + 1.5 crosses the domain from (0, 1.5) to (1.5, 0).
        let [p, q] = line(4.0, 4.0, -6.0).segment(&domain).unwrap();
        let ends = [(0.0, 1.5), (1.5, 0.0)];
        assert!(close(p, ends[0]) && close(q, ends[1]) || close(p, ends[1]) && close(q, ends[0]));
        // x1 = 0.5 runs from bottom to top.
        let [p, q] = line(2.0, 0.0, -1.0).segment(&domain).unwrap();
        assert!((p.0 - 0.5).abs() < 1e-12 && (q.0 - 0.5).abs() < 1e-12);
        assert!(((p.1 - q.1).abs() - 2.0).abs() < 1e-12);
        // x1 = 5 and x2 = -x1 + 10 miss the domain; no weights, no line.
        assert_eq!(line(1.0, 0.0, -5.0).segment(&domain), None);
        assert_eq!(line(1.0, 1.0, -10.0).segment(&domain), None);
        assert_eq!(line(0.0, 0.0, 1.0).segment(&domain), None);
        assert!(line(1e300, 1e300, -1.5e300).segment(&domain).is_some());
    }

    #[test]
    fn the_perceptron_set_by_hand_reads_as_its_formula_and_line() {
        let neuron = Perceptron::from_session(&session("preset=perceptron-and-hand")).unwrap();
        assert_eq!(neuron.symbolic(), "output = sigmoid(w1 x1 + w2 x2 + b)");
        assert_eq!(
            neuron.numeric(),
            "output = sigmoid(4.00 x1 + 4.00 x2 - 6.00)"
        );
        assert_eq!(neuron.line().unwrap().equation(), "x2 = -1.00 x1 + 1.50");
        assert!(!neuron.xor);
        let discrete = session("preset=perceptron-and-hand&discretize=true");
        let discrete = Perceptron::from_session(&discrete).unwrap();
        assert_eq!(discrete.function, OutputFunction::Step);
        assert_eq!(discrete.trained_function, OutputFunction::Sigmoid);
        assert!(discrete.numeric().starts_with("output = step(4.00 x1"));
    }

    #[test]
    fn the_output_function_follows_the_loss_and_regression_has_none() {
        let tanh = Perceptron::from_session(&session("dataset=gate-and&networkShape=")).unwrap();
        assert_eq!(tanh.function, OutputFunction::Tanh);
        let link = "problem=regression&networkShape=&x=true&y=false";
        let linear = Perceptron::from_session(&session(link)).unwrap();
        assert_eq!(linear.symbolic(), "output = w1 x1 + b");
        assert_eq!((linear.line(), linear.threshold()), (None, None));
    }

    #[test]
    fn other_features_give_the_general_formula_and_no_line() {
        let link = "dataset=circle&networkShape=&x=true&y=false&xSquared=true&ySquared=true";
        let neuron = Perceptron::from_session(&session(link)).unwrap();
        assert_eq!(neuron.inputs, ["x1", "x1²", "x2²"]);
        assert_eq!(
            neuron.symbolic(),
            "output = tanh(w1 x1 + w2 x1² + w3 x2² + b)"
        );
        assert_eq!(neuron.line(), None);
        assert!(boundary_lines(&session(link)).is_empty());
    }

    #[test]
    fn not_has_one_input_and_a_threshold() {
        let link = "dataset=gate-not&networkShape=&weights=1:-4/2";
        let neuron = Perceptron::from_session(&session(link)).unwrap();
        assert_eq!(neuron.numeric(), "output = tanh(-4.00 x1 + 2.00)");
        // -4 x1 + 2 = 0 at x1 = 0.5, positive (blue, "true") below it: NOT.
        let threshold = neuron.threshold().unwrap();
        assert_eq!(threshold, "x1 = 0.50 (blue where x1 < 0.50)");
    }

    #[test]
    fn only_a_network_without_hidden_layers_and_with_one_output_is_a_perceptron() {
        assert!(Perceptron::from_session(&session("networkShape=4,2")).is_none());
        let blobs = "dataset=blobs&classes=3&networkShape=";
        assert!(Perceptron::from_session(&session(blobs)).is_none());
        let digits = "dataset=digits&networkShape=";
        assert!(Perceptron::from_session(&session(digits)).is_none());
    }

    #[test]
    fn xor_is_flagged_only_for_its_truth_table_on_x1_and_x2() {
        let xor = Perceptron::from_session(&session("preset=perceptron-xor")).unwrap();
        assert!(xor.xor);
        let with_product = session("preset=perceptron-xor&xTimesY=true");
        assert!(!Perceptron::from_session(&with_product).unwrap().xor);
        let and = Perceptron::from_session(&session("preset=perceptron-and")).unwrap();
        assert!(!and.xor);
    }

    #[test]
    fn xor_from_gates_draws_the_or_and_nand_lines_of_its_hidden_neurons() {
        let lines = boundary_lines(&session("preset=xor-from-gates"));
        let equations: Vec<_> = lines
            .iter()
            .map(|l| (l.label.clone(), l.equation()))
            .collect();
        // From the preset's weights: 6 x1 + 6 x2 - 3 = 0 and -6 x1 - 6 x2 + 9 = 0.
        assert_eq!(
            equations,
            [
                ("h1".to_string(), "x2 = -1.00 x1 + 0.50".to_string()),
                ("h2".to_string(), "x2 = -1.00 x1 + 1.50".to_string()),
            ]
        );
        assert!(lines.iter().all(|l| l.dashed));
        let perceptron = boundary_lines(&session("preset=perceptron-and-hand"));
        assert_eq!(perceptron.len(), 1);
        assert!(!perceptron[0].dashed && perceptron[0].label.is_empty());
        assert!(boundary_lines(&session("networkShape=4,2")).is_empty());
    }
}
