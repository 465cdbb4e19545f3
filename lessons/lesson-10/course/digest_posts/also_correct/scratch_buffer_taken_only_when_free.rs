//! Correct: the fix for `large_bodies_share_one_scratch_buffer`: a large body (announced over 1 MiB)
//! is still gathered in a scratch buffer kept process-wide between calls, but the buffer is *taken*
//! out of its slot (a plain `std` lock held for the swap only, never across an `.await`): a body that
//! finds the slot empty, because another body, of this call or of another, has the buffer, gathers
//! into a fresh `Vec` instead of waiting. The buffer is cleared when taken and when given back, and
//! the larger of two buffers is the one kept; nothing waits on anything but its own body.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::{Client, Response};

/// Bodies announced larger than this are gathered in a scratch buffer.
const LARGE_BODY: u64 = 1024 * 1024;

/// A scratch buffer kept between calls; `None` while some body is using it (or before the first).
static SCRATCH: Mutex<Option<Vec<u8>>> = Mutex::new(None);

async fn read_body(mut response: Response) -> Result<Vec<u8>, reqwest::Error> {
    if response
        .content_length()
        .is_none_or(|len| len <= LARGE_BODY)
    {
        return Ok(response.bytes().await?.to_vec());
    }
    // Take the buffer if it is free, a new one if not: no waiting for another body.
    let taken = SCRATCH
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    let mut buffer = taken.unwrap_or_default();
    buffer.clear();
    let gathered = async {
        while let Some(chunk) = response.chunk().await? {
            buffer.extend_from_slice(&chunk);
        }
        Ok::<(), reqwest::Error>(())
    }
    .await;
    let body = match gathered {
        Ok(()) => Ok(buffer.as_slice().to_vec()),
        Err(err) => Err(err),
    };
    buffer.clear();
    {
        let mut slot = SCRATCH.lock().unwrap_or_else(PoisonError::into_inner);
        let keep_ours = slot
            .as_ref()
            .is_none_or(|kept| kept.capacity() < buffer.capacity());
        if keep_ours {
            *slot = Some(buffer);
        }
    }
    body
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let body = read_body(response).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
