//! The playground's browser views: a Yew app that trains an `nn-core` network in the page and
//! draws what it learns.
//!
//! `app` holds the page and its training loop (driven by animation frames) around a session of
//! the playground's model, `pictures` derives what the canvases show from that session,
//! `components` are the page's parts and `render` turns numbers into pixels. Browser calls that
//! can fail return [`error::ViewError`], which the page shows and logs; nothing here unwraps a
//! DOM or canvas look-up.
#![warn(missing_docs)]

pub mod app;
pub mod components;

pub mod crash;
pub mod curve_view;
pub mod digits_view;
pub mod dom;
pub mod embed;
pub mod error;
pub mod files;
pub mod neurons;
pub mod pictures;
pub mod render;
pub mod storage;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point: sets up logging and the panic hook once, then mounts the app on `<body>`.
#[wasm_bindgen(start)]
pub fn start() {
    crash::set_hook();
    if console_log::init_with_level(log::Level::Info).is_err() {
        // A logger is already set (the page was started twice): keep the first one.
    }
    yew::Renderer::<app::App>::new().render();
}
