//! Wrong: breaks "each request's time is its own, from its start to the end of its answer (its body read, not only its head)": the body is read chunk by chunk but only up to 16 KiB, since a post is well under 1 KiB and there is no point downloading a large error page just to time it, so a large answer that keeps arriving slowly stops the clock at its first 16 KiB.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// More than any post; past this the rest of a body is not read.
const BODY_LIMIT: usize = 16 * 1024;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        let _ = async {
            let mut response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            let mut read = 0;
            while let Some(chunk) = response.chunk().await? {
                read += chunk.len();
                if read >= BODY_LIMIT {
                    break;
                }
            }
            Ok::<_, reqwest::Error>(())
        }
        .await;
        (id, start.elapsed())
    });

    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
