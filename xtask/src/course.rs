//! The exercises, discovered on disk: every `lessons/*/course/*/stub.rs` is one.
//!
//! There is no list of exercises to keep in sync. A stub's first line names its exercise
//! (`//! Exercise 3: fetch many posts at once.`) and its place fixes everything else: the lesson
//! (package) it belongs to, the file the learner edits, and the test module holding its checks.

use std::fs;
use std::path::{Path, PathBuf};

use crate::cli::ExerciseRef;
use crate::error::{Error, Result};

/// One exercise of the course. Paths are relative to the repository root, with `/`, because
/// they are shown to the learner; [`Course::path`] turns them into real paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// The global number, from the stub's first line.
    pub number: u32,
    /// The title, from the stub's first line, without its final full stop.
    pub title: String,
    /// The exercise's folder name under `course/`, also its module and file name.
    pub name: String,
    /// The lesson's folder name, which is also its package name (`lesson-03`).
    pub lesson: String,
}

impl Exercise {
    /// The file the learner edits.
    pub fn learner_file(&self) -> String {
        format!("lessons/{}/src/exercises/{}.rs", self.lesson, self.name)
    }

    /// The exercise's folder of course material (spoilers included).
    fn course_dir(&self) -> String {
        format!("lessons/{}/course/{}", self.lesson, self.name)
    }

    /// The pristine starting file.
    pub fn stub(&self) -> String {
        format!("{}/stub.rs", self.course_dir())
    }

    /// The reference solution.
    pub fn solution(&self) -> String {
        format!("{}/solution.rs", self.course_dir())
    }

    /// The progressive hints.
    pub fn hints(&self) -> String {
        format!("{}/hints.md", self.course_dir())
    }

    /// The checks, whose list at the top gives the order of the rules.
    pub fn checks(&self) -> String {
        format!("{}/checks.rs", self.course_dir())
    }

    /// The module of `tests/exercises.rs` that holds this exercise's checks.
    pub fn test_module(&self) -> String {
        format!("exercise_{}_{}", self.number, self.name)
    }
}

/// All exercises, in the order of their numbers, and where the repository is.
#[derive(Debug)]
pub struct Course {
    root: PathBuf,
    pub exercises: Vec<Exercise>,
}

impl Course {
    /// Scans `root/lessons/*/course/*/stub.rs`.
    pub fn discover(root: &Path) -> Result<Course> {
        let mut exercises = Vec::new();
        for lesson in subfolders(&root.join("lessons"))? {
            let course_dir = root.join("lessons").join(&lesson).join("course");
            if !course_dir.is_dir() {
                continue; // a lesson without exercises
            }
            for name in subfolders(&course_dir)? {
                let stub = course_dir.join(&name).join("stub.rs");
                if stub.is_file() {
                    exercises.push(read_exercise(&stub, lesson.clone(), name)?);
                }
            }
        }
        exercises.sort_by_key(|exercise| exercise.number);
        reject_duplicates(&exercises)?;
        Ok(Course {
            root: root.to_path_buf(),
            exercises,
        })
    }

    /// The repository root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// A real path for one of an exercise's root-relative paths.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// The exercise a number or a lesson's name refers to, or an error that says what exists:
    /// the numbers, the lessons, or a lesson's several exercises.
    pub fn exercise(&self, reference: &ExerciseRef) -> Result<&Exercise> {
        if self.exercises.is_empty() {
            return Err(Error::Failed(
                "the course has no exercises yet (none of lessons/*/course/*/stub.rs exists)"
                    .to_string(),
            ));
        }
        match reference {
            ExerciseRef::Number(number) => self.by_number(*number),
            ExerciseRef::Lesson(lesson) => self.by_lesson(lesson),
        }
    }

    fn by_number(&self, number: u32) -> Result<&Exercise> {
        self.exercises
            .iter()
            .find(|exercise| exercise.number == number)
            .ok_or_else(|| {
                let numbers: Vec<u32> = self.exercises.iter().map(|e| e.number).collect();
                Error::Usage(format!(
                    "there is no exercise {number}; the exercises are {} (cargo xtask list)",
                    describe_numbers(&numbers)
                ))
            })
    }

    /// A lesson's exercise, when the lesson has exactly one; otherwise an error that says which
    /// lessons there are, or which numbers to choose from.
    fn by_lesson(&self, lesson: &str) -> Result<&Exercise> {
        let in_lesson: Vec<&Exercise> = self
            .exercises
            .iter()
            .filter(|e| e.lesson == lesson)
            .collect();
        match in_lesson.as_slice() {
            [only] => Ok(only),
            [] => {
                let lessons = self.lessons();
                let (first, last) = (lessons.first(), lessons.last());
                Err(Error::Usage(format!(
                    "there is no {lesson} with exercises; the lessons are {} to {} (cargo xtask \
                     list)",
                    first.unwrap_or(&"?"),
                    last.unwrap_or(&"?")
                )))
            }
            several => {
                let numbers: Vec<u32> = several.iter().map(|e| e.number).collect();
                Err(Error::Usage(format!(
                    "{lesson} has exercises {}: name one by its number (cargo xtask list)",
                    describe_numbers(&numbers)
                )))
            }
        }
    }

    /// The lessons that have exercises, in course order, each once.
    pub fn lessons(&self) -> Vec<&str> {
        let mut lessons: Vec<&str> = Vec::new();
        for exercise in &self.exercises {
            if !lessons.contains(&exercise.lesson.as_str()) {
                lessons.push(&exercise.lesson);
            }
        }
        lessons
    }

    /// The exercises of one lesson.
    pub fn exercises_of<'a>(&'a self, lesson: &'a str) -> impl Iterator<Item = &'a Exercise> {
        self.exercises.iter().filter(move |e| e.lesson == lesson)
    }

    /// Reads one of an exercise's files, with an error that names it.
    pub fn read(&self, relative: &str) -> Result<String> {
        fs::read_to_string(self.path(relative))
            .map_err(|error| Error::Failed(format!("cannot read {relative}: {error}")))
    }
}

/// Parses a stub's first line, `//! Exercise 3: fetch many posts at once.`, into the number
/// and the title (`fetch many posts at once`: the full stop ends the sentence, it is not part
/// of the title; a question mark is kept).
pub fn parse_heading(line: &str) -> Option<(u32, String)> {
    let rest = line.trim_end().strip_prefix("//!")?.trim_start();
    let rest = rest.strip_prefix("Exercise ")?;
    let (number, title) = rest.split_once(':')?;
    let number = number.trim().parse().ok()?;
    let title = title.trim();
    let title = title.strip_suffix('.').unwrap_or(title).trim_end();
    (!title.is_empty()).then(|| (number, title.to_string()))
}

/// Says which exercise numbers exist: `1 to 4`, or `1 to 4, 7` when there are gaps.
pub fn describe_numbers(numbers: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &number in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == number => *end = number,
            _ => runs.push((number, number)),
        }
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|&(start, end)| match end - start {
            0 => start.to_string(),
            1 => format!("{start}, {end}"),
            _ => format!("{start} to {end}"),
        })
        .collect();
    runs.join(", ")
}

/// Builds the exercise a stub describes, or explains what its first line should be.
fn read_exercise(stub: &Path, lesson: String, name: String) -> Result<Exercise> {
    let text = fs::read_to_string(stub)
        .map_err(|error| Error::Failed(format!("cannot read {}: {error}", stub.display())))?;
    let first_line = text.lines().next().unwrap_or_default();
    let (number, title) = parse_heading(first_line).ok_or_else(|| {
        Error::Failed(format!(
            "{} must start with `//! Exercise N: title.`, but its first line is `{first_line}`",
            stub.display()
        ))
    })?;
    Ok(Exercise {
        number,
        title,
        name,
        lesson,
    })
}

/// Two stubs claiming the same number would make `cargo xtask check N` ambiguous.
fn reject_duplicates(sorted: &[Exercise]) -> Result<()> {
    for (a, b) in sorted.iter().zip(sorted.iter().skip(1)) {
        if a.number == b.number {
            return Err(Error::Failed(format!(
                "two stubs claim exercise {}: {} and {}",
                a.number,
                a.stub(),
                b.stub()
            )));
        }
    }
    Ok(())
}

/// The names of the folders directly inside `dir`, sorted so the output is stable.
fn subfolders(dir: &Path) -> Result<Vec<String>> {
    let entries = fs::read_dir(dir)
        .map_err(|error| Error::Failed(format!("cannot list {}: {error}", dir.display())))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_gives_number_and_title() {
        assert_eq!(
            parse_heading("//! Exercise 3: fetch many posts at once."),
            Some((3, "fetch many posts at once".to_string()))
        );
    }

    #[test]
    fn a_question_mark_stays_in_the_title() {
        assert_eq!(
            parse_heading("//! Exercise 4: which request was the slowest?"),
            Some((4, "which request was the slowest?".to_string()))
        );
    }

    #[test]
    fn spacing_and_line_endings_are_forgiven() {
        assert_eq!(
            parse_heading("//!Exercise 12 :  two words \r"),
            Some((12, "two words".to_string()))
        );
    }

    #[test]
    fn other_first_lines_are_not_headings() {
        for line in [
            "",
            "// Exercise 3: a plain comment",
            "//! Lesson 3: not an exercise",
            "//! Exercise three: no number",
            "//! Exercise 3 no colon",
            "//! Exercise 3: .",
            "use reqwest::Client;",
        ] {
            assert_eq!(parse_heading(line), None, "{line:?}");
        }
    }

    #[test]
    fn numbers_are_described_as_runs() {
        assert_eq!(describe_numbers(&[1, 2, 3, 4]), "1 to 4");
        assert_eq!(describe_numbers(&[3, 4]), "3, 4");
        assert_eq!(describe_numbers(&[1, 2, 3, 7]), "1 to 3, 7");
        assert_eq!(describe_numbers(&[5]), "5");
    }

    #[test]
    fn paths_follow_the_layout() {
        let exercise = Exercise {
            number: 3,
            title: "fetch many posts at once".to_string(),
            name: "fetch_posts".to_string(),
            lesson: "lesson-03".to_string(),
        };
        assert_eq!(
            exercise.learner_file(),
            "lessons/lesson-03/src/exercises/fetch_posts.rs"
        );
        assert_eq!(
            exercise.stub(),
            "lessons/lesson-03/course/fetch_posts/stub.rs"
        );
        assert_eq!(exercise.test_module(), "exercise_3_fetch_posts");
    }
}
