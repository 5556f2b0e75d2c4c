//! The page: controls, readouts and the decision boundary, and the training loop that drives
//! them from animation frames.

use std::rc::Rc;

use gloo::render::{AnimationFrame, request_animation_frame};
use yew::prelude::*;

use crate::components::boundary::{BoundaryView, DecisionBoundary};
use crate::simulation::Simulation;

/// Longest time spent training in one animation frame, in milliseconds, so that the page keeps
/// drawing and answering input.
const FRAME_BUDGET_MS: f64 = 8.0;
/// Most epochs trained in one frame.
const MAX_EPOCHS_PER_FRAME: u32 = 10;

/// What the user or the browser asks of the page.
pub enum Msg {
    /// Play or pause training.
    TogglePlay,
    /// An animation frame arrived: train for a while, then redraw.
    Frame,
}

/// The playground page.
pub struct App {
    simulation: Option<Simulation>,
    /// A problem the page reports in words (for example the run could not be built).
    message: Option<String>,
    view: Rc<BoundaryView>,
    playing: bool,
    frame: Option<AnimationFrame>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(_ctx: &Context<Self>) -> Self {
        let (mut simulation, message) = match Simulation::new(&fresh_seed()) {
            Ok(simulation) => (Some(simulation), None),
            Err(err) => {
                log::error!("could not start the run: {err}");
                (
                    None,
                    Some(format!("The network could not be built: {err}.")),
                )
            }
        };
        let view = Rc::new(
            simulation
                .as_mut()
                .map(Simulation::boundary)
                .unwrap_or_default(),
        );
        App {
            simulation,
            message,
            view,
            playing: false,
            frame: None,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::TogglePlay => {
                self.playing = !self.playing;
                log::info!("{}", if self.playing { "play" } else { "pause" });
                self.schedule(ctx);
            }
            Msg::Frame => {
                self.frame = None;
                if !self.playing {
                    return false;
                }
                if let Some(simulation) = self.simulation.as_mut() {
                    train_for_one_frame(simulation);
                    self.view = Rc::new(simulation.boundary());
                }
                self.schedule(ctx);
            }
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let label = if self.playing { "Pause" } else { "Play" };
        html! {
            <>
            <header><h1>{ "Neural-network playground" }</h1></header>
            <main>
                <section aria-label="Training">
                    <div class="controls">
                        <button onclick={ctx.link().callback(|_| Msg::TogglePlay)}>
                            { label }
                        </button>
                    </div>
                    <div class="readouts">
                        <span id="epoch-label">{ "Epoch" }</span>
                        <output aria-labelledby="epoch-label">
                            { self.simulation.as_ref().map_or(0, Simulation::epoch) }
                        </output>
                    </div>
                    if let Some(message) = &self.message {
                        <p class="message" role="alert">{ message }</p>
                    }
                    <p class="explain">{ EXPLANATION }</p>
                </section>
                <DecisionBoundary view={self.view.clone()} />
            </main>
            </>
        }
    }
}

/// What a student reads beside the picture.
const EXPLANATION: &str = "A small neural network (two inputs, hidden layers of 4 and 2 tanh \
    neurons) learns to tell the orange points from the blue ones. The background shows what it \
    predicts at every spot: orange or blue, paler where it is unsure. Press Play to train it.";

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
}

/// Trains epochs until the frame's time budget or epoch cap is used up.
fn train_for_one_frame(simulation: &mut Simulation) {
    let started = now_ms();
    for _ in 0..MAX_EPOCHS_PER_FRAME {
        simulation.train_epoch();
        if now_ms() - started > FRAME_BUDGET_MS {
            break;
        }
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
    format!("{:.5}", js_sys::Math::random())
}
