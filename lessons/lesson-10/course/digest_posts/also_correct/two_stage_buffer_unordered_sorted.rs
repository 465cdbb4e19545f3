//! Correct: two `buffer_unordered` stages chained on one stream, each as wide as `ids` (at least 1,
//! or an empty stream would wait forever): the first has every GET in flight and yields each
//! (position, body) the moment it is in, whatever the order; the second starts that body's digest
//! on the blocking pool as soon as it is yielded, beside the others. The results come out in the
//! order they finish, tagged with their position, and are sorted back into the order of `ids`.

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let width = ids.len().max(1);
    let mut tagged: Vec<(usize, Result<u64, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let fetched = async {
                    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
                    response.error_for_status()?.bytes().await
                }
                .await;
                (position, fetched)
            })
            .buffer_unordered(width)
            .map(|(position, fetched)| async move {
                let result = match fetched {
                    Ok(body) => match tokio::task::spawn_blocking(move || digest(&body)).await {
                        Ok(value) => Ok(value),
                        Err(err) => std::panic::resume_unwind(err.into_panic()),
                    },
                    Err(err) => Err(err),
                };
                (position, result)
            })
            .buffer_unordered(width)
            .collect()
            .await;
    tagged.sort_by_key(|pair| pair.0);
    tagged.into_iter().map(|(_, result)| result).collect()
}
