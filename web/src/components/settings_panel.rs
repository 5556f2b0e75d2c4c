//! The training settings: activation, learning rate, regularization and its rate, optimizer,
//! momentum, loss and initialization.

use playground_model::Config;
use yew::prelude::*;

/// Properties of [`SettingsPanel`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The settings in force.
    pub config: Config,
    /// Called with the new settings when a control changes.
    pub on_configure: Callback<Config>,
}

/// The training settings panel.
#[function_component(SettingsPanel)]
pub fn settings_panel(_props: &Props) -> Html {
    html! {}
}
