//! `cargo xtask watch`, which `cargo xtask` alone opens in a terminal: the current exercise, its
//! checks' verdict, and keys for help, checked again each time a file of its lesson is saved.
//!
//! The screen is a small state machine, [`Watch`]: events come in (a file saved, a key pressed),
//! it says what to do ([`Step`]), and [`Watch::render`] draws it as text. Running the checks is
//! behind the [`Checker`] trait, so the tests drive the very same machine with scripted
//! verdicts and fake saves, and only [`watch`] touches the terminal, the file watcher and cargo.
//!
//! Where the learner is (the current exercise, and which ones passed) is kept in
//! `target/xtask/watch-state`, so the next `cargo xtask` opens where the last one left off.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::cargo;
use crate::course::{Course, Exercise};
use crate::error::{Error, Result};
use crate::exercise;
use crate::hints;
use crate::progress;
use crate::test_output;

/// What happens to the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A file was written: its path.
    Saved(PathBuf),
    /// A key was pressed (letters in lower case).
    Key(char),
    /// The terminal changed size: draw again.
    Resized,
    /// Ctrl-C, or the terminal went away.
    Quit,
}

/// What the screen wants done after an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing changed.
    Nothing,
    /// Draw the screen again.
    Redraw,
    /// Run the current exercise's checks (then draw).
    Check,
    /// Leave.
    Quit,
}

/// What one run of an exercise's checks came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every check passes.
    Passed { checks: usize },
    /// Some fail: how many pass, and the message of the first rule broken.
    Failing {
        passed: usize,
        total: usize,
        message: String,
    },
    /// The lesson does not build: the compiler's first error, in one line.
    DoesNotCompile(String),
    /// The checks stopped before their end: why.
    Crashed(String),
}

/// Runs one exercise's checks.
pub trait Checker {
    fn check(&mut self, course: &Course, exercise: &Exercise) -> Verdict;
}

/// What sits under the verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Panel {
    Empty,
    /// Hint K (from 1).
    Hint(usize),
    /// Every exercise, with where the learner is.
    List,
    /// "Reset this exercise? y to confirm."
    ConfirmReset,
    /// A line of news: a reset, the last exercise, a key not known.
    Note(String),
}

/// The watch screen's state.
pub struct Watch<'a> {
    course: &'a Course,
    /// Index into `course.exercises`.
    current: usize,
    /// The numbers of the exercises seen passing.
    solved: BTreeSet<u32>,
    verdict: Option<Verdict>,
    /// "✓ exercise 7 passes …: on to exercise 8", after moving on.
    moved_on: Option<String>,
    /// How many hints of the current exercise were shown.
    hints_seen: usize,
    panel: Panel,
}

/// The keys, as the screen shows them.
const KEYS: &str = "h hint · n next exercise · l list · r reset · c check again · q quit";

impl<'a> Watch<'a> {
    /// Opens where the last run left off (`target/xtask/watch-state`), or at the first
    /// exercise.
    pub fn open(course: &'a Course) -> Watch<'a> {
        let mut watch = Watch {
            course,
            current: 0,
            solved: BTreeSet::new(),
            verdict: None,
            moved_on: None,
            hints_seen: 0,
            panel: Panel::Empty,
        };
        if let Ok(text) = std::fs::read_to_string(state_file(course)) {
            watch.restore(&text);
        }
        watch
    }

    /// The exercise on screen.
    pub fn exercise(&self) -> &'a Exercise {
        &self.course.exercises[self.current]
    }

    /// What to do about `event`.
    pub fn handle(&mut self, event: &Event) -> Step {
        if self.panel == Panel::ConfirmReset {
            return self.confirm_reset(event);
        }
        match event {
            Event::Saved(path) if self.is_of_current_lesson(path) => Step::Check,
            Event::Saved(_) => Step::Nothing,
            Event::Resized => Step::Redraw,
            Event::Quit | Event::Key('q') => Step::Quit,
            Event::Key('c') => Step::Check,
            Event::Key('h') => {
                let count = self.hint_count();
                if count == 0 {
                    self.panel = Panel::Note("this exercise has no hints".to_owned());
                } else {
                    self.hints_seen = (self.hints_seen + 1).min(count);
                    self.panel = Panel::Hint(self.hints_seen);
                }
                Step::Redraw
            }
            Event::Key('l') => {
                self.panel = if self.panel == Panel::List {
                    Panel::Empty
                } else {
                    Panel::List
                };
                Step::Redraw
            }
            Event::Key('n') => {
                if self.current + 1 < self.course.exercises.len() {
                    self.go_to(self.current + 1);
                    self.moved_on = None;
                    Step::Check
                } else {
                    self.panel =
                        Panel::Note("this is the last exercise; `l` lists them all".to_owned());
                    Step::Redraw
                }
            }
            Event::Key('r') => {
                self.panel = Panel::ConfirmReset;
                Step::Redraw
            }
            Event::Key(other) => {
                self.panel = Panel::Note(format!("no key {other:?}: the keys are below"));
                Step::Redraw
            }
        }
    }

    /// `y` resets the exercise and checks it again; anything else cancels.
    fn confirm_reset(&mut self, event: &Event) -> Step {
        match event {
            Event::Key('y') => {
                self.panel = match exercise::reset_file(self.course, self.exercise()) {
                    Ok(message) => Panel::Note(message),
                    Err(error) => Panel::Note(format!("error: {error}")),
                };
                self.hints_seen = 0;
                Step::Check
            }
            Event::Quit => Step::Quit,
            // A save while the question is open is not an answer to it.
            Event::Saved(_) | Event::Resized => Step::Nothing,
            Event::Key(_) => {
                self.panel = Panel::Note("nothing was reset".to_owned());
                Step::Redraw
            }
        }
    }

    /// Runs the current exercise's checks; when it passes, moves on to the next exercise not
    /// yet seen passing and checks that one, until one fails or none is left.
    pub fn check(&mut self, checker: &mut dyn Checker) {
        self.moved_on = None;
        loop {
            let exercise = self.exercise();
            let verdict = checker.check(self.course, exercise);
            if let Verdict::Passed { checks } = verdict {
                self.solved.insert(exercise.number);
                if let Some(next) = self.next_unsolved() {
                    self.moved_on = Some(format!(
                        "✓ exercise {} ({}) passes all {checks} checks: on to exercise {}.",
                        exercise.number, exercise.title, self.course.exercises[next].number
                    ));
                    self.go_to(next);
                    continue;
                }
            } else {
                self.solved.remove(&exercise.number);
            }
            self.verdict = Some(verdict);
            break;
        }
        self.save();
    }

    /// The screen, as lines of text.
    pub fn render(&self, checking: bool) -> String {
        let exercise = self.exercise();
        let total = self.course.exercises.len();
        let mut screen = String::new();
        let _ = writeln!(
            screen,
            "{}",
            progress::bar(self.solved.len().min(total), total)
        );
        let _ = writeln!(
            screen,
            "Exercise {} ({}): {}",
            exercise.number, exercise.lesson, exercise.title
        );
        let _ = writeln!(
            screen,
            "Edit {} and save it: its checks run again.",
            exercise.learner_file()
        );
        screen.push('\n');
        if let Some(moved_on) = &self.moved_on {
            let _ = writeln!(screen, "{moved_on}\n");
        }
        if checking {
            let _ = writeln!(screen, "… checking exercise {}", exercise.number);
        } else if let Some(verdict) = &self.verdict {
            screen.push_str(&describe(verdict, exercise, self.next_unsolved().is_none()));
        }
        match &self.panel {
            Panel::Empty => {}
            Panel::Hint(k) => {
                let hints = self.hints();
                let text = hints.get(k - 1).map(String::as_str).unwrap_or_default();
                let _ = write!(
                    screen,
                    "\nHint {k} of {} (h again for the next):\n\n{text}\n",
                    hints.len()
                );
            }
            Panel::List => screen.push_str(&self.list()),
            Panel::ConfirmReset => {
                let _ = write!(
                    screen,
                    "\nReset exercise {} to its starting file? Your version is kept in \
                     target/xtask/reset/. y to reset, any other key to keep it.\n",
                    exercise.number
                );
            }
            Panel::Note(note) => {
                let _ = write!(screen, "\n{note}\n");
            }
        }
        let _ = write!(screen, "\n{KEYS}\n");
        screen
    }

    /// Every exercise: ✓ seen passing, ▶ on screen.
    fn list(&self) -> String {
        let mut list = String::from("\n");
        for (index, exercise) in self.course.exercises.iter().enumerate() {
            let mark = if index == self.current {
                "▶"
            } else if self.solved.contains(&exercise.number) {
                "✓"
            } else {
                " "
            };
            let _ = writeln!(
                list,
                "{mark} {:>2}  {:<10} {}",
                exercise.number, exercise.lesson, exercise.title
            );
        }
        list
    }

    fn go_to(&mut self, index: usize) {
        self.current = index;
        self.hints_seen = 0;
        self.panel = Panel::Empty;
        self.verdict = None;
    }

    /// The first exercise after the current one (then from the start) not seen passing.
    fn next_unsolved(&self) -> Option<usize> {
        let count = self.course.exercises.len();
        (1..count)
            .map(|step| (self.current + step) % count)
            .find(|&index| !self.solved.contains(&self.course.exercises[index].number))
    }

    fn hints(&self) -> Vec<String> {
        self.course
            .read(&self.exercise().hints())
            .map(|text| hints::split(&text))
            .unwrap_or_default()
    }

    fn hint_count(&self) -> usize {
        self.hints().len()
    }

    /// Whether `path` is a source file of the current exercise's lesson.
    fn is_of_current_lesson(&self, path: &Path) -> bool {
        let lesson = self
            .course
            .root()
            .join("lessons")
            .join(&self.exercise().lesson);
        let is_source = path
            .extension()
            .is_some_and(|extension| extension == "rs" || extension == "toml");
        is_source
            && path.starts_with(&lesson)
            && !path.components().any(|c| c.as_os_str() == "target")
    }

    /// `current 4` and `solved 1 2 3`, one per line.
    fn state(&self) -> String {
        let solved: Vec<String> = self.solved.iter().map(u32::to_string).collect();
        format!(
            "current {}\nsolved {}\n",
            self.exercise().number,
            solved.join(" ")
        )
    }

    fn restore(&mut self, state: &str) {
        for line in state.lines() {
            if let Some(number) = line.strip_prefix("current ") {
                let number: Option<u32> = number.trim().parse().ok();
                if let Some(index) = self
                    .course
                    .exercises
                    .iter()
                    .position(|e| Some(e.number) == number)
                {
                    self.current = index;
                }
            } else if let Some(numbers) = line.strip_prefix("solved") {
                self.solved = numbers
                    .split_whitespace()
                    .filter_map(|n| n.parse().ok())
                    .collect();
            }
        }
    }

    /// Keeps where the learner is for the next run; a failure to write costs only that.
    fn save(&self) {
        let path = state_file(self.course);
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(path, self.state());
    }
}

fn state_file(course: &Course) -> PathBuf {
    course.path("target/xtask/watch-state")
}

/// The verdict in words.
fn describe(verdict: &Verdict, exercise: &Exercise, all_done: bool) -> String {
    let n = exercise.number;
    match verdict {
        Verdict::Passed { checks } if all_done => format!(
            "✓ exercise {n} passes all {checks} checks, and so does every exercise: the course \
             is done. `cargo xtask solution N` shows each reference solution to compare.\n"
        ),
        Verdict::Passed { checks } => format!("✓ exercise {n} passes all {checks} checks.\n"),
        Verdict::Failing {
            passed,
            total,
            message,
        } => format!("✗ {passed} of {total} checks pass. The first rule broken:\n\n{message}\n"),
        Verdict::DoesNotCompile(error) => {
            format!(
                "✗ {} does not compile. The first error:\n\n{error}\n",
                exercise.lesson
            )
        }
        Verdict::Crashed(why) => format!("✗ the checks stopped before their end:\n\n{why}\n"),
    }
}

/// The real checker: the exercise's checks through cargo, read from cargo's JSON messages and
/// the test binary's output.
struct CargoChecker;

impl Checker for CargoChecker {
    fn check(&mut self, course: &Course, exercise: &Exercise) -> Verdict {
        let module = exercise.test_module();
        let command = cargo::exercises_test(course.root(), &exercise.lesson, Some(&module), true);
        let run = match cargo::run_quietly_with_output(command) {
            Ok(run) => run,
            Err(error) => return Verdict::Crashed(error.to_string()),
        };
        let order = course
            .read(&exercise.checks())
            .map(|text| test_output::rule_order(&text))
            .unwrap_or_default();
        verdict_of(&run, &module, &order)
    }
}

/// A lesson's run, as one exercise's verdict.
pub fn verdict_of(run: &cargo::QuietRun, module: &str, order: &[String]) -> Verdict {
    match &run.run {
        cargo::LessonRun::DidNotCompile(error) => Verdict::DoesNotCompile(error.clone()),
        cargo::LessonRun::Crashed(why) => Verdict::Crashed(why.clone()),
        cargo::LessonRun::Ran(results) => {
            let tally = test_output::tally(results, module);
            if tally.solved() {
                return Verdict::Passed {
                    checks: tally.total,
                };
            }
            let message = test_output::first_failure(&run.tests, results, module, order)
                .unwrap_or_else(|| {
                    format!("no check of exercise {module} ran: is tests/exercises.rs up to date?")
                });
            Verdict::Failing {
                passed: tally.passed,
                total: tally.total,
                message,
            }
        }
    }
}

/// Runs the watch screen until `q` or Ctrl-C.
pub fn watch(course: &Course) -> Result<()> {
    if course.exercises.is_empty() {
        return Err(Error::Failed("the course has no exercises yet".to_owned()));
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::Usage(
            "`cargo xtask watch` needs a terminal (keys and a screen); in a script, \
             `cargo xtask progress` or `cargo xtask check N`"
                .to_owned(),
        ));
    }
    let (events, received) = mpsc::channel();
    let _watcher = watch_files(course.root(), events.clone())?;
    let terminal = Terminal::enter()?;
    read_keys(events);
    let mut screen = Watch::open(course);
    let mut checker = CargoChecker;
    terminal.draw(&screen.render(true));
    screen.check(&mut checker);
    terminal.draw(&screen.render(false));
    while let Ok(event) = received.recv() {
        let mut step = screen.handle(&event);
        if let Event::Saved(_) = event {
            // Editors write a file in several steps, and a save may touch several files: one
            // check for all the writes of the next moment. Keys pressed meanwhile still count.
            let mut keys = Vec::new();
            while let Ok(next) = received.recv_timeout(Duration::from_millis(150)) {
                match next {
                    Event::Saved(_) => {
                        if screen.handle(&next) == Step::Check {
                            step = Step::Check;
                        }
                    }
                    other => keys.push(other),
                }
            }
            if run(&mut screen, step, &terminal, &mut checker) {
                return Ok(());
            }
            for key in keys {
                let step = screen.handle(&key);
                if run(&mut screen, step, &terminal, &mut checker) {
                    return Ok(());
                }
            }
            continue;
        }
        if run(&mut screen, step, &terminal, &mut checker) {
            return Ok(());
        }
    }
    Ok(())
}

/// Does what `step` says; `true` to leave.
fn run(screen: &mut Watch<'_>, step: Step, terminal: &Terminal, checker: &mut dyn Checker) -> bool {
    match step {
        Step::Quit => return true,
        Step::Nothing => {}
        Step::Redraw => terminal.draw(&screen.render(false)),
        Step::Check => {
            terminal.draw(&screen.render(true));
            screen.check(checker);
            terminal.draw(&screen.render(false));
        }
    }
    false
}

/// Sends [`Event::Saved`] for every file written under `lessons/`.
fn watch_files(root: &Path, events: mpsc::Sender<Event>) -> Result<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        let Ok(event) = result else { return };
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let _ = events.send(Event::Saved(path));
        }
    })
    .map_err(|error| Error::Failed(format!("cannot watch files for changes: {error}")))?;
    watcher
        .watch(&root.join("lessons"), notify::RecursiveMode::Recursive)
        .map_err(|error| Error::Failed(format!("cannot watch lessons/ for changes: {error}")))?;
    Ok(watcher)
}

/// Sends a key press as [`Event::Key`], Ctrl-C as [`Event::Quit`], from a thread of its own.
fn read_keys(events: mpsc::Sender<Event>) {
    use crossterm::event::{self, KeyCode, KeyEventKind, KeyModifiers};
    std::thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(event::Event::Key(key)) if key.kind == KeyEventKind::Press => match key.code {
                    KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        Event::Quit
                    }
                    KeyCode::Char(c) => Event::Key(c.to_ascii_lowercase()),
                    KeyCode::Esc => Event::Key('q'),
                    _ => continue,
                },
                Ok(event::Event::Resize(..)) => Event::Resized,
                Ok(_) => continue,
                Err(_) => Event::Quit,
            };
            let quit = event == Event::Quit;
            if events.send(event).is_err() || quit {
                return;
            }
        }
    });
}

/// The terminal in raw mode (single key presses) on its alternate screen; put back as it was
/// when dropped, however the watch ends.
struct Terminal;

impl Terminal {
    fn enter() -> Result<Terminal> {
        crossterm::terminal::enable_raw_mode()
            .map_err(|error| Error::Failed(format!("cannot set up the terminal: {error}")))?;
        let _ = crossterm::execute!(
            std::io::stdout(),
            crossterm::terminal::EnterAlternateScreen,
            crossterm::cursor::Hide
        );
        Ok(Terminal)
    }

    /// Replaces the screen with `text` (raw mode needs `\r\n` to start a line).
    fn draw(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let _ = crossterm::queue!(
            out,
            crossterm::cursor::MoveTo(0, 0),
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
        );
        let _ = out.write_all(text.replace('\n', "\r\n").as_bytes());
        let _ = out.flush();
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = crossterm::execute!(
            std::io::stdout(),
            crossterm::cursor::Show,
            crossterm::terminal::LeaveAlternateScreen
        );
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// A folder of a test's own, removed when the test ends (passed or failed).
    struct Scratch(PathBuf);

    impl std::ops::Deref for Scratch {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A course on disk with three exercises in two lessons, in a fresh folder.
    fn course() -> (Scratch, Course) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!(
            "xtask-watch-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("lessons")).expect("a temporary folder");
        std::fs::write(root.join("Cargo.toml"), "[workspace]\n").expect("a manifest");
        let hints = "<details>\n<summary>Hint 1: the idea</summary>\n\nFirst.\n\n</details>\n\
                     <details>\n<summary>Hint 2: the tool</summary>\n\nSecond.\n\n</details>\n";
        for (lesson, name, number) in [
            ("lesson-01", "fetch_post", 1),
            ("lesson-02", "fetch_user", 2),
            ("lesson-02", "fetch_more", 3),
        ] {
            let dir = root.join("lessons").join(lesson).join("course").join(name);
            std::fs::create_dir_all(&dir).expect("a course folder");
            let stub = format!("//! Exercise {number}: do thing {number}.\n// the stub\n");
            std::fs::write(dir.join("stub.rs"), &stub).expect("a stub");
            std::fs::write(dir.join("hints.md"), hints).expect("hints");
            let src = root.join("lessons").join(lesson).join("src/exercises");
            std::fs::create_dir_all(&src).expect("a src folder");
            std::fs::write(src.join(format!("{name}.rs")), "// the learner's work\n")
                .expect("a learner file");
        }
        let course = Course::discover(&root).expect("the course");
        (Scratch(root), course)
    }

    /// Verdicts in the order the checks will be run, and which exercises were checked.
    struct Scripted {
        verdicts: VecDeque<Verdict>,
        checked: Vec<u32>,
    }

    impl Scripted {
        fn new(verdicts: impl IntoIterator<Item = Verdict>) -> Scripted {
            Scripted {
                verdicts: verdicts.into_iter().collect(),
                checked: Vec::new(),
            }
        }
    }

    impl Checker for Scripted {
        fn check(&mut self, _: &Course, exercise: &Exercise) -> Verdict {
            self.checked.push(exercise.number);
            self.verdicts.pop_front().expect("a scripted verdict")
        }
    }

    fn failing(message: &str) -> Verdict {
        Verdict::Failing {
            passed: 2,
            total: 9,
            message: message.to_owned(),
        }
    }

    /// Feeds events as the real loop does: a `Check` step runs the checker.
    fn feed(watch: &mut Watch<'_>, checker: &mut Scripted, events: &[Event]) -> Step {
        let mut last = Step::Nothing;
        for event in events {
            last = watch.handle(event);
            if last == Step::Check {
                watch.check(checker);
            }
        }
        last
    }

    #[test]
    fn a_fresh_start_shows_the_first_exercise_and_its_first_broken_rule() {
        let (_root, course) = course();
        let mut watch = Watch::open(&course);
        let mut checker = Scripted::new([failing("exercise 1: still the stub")]);
        watch.check(&mut checker);
        let screen = watch.render(false);
        assert!(
            screen.contains("Exercise 1 (lesson-01): do thing 1"),
            "{screen}"
        );
        assert!(
            screen.contains("lessons/lesson-01/src/exercises/fetch_post.rs"),
            "{screen}"
        );
        assert!(screen.contains("✗ 2 of 9 checks pass"), "{screen}");
        assert!(screen.contains("exercise 1: still the stub"), "{screen}");
        assert!(screen.contains("0/3 exercises"), "{screen}");
        assert!(screen.contains(KEYS), "{screen}");
        assert!(watch.render(true).contains("… checking exercise 1"));
    }

    #[test]
    fn saving_a_passing_answer_turns_green_and_moves_on() {
        let (root, course) = course();
        let mut watch = Watch::open(&course);
        let mut checker = Scripted::new([
            failing("still the stub"),
            Verdict::Passed { checks: 9 },
            failing("exercise 2: still the stub"),
        ]);
        watch.check(&mut checker);
        let saved = root.join("lessons/lesson-01/src/exercises/fetch_post.rs");
        let step = feed(&mut watch, &mut checker, &[Event::Saved(saved)]);
        assert_eq!(step, Step::Check);
        // Exercise 1 passed, so exercise 2 was checked at once, in the same step.
        assert_eq!(checker.checked, [1, 1, 2]);
        let screen = watch.render(false);
        assert!(
            screen.contains("✓ exercise 1 (do thing 1) passes all 9 checks: on to exercise 2"),
            "{screen}"
        );
        assert!(
            screen.contains("Exercise 2 (lesson-02): do thing 2"),
            "{screen}"
        );
        assert!(screen.contains("1/3 exercises"), "{screen}");
        // Remembered for the next run.
        let reopened = Watch::open(&course);
        assert_eq!(reopened.exercise().number, 2);
        assert_eq!(reopened.solved, BTreeSet::from([1]));
    }

    #[test]
    fn a_broken_file_shows_the_first_compiler_error() {
        let (root, course) = course();
        let mut watch = Watch::open(&course);
        let error = "lessons/lesson-01/src/exercises/fetch_post.rs:7:5: error[E0308]: mismatched \
                     types";
        let mut checker = Scripted::new([Verdict::DoesNotCompile(error.to_owned())]);
        let saved = root.join("lessons/lesson-01/src/exercises/fetch_post.rs");
        feed(&mut watch, &mut checker, &[Event::Saved(saved)]);
        let screen = watch.render(false);
        assert!(
            screen.contains("✗ lesson-01 does not compile. The first error:"),
            "{screen}"
        );
        assert!(screen.contains(error), "{screen}");
    }

    #[test]
    fn only_saves_in_the_current_lesson_count() {
        let (root, course) = course();
        let mut watch = Watch::open(&course);
        for path in [
            "lessons/lesson-02/src/exercises/fetch_user.rs",
            "lessons/lesson-01/target/debug/x.rs",
            "lessons/lesson-01/notes.txt",
            "README.md",
        ] {
            assert_eq!(
                watch.handle(&Event::Saved(root.join(path))),
                Step::Nothing,
                "{path}"
            );
        }
        for path in [
            "lessons/lesson-01/src/lib.rs",
            "lessons/lesson-01/Cargo.toml",
        ] {
            assert_eq!(
                watch.handle(&Event::Saved(root.join(path))),
                Step::Check,
                "{path}"
            );
        }
    }

    #[test]
    fn every_key_does_what_the_screen_says() {
        let (_root, course) = course();
        let mut watch = Watch::open(&course);
        let mut checker = Scripted::new([
            failing("first"),
            failing("again"),
            failing("exercise 2"),
            failing("after the reset"),
        ]);
        watch.check(&mut checker);

        // h: the hints, one more each time, never past the last.
        assert_eq!(watch.handle(&Event::Key('h')), Step::Redraw);
        assert!(watch.render(false).contains("Hint 1 of 2"));
        assert!(watch.render(false).contains("First."));
        watch.handle(&Event::Key('h'));
        watch.handle(&Event::Key('h'));
        assert!(watch.render(false).contains("Hint 2 of 2"));
        assert!(watch.render(false).contains("Second."));

        // c: the checks again.
        assert_eq!(
            feed(&mut watch, &mut checker, &[Event::Key('c')]),
            Step::Check
        );
        assert!(watch.render(false).contains("again"));

        // l: the list, and l again to close it.
        watch.handle(&Event::Key('l'));
        let screen = watch.render(false);
        assert!(screen.contains("▶  1  lesson-01"), "{screen}");
        assert!(screen.contains("   3  lesson-02  do thing 3"), "{screen}");
        watch.handle(&Event::Key('l'));
        assert!(!watch.render(false).contains("▶"));

        // n: the next exercise, checked at once; hints start again.
        feed(&mut watch, &mut checker, &[Event::Key('n')]);
        assert_eq!(watch.exercise().number, 2);
        assert!(watch.render(false).contains("exercise 2"));
        watch.handle(&Event::Key('h'));
        assert!(watch.render(false).contains("Hint 1 of 2"));

        // r: asks first; anything but y keeps the file.
        let file = course.path(&watch.exercise().learner_file());
        assert_eq!(watch.handle(&Event::Key('r')), Step::Redraw);
        assert!(watch.render(false).contains("y to reset"));
        assert_eq!(watch.handle(&Event::Key('x')), Step::Redraw);
        assert!(watch.render(false).contains("nothing was reset"));
        assert_eq!(
            std::fs::read_to_string(&file).unwrap_or_default(),
            "// the learner's work\n"
        );
        // r, y: the stub is back, the learner's version kept, the checks run again.
        watch.handle(&Event::Key('r'));
        assert_eq!(
            feed(&mut watch, &mut checker, &[Event::Key('y')]),
            Step::Check
        );
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(text.contains("// the stub"), "{text}");
        assert!(watch.render(false).contains("target/xtask/reset/"));
        assert!(watch.render(false).contains("after the reset"));

        // An unknown key says so; q and Ctrl-C leave.
        watch.handle(&Event::Key('z'));
        assert!(watch.render(false).contains("no key 'z'"));
        assert_eq!(watch.handle(&Event::Key('q')), Step::Quit);
        assert_eq!(watch.handle(&Event::Quit), Step::Quit);
        assert_eq!(checker.checked, [1, 1, 2, 2]);
    }

    #[test]
    fn the_last_exercise_passing_says_the_course_is_done() {
        let (_root, course) = course();
        std::fs::create_dir_all(course.path("target/xtask")).expect("target/xtask");
        std::fs::write(
            course.path("target/xtask/watch-state"),
            "current 3\nsolved 1 2\n",
        )
        .expect("a state");
        let mut watch = Watch::open(&course);
        assert_eq!(watch.exercise().number, 3);
        let mut checker = Scripted::new([Verdict::Passed { checks: 4 }]);
        watch.check(&mut checker);
        let screen = watch.render(false);
        assert!(screen.contains("so does every exercise"), "{screen}");
        assert!(screen.contains("3/3 exercises"), "{screen}");
        assert_eq!(watch.handle(&Event::Key('n')), Step::Redraw);
        assert!(watch.render(false).contains("this is the last exercise"));
    }

    #[test]
    fn a_state_file_that_makes_no_sense_is_ignored() {
        let (_root, course) = course();
        std::fs::create_dir_all(course.path("target/xtask")).expect("target/xtask");
        std::fs::write(
            course.path("target/xtask/watch-state"),
            "current 99\nsolved x 2\n",
        )
        .expect("a state");
        let watch = Watch::open(&course);
        assert_eq!(watch.exercise().number, 1);
        assert_eq!(watch.solved, BTreeSet::from([2]));
    }
}
