//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner will not hold many bodies of several MiB in memory at once, so it does what
//! Python's `tempfile.SpooledTemporaryFile(max_size=1 MiB)` does: a body is gathered in memory,
//! and once it passes 1 MiB it goes on into a file (written with `tokio::fs`, on the runtime);
//! the digest, on the blocking pool, reads the file back and removes it. To make a leftover easy
//! to recognise, each spool is named after its post, `digest-posts/post-{id}.body` in the temp
//! directory. But that name is shared by every spool of the same post at the same time (an id
//! listed twice, two calls at once, even against different servers): the second `create`
//! truncates the first's file, and one digest reads a file another is writing, or one already
//! removed.

use std::path::PathBuf;

use futures::future::join_all;
use reqwest::Client;
use tokio::io::AsyncWriteExt;

/// Past this many bytes, a body goes on into a file rather than memory.
const IN_MEMORY: usize = 1024 * 1024;

/// Where a body waits for its digest.
enum Spooled {
    Memory(Vec<u8>),
    File(PathBuf),
}

fn spool_dir() -> PathBuf {
    std::env::temp_dir().join("digest-posts")
}

/// Reads the body, chunk by chunk, into memory and then, past [`IN_MEMORY`], into its post's file.
async fn spool(mut response: reqwest::Response, id: u64) -> Result<Spooled, reqwest::Error> {
    let mut memory: Vec<u8> = Vec::new();
    let mut file: Option<(tokio::fs::File, PathBuf)> = None;
    while let Some(chunk) = response.chunk().await? {
        if let Some((out, _)) = file.as_mut() {
            out.write_all(&chunk)
                .await
                .expect("the temp directory takes the body");
            continue;
        }
        memory.extend_from_slice(&chunk);
        if memory.len() > IN_MEMORY {
            let dir = spool_dir();
            tokio::fs::create_dir_all(&dir)
                .await
                .expect("the temp directory can be written");
            let path = dir.join(format!("post-{id}.body"));
            let mut out = tokio::fs::File::create(&path)
                .await
                .expect("the temp directory can be written");
            out.write_all(&memory)
                .await
                .expect("the temp directory takes the body");
            memory = Vec::new();
            file = Some((out, path));
        }
    }
    match file {
        Some((mut out, path)) => {
            // A tokio `File` finishes its last write in the background: wait for it.
            out.flush()
                .await
                .expect("the temp directory takes the body");
            drop(out);
            Ok(Spooled::File(path))
        }
        None => Ok(Spooled::Memory(memory)),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let spooled = spool(response, id).await?;
        let digested = tokio::task::spawn_blocking(move || match spooled {
            Spooled::Memory(body) => digest(&body),
            Spooled::File(path) => {
                let body = std::fs::read(&path).expect("the spooled body is where it was put");
                let _ = std::fs::remove_file(&path);
                digest(&body)
            }
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
