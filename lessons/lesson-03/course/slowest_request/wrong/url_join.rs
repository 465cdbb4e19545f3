//! Wrong: `Url::join("/posts/{id}")` replaces the base URL's path, so `/api/v1` is lost.

use std::time::Instant;

use futures::future::join_all;
use reqwest::{Client, Url};

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let base = Url::parse(base_url).ok()?;
    let timed = ids.iter().map(|&id| {
        let url = base.join(&format!("/posts/{id}"));
        async move {
            let start = Instant::now();
            if let Ok(url) = url {
                let _ = client.get(url).send().await;
            }
            (id, start.elapsed())
        }
    });
    join_all(timed)
        .await
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
