//! The browser's window and document, as results: a page without them (a worker, a test
//! harness) gets an error to show instead of a panic.

use web_sys::{Document, Window};

use crate::error::ViewError;

/// The page's window.
pub fn window() -> Result<Window, ViewError> {
    web_sys::window().ok_or_else(|| ViewError::Browser("the page has no window".into()))
}

/// The page's document.
pub fn document() -> Result<Document, ViewError> {
    window()?
        .document()
        .ok_or_else(|| ViewError::Browser("the page has no document".into()))
}
