//! The data panel: which data set (with previews), problem type, training share, noise, batch
//! size and seed.

use playground_model::Config;
use yew::prelude::*;

/// Properties of [`DataPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The settings in force.
    pub config: Config,
    /// Called with the new settings when a control changes.
    pub on_configure: Callback<Config>,
}

/// The data panel.
#[function_component(DataPanel)]
pub fn data_panel(_props: &Props) -> Html {
    html! {}
}
