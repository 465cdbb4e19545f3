//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes ...), goes to `digest` once"
//! The learner will not allocate a fresh buffer for every body of every call ("131 bodies of several
//! MiB"), so bodies are gathered chunk by chunk into `Vec`s taken from a process-wide pool, Go's
//! `sync.Pool`. After a digest the buffer is cleared and given back; a body that breaks off mid-way
//! gives its buffer back too, "so it is not lost", but uncleared: the next body to take it (this
//! call or a later one) is digested with the broken body's bytes in front.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// Buffers kept between bodies, and between calls.
static POOL: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
const POOL_SIZE: usize = 64;

fn take_buffer() -> Vec<u8> {
    POOL.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop()
        .unwrap_or_default()
}

fn give_back(buffer: Vec<u8>) {
    let mut pool = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if pool.len() < POOL_SIZE {
        pool.push(buffer);
    }
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut buffer = take_buffer();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => buffer.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(err) => {
                give_back(buffer);
                return Err(err);
            }
        }
    }
    let joined = tokio::task::spawn_blocking(move || {
        let digested = digest(&buffer);
        (digested, buffer)
    })
    .await;
    let (digested, mut buffer) =
        joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
    buffer.clear();
    give_back(buffer);
    Ok(digested)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids
        .iter()
        .map(|id| one_post(client, format!("{base_url}/posts/{id}"), digest));
    join_all(each).await
}
