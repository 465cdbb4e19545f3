//! Correct, written another way: reads the body chunk by chunk with `Response::chunk()` until the end (or its first failure) instead of `bytes()`, and keeps the slowest with a hand-written fold over the joined results instead of `max_by_key`.

use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        if let Ok(mut response) = client.get(format!("{base_url}/posts/{id}")).send().await {
            // Drain the body: the answer is over when the last chunk is in, or the read fails.
            while let Ok(Some(_chunk)) = response.chunk().await {}
        }
        (id, start.elapsed())
    });

    let mut slowest: Option<(u64, Duration)> = None;
    for (id, took) in join_all(timed).await {
        let slower = match slowest {
            Some((_, longest)) => took > longest,
            None => true,
        };
        if slower {
            slowest = Some((id, took));
        }
    }
    slowest.map(|(id, _)| id)
}
