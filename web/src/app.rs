//! The page: controls, readouts, the decision boundary and the loss curve, and the training
//! loop that drives them from animation frames.
//!
//! The settings come from the URL fragment (the model crate's link decoder: a TensorFlow
//! Playground link opens the same experiment), and the canonical link is written back with
//! `history.replaceState`, so the address bar always holds a link to what is on screen.

mod editing;
mod sharing;

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::file::callbacks::FileReader;
use gloo::render::{AnimationFrame, request_animation_frame};
use nn_core::Task;
use playground_model::config::SPEED_RANGE;
use playground_model::link::seed_from_unit;
use playground_model::step_text::describe;
use playground_model::{Config, OwnData, Session, Stepper, Warning, decode, encode};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, KeyboardEvent, MessageEvent};
use yew::prelude::*;

use crate::components::activations::Activations;
use crate::components::boundary::{BoundaryView, DecisionBoundary};
use crate::components::data_editor::DataEditor;
use crate::components::data_panel::DataPanel;
use crate::components::help::{Help, ViewButtons};
use crate::components::loss_chart::LossChart;
use crate::components::network::{NetworkDiagram, NetworkView};
use crate::components::objective::ObjectivePanel;
use crate::components::off_plane::OffPlaneViews;
use crate::components::optimizers::OptimizerGuide;
use crate::components::perceptron::PerceptronPanel;
use crate::components::preset_select::PresetSelect;
use crate::components::readouts::{Readouts, announcement};
use crate::components::settings_panel::SettingsPanel;
use crate::components::share::{Picture, SharePanel};
use crate::components::stepper::StepperPanel;
use crate::embed::{self, Command};
use crate::neurons::Perceptron;
use crate::pictures::{GRID_SIZE, NOT_PLANE_DATA, PLAYING_GRID_SIZE, Pictures, loss_series};
use crate::render::loss_chart::LossSeries;
use crate::storage::{self, Found};

/// Longest time spent training in one animation frame, in milliseconds, so that the page keeps
/// drawing (a frame at 60 Hz lasts 16.7 ms) and answering input.
const FRAME_BUDGET_MS: f64 = 10.0;
/// Training time per frame at the top speed ("as fast as possible"): more epochs, at about 30
/// frames per second instead of 60.
const FAST_BUDGET_MS: f64 = 15.0;
/// Smallest per-epoch cost assumed when sizing a frame's chunk of epochs (the clock's grain).
const MIN_EPOCH_MS: f64 = 0.005;
/// Least time between two announcements of the run to a screen reader while training.
const ANNOUNCE_EVERY_MS: f64 = 4000.0;
/// What the page says when training diverges.
const DIVERGED: &str = "Training diverged: the loss or a weight stopped being a finite number. \
    Try a lower learning rate, then press Reset.";

/// What the page says while the user's own data have no training point.
const NO_OWN_POINTS: &str = "No points to train on yet: press Edit data, then click the picture \
    to add points of each class (or import a CSV file).";

/// What the user or the browser asks of the page.
pub enum Msg {
    /// Play or pause training.
    TogglePlay,
    /// Train exactly one epoch.
    Step,
    /// Rebuild the network from the seed: the same initial weights as before.
    Reset,
    /// New data from a new seed, then a reset.
    Regenerate,
    /// An animation frame arrived: train for a while, then redraw.
    Frame,
    /// New settings from a control. Changes that reset the run (shape, activation, data...)
    /// do so at once; the others (learning rate, batch size...) apply to the next update.
    Configure(Box<Config>),
    /// Set one weight by hand: layer (0 = first hidden layer), neuron, input, value.
    SetWeight(usize, usize, usize, f64),
    /// Set one bias by hand: layer, neuron, value.
    SetBias(usize, usize, f64),
    /// The user edited the URL fragment in the address bar.
    LinkEdited,
    /// The user has read the notes on the link.
    DismissWarnings,
    /// Load a named preset (as the link `#preset=<name>` would).
    LoadPreset(String),
    /// A slide deck's command (embedded mode; see `crate::embed`).
    Command(Command),
    /// Open "Step through one example" (pauses training).
    OpenStepper,
    /// The stepper's next stage.
    StepperNext,
    /// The stepper's stage before.
    StepperBack,
    /// Apply the stepped example's update to the weights (not an epoch).
    StepperApply,
    /// Leave "Step through one example".
    CloseStepper,
    /// Step through the training example of this index instead.
    StepperChoose(usize),
    /// Open or close the Share panel.
    ToggleShare,
    /// Panic on purpose (test builds only): the end-to-end tests check what the user sees.
    #[cfg(feature = "test-panic")]
    ForcePanic,
    /// Save the run as a model file.
    ExportModel,
    /// Read a model file the user picked.
    ImportModel(web_sys::File),
    /// A model file's text arrived, or why it did not.
    ModelRead(Result<String, String>),
    /// Save a picture as a PNG file.
    SavePicture(Picture),
    /// Open or close "Edit data".
    ToggleEditData,
    /// A click on the decision boundary at (x1, x2) while editing the data.
    PlaneClicked(f64, f64),
    /// The class (or value) that new points get.
    SetNewLabel(f64),
    /// Remove every point of the user's data.
    ClearData,
    /// Read a CSV file the user picked.
    ImportCsv(web_sys::File),
    /// A CSV file's text arrived, or why it did not.
    CsvRead(Result<String, String>),
    /// Save the user's data as a CSV file.
    ExportCsv,
    /// The user has read the notice.
    DismissNotice,
}

/// The message of a keyboard shortcut (see `components::help::SHORTCUTS`), if `key` is one.
fn shortcut(key: &str) -> Option<Msg> {
    match key {
        " " | "p" | "P" => Some(Msg::TogglePlay),
        "s" | "S" => Some(Msg::Step),
        "r" | "R" => Some(Msg::Reset),
        _ => None,
    }
}

/// The playground page.
pub struct App {
    session: Session,
    pictures: Pictures,
    boundary: Option<Rc<BoundaryView>>,
    network: Rc<NetworkView>,
    losses: Rc<LossSeries>,
    /// The digits view or the fitted curve, for data off the plane.
    off_plane: OffPlaneViews,
    /// Notes on the link (values changed or ignored), shown once.
    warnings: Vec<Warning>,
    /// A problem the page reports in words.
    message: Option<String>,
    /// News that is not a problem (a file saved or loaded), said politely.
    notice: Option<String>,
    /// Whether the Share panel is open.
    share_open: bool,
    /// Whether "Edit data" is on: clicks on the decision boundary add and remove points.
    editing: bool,
    /// The class index (or value) of points added by a click.
    new_label: f64,
    /// A file being read (reading stops if this is dropped).
    reader: Option<FileReader>,
    playing: bool,
    frame: Option<AnimationFrame>,
    /// The browser benchmark's probe (see `tests/bench.mjs`), if the page was opened by it.
    probe: Option<FrameProbe>,
    /// Measured cost of one epoch, in milliseconds (a running mean).
    epoch_ms: f64,
    /// "Step through one example", while open.
    stepper: Option<Stepper>,
    /// The training example the stepper opens at (the one it showed last).
    stepper_example: usize,
    /// The toolbar button that opens the stepper (takes the focus back when it closes).
    stepper_button: NodeRef,
    /// Whether the page runs embedded in a slide (see `crate::embed`).
    embedded: bool,
    /// Whether the keyboard shortcuts work, read by the key listener.
    shortcuts: Rc<Cell<bool>>,
    /// What became of the last CSV file (text, refused), shown in the Edit data panel.
    file_note: Option<(AttrValue, bool)>,
    /// What the live region last told a screen reader, and when (page clock, ms).
    announcement: (String, f64),
    /// Window listeners (fragment edits, keys, a slide deck's messages), removed with the app.
    _listeners: Vec<EventListener>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let hash = location_hash();
        let mut decoded = decode(&hash, fresh_seed);
        let embedded = embed::is_embedded(&decoded.config);
        let shortcuts = Rc::new(Cell::new(embed::shortcuts_on(&decoded.config, embedded)));
        set_root_class("embed", embedded);
        let (mut own, mut notice) = (OwnData::default(), None);
        if !embedded {
            match storage::load() {
                Found::State(stored) => {
                    if hash.trim_start_matches('#').is_empty() {
                        decoded = decode(&stored.link, fresh_seed);
                    }
                    own = stored.own_data;
                }
                Found::Discarded(why) => notice = Some(why),
                Found::Nothing => {}
            }
        }
        let (session, message) = start_session(decoded.config, own);
        if !embedded {
            save_state(&session);
        }
        let mut app = App {
            session,
            pictures: Pictures::default(),
            boundary: None,
            network: Rc::default(),
            losses: Rc::default(),
            off_plane: OffPlaneViews::default(),
            warnings: decoded.warnings,
            message,
            notice,
            share_open: false,
            editing: false,
            new_label: 0.0,
            reader: None,
            playing: false,
            frame: None,
            probe: FrameProbe::from_page(),
            epoch_ms: 1.0,
            stepper: None,
            stepper_example: 0,
            stepper_button: NodeRef::default(),
            embedded,
            shortcuts: shortcuts.clone(),
            file_note: None,
            announcement: (String::new(), f64::NEG_INFINITY),
            _listeners: listeners(ctx, embedded, shortcuts),
        };
        app.follow_step_through();
        app.redraw();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::TogglePlay => {
                self.close_stepper();
                self.playing = !self.playing && !self.session.diverged();
                log::info!("{}", if self.playing { "play" } else { "pause" });
                if !self.playing {
                    // The pictures drawn while playing use the coarser grid: draw them fine.
                    self.redraw();
                }
                self.announce(true);
                self.schedule(ctx);
            }
            Msg::Step => {
                log::info!("step");
                self.train(1);
                self.announce(true);
            }
            Msg::Reset => {
                log::info!("reset");
                if let Err(err) = self.session.reset() {
                    self.message = Some(format!("The network could not be rebuilt: {err}."));
                }
            }
            Msg::Frame => {
                self.frame = None;
                if !self.playing {
                    return false;
                }
                let started = now_ms();
                self.train_for_one_frame();
                let trained = now_ms();
                self.redraw();
                self.announce(false);
                if let Some(probe) = &self.probe {
                    probe.report(trained - started, now_ms() - trained);
                }
                self.schedule(ctx);
                return true;
            }
            Msg::Regenerate => {
                log::info!("regenerate");
                let result = self.session.regenerate(fresh_seed());
                self.report(result, "New data could not be made");
                self.write_link();
            }
            Msg::Configure(config) => self.configure(*config),
            Msg::LinkEdited => self.follow_link(),
            Msg::DismissWarnings => {
                self.warnings.clear();
                return true;
            }
            Msg::LoadPreset(name) => self.load_preset(&name),
            Msg::Command(command) => {
                log::info!("slide deck: {command:?}");
                match command {
                    Command::Play | Command::Pause => {
                        let play = command == Command::Play;
                        if self.playing != play {
                            ctx.link().send_message(Msg::TogglePlay);
                        }
                    }
                    Command::Reset => ctx.link().send_message(Msg::Reset),
                    Command::Preset(name) => self.load_preset(&name),
                }
            }
            Msg::SetWeight(layer, neuron, input, value) => {
                let result = self.session.set_weight(layer, neuron, input, value);
                self.report(result.map(|_| ()), "The weight was not changed");
            }
            Msg::SetBias(layer, neuron, value) => {
                let result = self.session.set_bias(layer, neuron, value);
                self.report(result.map(|_| ()), "The bias was not changed");
            }
            Msg::ToggleShare => self.share_open = !self.share_open,
            #[cfg(feature = "test-panic")]
            Msg::ForcePanic => panic!("a panic forced by the test build"),
            Msg::ExportModel => self.export_model(),
            Msg::ImportModel(file) => {
                self.read_model(ctx, file);
                return true;
            }
            Msg::ModelRead(text) => self.load_model(text),
            Msg::SavePicture(picture) => {
                self.save_picture(picture);
                return true;
            }
            Msg::ToggleEditData => self.toggle_edit_data(),
            Msg::PlaneClicked(x1, x2) => self.plane_clicked(x1, x2),
            Msg::SetNewLabel(label) => {
                self.new_label = label;
                return true;
            }
            Msg::ClearData => self.clear_data(),
            Msg::ImportCsv(file) => {
                self.read_csv_file(ctx, file);
                return true;
            }
            Msg::CsvRead(text) => self.load_csv(text),
            Msg::ExportCsv => {
                self.export_csv();
                return true;
            }
            Msg::DismissNotice => {
                self.notice = None;
                return true;
            }
            msg @ (Msg::OpenStepper
            | Msg::StepperNext
            | Msg::StepperBack
            | Msg::StepperApply
            | Msg::CloseStepper
            | Msg::StepperChoose(_)) => {
                self.step_example(msg);
                self.redraw();
                return true;
            }
        }
        // The network or the data may have changed: the stepper shows the new numbers.
        if let Some(stepper) = &mut self.stepper {
            stepper.refresh(&self.session);
        }
        self.redraw();
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let config = self.session.config().clone();
        let on_configure = link.callback(|config| Msg::Configure(Box::new(config)));
        let config_hides_text = config.hide_text;
        html! {
            <>
            <header>
                <h1>{ "Neural-network playground" }</h1>
                <PresetSelect current={self.session.config().preset.clone()}
                    on_choose={link.callback(Msg::LoadPreset)} />
                { self.view_toolbar(ctx) }
                <ViewButtons />
                if !self.embedded {
                    <button class="secondary share-button"
                        aria-expanded={self.share_open.to_string()}
                        onclick={link.callback(|_| Msg::ToggleShare)}>{ "Share" }</button>
                }
                if self.embedded {
                    <a class="full-page" href={embed::full_page_link(self.session.config())}
                        target="_blank" rel="noopener">{ "Open the full page" }</a>
                }
            </header>
            { self.view_share(ctx) }
            <SettingsPanel config={config.clone()} on_configure={on_configure.clone()} />
            <main class={classes!(config_hides_text.then_some("hide-text"))}>
                { self.view_stepper(ctx) }
                <section class="panel data" aria-label="Data">
                    <DataPanel config={config.clone()} on_configure={on_configure.clone()} />
                </section>
                <section class="panel network" aria-label="Network">
                    <NetworkDiagram view={self.network.clone()} config={config}
                        on_configure={on_configure}
                        on_set_weight={link.callback(|(l, n, i, v)| Msg::SetWeight(l, n, i, v))}
                        on_set_bias={link.callback(|(l, n, v)| Msg::SetBias(l, n, v))} />
                </section>
                <section class="panel output" aria-label="Output">
                    <Readouts readout={self.session.readout()} />
                    <p class="visually-hidden" aria-live="polite" aria-atomic="true"
                        id="announcer">{ self.announcement.0.clone() }</p>
                    { self.view_messages(ctx) }
                    { self.view_boundary(ctx) }
                    { self.view_edit_button(ctx) }
                    { self.view_editor(ctx) }
                    { self.view_perceptron(ctx) }
                    <LossChart series={self.losses.clone()} />
                    { self.view_objective() }
                    <p class="explain">{ self.explanation() }</p>
                    <Help />
                </section>
            </main>
            { self.view_lecture(ctx) }
            </>
        }
    }
}

/// What a student reads beside the picture: what the network learns, for the task at hand,
/// then how training shows.
fn explanation(task: Task, plane: bool) -> String {
    let what = match (task, plane) {
        (Task::Classification { classes: 2 }, true) => "A neural network learns to tell the \
            orange points from the blue ones. The square shows what it predicts at every spot: \
            orange or blue, paler where it is unsure."
            .to_string(),
        (Task::Classification { classes }, true) => format!(
            "A neural network learns to tell {classes} classes of points apart. The square \
            shows what it predicts at every spot: the colour of the most likely class, paler \
            where it is unsure."
        ),
        (Task::Regression, true) => "A neural network learns to predict a number at every \
            spot of the plane. Each point's colour is its value, from orange (-1) through white \
            (0) to blue (+1); the square shows the prediction on the same scale."
            .to_string(),
        (Task::Classification { classes }, false) => format!(
            "A neural network learns to tell {classes} classes apart from the inputs; the \
            readouts say how often it is right."
        ),
        (Task::Regression, false) => "A neural network learns to predict a number from the \
            inputs; the loss says how far off it is on average."
            .to_string(),
    };
    format!(
        "{what} Play trains it epoch after epoch (one epoch is one pass over the training \
        points); the loss curve shows its loss, the average error, on the training and the \
        test points."
    )
}

impl App {
    /// Asks for the next animation frame while playing (at most one request at a time).
    fn schedule(&mut self, ctx: &Context<Self>) {
        if self.playing && self.frame.is_none() {
            let link = ctx.link().clone();
            self.frame = Some(request_animation_frame(move |_| {
                link.send_message(Msg::Frame)
            }));
        }
    }

    /// Trains `epochs` epochs, pausing and saying so if the run diverges.
    fn train(&mut self, epochs: u64) {
        if let Err(err) = self.session.run(epochs) {
            self.message = Some(format!("Training stopped: {err}."));
            self.playing = false;
        }
        if self.session.diverged() {
            self.playing = false;
        }
    }

    /// Trains as many epochs as the Speed setting asks (at its top, as many as fit), within
    /// the frame's time budget.
    fn train_for_one_frame(&mut self) {
        let started = now_ms();
        let speed = u64::from(self.session.config().speed);
        let (cap, budget) = if speed >= u64::from(SPEED_RANGE.1) {
            (u64::MAX, FAST_BUDGET_MS)
        } else {
            (speed.max(1), FRAME_BUDGET_MS)
        };
        let mut done = 0;
        while done < cap && self.playing {
            let left = budget - (now_ms() - started);
            if left <= 0.0 {
                break;
            }
            // Epochs go in chunks sized by the last measured cost, so the readouts (which
            // measure accuracy on all the data) are computed about once a frame.
            let chunk = ((left / self.epoch_ms).floor() as u64).clamp(1, cap - done);
            let chunk_started = now_ms();
            self.train(chunk);
            let per_epoch = (now_ms() - chunk_started) / chunk as f64;
            self.epoch_ms = (0.5 * self.epoch_ms + 0.5 * per_epoch).max(MIN_EPOCH_MS);
            done += chunk;
        }
    }

    /// Applies new settings to the session and writes the new link.
    fn configure(&mut self, config: Config) {
        match self.session.update(config) {
            Ok(reset) => log::info!("settings changed{}", if reset { "; reset" } else { "" }),
            Err(err) => self.message = Some(format!("Those settings could not be used: {err}.")),
        }
        self.shortcuts
            .set(embed::shortcuts_on(self.session.config(), self.embedded));
        self.follow_step_through();
        self.write_link();
    }

    /// Writes the canonical link of the settings into the address bar and keeps the
    /// experiment in local storage, except when embedded (the address is then the slide
    /// deck's business, and the state comes from the frame's own link).
    fn write_link(&self) {
        if !self.embedded {
            save_state(&self.session);
        }
    }

    /// Applies a link the user typed into the address bar, if it differs from the one shown.
    fn follow_link(&mut self) {
        let decoded = decode(&location_hash(), fresh_seed);
        if encode(&decoded.config) != encode(self.session.config()) {
            log::info!("link edited");
            self.warnings = decoded.warnings;
            self.configure(decoded.config);
        }
    }

    /// Starts the experiment of the preset `name`, with fresh data unless the preset fixes
    /// its seed.
    fn load_preset(&mut self, name: &str) {
        log::info!("preset {name}");
        // A new experiment starts paused, so the teacher can introduce it first.
        self.playing = false;
        let decoded = decode(&format!("preset={name}"), fresh_seed);
        self.warnings = decoded.warnings;
        self.configure(decoded.config);
    }

    /// Shows a refused change in words, prefixed by what did not happen.
    fn report(&mut self, result: Result<(), playground_model::ModelError>, what: &str) {
        if let Err(err) = result {
            self.message = Some(format!("{what}: {err}."));
        }
    }

    /// Recomputes what the canvases show.
    fn redraw(&mut self) {
        let size = if self.playing {
            PLAYING_GRID_SIZE
        } else {
            GRID_SIZE
        };
        self.boundary = self.pictures.boundary_at(&self.session, size).map(Rc::new);
        let network = NetworkView::from_session(&self.session, self.pictures.grid());
        self.network = Rc::new(network);
        self.losses = Rc::new(loss_series(self.session.history()));
        self.off_plane.update(&self.session);
    }

    fn view_toolbar(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let diverged = self.session.diverged();
        html! {
            <div class="controls" role="toolbar" aria-label="Training">
                <button onclick={link.callback(|_| Msg::TogglePlay)} disabled={diverged}>
                    { if self.playing { "Pause" } else { "Play" } }
                </button>
                <button onclick={link.callback(|_| Msg::Step)} disabled={diverged}>
                    { "Step" }
                </button>
                <button onclick={link.callback(|_| Msg::Reset)}>{ "Reset" }</button>
                <button onclick={link.callback(|_| Msg::Regenerate)}>{ "Regenerate" }</button>
                <button ref={self.stepper_button.clone()} disabled={diverged}
                    onclick={link.callback(|_| Msg::OpenStepper)}
                    aria-expanded={self.stepper.is_some().to_string()}>
                    { "Step through one example" }
                </button>
                { self.view_speed(ctx) }
                { force_panic_button(ctx) }
            </div>
        }
    }

    /// The Speed slider: epochs per frame, the top of the range meaning as fast as possible.
    fn view_speed(&self, ctx: &Context<Self>) -> Html {
        let speed = self.session.config().speed;
        let config = self.session.config().clone();
        let onchange = ctx.link().batch_callback(move |event: Event| {
            let input = event.target_dyn_into::<web_sys::HtmlInputElement>()?;
            let speed = input.value().parse::<u32>().ok()?;
            Some(Msg::Configure(Box::new(Config {
                speed,
                ..config.clone()
            })))
        });
        let shown = if speed >= SPEED_RANGE.1 {
            "as fast as possible".to_string()
        } else {
            format!(
                "{speed} epoch{} per frame",
                if speed == 1 { "" } else { "s" }
            )
        };
        html! {
            <span class="speed">
                <label for="speed">{ "Speed" }</label>
                <input id="speed" type="range" min={SPEED_RANGE.0.to_string()}
                    max={SPEED_RANGE.1.to_string()} value={speed.to_string()}
                    aria-valuetext={shown.clone()} {onchange} />
                <span class="speed-value" aria-hidden="true">{ shown }</span>
            </span>
        }
    }

    /// The loss in use with its formula and value, and the weight penalty.
    fn view_objective(&self) -> Html {
        let trainer = self.session.trainer();
        html! {
            <ObjectivePanel objective={self.session.network().spec().objective}
                train_loss={self.session.readout().train_loss}
                regularization={self.session.config().regularization}
                penalty={trainer.penalty()} />
        }
    }

    /// The lecture panels under the page: the activation functions and the optimizers.
    fn view_lecture(&self, ctx: &Context<Self>) -> Html {
        let config = self.session.config().clone();
        let hide_text = config.hide_text;
        let on_configure = ctx
            .link()
            .callback(|config| Msg::Configure(Box::new(config)));
        html! {
            <div class={classes!("lecture", hide_text.then_some("hide-text"))}>
                <Activations config={config.clone()} {on_configure} />
                <OptimizerGuide {config} />
            </div>
        }
    }

    /// Handles the messages of "Step through one example".
    fn step_example(&mut self, msg: Msg) {
        match (msg, &mut self.stepper) {
            (Msg::OpenStepper, None) => self.open_stepper(),
            (Msg::StepperNext, Some(stepper)) => stepper.next(&self.session),
            (Msg::StepperBack, Some(stepper)) => stepper.back(),
            (Msg::StepperApply, Some(stepper)) => {
                log::info!("one example's update");
                let result = stepper.apply(&mut self.session);
                self.report(result, "The update was not applied");
            }
            (Msg::CloseStepper, _) => {
                self.close_stepper();
                let button = self.stepper_button.cast::<web_sys::HtmlElement>();
                if button.is_some_and(|b| b.focus().is_err()) {
                    log::warn!("could not focus the stepper's button");
                }
            }
            (Msg::StepperChoose(example), Some(stepper)) => {
                if let Some(chosen) = Stepper::start(&self.session, example) {
                    *stepper = chosen;
                }
            }
            _ => {}
        }
    }

    /// Tells a screen reader the epoch and the losses through the live region: at once when
    /// `now` (a step, play or pause), else at most every [`ANNOUNCE_EVERY_MS`] while training.
    fn announce(&mut self, now: bool) {
        let time = now_ms();
        if now || time - self.announcement.1 >= ANNOUNCE_EVERY_MS {
            self.announcement = (announcement(&self.session.readout()), time);
        }
    }

    /// Opens "Step through one example" (pausing training), and says so in the link.
    fn open_stepper(&mut self) {
        self.playing = false;
        self.stepper = Stepper::start(&self.session, self.stepper_example);
        if self.stepper.is_none() {
            self.message = Some("There are no training examples to step through.".into());
        }
        self.set_step_through(self.stepper.is_some());
    }

    /// Leaves "Step through one example", remembering the example it showed.
    fn close_stepper(&mut self) {
        if let Some(stepper) = self.stepper.take() {
            self.stepper_example = stepper.example();
        }
        self.set_step_through(false);
    }

    /// Writes whether the stepper is open into the settings (`stepThrough`), for the link.
    fn set_step_through(&mut self, open: bool) {
        if self.session.config().step_through != open {
            let config = Config {
                step_through: open,
                ..self.session.config().clone()
            };
            self.configure(config);
        }
    }

    /// Opens or closes the stepper as the settings say (a link or a preset may open it).
    fn follow_step_through(&mut self) {
        match (self.session.config().step_through, self.stepper.is_some()) {
            (true, false) => self.open_stepper(),
            (false, true) => self.close_stepper(),
            _ => {}
        }
    }

    /// The stepper's panel while it is open.
    fn view_stepper(&self, ctx: &Context<Self>) -> Html {
        let Some(stepper) = &self.stepper else {
            return html! {};
        };
        let link = ctx.link();
        let text = Rc::new(describe(&self.session, stepper));
        html! {
            <StepperPanel {text} can_go_back={stepper.can_go_back()}
                can_apply={stepper.can_apply()}
                on_next={link.callback(|_| Msg::StepperNext)}
                on_back={link.callback(|_| Msg::StepperBack)}
                on_apply={link.callback(|_| Msg::StepperApply)}
                on_close={link.callback(|_| Msg::CloseStepper)}
                example={stepper.example()} examples={self.session.inputs().0.len()}
                on_choose={link.callback(Msg::StepperChoose)} />
        }
    }

    fn view_messages(&self, ctx: &Context<Self>) -> Html {
        html! {
            <>
            if self.session.diverged() {
                <p class="message" role="alert">{ DIVERGED }</p>
            }
            if let Some(message) = &self.message {
                <p class="message" role="alert">{ message }</p>
            }
            if let Some(notice) = &self.notice {
                <p class="notice" role="status">
                    { notice }
                    <button class="secondary" onclick={ctx.link().callback(|_| Msg::DismissNotice)}>
                        { "Dismiss" }
                    </button>
                </p>
            }
            { self.view_warnings(ctx) }
            if self.session.config().uses_own_data() && self.session.inputs().0.is_empty() {
                <p class="explain">{ NO_OWN_POINTS }</p>
            }
            </>
        }
    }

    fn explanation(&self) -> String {
        let train = self.session.points().0;
        explanation(train.task, self.boundary.is_some())
    }

    fn view_boundary(&self, ctx: &Context<Self>) -> Html {
        let on_click = self
            .editing
            .then(|| ctx.link().callback(|(x1, x2)| Msg::PlaneClicked(x1, x2)));
        match &self.boundary {
            Some(view) => html! { <DecisionBoundary view={view.clone()} {on_click} /> },
            None => (self.off_plane.view())
                .unwrap_or_else(|| html! { <p class="explain">{ NOT_PLANE_DATA }</p> }),
        }
    }

    /// The Share panel, while it is open.
    fn view_share(&self, ctx: &Context<Self>) -> Html {
        if !self.share_open || self.embedded {
            return html! {};
        }
        let link = ctx.link();
        html! {
            <SharePanel config={self.session.config().clone()}
                weights={Rc::new(self.session.weights())} page={page_address()}
                has_boundary={self.boundary.is_some()}
                on_export={link.callback(|_| Msg::ExportModel)}
                on_import={link.callback(Msg::ImportModel)}
                on_picture={link.callback(Msg::SavePicture)}
                on_close={link.callback(|_| Msg::ToggleShare)} />
        }
    }

    /// The "Edit data" switch, for data in the plane in the full page.
    fn view_edit_button(&self, ctx: &Context<Self>) -> Html {
        if self.embedded || self.boundary.is_none() {
            return html! {};
        }
        html! {
            <button class="secondary edit-data" aria-pressed={self.editing.to_string()}
                onclick={ctx.link().callback(|_| Msg::ToggleEditData)}>{ "Edit data" }</button>
        }
    }

    /// The "Edit data" panel, while editing.
    fn view_editor(&self, ctx: &Context<Self>) -> Html {
        if !self.editing || self.boundary.is_none() {
            return html! {};
        }
        let link = ctx.link();
        let config = self.session.config();
        html! {
            <DataEditor problem={config.problem} classes={config.class_count().unwrap_or(2)}
                label={self.new_label} counts={self.data_counts()}
                on_label={link.callback(Msg::SetNewLabel)}
                on_clear={link.callback(|_| Msg::ClearData)}
                on_import={link.callback(Msg::ImportCsv)}
                on_export={link.callback(|_| Msg::ExportCsv)}
                on_done={link.callback(|_| Msg::ToggleEditData)}
                file_note={self.file_note.clone()} />
        }
    }

    /// The Perceptron panel, when the network is a single neuron.
    fn view_perceptron(&self, ctx: &Context<Self>) -> Html {
        let Some(neuron) = Perceptron::from_session(&self.session) else {
            return html! {};
        };
        let link = ctx.link();
        html! {
            <PerceptronPanel {neuron}
                on_set_weight={link.callback(|(input, value)| Msg::SetWeight(0, 0, input, value))}
                on_set_bias={link.callback(|value| Msg::SetBias(0, 0, value))} />
        }
    }

    fn view_warnings(&self, ctx: &Context<Self>) -> Html {
        if self.warnings.is_empty() {
            return html! {};
        }
        html! {
            <div class="warnings" role="status">
                <p>{ "Some settings in the link were changed to fit the playground:" }</p>
                <ul>
                    { for self.warnings.iter().map(|w| html! {
                        <li><code>{ &w.key }</code>{ ": " }{ &w.message }</li>
                    }) }
                </ul>
                <button class="secondary" onclick={ctx.link().callback(|_| Msg::DismissWarnings)}>
                    { "Dismiss" }
                </button>
            </div>
        }
    }
}

/// Reports each animated frame's training time and the time to compute its pictures (the
/// grid of every neuron, the diagram's data) to a function
/// `window.__nnFrameProbe(train_ms, pictures_ms)`, which only the browser benchmark defines.
/// Without it the page measures nothing.
struct FrameProbe {
    callback: js_sys::Function,
}

impl FrameProbe {
    fn from_page() -> Option<FrameProbe> {
        let window = web_sys::window()?;
        let probe = js_sys::Reflect::get(&window, &"__nnFrameProbe".into()).ok()?;
        let callback = probe.dyn_into::<js_sys::Function>().ok()?;
        Some(FrameProbe { callback })
    }

    fn report(&self, train_ms: f64, pictures_ms: f64) {
        let args = (&train_ms.into(), &pictures_ms.into());
        if let Err(err) = self.callback.call2(&JsValue::NULL, args.0, args.1) {
            log::warn!("frame probe failed: {err:?}");
        }
    }
}

/// Listens for edits of the fragment, for keys (shortcuts when `shortcuts` holds, a slide
/// deck's keys passed on when `embedded`) and for a slide deck's commands.
fn listeners(ctx: &Context<App>, embedded: bool, shortcuts: Rc<Cell<bool>>) -> Vec<EventListener> {
    let Ok(window) = crate::dom::window() else {
        return Vec::new();
    };
    let link = ctx.link().clone();
    let hash = EventListener::new(&window, "hashchange", move |_| {
        link.send_message(Msg::LinkEdited)
    });
    let link = ctx.link().clone();
    let options = EventListenerOptions::enable_prevent_default();
    let keys = EventListener::new_with_options(&window, "keydown", options, move |event| {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
            return;
        };
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        if shortcuts.get()
            && !in_control(event)
            && let Some(msg) = shortcut(&event.key())
        {
            event.prevent_default();
            link.send_message(msg);
        } else if embedded && !focus_in_control(event) && embed::DECK_KEYS.contains(&&*event.key())
        {
            embed::forward_key(event);
        }
    });
    let link = ctx.link().clone();
    let messages = EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        if embedded
            && from_parent(event)
            && let Some(command) = embed::command_of(&event.data())
        {
            link.send_message(Msg::Command(command));
        }
    });
    let mut all = vec![hash, keys, messages];
    if embedded {
        all.push(EventListener::new(&window, "click", release_clicked_button));
    }
    all
}

/// Embedded: a button pressed with the pointer lets go of the focus, so that the slide deck's
/// arrows and Space move the slides again after a click on Play (a button reached with the
/// keyboard keeps it: `detail` is 0 for a click made by a key).
fn release_clicked_button(event: &Event) {
    let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else {
        return;
    };
    if click.detail() == 0 {
        return;
    }
    let button = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.closest("button").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if button.is_some_and(|b| b.blur().is_err()) {
        log::warn!("could not release the focus");
    }
}

/// True when a message comes from the window this page is embedded in.
fn from_parent(event: &MessageEvent) -> bool {
    let parent = web_sys::window().and_then(|w| w.parent().ok().flatten());
    match (event.source(), parent) {
        (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
}

/// True when a control of the playground (button, field, list, slider, link) has the focus, so
/// that a key is its own rather than the slide deck's.
fn focus_in_control(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let control = matches!(
        target.tag_name().as_str(),
        "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA" | "SUMMARY" | "A"
    );
    control || is_pressable(&target) || target.closest("[contenteditable]").ok().flatten().is_some()
}

/// Adds `class` to the page's root element, or removes it.
fn set_root_class(class: &str, on: bool) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let list = root.class_list();
    let result = if on {
        list.add_1(class)
    } else {
        list.remove_1(class)
    };
    if let Err(err) = result {
        log::warn!("could not change the page's class: {err:?}");
    }
}

/// True when the key belongs to the focused control: every key in a text field or a select
/// (typing, type-ahead), and Space on a button, checkbox, radio, slider or summary (which it
/// presses). Letter shortcuts still work after a click on a button or a slider.
fn in_control(event: &KeyboardEvent) -> bool {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let typing = match target.tag_name().as_str() {
        "SELECT" | "TEXTAREA" => true,
        "INPUT" => !matches!(
            target.get_attribute("type").as_deref(),
            Some("range" | "checkbox" | "radio" | "button")
        ),
        _ => target.closest("[contenteditable]").ok().flatten().is_some(),
    };
    typing || (event.key() == " " && is_pressable(&target))
}

/// True for elements that Space presses or toggles.
fn is_pressable(element: &Element) -> bool {
    matches!(
        element.tag_name().as_str(),
        "BUTTON" | "INPUT" | "SUMMARY" | "A"
    ) || element
        .closest("[role=slider], [role=radio], [role=button]")
        .ok()
        .flatten()
        .is_some()
}

/// The test build's "Force a panic" button; nothing in a real build.
fn force_panic_button(ctx: &Context<App>) -> Html {
    #[cfg(feature = "test-panic")]
    {
        let onclick = ctx.link().callback(|_| Msg::ForcePanic);
        html! { <button {onclick}>{ "Force a panic" }</button> }
    }
    #[cfg(not(feature = "test-panic"))]
    {
        let _ = ctx;
        Html::default()
    }
}

/// Starts a session from `config` and the user's own points, falling back to the defaults
/// (with a message) if the engine refuses them.
fn start_session(config: Config, own: OwnData) -> (Session, Option<String>) {
    match Session::with_own_data(config.clone(), own) {
        Ok(session) => (session, None),
        Err(err) => {
            log::error!("could not start the run: {err}");
            let message = format!(
                "The link's network could not be built ({err}); showing the \
                default one instead."
            );
            let fallback = Config {
                seed: config.seed,
                ..Config::default()
            };
            match Session::new(fallback) {
                Ok(session) => (session, Some(message)),
                Err(err) => unreachable_default(err),
            }
        }
    }
}

/// The default settings always build; if they ever did not, there is nothing to show.
fn unreachable_default(err: playground_model::ModelError) -> ! {
    panic!("the default network could not be built: {err}")
}

/// The page's address without its fragment, for links that open it elsewhere.
fn page_address() -> AttrValue {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    AttrValue::from(page.to_string())
}

/// The URL fragment of the page, `#...`, or the empty text.
fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Writes the address bar's link and keeps the experiment for the next visit.
fn save_state(session: &Session) {
    write_link(session.config());
    storage::save(&encode(session.config()), session.own_data());
}

/// Replaces the address bar's fragment with the canonical link of `config`, without adding a
/// history entry.
fn write_link(config: &Config) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = encode(config);
    if let Err(err) = history.replace_state_with_url(&JsValue::NULL, "", Some(&url)) {
        log::warn!("could not write the link: {err:?}");
    }
}

/// Milliseconds from the page's clock (0 where the browser has none).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A seed like TensorFlow Playground's: a random number with five decimals, as text.
fn fresh_seed() -> String {
    seed_from_unit(js_sys::Math::random())
}
