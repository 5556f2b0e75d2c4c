//! The views for data that do not lie in the plane, in place of the decision boundary: the
//! digits view for the digits, the fitted curve for data of one input (the 1-D regression
//! curve, NOT). [`OffPlaneViews`] derives them from the session once per redraw.

use std::rc::Rc;

use nn_core::Workspace;
use playground_model::Session;
use yew::prelude::*;

use crate::components::curve::Curve;
use crate::components::digits::Digits;
use crate::curve_view::{CurveView, curve_view};
use crate::digits_view::{DigitsView, accuracy_series, digits_view};
use crate::render::accuracy_chart::AccuracySeries;

/// The off-plane views of the session, as last derived.
#[derive(Default)]
pub struct OffPlaneViews {
    /// Buffers for the predictions on the digits, reused from frame to frame.
    workspace: Option<Workspace>,
    /// The digits view, for the digits.
    digits: Option<Rc<DigitsView>>,
    /// The accuracy curves, for the digits.
    accuracy: Rc<AccuracySeries>,
    /// The fitted curve, for data of one input.
    curve: Option<Rc<CurveView>>,
}

impl OffPlaneViews {
    /// Derives the views that apply to `session` (none for data of the plane).
    pub fn update(&mut self, session: &Session) {
        if self
            .workspace
            .as_ref()
            .is_some_and(|ws| !ws.fits(session.network()))
        {
            self.workspace = None;
        }
        self.digits = digits_view(session, &mut self.workspace).map(Rc::new);
        self.accuracy = match self.digits {
            Some(_) => Rc::new(accuracy_series(session.history())),
            None => Rc::default(),
        };
        self.curve = curve_view(session).map(Rc::new);
    }

    /// The view that applies, if any.
    pub fn view(&self) -> Option<Html> {
        if let Some(view) = &self.digits {
            let accuracy = self.accuracy.clone();
            return Some(html! { <Digits view={view.clone()} {accuracy} /> });
        }
        let view = self.curve.clone()?;
        Some(html! { <Curve {view} /> })
    }
}
