//! Wrong: breaks "give up once `limit` has passed, not before it": each call shaves a random share of up to a tenth off `limit` (drawn from `RandomState`), so that many callers started together do not all time out on the same tick, the jittered-timeout habit from SRE guides; about half the calls give up measurably early.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// A point in the last tenth of `limit`, different on every call.
fn spread(limit: Duration, id: u64) -> Duration {
    let draw = RandomState::new().hash_one(id);
    let fraction = (draw >> 11) as f64 / (1u64 << 53) as f64;
    limit.saturating_sub((limit / 10).mul_f64(fraction))
}

/// Fetches post `id`, giving up within `limit`, classifying any failure. Calls started at the
/// same moment give up spread over the last tenth of their limit rather than all at once.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(spread(limit, id))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
