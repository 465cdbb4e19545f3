//! Wrong: breaks "the digests of different posts run at the same time"
//! The learner keeps lesson 05's semaphore "with no real limit" over the digests, sized to the call
//! (`ids.len()` permits), and puts it in a process-wide slot so that any task can reach it without
//! threading an `Arc` through. Each call installs a fresh one; a pipeline takes whatever gate is
//! installed when its body is in. Alone, a call never waits on it; beside a later, smaller call,
//! the earlier call's late bodies share the smaller call's few permits and digest in turns.

use std::sync::{Arc, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// The digest gate of the latest call: one permit per post it asks for.
static DIGEST_GATE: Mutex<Option<Arc<Semaphore>>> = Mutex::new(None);

fn current_gate() -> Arc<Semaphore> {
    let mut slot = DIGEST_GATE.lock().unwrap_or_else(PoisonError::into_inner);
    slot.get_or_insert_with(|| Arc::new(Semaphore::new(1)))
        .clone()
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // As many permits as posts: no real limit, as in lesson 05 (at least one, never zero).
    *DIGEST_GATE.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(Semaphore::new(
        ids.len().clamp(1, Semaphore::MAX_PERMITS),
    )));
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let gate = current_gate();
        // The gate is never closed, so `acquire_owned` cannot fail; run ungated if it ever did.
        let permit = gate.acquire_owned().await.ok();
        let digested = tokio::task::spawn_blocking(move || {
            let digested = digest(&body);
            drop(permit);
            digested
        })
        .await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
