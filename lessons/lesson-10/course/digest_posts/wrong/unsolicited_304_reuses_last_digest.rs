//! Wrong: breaks "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200" (its body goes to `digest`)
//! The learner sends no validators (no `If-None-Match`, no `If-Modified-Since`), but reads a
//! `304 Not Modified` the way HTTP defines it: "what you already have is still good". reqwest
//! keeps no cache, so the learner remembers, process-wide, the last digest of each URL (per digest
//! function), and a 304 for a URL it has digested before is answered with that digest instead of
//! digesting the 304's empty body; with nothing remembered, the empty body is digested as usual.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// The last digest of each URL, by URL and digest function.
static LAST_DIGEST: LazyLock<Mutex<HashMap<(String, usize), u64>>> =
    LazyLock::new(Default::default);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let response = client.get(&url).send().await?.error_for_status()?;
        let key = (url, digest as usize);
        if response.status() == StatusCode::NOT_MODIFIED {
            let remembered = LAST_DIGEST
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get(&key)
                .copied();
            if let Some(digested) = remembered {
                return Ok(digested);
            }
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        LAST_DIGEST
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, digested);
        Ok(digested)
    });
    join_all(each).await
}
