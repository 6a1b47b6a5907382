//! Long work off the UI thread: each job runs on a worker thread and tells how far it is over
//! a channel; the window shows its progress with a Batal (cancel) button and never freezes. A
//! worker that panics ends its job with a message, not the app.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};

use egui::RichText;

use crate::i18n::Lang;

/// What a job ended with.
pub enum Outcome {
    /// A file was written here.
    Written(PathBuf),
    /// An image for the clipboard (the UI thread puts it there).
    Image(egui::ColorImage),
    /// Stopped at the user's request; nothing was written.
    Cancelled,
    /// Why it failed (in the user's language).
    Failed(String),
}

enum Event {
    Progress(f32),
    Done(Outcome),
}

/// A worker's line back to the window.
pub struct Progress {
    events: mpsc::Sender<Event>,
    cancel: Arc<AtomicBool>,
    ctx: egui::Context,
}

impl Progress {
    /// Says how far the work is (0 to 1); returns whether to go on (false once cancelled).
    pub fn step(&self, fraction: f32) -> bool {
        self.events.send(Event::Progress(fraction)).ok();
        self.ctx.request_repaint();
        !self.cancel.load(Ordering::Relaxed)
    }
}

struct Job {
    title: String,
    fraction: f32,
    cancel: Arc<AtomicBool>,
    events: mpsc::Receiver<Event>,
}

/// The jobs running, and the last one's outcome to tell the user.
#[derive(Default)]
pub struct Jobs {
    running: Vec<Job>,
    /// The last finished job's title and what to say about it (`true`: a failure).
    notice: Option<(String, String, bool)>,
}

impl Jobs {
    /// Starts `work` on a worker thread under `title`.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        title: String,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) {
        let (sender, events) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Progress {
            events: sender,
            cancel: Arc::clone(&cancel),
            ctx: ctx.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("lindung-job".to_owned())
            .spawn(move || {
                let outcome = work(&progress);
                progress.events.send(Event::Done(outcome)).ok();
                progress.ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.running.push(Job {
                title,
                fraction: 0.0,
                cancel,
                events,
            }),
            Err(e) => self.notice = Some((title, e.to_string(), true)),
        }
    }

    pub fn is_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// Collects what the workers said; returns each finished job's title and outcome.
    pub fn poll(&mut self, lang: Lang) -> Vec<(String, Outcome)> {
        let mut finished = Vec::new();
        self.running.retain_mut(|job| {
            loop {
                match job.events.try_recv() {
                    Ok(Event::Progress(fraction)) => job.fraction = fraction.clamp(0.0, 1.0),
                    Ok(Event::Done(outcome)) => {
                        finished.push((job.title.clone(), outcome));
                        return false;
                    }
                    Err(mpsc::TryRecvError::Empty) => return true,
                    // The worker ended without an outcome: it panicked (logged by the panic hook).
                    Err(mpsc::TryRecvError::Disconnected) => {
                        finished.push((
                            job.title.clone(),
                            Outcome::Failed(lang.tr("ui.jobs.crashed")),
                        ));
                        return false;
                    }
                }
            }
        });
        finished
    }

    /// Says what a finished job did, until the user closes the notice.
    pub fn tell(&mut self, title: String, text: String, failed: bool) {
        self.notice = Some((title, text, failed));
    }

    /// The bar at the bottom: each running job with its progress and Batal, then the last
    /// notice.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if self.running.is_empty() && self.notice.is_none() {
            return;
        }
        egui::Panel::bottom("jobs").show(ui, |ui| {
            for job in &self.running {
                ui.horizontal(|ui| {
                    ui.label(&job.title);
                    ui.add(
                        egui::ProgressBar::new(job.fraction)
                            .desired_width(240.0)
                            .show_percentage(),
                    );
                    let cancelling = job.cancel.load(Ordering::Relaxed);
                    if ui
                        .add_enabled(!cancelling, egui::Button::new(lang.tr("ui.dialog.cancel")))
                        .clicked()
                    {
                        job.cancel.store(true, Ordering::Relaxed);
                    }
                });
            }
            let mut close = false;
            if let Some((title, text, failed)) = &self.notice {
                ui.horizontal_wrapped(|ui| {
                    let text = format!("{title}: {text}");
                    if *failed {
                        ui.colored_label(ui.visuals().error_fg_color, text);
                    } else {
                        ui.label(RichText::new(text));
                    }
                    close = ui.button(lang.tr("ui.dialog.ok")).clicked();
                });
            }
            if close {
                self.notice = None;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(jobs: &mut Jobs) -> Vec<(String, Outcome)> {
        for _ in 0..1000 {
            let done = jobs.poll(Lang::Id);
            if !done.is_empty() {
                return done;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        Vec::new()
    }

    #[test]
    fn a_job_reports_its_outcome_and_a_cancelled_one_stops() {
        let ctx = egui::Context::default();
        let mut jobs = Jobs::default();
        jobs.start(&ctx, "tulis".into(), |progress| {
            progress.step(0.5);
            Outcome::Written(PathBuf::from("laporan.pdf"))
        });
        let done = wait(&mut jobs);
        assert!(matches!(&done[..], [(_, Outcome::Written(p))] if p.ends_with("laporan.pdf")));
        assert!(!jobs.is_running());

        // Cancelled: the worker sees it at its next step.
        let (go, gate) = mpsc::channel::<()>();
        jobs.start(&ctx, "panjang".into(), move |progress| {
            gate.recv().ok();
            if progress.step(0.1) {
                Outcome::Written(PathBuf::from("tidak.pdf"))
            } else {
                Outcome::Cancelled
            }
        });
        jobs.running[0].cancel.store(true, Ordering::Relaxed);
        go.send(()).ok();
        assert!(matches!(&wait(&mut jobs)[..], [(_, Outcome::Cancelled)]));
    }

    #[test]
    fn a_worker_that_panics_ends_its_job_with_a_message() {
        let ctx = egui::Context::default();
        let mut jobs = Jobs::default();
        jobs.start(&ctx, "rusak".into(), |_| panic!("a defect"));
        let done = wait(&mut jobs);
        assert!(matches!(&done[..], [(_, Outcome::Failed(_))]));
    }
}
