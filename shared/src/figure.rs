//! The book's figures, drawn as SVG from what a run measured.
//!
//! Two kinds of picture serve every lesson that has one:
//! - a [`Timeline`]: one row per request (or per client), a bar for each span of time it spent
//!   (waiting for an answer, or waiting to try again), on one time axis;
//! - [`InFlight`]: how many requests were in flight at each moment, one lane per way of
//!   running them, against the bound they were given;
//! - [`Columns`]: one value per setting, as vertical bars (elapsed time against a bound).
//!
//! A figure's data is plain and serialisable, so a run can be recorded once as JSON beside the
//! figure and redrawn by a test: the same data always gives the same bytes. Every picture sits
//! on a light card of its own, so it reads the same in the book's light and dark themes, and
//! carries a `<title>` and `<desc>` for screen readers (the book's `![alt](..)` says it again).

use std::fmt::Write;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// What a span of time on a timeline was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// A request on the wire that brought an answer the code kept.
    Answered,
    /// A request that failed (an error status, no answer at all).
    Failed,
    /// Time spent waiting on purpose, before trying again.
    Waiting,
    /// Work done with an answer, after it arrived.
    Working,
}

/// One span on a timeline, in milliseconds from the start of the run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start_ms: f64,
    pub end_ms: f64,
    pub mark: Mark,
}

/// One row: a label and its spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub label: String,
    pub spans: Vec<Span>,
}

/// Rows drawn together under a heading, such as one way of running the same requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub heading: String,
    pub rows: Vec<Row>,
}

/// A timeline figure: groups of rows on one shared time axis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub title: String,
    /// What the picture shows, in words: the SVG's `<desc>`.
    pub description: String,
    pub groups: Vec<Group>,
}

/// One way of running requests, as the spans (start, end, in ms) of its requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub heading: String,
    pub requests: Vec<(f64, f64)>,
}

/// An in-flight figure: for each lane, the number of requests in flight over time, drawn as a
/// filled step curve under a dashed line at the bound.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InFlight {
    pub title: String,
    pub description: String,
    /// The bound every lane was given (the dashed line).
    pub limit: usize,
    pub lanes: Vec<Lane>,
}

/// A column figure: one bar per setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Columns {
    pub title: String,
    pub description: String,
    /// What the settings are (under the axis), and what the bars measure, with its unit.
    pub x_label: String,
    pub y_label: String,
    /// `(setting, value)`, drawn left to right.
    pub columns: Vec<(String, f64)>,
}

const WIDTH: f64 = 760.0;
const LABEL_WIDTH: f64 = 150.0;
const PLOT_LEFT: f64 = LABEL_WIDTH + 16.0;
const PLOT_RIGHT: f64 = WIDTH - 36.0;
const ROW_HEIGHT: f64 = 18.0;
const FONT: &str = "font-family=\"system-ui, sans-serif\"";
/// The card, the ink, the grid: a light palette that stays light in a dark theme.
const CARD: &str = "#ffffff";
const INK: &str = "#1f2937";
const GRID: &str = "#e5e7eb";
const ANSWERED: &str = "#2563eb";
const FAILED: &str = "#dc2626";
const WAITING: &str = "#f59e0b";
const WORKING: &str = "#7c3aed";

impl Timeline {
    /// The figure as an SVG document.
    pub fn to_svg(&self) -> String {
        let span = self
            .groups
            .iter()
            .flat_map(|group| &group.rows)
            .flat_map(|row| &row.spans)
            .map(|span| span.end_ms)
            .fold(0.0, f64::max);
        let axis = Axis::new(span);
        let rows: usize = self.groups.iter().map(|group| group.rows.len() + 1).sum();
        let legend_y = 44.0 + rows as f64 * ROW_HEIGHT + 40.0;
        let height = legend_y + 14.0;
        let mut svg = open(&self.title, &self.description, height);
        let plot_top = 40.0;
        let plot_bottom = plot_top + rows as f64 * ROW_HEIGHT + 6.0;
        axis.draw(&mut svg, plot_top, plot_bottom);

        let mut y = plot_top;
        for group in &self.groups {
            y += ROW_HEIGHT;
            let _ = writeln!(
                svg,
                "<text x=\"12\" y=\"{}\" font-weight=\"600\">{}</text>",
                num(y - 4.0),
                escape(&group.heading)
            );
            for row in &group.rows {
                y += ROW_HEIGHT;
                let _ = writeln!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                    num(LABEL_WIDTH),
                    num(y - 5.0),
                    escape(&row.label)
                );
                for span in &row.spans {
                    let x = axis.x(span.start_ms);
                    // At least 2 px, so that an instant span still shows.
                    let width = (axis.x(span.end_ms) - x).max(2.0);
                    // A wait is a thin bar between two attempts' thick ones.
                    let (color, top, height) = match span.mark {
                        Mark::Answered => (ANSWERED, y - 14.0, 11.0),
                        Mark::Failed => (FAILED, y - 14.0, 11.0),
                        Mark::Waiting => (WAITING, y - 11.0, 5.0),
                        Mark::Working => (WORKING, y - 14.0, 11.0),
                    };
                    let _ = writeln!(
                        svg,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{color}\"/>",
                        num(x),
                        num(top),
                        num(width),
                        num(height)
                    );
                }
            }
        }
        let marks: Vec<Mark> = [Mark::Answered, Mark::Failed, Mark::Waiting, Mark::Working]
            .into_iter()
            .filter(|mark| {
                self.groups
                    .iter()
                    .flat_map(|group| &group.rows)
                    .flat_map(|row| &row.spans)
                    .any(|span| span.mark == *mark)
            })
            .collect();
        let mut x = PLOT_LEFT;
        for mark in marks {
            let (color, words) = match mark {
                Mark::Answered => (ANSWERED, "request, until its answer is read"),
                Mark::Failed => (FAILED, "request, failed"),
                Mark::Waiting => (WAITING, "waiting before a retry"),
                Mark::Working => (WORKING, "work after the answer"),
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"11\" rx=\"2\" fill=\"{color}\"/>\
                 <text x=\"{}\" y=\"{}\">{words}</text>",
                num(x),
                num(legend_y - 10.0),
                num(x + 20.0),
                num(legend_y)
            );
            x += 40.0 + words.len() as f64 * 7.0;
        }
        close(svg)
    }
}

/// The height of one lane of an [`InFlight`] figure, and the gap under it.
const LANE_HEIGHT: f64 = 64.0;
const LANE_GAP: f64 = 34.0;

impl InFlight {
    /// The figure as an SVG document.
    pub fn to_svg(&self) -> String {
        let span = self
            .lanes
            .iter()
            .flat_map(|lane| &lane.requests)
            .map(|&(_, end)| end)
            .fold(0.0, f64::max);
        let axis = Axis::new(span);
        let plot_top = 44.0;
        let plot_bottom = plot_top + self.lanes.len() as f64 * (LANE_HEIGHT + LANE_GAP);
        let height = plot_bottom + 28.0;
        let mut svg = open(&self.title, &self.description, height);
        axis.draw(&mut svg, plot_top, plot_bottom - LANE_GAP + 6.0);
        let most = self.limit.max(1) as f64;
        for (at, lane) in self.lanes.iter().enumerate() {
            let top = plot_top + at as f64 * (LANE_HEIGHT + LANE_GAP) + 18.0;
            let base = top + LANE_HEIGHT - 18.0;
            let y = |count: f64| base - count.min(most) / most * (LANE_HEIGHT - 18.0);
            let _ = writeln!(
                svg,
                "<text x=\"12\" y=\"{}\" font-weight=\"600\">{}</text>",
                num(top - 6.0),
                escape(&lane.heading)
            );
            for (count, label) in [(0.0, "0".to_string()), (most, self.limit.to_string())] {
                let _ = writeln!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{label}</text>",
                    num(PLOT_LEFT - 8.0),
                    num(y(count) + 4.0)
                );
            }
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{INK}\" stroke-dasharray=\"4 3\"/>",
                num(PLOT_LEFT),
                num(PLOT_RIGHT),
                num(y(most)),
                num(y(most))
            );
            // The count changes only where a request starts (+1) or ends (-1); an end before a
            // start at the same instant, so that back-to-back requests do not count twice.
            let mut changes: Vec<(f64, i32)> = lane
                .requests
                .iter()
                .flat_map(|&(start, end)| [(start, 1), (end, -1)])
                .collect();
            changes.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let mut path = format!("M{} {}", num(axis.x(0.0)), num(base));
            let mut count = 0;
            for (ms, change) in changes {
                count += change;
                let x = num(axis.x(ms));
                let _ = write!(path, " H{x} V{}", num(y(f64::from(count))));
            }
            let _ = write!(path, " V{} Z", num(base));
            let _ = writeln!(
                svg,
                "<path d=\"{path}\" fill=\"{ANSWERED}\" fill-opacity=\"0.75\" stroke=\"{ANSWERED}\"/>"
            );
        }
        close(svg)
    }
}

impl Columns {
    /// The figure as an SVG document.
    pub fn to_svg(&self) -> String {
        let top = self
            .columns
            .iter()
            .map(|(_, value)| *value)
            .fold(0.0, f64::max);
        let scale = Axis::new(top);
        let plot_top = 70.0;
        let plot_bottom = 320.0;
        let height = plot_bottom + 60.0;
        let mut svg = open(&self.title, &self.description, height);
        let y = |value: f64| plot_bottom - value / scale.end * (plot_bottom - plot_top);
        for tick in scale.ticks() {
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                num(PLOT_LEFT),
                num(PLOT_RIGHT),
                num(y(tick)),
                num(y(tick)),
                num(PLOT_LEFT - 8.0),
                num(y(tick) + 4.0),
                scale.label(tick)
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"12\" y=\"{}\" font-weight=\"600\">{}</text>",
            num(plot_top - 22.0),
            escape(&self.y_label)
        );
        let slot = (PLOT_RIGHT - PLOT_LEFT) / self.columns.len().max(1) as f64;
        for (at, (setting, value)) in self.columns.iter().enumerate() {
            let center = PLOT_LEFT + slot * (at as f64 + 0.5);
            let width = (slot * 0.6).min(60.0);
            let _ = writeln!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{ANSWERED}\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                num(center - width / 2.0),
                num(y(*value)),
                num(width),
                num((plot_bottom - y(*value)).max(1.0)),
                num(center),
                num(y(*value) - 6.0),
                duration_label(*value),
                num(center),
                num(plot_bottom + 18.0),
                escape(setting)
            );
        }
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"600\">{}</text>",
            num((PLOT_LEFT + PLOT_RIGHT) / 2.0),
            num(plot_bottom + 44.0),
            escape(&self.x_label)
        );
        close(svg)
    }
}

/// A measured duration as a figure's data holds it: milliseconds, to a tenth. Finer digits are
/// noise, and would make every recording differ from the last in its JSON.
pub fn millis(duration: Duration) -> f64 {
    (duration.as_secs_f64() * 10_000.0).round() / 10.0
}

/// A time axis from 0 to a round number of milliseconds at or above the longest value.
struct Axis {
    step: f64,
    end: f64,
}

impl Axis {
    fn new(longest: f64) -> Axis {
        let longest = longest.max(1.0);
        // A step of 1, 2 or 5 times a power of ten that gives at most ten ticks.
        let mut step = 10f64.powf(longest.log10().floor() - 1.0);
        for factor in [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0] {
            let candidate = step * factor;
            if longest / candidate <= 10.0 {
                step = candidate;
                break;
            }
        }
        Axis {
            step,
            end: (longest / step).ceil() * step,
        }
    }

    fn ticks(&self) -> impl Iterator<Item = f64> + '_ {
        let count = (self.end / self.step).round() as usize;
        (0..=count).map(|at| at as f64 * self.step)
    }

    fn x(&self, ms: f64) -> f64 {
        PLOT_LEFT + ms / self.end * (PLOT_RIGHT - PLOT_LEFT)
    }

    /// `0`, `250 ms`, `1.5 s`: seconds once the axis reaches one.
    fn label(&self, ms: f64) -> String {
        if ms == 0.0 {
            "0".to_string()
        } else if self.end >= 1000.0 {
            format!("{} s", trim(ms / 1000.0))
        } else {
            format!("{} ms", trim(ms))
        }
    }

    fn draw(&self, svg: &mut String, top: f64, bottom: f64) {
        for tick in self.ticks() {
            let x = self.x(tick);
            let _ = writeln!(
                svg,
                "<line x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{GRID}\"/>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                num(x),
                num(x),
                num(top),
                num(bottom),
                num(x),
                num(bottom + 16.0),
                self.label(tick)
            );
        }
    }
}

/// A measured time as a reader would say it: `39 ms`, `227 ms`, `2.21 s`.
fn duration_label(ms: f64) -> String {
    if ms >= 1000.0 {
        let text = format!("{:.2}", ms / 1000.0);
        format!("{} s", text.trim_end_matches('0').trim_end_matches('.'))
    } else {
        format!("{} ms", ms.round())
    }
}

fn open(title: &str, description: &str, height: f64) -> String {
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         role=\"img\" {FONT} font-size=\"12\" fill=\"{INK}\">",
        num(WIDTH),
        num(height),
        num(WIDTH),
        num(height)
    );
    let _ = writeln!(svg, "<title>{}</title>", escape(title));
    let _ = writeln!(svg, "<desc>{}</desc>", escape(description));
    let _ = writeln!(
        svg,
        "<rect width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{CARD}\"/>",
        num(WIDTH),
        num(height)
    );
    let _ = writeln!(
        svg,
        "<text x=\"12\" y=\"24\" font-size=\"14\" font-weight=\"700\">{}</text>",
        escape(title)
    );
    svg
}

fn close(mut svg: String) -> String {
    svg.push_str("</svg>\n");
    svg
}

/// A coordinate with one decimal at most: the same number always prints the same way.
fn num(value: f64) -> String {
    trim((value * 10.0).round() / 10.0)
}

/// `12`, `12.5`: no trailing `.0`.
fn trim(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline() -> Timeline {
        Timeline {
            title: "Two requests".into(),
            description: "One answered, one failed after a wait".into(),
            groups: vec![Group {
                heading: "a <run>".into(),
                rows: vec![
                    Row {
                        label: "#1".into(),
                        spans: vec![Span {
                            start_ms: 0.0,
                            end_ms: 200.0,
                            mark: Mark::Answered,
                        }],
                    },
                    Row {
                        label: "#2".into(),
                        spans: vec![
                            Span {
                                start_ms: 0.0,
                                end_ms: 100.0,
                                mark: Mark::Waiting,
                            },
                            Span {
                                start_ms: 100.0,
                                end_ms: 450.0,
                                mark: Mark::Failed,
                            },
                        ],
                    },
                ],
            }],
        }
    }

    #[test]
    fn axes_end_on_a_round_number_past_the_longest_value() {
        let axis = Axis::new(1630.0);
        assert_eq!((axis.step, axis.end), (200.0, 1800.0));
        assert_eq!(axis.label(1800.0), "1.8 s");
        assert_eq!(Axis::new(450.0).label(450.0), "450 ms");
        let axis = Axis::new(218.0);
        assert_eq!((axis.step, axis.end), (50.0, 250.0));
        let axis = Axis::new(9100.0);
        assert_eq!(axis.label(2000.0), "2 s");
    }

    #[test]
    fn a_timeline_draws_every_span_and_escapes_its_text() {
        let svg = timeline().to_svg();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>\n"));
        assert!(svg.contains("<title>Two requests</title>"));
        assert!(svg.contains("a &lt;run&gt;"));
        assert_eq!(svg.matches(&format!("fill=\"{ANSWERED}\"")).count(), 2); // bar + legend
        assert_eq!(svg.matches(&format!("fill=\"{FAILED}\"")).count(), 2);
        assert_eq!(svg.matches(&format!("fill=\"{WAITING}\"")).count(), 2);
        // The axis ends at 450 ms, the last span's end; the failed span starts at 100 ms.
        let start = num(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * 100.0 / 450.0);
        assert!(svg.contains(&format!("<rect x=\"{start}\" y=")), "{svg}");
    }

    #[test]
    fn the_same_data_gives_the_same_bytes_after_a_json_round_trip() {
        let json = serde_json::to_string(&timeline()).unwrap();
        let back: Timeline = serde_json::from_str(&json).unwrap();
        assert_eq!(back.to_svg(), timeline().to_svg());
    }

    #[test]
    fn in_flight_counts_rise_and_fall_with_the_requests() {
        let figure = InFlight {
            title: "t".into(),
            description: "d".into(),
            limit: 2,
            lanes: vec![Lane {
                heading: "two, then one".into(),
                requests: vec![(0.0, 100.0), (0.0, 50.0), (50.0, 100.0)],
            }],
        };
        let svg = figure.to_svg();
        // Two in flight (the top of the lane, y 62; the base is 108) until 50 ms, still two after the third
        // starts as the second ends, then none at 100 ms, the end of the axis.
        let (full, end) = (num(PLOT_LEFT), num(PLOT_RIGHT));
        let half = num((PLOT_LEFT + PLOT_RIGHT) / 2.0);
        assert!(
            svg.contains(&format!(
                "M{full} 108 H{full} V85 H{full} V62 H{half} V85 H{half} V62 H{end} V85 H{end} V108 V108 Z"
            )),
            "{svg}"
        );
    }

    #[test]
    fn columns_are_as_tall_as_their_values() {
        let figure = Columns {
            title: "t".into(),
            description: "d".into(),
            x_label: "K".into(),
            y_label: "ms".into(),
            columns: vec![("1".into(), 1000.0), ("10".into(), 250.0)],
        };
        let svg = figure.to_svg();
        // 1000 ms fills the 250 px plot, 250 ms a quarter of it; each says its value.
        assert!(svg.contains("height=\"250\" rx=\"2\""), "{svg}");
        assert!(svg.contains("height=\"62.5\" rx=\"2\""), "{svg}");
        assert!(
            svg.contains(">1 s</text>") && svg.contains(">250 ms</text>"),
            "{svg}"
        );
        assert_eq!(duration_label(2208.3), "2.21 s");
        assert_eq!(duration_label(38.7), "39 ms");
    }
}
