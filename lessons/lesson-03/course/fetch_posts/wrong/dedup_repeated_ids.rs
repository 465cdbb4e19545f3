//! Wrong: breaks "an id listed twice is fetched twice ... not deduplicated": each distinct id is requested once and a successful post is cloned into every entry that repeats it (only the repeats of an id whose request failed get a request of their own, since an error cannot be cloned), so a repeated id sends fewer GETs than `ids` has entries.

use std::collections::{HashMap, HashSet};

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// One post: the GET, the status check, the decoding.
async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // The same post twice is the same post: ask the server once per distinct id.
    let mut seen = HashSet::new();
    let distinct: Vec<u64> = ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    let fetched = join_all(distinct.iter().map(|&id| fetch_one(client, base_url, id))).await;
    let mut by_id: HashMap<u64, Result<Post, reqwest::Error>> =
        distinct.into_iter().zip(fetched).collect();

    // Hand the results out in the order of `ids`. A post is cloned for every repeat; an error
    // cannot be cloned, so its first entry takes it and the repeats are asked for again.
    let mut results: Vec<Option<Result<Post, reqwest::Error>>> = Vec::with_capacity(ids.len());
    let mut again = Vec::new();
    for (position, &id) in ids.iter().enumerate() {
        let post = by_id.get(&id).map(|result| result.as_ref().ok().cloned());
        match post {
            Some(Some(post)) => results.push(Some(Ok(post))),
            Some(None) => results.push(by_id.remove(&id)),
            None => {
                results.push(None);
                again.push((position, id));
            }
        }
    }
    let refetched = join_all(again.iter().map(|&(_, id)| fetch_one(client, base_url, id))).await;
    for ((position, _), result) in again.into_iter().zip(refetched) {
        results[position] = Some(result);
    }

    results.into_iter().flatten().collect()
}
