//! Wrong: breaks "all of them in flight together, however many ids there are (no cap, no batches, not one after another)"
//! The ids are grouped: every distinct id is fetched concurrently with the others, but the
//! repeats of one id are fetched one after another inside its group, so two entries for the same
//! post are never in flight together. Each entry still gets its own request and its own answer, in
//! the order of `ids`. A careful learner does this because "an id listed twice is fetched twice",
//! and two identical GETs at the same instant look like a double submit to a server or a rate
//! limiter, so the second waits for the first. A peak measured over distinct ids, and a request
//! count for repeats, both pass; only the overlap of the repeats themselves shows it.

use std::collections::HashMap;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// One GET `{base_url}/posts/{id}`: the status checked, the body read as a post.
async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
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
    // Where each id appears in `ids`.
    let mut positions: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, &id) in ids.iter().enumerate() {
        positions.entry(id).or_default().push(index);
    }

    // One future per distinct id; its repeats go one at a time, each with its own request.
    let groups = positions.into_iter().map(|(id, indices)| async move {
        let mut answers = Vec::with_capacity(indices.len());
        for index in indices {
            answers.push((index, fetch_post(client, base_url, id).await));
        }
        answers
    });

    let mut slots: Vec<Option<Result<Post, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    for (index, result) in join_all(groups).await.into_iter().flatten() {
        slots[index] = Some(result);
    }
    slots.into_iter().flatten().collect()
}
