//! Lesson 08: async file I/O.
//!
//! The aiohttp article's next step is `aiofiles`: saving what you fetched without blocking the
//! event loop. In Rust that is `tokio::fs`. This lesson saves every post as its own file,
//! `post-<id>.json`, several at a time, and does it the way a program you can interrupt must:
//!
//! - **atomically**: each file is written under a temporary name beside its destination, synced
//!   to disk, then renamed over the final name. A run killed halfway leaves whole files or no
//!   files under the final names, never half of one; and the temporary files such a run leaves
//!   behind are removed by the next run ([`remove_stale_temp_files`]);
//! - **resumably**: a post whose file is already there is skipped *before* its request is sent,
//!   so a second run costs nothing for the posts the first one saved;
//! - **boundedly**: at most `limit` posts are in flight (request and file) at any moment.
//!
//! One fact to keep in mind throughout: a socket can tell the runtime "wake me when data
//! arrives", an ordinary file cannot (to the OS, a file is always ready). So `tokio::fs` runs
//! each filesystem call as *blocking* code on tokio's blocking thread pool (`spawn_blocking`)
//! and hands the result back to your task. That keeps the runtime's worker threads free for the
//! network, which is the point; it does not make the disk any faster, and every call pays for a
//! trip to another thread and back. [`write_atomically_in_one_trip`] shows the alternative for
//! a run of several calls.

pub mod exercises;

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use futures::stream::{self, Stream, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;
use tokio::io::AsyncWriteExt;

/// Where the posts go without `--dir`: a folder under the system's temporary directory, so that
/// trying the lesson never writes into your clone of the course.
pub fn default_dir() -> PathBuf {
    std::env::temp_dir().join("async-http-course").join("posts")
}

/// The file that holds post `id` in `dir`: `dir/post-7.json`.
pub fn post_path(dir: &Path, id: u64) -> PathBuf {
    dir.join(format!("post-{id}.json"))
}

// ANCHOR: temp_path_beside
/// A fresh temporary name in the same folder as `path`: `.post-7.json.tmp-<pid>-<n>`.
///
/// - **Same folder**, hence the same filesystem: a rename is atomic only within one
///   filesystem. A temporary file in `/tmp` renamed into a folder on another disk fails (the
///   OS refuses, "cross-device link"), or, with a copy as fallback, is not atomic at all.
/// - **Unique**: the process id tells two programs apart, the counter two writes within this
///   program. A fixed name (`post-7.json.tmp`) would let two writers truncate each other's
///   half-written file.
/// - **Hidden** (the leading dot), so a listing of the folder shows the finished posts.
///
/// # Errors
/// `InvalidInput` when `path` has no file name (`/`, `..`): there is nothing to write.
pub fn temp_path_beside(path: &Path) -> io::Result<PathBuf> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} does not name a file", path.display()),
        )
    })?;
    // An `OsString`, not a `String`: file names need not be UTF-8, and this one keeps the
    // original name's bytes whatever they are.
    let mut temp = OsString::from(".");
    temp.push(name);
    temp.push(format!(
        ".tmp-{}-{}",
        std::process::id(),
        // Relaxed: only uniqueness matters, not ordering with other memory.
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    Ok(path.with_file_name(temp))
}
// ANCHOR_END: temp_path_beside

// ANCHOR: remove_stale_temp_files
/// Whether `name` is one of this lesson's temporary files, `.post-<id>.json.tmp-<pid>-<n>`: the
/// name [`temp_path_beside`] gives for a [`post_path`]. Nothing else matches, so the cleanup
/// below can never touch a file this lesson did not write.
pub fn is_temp_post_name(name: &str) -> bool {
    let number = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    let Some(rest) = name.strip_prefix(".post-") else {
        return false;
    };
    let Some((id, rest)) = rest.split_once(".json.tmp-") else {
        return false;
    };
    let Some((pid, n)) = rest.split_once('-') else {
        return false;
    };
    number(id) && number(pid) && number(n)
}

/// Removes the temporary files that interrupted runs left in `dir`, and returns how many.
///
/// A write cleans up after itself when it fails, but a process killed halfway (`kill -9`, a
/// power cut) gets no chance to: its temporary file stays, hidden, and no later run would ever
/// look at it again. So each run starts by removing them, with two rules:
///
/// - only this lesson's own files ([`is_temp_post_name`]): the folder may hold anything else;
/// - only files last modified before `started`, the moment this run began. A younger one
///   belongs to a run going on right now in another process, about to be renamed into a post.
///
/// # Errors
/// The folder cannot be listed, or a stale file cannot be removed (no permission: then no file
/// could be written there either).
pub async fn remove_stale_temp_files(dir: &Path, started: SystemTime) -> io::Result<usize> {
    let dir = dir.to_owned();
    // A run of filesystem calls (a listing, then a look at and perhaps a removal of each
    // entry): one trip to the blocking pool for them all, as in `write_atomically_in_one_trip`.
    tokio::task::spawn_blocking(move || {
        let mut removed = 0;
        for entry in std::fs::read_dir(&dir)? {
            let entry = entry?;
            if !entry.file_name().to_str().is_some_and(is_temp_post_name) {
                continue;
            }
            // A concurrent run may rename or remove its file at any moment: a file that is gone
            // by the time we look is not an error, only not ours to remove.
            let gone = |err: &io::Error| err.kind() == io::ErrorKind::NotFound;
            // `DirEntry::metadata` does not follow a symlink: a link is not a file we wrote.
            let metadata = match entry.metadata() {
                Ok(metadata) => metadata,
                Err(err) if gone(&err) => continue,
                Err(err) => return Err(err),
            };
            if !metadata.is_file() || metadata.modified()? >= started {
                continue;
            }
            match std::fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(err) if gone(&err) => {}
                Err(err) => return Err(err),
            }
        }
        Ok(removed)
    })
    .await
    .map_err(io::Error::other)?
}
// ANCHOR_END: remove_stale_temp_files

// ANCHOR: write_atomically
/// Writes `contents` to `path` so that `path` holds either its old contents or all of the new
/// ones, whatever happens (a crash, Ctrl-C, a full disk), never a mix or half a file.
///
/// # Errors
/// Any filesystem error: a missing folder, no permission, a full disk. The temporary file is
/// removed before the error is returned.
pub async fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path_beside(path)?;
    let written = write_then_rename(&temp, path, contents).await;
    if written.is_err() {
        // Best effort: the error that matters is the one we return. (If the rename failed, the
        // temporary file still holds the new contents; if the write failed, part of them.)
        let _ = tokio::fs::remove_file(&temp).await;
    }
    written
}

async fn write_then_rename(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    // `create_new`: fail rather than reuse a file (or follow a symlink) already at that name.
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .await?;
    file.write_all(contents).await?;
    // tokio's `File` returns from `write_all` once the bytes are handed to the blocking pool,
    // before they are written. `flush` waits for that write and reports its error (a full
    // disk, say), which otherwise would be lost.
    file.flush().await?;
    // The durability trade-off. `sync_all` waits until the disk has the data, which costs from
    // a millisecond to tens of them per file. Without it, the rename can reach the disk before
    // the data does, and a power cut leaves an *empty* file under the final name: atomic
    // against a killed process, not against a crash of the machine. For a cache you can fetch
    // again, skipping it is defensible; for data you cannot recreate, keep it. (Making the
    // rename itself survive a power cut also takes a sync of the folder, which is Unix-only.)
    file.sync_all().await?;
    // Done with the file: close it before it takes on its final name, so nothing more can be
    // written through this handle once others can see it.
    drop(file);
    // The atomic step: on one filesystem, `rename` swaps the name over to the new file in one
    // go, replacing whatever was there (a file, or a symlink, which is replaced, not followed).
    tokio::fs::rename(temp, path).await
}
// ANCHOR_END: write_atomically

// ANCHOR: write_atomically_in_one_trip
/// The same atomic write done with `std::fs`, all of it inside one `spawn_blocking`.
///
/// Every `tokio::fs` call above is its own trip to the blocking pool and back: open, write,
/// sync, rename, four hand-offs between threads for one small file (`flush` only waits for the
/// write already under way). Here the whole
/// sequence is one plain blocking function, run once on the pool. Prefer this shape for a run
/// of several filesystem calls in a row, or for work that mixes file I/O and CPU (compressing,
/// hashing); prefer `tokio::fs` for a single call, or to stream a large file piece by piece
/// while the task does other things between pieces.
///
/// The price is ownership: the closure runs on another thread for as long as it likes, so it
/// cannot borrow from the caller (`'static`), and takes a `PathBuf` and a `Vec<u8>`.
///
/// # Errors
/// As [`write_atomically`].
pub async fn write_atomically_in_one_trip(path: PathBuf, contents: Vec<u8>) -> io::Result<()> {
    tokio::task::spawn_blocking(move || {
        let temp = temp_path_beside(&path)?;
        let written = write_then_rename_blocking(&temp, &path, &contents);
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        written
    })
    .await
    // A `JoinError` means the closure panicked (it has no `unwrap` to do so) or the runtime is
    // shutting down: either way, report it as an I/O error rather than panic here too.
    .map_err(io::Error::other)?
}

/// Plain blocking code: each call returns when the OS has done it.
fn write_then_rename_blocking(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    use std::io::Write;

    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    // std's `File` has no buffer of its own: when `write_all` returns, the OS has the bytes.
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(temp, path)
}
// ANCHOR_END: write_atomically_in_one_trip

// ANCHOR: save_post
/// What [`save_post`] did for one post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Fetched and written: the file's size in bytes.
    Written { bytes: usize },
    /// The file was already there: nothing was sent, nothing written.
    AlreadyThere,
}

/// Why one post could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// No post arrived: no answer, an error status (a missing post is a 404), or a body that
    /// is not a post. No file was written.
    #[error("could not fetch post {id}")]
    Fetch {
        id: u64,
        #[source]
        source: reqwest::Error,
    },
    /// The post's file could not be checked or written.
    #[error("could not write {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// Saves post `id` as pretty JSON in `dir/post-<id>.json`, unless that file already exists.
///
/// # Errors
/// See [`SaveError`]. Either way, no file is left under the post's name unless it is whole.
pub async fn save_post(
    client: &Client,
    base_url: &str,
    dir: &Path,
    id: u64,
) -> Result<Saved, SaveError> {
    let path = post_path(dir, id);
    let write_error = |source| SaveError::Write {
        path: path.clone(),
        source,
    };

    // Look before fetching: a saved post costs one filesystem call, not a request. (The file
    // could appear between this check and the rename below; the rename would then replace it
    // with an equal post, which is harmless here.)
    if tokio::fs::try_exists(&path).await.map_err(write_error)? {
        return Ok(Saved::AlreadyThere);
    }

    let fetch_error = |source| SaveError::Fetch { id, source };
    let post: Post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await
        .map_err(fetch_error)?
        // A 404 must not become a file holding `{}`.
        .error_for_status()
        .map_err(fetch_error)?
        .json()
        .await
        .map_err(fetch_error)?;

    let mut json = serde_json::to_vec_pretty(&post)
        .expect("a Post is numbers and strings: it always fits JSON");
    json.push(b'\n');
    write_atomically(&path, &json).await.map_err(write_error)?;
    Ok(Saved::Written { bytes: json.len() })
}
// ANCHOR_END: save_post

// ANCHOR: save_posts
/// Saves every post in `ids`, at most `limit` at a time, and yields each outcome as it is
/// known: a stream, so the caller can report progress while the rest are still running.
///
/// Why bound it (lesson 05): every post in flight holds a connection, an open file and a
/// thread of tokio's blocking pool for its filesystem calls. A thousand ids at once would mean
/// a thousand of each. `buffer_unordered(limit)` keeps `limit` going and starts the next as
/// soon as one finishes, in whatever order they finish.
pub fn save_posts<'a>(
    client: &'a Client,
    base_url: &'a str,
    dir: &'a Path,
    ids: impl IntoIterator<Item = u64> + 'a,
    limit: usize,
) -> impl Stream<Item = (u64, Result<Saved, SaveError>)> + 'a {
    stream::iter(ids)
        .map(move |id| async move { (id, save_post(client, base_url, dir, id).await) })
        // `max(1)`: a limit of zero would never start anything, and the stream would hang.
        .buffer_unordered(limit.max(1))
}
// ANCHOR_END: save_posts

/// The run's totals: "saved N, skipped M, failed K".
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub saved: usize,
    pub skipped: usize,
    pub failed: usize,
}

impl Tally {
    /// Counts one outcome.
    pub fn add(&mut self, outcome: &Result<Saved, SaveError>) {
        match outcome {
            Ok(Saved::Written { .. }) => self.saved += 1,
            Ok(Saved::AlreadyThere) => self.skipped += 1,
            Err(_) => self.failed += 1,
        }
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "saved {}, skipped {}, failed {}",
            self.saved, self.skipped, self.failed
        )
    }
}
