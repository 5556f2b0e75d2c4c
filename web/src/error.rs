//! The web app's one error type: what can fail between the app and the browser.

use thiserror::Error;

/// A browser call the view depends on did not give what it should. Each one becomes a message
/// in the page and a log line; none of them panics.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ViewError {
    /// A canvas element was not in the document when it was drawn.
    #[error("the {0} canvas is not on the page")]
    MissingCanvas(&'static str),
    /// The browser refused a 2-D drawing context.
    #[error("the browser gave no 2-D drawing context for the {0} canvas")]
    NoContext(&'static str),
    /// A canvas call failed; the text is the browser's.
    #[error("drawing on the {canvas} canvas failed: {detail}")]
    Draw {
        /// Which canvas.
        canvas: &'static str,
        /// The browser's message.
        detail: String,
    },
    /// Another browser call failed; the text says which and why.
    #[error("{0}")]
    Browser(String),
}
