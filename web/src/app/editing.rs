//! The page's side of "Edit data": the user's own points, made by clicks on the decision
//! boundary or read from a CSV file, and written back to one.

use nn_core::Dataset;
use playground_model::Config;
use playground_model::config::{DatasetKind, Problem, RegDatasetKind};
use playground_model::own_data::{MAX_CSV_BYTES, MAX_OWN_POINTS, OwnPoint, check_point, read_csv};
use yew::prelude::*;

use super::{App, Msg};
use crate::components::boundary::click_reach;
use crate::files::{download_text, read_text};

impl App {
    /// Opens "Edit data" (switching to the user's own points, which start as a copy of the
    /// data on screen when there are none yet), or closes it.
    pub(super) fn toggle_edit_data(&mut self) {
        self.file_note = None;
        if self.editing {
            self.editing = false;
            return;
        }
        let config = self.session.config().clone();
        if !config.is_plane_data() {
            self.message = Some("Only data in the plane can be edited by hand.".into());
            return;
        }
        log::info!("edit data");
        self.editing = true;
        if config.uses_own_data() {
            return;
        }
        if self.session.own_data().points(config.problem).is_empty() {
            let classes = config.class_count().unwrap_or(2);
            let copied = copy_points(self.session.points(), config.problem, classes);
            let result = self.session.edit_own_data(|own| {
                own.set(config.problem, copied);
                Ok(())
            });
            self.report(result, "The points could not be copied");
        }
        self.configure(own_data_config(config));
    }

    /// A click on the decision boundary while editing: removes the point under it, or adds
    /// one of the chosen class (or value) there.
    pub(super) fn plane_clicked(&mut self, x1: f64, x2: f64) {
        let Some(domain) = self.boundary.as_ref().map(|b| (b.domain, b.point_radius)) else {
            return;
        };
        let reach = click_reach(&domain.0, domain.1);
        let (problem, classes) = (self.session.config().problem, self.session.config().classes);
        let label = self.new_label;
        let result = self.session.edit_own_data(|own| {
            if own.remove_near(problem, x1, x2, reach) {
                return Ok(());
            }
            own.add(problem, OwnPoint { x1, x2, label }, classes)
        });
        self.report(result, "The point was not added");
        self.write_link();
    }

    /// Removes every point of the user's data for this problem.
    pub(super) fn clear_data(&mut self) {
        let problem = self.session.config().problem;
        let result = self.session.edit_own_data(|own| {
            own.set(problem, Vec::new());
            Ok(())
        });
        self.report(result, "The points were not removed");
        self.write_link();
    }

    /// Starts reading a CSV file the user picked; [`Msg::CsvRead`] brings its text.
    pub(super) fn read_csv_file(&mut self, ctx: &Context<Self>, file: web_sys::File) {
        let link = ctx.link().clone();
        self.file_note = None;
        self.reader = read_text(file, MAX_CSV_BYTES, move |text| {
            link.send_message(Msg::CsvRead(text))
        });
    }

    /// Replaces the user's points by those of a CSV text, or says which line is wrong (the
    /// points stay as they were).
    pub(super) fn load_csv(&mut self, text: Result<String, String>) {
        self.reader = None;
        let (problem, classes) = (self.session.config().problem, self.session.config().classes);
        let points =
            text.and_then(|text| read_csv(&text, problem, classes).map_err(|err| err.to_string()));
        let count = points.as_ref().map_or(0, Vec::len);
        let result = points.and_then(|points| {
            let edit = self.session.edit_own_data(|own| {
                own.set(problem, points);
                Ok(())
            });
            edit.map_err(|err| err.to_string())
        });
        match result {
            Ok(()) => {
                log::info!("{count} points read from CSV");
                let text = format!("Read {count} points from the file.");
                self.file_note = Some((text.into(), false));
            }
            Err(err) => {
                let text = format!("The file was not used: {err}. The data are as before.");
                self.file_note = Some((text.into(), true));
            }
        }
        self.write_link();
    }

    /// Saves the user's points as a CSV file.
    pub(super) fn export_csv(&mut self) {
        let problem = self.session.config().problem;
        let text = self.session.own_data().to_csv(problem);
        if let Err(err) = download_text("playground-data.csv", "text/csv", &text) {
            self.message = Some(format!("The data were not saved: {err}."));
        }
    }

    /// Points of the user's data and how many of them train.
    pub(super) fn data_counts(&self) -> (usize, usize) {
        let (train, test) = self.session.points();
        (train.len() + test.len(), train.len())
    }
}

/// The settings with the user's own points as the data, keeping the number of classes.
fn own_data_config(config: Config) -> Config {
    let classes = config.class_count().unwrap_or(2).min(6);
    match config.problem {
        Problem::Classification => Config {
            dataset: DatasetKind::Own,
            classes,
            ..config
        },
        Problem::Regression => Config {
            reg_dataset: RegDatasetKind::Own,
            ..config
        },
    }
}

/// The points on screen (training and test) as the user's own, leaving out any outside the
/// limits (noisy points beyond the domain), at most as many as allowed.
fn copy_points(
    (train, test): (&Dataset, &Dataset),
    problem: Problem,
    classes: usize,
) -> Vec<OwnPoint> {
    let rows = |data: &Dataset| {
        let data = data.clone();
        (0..data.len()).map(move |i| OwnPoint {
            x1: data.row(i)[0],
            x2: data.row(i)[1],
            label: data.targets[i],
        })
    };
    let fits = |p: &OwnPoint| check_point(p, problem, classes).is_ok();
    let points = rows(train).chain(rows(test)).filter(fits);
    points.take(MAX_OWN_POINTS).collect()
}
