//! Correct: no `JoinHandle` is awaited: each post's pipeline (GET, status, raw bytes on the
//! runtime) hands its body to a detached `spawn_blocking` task that sends `(place, digest)` on a
//! `futures::channel::mpsc` unbounded channel, and a failed request sends `(place, Err)` on the
//! same channel; the call drives the pipelines and the receiving loop together with
//! `futures::join!`, putting each result in its place of `ids`. The channel closes when the last
//! sender (a pipeline or a blocking task) is gone. A call dropped midway drops the receiver: a
//! digest still running then finds the channel closed and its send is ignored (no panic).

use futures::StreamExt;
use futures::channel::mpsc;
use futures::future::join_all;
use reqwest::Client;

type PostResult = Result<u64, reqwest::Error>;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (tx, mut rx) = mpsc::unbounded::<(usize, PostResult)>();
    let pipelines: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(place, &id)| {
            let tx = tx.clone();
            let url = format!("{base_url}/posts/{id}");
            async move {
                let fetched = async move {
                    client
                        .get(url)
                        .send()
                        .await?
                        .error_for_status()?
                        .bytes()
                        .await
                }
                .await;
                match fetched {
                    Ok(body) => {
                        // Detached: the blocking task answers on the channel itself.
                        drop(tokio::task::spawn_blocking(move || {
                            let value = digest(&body);
                            let _ = tx.unbounded_send((place, Ok(value)));
                        }));
                    }
                    Err(err) => {
                        let _ = tx.unbounded_send((place, Err(err)));
                    }
                }
            }
        })
        .collect();
    // Only the pipelines (and, later, their blocking tasks) hold senders now.
    drop(tx);

    let mut slots: Vec<Option<PostResult>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    let receive = async {
        while let Some((place, result)) = rx.next().await {
            if let Some(slot) = slots.get_mut(place) {
                *slot = Some(result);
            }
        }
    };
    futures::join!(join_all(pipelines), receive);

    slots
        .into_iter()
        .map(|slot| slot.unwrap_or_else(|| unreachable!("every place gets exactly one result")))
        .collect()
}
