//! Wrong: breaks "no fewer [than `limit` in flight] while ids are still waiting: a new request starts as soon as any one finishes": like `ids[k::limit]` handed to `limit` workers in Python, the ids are dealt out up front, worker `k` taking positions `k`, `k + limit`, `k + 2·limit`… one after another, so a worker stuck on a slow photo keeps its remaining ids waiting while the other workers run out of work and sit idle; never more than `limit` in flight, and order, repeats, errors, limit 0, huge limits and empty ids are right.

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
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
    // No more workers than ids (none for no ids), and at least one.
    let workers = limit.max(1).min(ids.len());
    // Each worker fetches its share one at a time, so at most `workers` requests are in
    // flight, and every id belongs to exactly one worker.
    let shares: Vec<Vec<(usize, Result<Photo, reqwest::Error>)>> =
        join_all((0..workers).map(|worker| async move {
            let mut share = Vec::new();
            for position in (worker..ids.len()).step_by(workers) {
                share.push((position, fetch_one(client, base_url, ids[position]).await));
            }
            share
        }))
        .await;
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        shares.into_iter().flatten().collect();
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
