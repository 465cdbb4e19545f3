//! Also correct: `buffer_unordered` over `(position, id)` pairs, each result dropped into its
//! slot of a `Vec<Option<…>>` as it arrives.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_one(client: &Client, url: String) -> Result<Photo, reqwest::Error> {
    let response = client.get(url).send().await?;
    let response = response.error_for_status()?;
    response.json().await
}

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = Vec::new();
    slots.resize_with(ids.len(), || None);
    let mut answers = stream::iter(ids.iter().enumerate())
        .map(|(position, id)| async move {
            (
                position,
                fetch_one(client, format!("{base_url}/photos/{id}")).await,
            )
        })
        .buffer_unordered(limit.max(1));
    while let Some((position, photo)) = answers.next().await {
        slots[position] = Some(photo);
    }
    slots.into_iter().flatten().collect()
}
