//! Wrong: `try_join_all` gives up at the first failed request and answers `None`.

use std::time::Instant;

use futures::future::try_join_all;
use reqwest::Client;

pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let start = Instant::now();
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        Ok::<_, reqwest::Error>((id, start.elapsed()))
    });
    try_join_all(timed)
        .await
        .ok()?
        .into_iter()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
