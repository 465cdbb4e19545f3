//! Wrong: breaks "no panic: `digest` itself never panics" (and "any other status (...) is an answer like a 200")
//! for an answer whose status is past 599 (a 999, or a 600): the call keeps a tally of the
//! answers per status class in an array of six counters indexed by `status / 100`, and a 999
//! indexes place 9: "index out of bounds", the whole call panics instead of returning
//! `Ok(digest(body))` for that post.
//! Why a learner would think it right: "HTTP statuses go from 100 to 599" is what every table of
//! them says, `StatusCode` looks like it enforces it, and a summary line per call ("2xx: 40, 4xx:
//! 2") is a useful log. The tally is atomics, so no lock is held; otherwise the reference
//! pipeline.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Answers per status class: [0xx, 1xx, 2xx, 3xx, 4xx, 5xx].
    let tally: [AtomicUsize; 6] = Default::default();
    let tally = &tally;
    let each = ids.iter().map(|&id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let response = client.get(url).send().await?;
            let class = usize::from(response.status().as_u16() / 100);
            tally[class].fetch_add(1, Ordering::Relaxed);
            let body = response.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    let results = join_all(each).await;
    if !ids.is_empty() {
        eprintln!(
            "digest_posts: {} ids, 1xx {}, 2xx {}, 3xx {}, 4xx {}, 5xx {}",
            ids.len(),
            tally[1].load(Ordering::Relaxed),
            tally[2].load(Ordering::Relaxed),
            tally[3].load(Ordering::Relaxed),
            tally[4].load(Ordering::Relaxed),
            tally[5].load(Ordering::Relaxed),
        );
    }
    results
}
