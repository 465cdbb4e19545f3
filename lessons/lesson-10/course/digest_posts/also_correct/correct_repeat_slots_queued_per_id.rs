//! Correct: the fix for `repeat_slot_first_or_last`: results still come back as they finish, tagged with their id only, but each id keeps a queue of its places in `ids` (a `HashMap<u64, VecDeque<usize>>`), and each result takes the next free place of its id, so an id listed any number of times fills all its places. (Which copy lands in which of its places cannot matter: the copies are the same request.)

use std::collections::{HashMap, VecDeque};

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut places: HashMap<u64, VecDeque<usize>> = HashMap::new();
    for (position, &id) in ids.iter().enumerate() {
        places.entry(id).or_default().push_back(position);
    }
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move {
            let outcome = async {
                let body = client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body))
                    .await
                    .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
                Ok::<u64, reqwest::Error>(digested)
            }
            .await;
            (id, outcome)
        })
        .collect();

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    while let Some((id, outcome)) = pending.next().await {
        let place = places
            .get_mut(&id)
            .and_then(VecDeque::pop_front)
            .expect("one place per entry of ids");
        slots[place] = Some(outcome);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every entry has its result"))
        .collect()
}
