//! The words and tables of "Step through one example" for each [`Stage`], in plain language for
//! a first-year student. Numbers show three decimals and never `NaN` or `inf`; large layers show
//! their first [`SHOWN`] neurons (and inputs) with a note on how many more there are.

use nn_core::{Activation, LayerTrace, Objective, Trace};

use crate::config::{Optimizer, Regularization};
use crate::session::Session;
use crate::stepper::{Stage, Stepper};

/// Most neurons (table rows) and inputs (table columns) shown per layer.
pub const SHOWN: usize = 8;
/// Most neurons of a layer described in sentences (the tables show up to [`SHOWN`]).
pub const SENTENCES: usize = 4;
/// Most terms of a weighted sum written out in a sentence.
const TERMS: usize = 3;
/// What a number shows when it is not finite.
const NOT_A_NUMBER: &str = "n/a";
/// What "delta" means, said once on every backward stage.
pub const DELTA_MEANS: &str = "A neuron's delta (dL/dz) says how much the loss changes when the \
    neuron's weighted sum z grows a little: a positive delta means a smaller z would lower the \
    loss.";

/// One row of a [`Table`]: a header cell (the neuron or quantity) and its values.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's header ("Neuron 1", "Loss").
    pub header: String,
    /// The values, one per column after the first.
    pub cells: Vec<String>,
}

/// A table of numbers with a caption (its accessible name).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The caption.
    pub caption: String,
    /// Column headers, the first naming the row headers.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// What was left out ("... and 56 more neurons"), if anything.
    pub note: Option<String>,
}

/// What the page shows for one stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageText {
    /// "Stage 2 of 7: forward pass, hidden layer 1".
    pub title: String,
    /// Plain sentences saying what happens.
    pub sentences: Vec<String>,
    /// The numbers.
    pub tables: Vec<Table>,
    /// A short name of every stage of the example, in order ("forward, layer 1").
    pub progress: Vec<String>,
    /// The index in `progress` of the stage shown.
    pub current: usize,
}

/// A number with three decimals (`-0.000` shows as `0.000`), or "n/a" when not finite.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return NOT_A_NUMBER.to_string();
    }
    let text = format!("{value:.3}");
    if text == "-0.000" {
        "0.000".to_string()
    } else {
        text
    }
}

/// A number as a factor in a product: negative ones in brackets.
fn factor(value: f64) -> String {
    let text = number(value);
    if text.starts_with('-') {
        format!("({text})")
    } else {
        text
    }
}

/// A sum written out: `products` as `w × x` (the first [`TERMS`], then how many more), then
/// `last` if any; later terms carry their sign ("0.500 × 1.000 - 0.460 × 4.987 + 0.100").
fn signed_sum(products: &[(f64, f64)], last: Option<f64>) -> String {
    let mut text = String::new();
    for (k, (w, x)) in products.iter().take(TERMS).enumerate() {
        push_term(&mut text, k == 0, *w, &format!(" × {}", factor(*x)));
    }
    if products.len() > TERMS {
        text.push_str(&format!(" + ... ({} more)", products.len() - TERMS));
    }
    if let Some(value) = last {
        push_term(&mut text, products.is_empty(), value, "");
    }
    text
}

/// Appends `value` (with " + " or " - " unless `first`) and then `rest`.
fn push_term(text: &mut String, first: bool, value: f64, rest: &str) {
    let shown = number(value);
    match shown.strip_prefix('-') {
        _ if first => text.push_str(&shown),
        Some(magnitude) => text.push_str(&format!(" - {magnitude}")),
        None => text.push_str(&format!(" + {shown}")),
    }
    text.push_str(rest);
}

/// Everything the page shows for the stepper's stage.
pub fn describe(session: &Session, stepper: &Stepper) -> StageText {
    let words = Words::new(session, stepper);
    let (heading, sentences, tables) = match stepper.stage() {
        Stage::Example => words.example(),
        Stage::Forward(l) => words.forward(l),
        Stage::Loss => words.loss(),
        Stage::Backward(l) => words.backward(l),
        Stage::Update | Stage::Updated => words.update(),
    };
    let total = stepper.stages().len();
    let title = format!("Stage {} of {total}: {heading}", stepper.position());
    let layers = stepper.trace().layers.len();
    StageText {
        title,
        sentences,
        tables,
        progress: stepper
            .stages()
            .iter()
            .map(|s| stage_label(*s, layers))
            .collect(),
        current: stepper.position() - 1,
    }
}

/// A stage's short name for the progress list ("forward, layer 2", "backward, output").
pub fn stage_label(stage: Stage, layers: usize) -> String {
    let layer = |l: usize| {
        if l + 1 == layers {
            "output".to_string()
        } else {
            format!("layer {}", l + 1)
        }
    };
    match stage {
        Stage::Example => "example".to_string(),
        Stage::Forward(l) => format!("forward, {}", layer(l)),
        Stage::Loss => "loss".to_string(),
        Stage::Backward(l) => format!("backward, {}", layer(l)),
        Stage::Update | Stage::Updated => "update".to_string(),
    }
}

/// What a stage's text is made from.
struct Words<'a> {
    session: &'a Session,
    stepper: &'a Stepper,
    trace: &'a Trace,
    activation: Activation,
    objective: Objective,
}

/// A stage's heading, sentences and tables.
type Parts = (String, Vec<String>, Vec<Table>);

impl<'a> Words<'a> {
    fn new(session: &'a Session, stepper: &'a Stepper) -> Self {
        let spec = session.network().spec();
        Words {
            session,
            stepper,
            trace: stepper.trace(),
            activation: spec.activation,
            objective: spec.objective,
        }
    }

    fn layer(&self, l: usize) -> &'a LayerTrace {
        &self.trace.layers[l]
    }

    fn is_output(&self, l: usize) -> bool {
        l + 1 == self.trace.layers.len()
    }

    /// "hidden layer 2" or "output layer".
    fn layer_name(&self, l: usize) -> String {
        if self.is_output(l) {
            "output layer".to_string()
        } else {
            format!("hidden layer {}", l + 1)
        }
    }

    /// "Neuron 1 of hidden layer 1", "The output neuron", "The output for class 2".
    fn neuron_name(&self, l: usize, j: usize) -> String {
        match (self.is_output(l), self.objective) {
            (true, Objective::SoftmaxCrossEntropy { .. }) => format!("The output for class {j}"),
            (true, _) => "The output neuron".to_string(),
            (false, _) => format!("Neuron {} of hidden layer {}", j + 1, l + 1),
        }
    }

    /// Short row header of neuron `j` of layer `l`.
    fn row_name(&self, l: usize, j: usize) -> String {
        match (self.is_output(l), self.objective) {
            (true, Objective::SoftmaxCrossEntropy { .. }) => format!("Class {j}"),
            (true, _) => "Output".to_string(),
            (false, _) => format!("Neuron {}", j + 1),
        }
    }

    /// Names of what layer `l` receives: the network's inputs, or the neurons below.
    fn input_names(&self, l: usize) -> Vec<String> {
        if l == 0 {
            input_names(self.session)
        } else {
            let below = self.layer(l - 1).neurons();
            (1..=below).map(|k| format!("neuron {k}")).collect()
        }
    }

    /// The example: its place, its point, its inputs and its target.
    fn example(&self) -> Parts {
        let rows = self.session.inputs().0.len();
        let index = self.stepper.example();
        let mut sentences = vec![format!("Training example {} of {rows}.", index + 1)];
        sentences.extend(self.point_sentence());
        sentences.push(self.target_sentence());
        sentences.push(
            "Next walks it through the network: forward, layer by layer, to the output and its \
             loss; then backward, to each weight's gradient; then one update of the weights."
                .to_string(),
        );
        let names = input_names(self.session);
        let values = &self.layer(0).inputs;
        let table_rows = names
            .iter()
            .zip(values)
            .map(|(name, v)| row(name.clone(), vec![number(*v)]));
        let table = table(
            "The example's inputs",
            vec!["Input".into(), "Value".into()],
            table_rows.collect(),
            "inputs",
        );
        ("the example".to_string(), sentences, vec![table])
    }

    /// "It is the point (x1, x2) = (0.500, -1.200)." for plane data.
    fn point_sentence(&self) -> Option<String> {
        if !self.session.config().is_plane_data() {
            return None;
        }
        let points = self.session.points().0;
        let point = points.row(self.stepper.example());
        let (x1, x2) = (point.first()?, point.get(1)?);
        Some(format!(
            "It is the point (x1, x2) = ({}, {}).",
            number(*x1),
            number(*x2)
        ))
    }

    /// What the network should answer for this example.
    fn target_sentence(&self) -> String {
        let target = self.trace.target;
        let class = target.round().max(0.0) as usize;
        let colour = if class == 1 { "blue" } else { "orange" };
        match self.objective {
            Objective::TanhSquared => format!(
                "Its class is {colour} (class {class}), so the network should output {}.",
                if class == 1 { "+1" } else { "-1" }
            ),
            Objective::SigmoidCrossEntropy => format!(
                "Its class is {colour} (class {class}), so the network's probability of blue \
                 should be near {class}."
            ),
            Objective::SoftmaxCrossEntropy { .. } if self.session.config().is_digits() => format!(
                "It is a handwritten {class}: the network should give class {class} the \
                 highest probability."
            ),
            Objective::SoftmaxCrossEntropy { .. } => format!(
                "Its class is {class}: the network should give class {class} the highest \
                 probability."
            ),
            Objective::LinearSquared => format!(
                "Its target is {}: the network should predict that number.",
                number(target)
            ),
        }
    }

    /// The forward pass through layer `l`: each neuron's weighted sum and activation.
    fn forward(&self, l: usize) -> Parts {
        let layer = self.layer(l);
        let shown = layer.neurons().min(SENTENCES);
        let mut sentences: Vec<String> = (0..shown).map(|j| self.forward_sentence(l, j)).collect();
        sentences.extend(more_neurons(layer.neurons(), shown));
        if self.is_output(l) {
            sentences.extend(self.output_function_sentence());
        }
        let columns = vec![
            "Neuron".into(),
            "Weighted sum z".into(),
            "Activation a".into(),
        ];
        let rows = (0..layer.neurons()).map(|j| {
            row(
                self.row_name(l, j),
                vec![number(layer.z[j]), number(layer.a[j])],
            )
        });
        let caption = format!("Forward pass, {}", self.layer_name(l));
        let table = table(&caption, columns, rows.collect(), "neurons");
        let heading = format!("forward pass, {}", self.layer_name(l));
        (heading, sentences, vec![table])
    }

    /// "Neuron 1 of hidden layer 1 adds up ...: 0.500 × 1.200 + ... = 0.730; then ...".
    fn forward_sentence(&self, l: usize, j: usize) -> String {
        let layer = self.layer(l);
        let weights = layer.weights_of(j);
        let n = weights.len();
        let products: Vec<(f64, f64)> = weights.iter().copied().zip(layer.inputs.clone()).collect();
        let plural = if n == 1 {
            "input times its weight"
        } else {
            "inputs times their weights"
        };
        format!(
            "{} adds up its {n} {plural}, plus its bias: {} = {}; {}",
            self.neuron_name(l, j),
            signed_sum(&products, Some(layer.biases[j])),
            number(layer.z[j]),
            self.activation_clause(l, j)
        )
    }

    /// "then tanh(0.730) = 0.623." for one neuron.
    fn activation_clause(&self, l: usize, j: usize) -> String {
        let (z, a) = (number(self.layer(l).z[j]), number(self.layer(l).a[j]));
        let name = match (self.is_output(l), self.objective) {
            (true, Objective::TanhSquared) => "tanh",
            (true, Objective::SigmoidCrossEntropy) => "sigmoid",
            (true, Objective::SoftmaxCrossEntropy { .. }) => return "softmax comes next.".into(),
            (true, Objective::LinearSquared) => {
                return format!("that sum is the prediction: {a}.");
            }
            (false, _) => activation_name(self.activation),
        };
        format!("then {name}({z}) = {a}.")
    }

    /// What the output function does beyond one neuron (softmax, sigmoid's meaning).
    fn output_function_sentence(&self) -> Option<String> {
        let out = &self.trace.output()?.a;
        match self.objective {
            Objective::SoftmaxCrossEntropy { classes } => {
                let shown: Vec<String> = out.iter().take(SHOWN).map(|p| number(*p)).collect();
                let more = if classes > SHOWN { ", ..." } else { "" };
                Some(format!(
                    "Softmax turns the {classes} sums into probabilities that add up to 1 (e to \
                     the power z of each, divided by their total): {}{more}.",
                    shown.join(", ")
                ))
            }
            Objective::SigmoidCrossEntropy => Some(format!(
                "The output {} is the network's probability that the point is blue.",
                number(out[0])
            )),
            _ => None,
        }
    }

    /// The loss of the example.
    fn loss(&self) -> Parts {
        let loss = number(self.trace.loss);
        let sentence = match self.objective {
            Objective::SoftmaxCrossEntropy { classes } => {
                let class = (self.trace.target.round().max(0.0) as usize).min(classes - 1);
                let p = self.trace.output().map_or(f64::NAN, |o| o.a[class]);
                format!(
                    "The network gives the right class, {class}, probability {}: the loss is \
                     -ln({}) = {loss}.",
                    number(p),
                    number(p)
                )
            }
            _ => self.single_output_loss(),
        };
        let mut rows = self.loss_rows();
        rows.push(row("Loss".into(), vec![loss]));
        let columns = vec!["Quantity".into(), "Value".into()];
        let sentences = vec![
            sentence,
            "The loss says how wrong the network is on this example; training lowers it."
                .to_string(),
        ];
        let table = table("The example's loss", columns, rows, "rows");
        ("loss".to_string(), sentences, vec![table])
    }

    /// What the loss compares: the output and the target, or the right class's probability.
    fn loss_rows(&self) -> Vec<Row> {
        let out = self.trace.output().map_or(&[][..], |o| o.a.as_slice());
        let target = self.trace.target;
        let class_one = target >= 0.5;
        match self.objective {
            Objective::SoftmaxCrossEntropy { classes } => {
                let class = (target.round().max(0.0) as usize).min(classes - 1);
                let p = out.get(class).copied().unwrap_or(f64::NAN);
                vec![row(
                    format!("Probability of class {class}"),
                    vec![number(p)],
                )]
            }
            objective => {
                let a = out.first().copied().unwrap_or(f64::NAN);
                let target = match objective {
                    Objective::TanhSquared if class_one => 1.0,
                    Objective::TanhSquared => -1.0,
                    Objective::SigmoidCrossEntropy => f64::from(u8::from(class_one)),
                    _ => target,
                };
                vec![
                    row("Output".into(), vec![number(a)]),
                    row("Target".into(), vec![number(target)]),
                ]
            }
        }
    }

    /// The loss sentence of a network with one output.
    fn single_output_loss(&self) -> String {
        let a = self.trace.output().map_or(f64::NAN, |o| o.a[0]);
        let class_one = self.trace.target >= 0.5;
        let loss = number(self.trace.loss);
        match self.objective {
            Objective::TanhSquared => {
                let y = if class_one { "1" } else { "(-1)" };
                format!(
                    "The output {} is compared with the target {y}: the loss is 1/2 × ({} - \
                     {y})² = {loss}.",
                    number(a),
                    number(a)
                )
            }
            Objective::SigmoidCrossEntropy if class_one => format!(
                "The point is blue and the network says blue with probability {}: the loss is \
                 -ln({}) = {loss}.",
                number(a),
                number(a)
            ),
            Objective::SigmoidCrossEntropy => format!(
                "The point is orange and the network says blue with probability {}: the loss is \
                 -ln(1 - {}) = {loss}.",
                number(a),
                number(a)
            ),
            _ => format!(
                "The prediction {} is compared with the target {}: the loss is 1/2 × ({} - {})² \
                 = {loss}.",
                number(a),
                number(self.trace.target),
                number(a),
                factor(self.trace.target)
            ),
        }
    }

    /// The backward pass through layer `l`: deltas, then weight and bias gradients.
    fn backward(&self, l: usize) -> Parts {
        let layer = self.layer(l);
        let shown = layer.neurons().min(SENTENCES);
        let mut sentences = vec![DELTA_MEANS.to_string()];
        sentences.extend((0..shown).map(|j| self.delta_sentence(l, j)));
        sentences.extend(more_neurons(layer.neurons(), shown));
        sentences.push(self.gradient_sentence(l));
        let columns = vec![
            "Neuron".into(),
            "Delta dL/dz".into(),
            "Bias gradient dL/db".into(),
        ];
        let rows = (0..layer.neurons()).map(|j| {
            let d = number(layer.delta[j]);
            row(self.row_name(l, j), vec![d.clone(), d])
        });
        let name = self.layer_name(l);
        let deltas = table(
            &format!("Deltas, {name}"),
            columns,
            rows.collect(),
            "neurons",
        );
        let heading = format!("backward pass, {name}");
        (heading, sentences, vec![deltas, self.gradient_table(l)])
    }

    /// How neuron `j` of layer `l` gets its delta.
    fn delta_sentence(&self, l: usize, j: usize) -> String {
        let layer = self.layer(l);
        let (a, delta) = (number(layer.a[j]), number(layer.delta[j]));
        let name = self.neuron_name(l, j);
        if !self.is_output(l) {
            return self.hidden_delta_sentence(l, j);
        }
        match self.objective {
            Objective::TanhSquared => {
                let y = if self.trace.target >= 0.5 {
                    "1"
                } else {
                    "(-1)"
                };
                format!(
                    "{name}: delta = (output - target) × (1 - output²) = ({a} - {y}) × (1 - \
                     {}²) = {delta}.",
                    factor(layer.a[j])
                )
            }
            Objective::SoftmaxCrossEntropy { .. } => {
                let t = usize::from(self.trace.target.round() as usize == j);
                format!("{name}: delta = probability - target = {a} - {t} = {delta}.")
            }
            Objective::SigmoidCrossEntropy => {
                let t = usize::from(self.trace.target >= 0.5);
                format!("{name}: delta = probability - target = {a} - {t} = {delta}.")
            }
            Objective::LinearSquared => format!(
                "{name}: delta = prediction - target = {a} - {} = {delta}.",
                factor(self.trace.target)
            ),
        }
    }

    /// "Neuron 1 of hidden layer 1 gathers the deltas above through its weights: ... ".
    fn hidden_delta_sentence(&self, l: usize, j: usize) -> String {
        let (layer, above) = (self.layer(l), self.layer(l + 1));
        let pairs: Vec<(f64, f64)> = (0..above.neurons())
            .map(|k| (above.weights_of(k)[j], above.delta[k]))
            .collect();
        let sum = pairs.iter().fold(0.0, |s, (w, d)| s + w * d);
        let slope = self.activation.derivative(layer.z[j], layer.a[j]);
        format!(
            "{} gathers the deltas of the layer above through its outgoing weights: {} = {}; \
             times the slope of {} at its z, {}: delta = {}.",
            self.neuron_name(l, j),
            signed_sum(&pairs, None),
            number(sum),
            activation_name(self.activation),
            number(slope),
            number(layer.delta[j])
        )
    }

    /// What a weight's and a bias's gradient are, with the first weight as an example.
    fn gradient_sentence(&self, l: usize) -> String {
        let layer = self.layer(l);
        let names = self.input_names(l);
        let first = match (layer.inputs.first(), names.first()) {
            (Some(x), Some(name)) => format!(
                " For example, the weight from {name} into {}: {} × {} = {}.",
                lower_first(&self.neuron_name(l, 0)),
                number(layer.delta[0]),
                factor(*x),
                number(layer.weight_gradients[0])
            ),
            _ => String::new(),
        };
        format!(
            "Each weight's gradient is the delta of the neuron it feeds times the input it \
             carries, dL/dw = delta × input; each bias's gradient is the delta itself.{first}"
        )
    }

    /// The weight gradients of layer `l`: a row per neuron, a column per input.
    fn gradient_table(&self, l: usize) -> Table {
        let layer = self.layer(l);
        let names = self.input_names(l);
        let cols = names.len().min(SHOWN);
        let mut columns = vec!["Neuron".to_string()];
        columns.extend(names.iter().take(cols).map(|n| format!("from {n}")));
        let rows = (0..layer.neurons()).map(|j| {
            let cells = layer.weight_gradients_of(j).iter().take(cols);
            row(self.row_name(l, j), cells.map(|g| number(*g)).collect())
        });
        let caption = format!("Weight gradients dL/dw, {}", self.layer_name(l));
        let mut table = table(&caption, columns, rows.collect(), "neurons");
        add_note(&mut table.note, names.len(), cols, "inputs");
        table
    }

    /// The update: plain SGD on this example, the changes, and the loss after.
    fn update(&self) -> Parts {
        let config = self.session.config();
        let rate = number(config.learning_rate);
        let mut sentences = vec![
            format!(
                "The update is plain SGD on this one example: every weight and bias moves \
                 against its gradient, w ← w - learning rate × dL/dw, with learning rate {rate}."
            ),
            "It does not count as an epoch: the Epoch counter and the loss curve stay as they \
             are."
                .to_string(),
        ];
        sentences.extend(self.left_out_sentences());
        sentences.push(match self.stepper.loss_after() {
            Some(after) => format!(
                "Done: this example's loss went from {} to {}. Next takes the next training \
                 example.",
                number(self.trace.loss),
                number(after)
            ),
            None => "Press Apply update to change the weights, or Next to go on to the next \
                     example without changing them."
                .to_string(),
        });
        let tables = (0..self.trace.layers.len())
            .map(|l| self.update_table(l))
            .collect();
        ("update".to_string(), sentences, tables)
    }

    /// What the usual training does that this step leaves out, if anything.
    fn left_out_sentences(&self) -> Vec<String> {
        let config = self.session.config();
        let mut sentences = vec![];
        let optimizer = match config.optimizer {
            Optimizer::Sgd if config.momentum > 0.0 => Some("SGD with momentum"),
            Optimizer::Sgd => None,
            Optimizer::Adam => Some("Adam"),
            Optimizer::Lbfgs => Some("L-BFGS"),
        };
        if let Some(optimizer) = optimizer {
            sentences.push(format!(
                "Training itself uses {optimizer}; this step is plain SGD without it."
            ));
        }
        if config.optimizer != Optimizer::Lbfgs && config.batch_size > 1 {
            sentences.push(format!(
                "Training itself averages the gradients of a batch of {} examples; this step \
                 uses one.",
                config.batch_size
            ));
        }
        let penalty = match config.regularization {
            Regularization::None => None,
            Regularization::L1 => Some("L1"),
            Regularization::L2 => Some("L2"),
        };
        if let Some(penalty) = penalty {
            sentences.push(format!(
                "The {penalty} penalty is left out: only this example's loss counts."
            ));
        }
        sentences
    }

    /// Layer `l`'s bias and weights, before and after the step.
    fn update_table(&self, l: usize) -> Table {
        let layer = self.layer(l);
        let rate = self.session.config().learning_rate;
        let names = self.input_names(l);
        let cols = names.len().min(SHOWN);
        let change = |w: f64, g: f64| format!("{} → {}", number(w), number(w - rate * g));
        let mut columns = vec!["Neuron".to_string(), "bias".to_string()];
        columns.extend(names.iter().take(cols).map(|n| format!("weight from {n}")));
        let rows = (0..layer.neurons()).map(|j| {
            let mut cells = vec![change(layer.biases[j], layer.delta[j])];
            let pairs = layer.weights_of(j).iter().zip(layer.weight_gradients_of(j));
            cells.extend(pairs.take(cols).map(|(w, g)| change(*w, *g)));
            row(self.row_name(l, j), cells)
        });
        let caption = format!("Update, {}", self.layer_name(l));
        let mut table = table(&caption, columns, rows.collect(), "neurons");
        add_note(&mut table.note, names.len(), cols, "inputs");
        table
    }
}

/// Names of the network's inputs: the features in use, the pixels, or X1, X2, ...
pub fn input_names(session: &Session) -> Vec<String> {
    let count = session.network().input_count();
    if session.config().is_plane_data() {
        session
            .features()
            .iter()
            .map(|f| f.label().to_string())
            .collect()
    } else if session.config().is_digits() {
        (1..=count).map(|k| format!("pixel {k}")).collect()
    } else {
        (1..=count).map(|k| format!("X{k}")).collect()
    }
}

/// A hidden activation's name in a formula ("tanh", "ReLU").
fn activation_name(activation: Activation) -> &'static str {
    match activation {
        Activation::Relu => "ReLU",
        Activation::LeakyRelu => "leaky ReLU",
        other => other.name(),
    }
}

/// `text` with its first letter in lower case ("The output neuron" -> "the output neuron").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "The other 12 neurons do the same; the table shows their numbers." when some neurons of a
/// layer got no sentence.
fn more_neurons(neurons: usize, described: usize) -> Option<String> {
    let more = neurons.checked_sub(described).filter(|&m| m > 0)?;
    let (subject, verb) = if more == 1 {
        ("neuron".to_string(), "does")
    } else {
        (format!("{more} neurons"), "do")
    };
    Some(format!(
        "The other {subject} {verb} the same; the table shows their numbers."
    ))
}

/// A table row.
fn row(header: String, cells: Vec<String>) -> Row {
    Row { header, cells }
}

/// A table of at most [`SHOWN`] rows, noting how many more there are (as `what`).
fn table(caption: &str, columns: Vec<String>, mut rows: Vec<Row>, what: &str) -> Table {
    let total = rows.len();
    rows.truncate(SHOWN);
    let mut note = None;
    add_note(&mut note, total, SHOWN, what);
    Table {
        caption: caption.to_string(),
        columns,
        rows,
        note,
    }
}

/// Adds "... and 56 more inputs" to `note` when `total` exceeds `shown`.
fn add_note(note: &mut Option<String>, total: usize, shown: usize, what: &str) {
    if total > shown {
        let more = format!("... and {} more {what}", total - shown);
        *note = Some(match note.take() {
            Some(before) => format!("{before}; {more}"),
            None => more,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::decode;

    fn session(link: &str) -> Session {
        Session::new(decode(link, || unreachable!()).config).unwrap()
    }

    /// Every stage's text of the first example of `link`.
    fn all_stages(link: &str) -> Vec<StageText> {
        let mut session = session(link);
        let mut stepper = Stepper::start(&session, 0).unwrap();
        let mut texts = vec![];
        for _ in 0..stepper.stages().len() {
            texts.push(describe(&session, &stepper));
            stepper.next(&session);
        }
        let mut stepper = Stepper::start(&session, 0).unwrap();
        stepper.apply(&mut session).unwrap();
        texts.push(describe(&session, &stepper));
        texts
    }

    #[test]
    fn sums_are_written_out_with_their_signs() {
        let sum = signed_sum(&[(0.5, -0.371), (-0.46, 4.987)], Some(0.1));
        assert_eq!(sum, "0.500 × (-0.371) - 0.460 × 4.987 + 0.100");
        let long = signed_sum(&[(-1.0, 1.0); 5], Some(-0.25));
        assert_eq!(
            long,
            "-1.000 × 1.000 - 1.000 × 1.000 - 1.000 × 1.000 + ... (2 more) - 0.250"
        );
        assert_eq!(signed_sum(&[], Some(2.0)), "2.000");
    }

    #[test]
    fn numbers_show_three_decimals_and_never_nan() {
        assert_eq!(number(0.72549), "0.725");
        assert_eq!(number(-0.0001), "0.000");
        assert_eq!(number(f64::NAN), "n/a");
        assert_eq!(number(f64::NEG_INFINITY), "n/a");
        assert_eq!(factor(-1.5), "(-1.500)");
    }

    #[test]
    fn a_forward_sentence_writes_out_the_weighted_sum_and_the_activation() {
        let session = session("dataset=xor&networkShape=2&seed=0.5");
        let mut stepper = Stepper::start(&session, 0).unwrap();
        stepper.next(&session);
        let text = describe(&session, &stepper);
        assert_eq!(text.title, "Stage 2 of 7: forward pass, hidden layer 1");
        let progress = [
            "example",
            "forward, layer 1",
            "forward, output",
            "loss",
            "backward, output",
            "backward, layer 1",
            "update",
        ];
        assert_eq!(text.progress, progress);
        assert_eq!(text.current, 1);
        let layer = &stepper.trace().layers[0];
        let start = "Neuron 1 of hidden layer 1 adds up its 2 inputs times their weights, plus \
             its bias: ";
        let end = format!(
            " = {z}; then tanh({z}) = {}.",
            number(layer.a[0]),
            z = number(layer.z[0])
        );
        let sentence = &text.sentences[0];
        assert!(
            sentence.starts_with(start) && sentence.ends_with(&end),
            "{sentence}"
        );
        let first = &text.tables[0].rows[0];
        assert_eq!(first.header, "Neuron 1");
        assert_eq!(first.cells, vec![number(layer.z[0]), number(layer.a[0])]);
    }

    #[test]
    fn the_loss_and_update_stages_say_what_they_compute() {
        let texts =
            all_stages("dataset=xor&networkShape=2&regularization=L2&optimizer=adam&seed=0.5");
        let loss = &texts[3];
        assert!(loss.title.ends_with("loss"), "{}", loss.title);
        assert!(
            loss.sentences[0].contains("1/2 × ("),
            "{}",
            loss.sentences[0]
        );
        let backward = &texts[4];
        assert_eq!(backward.sentences[0], DELTA_MEANS);
        assert!(backward.sentences[1].starts_with("The output neuron: delta = (output - target)"));
        let update = &texts[6];
        assert!(
            update
                .sentences
                .iter()
                .any(|s| s.contains("L2 penalty is left out"))
        );
        assert!(
            update
                .sentences
                .last()
                .unwrap()
                .starts_with("Press Apply update")
        );
        let updated = texts.last().unwrap();
        assert!(
            updated
                .sentences
                .last()
                .unwrap()
                .starts_with("Done: this example's loss")
        );
    }

    #[test]
    fn every_kind_of_network_gets_finite_text_and_big_layers_are_cut_short() {
        for link in [
            "dataset=xor&networkShape=2&seed=0.5",
            "dataset=gate-and&networkShape=&seed=1",
            "dataset=spiral&classes=4&networkShape=5,3,3&activation=relu&seed=1",
            "dataset=circle&loss=cross-entropy&x1Squared=true&networkShape=3&seed=1",
            "problem=regression&networkShape=2&activation=sigmoid&seed=1",
            "dataset=digits&networkShape=16&seed=1",
            "dataset=gate-not&networkShape=1&activation=leaky-relu&seed=1",
        ] {
            for text in all_stages(link) {
                let all = format!("{text:?}");
                assert!(
                    !all.contains("NaN") && !all.contains("inf"),
                    "{link}: {all}"
                );
                for table in &text.tables {
                    assert!(table.rows.len() <= SHOWN && table.columns.len() <= SHOWN + 2);
                }
            }
        }
        let digits = all_stages("dataset=digits&networkShape=16&seed=1");
        assert_eq!(
            digits[0].tables[0].note.as_deref(),
            Some("... and 56 more inputs")
        );
        assert!(digits[0].sentences[1].starts_with("It is a handwritten "));
        let forward = &digits[1].sentences;
        assert_eq!(forward.len(), SENTENCES + 1);
        assert_eq!(
            forward[SENTENCES],
            "The other 12 neurons do the same; the table shows their numbers."
        );
        assert_eq!(
            more_neurons(5, 4).unwrap(),
            "The other neuron does the same; the table \
            shows their numbers."
        );
        assert_eq!(more_neurons(2, 2), None);
        let gradients = &digits[4].tables[1];
        assert_eq!(gradients.columns[1], "from neuron 1");
        assert!(
            digits[5].tables[1].note.as_deref()
                == Some("... and 8 more neurons; ... and 56 more inputs")
        );
    }
}
