//! Correct, written another way: every request future first waits at a `tokio::sync::Barrier` sized to `ids`, a starting gun that lets them all go at once, and only then starts its own clock and sends; the wait at the barrier is not part of any request's time.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Barrier;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    if ids.is_empty() {
        return None;
    }

    // `join_all` polls every future in this one task, so all of them reach the barrier on its
    // first round, and the last to arrive releases the others.
    let starting_gun = Barrier::new(ids.len());
    let starting_gun = &starting_gun;

    let timed = ids.iter().map(|&id| async move {
        starting_gun.wait().await;
        let start = Instant::now();
        let _ = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .bytes()
                .await
        }
        .await;
        (id, start.elapsed())
    });

    let mut slowest: Option<(u64, std::time::Duration)> = None;
    for (id, took) in join_all(timed).await {
        if slowest.is_none_or(|(_, longest)| took > longest) {
            slowest = Some((id, took));
        }
    }
    slowest.map(|(id, _)| id)
}
