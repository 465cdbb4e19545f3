//! Wrong: breaks "goes to `digest` once, as soon as that body is in: a digest never waits for other requests"
//! The positions of `ids` are grouped by id, and each distinct post gets one async block that
//! asks its URL as many times as the id is listed (every copy asked, all in flight together),
//! then digests the copies' bodies side by side on the blocking pool. But the first copy of a
//! repeated id is digested only once every other copy of that id has answered: `[7, 7]` with a
//! slow second answer holds the first body back. With distinct ids, the usual test, nothing waits.
//! A learner writes it to build each URL once and to put the results back "by id".

use std::collections::HashMap;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Each distinct id once, with every position where it is listed.
    let mut groups: Vec<(u64, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<u64, usize> = HashMap::new();
    for (pos, &id) in ids.iter().enumerate() {
        match group_of.get(&id).copied() {
            Some(group) => groups[group].1.push(pos),
            None => {
                group_of.insert(id, groups.len());
                groups.push((id, vec![pos]));
            }
        }
    }

    let per_post = groups.into_iter().map(|(id, positions)| async move {
        let url = format!("{base_url}/posts/{id}");
        let url = url.as_str();
        // An id listed twice is asked twice: one request per listing, all at once.
        let bodies = join_all(positions.iter().map(|_| async move {
            let response = client.get(url).send().await?.error_for_status()?;
            response.bytes().await
        }))
        .await;
        let digested = join_all(bodies.into_iter().map(|body| async move {
            match body {
                Ok(bytes) => Ok(off_the_runtime(digest, bytes).await),
                Err(err) => Err(err),
            }
        }))
        .await;
        positions.into_iter().zip(digested).collect::<Vec<_>>()
    });

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    for (pos, result) in join_all(per_post).await.into_iter().flatten() {
        slots[pos] = Some(result);
    }
    slots.into_iter().flatten().collect()
}

/// Runs `digest` on tokio's blocking pool and awaits it.
async fn off_the_runtime<B>(digest: fn(&[u8]) -> u64, body: B) -> u64
where
    B: AsRef<[u8]> + Send + 'static,
{
    match tokio::task::spawn_blocking(move || digest(body.as_ref())).await {
        Ok(value) => value,
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
