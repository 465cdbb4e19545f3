//! Correct: one `tokio::select!` loop drives two sets at once: a `FuturesUnordered` of fetches
//! (send, status, whole body, all in flight together on the runtime) and a `JoinSet` of digests.
//! The moment a fetch yields its body, the loop hands it to `JoinSet::spawn_blocking`; finished
//! digests are taken as they come, and every result is put in the slot of its position in `ids`.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut fetches: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| async move {
            let fetched = async {
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await
            }
            .await;
            (index, fetched)
        })
        .collect();
    let mut digests: JoinSet<(usize, u64)> = JoinSet::new();
    let mut results: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();

    loop {
        tokio::select! {
            Some((index, fetched)) = fetches.next(), if !fetches.is_empty() => match fetched {
                Ok(body) => {
                    digests.spawn_blocking(move || (index, digest(&body)));
                }
                Err(err) => results[index] = Some(Err(err)),
            },
            Some(joined) = digests.join_next(), if !digests.is_empty() => {
                let (index, value) =
                    joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
                results[index] = Some(Ok(value));
            },
            else => break,
        }
    }

    results
        .into_iter()
        .map(|slot| match slot {
            Some(result) => result,
            None => unreachable!("every post either failed or was digested"),
        })
        .collect()
}
