//! Wrong: breaks "each entry's result is the answer to its own request"
//! The requests run in a `FuturesUnordered`, each tagged with its id, and the answers are filed
//! per id as they arrive; the result is then rebuilt in the order of `ids`, a repeated id taking
//! its answers from a queue in turn. The learner thought of repeats (each is fetched, each gets
//! an answer, none is merged) but not of *which* answer goes where: the first entry of a
//! repeated id gets whichever of its requests answered first, not its own. When both requests
//! of a repeated id get the same answer, nothing shows; when they differ (a 503 for one, a 200
//! for the other; a slow and a fast post), the entries can be swapped.

use std::collections::{HashMap, VecDeque};

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;

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
    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move { (id, fetch_post(client, base_url, id).await) })
        .collect();

    // The answers as they arrive, filed under the id they answer.
    let mut answers: HashMap<u64, VecDeque<Result<Post, reqwest::Error>>> = HashMap::new();
    while let Some((id, result)) = in_flight.next().await {
        answers.entry(id).or_default().push_back(result);
    }

    // Back in the order of `ids`: an id listed twice takes its two answers one after the other.
    ids.iter()
        .filter_map(|id| answers.get_mut(id).and_then(VecDeque::pop_front))
        .collect()
}
