//! The page's side of sharing: model files out and in, and PNG pictures of its canvases.

use playground_model::model_file::{self, MAX_MODEL_BYTES};
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::{App, Msg};
use crate::components::share::Picture;
use crate::error::ViewError;
use crate::files::{download_png, download_text, read_text};
use crate::render::diagram_png;

impl App {
    /// Saves the run as a model file.
    pub(super) fn export_model(&mut self) {
        log::info!("export model");
        let result = model_file::export(&self.session).map_err(|err| err.to_string());
        let saved = result.and_then(|text| {
            let name = format!("playground-epoch-{}.json", self.session.epoch());
            download_text(&name, "application/json", &text).map_err(|err| err.to_string())
        });
        match saved {
            Ok(()) => self.notice = Some("The model file was saved to your downloads.".into()),
            Err(err) => self.message = Some(format!("The model was not saved: {err}.")),
        }
    }

    /// Starts reading a model file the user picked; [`Msg::ModelRead`] brings its text.
    pub(super) fn read_model(&mut self, ctx: &Context<Self>, file: web_sys::File) {
        self.playing = false;
        let link = ctx.link().clone();
        self.reader = read_text(file, MAX_MODEL_BYTES, move |text| {
            link.send_message(Msg::ModelRead(text))
        });
    }

    /// Continues the run of a model file, or says why it cannot; the run on screen stays as it
    /// was when the file is refused.
    pub(super) fn load_model(&mut self, text: Result<String, String>) {
        self.reader = None;
        let imported = text.and_then(|text| model_file::import(&text).map_err(|e| e.to_string()));
        match imported {
            Ok(imported) => {
                log::info!("model imported at epoch {}", imported.session.epoch());
                self.session = imported.session;
                self.warnings = imported.warnings;
                self.message = None;
                self.notice = Some(format!(
                    "Model loaded: training goes on from epoch {}.",
                    self.session.epoch()
                ));
                self.write_link();
            }
            Err(err) => self.message = Some(format!("The model was not loaded: {err}.")),
        }
    }

    /// Saves one of the page's pictures as a PNG file.
    pub(super) fn save_picture(&mut self, picture: Picture) {
        log::info!("save {picture:?}");
        let result = picture_canvas(picture).and_then(|c| download_png(&c, picture.file_name()));
        if let Err(err) = result {
            self.message = Some(format!("The picture was not saved: {err}."));
        }
    }
}

/// The canvas holding `picture`: the page's own, or for the diagram one composed from it.
fn picture_canvas(picture: Picture) -> Result<HtmlCanvasElement, ViewError> {
    let document = crate::dom::document()?;
    let find = |selector: &str| document.query_selector(selector).ok().flatten();
    match picture {
        Picture::Boundary => find("canvas.boundary")
            .and_then(|c| c.dyn_into().ok())
            .ok_or(ViewError::MissingCanvas("Decision boundary")),
        Picture::LossCurve => find("canvas.loss-chart")
            .and_then(|c| c.dyn_into().ok())
            .ok_or(ViewError::MissingCanvas("Loss curve")),
        Picture::Network => {
            let figure = find(".net-figure").ok_or(ViewError::MissingCanvas("network"))?;
            diagram_png::compose(&figure)
        }
    }
}
