//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)" and "the result, in the order of `ids`" for an id listed three times
//! The learner handles repeats by remembering, for each id, the first and the last place it
//! holds in `ids`: each id is asked for once per place remembered, so an id listed twice is
//! asked twice, but one listed three times loses its middle place.

use std::collections::HashMap;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut places: HashMap<u64, (usize, usize)> = HashMap::new();
    for (index, &id) in ids.iter().enumerate() {
        places
            .entry(id)
            .and_modify(|(_, last)| *last = index)
            .or_insert((index, index));
    }
    let mut slots: Vec<usize> = places
        .values()
        .flat_map(|&(first, last)| {
            if first == last {
                vec![first]
            } else {
                vec![first, last]
            }
        })
        .collect();
    slots.sort_unstable();
    let each = slots.iter().map(|&slot| {
        let id = ids[slot];
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
