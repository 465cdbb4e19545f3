//! Also correct: a sliding window of spawned tasks in a `JoinSet`, each with a clone of the
//! client; a new task as soon as one finishes, and every result put in its slot.

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::task::JoinSet;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut tasks = JoinSet::new();
    let mut waiting = ids.iter().copied().enumerate();
    loop {
        while tasks.len() < limit.max(1) {
            let Some((position, id)) = waiting.next() else {
                break;
            };
            let (client, url) = (client.clone(), format!("{base_url}/photos/{id}"));
            tasks.spawn(async move {
                let photo = match client.get(url).send().await {
                    Ok(response) => match response.error_for_status() {
                        Ok(response) => response.json::<Photo>().await,
                        Err(err) => Err(err),
                    },
                    Err(err) => Err(err),
                };
                (position, photo)
            });
        }
        match tasks.join_next().await {
            Some(Ok((position, photo))) => slots[position] = Some(photo),
            Some(Err(failed)) => std::panic::resume_unwind(failed.into_panic()),
            None => break,
        }
    }
    slots.into_iter().flatten().collect()
}
