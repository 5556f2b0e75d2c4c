//! Drawing on an HTML canvas: putting heatmap pixels as image data, and marking data points.

use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::error::ViewError;

/// The 2-D context of `canvas`, named `name` in errors.
pub fn context_2d(
    canvas: &HtmlCanvasElement,
    name: &'static str,
) -> Result<CanvasRenderingContext2d, ViewError> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or(ViewError::NoContext(name))
}

/// Puts RGBA `pixels` of a `side` x `side` image at the canvas's top-left corner.
pub fn put_pixels(
    context: &CanvasRenderingContext2d,
    name: &'static str,
    pixels: &[u8],
    side: u32,
) -> Result<(), ViewError> {
    put_pixels_at(context, name, pixels, side, (0.0, 0.0))
}

/// Puts RGBA `pixels` of a `side` x `side` image with its top-left corner at `(x, y)`.
pub fn put_pixels_at(
    context: &CanvasRenderingContext2d,
    name: &'static str,
    pixels: &[u8],
    side: u32,
    (x, y): (f64, f64),
) -> Result<(), ViewError> {
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(pixels), side, side)
        .map_err(|err| draw_error(name, &err))?;
    context
        .put_image_data(&image, x, y)
        .map_err(|err| draw_error(name, &err))
}

/// Draws a filled disc with a white rim at canvas coordinates (`x`, `y`).
pub fn dot(
    context: &CanvasRenderingContext2d,
    name: &'static str,
    (x, y): (f64, f64),
    radius: f64,
    fill: &str,
) -> Result<(), ViewError> {
    context.begin_path();
    context
        .arc(x, y, radius, 0.0, std::f64::consts::TAU)
        .map_err(|err| draw_error(name, &err))?;
    context.set_fill_style_str(fill);
    context.fill();
    context.stroke();
    Ok(())
}

fn draw_error(canvas: &'static str, err: &JsValue) -> ViewError {
    let detail = err.as_string().unwrap_or_else(|| format!("{err:?}"));
    ViewError::Draw { canvas, detail }
}
