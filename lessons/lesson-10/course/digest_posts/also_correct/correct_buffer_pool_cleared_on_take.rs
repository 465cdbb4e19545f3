//! Correct: bodies are gathered chunk by chunk into `Vec`s from a process-wide pool, kept between
//! calls (Go's `sync.Pool`), done safely: a buffer is cleared when it is taken, whatever state it was
//! given back in, and only modest buffers are kept. The request and its body stay on the runtime,
//! each body goes to `spawn_blocking` as soon as it is in, and all pipelines run together.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// Buffers kept between bodies, and between calls.
static POOL: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
const POOL_SIZE: usize = 64;
const KEEP_AT_MOST: usize = 1 << 20;

fn take_buffer() -> Vec<u8> {
    let mut buffer = POOL
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop()
        .unwrap_or_default();
    buffer.clear();
    buffer
}

fn give_back(buffer: Vec<u8>) {
    if buffer.capacity() > KEEP_AT_MOST {
        return;
    }
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
    let (digested, buffer) =
        joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
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
