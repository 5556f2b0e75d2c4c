//! "Step through one example": one training example walked through the network stage by stage,
//! forward layer by layer, then its loss, then backward layer by layer, then one plain gradient
//! step on that example alone, then the next example.
//!
//! A [`Stepper`] holds the example, its [`Trace`] (the engine's own numbers) and the stage
//! shown; [`crate::step_text`] turns a stage into sentences and tables for the page.

use nn_core::Trace;

use crate::ModelError;
use crate::session::Session;

/// What the stepper shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The example: its inputs and its target.
    Example,
    /// The forward pass through layer `l` (0 = first hidden layer; the last is the output).
    Forward(usize),
    /// The loss of the example.
    Loss,
    /// The backward pass through layer `l` (walked from the output layer down).
    Backward(usize),
    /// The update about to be made.
    Update,
    /// The update was made; the example's loss after it is known.
    Updated,
}

/// The stepping state: which example, its trace, and the stage shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Stepper {
    /// Index of the example in the training split.
    example: usize,
    /// The example's trace through the network (before any update of this example).
    trace: Trace,
    /// The stage shown.
    stage: Stage,
    /// The example's loss after the update, once made.
    loss_after: Option<f64>,
}

impl Stepper {
    /// Starts at training example `example` (wrapped into the training split), at its first
    /// stage; `None` when there are no training examples.
    pub fn start(session: &Session, example: usize) -> Option<Stepper> {
        let rows = session.inputs().0.len();
        if rows == 0 {
            return None;
        }
        let example = example % rows;
        let trace = session.trace_example(example)?;
        Some(Stepper {
            example,
            trace,
            stage: Stage::Example,
            loss_after: None,
        })
    }

    /// Index of the example in the training split.
    pub fn example(&self) -> usize {
        self.example
    }

    /// The example's trace (taken before its update).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The stage shown.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The example's loss after its update, once applied.
    pub fn loss_after(&self) -> Option<f64> {
        self.loss_after
    }

    /// Number of layers (hidden layers and the output layer).
    fn layers(&self) -> usize {
        self.trace.layers.len()
    }

    /// All stages of one example in order (without [`Stage::Updated`]).
    pub fn stages(&self) -> Vec<Stage> {
        let layers = self.layers();
        let mut stages = vec![Stage::Example];
        stages.extend((0..layers).map(Stage::Forward));
        stages.push(Stage::Loss);
        stages.extend((0..layers).rev().map(Stage::Backward));
        stages.push(Stage::Update);
        stages
    }

    /// The stage's place among [`Stepper::stages`], counting from 1 (after the update, the
    /// place of the update).
    pub fn position(&self) -> usize {
        let stages = self.stages();
        let stage = match self.stage {
            Stage::Updated => Stage::Update,
            stage => stage,
        };
        stages.iter().position(|s| *s == stage).unwrap_or(0) + 1
    }

    /// Whether [`Stepper::back`] can go back (not at the start, not after the update).
    pub fn can_go_back(&self) -> bool {
        !matches!(self.stage, Stage::Example | Stage::Updated)
    }

    /// Whether the update can still be applied to this example.
    pub fn can_apply(&self) -> bool {
        self.stage != Stage::Updated
    }

    /// The next stage; after the update stage (applied or not), the next training example.
    pub fn next(&mut self, session: &Session) {
        let stages = self.stages();
        let at = self.position();
        match self.stage {
            Stage::Update | Stage::Updated => {
                if let Some(next) = Stepper::start(session, self.example + 1) {
                    *self = next;
                }
            }
            _ => self.stage = stages.get(at).copied().unwrap_or(Stage::Update),
        }
    }

    /// The stage before (nothing at the first stage or after the update).
    pub fn back(&mut self) {
        if self.can_go_back() {
            let at = self.position();
            self.stage = self.stages()[at.saturating_sub(2)];
        }
    }

    /// Applies the example's update to the session's network (see
    /// [`Session::apply_example_step`]) and shows the result.
    pub fn apply(&mut self, session: &mut Session) -> Result<(), ModelError> {
        if !self.can_apply() {
            return Ok(());
        }
        self.trace = session.apply_example_step(self.example)?;
        self.loss_after = session.trace_example(self.example).map(|t| t.loss);
        self.stage = Stage::Updated;
        Ok(())
    }

    /// Traces the example again after the network or the data changed elsewhere (a hand edit,
    /// an epoch, new settings). The stage stays when the network has the same number of
    /// layers; otherwise, or after an update, it starts again at the example.
    pub fn refresh(&mut self, session: &Session) {
        let Some(mut fresh) = Stepper::start(session, self.example) else {
            return;
        };
        let same_shape = fresh.layers() == self.layers() && fresh.example == self.example;
        if same_shape && self.stage != Stage::Updated {
            fresh.stage = self.stage;
        }
        *self = fresh;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::decode;

    fn session(link: &str) -> Session {
        Session::new(decode(link, || unreachable!()).config).unwrap()
    }

    #[test]
    fn the_stages_walk_forward_then_loss_then_backward_then_update_then_the_next_example() {
        let session = session("dataset=xor&networkShape=2&seed=0.5");
        let mut stepper = Stepper::start(&session, 0).unwrap();
        let mut seen = vec![stepper.stage()];
        for _ in 0..6 {
            stepper.next(&session);
            seen.push(stepper.stage());
        }
        use Stage::*;
        assert_eq!(
            seen,
            [
                Example,
                Forward(0),
                Forward(1),
                Loss,
                Backward(1),
                Backward(0),
                Update
            ]
        );
        assert_eq!(stepper.position(), 7);
        stepper.back();
        assert_eq!(stepper.stage(), Backward(0));
        stepper.next(&session);
        stepper.next(&session);
        assert_eq!((stepper.example(), stepper.stage()), (1, Example));
        stepper.back();
        assert_eq!(stepper.stage(), Example, "nothing before the first stage");
    }

    #[test]
    fn applying_changes_the_network_once_and_the_next_example_follows() {
        let mut session = session("dataset=xor&networkShape=2&learningRate=0.01&seed=0.5");
        let mut stepper = Stepper::start(&session, 3).unwrap();
        let before = session.network().params().to_vec();
        stepper.apply(&mut session).unwrap();
        assert_eq!(stepper.stage(), Stage::Updated);
        assert!(stepper.loss_after().unwrap() < stepper.trace().loss);
        assert!(!stepper.can_go_back() && !stepper.can_apply());
        let after = session.network().params().to_vec();
        assert_ne!(after, before);
        stepper.apply(&mut session).unwrap();
        assert_eq!(session.network().params(), after.as_slice(), "applied once");
        assert_eq!(session.epoch(), 0);
        stepper.next(&session);
        assert_eq!((stepper.example(), stepper.stage()), (4, Stage::Example));
    }

    #[test]
    fn refresh_keeps_the_stage_and_follows_a_new_shape() {
        let mut session = session("dataset=xor&networkShape=2&seed=0.5");
        let mut stepper = Stepper::start(&session, 0).unwrap();
        stepper.next(&session);
        let loss = stepper.trace().loss;
        session.step().unwrap();
        stepper.refresh(&session);
        assert_eq!(stepper.stage(), Stage::Forward(0));
        assert_ne!(stepper.trace().loss, loss);
        let mut config = session.config().clone();
        config.network_shape = vec![3, 3];
        session.update(config).unwrap();
        stepper.refresh(&session);
        assert_eq!(stepper.stage(), Stage::Example);
        assert_eq!(stepper.trace().layers.len(), 3);
    }
}
