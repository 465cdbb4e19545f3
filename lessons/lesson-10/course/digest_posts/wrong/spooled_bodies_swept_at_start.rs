//! Wrong: breaks "no panic: `digest` itself never panics" (a call's spooled body is deleted by a second call that starts while it arrives)
//! The learner will not hold 131 bodies of several MiB in memory at once, so it does what Python's
//! `tempfile.SpooledTemporaryFile(max_size=1 MiB)` does: a body is gathered in memory, and once it
//! passes 1 MiB the rest goes to a file of its own (written with `tokio::fs`, on the runtime),
//! which the blocking closure reads back, digests and deletes. Files are named by call number,
//! position and id, so two calls never share one. And each call first tidies up: it deletes the
//! spool directory, "where a cancelled call leaves its files". A call alone is right; but a call
//! started while another's large body is still arriving deletes that body's file, and the first
//! call's read of it fails (`expect`: a panic).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use futures::future::join_all;
use reqwest::{Client, Response};
use tokio::io::AsyncWriteExt;

/// A body larger than this goes to a file while it arrives.
const KEEP_IN_MEMORY: usize = 1024 * 1024;

/// Numbers the calls, so that two calls never write the same spool file.
static CALLS: AtomicU64 = AtomicU64::new(0);

/// Where this process spools its large bodies.
fn spool_dir() -> PathBuf {
    std::env::temp_dir().join(format!("digest-posts-spool-{}", std::process::id()))
}

/// A body, in memory or in its spool file.
enum Body {
    InMemory(Vec<u8>),
    Spooled(PathBuf),
}

/// Reads the body chunk by chunk, on the runtime; past `KEEP_IN_MEMORY` it goes to `spool`.
async fn read_body(mut response: Response, spool: PathBuf) -> Result<Body, reqwest::Error> {
    let mut held: Vec<u8> = Vec::new();
    let mut file: Option<tokio::fs::File> = None;
    while let Some(chunk) = response.chunk().await? {
        if let Some(out) = file.as_mut() {
            out.write_all(&chunk)
                .await
                .expect("the spool directory is ours to write in");
            continue;
        }
        held.extend_from_slice(&chunk);
        if held.len() > KEEP_IN_MEMORY {
            tokio::fs::create_dir_all(spool_dir())
                .await
                .expect("the temporary directory is writable");
            let mut out = tokio::fs::File::create(&spool)
                .await
                .expect("the spool directory is ours to write in");
            out.write_all(&held)
                .await
                .expect("the spool directory is ours to write in");
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
    // Tidy up first: a call that was cancelled while a body was arriving left its file behind.
    let _ = tokio::fs::remove_dir_all(spool_dir()).await;

    let each = ids.iter().enumerate().map(|(position, id)| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let spool = spool_dir().join(format!("{call}-{position}-{id}.body"));
        let body = read_body(response, spool).await?;
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
    join_all(each).await
}
