//! Wrong: breaks "each next one as soon as any request finishes": it looks for finished requests every 50 ms (the asyncio habit of polling `task.done()` between `await asyncio.sleep(0.05)`), so a freed slot stays empty until the next look; it never has more than `limit` in flight, starts the ids in order, pauses after no particular answer, and returns every result in the order of `ids`.

use std::time::Duration;

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::task::JoinSet;

/// How often to look for requests that have finished.
const POLL_EVERY: Duration = Duration::from_millis(50);

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let limit = limit.max(1);
    let mut waiting = ids.iter().copied().enumerate();
    // Each task hands back its position in `ids` with its result (an id may appear twice).
    let mut running: JoinSet<(usize, Result<Photo, reqwest::Error>)> = JoinSet::new();
    let mut finished = Vec::with_capacity(ids.len());

    loop {
        // Fill every free slot, in the order of `ids`.
        while running.len() < limit {
            let Some((position, id)) = waiting.next() else {
                break;
            };
            let client = client.clone();
            let url = format!("{base_url}/photos/{id}");
            running.spawn(async move {
                let photo = async {
                    client
                        .get(url)
                        .send()
                        .await?
                        .error_for_status()?
                        .json::<Photo>()
                        .await
                }
                .await;
                (position, photo)
            });
        }
        if running.is_empty() {
            break;
        }
        // Let the requests work for a moment, then collect the ones that are done; their slots
        // go to the next ids at the top of the loop.
        tokio::time::sleep(POLL_EVERY).await;
        while let Some(joined) = running.try_join_next() {
            match joined {
                Ok(one) => finished.push(one),
                // A task only fails if it panicked: pass the panic on.
                Err(err) => std::panic::resume_unwind(err.into_panic()),
            }
        }
    }

    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, photo)| photo).collect()
}
