//! Correct: large bodies are spooled to files while they arrive (Python's `SpooledTemporaryFile`:
//! in memory up to 1 MiB, then the rest written with `tokio::fs` on the runtime), and the blocking
//! closure reads the file back, deletes it and digests the bytes, which are exactly the bytes that
//! arrived. The tidy-up is done the safe way: each call has a directory of its own (process id and
//! a call number kept in a `static` counter), and only that call removes it, through a guard, when
//! it ends or its future is dropped; no call touches another's files.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use futures::future::join_all;
use reqwest::{Client, Response};
use tokio::io::AsyncWriteExt;

/// A body larger than this goes to a file while it arrives.
const KEEP_IN_MEMORY: usize = 1024 * 1024;

/// Numbers the calls, so that each has a spool directory of its own.
static CALLS: AtomicU64 = AtomicU64::new(0);

/// Removes this call's spool directory, and only it, when the call ends or is dropped.
struct SpoolDir(PathBuf);

impl Drop for SpoolDir {
    fn drop(&mut self) {
        // Usually gone or empty already (each digest deletes its file); a stat, at most a few
        // unlinks: short work, fine where it runs.
        if self.0.exists() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A body, in memory or in its spool file.
enum Body {
    InMemory(Vec<u8>),
    Spooled(PathBuf),
}

/// Reads the body chunk by chunk, on the runtime; past `KEEP_IN_MEMORY` it goes to `spool`.
async fn read_body(
    mut response: Response,
    dir: &Path,
    spool: PathBuf,
) -> Result<Body, reqwest::Error> {
    let mut held: Vec<u8> = Vec::new();
    let mut file: Option<tokio::fs::File> = None;
    while let Some(chunk) = response.chunk().await? {
        if let Some(out) = file.as_mut() {
            out.write_all(&chunk)
                .await
                .expect("this call's spool directory is ours to write in");
            continue;
        }
        held.extend_from_slice(&chunk);
        if held.len() > KEEP_IN_MEMORY {
            tokio::fs::create_dir_all(dir)
                .await
                .expect("the temporary directory is writable");
            let mut out = tokio::fs::File::create(&spool)
                .await
                .expect("this call's spool directory is ours to write in");
            out.write_all(&held)
                .await
                .expect("this call's spool directory is ours to write in");
            held = Vec::new();
            file = Some(out);
        }
    }
    match file {
        Some(mut out) => {
            out.flush().await.expect("the spool file is ours");
            Ok(Body::Spooled(spool))
        }
        None => Ok(Body::InMemory(held)),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let dir = SpoolDir(
        std::env::temp_dir().join(format!("digest-posts-spool-{}-{call}", std::process::id())),
    );
    let dir_path: &Path = &dir.0;

    let each = ids.iter().enumerate().map(|(position, id)| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let spool = dir_path.join(format!("{position}-{id}.body"));
        let body = read_body(response, dir_path, spool).await?;
        let digested = tokio::task::spawn_blocking(move || match body {
            Body::InMemory(bytes) => digest(&bytes),
            Body::Spooled(path) => {
                let bytes = std::fs::read(&path).expect("the spool file was just written");
                let _ = std::fs::remove_file(&path);
                digest(&bytes)
            }
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    let results: Vec<Result<u64, reqwest::Error>> = join_all(each).await;
    drop(dir);
    results
}
