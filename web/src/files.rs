//! Files in and out of the page: downloads (model files, CSV, PNG pictures), reading a file the
//! user picked (after checking its size), and copying text to the clipboard.

use std::cell::RefCell;

use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, File, ObjectUrl};
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement};

use crate::error::ViewError;

thread_local! {
    /// The object URL of the latest download, kept until the next one (revoking it at once
    /// could cancel the download in some browsers).
    static LAST_DOWNLOAD: RefCell<Option<ObjectUrl>> = const { RefCell::new(None) };
}

/// Offers `contents` as a file named `name` of type `mime` for download.
pub fn download_text(name: &str, mime: &str, contents: &str) -> Result<(), ViewError> {
    let url = ObjectUrl::from(Blob::new_with_options(contents, Some(mime)));
    click_download(name, &url)?;
    LAST_DOWNLOAD.with(|last| *last.borrow_mut() = Some(url));
    Ok(())
}

/// Offers the picture on `canvas` as a PNG file named `name`.
pub fn download_png(canvas: &HtmlCanvasElement, name: &str) -> Result<(), ViewError> {
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|err| browser("make the picture", &err))?;
    click_download(name, &url)
}

/// Clicks a temporary `<a download>` link to `url`.
fn click_download(name: &str, url: &str) -> Result<(), ViewError> {
    let document = crate::dom::document()?;
    let anchor = document
        .create_element("a")
        .map_err(|err| browser("start the download", &err))?
        .dyn_into::<HtmlAnchorElement>()
        .map_err(|_| ViewError::Browser("start the download".into()))?;
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// Reads the text of a file the user picked, if it has at most `max_bytes`; `done` gets the
/// text or a message saying why there is none. The returned reader must be kept until `done`
/// runs (dropping it cancels the read). A file that is too large is refused before reading.
pub fn read_text(
    file: web_sys::File,
    max_bytes: usize,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Option<FileReader> {
    let file = File::from(file);
    let size = file.size();
    if size > max_bytes as u64 {
        done(Err(format!(
            "the file \"{}\" has {size} bytes; at most {max_bytes} are read",
            file.name()
        )));
        return None;
    }
    let name = file.name();
    let reader = gloo::file::callbacks::read_as_text(&file, move |result| {
        done(result.map_err(|err| format!("the file \"{name}\" could not be read: {err}")))
    });
    Some(reader)
}

/// Copies `text` to the clipboard; `done` learns whether the browser allowed it.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let Ok(window) = crate::dom::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(copied);
    });
}

/// A browser call that failed while trying to `what`.
fn browser(what: &str, err: &wasm_bindgen::JsValue) -> ViewError {
    ViewError::Browser(format!("could not {what}: {err:?}"))
}
