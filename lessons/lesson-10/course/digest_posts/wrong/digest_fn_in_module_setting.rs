//! Wrong: breaks "a successful answer's body ... goes to `digest` once"
//! The learner fought `spawn_blocking`'s `'static` bound, blamed the `&` in `fn(&[u8]) -> u64`, and
//! did what a Python module does with a setting (`mymodule.DIGEST = digest`): the call stores its
//! `digest` in a process-wide slot, and each blocking closure reads the function from there when it
//! runs. Alone, a call is right; with two calls side by side, the later call's `digest` replaces the
//! earlier one's, and the earlier call's bodies that come in after that are digested by the wrong
//! function.

use std::sync::{PoisonError, RwLock};

use futures::future::join_all;
use reqwest::Client;

type DigestFn = fn(&[u8]) -> u64;

/// The digest of the call in progress, read by the blocking closures.
static CURRENT_DIGEST: RwLock<Option<DigestFn>> = RwLock::new(None);

fn run_current_digest(body: &[u8]) -> u64 {
    let current = *CURRENT_DIGEST
        .read()
        .unwrap_or_else(PoisonError::into_inner);
    let digest = current.expect("set by `digest_posts` before any body arrives");
    digest(body)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    *CURRENT_DIGEST
        .write()
        .unwrap_or_else(PoisonError::into_inner) = Some(digest);
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || run_current_digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
