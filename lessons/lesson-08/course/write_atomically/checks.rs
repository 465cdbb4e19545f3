//! The checks of exercise 9 (`write_atomically`), run against your file, the reference solution
//! and the course's typical wrong answers.
//!
//! Each check works in a fresh folder of its own under the system's temporary directory, and
//! removes it when done. They use `std::fs` to look at the results: blocking calls are fine in a
//! test, which has nothing else to do meanwhile.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use lesson_support::testing::{Exercise, Verdict};

pub const EXERCISE: Exercise = Exercise {
    number: 9,
    file: "lessons/lesson-08/src/exercises/write_atomically.rs",
};

/// A post as lesson 08 saves it: pretty JSON over several lines.
const POST: &[u8] = b"{\n  \"userId\": 1,\n  \"id\": 7,\n  \"title\": \"seven\",\n  \"body\": \"the new post\"\n}\n";

/// Longer than [`POST`], so that writing the new contents into the old file without
/// truncating it would leave the old tail behind.
const OLD_POST: &[u8] = b"{\n  \"userId\": 1,\n  \"id\": 7,\n  \"title\": \"the old title\",\n  \"body\": \"the old post, longer than the new one\"\n}\n";

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    writes_exactly_the_contents_at_the_path(&candidate).await?;
    replaces_an_existing_file(&candidate).await?;
    replaces_the_destination_instead_of_writing_into_it(&candidate).await?;
    leaves_no_other_file_behind(&candidate).await?;
    removes_the_temporary_file_when_the_write_fails(&candidate).await?;
    returns_an_error_for_a_missing_folder(&candidate).await
}

/// A file that did not exist holds exactly `contents` afterwards, at exactly `path`, whatever
/// its name.
pub async fn writes_exactly_the_contents_at_the_path<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    let scratch = Scratch::new()?;
    let notes: &[u8] = b"not JSON, and not a .json file either\n";
    for (name, contents) in [("post-7.json", POST), ("notes.txt", notes)] {
        let path = scratch.path(name);
        EXERCISE
            .run(candidate(&path, contents))
            .await?
            .map_err(|err| unexpected_error(&format!("writing a new file {name}"), &err))?;
        match std::fs::read(&path) {
            Ok(written) if written == contents => {}
            Ok(written) => {
                return Err(EXERCISE.fail(&format!(
                    "after writing {name}, it holds {} bytes that are not the {} bytes of \
                     `contents`: write all of `contents`, and nothing else",
                    written.len(),
                    contents.len()
                )));
            }
            Err(_) => {
                return Err(EXERCISE.fail(&format!(
                    "after writing {name}, there is no file at `path`; the folder holds {}: the \
                     file must end up at exactly `path`, so rename the temporary file to \
                     `path` itself",
                    scratch.listing()
                )));
            }
        }
    }
    Ok(())
}

/// An existing file is replaced: afterwards it holds the new contents only.
pub async fn replaces_an_existing_file<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    let scratch = Scratch::new()?;
    let path = scratch.path("post-7.json");
    std::fs::write(&path, OLD_POST).map_err(|err| setup_failed(&err))?;

    EXERCISE
        .run(candidate(&path, POST))
        .await?
        .map_err(|err| unexpected_error("replacing an existing file", &err))?;

    let written = std::fs::read(&path).unwrap_or_default();
    if written == POST {
        Ok(())
    } else if written == OLD_POST {
        Err(EXERCISE
            .fail("the file at `path` still holds its old contents: the new file must replace it"))
    } else {
        Err(EXERCISE.fail(&format!(
            "the file at `path` held {} bytes and was replaced by {} bytes, yet it now holds {} \
             bytes that are neither: replace the whole file",
            OLD_POST.len(),
            POST.len(),
            written.len()
        )))
    }
}

/// The atomicity check. A write *into* `path` and a rename *over* `path` leave the same bytes
/// behind, so the check makes them differ: `path` starts as a symbolic link to another file.
/// Writing into `path` (`tokio::fs::write`, `File::create`, `tokio::fs::copy`) follows the
/// link and overwrites that file; a rename replaces the link itself and never touches it.
pub async fn replaces_the_destination_instead_of_writing_into_it<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    #[cfg(unix)]
    {
        const SENTINEL: &[u8] = b"the file the link points to: it must not change\n";
        let scratch = Scratch::new()?;
        let sentinel = scratch.path("sentinel.txt");
        let path = scratch.path("post-7.json");
        std::fs::write(&sentinel, SENTINEL).map_err(|err| setup_failed(&err))?;
        std::os::unix::fs::symlink(&sentinel, &path).map_err(|err| setup_failed(&err))?;

        EXERCISE
            .run(candidate(&path, POST))
            .await?
            .map_err(|err| unexpected_error("replacing a file", &err))?;

        if std::fs::read(&sentinel).unwrap_or_default() != SENTINEL {
            return Err(EXERCISE.fail(
                "the file was written in place: an interrupted write would leave it \
                 half-written; write a temporary file beside it and rename it over the \
                 destination",
            ));
        }
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_file());
        if !is_file || std::fs::read(&path).unwrap_or_default() != POST {
            return Err(EXERCISE.fail(
                "`path` should now be a regular file holding `contents`, put there by renaming \
                 the temporary file over `path`",
            ));
        }
    }
    // Elsewhere, making a symbolic link may need privileges: this check runs on Unix only.
    #[cfg(not(unix))]
    let _ = candidate;
    Ok(())
}

/// After successful writes, the folder holds the written files and nothing else: no
/// temporary file, no backup, neither beside them nor in the system's temporary directory.
pub async fn leaves_no_other_file_behind<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    let scratch = Scratch::new()?;
    // A name no other file in the temporary directory has, to look for it there too.
    let unique = format!("post-{}-{}", std::process::id(), next_number());
    let names = [format!("{unique}.json"), "post-2.json".to_owned()];
    for name in &names {
        let path = scratch.path(name);
        // Twice: the second write replaces the first.
        for _ in 0..2 {
            EXERCISE
                .run(candidate(&path, POST))
                .await?
                .map_err(|err| unexpected_error(&format!("writing {name}"), &err))?;
        }
    }

    let leftovers: Vec<String> = scratch
        .entries()
        .into_iter()
        .filter(|entry| !names.contains(entry))
        .collect();
    if !leftovers.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "after writing {} and {} twice each, the folder also holds {leftovers:?}: once the \
             temporary file is renamed, it is gone; anything else you create, remove",
            names[0], names[1]
        )));
    }
    let elsewhere: Vec<String> = entries(&std::env::temp_dir())
        .into_iter()
        .filter(|entry| entry.contains(&unique))
        .collect();
    if !elsewhere.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "writing {} left {elsewhere:?} in the system's temporary directory: make the \
             temporary file beside `path`, in the same folder (a rename is atomic only within \
             one filesystem, and /tmp may be another), and leave nothing behind",
            names[0]
        )));
    }
    Ok(())
}

/// When the write fails after the temporary file exists (here the rename fails, because
/// `path` is a folder, which a file cannot replace), the error is returned and the temporary
/// file removed.
pub async fn removes_the_temporary_file_when_the_write_fails<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    let scratch = Scratch::new()?;
    let path = scratch.path("post-7.json");
    std::fs::create_dir(&path).map_err(|err| setup_failed(&err))?;
    std::fs::write(path.join("keep.txt"), b"in the way").map_err(|err| setup_failed(&err))?;

    let result = EXERCISE.run(candidate(&path, POST)).await?;

    if result.is_ok() {
        return Err(EXERCISE.fail(
            "`path` was a folder, which a file cannot replace, yet the result was `Ok`: return \
             the error of the step that failed",
        ));
    }
    let leftovers: Vec<String> = scratch
        .entries()
        .into_iter()
        .filter(|entry| entry != "post-7.json")
        .collect();
    if !leftovers.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "the write failed (`path` is a folder), and {leftovers:?} was left behind after \
             the rename failed: when a step fails after the temporary file exists, remove it \
             (`tokio::fs::remove_file`) before returning the error. A `?` on the rename \
             returns before any cleanup"
        )));
    }
    if !path.join("keep.txt").is_file() {
        return Err(EXERCISE.fail(
            "`path` was a folder and its contents are gone: a failed write must leave `path` \
             as it was",
        ));
    }
    Ok(())
}

/// A path in a folder that does not exist is an `Err`, not a panic, and the folder is not
/// created (making folders is the caller's job).
pub async fn returns_an_error_for_a_missing_folder<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Path, &[u8]) -> io::Result<()>,
{
    let scratch = Scratch::new()?;
    let path = scratch.path("missing").join("post-7.json");

    let result = EXERCISE.run(candidate(&path, POST)).await?;

    match result {
        Err(_) if !scratch.path("missing").exists() => Ok(()),
        Err(_) => Err(EXERCISE.fail(
            "for a path in a folder that does not exist you returned an error, but left the \
             folder behind: do not create folders, return the error",
        )),
        Ok(()) => Err(EXERCISE.fail(
            "for a path in a folder that does not exist the result was `Ok`: return the error \
             (io::ErrorKind::NotFound) and leave making folders to the caller",
        )),
    }
}

/// The message for a write that should have worked and returned an error.
fn unexpected_error(what: &str, err: &io::Error) -> String {
    EXERCISE.fail(&format!(
        "{what} in an existing, writable folder returned Err({err}); it should succeed. Is the \
         temporary file in the same folder as `path`, and renamed to `path`?"
    ))
}

/// The message for a check that could not prepare its folder: the machine's fault, not yours.
fn setup_failed(err: &io::Error) -> String {
    format!("the check could not prepare its folder: {err}")
}

/// A number no other check in this process has used.
fn next_number() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The names in `dir`, sorted; empty if it cannot be read.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|listing| {
            listing
                .filter_map(Result::ok)
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A fresh, empty folder for one check, removed (with everything in it) when dropped, so that
/// checks running in parallel never see each other's files.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, String> {
        let dir = std::env::temp_dir().join(format!(
            "lesson-08-exercise-9-{}-{}",
            std::process::id(),
            next_number()
        ));
        // A folder left by an earlier, killed run with the same process id: start afresh.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|err| setup_failed(&err))?;
        Ok(Scratch { dir })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn entries(&self) -> Vec<String> {
        entries(&self.dir)
    }

    /// The folder's contents, for a message: `[post-7.json, notes.json]`.
    fn listing(&self) -> String {
        format!("[{}]", self.entries().join(", "))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
