//! Wrong: builds each URL with `Url::join("/photos/{id}")`, which replaces the base URL's path
//! instead of appending to it: `http://host/api/v1` becomes `http://host/photos/7`.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::{Client, Url};

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let base = Url::parse(base_url).unwrap();
    let base = &base;
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let url = base.join(&format!("/photos/{id}")).unwrap();
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
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
