//! Wrong: breaks "A slow answer is still a photo: no timeout of your own"
//! Every request carries `.timeout(20s)`, "so that one dead server cannot stall the batch"
//! (the lesson just spent a section on a silent server and its 30-second waves). A photo whose
//! answer (head or body) takes longer than 20 s comes back as a timeout error instead of the
//! photo. Any slow photo a test can afford to wait for (a second or two) still arrives, so
//! only a delay longer than the learner's own bound shows the mistake.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// How long one photo may take before we give up on it.
const PHOTO_TIMEOUT: Duration = Duration::from_secs(20);

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, &id)| async move {
                let photo = async {
                    client
                        .get(format!("{base_url}/photos/{id}"))
                        // Covers connecting, the head and the body: a bound per photo.
                        .timeout(PHOTO_TIMEOUT)
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
