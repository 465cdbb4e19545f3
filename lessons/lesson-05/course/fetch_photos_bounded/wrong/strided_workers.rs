//! Wrong: breaks "no fewer while ids are still waiting: the requests start in the order of `ids`, each next one as soon as any request finishes": `limit` workers each own a fixed share of the ids (worker w takes positions w, w+limit, w+2·limit, …), so a freed slot only takes the next id of its own worker's share, and when one answer is slow the ids behind it in that share wait while the other workers finish and sit idle; with even latencies it starts the ids in order, never has more than `limit` in flight, fetches duplicates twice and returns the results in the order of `ids`.

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // One worker per slot: at least one (a limit of 0 is taken as 1), and never more workers
    // than there are ids (so `usize::MAX` is fine, and no ids is one idle worker).
    let workers = limit.clamp(1, ids.len().max(1));

    // Deal the ids out like cards: worker 0 gets positions 0, workers, 2*workers, …, worker 1
    // gets 1, workers + 1, … Each worker fetches its share one after the other, so there are
    // never more than `workers` requests in flight.
    let shares = (0..workers).map(|worker| async move {
        let mut fetched = Vec::new();
        for position in (worker..ids.len()).step_by(workers) {
            let photo = lesson_05::fetch_photo(client, base_url, ids[position]).await;
            fetched.push((position, photo));
        }
        fetched
    });

    // All the workers run together; then put the results back in the order of `ids`.
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        join_all(shares).await.into_iter().flatten().collect();
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
