//! Wrong: breaks "when every request fails, the slowest of them is still the answer (a `base_url` that is no URL, such as `127.0.0.1:3000` without its scheme, fails them all)": each future builds its `Request` before starting its clock, so that only the network is timed, and a request that cannot even be built is left out as "never sent, so no time", which turns a base URL that is no URL into `None`.

use std::time::Instant;

use futures::future::join_all;
use reqwest::Client;

/// The id whose request took the longest, or `None` if there were no ids.
pub async fn slowest_request(client: &Client, base_url: &str, ids: &[u64]) -> Option<u64> {
    let timed = ids.iter().map(|&id| async move {
        let request = client.get(format!("{base_url}/posts/{id}")).build().ok()?;
        let start = Instant::now();
        let _ = async { client.execute(request).await?.bytes().await }.await;
        Some((id, start.elapsed()))
    });

    join_all(timed)
        .await
        .into_iter()
        .flatten()
        .max_by_key(|&(_, elapsed)| elapsed)
        .map(|(id, _)| id)
}
