//! Wrong: breaks "at most `limit` requests in flight at any moment (from sending a request …)": every request is `tokio::spawn`ed up front (asyncio's `create_task` for each id, "so they all get going"), and `buffered(limit)` bounds only how many `JoinHandle`s are awaited at a time, not how many tasks run, so all of `ids` are sent at once; results, order, repeats, errors, limit 0, huge limits and empty ids are all right.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_one(client: Client, url: String) -> Result<Photo, reqwest::Error> {
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json::<Photo>()
        .await
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let base_url = base_url.trim_end_matches('/');
    // One task per id; the window below keeps at most `limit` of them "active".
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| tokio::spawn(fetch_one(client.clone(), format!("{base_url}/photos/{id}"))))
        .collect();
    futures::stream::iter(tasks)
        // `buffered` keeps the order of `ids`, so no sorting is needed.
        .buffered(limit.max(1))
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
        .await
}
