//! The network diagram as one picture, for a PNG file: the diagram on the page is an SVG of
//! links with thumbnail canvases laid over it, so this paints the SVG's links and bias markers
//! and then every thumbnail onto one canvas, at twice the size shown, for slides.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, Path2d};

use crate::error::ViewError;
use crate::render::canvas::context_2d;

/// Pixels of the picture per CSS pixel of the diagram.
const SCALE: f64 = 2.0;
/// Name of the picture in messages.
const NAME: &str = "network picture";

/// A canvas holding the diagram inside `figure` (the page's `.net-figure` element).
pub fn compose(figure: &Element) -> Result<HtmlCanvasElement, ViewError> {
    let document = crate::dom::document()?;
    let canvas = document
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .ok_or(ViewError::MissingCanvas(NAME))?;
    let frame = figure.get_bounding_client_rect();
    canvas.set_width((frame.width() * SCALE).round() as u32);
    canvas.set_height((frame.height() * SCALE).round() as u32);
    let context = context_2d(&canvas, NAME)?;
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, frame.width() * SCALE, frame.height() * SCALE);

    if let Some(svg) = figure.query_selector("svg.net-links").ok().flatten() {
        paint_svg(&context, &svg, frame.width(), frame.height())?;
    }

    let origin = (frame.left(), frame.top());
    let thumbnails = figure
        .query_selector_all(".net-nodes canvas")
        .map_err(|err| draw_error(&err))?;
    for index in 0..thumbnails.length() {
        let Some(thumbnail) = thumbnails
            .item(index)
            .and_then(|node| node.dyn_into::<HtmlCanvasElement>().ok())
        else {
            continue;
        };
        paint_thumbnail(&context, &thumbnail, origin)?;
    }
    Ok(canvas)
}

/// Strokes the links and fills the bias markers, mapping the SVG's view box (stretched to the
/// figure, as `preserveAspectRatio="none"` does) onto the picture.
fn paint_svg(
    context: &CanvasRenderingContext2d,
    svg: &Element,
    width: f64,
    height: f64,
) -> Result<(), ViewError> {
    let view_box: Vec<f64> = svg
        .get_attribute("viewBox")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    let [_, _, box_width, box_height] = view_box[..] else {
        return Ok(());
    };
    let (sx, sy) = (SCALE * width / box_width, SCALE * height / box_height);
    context
        .set_transform(sx, 0.0, 0.0, sy, 0.0, 0.0)
        .map_err(|err| draw_error(&err))?;
    let links = svg
        .query_selector_all("g[fill=none]:not(.net-hits) path")
        .map_err(|err| draw_error(&err))?;
    for index in 0..links.length() {
        if let Some(path) = links.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
            stroke_path(context, &path)?;
        }
    }
    let biases = svg
        .query_selector_all(".net-biases rect")
        .map_err(|err| draw_error(&err))?;
    for index in 0..biases.length() {
        if let Some(rect) = biases
            .item(index)
            .and_then(|n| n.dyn_into::<Element>().ok())
        {
            fill_rect(context, &rect);
        }
    }
    context
        .set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        .map_err(|err| draw_error(&err))
}

/// One link, with its colour, width and dashes.
fn stroke_path(context: &CanvasRenderingContext2d, path: &Element) -> Result<(), ViewError> {
    let attribute = |name: &str| path.get_attribute(name).unwrap_or_default();
    let shape = Path2d::new_with_path_string(&attribute("d")).map_err(|err| draw_error(&err))?;
    context.set_stroke_style_str(&attribute("stroke"));
    context.set_line_width(attribute("stroke-width").parse().unwrap_or(1.0));
    let dashes = js_sys::Array::new();
    for dash in attribute("stroke-dasharray").split([' ', ',']) {
        if let Ok(length) = dash.parse::<f64>() {
            dashes.push(&length.into());
        }
    }
    context
        .set_line_dash(&dashes)
        .map_err(|err| draw_error(&err))?;
    context.stroke_with_path(&shape);
    Ok(())
}

/// One bias marker.
fn fill_rect(context: &CanvasRenderingContext2d, rect: &Element) {
    let number = |name: &str| {
        let text = rect.get_attribute(name).unwrap_or_default();
        text.parse::<f64>().unwrap_or(0.0)
    };
    context.set_fill_style_str(&rect.get_attribute("fill").unwrap_or_default());
    context.fill_rect(number("x"), number("y"), number("width"), number("height"));
}

/// A thumbnail where the page shows it, with a thin grey frame.
fn paint_thumbnail(
    context: &CanvasRenderingContext2d,
    thumbnail: &HtmlCanvasElement,
    (left, top): (f64, f64),
) -> Result<(), ViewError> {
    let at = thumbnail.get_bounding_client_rect();
    let (x, y) = ((at.left() - left) * SCALE, (at.top() - top) * SCALE);
    let (w, h) = (at.width() * SCALE, at.height() * SCALE);
    context.set_image_smoothing_enabled(false);
    context
        .draw_image_with_html_canvas_element_and_dw_and_dh(thumbnail, x, y, w, h)
        .map_err(|err| draw_error(&err))?;
    context.set_stroke_style_str("#8a9099");
    context.set_line_width(1.0);
    context
        .set_line_dash(&js_sys::Array::new())
        .map_err(|err| draw_error(&err))?;
    context.stroke_rect(x, y, w, h);
    Ok(())
}

fn draw_error(err: &wasm_bindgen::JsValue) -> ViewError {
    ViewError::Draw {
        canvas: NAME,
        detail: err.as_string().unwrap_or_else(|| format!("{err:?}")),
    }
}
